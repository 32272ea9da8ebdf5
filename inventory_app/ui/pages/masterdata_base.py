"""What the master-data pages (物资目录, 仓库与库位) share: read-only tables, confirmations,
one change at a time, greyed-out inactive rows and export to Excel."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)

from ..context import AppContext
from ..dialogs.masterdata_base import MasterDataDialog
from ..errors import show_domain_error
from ..models.table_models import RowsTableModel
from ..print_jobs import PrintJob
from ..widgets.filter_bar import ask_export_path, export_in_background, show_exported
from ..widgets.print_button import PrintReportButton
from .page_base import DataPage

INACTIVE = QColor("#9e9e9e")


class SortedLabel(int):
    """A number that sorts as itself but shows a label (级别 sorts 市级 before 县级;
    "8 年" sorts after "1095 天")."""

    label: str

    def __new__(cls, value: int, label: str) -> SortedLabel:
        obj = super().__new__(cls, value)
        obj.label = label
        return obj

    def __str__(self) -> str:
        return self.label


def record_table(model: QAbstractItemModel) -> QTableView:
    """A read-only table of records: whole rows, one at a time."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(26)
    view.horizontalHeader().setHighlightSections(False)
    return view


def redraw(model: QAbstractItemModel) -> None:
    """Repaint every cell: labels (type, status, …) are translated when shown."""
    if model.rowCount():
        model.dataChanged.emit(
            model.index(0, 0), model.index(model.rowCount() - 1, model.columnCount() - 1)
        )


def keep_sort(view: QTableView, model: QAbstractItemModel) -> None:
    """Sort freshly loaded rows as the user last sorted them (if at all)."""
    header = view.horizontalHeader()
    if header.sortIndicatorSection() >= 0:
        model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())


class MasterDataPage(DataPage):
    """A register loaded when first shown; changes go through dialogs and toggle buttons.

    (Texts here use the fixed context "MasterDataPage": ``self.tr`` in a base class
    would be looked up under the subclass's name.)
    """

    exported = Signal(object, int)  # (path, rows) after an export was written

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, load_when_shown=True)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_excel)
        self.print_button = PrintReportButton(ctx, self, self.report_job)

    def report_job(self) -> PrintJob:
        """Abstract hook: every concrete subclass overrides it: the register as a report,
        filtered as on screen (read when 打印报表… is clicked)."""
        raise NotImplementedError

    def export_source(self) -> tuple[str, str, RowsTableModel[Any]]:
        """Abstract hook: every concrete subclass overrides it: (file name stem, sheet
        title, the model whose rows are listed)."""
        raise NotImplementedError

    def export_excel(self) -> None:
        stem, _title, _model = self.export_source()
        path = ask_export_path(self, f"{stem}_{date.today():%Y%m%d}.xlsx")
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        """Every row of the register as listed (the rows are already in memory)."""
        _stem, title, model = self.export_source()
        rows = model.rows()
        export_in_background(
            self.ctx, self, path, title, model.columns, lambda: rows, self._exported
        )

    def _exported(self, path: Path, count: int) -> None:
        self.exported.emit(path, count)
        show_exported(self, path, count)

    def _retranslate_export(self) -> None:
        self.export_button.setText(QCoreApplication.translate("MasterDataPage", "导出 Excel…"))

    def _update_buttons(self) -> None:
        """Abstract hook: every concrete subclass overrides it."""
        raise NotImplementedError

    def _show_dialog(
        self, dialog: MasterDataDialog, remember: Callable[[str | None], None]
    ) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # The dialog announces the change (master_data_changed); we only pick the row.
        dialog.accepted.connect(lambda: remember(dialog.saved_code))
        dialog.open()

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("MasterDataPage", "请确认"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _post(self, change: Callable[[], None], *buttons: QAbstractButton) -> None:
        """Run one master-data change; every open page (this one too) reloads on success."""
        for button in buttons:
            button.setEnabled(False)  # one change at a time; the reload re-enables them

        def work(_task: object) -> None:
            change()

        def failed(error: BaseException) -> None:
            self._update_buttons()
            show_domain_error(self, self.ctx, error)

        self.ctx.tasks.run(
            work, on_done=lambda _none: self._changed(), on_error=failed, parent_widget=self
        )

    def _changed(self) -> None:
        self.ctx.events.master_data_changed.emit()
        if not self.isVisible():
            self.refresh()
