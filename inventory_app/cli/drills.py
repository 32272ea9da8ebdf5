"""`drill …`: start a drill from a request, time each step, print its report."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from ..services import drills, printing
from .context import EXIT_OK, Context, request_id
from .output import json_default, posted


def cmd_drill(ctx: Context) -> int:
    a = ctx.args
    if a.action == "start":
        posted(
            a, drills.start_drill(ctx.uow, ctx.actor, request_no=a.doc_no, request_id=request_id(a))
        )
        return EXIT_OK
    if a.action == "report":
        report = drills.drill_report(ctx.uow, ctx.actor, a.doc_no)
        if a.out:
            printing.print_document(ctx.uow, ctx.actor, a.doc_no, Path(a.out))
        if a.json:
            print(json.dumps(asdict(report), ensure_ascii=False, default=json_default, indent=1))
        else:
            yes = {True: "是", False: "否"}
            print(
                f"{report.doc_no}  拿得出：{yes[report.available]}  "
                f"调动快：{yes[report.fast]}（计划 {report.planned_minutes} 分钟 / 目标 "
                f"{report.target_hours} 小时）  用得上：{yes[report.usable]}"
            )
            for problem in report.problems:
                print(f"  {problem}")
        return EXIT_OK
    posted(
        a,
        drills.drill_step(
            ctx.uow, ctx.actor, doc_no=a.doc_no, step=a.action, request_id=request_id(a)
        ),
    )
    return EXIT_OK


def add_drill_parser(
    sub: argparse._SubParsersAction, add_doc: Callable[[argparse.ArgumentParser], None]
) -> None:
    p = sub.add_parser("drill", help="演练: start from a request, time each step, report")
    p.add_argument("action", choices=["start", "approve", "print", "depart", "arrive", "report"])
    p.add_argument("doc_no", help="(start) the request SQ-…; otherwise the drill YL-…")
    p.add_argument("--out", help="(report) also write the report as a PDF")
    add_doc(p)
    p.set_defaults(fn=cmd_drill)
