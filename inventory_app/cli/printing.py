"""`print DOC_NO --out FILE.pdf` and `report stock|ledger --out FILE.pdf|.xlsx`."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from ..services import list_reports, printing
from ..services.ledger_queries import LedgerFilter
from ..services.stock_queries import StockFilter
from .context import EXIT_OK, Context, document_no
from .plans import PLAN_REPORTS, plan_report


def cmd_print(ctx: Context) -> int:
    a = ctx.args
    out = Path(a.out)
    printing.print_document(ctx.uow, ctx.actor, document_no(ctx), out, form=a.form)
    print(out)
    return EXIT_OK


def cmd_report(ctx: Context) -> int:
    a = ctx.args
    out = Path(a.out)
    if a.what in PLAN_REPORTS:
        path, rows = plan_report(ctx, out)
    elif a.what == "summary":
        today = date.today()
        path, rows = list_reports.summary_report(
            ctx.uow,
            ctx.actor,
            a.date_from or today.replace(month=1, day=1),
            a.date_to or today,
            tuple(a.depot or ()),
            out,
        )
    elif a.what == "ledger":
        flt = LedgerFilter(
            depot_codes=tuple(a.depot or ()),
            item_code=a.item,
            doc_no=a.document,
            kind=a.kind,
            date_from=a.date_from,
            date_to=a.date_to,
            text=a.text or "",
        )
        path, rows = list_reports.ledger_report(ctx.uow, ctx.actor, flt, out, limit=a.limit)
    else:
        flt_stock = StockFilter(
            depot_codes=tuple(a.depot or ()),
            item_code=a.item,
            category_code=a.category,
            text=a.text or "",
            expiring_within_days=a.expiring,
            expired_only=a.expired,
        )
        path, rows = list_reports.stock_report(ctx.uow, ctx.actor, a.by, flt_stock, out)
    zh = not a.lang.startswith("en")
    print(f"{path}（{rows} 行）" if zh else f"{path} ({rows} rows)")
    return EXIT_OK


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("print", help="any document as a PDF (出库单 in three copies)")
    p.add_argument("doc_no", nargs="?")
    p.add_argument("--of-request", help="the document posted with this --request-id")
    p.add_argument("--out", required=True, help="the PDF file to write")
    p.add_argument(
        "--form",
        choices=list(printing.FORMS),
        help="a4, or continuous (241 × 140 mm); default from the settings",
    )
    p.set_defaults(fn=cmd_print)

    p = sub.add_parser("report", help="a list as a PDF report or an Excel workbook")
    p.add_argument("what", choices=["stock", "ledger", "summary", *PLAN_REPORTS])
    p.add_argument("--out", required=True, help="FILE.pdf or FILE.xlsx")
    p.add_argument("--by", default="item", choices=list(list_reports.STOCK_VIEWS))
    p.add_argument("--depot", action="append")
    p.add_argument("--item")
    p.add_argument("--category")
    p.add_argument("--text")
    p.add_argument("--expiring", type=int, metavar="DAYS")
    p.add_argument("--expired", action="store_true")
    p.add_argument("--document")
    p.add_argument("--kind")
    p.add_argument("--from", dest="date_from", type=date.fromisoformat)
    p.add_argument("--to", dest="date_to", type=date.fromisoformat)
    p.add_argument("--limit", type=int)
    p.add_argument("--year", type=int, help="(plan, execution, annual) the year")
    p.add_argument("--plan", help="(plan, execution) the plan JH-… (default: the approved one)")
    p.add_argument("--target", help="(plan, execution, coverage) the reserve target")
    p.set_defaults(fn=cmd_report)
