"""Read side of stocktakes: the list of counts, one count's lines with variances, history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Connection, func, select

from ..domain.errors import NotFound
from ..domain.model import DocState, DocType
from ..domain.permissions import Action, Actor, require
from ..domain.quantities import from_milli, money_amount
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from .common import local_time


@dataclass(frozen=True)
class CountRow:
    """One count in the list."""

    doc_no: str
    depot_code: str
    depot_name: str
    state: str
    doc_date: date
    scope: str
    blind: bool
    lines: int
    counted_lines: int
    created_by: str


@dataclass(frozen=True)
class CountLineRow:
    """One line of a count: the frozen book, the count, and what the difference is worth."""

    line_no: int
    lot_id: int | None
    location: str
    item_code: str
    item_name: str
    spec: str
    unit: str
    decimals: int
    batch_no: str
    book: Decimal
    counted: Decimal | None
    variance: Decimal | None
    unit_price_fen: int
    variance_fen: int | None
    since_snapshot: Decimal  # net movements of the lot after the snapshot (already booked)
    reason: str
    note: str
    found: bool
    recounts: int
    production_date: date | None
    received_date: date | None
    supplier: str
    gb_code: str


@dataclass(frozen=True)
class CountDetail:
    """A count's header and lines, as the review page, the PDFs and the workbook see it."""

    id: int
    doc_no: str
    state: str
    depot_code: str
    depot_name: str
    doc_date: date
    snapshot_at: datetime  # local time
    scope: str
    blind: bool
    counter: str
    supervisor: str
    created_by: int
    creator: str
    approver: str
    adjustment_no: str
    lines: tuple[CountLineRow, ...]

    @property
    def variance_fen(self) -> int:
        return sum(line.variance_fen or 0 for line in self.lines)


def _scope_text(category: str | None, locations: str) -> str:
    parts = [f"类别 {category}" if category else "", f"库位 {locations}" if locations else ""]
    return "，".join(p for p in parts if p) or "全库"


def list_counts(
    uow: UnitOfWork, actor: Actor, *, depot: str | None = None, state: str | None = None
) -> list[CountRow]:
    require(actor, Action.VIEW)
    d, cd, dep, cat = t.documents.c, t.count_details.c, t.depots.c, t.categories.c
    lines = (
        select(
            t.count_lines.c.document_id,
            func.count().label("n"),
            func.count(t.count_lines.c.counted).label("counted"),
        )
        .group_by(t.count_lines.c.document_id)
        .subquery()
    )
    query = (
        select(
            d.doc_no,
            d.state,
            d.doc_date,
            dep.code,
            dep.name,
            cat.name.label("category"),
            cd.locations,
            cd.blind,
            lines.c.n,
            lines.c.counted,
            t.users.c.display_name,
            t.users.c.username,
        )
        .join(t.count_details, cd.document_id == d.id)
        .join(t.depots, dep.id == d.depot_id)
        .join(t.users, t.users.c.id == d.created_by)
        .outerjoin(t.categories, cat.id == cd.category_id)
        .outerjoin(lines, lines.c.document_id == d.id)
        .where(d.doc_type == DocType.COUNT.value)
        .order_by(d.id.desc())
    )
    if depot:
        query = query.where(dep.code == depot)
    if state:
        query = query.where(d.state == state)
    if not actor.all_depots:
        query = query.where(d.depot_id.in_(sorted(actor.depot_ids)))
    return [
        CountRow(
            r.doc_no,
            r.code,
            r.name,
            r.state,
            r.doc_date,
            _scope_text(r.category, r.locations),
            bool(r.blind),
            int(r.n or 0),
            int(r.counted or 0),
            r.display_name or r.username,
        )
        for r in uow.read(lambda conn: list(conn.execute(query)))
    ]


def count_detail(uow: UnitOfWork, actor: Actor, doc_no: str) -> CountDetail:
    require(actor, Action.VIEW)
    return uow.read(lambda conn: load_detail(conn, actor, doc_no))


def load_detail(conn: Connection, actor: Actor, doc_no: str) -> CountDetail:
    d, cd = t.documents.c, t.count_details.c
    creator, approver = t.users.alias("creator"), t.users.alias("approver")
    adjustment = t.documents.alias("adjustment")
    head = conn.execute(
        select(
            d.id,
            d.doc_no,
            d.state,
            d.doc_date,
            d.created_by,
            d.depot_id,
            t.depots.c.code,
            t.depots.c.name,
            t.categories.c.name.label("category"),
            cd.locations,
            cd.blind,
            cd.snapshot_at,
            cd.counter,
            cd.supervisor,
            creator.c.display_name.label("creator"),
            creator.c.username.label("creator_user"),
            approver.c.display_name.label("approver"),
            adjustment.c.doc_no.label("adjustment_no"),
        )
        .join(t.count_details, cd.document_id == d.id)
        .join(t.depots, t.depots.c.id == d.depot_id)
        .join(creator, creator.c.id == d.created_by)
        .outerjoin(approver, approver.c.id == cd.approved_by)
        .outerjoin(adjustment, adjustment.c.id == cd.adjustment_document_id)
        .outerjoin(t.categories, t.categories.c.id == cd.category_id)
        .where(d.doc_no == doc_no.strip(), d.doc_type == DocType.COUNT.value)
    ).first()
    if head is None or (not actor.all_depots and head.depot_id not in actor.depot_ids):
        raise NotFound("document", doc_no)
    return CountDetail(
        int(head.id),
        head.doc_no,
        head.state,
        head.code,
        head.name,
        head.doc_date,
        local_time(head.snapshot_at),
        _scope_text(head.category, head.locations),
        bool(head.blind),
        head.counter,
        head.supervisor,
        int(head.created_by),
        head.creator or head.creator_user,
        head.approver or "",
        head.adjustment_no or "",
        tuple(_lines(conn, int(head.id), head.state)),
    )


def _lines(conn: Connection, document_id: int, state: str) -> list[CountLineRow]:
    c, item, lot, bal, loc = (
        t.count_lines.c,
        t.items.c,
        t.lots.c,
        t.lot_balances.c,
        t.locations.c,
    )
    rows = conn.execute(
        select(
            c.line_no,
            c.lot_id,
            c.batch_no,
            c.book,
            c.counted,
            c.reason,
            c.note,
            c.found,
            c.recounts,
            loc.code.label("location"),
            item.code,
            item.name,
            item.spec,
            item.unit,
            item.decimals,
            item.gb_code,
            item.ref_price_fen,
            lot.unit_price_fen,
            lot.production_date,
            lot.received_date,
            lot.supplier,
            bal.on_hand,
        )
        .join(t.items, item.id == c.item_id)
        .outerjoin(t.locations, loc.id == c.location_id)
        .outerjoin(t.lots, lot.id == c.lot_id)
        .outerjoin(t.lot_balances, bal.lot_id == c.lot_id)
        .where(c.document_id == document_id)
        .order_by(c.line_no)
    ).all()
    open_count = state in (DocState.COUNTING, DocState.ENTERED)
    result = []
    for r in rows:
        dec = int(r.decimals)
        book = from_milli(int(r.book), dec)
        counted = None if r.counted is None else from_milli(int(r.counted), dec)
        price = int(r.unit_price_fen if r.unit_price_fen is not None else r.ref_price_fen or 0)
        variance = None if counted is None else counted - book
        since = 0
        if open_count and not r.found and r.on_hand is not None:
            since = int(r.on_hand) - int(r.book)
        result.append(
            CountLineRow(
                int(r.line_no),
                r.lot_id,
                r.location or "",
                r.code,
                r.name,
                r.spec or "",
                r.unit,
                dec,
                r.batch_no or "",
                book,
                counted,
                variance,
                price,
                None if variance is None else money_amount(variance, price),
                from_milli(since, dec),
                r.reason,
                r.note,
                bool(r.found),
                int(r.recounts),
                r.production_date,
                r.received_date,
                r.supplier or "",
                r.gb_code or "",
            )
        )
    return result


@dataclass(frozen=True)
class CountEvent:
    at: datetime
    user: str
    host: str
    from_state: str
    to_state: str
    note: str


def count_history(uow: UnitOfWork, actor: Actor, doc_no: str) -> list[CountEvent]:
    """Who did what when, from the document's events."""

    def tx(conn: Connection) -> list[CountEvent]:
        detail_id = load_detail(conn, actor, doc_no).id
        e = t.document_events.c
        rows = conn.execute(
            select(e.at, e.host, e.from_state, e.to_state, e.note, t.users.c.display_name)
            .join(t.users, t.users.c.id == e.user_id)
            .where(e.document_id == detail_id)
            .order_by(e.id)
        )
        return [
            CountEvent(
                local_time(r.at), r.display_name, r.host, r.from_state or "", r.to_state, r.note
            )
            for r in rows
        ]

    require(actor, Action.VIEW)
    return uow.read(tx)
