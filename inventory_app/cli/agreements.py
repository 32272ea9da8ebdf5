"""`agreement …`: the 协议储备 register, deliveries against orders, settlement."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from ..domain.errors import InvalidInput
from ..services import agreements
from .context import EXIT_OK, Context, request_id
from .output import emit, posted


def _need(value: object, field: str) -> str:
    if value in (None, ""):
        raise InvalidInput(field, "required")
    return str(value)


def cmd_agreement(ctx: Context) -> int:
    a = ctx.args
    if a.action == "list":
        emit(
            a,
            agreements.agreements(ctx.uow, ctx.actor),
            [
                "agreement_no",
                "enterprise",
                "item_code",
                "item_name",
                "quantity",
                "called",
                "delivered",
                "available",
                "unit",
                "price",
                "response_hours",
                "valid_to",
            ],
        )
        return EXIT_OK
    if a.action == "add":
        agreements.register(
            ctx.uow,
            ctx.actor,
            agreement_no=_need(a.number, "agreement"),
            enterprise=_need(a.enterprise, "enterprise"),
            item_code=_need(a.item, "item"),
            quantity=_need(a.qty, "quantity"),
            price=_need(a.price, "price"),
            response_hours=a.hours,
            valid_from=_need(a.valid_from, "valid_from"),
            valid_to=_need(a.valid_to, "valid_to"),
            note=a.note or "",
        )
        print(a.number)
        return EXIT_OK
    if a.action == "deliver":
        posted(
            a,
            agreements.deliver(
                ctx.uow,
                ctx.actor,
                order_no=_need(a.order, "document"),
                line_no=int(a.line),
                quantity=_need(a.qty, "quantity"),
                delivered_on=a.doc_date,
                note=a.note or "",
                request_id=request_id(a),
            ),
        )
        return EXIT_OK
    posted(
        a,
        agreements.settle(
            ctx.uow,
            ctx.actor,
            agreement_no=_need(a.number, "agreement"),
            invoice_no=_need(a.invoice, "invoice"),
            doc_date=a.doc_date,
            request_id=request_id(a),
        ),
    )
    return EXIT_OK


def add_parser(
    sub: argparse._SubParsersAction, add_doc: Callable[[argparse.ArgumentParser], None]
) -> None:
    p = sub.add_parser("agreement", help="协议储备: add, list, deliver, settle")
    p.add_argument("action", choices=["add", "list", "deliver", "settle"])
    p.add_argument("number", nargs="?", help="(add, settle) the agreement number")
    p.add_argument("--enterprise")
    p.add_argument("--item")
    p.add_argument("--qty")
    p.add_argument("--price", help="agreed unit price in yuan")
    p.add_argument("--hours", type=int, default=24, help="delivery within N hours")
    p.add_argument("--valid-from")
    p.add_argument("--valid-to")
    p.add_argument("--order", help="(deliver) the order ZL-…")
    p.add_argument("--line", type=int, help="(deliver) the order line")
    p.add_argument("--invoice", help="(settle) the enterprise's invoice number")
    p.add_argument("--note")
    add_doc(p)
    p.set_defaults(fn=cmd_agreement)
