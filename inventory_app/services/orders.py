"""调拨指令 (allocation order): drafted, submitted, approved by someone else, then shipped.

Approval reserves every line on specific lots (first-expiring-first at the line's source
depot, skipping expired lots unless one is named), so two orders can never promise the
same units. An emergency order (紧急) may be approved on a recorded phone approval and
shipped at once; its written approval is due within 48 hours. Cancelling (only before
anything shipped) or completing releases what was not shipped. Shipping is in `shipping`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from ..domain.documents import LinkRole
from ..domain.errors import (
    EmptyDocument,
    InvalidInput,
    LotMismatch,
    NotEmergency,
    OwnerConsentRequired,
    SelfApproval,
)
from ..domain.ledger import require_reason
from ..domain.model import DocState, DocType, MovementKind, OutLine, PostingResult, Purpose
from ..domain.orders import OrderLine, paperwork_due
from ..domain.permissions import Action, Actor, require, require_other_approver
from ..domain.quantities import from_milli, parse_quantity, to_milli
from ..persistence import repo
from ..persistence import tables as t
from ..persistence.repo import DepotRec
from ..persistence.uow import UnitOfWork
from . import agreements, documents, reservations, stock_moves
from .common import doc_date_or_today, utcnow
from .documents import DocHead
from .reservations import Hold


def create_order(
    uow: UnitOfWork,
    actor: Actor,
    *,
    lines: Sequence[OrderLine],
    receiving_unit: str,
    request_id: str,
    depot: str | None = None,
    receiving_depot: str | None = None,
    request_no: str | None = None,
    place: str = "",
    receiver: str = "",
    receiver_phone: str = "",
    sender: str = "",
    sender_phone: str = "",
    transport_payer: str = "",
    purpose: Purpose | str = Purpose.RELIEF,
    emergency: bool = False,
    submit: bool = False,
    doc_date: date | str | None = None,
    note: str = "",
) -> PostingResult:
    """Draft an order (ZL-…, numbered at `depot`, by default the first line's source depot),
    optionally answering request `request_no`; `submit` hands it to an approver at once."""
    payload = {
        "lines": list(lines),
        "unit": receiving_unit,
        "depot": depot,
        "to_depot": receiving_depot,
        "request": request_no,
        "place": place,
        "receiver": receiver,
        "receiver_phone": receiver_phone,
        "sender": sender,
        "sender_phone": sender_phone,
        "payer": transport_payer,
        "purpose": purpose,
        "emergency": emergency,
        "submit": submit,
        "doc_date": doc_date,
        "note": note,
    }
    why = Purpose(purpose)
    if not receiving_unit.strip():
        raise InvalidInput("receiving_unit", "required")

    def body(conn: Connection) -> documents.Posted:
        require(actor, Action.ORDER)
        if not lines:
            raise EmptyDocument()
        rows = _line_rows(conn, lines)
        # Numbered at the given depot, else at the first line's source depot.
        first = depot or next((line.depot_code for line in lines if line.depot_code), "")
        if not first:
            raise InvalidInput("depot", "required")
        home = repo.depot_by_code(conn, first)
        day = doc_date_or_today(doc_date)
        doc = documents.create(
            conn,
            actor,
            DocType.ORDER,
            home,
            day,
            counterparty=receiving_unit.strip()[:200],
            reference=(request_no or "").strip()[:100],
            purpose=why.value,
            note=note,
        )
        conn.execute(insert(t.document_lines), [{"document_id": doc.id, **r} for r in rows])
        asked = _answer_request(conn, actor, doc, request_no) if request_no else None
        to_depot = repo.depot_by_code(conn, receiving_depot).id if receiving_depot else None
        conn.execute(
            insert(t.order_details).values(
                document_id=doc.id,
                request_document_id=asked,
                receiving_unit=receiving_unit.strip()[:200],
                receiving_depot_id=to_depot,
                place=place.strip()[:200],
                receiver=receiver.strip()[:100],
                receiver_phone=receiver_phone.strip()[:40],
                sender=sender.strip()[:100],
                sender_phone=sender_phone.strip()[:40],
                transport_payer=transport_payer.strip()[:100],
                emergency=bool(emergency),
                oral_approver="",
                oral_method="",
                paperwork_ref="",
            )
        )
        if submit:
            documents.transition(conn, actor, doc, DocState.SUBMITTED)
        return documents.Posted(doc.id)

    return documents.post(uow, actor, "create_order", request_id, payload, body)


def _line_rows(conn: Connection, lines: Sequence[OrderLine]) -> list[dict[str, Any]]:
    """Validate every line before anything is written."""
    rows = []
    for line_no, line in enumerate(lines, 1):
        item = repo.item_by_code(conn, line.item_code)
        qty = parse_quantity(line.quantity, item.decimals)
        if line.agreement_no:
            rows.append(
                {
                    "line_no": line_no,
                    "item_id": item.id,
                    "lot_id": None,
                    "quantity": to_milli(qty),
                    "note": "",
                    "depot_id": None,
                    "agreement_id": agreements.agreement_id(conn, line.agreement_no, item.id),
                }
            )
            continue
        source = repo.depot_by_code(conn, line.depot_code)
        if line.lot_id is not None:
            lot = repo.lot_row(conn, int(line.lot_id))
            if (lot.item_id, lot.depot_id) != (item.id, source.id):
                raise LotMismatch(line.lot_id, f"{item.code}@{source.code}")
        rows.append(
            {
                "line_no": line_no,
                "item_id": item.id,
                "lot_id": line.lot_id,
                "quantity": to_milli(qty),
                "note": "",
                "depot_id": source.id,
                "agreement_id": None,
            }
        )
    return rows


def _answer_request(conn: Connection, actor: Actor, order: DocHead, request_no: str) -> int:
    asked = documents.load(conn, request_no)
    documents.require_kind(asked, DocType.REQUEST, "answer")
    documents.transition(conn, actor, asked, DocState.COMPLETED, order.doc_no)
    documents.link(conn, actor, asked, order, LinkRole.REQUEST_ORDER)
    return asked.id


def _decide(
    uow: UnitOfWork,
    actor: Actor,
    action: str,
    doc_no: str,
    request_id: str,
    payload: dict[str, Any],
    step: Callable[[Connection, DocHead], None],
) -> PostingResult:
    """Load the order, run `step(conn, doc)` in the posting transaction."""

    def body(conn: Connection) -> documents.Posted:
        doc = documents.load(conn, doc_no)
        documents.require_kind(doc, DocType.ORDER, action)
        step(conn, doc)
        return documents.Posted(doc.id)

    return documents.post(uow, actor, f"order_{action}", request_id, payload, body)


def submit_order(uow: UnitOfWork, actor: Actor, *, doc_no: str, request_id: str) -> PostingResult:
    """草稿 (or 驳回) → 已提交: hand the order to an approver."""

    def step(conn: Connection, doc: DocHead) -> None:
        require(actor, Action.ORDER)
        documents.transition(conn, actor, doc, DocState.SUBMITTED)

    return _decide(uow, actor, "submit", doc_no, request_id, {"doc_no": doc_no}, step)


def _requester_id(conn: Connection, doc: DocHead) -> int | None:
    """Who filed the request the order answers (they may not approve it either)."""
    asked = conn.execute(
        select(t.documents.c.created_by)
        .join(t.order_details, t.order_details.c.request_document_id == t.documents.c.id)
        .where(t.order_details.c.document_id == doc.id)
    ).scalar()
    return int(asked) if asked is not None else None


def approve_order(
    uow: UnitOfWork,
    actor: Actor,
    *,
    doc_no: str,
    request_id: str,
    note: str = "",
    owner_consent: str = "",
) -> PostingResult:
    """已提交 → 已批准 by someone who neither created nor requested it; reserves the lots.

    `owner_consent` names who, for the owner, agreed to release stock another organisation
    owns (e.g. the city's tents pre-positioned in a county depot); required then."""
    payload = {"doc_no": doc_no, "note": note, "consent": owner_consent}

    def step(conn: Connection, doc: DocHead) -> None:
        require_other_approver(doc.created_by, actor)
        if _requester_id(conn, doc) == actor.user_id:
            raise SelfApproval()
        documents.check_can(doc, DocState.APPROVED)
        consent = _reserve(conn, doc, owner_consent)
        now = utcnow()
        conn.execute(
            update(t.order_details)
            .where(t.order_details.c.document_id == doc.id)
            .values(approved_by=actor.user_id, approved_at=now)
        )
        text = "；".join(x for x in (note.strip(), consent) if x)
        documents.transition(conn, actor, doc, DocState.APPROVED, text)

    return _decide(uow, actor, "approve", doc_no, request_id, payload, step)


def approve_by_phone(
    uow: UnitOfWork,
    actor: Actor,
    *,
    doc_no: str,
    oral_approver: str,
    method: str,
    request_id: str,
    approved_at: datetime | None = None,
    owner_consent: str = "",
) -> PostingResult:
    """Emergency branch: record who approved an urgent order orally, when and how; the
    order is approved (its lots reserved) and may ship at once. The written approval is
    due 48 hours after the oral one (`complete_paperwork`)."""
    payload = {
        "doc_no": doc_no,
        "who": oral_approver,
        "how": method,
        "at": approved_at,
        "consent": owner_consent,
    }
    who = oral_approver.strip()
    if not who:
        raise InvalidInput("oral_approver", "required")

    def step(conn: Connection, doc: DocHead) -> None:
        require(actor, Action.ORDER)
        emergency = conn.execute(
            select(t.order_details.c.emergency).where(t.order_details.c.document_id == doc.id)
        ).scalar()
        if not emergency:
            raise NotEmergency(doc.doc_no)
        documents.check_can(doc, DocState.APPROVED)
        consent = _reserve(conn, doc, owner_consent)
        when = approved_at or utcnow()
        conn.execute(
            update(t.order_details)
            .where(t.order_details.c.document_id == doc.id)
            .values(
                oral_approver=who[:100],
                oral_approved_at=when,
                oral_method=method.strip()[:60],
                paperwork_due_at=paperwork_due(when),
            )
        )
        text = "；".join(x for x in (f"{who} / {method.strip()}", consent) if x)
        documents.transition(conn, actor, doc, DocState.APPROVED, text)

    return _decide(uow, actor, "approve", doc_no, request_id, payload, step)


def complete_paperwork(
    uow: UnitOfWork, actor: Actor, *, doc_no: str, reference: str, request_id: str
) -> PostingResult:
    """The written approval of a phone-approved order arrived: an approver who did not
    create the order records it (its reference, e.g. the signed instruction's number)."""
    payload = {"doc_no": doc_no, "reference": reference}

    def step(conn: Connection, doc: DocHead) -> None:
        require_other_approver(doc.created_by, actor)
        done = conn.execute(
            update(t.order_details)
            .where(
                t.order_details.c.document_id == doc.id,
                t.order_details.c.paperwork_due_at.is_not(None),
                t.order_details.c.paperwork_done_at.is_(None),
            )
            .values(
                paperwork_done_at=utcnow(),
                paperwork_by=actor.user_id,
                paperwork_ref=reference.strip()[:100],
            )
        ).rowcount
        if done != 1:
            raise NotEmergency(doc.doc_no)
        documents.note_event(conn, actor, doc, f"书面审批 {reference.strip()}")

    return _decide(uow, actor, "paperwork", doc_no, request_id, payload, step)


def reject_order(
    uow: UnitOfWork, actor: Actor, *, doc_no: str, reason: str, request_id: str
) -> PostingResult:
    """已提交 → 驳回, back to the requester with a reason (they may fix and resubmit)."""
    payload = {"doc_no": doc_no, "reason": reason}

    def step(conn: Connection, doc: DocHead) -> None:
        require(actor, Action.APPROVE)
        why = require_reason(reason)
        documents.transition(conn, actor, doc, DocState.REJECTED, why)

    return _decide(uow, actor, "reject", doc_no, request_id, payload, step)


def cancel_order(
    uow: UnitOfWork, actor: Actor, *, doc_no: str, reason: str, request_id: str
) -> PostingResult:
    """作废, only before anything shipped; an approved order releases its reservations."""
    payload = {"doc_no": doc_no, "reason": reason}

    def step(conn: Connection, doc: DocHead) -> None:
        require(actor, Action.ORDER)
        why = require_reason(reason)
        documents.check_can(doc, DocState.CANCELLED)
        reservations.release_all(conn, doc.id)
        documents.transition(conn, actor, doc, DocState.CANCELLED, why)

    return _decide(uow, actor, "cancel", doc_no, request_id, payload, step)


def complete_order(
    uow: UnitOfWork, actor: Actor, *, doc_no: str, request_id: str, note: str = ""
) -> PostingResult:
    """已完成: after signing, or closing a partly shipped order short (the rest is released)."""
    payload = {"doc_no": doc_no, "note": note}

    def step(conn: Connection, doc: DocHead) -> None:
        require(actor, Action.ORDER)
        documents.check_can(doc, DocState.COMPLETED)
        reservations.release_all(conn, doc.id)
        documents.transition(conn, actor, doc, DocState.COMPLETED, note.strip())

    return _decide(uow, actor, "complete", doc_no, request_id, payload, step)


def _reserve(conn: Connection, doc: DocHead, consent: str) -> str:
    """Reserve every line at its source depot: named lots as given (expired ones too, on
    purpose), others first-expiring-first among unexpired lots; all or nothing.

    Stock another organisation owns (pre-positioned or held on its behalf) is released only
    with that owner's consent, recorded by name; returns the text for the event."""
    lines = conn.execute(
        select(t.document_lines)
        .where(t.document_lines.c.document_id == doc.id)
        .order_by(t.document_lines.c.line_no)
    ).all()
    per_depot: dict[int, list] = defaultdict(list)
    day = doc_date_or_today(None)
    for line in lines:
        if line.agreement_id is not None:  # capacity of an enterprise, not stock
            agreements.lock_and_check(conn, int(line.agreement_id), int(line.quantity), day)
            continue
        per_depot[int(line.depot_id)].append(line)
    holds: list[Hold] = []
    for depot_id in sorted(per_depot):
        source = repo.depot_by_id(conn, depot_id)
        holds.extend(_plan_depot(conn, source, per_depot[depot_id], day))
    owners = _other_owners(conn, holds)
    if owners and not consent.strip():
        raise OwnerConsentRequired(doc.doc_no, "、".join(owners))
    reservations.reserve(conn, doc.id, holds)
    return f"所有权单位（{'、'.join(owners)}）同意：{consent.strip()}" if owners else ""


def _other_owners(conn: Connection, holds: Sequence[Hold]) -> list[str]:
    """Names of the organisations owning reserved lots that are not their depot's owner."""
    lot_ids = [h.lot_id for h in holds if h.lot_id is not None]
    if not lot_ids:
        return []
    rows = conn.execute(
        select(t.organisations.c.name)
        .select_from(t.lots)
        .join(t.depots, t.depots.c.id == t.lots.c.depot_id)
        .join(t.organisations, t.organisations.c.id == t.lots.c.owner_org_id)
        .where(t.lots.c.id.in_(lot_ids), t.lots.c.owner_org_id != t.depots.c.owner_org_id)
        .distinct()
    ).scalars()
    return sorted(str(name) for name in rows)


def _plan_depot(conn: Connection, source: DepotRec, lines: Sequence, day: date) -> list[Hold]:
    items = {int(line.item_id): repo.item_by_id(conn, int(line.item_id)) for line in lines}
    outs = [
        OutLine(
            items[int(line.item_id)].code,
            from_milli(int(line.quantity), items[int(line.item_id)].decimals),
            line.lot_id,
        )
        for line in lines
    ]
    planned = stock_moves.plan_withdrawals(conn, source, outs, day, MovementKind.ISSUE)
    # plan_withdrawals numbers the lines it was given 1…n: map back to the order's lines.
    return [
        Hold(int(lines[m.line_no - 1].line_no), m.item, source, -m.delta, m.lot_id) for m in planned
    ]
