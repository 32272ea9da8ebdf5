"""`request …`, `order …` and `ship`: the allocation flow from the command line."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from ..domain.errors import InvalidInput
from ..domain.orders import (
    Condition,
    OrderLine,
    ReceivedLine,
    ReturnLine,
    ShipLine,
)
from ..domain.quantities import strict_decimal
from ..services import (
    approvals,
    order_queries,
    orders,
    printing,
    receipt_notes,
    returns,
    shipping,
    suggestions,
)
from .context import EXIT_OK, Context, load_lines, request_id
from .output import emit, json_default, posted


def split_spec(spec: str, parts: int, field: str) -> list[str]:
    values = [v.strip() for v in spec.split(":")]
    if not parts - 1 <= len(values) <= parts:
        raise InvalidInput(field, "format", spec)
    return values


def _order_lines(a: argparse.Namespace, ctx: Context) -> list[OrderLine]:
    if a.suggested:
        if not a.request:
            raise InvalidInput("request", "required")
        return suggestions.suggest(ctx.uow, ctx.actor, a.request).order_lines()
    if a.lines:
        return load_lines(a.lines, OrderLine)
    lines = []
    for spec in a.line or ():
        values = (
            split_spec(spec, 4, "line") if spec.count(":") == 3 else split_spec(spec, 3, "line")
        )
        if values[2].startswith("@"):  # ITEM:QTY:@AGREEMENT — from an agreement reserve
            lines.append(OrderLine(values[0], strict_decimal(values[1]), "", None, values[2][1:]))
            continue
        lot = int(values[3]) if len(values) == 4 and values[3] else None
        lines.append(OrderLine(values[0], strict_decimal(values[1]), values[2], lot))
    return lines


def cmd_order(ctx: Context) -> int:
    a = ctx.args
    uow, actor, rid = ctx.uow, ctx.actor, request_id(a)
    if a.action == "list":
        rows = order_queries.orders(
            uow, actor, states=tuple(a.state or ()), emergency_only=a.emergency
        )
        emit(
            a,
            rows,
            [
                "doc_no",
                "state",
                "doc_date",
                "receiving_unit",
                "purpose",
                "emergency",
                "paperwork",
                "paperwork_due_at",
                "lines",
            ],
        )
        return EXIT_OK
    if a.action == "show":
        view = order_queries.order_view(uow, actor, a.doc_no)
        if a.json:
            print(json.dumps(asdict(view), ensure_ascii=False, default=json_default, indent=1))
        else:
            emit(a, [view.order], ["doc_no", "state", "receiving_unit", "emergency", "paperwork"])
            emit(
                a,
                view.lines,
                [
                    "line_no",
                    "item_code",
                    "item_name",
                    "depot_code",
                    "quantity",
                    "reserved",
                    "shipped",
                    "unit",
                ],
            )
            emit(a, view.events, ["at", "from_state", "to_state", "user", "host", "note"])
        return EXIT_OK
    if a.action == "create":
        result = orders.create_order(
            uow,
            actor,
            lines=_order_lines(a, ctx),
            receiving_unit=a.unit or "",
            depot=a.depot,
            receiving_depot=a.to_depot,
            request_no=a.request,
            place=a.place or "",
            receiver=a.receiver or "",
            receiver_phone=a.receiver_phone or "",
            sender=a.sender or "",
            sender_phone=a.sender_phone or "",
            transport_payer=a.payer or "",
            purpose=a.purpose,
            emergency=a.emergency,
            submit=a.submit,
            doc_date=a.doc_date,
            note=a.note or "",
            request_id=rid,
        )
    elif a.action == "phone-approve":
        at = datetime.fromisoformat(a.at) if a.at else None
        result = approvals.approve_by_phone(
            uow,
            actor,
            doc_no=a.doc_no,
            oral_approver=a.by or "",
            method=a.method,
            approved_at=at,
            request_id=rid,
            owner_consent=a.consent or "",
        )
    elif a.action == "paperwork":
        result = approvals.complete_paperwork(
            uow, actor, doc_no=a.doc_no, reference=a.ref or "", request_id=rid
        )
    elif a.action == "sign":
        received = [
            ReceivedLine(int(v[0]), strict_decimal(v[1]), v[2] if len(v) > 2 else "")
            for v in (split_spec(s, 3, "received") for s in a.received or ())
        ]
        result = receipt_notes.sign_for(
            uow,
            actor,
            order_no=a.doc_no,
            signed_by=a.by or "",
            received=received,
            note=a.note or "",
            request_id=rid,
        )
    elif a.action == "return":
        back = [
            ReturnLine(
                int(v[0]),
                strict_decimal(v[1]),
                Condition(v[2] if len(v) > 2 else "good"),
                v[3] if len(v) > 3 else "",
            )
            for v in (
                split_spec(s, 4, "line") if s.count(":") == 3 else split_spec(s, 3, "line")
                for s in a.line or ()
            )
        ]
        result = returns.record_return(
            uow,
            actor,
            order_no=a.doc_no,
            depot=a.depot or "",
            lines=back,
            location=a.location,
            note=a.note or "",
            request_id=rid,
        )
    elif a.action in ("reject", "cancel"):
        step = orders.reject_order if a.action == "reject" else orders.cancel_order
        result = step(uow, actor, doc_no=a.doc_no, reason=a.reason or "", request_id=rid)
    elif a.action == "submit":
        result = orders.submit_order(uow, actor, doc_no=a.doc_no, request_id=rid)
    elif a.action == "approve":
        result = approvals.approve_order(
            uow,
            actor,
            doc_no=a.doc_no,
            note=a.note or "",
            request_id=rid,
            owner_consent=a.consent or "",
        )
    else:  # complete
        result = orders.complete_order(
            uow, actor, doc_no=a.doc_no, note=a.note or "", request_id=rid
        )
    posted(a, result)
    return EXIT_OK


def cmd_ship(ctx: Context) -> int:
    a = ctx.args
    lines = None
    if a.line:
        lines = [
            ShipLine(int(n), strict_decimal(q))
            for n, q in (split_spec(s, 2, "line") for s in a.line)
        ]
    result = shipping.ship(
        ctx.uow,
        ctx.actor,
        order_no=a.order_no,
        depot=a.depot,
        lines=lines,
        carrier=a.carrier or "",
        driver=a.driver or "",
        driver_phone=a.driver_phone or "",
        plate=a.plate or "",
        doc_date=a.doc_date,
        note=a.note or "",
        request_id=request_id(a),
    )
    posted(a, result)
    if a.print:
        printing.print_document(ctx.uow, ctx.actor, result.doc_no, Path(a.print), form=a.form)
    return EXIT_OK


def add_parsers(
    sub: argparse._SubParsersAction, add_doc: Callable[[argparse.ArgumentParser], None]
) -> None:
    """Register `order` and `ship` on the main parser (`add_doc` adds the
    --request-id / --doc-date / --json options every posting has)."""

    p = sub.add_parser("order", help="调拨指令: create, submit, approve, … list, show")
    p.add_argument(
        "action",
        choices=[
            "create",
            "submit",
            "approve",
            "phone-approve",
            "paperwork",
            "reject",
            "cancel",
            "sign",
            "complete",
            "return",
            "list",
            "show",
        ],
    )
    p.add_argument("doc_no", nargs="?")
    p.add_argument(
        "--line",
        action="append",
        metavar="ITEM:QTY:DEPOT[:LOT]",
        help="(create) an order line, or ITEM:QTY:@AGREEMENT_NO from an agreement reserve; "
        "(return) LINE_NO:QTY:good|cleaned|repair|scrap[:NOTE]",
    )
    p.add_argument("--location", help="(return) storage location for goods back in stock")
    p.add_argument("--lines", help="JSON file with several lines")
    p.add_argument("--unit", help="receiving unit")
    p.add_argument(
        "--depot", help="(create) depot that numbers the order; (return) depot taking goods back"
    )
    p.add_argument("--request", help="the request (SQ-…) this order answers")
    p.add_argument(
        "--to-depot", help="the receiver is this depot: slips are transfers in transit to it"
    )
    p.add_argument("--suggested", action="store_true", help="take the lines from `request suggest`")
    p.add_argument("--place")
    p.add_argument("--receiver")
    p.add_argument("--receiver-phone")
    p.add_argument("--sender")
    p.add_argument("--sender-phone")
    p.add_argument("--payer", help="who pays transport")
    p.add_argument("--purpose", default="relief", choices=["relief", "preposition", "drill"])
    p.add_argument("--emergency", action="store_true")
    p.add_argument("--submit", action="store_true")
    p.add_argument("--by", help="(phone-approve) who approved; (sign) who signed")
    p.add_argument("--method", default="电话", help="(phone-approve) how: 电话 …")
    p.add_argument("--at", help="(phone-approve) when, YYYY-MM-DDTHH:MM (UTC; default now)")
    p.add_argument("--ref", help="(paperwork) number of the written approval")
    p.add_argument(
        "--consent",
        help="(approve, phone-approve) who agreed for the owner of pre-positioned stock",
    )
    p.add_argument(
        "--received",
        action="append",
        metavar="LINE:QTY[:REASON]",
        help="(sign) a line that arrived short, with the reason",
    )
    p.add_argument("--reason")
    p.add_argument("--state", action="append")
    p.add_argument("--note")
    add_doc(p)
    p.set_defaults(fn=cmd_order)

    p = sub.add_parser("ship", help="出库单: ship against an approved order")
    p.add_argument("order_no")
    p.add_argument("--depot", required=True)
    p.add_argument("--line", action="append", metavar="LINE_NO:QTY")
    p.add_argument("--carrier")
    p.add_argument("--driver")
    p.add_argument("--driver-phone")
    p.add_argument("--plate")
    p.add_argument("--note")
    p.add_argument("--print", metavar="FILE.pdf", help="also write the 出库单 (three copies)")
    p.add_argument("--form", choices=["a4", "continuous"], help="paper of --print")
    add_doc(p)
    p.set_defaults(fn=cmd_ship)
