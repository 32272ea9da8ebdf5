"""Execution of a plan: per year and line, planned / contracted / delivered / accepted / paid,
in quantities and money; contracts with their state and late deliveries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import Connection, func, select

from ..domain.model import DocState
from ..domain.permissions import Action, Actor, require
from ..domain.quantities import fen_to_yuan, from_milli, money_amount
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from . import contracts, plan_queries, plan_stock
from .common import today


@dataclass(frozen=True)
class ProgressRow:
    year: int
    item_code: str
    item_name: str
    unit: str
    planned: Decimal
    contracted: Decimal
    delivered: Decimal
    accepted: Decimal
    rejected: Decimal
    planned_amount: Decimal
    contracted_amount: Decimal
    accepted_amount: Decimal


@dataclass(frozen=True)
class YearProgress:
    year: int
    planned_amount: Decimal
    contracted_amount: Decimal
    accepted_amount: Decimal
    paid_amount: Decimal


@dataclass(frozen=True)
class ContractRow:
    contract_no: str
    doc_no: str
    state: str
    plan_no: str
    year: int
    supplier: str
    delivery_due: date
    amount: Decimal
    accepted_amount: Decimal
    paid_amount: Decimal
    late: bool  # due date passed, still open and not fully accepted


@dataclass(frozen=True)
class AcceptanceRow:
    contract_no: str
    line_no: int
    item_code: str
    item_name: str
    ordered: Decimal
    delivered: Decimal
    accepted: Decimal
    rejected: Decimal
    result: str  # pass | fail
    reason: str
    qc_report_no: str
    delivered_on: date
    receipt_no: str


@dataclass(frozen=True)
class Progress:
    plan_no: str
    rows: tuple[ProgressRow, ...]
    years: tuple[YearProgress, ...]
    contracts: tuple[ContractRow, ...]


def _contract_ids(conn: Connection, plan_ids: list[int] | None) -> list[int]:
    cd = t.contract_details.c
    query = select(cd.document_id).order_by(cd.document_id)
    if plan_ids is not None:
        query = query.where(cd.plan_document_id.in_(plan_ids))
    return [int(i) for i in conn.execute(query).scalars()]


def contract_rows(conn: Connection, plan_ids: list[int] | None = None) -> list[ContractRow]:
    found = []
    cd, d = t.contract_details.c, t.documents.c
    plan_doc = t.documents.alias("plan_doc")
    ids = _contract_ids(conn, plan_ids)
    done = plan_stock.accepted_per_line(conn, ids)
    for cid in ids:
        row = conn.execute(
            select(t.contract_details, d.doc_no, d.state, plan_doc.c.doc_no.label("plan_no"))
            .join(t.documents, d.id == cd.document_id)
            .join(plan_doc, plan_doc.c.id == cd.plan_document_id)
            .where(cd.document_id == cid)
        ).one()
        lines = contracts.contract_lines(conn, cid)
        accepted_fen, complete = 0, True
        for n, ln in lines.items():
            got = done.get((cid, n), 0)
            accepted_fen += money_amount(from_milli(got, int(ln.decimals)), int(ln.unit_price_fen))
            complete = complete and got >= int(ln.quantity)
        found.append(
            ContractRow(
                row.contract_no,
                row.doc_no,
                row.state,
                row.plan_no,
                int(row.plan_year),
                row.supplier,
                row.delivery_due,
                fen_to_yuan(contracts.contract_fen(conn, cid)),
                fen_to_yuan(accepted_fen),
                fen_to_yuan(contracts.paid_fen(conn, cid)),
                row.state == DocState.APPROVED and row.delivery_due < today() and not complete,
            )
        )
    return found


def progress(uow: UnitOfWork, actor: Actor, plan_no: str) -> Progress:
    require(actor, Action.VIEW)

    def tx(conn: Connection) -> Progress:
        view = plan_queries.load_view(conn, plan_no, with_changes=False)
        plan_id = int(
            conn.execute(
                select(t.documents.c.id).where(t.documents.c.doc_no == view.doc_no)
            ).scalar_one()
        )
        chain = contracts.plan_chain(conn, plan_id)
        i = t.items.c
        codes = [ln.item_code for ln in view.lines]
        decimals = dict(conn.execute(select(i.code, i.decimals).where(i.code.in_(codes))).all())
        qty, money = _per_year_item(conn, chain)
        rows = []
        for year in view.years:
            for ln in view.lines:
                got = qty.get((year, ln.item_code), {})
                cash = money.get((year, ln.item_code), {})
                dec = decimals[ln.item_code]
                planned = ln.years.get(year, Decimal(0))
                rows.append(
                    ProgressRow(
                        year,
                        ln.item_code,
                        ln.item_name,
                        ln.unit,
                        planned,
                        from_milli(got.get("contracted", 0), dec),
                        from_milli(got.get("delivered", 0), dec),
                        from_milli(got.get("accepted", 0), dec),
                        from_milli(got.get("delivered", 0) - got.get("accepted", 0), dec),
                        ln.year_amounts.get(year, Decimal("0.00")),
                        fen_to_yuan(cash.get("contracted", 0)),
                        fen_to_yuan(cash.get("accepted", 0)),
                    )
                )
        listed = contract_rows(conn, chain)
        years = tuple(
            YearProgress(
                year,
                sum((r.planned_amount for r in rows if r.year == year), Decimal("0.00")),
                sum((r.contracted_amount for r in rows if r.year == year), Decimal("0.00")),
                sum((r.accepted_amount for r in rows if r.year == year), Decimal("0.00")),
                sum((c.paid_amount for c in listed if c.year == year), Decimal("0.00")),
            )
            for year in view.years
        )
        return Progress(view.doc_no, tuple(rows), years, tuple(listed))

    return uow.read(tx)


def _per_year_item(
    conn: Connection, chain: list[int]
) -> tuple[dict[tuple[int, str], dict[str, int]], dict[tuple[int, str], dict[str, int]]]:
    """(year, item) → contracted / delivered / accepted thousandths, and the money of each."""
    cd, cl, d, i = t.contract_details.c, t.contract_lines.c, t.documents.c, t.items.c
    da = t.delivery_acceptances.c
    qty: dict[tuple[int, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    money: dict[tuple[int, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    lines = conn.execute(
        select(
            cd.plan_year,
            cl.document_id,
            cl.line_no,
            cl.quantity,
            cl.unit_price_fen,
            i.code,
            i.decimals,
        )
        .join(t.contract_details, cd.document_id == cl.document_id)
        .join(t.documents, d.id == cl.document_id)
        .join(t.items, i.id == cl.item_id)
        .where(cd.plan_document_id.in_(chain), d.state != DocState.CANCELLED.value)
    ).all()
    for r in lines:
        key = (int(r.plan_year), r.code)
        dec, price = int(r.decimals), int(r.unit_price_fen)
        got = conn.execute(
            select(
                func.coalesce(func.sum(da.delivered), 0), func.coalesce(func.sum(da.accepted), 0)
            ).where(da.contract_document_id == r.document_id, da.contract_line_no == r.line_no)
        ).one()
        qty[key]["contracted"] += int(r.quantity)
        qty[key]["delivered"] += int(got[0])
        qty[key]["accepted"] += int(got[1])
        money[key]["contracted"] += money_amount(from_milli(int(r.quantity), dec), price)
        money[key]["accepted"] += money_amount(from_milli(int(got[1]), dec), price)
    return qty, money


def contracts_list(uow: UnitOfWork, actor: Actor, plan_no: str | None = None) -> list[ContractRow]:
    require(actor, Action.VIEW)

    def tx(conn: Connection) -> list[ContractRow]:
        if plan_no is None:
            return contract_rows(conn)
        plan_id = conn.execute(
            select(t.documents.c.id).where(t.documents.c.doc_no == plan_no)
        ).scalar()
        return contract_rows(conn, contracts.plan_chain(conn, int(plan_id or 0)))

    return uow.read(tx)


def acceptances(uow: UnitOfWork, actor: Actor, contract_no: str) -> list[AcceptanceRow]:
    """The 入库验收 records of one contract."""
    require(actor, Action.VIEW)

    def tx(conn: Connection) -> list[AcceptanceRow]:
        contract, head = contracts.load_contract(conn, contract_no)
        lines = contracts.contract_lines(conn, contract.id)
        da, i = t.delivery_acceptances.c, t.items.c
        receipt = t.documents.alias("receipt")
        found = []
        for r in conn.execute(
            select(t.delivery_acceptances, receipt.c.doc_no.label("receipt_no"))
            .outerjoin(receipt, receipt.c.id == da.receipt_document_id)
            .where(da.contract_document_id == contract.id)
            .order_by(da.id)
        ):
            ln = lines[int(r.contract_line_no)]
            dec = int(ln.decimals)
            name = conn.execute(select(i.name).where(i.code == ln.code)).scalar_one()
            found.append(
                AcceptanceRow(
                    head.contract_no,
                    int(r.contract_line_no),
                    ln.code,
                    name,
                    from_milli(int(ln.quantity), dec),
                    from_milli(int(r.delivered), dec),
                    from_milli(int(r.accepted), dec),
                    from_milli(int(r.delivered) - int(r.accepted), dec),
                    r.result,
                    r.reason,
                    r.qc_report_no,
                    r.delivered_on,
                    r.receipt_no or "",
                )
            )
        return found

    return uow.read(tx)


def late_contracts(uow: UnitOfWork, actor: Actor) -> list[ContractRow]:
    """Open contracts past their delivery date (the dashboard flags them)."""
    return [c for c in contracts_list(uow, actor) if c.late]


@dataclass(frozen=True)
class ContractLineRow:
    line_no: int
    item_code: str
    item_name: str
    unit: str
    ordered: Decimal
    accepted: Decimal
    open_qty: Decimal  # still to deliver (refused goods are still owed)


def contract_line_rows(uow: UnitOfWork, actor: Actor, contract_no: str) -> list[ContractLineRow]:
    """A contract's lines with what was accepted and what is still open (the 到货验收 form)."""
    require(actor, Action.VIEW)

    def tx(conn: Connection) -> list[ContractLineRow]:
        contract, _head = contracts.load_contract(conn, contract_no)
        done = plan_stock.accepted_per_line(conn, [contract.id])
        i = t.items.c
        found = []
        for n, ln in sorted(contracts.contract_lines(conn, contract.id).items()):
            dec = int(ln.decimals)
            got = done.get((contract.id, n), 0)
            row = conn.execute(select(i.name, i.unit).where(i.code == ln.code)).one()
            found.append(
                ContractLineRow(
                    n,
                    ln.code,
                    row.name,
                    row.unit,
                    from_milli(int(ln.quantity), dec),
                    from_milli(got, dec),
                    from_milli(max(int(ln.quantity) - got, 0), dec),
                )
            )
        return found

    return uow.read(tx)
