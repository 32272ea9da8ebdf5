"""打印预览: a document or report as the PDF it prints, with 打印…, 另存为 PDF… and, for
documents, the paper form (A4, or the 241 × 140 mm continuous form)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..context import AppContext
from ..errors import show_domain_error
from ..pdf_output import load_pdf, prepare_printer, print_pdf
from ..print_jobs import PrintJob, document_job
from ..tasks import TaskContext


class PrintPreviewDialog(QDialog):
    """Renders the job in a task, shows every page fitted to the width, prints or saves it."""

    loaded = Signal(int)  # pages, each time a rendering is shown
    saved = Signal(object)  # the Path written by 另存为 PDF
    printed = Signal(int)  # pages sent to the printer

    def __init__(self, ctx: AppContext, parent: QWidget | None, job: PrintJob) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.job = job
        self.data: bytes | None = None
        self.form: str | None = None
        self._generation = 0
        self._buffer: object = None  # the QBuffer the document reads, kept alive with it
        self.setWindowTitle(self.tr("打印预览 - {0}").format(job.title))
        self.setSizeGripEnabled(True)

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.pageNavigator().currentPageChanged.connect(lambda _page: self._show_page())

        self.form_label = QLabel(self.tr("纸张："), self)
        self.form_combo = QComboBox(self)
        self.form_combo.addItem(self.tr("A4"), "a4")
        self.form_combo.addItem(self.tr("针式打印连续纸 241×140 mm"), "continuous")
        self.form_combo.currentIndexChanged.connect(lambda _i: self._form_chosen())
        self.form_label.setBuddy(self.form_combo)
        for widget in (self.form_label, self.form_combo):
            widget.setVisible(job.forms)
        self.heading = QLabel(job.title, self)
        self.heading.setStyleSheet("font-weight: bold; font-size: 11pt;")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.page_label = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.form_label)
        top.addWidget(self.form_combo)
        top.addSpacing(16)
        top.addWidget(self.page_label)

        self.status_label = QLabel(self)
        self.status_label.setStyleSheet("color: #5b6675;")
        self.print_button = QPushButton(self.tr("打印…"), self)
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_pdf)
        self.save_button = QPushButton(self.tr("另存为 PDF…"), self)
        self.save_button.clicked.connect(self.save_as)
        self.close_button = QPushButton(self.tr("关闭"), self)
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        for button in (self.print_button, self.save_button, self.close_button):
            bottom.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.resize(900, 720)
        self._set_ready(False)
        self.generate()

    # ------------------------------------------------------------------ rendering

    def page_count(self) -> int:
        return self.document.pageCount()

    def generate(self, form: str | None = None) -> None:
        """(Re-)render the PDF in a task, in ``form`` (None: the default form)."""
        self._generation += 1
        generation, render = self._generation, self.job.render
        self._set_ready(False)
        self.status_label.setText(self.tr("正在生成…"))

        def done(result: tuple[bytes, str | None]) -> None:
            if generation == self._generation:
                self._show(*result)

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self.status_label.setText(self.tr("无法生成预览"))
                show_domain_error(self, self.ctx, error, retry=lambda: self.generate(form))

        self.ctx.tasks.run(
            lambda _task: render(form),
            on_done=done,
            on_error=failed,
            progress_label=self.tr("正在生成 PDF…"),
            parent_widget=self,
        )

    def _show(self, data: bytes, form: str | None) -> None:
        self.document.close()
        self._buffer = load_pdf(self.document, data)
        self.data, self.form = data, form
        if form is not None:
            self.form_combo.blockSignals(True)
            self.form_combo.setCurrentIndex(max(self.form_combo.findData(form), 0))
            self.form_combo.blockSignals(False)
        self.status_label.setText("")
        self._set_ready(True)
        self._show_page()
        self.loaded.emit(self.page_count())

    def _form_chosen(self) -> None:
        form = self.form_combo.currentData()
        if form != self.form:
            self.generate(form)

    def _set_ready(self, ready: bool) -> None:
        for widget in (self.print_button, self.save_button, self.form_combo):
            widget.setEnabled(ready)

    def _show_page(self) -> None:
        count = self.page_count()
        if not count or self.data is None:
            self.page_label.setText("")
            return
        current = min(self.view.pageNavigator().currentPage(), count - 1) + 1
        self.page_label.setText(self.tr("第 {0} 页 / 共 {1} 页").format(current, count))

    # ------------------------------------------------------------------ printing

    def print_pdf(self) -> None:
        if self.data is None:
            return
        printer = self.ask_printer()
        if printer is not None:
            self.print_to(printer)

    def ask_printer(self) -> QPrinter | None:
        """The printer and pages the user chooses (tests replace this seam)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, self.document, self.job.title)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(self.page_count(), 1))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return printer

    def print_to(self, printer: QPrinter) -> None:
        """Print in a task; the page size follows each PDF page (A4 or 241 × 140 mm)."""
        data = self.data
        if data is None:
            return
        self.print_button.setEnabled(False)

        def work(task: TaskContext) -> int:
            return print_pdf(data, printer, task)

        def done(pages: int) -> None:
            self.print_button.setEnabled(True)
            self.status_label.setText(self.tr("已发送打印：%n 页", "", pages))
            self.printed.emit(pages)

        def cancelled() -> None:
            self.print_button.setEnabled(True)
            self.status_label.setText(self.tr("已取消打印"))

        self.ctx.tasks.run(
            work,
            on_done=done,
            on_error=lambda error: self._failed(error, self.tr("无法打印：{0}")),
            on_cancelled=cancelled,
            progress_label=self.tr("正在打印…"),
            cancellable=True,
            parent_widget=self,
        )

    # ------------------------------------------------------------------ saving

    def suggested_path(self) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = re.sub(r'[\\/:*?"<>|]+', "_", self.job.title) or "print"
        return str(Path(folder) / f"{name}.pdf")

    def save_as(self) -> None:
        data = self.data
        if data is None:
            return
        path, _selected = QFileDialog.getSaveFileName(
            self, self.tr("另存为 PDF"), self.suggested_path(), self.tr("PDF 文件 (*.pdf)")
        )
        if not path:
            return
        target = Path(path if path.lower().endswith(".pdf") else path + ".pdf")

        def work(_task: TaskContext) -> Path:
            target.write_bytes(data)
            return target

        def done(written: Path) -> None:
            self.status_label.setText(self.tr("已保存：{0}").format(str(written)))
            self.saved.emit(written)

        self.ctx.tasks.run(
            work,
            on_done=done,
            on_error=lambda error: self._failed(error, self.tr("无法写入文件：{0}")),
            parent_widget=self,
        )

    def _failed(self, error: BaseException, text: str) -> None:
        self.print_button.setEnabled(self.data is not None)
        if not isinstance(error, OSError):
            show_domain_error(self, self.ctx, error)
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("无法完成"),
            text.format(error.strerror or str(error)),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


def open_preview(ctx: AppContext, parent: QWidget | None, job: PrintJob) -> PrintPreviewDialog:
    """Show the preview beside the window (not modal: the user may keep working)."""
    dialog = PrintPreviewDialog(ctx, parent, job)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def preview_document(ctx: AppContext, parent: QWidget | None, doc_no: str) -> PrintPreviewDialog:
    return open_preview(ctx, parent, document_job(ctx, doc_no))
