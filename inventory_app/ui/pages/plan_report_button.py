"""报表 button of the 储备计划 page: the plan, execution, coverage and annual reports as PDF or
Excel, the same files `inventory-app report plan|execution|coverage|annual` writes."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QToolButton, QWidget

from ...services import annual_report, plan_reports
from ..context import AppContext
from ..widgets.filter_bar import report_error, show_exported


class PlanReportButton(QToolButton):
    """A menu of the four reports; `current()` tells which plan and target the page shows."""

    def __init__(
        self,
        ctx: AppContext,
        current: Callable[[], tuple[str | None, str | None, int]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current = current  # (plan no. or None, target name or None, first plan year)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_ = QMenu(self)
        self.setMenu(self.menu_)
        self.actions_ = {}
        for kind in ("plan", "execution", "coverage", "annual"):
            action = self.menu_.addAction("")
            action.triggered.connect(functools.partial(self.ask, kind))
            self.actions_[kind] = action
        self.retranslate()

    def ask(self, kind: str, *_checked: object) -> None:
        """Where to (.pdf or .xlsx) and, for the yearly reports, which year."""
        year = None
        if kind in ("execution", "annual"):
            default = self.current()[2] if kind == "execution" else date.today().year - 1
            year, ok = QInputDialog.getInt(
                self, self.tr("年度"), self.tr("年度："), default, 2000, 2100
            )
            if not ok:
                return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = self.actions_[kind].text().rstrip("…") + (f" {year}" if year else "")
        path, _selected = QFileDialog.getSaveFileName(
            self,
            self.tr("保存报表"),
            str(Path(folder) / f"{name}.pdf"),
            self.tr("PDF 文件 (*.pdf);;Excel 工作簿 (*.xlsx)"),
        )
        if path:
            self.export(kind, Path(path), year)

    def export(self, kind: str, out: Path, year: int | None) -> None:
        if out.suffix.lower() not in (".pdf", ".xlsx"):
            out = out.with_suffix(".pdf")
        ctx, (plan_no, target, _first) = self.ctx, self.current()

        def write(_task: object) -> tuple[Path, int]:
            uow, actor = ctx.uow, ctx.actor
            if kind == "plan":
                return plan_reports.plan_report(uow, actor, out, plan_no=plan_no, target=target)
            if kind == "execution":
                return plan_reports.execution_report(
                    uow, actor, out, year=year or 0, plan_no=plan_no, target=target
                )
            if kind == "coverage":
                return plan_reports.coverage_report(uow, actor, out, target=target)
            return annual_report.annual_report(uow, actor, out, year=year or 0)

        ctx.tasks.run(
            write,
            on_done=lambda done: show_exported(self, done[0], done[1]),
            on_error=lambda error: report_error(ctx, self, error),
            parent_widget=self,
        )

    def retranslate(self) -> None:
        self.setText(self.tr("报表"))
        texts = {
            "plan": self.tr("年度购置计划…"),
            "execution": self.tr("计划执行情况…"),
            "coverage": self.tr("保障能力报告…"),
            "annual": self.tr("年度储存情况报告…"),
        }
        for kind, action in self.actions_.items():
            action.setText(texts[kind])
