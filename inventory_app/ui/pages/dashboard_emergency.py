"""The dashboard's 紧急调拨 panel: phone-approved orders counting down their 48 h paperwork."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services.order_queries import OrderRow
from ..labels import doc_state_label
from ..models.table_models import Column, RowsTableModel
from .orders_columns import URGENT_FG, countdown_text, local_time, utc_now

TICK_MS = 60_000  # the countdown shows minutes: once a minute is enough
OVERDUE_BG = QColor("#fde4e1")
COUNTDOWN_KEY = "countdown"


def countdown(row: OrderRow) -> tuple[str, bool]:
    if row.paperwork_due_at is None:
        return "", False
    return countdown_text(row.paperwork_due_at, utc_now())


def emergency_columns() -> list[Column[OrderRow]]:
    return [
        Column(
            "doc_no",
            lambda: QCoreApplication.translate("DashboardPage", "指令号"),
            lambda r: r.doc_no,
        ),
        Column(
            "receiving_unit",
            lambda: QCoreApplication.translate("DashboardPage", "接收单位"),
            lambda r: r.receiving_unit,
        ),
        Column(
            "state",
            lambda: QCoreApplication.translate("DashboardPage", "状态"),
            lambda r: doc_state_label(r.state),
        ),
        Column(
            "oral",
            lambda: QCoreApplication.translate("DashboardPage", "电话批准人"),
            lambda r: r.oral_approver,
        ),
        Column(
            "due",
            lambda: QCoreApplication.translate("DashboardPage", "补办期限"),
            lambda r: local_time(r.paperwork_due_at),
        ),
        Column(
            COUNTDOWN_KEY,
            lambda: QCoreApplication.translate("DashboardPage", "剩余时间"),
            lambda r: countdown(r)[0],
            foreground=lambda r: URGENT_FG if countdown(r)[1] else None,
            background=lambda r: OVERDUE_BG if countdown(r)[1] else None,
        ),
    ]


class EmergencyPanel(QFrame):
    """A card above the others, shown only while some written approval is still due."""

    open_order = Signal(str)  # document number, on double-click or Enter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashCard")
        self.setStyleSheet("QFrame#dashCard { border: 1px solid #e3a8a4; }")
        self.title = QLabel(self)
        self.title.setObjectName("cardTitle")
        self.title.setStyleSheet("color: #a4262c;")
        self.hint = QLabel(self)
        self.hint.setObjectName("cardHint")
        self.model: RowsTableModel[OrderRow] = RowsTableModel(emergency_columns(), self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        # activated fires on double-click and on Enter: one connection, one dialog
        self.view.activated.connect(self._open)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addWidget(self.view)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.show_rows([])

    def show_rows(self, rows: list[OrderRow]) -> None:
        self.model.set_rows(rows)
        self.setVisible(bool(rows))
        if rows:
            self.timer.start()
        else:
            self.timer.stop()
        for column in range(self.model.columnCount()):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if column == 1
                else QHeaderView.ResizeMode.ResizeToContents
            )
            self.view.horizontalHeader().setSectionResizeMode(column, mode)
        # Tall enough for every row (up to five), no taller: the cards below keep their room.
        shown = min(max(len(rows), 1), 5)
        self.view.setFixedHeight(self.view.horizontalHeader().sizeHint().height() + 26 * shown + 4)

    def tick(self) -> None:
        """Re-read the countdown cells (the time left is computed as they are painted)."""
        if self.model.rowCount():
            column = self.model.column_index(COUNTDOWN_KEY)
            self.model.dataChanged.emit(
                self.model.index(0, column), self.model.index(self.model.rowCount() - 1, column)
            )

    def _open(self, index: QModelIndex) -> None:
        row = self.model.row_at(index)
        if row is not None:
            self.open_order.emit(row.doc_no)

    def retranslate(self) -> None:
        self.title.setText(
            QCoreApplication.translate("DashboardPage", "紧急调拨（待补办书面审批）")
        )
        self.hint.setText(
            QCoreApplication.translate(
                "DashboardPage", "电话批准后 48 小时内须补办书面审批 · 双击打开该指令"
            )
        )
        self.model.retranslate()


__all__ = ["EmergencyPanel"]
