"""采购合同 against an approved plan: signing, deliveries with acceptance, payments, closing.

A delivery is received through the normal 入库: the accepted quantities become a 入库单
(new lots owned by the plan's owner, at the contract price), linked to the contract as
`contract_delivery`; each contract line's acceptance (delivered, accepted, refused with a
reason, QC report) is recorded against it. More than is still open on a line is refused, as
is any delivery against a closed or cancelled contract.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, func, insert, select

from ..domain.documents import LinkRole
from ..domain.errors import EmptyDocument, InvalidInput, InvalidState, NotFound
from ..domain.model import DocState, DocType, PostingResult
from ..domain.permissions import Action, Actor, require
from ..domain.quantities import from_milli, money_amount, parse_money, parse_quantity, to_milli
from ..persistence import repo
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from . import documents, plan_stock
from .common import doc_date_or_today, parse_date, utcnow


@dataclass(frozen=True)
class ContractLine:
    item_code: str
    quantity: Decimal | str
    unit_price: Decimal | str | None = None  # yuan; default the plan's price


def plan_chain(conn: Connection, plan_id: int) -> list[int]:
    """The plan and every version it revises (contracts of earlier versions still count)."""
    chain: list[int] = []
    current: int | None = plan_id
    while current is not None and current not in chain:
        chain.append(current)
        current = conn.execute(
            select(t.plan_details.c.revises_document_id).where(
                t.plan_details.c.document_id == current
            )
        ).scalar()
    return chain


def contracted_for(conn: Connection, plan_ids: Sequence[int], year: int, item_id: int) -> int:
    """Quantity on live (not cancelled) contracts of the plan for one year and item."""
    cd, cl, d = t.contract_details.c, t.contract_lines.c, t.documents.c
    return int(
        conn.execute(
            select(func.coalesce(func.sum(cl.quantity), 0))
            .join(t.contract_details, cd.document_id == cl.document_id)
            .join(t.documents, d.id == cl.document_id)
            .where(
                cd.plan_document_id.in_(list(plan_ids)),
                cd.plan_year == year,
                cl.item_id == item_id,
                d.state != DocState.CANCELLED.value,
            )
        ).scalar_one()
    )


def sign(
    uow: UnitOfWork,
    actor: Actor,
    *,
    plan_no: str,
    contract_no: str,
    supplier: str,
    year: int,
    depot: str,
    lines: Sequence[ContractLine],
    delivery_due: date | str,
    request_id: str,
    doc_date: date | str | None = None,
) -> PostingResult:
    """A purchase contract for one year of an approved plan, delivered to `depot`."""
    payload = {
        "plan": plan_no,
        "contract": contract_no,
        "supplier": supplier,
        "year": year,
        "depot": depot,
        "lines": list(lines),
        "due": delivery_due,
        "doc_date": doc_date,
    }
    number, firm = contract_no.strip(), supplier.strip()
    if not number or not firm:
        raise InvalidInput("contract" if not number else "supplier", "required")
    due = parse_date(delivery_due, "delivery_due")
    if due is None:
        raise InvalidInput("doc_date", "required")

    def body(conn: Connection) -> documents.Posted:
        require(actor, Action.MANAGE_CATALOG)
        plan = documents.load(conn, plan_no)
        documents.require_kind(plan, DocType.PLAN, "contract")
        if plan.state != DocState.APPROVED:
            raise InvalidState(plan.doc_no, plan.state, "contract")
        pd = t.plan_details.c
        head = conn.execute(select(t.plan_details).where(pd.document_id == plan.id)).one()
        if not int(head.first_year) <= int(year) <= int(head.last_year):
            raise InvalidInput("year", "not_in_plan", year)
        if conn.execute(
            select(t.contract_details.c.document_id).where(
                t.contract_details.c.contract_no == number
            )
        ).first():
            raise InvalidInput("contract", "exists", number)
        if not lines:
            raise EmptyDocument()
        chain = plan_chain(conn, plan.id)
        rows = [
            _contract_line(conn, plan.id, chain, int(year), n, ln) for n, ln in enumerate(lines, 1)
        ]
        doc = documents.create(
            conn,
            actor,
            DocType.CONTRACT,
            repo.depot_by_code(conn, depot),
            doc_date_or_today(doc_date),
            counterparty=firm[:200],
            reference=number[:100],
        )
        conn.execute(
            insert(t.contract_details).values(
                document_id=doc.id,
                plan_document_id=plan.id,
                contract_no=number[:60],
                supplier=firm[:200],
                plan_year=int(year),
                delivery_due=due,
            )
        )
        conn.execute(insert(t.contract_lines), [{"document_id": doc.id, **r} for r in rows])
        conn.execute(
            insert(t.document_lines),
            [
                {
                    "document_id": doc.id,
                    "line_no": r["line_no"],
                    "item_id": r["item_id"],
                    "quantity": r["quantity"],
                    "note": "",
                }
                for r in rows
            ],
        )
        documents.link(conn, actor, plan, doc, LinkRole.PLAN_CONTRACT)
        return documents.Posted(doc.id)

    return documents.post(uow, actor, "contract_sign", request_id, payload, body)


def _contract_line(
    conn: Connection, plan_id: int, chain: list[int], year: int, line_no: int, line: ContractLine
) -> dict[str, int]:
    item = repo.item_by_code(conn, line.item_code)
    qty = parse_quantity(line.quantity, item.decimals)
    if qty <= 0:
        raise InvalidInput("quantity", "positive", line.quantity)
    py, pl = t.plan_line_years.c, t.plan_lines.c
    planned = conn.execute(
        select(py.quantity).where(py.document_id == plan_id, py.item_id == item.id, py.year == year)
    ).scalar()
    if planned is None:
        raise InvalidInput("item", "not_in_plan", line.item_code)
    if contracted_for(conn, chain, year, item.id) + to_milli(qty) > int(planned):
        raise InvalidInput("quantity", "more_than_planned", qty)
    price = conn.execute(
        select(pl.unit_price_fen).where(pl.document_id == plan_id, pl.item_id == item.id)
    ).scalar_one()
    return {
        "line_no": line_no,
        "item_id": item.id,
        "quantity": to_milli(qty),
        "unit_price_fen": parse_money(line.unit_price) if line.unit_price is not None else price,
    }


def load_contract(conn: Connection, contract_no: str) -> tuple[documents.DocHead, Any]:
    cd = t.contract_details.c
    row = conn.execute(
        select(t.contract_details).where(cd.contract_no == contract_no.strip())
    ).first()
    if row is None:
        raise NotFound("contract", contract_no)
    return documents.load_by_id(conn, int(row.document_id)), row


def contract_lines(conn: Connection, contract_id: int) -> dict[int, Any]:
    cl, i = t.contract_lines.c, t.items.c
    rows = conn.execute(
        select(cl.line_no, cl.quantity, cl.unit_price_fen, i.code, i.decimals)
        .join(t.items, i.id == cl.item_id)
        .where(cl.document_id == contract_id)
    ).all()
    return {int(r.line_no): r for r in rows}


def plan_owner(conn: Connection, plan_id: int) -> str:
    o, pd = t.organisations.c, t.plan_details.c
    return str(
        conn.execute(
            select(o.code)
            .join(t.plan_details, pd.owner_org_id == o.id)
            .where(pd.document_id == plan_id)
        ).scalar_one()
    )


def pay(
    uow: UnitOfWork,
    actor: Actor,
    *,
    contract_no: str,
    amount: Decimal | str,
    voucher_no: str,
    request_id: str,
    paid_on: date | str | None = None,
) -> PostingResult:
    """A payment against a contract; the total paid never exceeds the contract amount."""
    payload = {"contract": contract_no, "amount": amount, "voucher": voucher_no, "on": paid_on}
    if not voucher_no.strip():
        raise InvalidInput("voucher", "required")
    fen = parse_money(amount)
    if fen <= 0:
        raise InvalidInput("amount", "positive", amount)

    def body(conn: Connection) -> documents.Posted:
        require(actor, Action.MANAGE_CATALOG)
        contract, _head = load_contract(conn, contract_no)
        if contract.state == DocState.CANCELLED:
            raise InvalidState(contract.doc_no, contract.state, "pay")
        paid = paid_fen(conn, contract.id)
        if paid + fen > contract_fen(conn, contract.id):
            raise InvalidInput("amount", "more_than_contract", amount)
        conn.execute(
            insert(t.contract_payments).values(
                contract_document_id=contract.id,
                paid_on=doc_date_or_today(paid_on),
                amount_fen=fen,
                voucher_no=voucher_no.strip()[:60],
                created_by=actor.user_id,
                created_at=utcnow(),
            )
        )
        documents.note_event(conn, actor, contract, f"付款 {Decimal(fen) / 100} 凭证 {voucher_no}")
        return documents.Posted(contract.id)

    return documents.post(uow, actor, "contract_pay", request_id, payload, body)


def paid_fen(conn: Connection, contract_id: int) -> int:
    cp = t.contract_payments.c
    return int(
        conn.execute(
            select(func.coalesce(func.sum(cp.amount_fen), 0)).where(
                cp.contract_document_id == contract_id
            )
        ).scalar_one()
    )


def contract_fen(conn: Connection, contract_id: int) -> int:
    total = 0
    for r in contract_lines(conn, contract_id).values():
        total += money_amount(from_milli(int(r.quantity), int(r.decimals)), int(r.unit_price_fen))
    return total


def close(
    uow: UnitOfWork, actor: Actor, *, contract_no: str, request_id: str, cancel: bool = False
) -> PostingResult:
    """Close a contract short (no more deliveries), or cancel one nothing was delivered on."""

    def body(conn: Connection) -> documents.Posted:
        require(actor, Action.MANAGE_CATALOG)
        contract, _head = load_contract(conn, contract_no)
        if cancel and plan_stock.accepted_per_line(conn, [contract.id]):
            raise InvalidState(contract.doc_no, contract.state, "cancel")
        target = DocState.CANCELLED if cancel else DocState.COMPLETED
        documents.transition(conn, actor, contract, target)
        return documents.Posted(contract.id)

    payload = {"contract": contract_no, "cancel": cancel}
    return documents.post(uow, actor, "contract_close", request_id, payload, body)
