"""`audit …` (盘点: open, count, export/import the workbook, sheets, approve) and `bincards`."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from ..domain.errors import InvalidInput, NotFound
from ..messages import state_name
from ..reports.pdf_base import format_fen
from ..services import count_print, count_queries, count_workbook, counts, printing
from .context import EXIT_OK, Context, request_id
from .output import emit, json_default, posted

_LINE_COLUMNS = (
    "line_no",
    "lot_id",
    "location",
    "item_code",
    "item_name",
    "batch_no",
    "unit",
    "book",
    "counted",
    "variance",
    "since_snapshot",
    "reason",
    "note",
)


def _zh(ctx: Context) -> bool:
    return not ctx.args.lang.startswith("en")


def cmd_audit(ctx: Context) -> int:
    a, uow, actor = ctx.args, ctx.uow, ctx.actor
    if a.action == "open":
        posted(
            a,
            counts.open_count(
                uow,
                actor,
                depot=a.depot,
                category=a.category,
                locations=a.location or (),
                blind=a.blind,
                counter=a.counter or "",
                supervisor=a.supervisor or "",
                request_id=request_id(a),
            ),
        )
    elif a.action == "list":
        rows = count_queries.list_counts(uow, actor, depot=a.depot)
        emit(
            a,
            rows,
            ("doc_no", "depot_code", "state", "doc_date", "scope", "lines", "counted_lines"),
        )
    elif a.action == "show":
        detail = count_queries.count_detail(uow, actor, a.doc_no)
        if a.json:
            print(json.dumps(asdict(detail), ensure_ascii=False, default=json_default, indent=1))
        else:
            state = state_name(detail.state) if _zh(ctx) else detail.state
            print(f"{detail.doc_no} {detail.depot_name} [{state}] {detail.scope}")
            emit(a, detail.lines, _LINE_COLUMNS)
    elif a.action == "count":
        found: tuple[counts.FoundLine, ...] = ()
        entries: tuple[counts.CountEntry, ...] = ()
        if a.item:
            found = (
                counts.FoundLine(
                    a.item,
                    a.qty,
                    a.batch or "",
                    a.location_code or "",
                    a.reason or "",
                    a.note or "",
                ),
            )
        else:
            line = a.line if a.line is not None else _line_of_batch(ctx, a.doc_no, a.batch)
            entries = (counts.CountEntry(line, a.qty, a.reason or "", a.note or ""),)
        posted(
            a,
            counts.enter_counts(
                uow, actor, doc_no=a.doc_no, entries=entries, found=found, request_id=request_id(a)
            ),
        )
    elif a.action in ("submit", "approve", "cancel"):
        step = {
            "submit": counts.submit_count,
            "approve": counts.approve_count,
            "cancel": counts.cancel_count,
        }[a.action]
        posted(a, step(uow, actor, doc_no=a.doc_no, request_id=request_id(a)))
    elif a.action == "recount":
        posted(
            a,
            counts.recount(
                uow, actor, doc_no=a.doc_no, line_nos=a.line_nos, request_id=request_id(a)
            ),
        )
    elif a.action == "history":
        emit(
            a, count_queries.count_history(uow, actor, a.doc_no), ("at", "user", "to_state", "note")
        )
    else:
        return _files(ctx)
    return EXIT_OK


def _line_of_batch(ctx: Context, doc_no: str, batch: str | None) -> int:
    """The one line of the count whose lot has batch number `batch` (scripts name lots so)."""
    lines = count_queries.count_detail(ctx.uow, ctx.actor, doc_no).lines
    found = [line.line_no for line in lines if batch and line.batch_no == batch.strip()]
    if not found:
        raise NotFound("lot", batch or "")
    if len(found) > 1:
        raise InvalidInput("batch", "ambiguous", batch or "")
    return found[0]


def _files(ctx: Context) -> int:
    a, uow, actor = ctx.args, ctx.uow, ctx.actor
    if a.action == "export":
        lines = count_workbook.export_workbook(uow, actor, a.doc_no, Path(a.out))
        print(f"{a.out}（{lines} 行）" if _zh(ctx) else f"{a.out} ({lines} lines)")
    elif a.action == "sheets":
        count_print.count_sheets(uow, actor, a.doc_no, Path(a.out))
        print(a.out)
    elif a.action == "print":
        if a.variance:
            count_print.variance_report(uow, actor, a.doc_no, Path(a.out))
        else:
            printing.print_document(uow, actor, a.doc_no, Path(a.out), form="a4")
        print(a.out)
    elif a.action == "import":
        preview = count_workbook.import_workbook(
            uow,
            actor,
            Path(a.doc_no),
            request_id=request_id(a),
            dry_run=a.dry_run,
            expect=a.count,
        )
        _print_preview(ctx, preview)
    return EXIT_OK


def _print_preview(ctx: Context, preview: count_workbook.ImportPreview) -> None:
    a = ctx.args
    if a.json:
        print(json.dumps(asdict(preview), ensure_ascii=False, default=json_default, indent=1))
        return
    zh = _zh(ctx)
    yuan = format_fen(preview.variance_fen, symbol=False)
    if zh:
        done = "已导入并提交" if preview.applied else "检查通过（预览，未写入）"
        print(
            f"{preview.doc_no} {done}：{preview.lines} 行，差异 {len(preview.changed)} 行，"
            f"新增 {len(preview.found)} 行，差异金额 {yuan} 元"
        )
    else:
        done = "imported and submitted" if preview.applied else "valid (dry run, nothing written)"
        print(
            f"{preview.doc_no} {done}: {preview.lines} lines, {len(preview.changed)} differ, "
            f"{len(preview.found)} found, variance {yuan} yuan"
        )
    for p in preview.changed:
        print(
            f"  {p.line_no:>5} {p.item_code} {p.item_name} {p.batch_no} {p.book:,f} → {p.counted:,f}"
        )
    for f in preview.found:
        print(f"  + {f.item_code} {f.item_name} {f.batch_no} {f.quantity:,f} {f.location}")


def cmd_bincards(ctx: Context) -> int:
    a = ctx.args
    cards = count_print.bin_cards(
        ctx.uow,
        ctx.actor,
        depot=a.depot,
        out=Path(a.out),
        locations=tuple(a.location or ()),
        lot_ids=tuple(a.lot or ()),
        label=a.label,
    )
    print(f"{a.out}（{cards} 张）" if _zh(ctx) else f"{a.out} ({cards} cards)")
    return EXIT_OK


def add_parsers(
    sub: argparse._SubParsersAction, add_doc: Callable[[argparse.ArgumentParser], None]
) -> None:
    p = sub.add_parser("audit", help="盘点: open, count, workbook, sheets, approve")
    actions = p.add_subparsers(dest="action", required=True)
    q = actions.add_parser("open", help="开始盘点 (snapshot of the book)")
    q.add_argument("--depot", required=True)
    q.add_argument("--category")
    q.add_argument("--location", action="append", help="count only these locations")
    q.add_argument("--blind", action="store_true", help="sheets without book quantities")
    q.add_argument("--counter", help="盘点人")
    q.add_argument("--supervisor", help="监盘人")
    add_doc(q)
    q = actions.add_parser("list", help="盘点单")
    q.add_argument("--depot")
    q.add_argument("--json", action="store_true")
    for name in ("show", "history"):
        q = actions.add_parser(name)
        q.add_argument("doc_no")
        q.add_argument("--json", action="store_true")
    q = actions.add_parser("count", help="录入实盘数 (a line, or found stock with --item)")
    q.add_argument("doc_no")
    q.add_argument("--line", type=int, help="the line number (or name its lot by --batch)")
    q.add_argument("--item", help="found stock that no line names: its item code")
    q.add_argument("--qty", required=True)
    q.add_argument("--batch")
    q.add_argument("--location", dest="location_code")
    q.add_argument("--reason", help="natural_loss, measurement, damage, theft, booking, other")
    q.add_argument("--note")
    add_doc(q)
    for name in ("submit", "approve", "cancel"):
        q = actions.add_parser(name)
        q.add_argument("doc_no")
        add_doc(q)
    q = actions.add_parser("recount", help="复盘 selected lines")
    q.add_argument("doc_no")
    q.add_argument("--line", dest="line_nos", type=int, action="append", required=True)
    add_doc(q)
    for name in ("export", "sheets", "print"):
        q = actions.add_parser(name)
        q.add_argument("doc_no")
        q.add_argument("--out", required=True)
        if name == "print":
            q.add_argument("--variance", action="store_true", help="the variance report")
    q = actions.add_parser("import", help="import a filled audit workbook")
    q.add_argument("doc_no", metavar="FILE.xlsx")
    q.add_argument("--count", help="refuse the workbook unless it belongs to this count")
    q.add_argument("--dry-run", action="store_true", help="check and preview, write nothing")
    add_doc(q)
    p.set_defaults(fn=cmd_audit)

    p = sub.add_parser("bincards", help="货位卡 PDF")
    p.add_argument("--depot", required=True)
    p.add_argument("--location", action="append")
    p.add_argument("--lot", type=int, action="append")
    p.add_argument("--label", action="store_true", help="one small label per page")
    p.add_argument("--out", required=True)
    p.set_defaults(fn=cmd_bincards)
