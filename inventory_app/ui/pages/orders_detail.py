"""The selected allocation order: its header, its lines and its history (who, when, which PC)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.orders import PaperworkStatus
from ...services.order_queries import EventRow, OrderLineRow, OrderView
from ..labels import doc_state_label, purpose_label
from ..models.table_models import RowsTableModel
from .orders_columns import (
    countdown_text,
    event_columns,
    line_columns,
    local_time,
    paperwork_label,
    utc_now,
)

FIELDS = (
    "receiving_unit",
    "place",
    "receiver",
    "sender",
    "request_no",
    "purpose",
    "payer",
    "approved",
    "oral",
    "paperwork",
    "slips",
    "created_by",
)


def _field_names() -> dict[str, str]:
    return {
        "receiving_unit": QCoreApplication.translate("OrdersPage", "接收单位"),
        "place": QCoreApplication.translate("OrdersPage", "送达地点"),
        "receiver": QCoreApplication.translate("OrdersPage", "接收人"),
        "sender": QCoreApplication.translate("OrdersPage", "发货联系人"),
        "request_no": QCoreApplication.translate("OrdersPage", "申请单号"),
        "purpose": QCoreApplication.translate("OrdersPage", "用途"),
        "payer": QCoreApplication.translate("OrdersPage", "运费承担"),
        "approved": QCoreApplication.translate("OrdersPage", "批准"),
        "oral": QCoreApplication.translate("OrdersPage", "电话批准"),
        "paperwork": QCoreApplication.translate("OrdersPage", "书面审批"),
        "slips": QCoreApplication.translate("OrdersPage", "出库单"),
        "created_by": QCoreApplication.translate("OrdersPage", "经办人"),
    }


def _person(name: str, phone: str) -> str:
    return f"{name}  {phone}".strip()


def header_values(view: OrderView) -> dict[str, str]:
    """The header panel's text per field."""
    order = view.order
    approved = ""
    if order.approved_by:
        approved = f"{order.approved_by}  {local_time(order.approved_at)}"
    paperwork = paperwork_label(order.paperwork)
    if order.paperwork in (PaperworkStatus.OPEN, PaperworkStatus.OVERDUE):
        due = order.paperwork_due_at
        if due is not None:
            left, _late = countdown_text(due, utc_now())
            paperwork = QCoreApplication.translate(
                "OrdersPage", "{status}，{due} 前（{left}）"
            ).format(status=paperwork, due=local_time(due), left=left)
    elif order.paperwork == PaperworkStatus.DONE and view.paperwork_ref:
        paperwork = f"{paperwork}  {view.paperwork_ref}"
    return {
        "receiving_unit": order.receiving_unit,
        "place": order.place,
        "receiver": _person(view.receiver, view.receiver_phone),
        "sender": _person(view.sender, view.sender_phone),
        "request_no": order.request_no,
        "purpose": purpose_label(order.purpose),
        "payer": view.transport_payer,
        "approved": approved,
        "oral": order.oral_approver,
        "paperwork": paperwork,
        "slips": "、".join(view.slips),
        "created_by": order.created_by,
    }


def _table(parent: QWidget, model: RowsTableModel[Any]) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class OrderDetail(QFrame):
    """Header fields four to a row; below, the lines (left) and the history (right)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: OrderView | None = None
        self._loading = False
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: bold; font-size: 11pt;")
        self.labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(3)
        for position, key in enumerate(FIELDS):
            row, pair = divmod(position, 3)
            name = QLabel(self)
            name.setStyleSheet("color: #555;")
            value = QLabel(self)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setMinimumWidth(100)
            value.setWordWrap(True)
            grid.addWidget(name, row, pair * 2, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(value, row, pair * 2 + 1)
            self.labels[key], self.values[key] = name, value
        for column in (1, 3, 5):
            grid.setColumnStretch(column, 1)

        self.lines_model: RowsTableModel[OrderLineRow] = RowsTableModel(line_columns(), self)
        self.events_model: RowsTableModel[EventRow] = RowsTableModel(event_columns(), self)
        self.lines_view = _table(self, self.lines_model)
        self.events_view = _table(self, self.events_model)
        self.lines_caption = QLabel(self)
        self.events_caption = QLabel(self)
        left, right = QWidget(self), QWidget(self)
        for box, caption, table in (
            (left, self.lines_caption, self.lines_view),
            (right, self.events_caption, self.events_view),
        ):
            stack = QVBoxLayout(box)
            stack.setContentsMargins(0, 0, 0, 0)
            stack.setSpacing(2)
            stack.addWidget(caption)
            stack.addWidget(table, 1)
        # One above the other, each the full width: item names, specs and depot names are long.
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)

        self.hint = QLabel(self)
        self.hint.setStyleSheet("color: #777;")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QWidget(self)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(grid)
        body.addWidget(self.splitter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.body, 1)
        self.show_view(None)

    def show_view(self, view: OrderView | None, *, loading: bool = False) -> None:
        self.view, self._loading = view, loading
        self.body.setVisible(view is not None)
        self.hint.setVisible(view is None)
        if view is None:
            self.lines_model.set_rows([])
            self.events_model.set_rows([])
            self.title.setText("")
            self.hint.setText(
                QCoreApplication.translate("OrdersPage", "正在读取调拨指令…")
                if loading
                else QCoreApplication.translate(
                    "OrdersPage", "选中一条调拨指令，这里显示它的明细和处理记录。"
                )
            )
            return
        self.title.setText(
            QCoreApplication.translate("OrdersPage", "调拨指令 {doc_no}（{state}）").format(
                doc_no=view.order.doc_no, state=doc_state_label(view.order.state)
            )
        )
        for key, text in header_values(view).items():
            label = self.values[key]
            label.setText(text or "—")
            label.setToolTip(text if len(text) > 14 else "")
        self.lines_model.set_rows(view.lines)
        self.events_model.set_rows(view.events)
        self._fit()

    def _fit(self) -> None:
        self.lines_view.resizeColumnsToContents()
        self.events_view.resizeColumnsToContents()
        lines = self.lines_view.horizontalHeader()
        lines.setStretchLastSection(False)
        lines.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the item name
        header = self.events_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def retranslate(self) -> None:
        colon = QCoreApplication.translate("OrdersPage", "：")
        for key, text in _field_names().items():
            self.labels[key].setText(text + colon)
        self.lines_caption.setText(QCoreApplication.translate("OrdersPage", "调拨明细"))
        self.events_caption.setText(QCoreApplication.translate("OrdersPage", "处理记录"))
        self.lines_model.retranslate()
        self.events_model.retranslate()
        self.show_view(self.view, loading=self._loading)
