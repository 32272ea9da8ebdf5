"""`rotation schedule|out|in|windows`: 轮换 of grain and oil, renewal proposals for the rest."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from ..domain.errors import InvalidInput
from ..services import rotation
from ..services.common import today
from .context import EXIT_OK, Context, lot_of, request_id
from .output import emit, posted

_SCHEDULE = ("lot_id", "depot_code", "item_code", "item_name", "batch_no", "harvest_year")
_WINDOWS = ("window_id", "depot_code", "item_name", "grade", "quantity", "rotated_in", "shortfall")


def cmd_rotation(ctx: Context) -> int:
    a = ctx.args
    if a.action == "schedule":
        rows = rotation.schedule(ctx.uow, ctx.actor, a.year or today().year)
        emit(a, rows, [*_SCHEDULE, "grade", "on_hand", "unit", "expiry_date", "action"])
    elif a.action == "windows":
        found = rotation.windows(ctx.uow, ctx.actor, open_only=a.open)
        emit(a, found, [*_WINDOWS, "unit", "out_doc_no", "due_on", "status"])
    elif a.action == "out":
        if not a.depot or a.qty is None:
            raise InvalidInput("depot" if not a.depot else "quantity", "required")
        result = rotation.rotate_out(
            ctx.uow,
            ctx.actor,
            depot=a.depot,
            lot_id=lot_of(ctx, None),
            quantity=a.qty,
            grade=a.grade or "",
            buyer=a.buyer or "",
            doc_date=a.doc_date,
            request_id=request_id(a),
        )
        posted(a, result)
    else:
        if a.window is None or a.qty is None:
            raise InvalidInput("rotation_window" if a.window is None else "quantity", "required")
        result = rotation.rotate_in(
            ctx.uow,
            ctx.actor,
            window_id=int(a.window),
            quantity=a.qty,
            grade=a.grade or "",
            harvest_year=a.harvest_year,
            batch_no=a.batch_no or "",
            production_date=a.production_date,
            location=a.location,
            doc_date=a.doc_date,
            request_id=request_id(a),
        )
        posted(a, result)
    return EXIT_OK


def add_parser(
    sub: argparse._SubParsersAction, add_doc: Callable[[argparse.ArgumentParser], None]
) -> None:
    p = sub.add_parser("rotation", help="轮换: schedule, out (轮出), in (轮入), windows")
    p.add_argument("action", choices=["schedule", "out", "in", "windows"])
    p.add_argument("window", nargs="?", type=int, help="(in) the rotation window number")
    p.add_argument("--year", type=int, help="(schedule) storage life ending by this year")
    p.add_argument("--depot", help="(out) the depot")
    p.add_argument("--lot", type=int, help="(out) the lot")
    p.add_argument("--batch", help="(out) the lot by its batch number")
    p.add_argument("--qty")
    p.add_argument("--grade", help="grade, e.g. 二等 (in: must equal the rotated-out grade)")
    p.add_argument("--buyer", help="(out) who buys the rotated-out grain")
    p.add_argument("--harvest-year", type=int, help="(in) harvest year of the new grain")
    p.add_argument("--batch-no", help="(in) batch number of the new lot")
    p.add_argument("--production-date", help="(in) production / harvest date")
    p.add_argument("--location", help="(in) storage location (仓号)")
    p.add_argument("--open", action="store_true", help="(windows) open ones only")
    add_doc(p)
    p.set_defaults(fn=cmd_rotation)
