"""The 库存 page's 报废申请… button: enabled for a selected lot the keeper may write off."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QPushButton, QWidget

from ...domain.permissions import Action
from ...services.rows import LotStockRow
from ..context import AppContext
from ..dialogs.writeoff_dialog import WriteoffDialog
from ..models.table_models import ROW_ROLE
from .stock_columns import StockView
from .stock_views import StockViews


class WriteoffButton(QPushButton):
    """Follows the lot table's current row; expired lots are the usual case (tooltip says so)."""

    def __init__(self, ctx: AppContext, views: StockViews, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table = table = views.tables[StockView.LOT]
        stack = views.stack
        # Only in the by-lot view, where a row is one lot, and only for those who may ask.
        allowed = ctx.can(Action.REQUEST_SCRAP)
        self.setVisible(allowed and stack.currentWidget() is table)
        stack.currentChanged.connect(
            lambda _i: self.setVisible(allowed and stack.currentWidget() is table)
        )
        self.clicked.connect(self.open_dialog)
        selection = table.selectionModel()
        selection.currentRowChanged.connect(self.update_state)
        table.model().modelReset.connect(self.update_state)
        self.dialog: WriteoffDialog | None = None
        self.update_state()

    def selected_lot(self) -> LotStockRow | None:
        index = self.table.currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, LotStockRow) else None

    def update_state(self, *_args: QObject) -> None:
        lot = self.selected_lot()
        self.setEnabled(lot is not None and lot.available > 0)

    def open_dialog(self) -> None:
        lot = self.selected_lot()
        if lot is None:
            return
        self.dialog = WriteoffDialog(self.ctx, lot, self.window())
        self.dialog.open()

    def retranslate(self) -> None:
        self.setText(self.tr("报废申请…"))
        self.setToolTip(self.tr("为选中的批次（如已过期）申请报废，经审批后核销"))
