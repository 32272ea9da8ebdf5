"""`capacity add|list`: the 产能储备 register (planning only, never stock)."""

from __future__ import annotations

import argparse

from ..domain.errors import InvalidInput
from ..services import capacity
from .context import EXIT_OK, Context
from .output import emit

_COLUMNS = ("enterprise", "item_code", "item_name", "daily_capacity", "unit", "mobilisation_days")


def cmd_capacity(ctx: Context) -> int:
    a = ctx.args
    if a.action == "list":
        emit(a, capacity.capacities(ctx.uow, ctx.actor), [*_COLUMNS, "valid_to"])
        return EXIT_OK
    for value, field in ((a.enterprise, "enterprise"), (a.item, "item"), (a.daily, "quantity")):
        if not value:
            raise InvalidInput(field, "required")
    capacity.register(
        ctx.uow,
        ctx.actor,
        enterprise=a.enterprise,
        item_code=a.item,
        daily_capacity=a.daily,
        mobilisation_days=a.days,
        valid_from=a.valid_from or "",
        valid_to=a.valid_to or "",
    )
    print(a.enterprise)
    return EXIT_OK


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("capacity", help="产能储备: add, list")
    p.add_argument("action", choices=["add", "list"])
    p.add_argument("--enterprise")
    p.add_argument("--item")
    p.add_argument("--daily", help="units a day once mobilised")
    p.add_argument("--days", type=int, default=2, help="days to mobilise")
    p.add_argument("--valid-from")
    p.add_argument("--valid-to")
    p.add_argument("--json", action="store_true")
    p.set_defaults(fn=cmd_capacity)
