"""协议储备 (agreement reserves): the register, calls from orders, deliveries, settlement.

An enterprise agrees to deliver up to a quantity of an item within N hours at an agreed
price ("有灾情先使用后按招标价结算，不使用不付费"). Agreement quantities are capacity,
never physical stock: an order line may name an agreement instead of a depot; approval
checks what is left to call; the enterprise's delivery is recorded against the line (no
depot stock moves); a 结算单 (JS-…) bills the unsettled deliveries × the agreed price
against the enterprise's invoice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import Connection, func, insert, select, update

from ..domain.errors import AgreementShort, InvalidInput, InvalidState, NotFound
from ..domain.model import DocState, DocType, PostingResult
from ..domain.permissions import Action, Actor, require
from ..domain.quantities import from_milli, money_amount, parse_money, parse_quantity, to_milli
from ..persistence import repo
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from . import documents
from .common import audit, doc_date_or_today, parse_date, utcnow
from .order_progress import advance_after_shipping, delivered_for

# Orders whose agreement lines hold capacity until delivered (or released on completion).
_CALLING = (DocState.APPROVED, DocState.PARTIALLY_SHIPPED)


@dataclass(frozen=True)
class AgreementRow:
    agreement_no: str
    enterprise: str
    item_code: str
    item_name: str
    unit: str
    quantity: Decimal
    called: Decimal  # approved orders not yet delivered
    delivered: Decimal
    available: Decimal
    price: Decimal  # yuan per unit
    response_hours: int
    valid_from: date
    valid_to: date


def register(
    uow: UnitOfWork,
    actor: Actor,
    *,
    agreement_no: str,
    enterprise: str,
    item_code: str,
    quantity: Decimal | str,
    price: Decimal | str,
    response_hours: int,
    valid_from: date | str,
    valid_to: date | str,
    note: str = "",
) -> None:
    """Add an agreement to the register (planner or administrator)."""
    number, firm = agreement_no.strip(), enterprise.strip()
    if not number:
        raise InvalidInput("agreement", "required")
    if not firm:
        raise InvalidInput("enterprise", "required")
    if int(response_hours) <= 0:
        raise InvalidInput("response_hours", "positive", response_hours)
    start, end = parse_date(valid_from, "valid_from"), parse_date(valid_to, "valid_to")
    if start is None or end is None or end < start:
        raise InvalidInput("valid_to", "range", valid_to)

    def tx(conn: Connection) -> None:
        require(actor, Action.MANAGE_CATALOG)
        item = repo.item_by_code(conn, item_code)
        values = {
            "agreement_no": number[:60],
            "enterprise": firm[:200],
            "item_id": item.id,
            "quantity": to_milli(parse_quantity(quantity, item.decimals)),
            "price_fen": parse_money(price),
            "response_hours": int(response_hours),
            "valid_from": start,
            "valid_to": end,
            "note": note,
            "created_by": actor.user_id,
            "created_at": utcnow(),
        }
        if conn.execute(
            select(t.agreements.c.id).where(t.agreements.c.agreement_no == number)
        ).first():
            raise InvalidInput("agreement", "exists", number)
        new_id = conn.execute(insert(t.agreements).values(**values).returning(t.agreements.c.id))
        audit(conn, actor, "register", "agreement", int(new_id.scalar_one()), {"no": number})

    uow.write(tx)


def agreements(uow: UnitOfWork, actor: Actor) -> list[AgreementRow]:
    """The register with what is called, delivered and still available."""
    require(actor, Action.VIEW)

    def tx(conn: Connection) -> list[AgreementRow]:
        a, item = t.agreements.c, t.items.c
        rows = conn.execute(
            select(t.agreements, item.code, item.name, item.unit, item.decimals)
            .join(t.items, item.id == a.item_id)
            .order_by(a.agreement_no)
        ).all()
        found = []
        for r in rows:
            called, delivered = _usage(conn, int(r.id))
            dec = int(r.decimals)
            found.append(
                AgreementRow(
                    r.agreement_no,
                    r.enterprise,
                    r.code,
                    r.name,
                    r.unit,
                    from_milli(r.quantity, dec),
                    from_milli(called, dec),
                    from_milli(delivered, dec),
                    from_milli(int(r.quantity) - called - delivered, dec),
                    Decimal(int(r.price_fen)) / 100,
                    int(r.response_hours),
                    r.valid_from,
                    r.valid_to,
                )
            )
        return found

    return uow.read(tx)


def _usage(conn: Connection, agreement_id: int) -> tuple[int, int]:
    """(called but not delivered, delivered) in thousandths."""
    dl, d, dv = t.document_lines.c, t.documents.c, t.agreement_deliveries.c
    delivered = int(
        conn.execute(
            select(func.coalesce(func.sum(dv.quantity), 0)).where(dv.agreement_id == agreement_id)
        ).scalar_one()
    )
    called = 0
    for line_no, order_id, qty in conn.execute(
        select(dl.line_no, dl.document_id, dl.quantity)
        .join(t.documents, d.id == dl.document_id)
        .where(dl.agreement_id == agreement_id, d.state.in_(_CALLING))
    ):
        got = delivered_for(conn, int(order_id)).get(int(line_no), 0)
        called += max(int(qty) - got, 0)
    return called, delivered


def lock_and_check(conn: Connection, agreement_id: int, milli: int, day: date) -> None:
    """Approval of an order line calling an agreement: valid on `day`, enough left. The
    agreement row is locked (PostgreSQL) so two approvals cannot both take the last units."""
    query = (
        select(t.agreements, t.items.c.decimals)
        .join(t.items, t.items.c.id == t.agreements.c.item_id)
        .where(t.agreements.c.id == agreement_id)
    )
    if conn.dialect.name == "postgresql":
        query = query.with_for_update(of=t.agreements)
    row = conn.execute(query).one()
    if not row.valid_from <= day <= row.valid_to:
        raise InvalidInput("agreement", "not_valid", row.agreement_no)
    called, delivered = _usage(conn, agreement_id)
    left = int(row.quantity) - called - delivered
    if milli > left:
        dec = int(row.decimals)
        raise AgreementShort(
            row.agreement_no, from_milli(milli, dec), from_milli(max(left, 0), dec)
        )


def agreement_id(conn: Connection, agreement_no: str, item_id: int) -> int:
    row = conn.execute(
        select(t.agreements.c.id, t.agreements.c.item_id).where(
            t.agreements.c.agreement_no == agreement_no.strip()
        )
    ).first()
    if row is None:
        raise NotFound("agreement", agreement_no)
    if int(row.item_id) != item_id:
        raise InvalidInput("agreement", "not_valid", agreement_no)
    return int(row.id)


def deliver(
    uow: UnitOfWork,
    actor: Actor,
    *,
    order_no: str,
    line_no: int,
    quantity: Decimal | str,
    request_id: str,
    delivered_on: date | str | None = None,
    note: str = "",
) -> PostingResult:
    """The enterprise delivered (part of) an agreement line of an approved order."""
    payload = {
        "order": order_no,
        "line": line_no,
        "qty": quantity,
        "on": delivered_on,
        "note": note,
    }

    def body(conn: Connection) -> documents.Posted:
        require(actor, Action.ORDER)
        order = documents.load(conn, order_no)
        documents.require_kind(order, DocType.ORDER, "deliver")
        if order.state not in _CALLING:
            raise InvalidState(order.doc_no, order.state, "deliver")
        line = conn.execute(
            select(t.document_lines.c.agreement_id, t.document_lines.c.quantity, t.items.c.decimals)
            .join(t.items, t.items.c.id == t.document_lines.c.item_id)
            .where(
                t.document_lines.c.document_id == order.id,
                t.document_lines.c.line_no == int(line_no),
            )
        ).first()
        if line is None or line.agreement_id is None:
            raise InvalidInput("line", "not_an_agreement_line", line_no)
        milli = to_milli(parse_quantity(quantity, int(line.decimals)))
        left = int(line.quantity) - delivered_for(conn, order.id).get(int(line_no), 0)
        if milli > left:
            raise InvalidInput("quantity", "more_than_ordered", from_milli(milli, line.decimals))
        conn.execute(
            insert(t.agreement_deliveries).values(
                agreement_id=line.agreement_id,
                order_document_id=order.id,
                order_line_no=int(line_no),
                quantity=milli,
                delivered_on=doc_date_or_today(delivered_on),
                note=note.strip(),
                created_by=actor.user_id,
                created_at=utcnow(),
            )
        )
        advance_after_shipping(conn, actor, order, f"协议供货 第 {line_no} 行")
        return documents.Posted(order.id)

    return documents.post(uow, actor, "agreement_deliver", request_id, payload, body)


def settle(
    uow: UnitOfWork,
    actor: Actor,
    *,
    agreement_no: str,
    invoice_no: str,
    request_id: str,
    doc_date: date | str | None = None,
) -> PostingResult:
    """结算单: every unsettled delivery of the agreement × the agreed price, against the
    enterprise's invoice. The deliveries are marked settled by it."""
    payload = {"agreement": agreement_no, "invoice": invoice_no, "doc_date": doc_date}
    invoice = invoice_no.strip()
    if not invoice:
        raise InvalidInput("invoice", "required")

    def body(conn: Connection) -> documents.Posted:
        require(actor, Action.MANAGE_CATALOG)
        a = conn.execute(
            select(t.agreements).where(t.agreements.c.agreement_no == agreement_no.strip())
        ).first()
        if a is None:
            raise NotFound("agreement", agreement_no)
        dv = t.agreement_deliveries.c
        open_rows = conn.execute(
            select(dv.id, dv.quantity, dv.order_document_id)
            .where(dv.agreement_id == a.id, dv.settlement_document_id.is_(None))
            .order_by(dv.id)
        ).all()
        if not open_rows:
            raise InvalidInput("agreement", "nothing_to_settle", agreement_no)
        first_order = documents.load_by_id(conn, int(open_rows[0].order_document_id))
        doc = documents.create(
            conn,
            actor,
            DocType.SETTLEMENT,
            repo.depot_by_id(conn, first_order.depot_id),
            doc_date_or_today(doc_date),
            counterparty=a.enterprise,
            reference=invoice[:100],
            note=f"协议 {a.agreement_no}",
        )
        conn.execute(
            insert(t.document_lines),
            [
                {
                    "document_id": doc.id,
                    "line_no": n,
                    "item_id": a.item_id,
                    "lot_id": None,
                    "quantity": int(r.quantity),
                    "note": str(r.id),
                    "depot_id": None,
                    "agreement_id": a.id,
                }
                for n, r in enumerate(open_rows, 1)
            ],
        )
        conn.execute(
            update(t.agreement_deliveries)
            .where(dv.id.in_([int(r.id) for r in open_rows]))
            .values(settlement_document_id=doc.id)
        )
        return documents.Posted(doc.id)

    return documents.post(uow, actor, "agreement_settle", request_id, payload, body)


def settlement_total_fen(conn: Connection, document_id: int) -> tuple[int, Sequence]:
    """(total fen, lines) of a settlement: quantity × agreed price per delivery."""
    dl, a, item = t.document_lines.c, t.agreements.c, t.items.c
    rows = conn.execute(
        select(
            dl.line_no,
            dl.quantity,
            a.price_fen,
            a.agreement_no,
            item.code,
            item.name,
            item.spec,
            item.unit,
            item.decimals,
        )
        .join(t.agreements, a.id == dl.agreement_id)
        .join(t.items, item.id == dl.item_id)
        .where(dl.document_id == document_id)
        .order_by(dl.line_no)
    ).all()
    total = sum(money_amount(from_milli(r.quantity, r.decimals), int(r.price_fen)) for r in rows)
    return total, rows
