"""盘点 (stocktake): open a count with a frozen snapshot, enter counts, submit, approve.

A count never moves stock. Opening it freezes the book quantity of every lot in scope
(whole depot, a category, or some locations) while normal work goes on. Approval, by
someone who neither opened it nor entered its counts, posts the variances (counted −
frozen book) as one ADJUST document linked from the count (LinkRole.COUNT_ADJUSTMENT):
receipts and issues of counted lots made after the snapshot are already in the lots'
balances and stay there, so nothing is counted twice or lost. Stock found that the books
did not know (盘盈) becomes a new lot of source `count_gain`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import Connection, bindparam, insert, select, update

from ..domain.counts import counted_quantity, reason_or_empty, require_count_approver
from ..domain.errors import (
    EmptyDocument,
    InvalidInput,
    NotFound,
    UncountedLines,
    VarianceReasonRequired,
)
from ..domain.model import DocState, DocType, PostingResult, ReserveMode
from ..domain.permissions import Action, Actor, require
from ..domain.quantities import to_milli
from ..persistence import repo
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from . import documents
from .common import utcnow
from .count_variances import post_variances

MAX_NOTE = 500


@dataclass(frozen=True)
class CountEntry:
    """A counted quantity for one line of a count (with a reason code if it differs)."""

    line_no: int
    counted: Decimal | str | int
    reason: str = ""
    note: str = ""


@dataclass(frozen=True)
class FoundLine:
    """Stock found at the depot that no line of the count names (盘盈 of an unknown lot)."""

    item_code: str
    quantity: Decimal | str | int
    batch_no: str = ""
    location_code: str = ""
    reason: str = "other"
    note: str = ""


def open_count(
    uow: UnitOfWork,
    actor: Actor,
    *,
    depot: str,
    request_id: str,
    category: str | None = None,
    locations: Sequence[str] = (),
    blind: bool = False,
    counter: str = "",
    supervisor: str = "",
    note: str = "",
) -> PostingResult:
    """开始盘点: a PD-… document whose lines freeze the book quantity of each lot in scope."""
    payload = {
        "depot": depot,
        "category": category,
        "locations": sorted(locations),
        "blind": blind,
        "counter": counter,
        "supervisor": supervisor,
        "note": note,
    }

    def body(conn: Connection) -> documents.Posted:
        dep = documents.depot_for(conn, actor, Action.COUNT, depot)
        category_id = _category_id(conn, category) if category else None
        codes = sorted({code.strip() for code in locations if code.strip()})
        location_ids = [repo.location_id(conn, dep.id, code) for code in codes]
        lots = _lots_in_scope(conn, dep.id, category_id, location_ids)
        if not lots:
            raise EmptyDocument()
        doc = documents.create(conn, actor, DocType.COUNT, dep, date.today(), note=note[:MAX_NOTE])
        conn.execute(
            insert(t.count_details).values(
                document_id=doc.id,
                category_id=category_id,
                locations=",".join(codes),
                blind=blind,
                snapshot_at=utcnow(),
                counter=counter.strip()[:100],
                supervisor=supervisor.strip()[:100],
            )
        )
        conn.execute(
            insert(t.count_lines),
            [
                {
                    "document_id": doc.id,
                    "line_no": n,
                    "lot_id": r.lot_id,
                    "item_id": r.item_id,
                    "location_id": r.location_id,
                    "batch_no": r.batch_no,
                    "book": r.on_hand,
                    "counted": None,
                    "reason": "",
                    "note": "",
                    "found": False,
                    "recounts": 0,
                }
                for n, r in enumerate(lots, 1)
            ],
        )
        return documents.Posted(doc.id)

    return documents.post(uow, actor, "open_count", request_id, payload, body)


def _category_id(conn: Connection, code: str) -> int:
    found = conn.execute(
        select(t.categories.c.id).where(t.categories.c.code == code.strip())
    ).scalar()
    if found is None:
        raise NotFound("category", code)
    return int(found)


def _lots_in_scope(
    conn: Connection, depot_id: int, category_id: int | None, location_ids: list[int | None]
) -> list:
    """Lots with stock, read in one statement (one consistent snapshot), in sheet order."""
    lot, bal, item, loc = t.lots.c, t.lot_balances.c, t.items.c, t.locations.c
    query = (
        select(lot.id.label("lot_id"), lot.item_id, lot.location_id, lot.batch_no, bal.on_hand)
        .join(t.lot_balances, bal.lot_id == lot.id)
        .join(t.items, item.id == lot.item_id)
        .outerjoin(t.locations, loc.id == lot.location_id)
        .where(
            lot.depot_id == depot_id,
            bal.on_hand > 0,
            lot.reserve_mode == ReserveMode.PHYSICAL.value,
        )
        .order_by(loc.code, item.code, lot.batch_no, lot.id)
    )
    if category_id is not None:
        query = query.where(item.category_id == category_id)
    if location_ids:
        query = query.where(lot.location_id.in_(location_ids))
    return list(conn.execute(query))


# ------------------------------------------------------------------ entering counts


def load_count(conn: Connection, actor: Actor, doc_no: str, action: str) -> documents.DocHead:
    doc = documents.load(conn, doc_no)
    documents.require_kind(doc, DocType.COUNT, action)
    depot = repo.depot_by_id(conn, doc.depot_id)
    require(
        actor, Action.APPROVE_COUNT if action == "approve" else Action.COUNT, depot.id, depot.code
    )
    return doc


def write_counts(
    conn: Connection,
    actor: Actor,
    doc: documents.DocHead,
    entries: Sequence[CountEntry],
    found: Sequence[FoundLine],
) -> int:
    """Record counted quantities and found lines (validated first, then written); returns
    how many lines changed. The count must still be 进行中."""
    documents.check_can(doc, DocState.ENTERED)
    lines = {
        int(r.line_no): r
        for r in conn.execute(
            select(t.count_lines.c.line_no, t.count_lines.c.found, t.items.c.decimals)
            .join(t.items, t.items.c.id == t.count_lines.c.item_id)
            .where(t.count_lines.c.document_id == doc.id)
        )
    }
    now = utcnow()
    updates = []
    for entry in entries:
        line = lines.get(int(entry.line_no))
        if line is None:
            raise InvalidInput("line", "range", entry.line_no)
        qty = counted_quantity(entry.counted, int(line.decimals))
        updates.append(
            {
                "p_line": int(entry.line_no),
                "counted": to_milli(qty),
                "reason": reason_or_empty(entry.reason),
                "note": (entry.note or "").strip()[:MAX_NOTE],
            }
        )
    depot = repo.depot_by_id(conn, doc.depot_id)
    new_rows = []
    next_no = max(lines, default=0)
    for extra in found:
        item = repo.item_by_code(conn, extra.item_code, for_posting=False)
        qty = counted_quantity(extra.quantity, item.decimals)
        if qty == 0:
            raise InvalidInput("quantity", "positive", extra.quantity)
        next_no += 1
        new_rows.append(
            {
                "document_id": doc.id,
                "line_no": next_no,
                "lot_id": None,
                "item_id": item.id,
                "location_id": repo.location_id(conn, depot.id, extra.location_code or None),
                "batch_no": (extra.batch_no or "").strip()[:60],
                "book": 0,
                "counted": to_milli(qty),
                "reason": reason_or_empty(extra.reason) or "other",
                "note": (extra.note or "").strip()[:MAX_NOTE],
                "found": True,
                "counted_by": actor.user_id,
                "counted_at": now,
                "recounts": 0,
            }
        )
    if updates:
        c = t.count_lines.c
        conn.execute(
            update(t.count_lines)
            .where(c.document_id == doc.id, c.line_no == bindparam("p_line"))
            .values(counted_by=actor.user_id, counted_at=now),
            updates,
        )
    if new_rows:
        conn.execute(insert(t.count_lines), new_rows)
    return len(updates) + len(new_rows)


def enter_counts(
    uow: UnitOfWork,
    actor: Actor,
    *,
    doc_no: str,
    entries: Sequence[CountEntry],
    request_id: str,
    found: Sequence[FoundLine] = (),
) -> PostingResult:
    """录入实盘数: counted quantities (and reasons) of some lines, plus any found stock."""
    payload = {"doc_no": doc_no, "entries": list(entries), "found": list(found)}

    def body(conn: Connection) -> documents.Posted:
        doc = load_count(conn, actor, doc_no, "submit")
        changed = write_counts(conn, actor, doc, entries, found)
        documents.note_event(conn, actor, doc, f"录入实盘数 {changed} 行")
        return documents.Posted(doc.id)

    return documents.post(uow, actor, "enter_counts", request_id, payload, body)


def submit_count(uow: UnitOfWork, actor: Actor, *, doc_no: str, request_id: str) -> PostingResult:
    """录入完成: every line counted; the count waits for review and approval."""

    def body(conn: Connection) -> documents.Posted:
        doc = load_count(conn, actor, doc_no, "submit")
        documents.check_can(doc, DocState.ENTERED)
        submit_loaded(conn, actor, doc)
        return documents.Posted(doc.id)

    return documents.post(uow, actor, "submit_count", request_id, {"doc_no": doc_no}, body)


def submit_loaded(conn: Connection, actor: Actor, doc: documents.DocHead) -> None:
    missing = list(
        conn.execute(
            select(t.count_lines.c.line_no)
            .where(t.count_lines.c.document_id == doc.id, t.count_lines.c.counted.is_(None))
            .order_by(t.count_lines.c.line_no)
        ).scalars()
    )
    if missing:
        shown = "、".join(str(n) for n in missing[:20]) + ("…" if len(missing) > 20 else "")
        raise UncountedLines(doc.doc_no, shown, len(missing))
    conn.execute(
        update(t.count_details)
        .where(t.count_details.c.document_id == doc.id)
        .values(submitted_by=actor.user_id)
    )
    documents.transition(conn, actor, doc, DocState.ENTERED)


def recount(
    uow: UnitOfWork, actor: Actor, *, doc_no: str, line_nos: Sequence[int], request_id: str
) -> PostingResult:
    """复盘: selected lines of an entered count go back to be counted again."""
    chosen = sorted({int(n) for n in line_nos})

    def body(conn: Connection) -> documents.Posted:
        doc = load_count(conn, actor, doc_no, "recount")
        documents.check_can(doc, DocState.COUNTING)
        if not chosen:
            raise EmptyDocument()
        c = t.count_lines.c
        rows = {
            int(r.line_no): r
            for r in conn.execute(
                select(c.line_no, c.counted).where(c.document_id == doc.id, c.line_no.in_(chosen))
            )
        }
        unknown = [n for n in chosen if n not in rows]
        if unknown:
            raise InvalidInput("line", "range", unknown[0])
        conn.execute(
            update(t.count_lines)
            .where(c.document_id == doc.id, c.line_no.in_(chosen))
            .values(counted=None, counted_by=None, counted_at=None, recounts=c.recounts + 1)
        )
        listed = "、".join(str(n) for n in chosen)
        documents.transition(conn, actor, doc, DocState.COUNTING, f"复盘第 {listed} 行")
        return documents.Posted(doc.id)

    payload = {"doc_no": doc_no, "lines": chosen}
    return documents.post(uow, actor, "recount", request_id, payload, body)


def cancel_count(
    uow: UnitOfWork, actor: Actor, *, doc_no: str, request_id: str, note: str = ""
) -> PostingResult:
    """作废: the count is dropped; it never moved stock, so nothing else changes."""

    def body(conn: Connection) -> documents.Posted:
        doc = load_count(conn, actor, doc_no, "cancel")
        documents.transition(conn, actor, doc, DocState.CANCELLED, note)
        return documents.Posted(doc.id)

    return documents.post(uow, actor, "cancel_count", request_id, {"doc_no": doc_no}, body)


# ------------------------------------------------------------------ approval


def approve_count(
    uow: UnitOfWork, actor: Actor, *, doc_no: str, request_id: str, note: str = ""
) -> PostingResult:
    """审核: post each variance (counted − frozen book) as an ADJUST movement of one
    adjustment document linked from the count; found stock becomes new lots."""

    def body(conn: Connection) -> documents.Posted:
        doc = load_count(conn, actor, doc_no, "approve")
        documents.check_can(doc, DocState.POSTED)
        c = t.count_lines.c
        lines = list(
            conn.execute(select(t.count_lines).where(c.document_id == doc.id).order_by(c.line_no))
        )
        detail = conn.execute(
            select(t.count_details).where(t.count_details.c.document_id == doc.id)
        ).one()
        # Whoever entered counts or submitted them is a counter; the one who opened the
        # count (often the 监盘人 supervising keepers) may approve it.
        counters = {int(r.counted_by) for r in lines if r.counted_by}
        if detail.submitted_by is not None:
            counters.add(int(detail.submitted_by))
        require_count_approver(actor, counters)
        changed = [r for r in lines if r.counted is not None and int(r.counted) != int(r.book)]
        unexplained = [str(r.line_no) for r in changed if not r.reason]
        if unexplained:
            raise VarianceReasonRequired(doc.doc_no, "、".join(unexplained[:20]))
        adjustment_id = post_variances(conn, actor, doc, changed) if changed else None
        conn.execute(
            update(t.count_details)
            .where(t.count_details.c.document_id == doc.id)
            .values(approved_by=actor.user_id, adjustment_document_id=adjustment_id)
        )
        documents.transition(conn, actor, doc, DocState.POSTED, note)
        return documents.Posted(doc.id)

    return documents.post(uow, actor, "approve_count", request_id, {"doc_no": doc_no}, body)
