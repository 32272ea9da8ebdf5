"""打印报表…: a button that previews the page's list, with the page's filters, as a PDF."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QPushButton, QWidget

from ..context import AppContext
from ..dialogs.print_preview_dialog import PrintPreviewDialog, open_preview
from ..print_jobs import PrintJob


class PrintReportButton(QPushButton):
    """Asks the page for its job when clicked (so the filters are those of that moment)."""

    def __init__(self, ctx: AppContext, parent: QWidget, make_job: Callable[[], PrintJob]) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._make_job = make_job
        self.preview: PrintPreviewDialog | None = None  # the last one opened (for tests)
        self.clicked.connect(self.open_preview)
        self.retranslate()

    def open_preview(self) -> PrintPreviewDialog:
        self.preview = open_preview(self.ctx, self.window(), self._make_job())
        return self.preview

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setText(self.tr("打印报表…"))
        self.setToolTip(self.tr("按当前筛选条件生成报表，预览后打印或另存为 PDF"))
