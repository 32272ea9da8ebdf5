"""`request …`: file a request from an affected area, fill it from the norms, suggest sources."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import asdict

from ..domain.errors import InvalidInput
from ..domain.orders import RequestLine
from ..services import request_queries, requests, suggestions
from .context import EXIT_OK, Context, load_lines, request_id
from .orders import split_spec
from .output import emit, json_default, posted


def _request_lines(a: argparse.Namespace, ctx: Context) -> list[RequestLine]:
    if a.lines:
        return load_lines(a.lines, RequestLine)
    if a.line:
        return [RequestLine(*split_spec(s, 2, "line")) for s in a.line]  # type: ignore[arg-type]
    if a.persons:
        return requests.lines_for_persons(ctx.uow, ctx.actor, a.persons, a.tent)
    raise InvalidInput("line", "required")


def cmd_request(ctx: Context) -> int:
    a = ctx.args
    if a.action == "lines":
        emit(
            a,
            requests.lines_for_persons(ctx.uow, ctx.actor, a.persons, a.tent),
            ["item_code", "quantity"],
        )
        return EXIT_OK
    if a.action == "list":
        emit(
            a,
            request_queries.requests(ctx.uow, ctx.actor),
            [
                "doc_no",
                "state",
                "doc_date",
                "requesting_unit",
                "persons",
                "place",
                "response_hours",
                "lines",
            ],
        )
        return EXIT_OK
    if a.action == "show":
        head, lines = request_queries.request_view(ctx.uow, ctx.actor, a.doc_no or "")
        emit(a, [head], ["doc_no", "state", "requesting_unit", "persons", "place", "receiver"])
        emit(a, lines, ["line_no", "item_code", "item_name", "quantity", "unit"])
        return EXIT_OK
    if a.action == "suggest":
        found = suggestions.suggest(ctx.uow, ctx.actor, a.doc_no or "")
        if a.json:
            print(json.dumps(asdict(found), ensure_ascii=False, default=json_default, indent=1))
        else:
            emit(
                a,
                found.sources,
                [
                    "line_no",
                    "item_code",
                    "item_name",
                    "depot_code",
                    "quantity",
                    "unit",
                    "road_km",
                    "minutes",
                    "meets_target",
                    "owners_to_ask",
                ],
            )
            if found.shortages:
                emit(a, found.shortages, ["line_no", "item_code", "item_name", "missing"])
        return EXIT_OK
    if a.action == "cancel":
        posted(
            a,
            requests.cancel_request(
                ctx.uow, ctx.actor, doc_no=a.doc_no, reason=a.reason or "", request_id=request_id(a)
            ),
        )
        return EXIT_OK
    posted(
        a,
        requests.file_request(
            ctx.uow,
            ctx.actor,
            depot=a.depot,
            requesting_unit=a.unit,
            lines=_request_lines(a, ctx),
            persons=a.persons or 0,
            disaster_type=a.disaster or "",
            place=a.place or "",
            county=a.county or "",
            receiver=a.receiver or "",
            phone=a.phone or "",
            response=a.response,
            draft=a.draft,
            doc_date=a.doc_date,
            note=a.note or "",
            request_id=request_id(a),
        ),
    )
    return EXIT_OK


def add_parser(
    sub: argparse._SubParsersAction, add_doc: Callable[[argparse.ArgumentParser], None]
) -> None:
    p = sub.add_parser("request", help="调拨申请: file, lines (from norms), cancel")
    p.add_argument("action", choices=["file", "lines", "suggest", "cancel", "list", "show"])
    p.add_argument("doc_no", nargs="?", help="(suggest, cancel) the request")
    p.add_argument("--depot", help="depot that registers the request")
    p.add_argument("--unit", help="requesting unit")
    p.add_argument("--persons", type=int, help="displaced persons (fills lines from norms)")
    p.add_argument("--tent", help="tent item for the norms (default the first tent item)")
    p.add_argument("--line", action="append", metavar="ITEM:QTY")
    p.add_argument("--lines", help="JSON file with several lines")
    p.add_argument("--disaster")
    p.add_argument("--place")
    p.add_argument("--county")
    p.add_argument("--receiver")
    p.add_argument("--phone")
    p.add_argument(
        "--response",
        type=int,
        default=10,
        choices=[6, 8, 10],
        help="hours for the first batch: 6 county, 8 city, 10 province",
    )
    p.add_argument("--draft", action="store_true")
    p.add_argument("--reason")
    p.add_argument("--note")
    add_doc(p)
    p.set_defaults(fn=cmd_request)
