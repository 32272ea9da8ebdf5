"""Read side of requests and orders: lists, one order with its lines, history and slips."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Connection, func, select

from ..domain.documents import LinkRole
from ..domain.errors import NotFound
from ..domain.model import DocState, DocType
from ..domain.orders import (
    PaperworkStatus,
    must_return_until,
    paperwork_status,
    parse_return_rules,
)
from ..domain.permissions import Action, Actor, require
from ..domain.quantities import from_milli
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from .common import today, utcnow
from .order_progress import delivered_for
from .settings import read_settings

OPEN_STATES = (
    DocState.DRAFT,
    DocState.SUBMITTED,
    DocState.REJECTED,
    DocState.APPROVED,
    DocState.PARTIALLY_SHIPPED,
    DocState.SHIPPED,
    DocState.SIGNED,
)


@dataclass(frozen=True)
class OrderRow:
    doc_no: str
    state: str
    doc_date: date
    depot_code: str
    receiving_unit: str
    place: str
    purpose: str
    emergency: bool
    request_no: str
    created_by: str
    approved_by: str
    approved_at: datetime | None
    oral_approver: str
    paperwork_due_at: datetime | None
    paperwork: str  # PaperworkStatus value
    lines: int
    created_by_id: int = 0  # who may not approve it: its creator …
    requested_by_id: int | None = None  # … and whoever filed the request it answers


@dataclass(frozen=True)
class OrderLineRow:
    line_no: int
    item_code: str
    item_name: str
    spec: str
    unit: str
    depot_code: str
    depot_name: str
    quantity: Decimal
    reserved: Decimal  # still held for this line
    shipped: Decimal  # net of reversed slip lines
    returned: Decimal = Decimal(0)  # back on 回收单, whatever the condition
    outstanding: Decimal = Decimal(0)  # must still come back (tents used < 12 / 6 months)


@dataclass(frozen=True)
class EventRow:
    at: datetime
    from_state: str | None
    to_state: str
    user: str
    host: str
    note: str


@dataclass(frozen=True)
class OrderView:
    order: OrderRow
    receiver: str
    receiver_phone: str
    sender: str
    sender_phone: str
    transport_payer: str
    paperwork_ref: str
    lines: list[OrderLineRow]
    events: list[EventRow]
    slips: list[str]


def _order_query():
    d, o = t.documents.c, t.order_details.c
    creator, approver = t.users.alias("creator"), t.users.alias("approver")
    request = t.documents.alias("request")
    lines = (
        select(func.count())
        .where(t.document_lines.c.document_id == d.id)
        .correlate(t.documents)
        .scalar_subquery()
    )
    return (
        select(
            d.doc_no,
            d.state,
            d.doc_date,
            t.depots.c.code.label("depot_code"),
            o.receiving_unit,
            o.place,
            d.purpose,
            o.emergency,
            request.c.doc_no.label("request_no"),
            creator.c.display_name.label("creator"),
            d.created_by.label("creator_id"),
            request.c.created_by.label("requester_id"),
            approver.c.display_name.label("approver"),
            o.approved_at,
            o.oral_approver,
            o.paperwork_due_at,
            o.paperwork_done_at,
            lines.label("lines"),
            d.id,
            o.receiver,
            o.receiver_phone,
            o.sender,
            o.sender_phone,
            o.transport_payer,
            o.paperwork_ref,
        )
        .join(t.order_details, o.document_id == d.id)
        .join(t.depots, t.depots.c.id == d.depot_id)
        .join(creator, creator.c.id == d.created_by)
        .outerjoin(approver, approver.c.id == o.approved_by)
        .outerjoin(request, request.c.id == o.request_document_id)
    )


def _row(r, now: datetime) -> OrderRow:
    return OrderRow(
        r.doc_no,
        r.state,
        r.doc_date,
        r.depot_code,
        r.receiving_unit,
        r.place,
        r.purpose,
        bool(r.emergency),
        r.request_no or "",
        r.creator,
        r.approver or "",
        r.approved_at,
        r.oral_approver,
        r.paperwork_due_at,
        paperwork_status(r.paperwork_due_at, r.paperwork_done_at, now).value,
        int(r.lines),
        int(r.creator_id),
        r.requester_id,
    )


def orders(
    uow: UnitOfWork,
    actor: Actor,
    *,
    states: tuple[str, ...] = (),
    emergency_only: bool = False,
    limit: int = 500,
) -> list[OrderRow]:
    """Orders, newest first. Orders concern several depots: every role that may view sees
    them all (a keeper needs to know what is coming to ship)."""
    require(actor, Action.VIEW)

    def tx(conn: Connection) -> list[OrderRow]:
        query = _order_query()
        if states:
            query = query.where(t.documents.c.state.in_(states))
        if emergency_only:
            query = query.where(t.order_details.c.emergency.is_(True))
        query = query.order_by(t.documents.c.doc_date.desc(), t.documents.c.id.desc())
        now = utcnow()
        return [_row(r, now) for r in conn.execute(query.limit(limit))]

    return uow.read(tx)


def open_emergency_orders(uow: UnitOfWork, actor: Actor) -> list[OrderRow]:
    """Emergency orders approved by phone whose written approval is still due, the most
    urgent first (the dashboard counts them down and flags the overdue ones)."""
    rows = orders(uow, actor, emergency_only=True)
    due = [r for r in rows if r.paperwork in (PaperworkStatus.OPEN, PaperworkStatus.OVERDUE)]
    return sorted(due, key=lambda r: r.paperwork_due_at or datetime.max)


def order_view(uow: UnitOfWork, actor: Actor, doc_no: str) -> OrderView:
    """One order with its lines (ordered, reserved, shipped), its history and its slips."""
    require(actor, Action.VIEW)

    def tx(conn: Connection) -> OrderView:
        found = conn.execute(
            _order_query().where(
                t.documents.c.doc_no == doc_no.strip(), t.documents.c.doc_type == DocType.ORDER
            )
        ).first()
        if found is None:
            raise NotFound("document", doc_no)
        return OrderView(
            _row(found, utcnow()),
            found.receiver,
            found.receiver_phone,
            found.sender,
            found.sender_phone,
            found.transport_payer,
            found.paperwork_ref,
            _lines(conn, int(found.id)),
            _events(conn, int(found.id)),
            _slips(conn, int(found.id)),
        )

    return uow.read(tx)


def _lines(conn: Connection, order_id: int) -> list[OrderLineRow]:
    dl, r = t.document_lines.c, t.reservations.c
    held = dict(
        conn.execute(
            select(r.line_no, func.sum(r.quantity - r.consumed - r.released))
            .where(r.document_id == order_id)
            .group_by(r.line_no)
        ).all()
    )
    shipped = shipped_by_line(conn, order_id)
    returned = returned_by_line(conn, order_id)
    due = _return_windows(conn, order_id)
    rows = conn.execute(
        select(
            dl.line_no,
            dl.quantity,
            t.items.c.code,
            t.items.c.name,
            t.items.c.spec,
            t.items.c.unit,
            t.items.c.decimals,
            t.depots.c.code.label("depot_code"),
            t.depots.c.name.label("depot_name"),
            dl.item_id,
            dl.depot_id,
            t.agreements.c.agreement_no,
            t.agreements.c.enterprise,
        )
        .join(t.items, t.items.c.id == dl.item_id)
        .outerjoin(t.depots, t.depots.c.id == dl.depot_id)
        .outerjoin(t.agreements, t.agreements.c.id == dl.agreement_id)
        .where(dl.document_id == order_id)
        .order_by(dl.line_no)
    )
    found = []
    for x in rows:
        out, back = shipped.get(x.line_no, 0), returned.get(x.line_no, 0)
        owed = max(out - back, 0) if x.code in due else 0
        found.append(
            OrderLineRow(
                x.line_no,
                x.code,
                x.name,
                x.spec,
                x.unit,
                x.depot_code or f"协议 {x.agreement_no}",
                x.depot_name or x.enterprise or "",
                from_milli(x.quantity, x.decimals),
                from_milli(int(held.get(x.line_no) or 0), x.decimals),
                from_milli(out, x.decimals),
                from_milli(back, x.decimals),
                from_milli(owed, x.decimals),
            )
        )
    return found


def _return_windows(conn: Connection, order_id: int) -> set[str]:
    """Item codes of this order that must still come back today: a return rule applies
    (settings `return_rules`) and the last slip left less than its months ago."""
    rules = parse_return_rules(read_settings(conn)["return_rules"])
    k = t.document_links.c
    last = conn.execute(
        select(func.max(t.documents.c.doc_date))
        .join(t.document_links, k.child_id == t.documents.c.id)
        .where(k.parent_id == order_id, k.role == LinkRole.ORDER_SLIP.value)
    ).scalar()
    if last is None:
        return set()
    return {code for code, months in rules.items() if today() <= must_return_until(last, months)}


def returned_by_line(conn: Connection, order_id: int) -> dict[int, int]:
    """Thousandths returned per order line (回收单), whatever the condition."""
    r = t.return_lines.c
    return {
        int(n): int(q)
        for n, q in conn.execute(
            select(r.order_line_no, func.sum(r.quantity))
            .where(r.order_document_id == order_id)
            .group_by(r.order_line_no)
        )
    }


def shipped_by_line(conn: Connection, order_id: int) -> dict[int, int]:
    """Shipped per order line: consumed reservations, less what reversals brought back."""
    r = t.reservations.c
    consumed = dict(
        conn.execute(
            select(r.line_no, func.sum(r.consumed))
            .where(r.document_id == order_id)
            .group_by(r.line_no)
        ).all()
    )
    shipped = {int(k): int(v or 0) for k, v in consumed.items()}
    # A reversed slip movement puts its goods back as free stock: not shipped any more.
    m, rev, k = t.movements.c, t.movements.alias("rev"), t.document_links.c
    for lot_id, returned in conn.execute(
        select(m.lot_id, func.sum(rev.c.delta))
        .join(rev, rev.c.reverses_movement_id == m.id)
        .join(t.document_links, k.child_id == m.document_id)
        .where(k.parent_id == order_id, k.role == LinkRole.ORDER_SLIP.value)
        .group_by(m.lot_id)
    ):
        line_no = conn.execute(
            select(r.line_no).where(r.document_id == order_id, r.lot_id == lot_id).limit(1)
        ).scalar()
        if line_no is not None:
            shipped[int(line_no)] -= int(returned)
    for line_no, milli in delivered_for(conn, order_id).items():
        shipped[line_no] = shipped.get(line_no, 0) + milli  # 协议储备: delivered by the firm
    return shipped


def _events(conn: Connection, document_id: int) -> list[EventRow]:
    e = t.document_events.c
    return [
        EventRow(x.at, x.from_state, x.to_state, x.display_name, x.host, x.note)
        for x in conn.execute(
            select(e.at, e.from_state, e.to_state, t.users.c.display_name, e.host, e.note)
            .join(t.users, t.users.c.id == e.user_id)
            .where(e.document_id == document_id)
            .order_by(e.id)
        )
    ]


def _slips(conn: Connection, order_id: int) -> list[str]:
    k = t.document_links.c
    return list(
        conn.execute(
            select(t.documents.c.doc_no)
            .join(t.document_links, k.child_id == t.documents.c.id)
            .where(k.parent_id == order_id, k.role == LinkRole.ORDER_SLIP.value)
            .order_by(t.documents.c.id)
        ).scalars()
    )
