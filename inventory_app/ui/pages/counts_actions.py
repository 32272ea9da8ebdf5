"""What the 盘点 page's buttons do: each collects input, calls a service in the background
(with progress and cancel for long exports and imports) and shows the outcome."""

from __future__ import annotations

import uuid
from abc import abstractmethod
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QFileDialog, QInputDialog, QMessageBox, QPushButton

from ...domain.model import PostingResult
from ...domain.quantities import fen_to_yuan
from ...services import count_print, count_queries, count_workbook, counts, printing
from ...services.count_queries import CountDetail, CountEvent, CountLineRow
from ...services.count_workbook import ImportPreview
from ..dialogs.count_entry_dialog import CountEntryDialog
from ..labels import doc_state_label
from ..models.table_models import format_money
from ..tasks import TaskContext
from ..widgets.depot_combo import DepotCombo
from .page_base import DataPage


def _rid() -> str:
    return uuid.uuid4().hex


class CountActions(DataPage):
    """The base of CountsPage, which builds the widgets named here and the hooks below."""

    detail: CountDetail | None
    buttons: dict[str, QPushButton]
    depot_combo: DepotCombo
    blind_check: QCheckBox
    _busy: bool
    _wanted: str | None

    @abstractmethod
    def selected_lines(self) -> list[CountLineRow]:
        """Hook: CountsPage overrides it."""

    @abstractmethod
    def scope(self) -> tuple[str | None, list[str]]:
        """Hook: CountsPage overrides it."""

    @abstractmethod
    def _update(self) -> None:
        """Hook: CountsPage overrides it."""

    @abstractmethod
    def failed(self, error: BaseException) -> None:
        """Hook: CountsPage overrides it."""

    def handlers(self) -> dict[str, Callable[[], None]]:
        return {
            "sheets": self.print_sheets,
            "export": self.export_workbook,
            "import": self.import_workbook,
            "enter": self.enter_count,
            "found": self.enter_found,
            "submit": self.submit,
            "recount": self.recount,
            "approve": self.approve,
            "cancel": self.cancel,
            "print": self.print_count,
            "cards": self.print_cards,
            "history": self.show_history,
        }

    # ------------------------------------------------------------------ postings

    def post(self, call: Callable[[], PostingResult]) -> None:
        self._busy = True
        self._update()

        def done(result: PostingResult) -> None:
            self._busy = False
            self._wanted = result.doc_no
            self.ctx.events.stock_changed.emit()
            self.refresh()

        self.ctx.tasks.run(lambda _task: call(), on_done=done, on_error=self.failed)

    def open_count(self) -> None:
        depot = self.depot_combo.current_depot()
        if depot is None or self._busy:
            return
        ctx, blind, rid = self.ctx, self.blind_check.isChecked(), _rid()
        category, locations = self.scope()
        self.post(
            lambda: counts.open_count(
                ctx.uow,
                ctx.actor,
                depot=depot.code,
                category=category,
                locations=locations,
                blind=blind,
                request_id=rid,
            )
        )

    def enter_count(self) -> None:
        chosen = self.selected_lines()
        if self.detail is None or not chosen or not self.buttons["enter"].isEnabled():
            return
        line = chosen[0]
        title = f"{line.line_no}  {line.item_name}  {line.batch_no}  {line.location}"
        counted = "" if line.counted is None else f"{line.counted:f}"
        dialog = CountEntryDialog(self, title, quantity=counted)
        if not dialog.exec():
            return
        ctx, doc_no, rid = self.ctx, self.detail.doc_no, _rid()
        entry = counts.CountEntry(line.line_no, dialog.quantity, dialog.reason, dialog.note)
        self.post(
            lambda: counts.enter_counts(
                ctx.uow, ctx.actor, doc_no=doc_no, entries=[entry], request_id=rid
            )
        )

    def enter_found(self) -> None:
        if self.detail is None:
            return
        dialog = CountEntryDialog(
            self,
            QCoreApplication.translate("CountActions", "盘点中发现的账外物资（盘盈）"),
            found=True,
        )
        if not dialog.exec():
            return
        found = counts.FoundLine(
            dialog.item_edit.text().strip(),
            dialog.quantity,
            dialog.batch_edit.text().strip(),
            dialog.location_edit.text().strip(),
            dialog.reason or "other",
            dialog.note,
        )
        ctx, doc_no, rid = self.ctx, self.detail.doc_no, _rid()
        self.post(
            lambda: counts.enter_counts(
                ctx.uow, ctx.actor, doc_no=doc_no, entries=[], found=[found], request_id=rid
            )
        )

    def _step(self, fn: Callable[..., PostingResult], **extra: Any) -> None:
        if self.detail is None:
            return
        ctx, doc_no, rid = self.ctx, self.detail.doc_no, _rid()
        self.post(lambda: fn(ctx.uow, ctx.actor, doc_no=doc_no, request_id=rid, **extra))

    def submit(self) -> None:
        self._step(counts.submit_count)

    def recount(self) -> None:
        self._step(counts.recount, line_nos=[line.line_no for line in self.selected_lines()])

    def approve(self) -> None:
        if self.detail is None:
            return
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("CountActions", "审核过账"),
            QCoreApplication.translate(
                "CountActions", "审核后差异将作为调整单过账，不能撤回。确定审核 {0} 吗？"
            ).format(self.detail.doc_no),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._step(counts.approve_count)

    def cancel(self) -> None:
        if self.detail is None:
            return
        note, ok = QInputDialog.getText(
            self,
            QCoreApplication.translate("CountActions", "作废盘点单"),
            QCoreApplication.translate("CountActions", "作废原因："),
        )
        if ok:
            self._step(counts.cancel_count, note=note)

    def show_history(self) -> None:
        """Who did what when, from which PC (the count's events)."""
        if self.detail is None:
            return
        ctx, doc_no = self.ctx, self.detail.doc_no

        def shown(events: list[CountEvent]) -> None:
            lines = [
                f"{e.at:%Y-%m-%d %H:%M}  {e.user}  {e.host}  {doc_state_label(e.to_state)}  {e.note}"
                for e in events
            ]
            QMessageBox.information(
                self,
                QCoreApplication.translate("CountActions", "{0} 的历史记录").format(doc_no),
                "\n".join(lines),
            )

        ctx.tasks.run(
            lambda _task: count_queries.count_history(ctx.uow, ctx.actor, doc_no),
            on_done=shown,
            on_error=self.failed,
        )

    # ------------------------------------------------------------------ files

    def _save_path(self, title: str, name: str, pattern: str) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(self, title, str(Path.home() / name), pattern)
        return Path(path) if path else None

    def _written(self, path: Path) -> None:
        self._busy = False
        self._update()
        QMessageBox.information(
            self,
            QCoreApplication.translate("CountActions", "已保存"),
            QCoreApplication.translate("CountActions", "已保存到：\n{0}").format(path),
        )

    def _file_task(
        self, work: Callable[[TaskContext], Any], label: str, done: Callable[[Any], None]
    ) -> None:
        self._busy = True
        self._update()

        def cancelled() -> None:
            self._busy = False
            self._update()

        self.ctx.tasks.run(
            work,
            on_done=done,
            on_error=self.failed,
            on_cancelled=cancelled,
            progress_label=label,
            cancellable=True,
            parent_widget=self,
        )

    def _progress(self, task: TaskContext, total: int) -> Callable[[int], None]:
        def report(done: int) -> None:
            task.check_cancelled()
            task.report(done, total)

        return report

    def export_workbook(self) -> None:
        detail = self.detail
        if detail is None:
            return
        path = self._save_path(
            QCoreApplication.translate("CountActions", "导出盘点工作簿"),
            f"{detail.doc_no}.xlsx",
            "Excel (*.xlsx)",
        )
        if path is None:
            return
        ctx, total = self.ctx, len(detail.lines)

        def work(task: TaskContext) -> Path:
            count_workbook.export_workbook(
                ctx.uow, ctx.actor, detail.doc_no, path, progress=self._progress(task, total)
            )
            return path

        def done(_path: Path) -> None:
            self._written(path)
            self.refresh()

        self._file_task(
            work, QCoreApplication.translate("CountActions", "正在导出盘点工作簿…"), done
        )

    def import_workbook(self) -> None:
        detail = self.detail
        if detail is None:
            return
        name, _filter = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("CountActions", "导入盘点工作簿"),
            str(Path.home()),
            "Excel (*.xlsx)",
        )
        if not name:
            return
        ctx, path, total = self.ctx, Path(name), len(detail.lines) + 1

        def check(task: TaskContext) -> ImportPreview:
            return count_workbook.import_workbook(
                ctx.uow,
                ctx.actor,
                path,
                request_id=_rid(),
                dry_run=True,
                progress=self._progress(task, total),
                expect=detail.doc_no,
            )

        self._file_task(
            check,
            QCoreApplication.translate("CountActions", "正在检查盘点工作簿…"),
            lambda p: self._confirm_import(path, p),
        )

    def _confirm_import(self, path: Path, preview: ImportPreview) -> None:
        self._busy = False
        self._update()
        shown = "\n".join(
            f"{p.line_no}  {p.item_name}  {p.batch_no}  {p.book:f} → {p.counted:f}"
            for p in preview.changed[:15]
        )
        shown += "".join(
            f"\n+ {f.item_name}  {f.batch_no}  {f.quantity:f}" for f in preview.found[:5]
        )
        text = QCoreApplication.translate(
            "CountActions",
            "工作簿检查通过：{lines} 行，差异 {changed} 行，盘盈新增 {found} 行，差异金额 {value}。\n\n{shown}\n\n导入并提交吗？",
        ).format(
            lines=preview.lines,
            changed=len(preview.changed),
            found=len(preview.found),
            value=format_money(fen_to_yuan(preview.variance_fen)),
            shown=shown,
        )
        if (
            QMessageBox.question(
                self, QCoreApplication.translate("CountActions", "导入盘点工作簿"), text
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        ctx, rid, total = self.ctx, _rid(), preview.lines + 1

        def apply(task: TaskContext) -> ImportPreview:
            return count_workbook.import_workbook(
                ctx.uow,
                ctx.actor,
                path,
                request_id=rid,
                progress=self._progress(task, total),
                expect=preview.doc_no,
            )

        def done(_result: ImportPreview) -> None:
            self._busy = False
            self._wanted = preview.doc_no
            self.refresh()

        self._file_task(
            apply, QCoreApplication.translate("CountActions", "正在导入盘点工作簿…"), done
        )

    def _pdf(self, title: str, name: str, make: Callable[[Path], object]) -> None:
        path = self._save_path(title, name, "PDF (*.pdf)")
        if path is None:
            return
        self._file_task(
            lambda _task: make(path),
            QCoreApplication.translate("CountActions", "正在生成 PDF…"),
            lambda _r: self._written(path),
        )

    def print_sheets(self) -> None:
        if self.detail is not None:
            ctx, doc_no = self.ctx, self.detail.doc_no
            self._pdf(
                QCoreApplication.translate("CountActions", "打印盘点表"),
                f"{doc_no}-盘点表.pdf",
                lambda p: count_print.count_sheets(ctx.uow, ctx.actor, doc_no, p),
            )

    def print_count(self) -> None:
        if self.detail is not None:
            ctx, doc_no = self.ctx, self.detail.doc_no
            self._pdf(
                QCoreApplication.translate("CountActions", "打印盘点单"),
                f"{doc_no}.pdf",
                lambda p: printing.print_document(ctx.uow, ctx.actor, doc_no, p, form="a4"),
            )

    def print_cards(self) -> None:
        """Bin cards of the selected lines' lots, or of every lot at the count's depot."""
        if self.detail is not None:
            ctx, depot = self.ctx, self.detail.depot_code
            lots = tuple(line.lot_id for line in self.selected_lines() if line.lot_id)
            self._pdf(
                QCoreApplication.translate("CountActions", "打印货位卡"),
                f"{depot}-货位卡.pdf",
                lambda p: count_print.bin_cards(
                    ctx.uow, ctx.actor, depot=depot, out=p, lot_ids=lots
                ),
            )
