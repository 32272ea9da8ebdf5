"""What a print preview shows: a document in the paper form of choice, or a page's list
as a report, each rendered by the services off the GUI thread."""

from __future__ import annotations

import functools
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ..services import list_reports, page_reports, printing, settings
from ..services.ledger_queries import LedgerFilter
from ..services.stock_queries import StockFilter
from .context import AppContext
from .pages.stock_columns import StockView, view_names

# (paper form or None for the default) -> (the PDF, the form it was rendered in)
Render = Callable[[str | None], tuple[bytes, str | None]]


@dataclass(frozen=True)
class PrintJob:
    """A title (window title, suggested file name) and how to render the PDF. ``render``
    runs in a task: it takes and returns plain values and never touches widgets."""

    title: str
    render: Render
    forms: bool = False  # offer A4 / continuous paper (documents)


def document_job(ctx: AppContext, doc_no: str) -> PrintJob:
    """Any document by its number; the paper form defaults to the 出库单 setting."""
    uow, actor = ctx.uow, ctx.actor

    def render(form: str | None) -> tuple[bytes, str | None]:
        chosen = form or settings.get_settings(uow).get("slip_form", "a4")
        if chosen not in printing.FORMS:
            chosen = "a4"  # a setting from a newer version, say: still print
        return printing.print_document(uow, actor, doc_no, form=chosen), chosen

    return PrintJob(doc_no, render, forms=True)


def report_job(title: str, write: Callable[[Path], object]) -> PrintJob:
    """A list report that a service writes to a file: written to a temporary PDF, read back."""

    def render(_form: str | None) -> tuple[bytes, str | None]:
        with tempfile.TemporaryDirectory(prefix="inventory-print-") as folder:
            out = Path(folder) / "report.pdf"
            write(out)
            return out.read_bytes(), None

    return PrintJob(title, render)


STOCK_VIEWS = ("lot", "item", "depot", "category")  # StockView order


def stock_job(ctx: AppContext, view: int, flt: StockFilter) -> PrintJob:
    """The stock page's view (by lot, item, depot or category) with its filters."""
    by = STOCK_VIEWS[view]
    write = functools.partial(list_reports.stock_report, ctx.uow, ctx.actor, by, flt)
    name = view_names()[StockView(view)]
    return report_job(QCoreApplication.translate("PrintJobs", "库存（{0}）").format(name), write)


def ledger_job(ctx: AppContext, flt: LedgerFilter) -> PrintJob:
    write = functools.partial(list_reports.ledger_report, ctx.uow, ctx.actor, flt)
    return report_job(QCoreApplication.translate("PrintJobs", "出入库台账"), write)


def depots_job(ctx: AppContext, text: str) -> PrintJob:
    uow, actor = ctx.uow, ctx.actor

    def write(out: Path) -> object:
        return page_reports.depots_report(uow, actor, out, text)

    return report_job(QCoreApplication.translate("PrintJobs", "仓库名录"), write)


def catalogue_job(ctx: AppContext, category_code: str | None, text: str) -> PrintJob:
    uow, actor = ctx.uow, ctx.actor

    def write(out: Path) -> object:
        return page_reports.catalogue_report(uow, actor, out, category_code, text)

    return report_job(QCoreApplication.translate("PrintJobs", "物资目录"), write)


def orders_job(ctx: AppContext, states: tuple[str, ...], emergency_only: bool) -> PrintJob:
    uow, actor = ctx.uow, ctx.actor

    def write(out: Path) -> object:
        return page_reports.orders_report(
            uow, actor, out, states=states, emergency_only=emergency_only
        )

    return report_job(QCoreApplication.translate("PrintJobs", "调拨指令一览"), write)
