"""`contract …`: sign against an approved plan, deliveries with acceptance, payments, close;
and `plan progress`-style execution tables."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import asdict

from ..domain.errors import InvalidInput
from ..domain.model import PostingResult
from ..services import contract_deliveries, contracts, plan_progress
from ..services.contract_deliveries import DeliveryLine
from ..services.contracts import ContractLine
from .context import EXIT_OK, Context, request_id
from .output import emit, json_default, posted

_CONTRACT_COLUMNS = [
    "contract_no",
    "doc_no",
    "state",
    "plan_no",
    "year",
    "supplier",
    "delivery_due",
    "amount",
    "accepted_amount",
    "paid_amount",
    "late",
]

_ACCEPTANCE_COLUMNS = (
    *("line_no", "item_code", "item_name", "ordered", "delivered", "accepted", "rejected"),
    *("result", "reason", "qc_report_no", "delivered_on", "receipt_no"),
)
_PROGRESS_COLUMNS = (
    *("year", "item_code", "item_name", "planned", "contracted", "delivered", "accepted"),
    *("rejected", "planned_amount", "contracted_amount", "accepted_amount"),
)


def _need(value: object, field: str) -> str:
    if value in (None, ""):
        raise InvalidInput(field, "required")
    return str(value)


def _lines(values: list[str] | None) -> list[ContractLine]:
    """ITEM:QTY[:PRICE] per --line."""
    lines = []
    for value in values or []:
        parts = value.split(":")
        if len(parts) not in (2, 3):
            raise InvalidInput("line", "format", value)
        lines.append(ContractLine(parts[0], parts[1], parts[2] if len(parts) == 3 else None))
    return lines


def _deliveries(values: list[str] | None) -> list[DeliveryLine]:
    """LINE:DELIVERED[:ACCEPTED[:REASON]] per --line."""
    lines = []
    for value in values or []:
        parts = value.split(":", 3)
        if len(parts) < 2 or not parts[0].isdigit():
            raise InvalidInput("line", "format", value)
        accepted = parts[2] if len(parts) > 2 and parts[2] else None
        reason = parts[3] if len(parts) > 3 else ""
        lines.append(DeliveryLine(int(parts[0]), parts[1], accepted, reason))
    return lines


def cmd_contract(ctx: Context) -> int:
    a = ctx.args
    if a.action == "list":
        emit(a, plan_progress.contracts_list(ctx.uow, ctx.actor, a.plan), _CONTRACT_COLUMNS)
        return EXIT_OK
    if a.action == "show":
        rows = plan_progress.acceptances(ctx.uow, ctx.actor, _need(a.number, "contract"))
        emit(
            a,
            rows,
            _ACCEPTANCE_COLUMNS,
        )
        return EXIT_OK
    action = _WRITES[a.action]
    posted(a, action(ctx, a))
    return EXIT_OK


def _sign(ctx: Context, a: argparse.Namespace) -> PostingResult:
    return contracts.sign(
        ctx.uow,
        ctx.actor,
        plan_no=_need(a.plan, "document"),
        contract_no=_need(a.number, "contract"),
        supplier=_need(a.supplier, "supplier"),
        year=int(_need(a.year, "year")),
        depot=_need(a.depot, "depot"),
        lines=_lines(a.line),
        delivery_due=_need(a.due, "doc_date"),
        doc_date=a.doc_date,
        request_id=request_id(a),
    )


def _deliver(ctx: Context, a: argparse.Namespace) -> PostingResult:
    return contract_deliveries.deliver(
        ctx.uow,
        ctx.actor,
        contract_no=_need(a.number, "contract"),
        lines=_deliveries(a.line),
        depot=a.depot,
        qc_report_no=a.qc or "",
        doc_date=a.doc_date,
        request_id=request_id(a),
    )


def _pay(ctx: Context, a: argparse.Namespace) -> PostingResult:
    return contracts.pay(
        ctx.uow,
        ctx.actor,
        contract_no=_need(a.number, "contract"),
        amount=_need(a.amount, "amount"),
        voucher_no=_need(a.voucher, "voucher"),
        paid_on=a.doc_date,
        request_id=request_id(a),
    )


def _close(ctx: Context, a: argparse.Namespace) -> PostingResult:
    return contracts.close(
        ctx.uow,
        ctx.actor,
        contract_no=_need(a.number, "contract"),
        cancel=a.action == "cancel",
        request_id=request_id(a),
    )


_WRITES: dict[str, Callable[[Context, argparse.Namespace], PostingResult]] = {
    "sign": _sign,
    "deliver": _deliver,
    "pay": _pay,
    "close": _close,
    "cancel": _close,
}


def cmd_progress(ctx: Context) -> int:
    a = ctx.args
    prog = plan_progress.progress(ctx.uow, ctx.actor, a.plan)
    if a.json:
        print(json.dumps(asdict(prog), ensure_ascii=False, default=json_default, indent=1))
        return EXIT_OK
    emit(
        a,
        prog.rows,
        _PROGRESS_COLUMNS,
    )
    print()
    emit(a, prog.years, ["year", "planned_amount", "contracted_amount", "accepted_amount"])
    return EXIT_OK


def add_parsers(
    sub: argparse._SubParsersAction, add_doc: Callable[[argparse.ArgumentParser], None]
) -> None:
    p = sub.add_parser("contract", help="采购合同: sign, list, show, deliver, pay, close, cancel")
    p.add_argument("action", choices=["sign", "list", "show", "deliver", "pay", "close", "cancel"])
    p.add_argument("number", nargs="?", help="the contract number")
    p.add_argument("--plan", help="(sign, list) the approved plan JH-…")
    p.add_argument("--supplier")
    p.add_argument("--year", type=int, help="(sign) the plan year it buys for")
    p.add_argument("--depot", help="(sign, deliver) the receiving depot")
    p.add_argument("--due", help="(sign) delivery due date YYYY-MM-DD")
    p.add_argument(
        "--line",
        action="append",
        help="(sign) ITEM:QTY[:PRICE]; (deliver) LINE:DELIVERED[:ACCEPTED[:REASON]]",
    )
    p.add_argument("--qc", help="(deliver) QC report number")
    p.add_argument("--amount", help="(pay) amount in yuan")
    p.add_argument("--voucher", help="(pay) voucher number")
    add_doc(p)
    p.set_defaults(fn=cmd_contract)

    p = sub.add_parser("progress", help="计划执行进度: per year and line")
    p.add_argument("plan", help="the plan JH-…")
    p.add_argument("--json", action="store_true")
    p.set_defaults(fn=cmd_progress)
