"""调拨指令 page: allocation orders with their lines and history, and every step on them."""

from __future__ import annotations

import functools

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.model import DocState
from ...domain.permissions import Action
from ...services import order_queries
from ...services.order_queries import OPEN_STATES, OrderRow, OrderView
from ..context import AppContext
from ..dialogs.print_preview_dialog import PrintPreviewDialog, preview_document
from ..errors import show_domain_error
from ..labels import doc_state_label
from ..models.table_models import RowsTableModel
from ..print_jobs import orders_job
from ..widgets.print_button import PrintReportButton
from .orders_actions import STEP_ACTION, STEPS, step_allowed, step_label, step_spec, step_tooltip
from .orders_columns import order_columns
from .orders_detail import OrderDetail
from .page_base import DataPage, query_table

FILTER_OPEN = "open"
FILTER_ALL = "all"
ORDER_STATES = (
    DocState.DRAFT,
    DocState.SUBMITTED,
    DocState.REJECTED,
    DocState.APPROVED,
    DocState.PARTIALLY_SHIPPED,
    DocState.SHIPPED,
    DocState.SIGNED,
    DocState.COMPLETED,
    DocState.CANCELLED,
)


class OrdersPage(DataPage):
    """Orders newest first, filtered by state and urgency; the selected one below."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, load_when_shown=True)
        self._generation = 0
        self._wanted: str | None = None  # order to select after the next load
        self._view_for = ""
        self.model: RowsTableModel[OrderRow] = RowsTableModel(order_columns(), self)
        self._build_ui()
        self.retranslate()
        ctx.events.stock_changed.connect(self._refresh_when_visible)

    # ------------------------------------------------------------------ layout

    def _build_ui(self) -> None:
        self.state_combo = QComboBox(self)
        self.state_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.emergency_check = QCheckBox(self)
        self.emergency_check.toggled.connect(lambda _on: self.refresh())
        self.new_request_button = QPushButton(self)
        self.new_request_button.clicked.connect(self.new_request)
        self.new_order_button = QPushButton(self)
        self.new_order_button.clicked.connect(lambda: self.new_order())
        for button in (self.new_request_button, self.new_order_button):
            button.setVisible(self.ctx.can(Action.ORDER))
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        self.report_button = PrintReportButton(
            self.ctx,
            self,
            lambda: orders_job(self.ctx, self.states(), self.emergency_check.isChecked()),
        )
        self.state_caption = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(self.state_caption)
        top.addWidget(self.state_combo)
        top.addSpacing(8)
        top.addWidget(self.emergency_check)
        top.addStretch(1)
        top.addWidget(self.new_request_button)
        top.addWidget(self.new_order_button)
        top.addWidget(self.refresh_button)
        top.addWidget(self.report_button)

        self.table = query_table(
            self,
            self.model,
            selection=QAbstractItemView.SelectionMode.SingleSelection,
            stretch_last=True,
        )
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selected())
        self.model.modelReset.connect(self._selected)

        self.step_buttons: dict[str, QPushButton] = {}
        steps = QHBoxLayout()
        steps.setSpacing(6)
        for step in STEPS:
            button = QPushButton(self)
            button.setObjectName(f"step_{step}")
            button.clicked.connect(functools.partial(self.run_step, step))
            button.setVisible(self.ctx.can(STEP_ACTION[step]))
            steps.addWidget(button)
            self.step_buttons[step] = button
        steps.addStretch(1)
        # The order, its request and each of its 出库单, chosen from a menu.
        self.preview: PrintPreviewDialog | None = None  # the last one opened (for tests)
        self.print_menu = QMenu(self)
        self.print_menu.aboutToShow.connect(self._fill_print_menu)
        self.print_button = QPushButton(self)
        self.print_button.setMenu(self.print_menu)
        steps.addWidget(self.print_button)

        self.detail = OrderDetail(self)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(steps)
        lower_layout.addWidget(self.detail, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setCollapsible(0, False)
        splitter.setCollapsible(1, False)
        # A few orders in view; most of the height for the selected one's lines and history.
        splitter.setSizes([150, 500])

        self.summary_label = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary_label)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh)
        self._update_buttons()

    def _fill_state_combo(self) -> None:
        current = self.state_combo.currentData() or FILTER_OPEN
        self.state_combo.blockSignals(True)
        self.state_combo.clear()
        self.state_combo.addItem(self.tr("未结（进行中）"), FILTER_OPEN)
        self.state_combo.addItem(self.tr("全部"), FILTER_ALL)
        for state in ORDER_STATES:
            self.state_combo.addItem(doc_state_label(state), str(state))
        self.state_combo.setCurrentIndex(max(self.state_combo.findData(current), 0))
        self.state_combo.blockSignals(False)

    # ------------------------------------------------------------------ loading

    def states(self) -> tuple[str, ...]:
        value = self.state_combo.currentData() or FILTER_OPEN
        if value == FILTER_OPEN:
            return tuple(str(s) for s in OPEN_STATES)
        return () if value == FILTER_ALL else (str(value),)

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        uow, actor = self.ctx.uow, self.ctx.actor
        states, urgent = self.states(), self.emergency_check.isChecked()
        current = self.selected_order()
        if self._wanted is None and current is not None:
            self._wanted = current.doc_no
        self.summary_label.setText(self.tr("正在查询…"))

        def done(rows: list[OrderRow]) -> None:
            if generation != self._generation:
                return
            self.model.set_rows(rows)
            self.table.resizeColumnsToContents()
            self.summary_label.setText(self.tr("共 {0} 条调拨指令").format(len(rows)))
            wanted, self._wanted = self._wanted, None
            position = next((i for i, r in enumerate(rows) if r.doc_no == wanted), None)
            if position is not None:
                self.table.selectRow(position)

        self.ctx.tasks.run(
            lambda _task: order_queries.orders(uow, actor, states=states, emergency_only=urgent),
            on_done=done,
            on_error=self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        self.summary_label.setText("")
        show_domain_error(self, self.ctx, error, retry=self.refresh)

    def show_order(self, doc_no: str) -> None:
        """Show every order (so the one asked for is listed) and select it."""
        self._wanted = doc_no
        self.emergency_check.blockSignals(True)
        self.emergency_check.setChecked(False)
        self.emergency_check.blockSignals(False)
        position = self.state_combo.findData(FILTER_ALL)
        if self.state_combo.currentIndex() != position:
            self.state_combo.blockSignals(True)
            self.state_combo.setCurrentIndex(position)
            self.state_combo.blockSignals(False)
        self.refresh()

    # ------------------------------------------------------------------ selection

    def selected_order(self) -> OrderRow | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.row_at(index)

    def _selected(self) -> None:
        self._update_buttons()
        row = self.selected_order()
        if row is None:
            self._view_for = ""
            self.detail.show_view(None)
            return
        doc_no, uow, actor = row.doc_no, self.ctx.uow, self.ctx.actor
        self._view_for = doc_no
        if self.detail.view is None or self.detail.view.order.doc_no != doc_no:
            self.detail.show_view(None, loading=True)

        def done(view: OrderView) -> None:
            if self._view_for == doc_no:
                self.detail.show_view(view)

        self.ctx.tasks.run(
            lambda _task: order_queries.order_view(uow, actor, doc_no),
            on_done=done,
            on_error=self._failed,
        )

    def _update_buttons(self) -> None:
        row = self.selected_order()
        for step, button in self.step_buttons.items():
            button.setEnabled(step_allowed(step, row, self.ctx.actor))
        self.print_button.setEnabled(row is not None)

    # ------------------------------------------------------------------ printing

    def printable_documents(self) -> list[tuple[str, str]]:
        """(menu text, document number): the selected order, its request, its slips."""
        row = self.selected_order()
        if row is None:
            return []
        found = [(self.tr("调拨指令 {0}").format(row.doc_no), row.doc_no)]
        if row.request_no:
            found.append((self.tr("调拨申请 {0}").format(row.request_no), row.request_no))
        view = self.detail.view
        if view is not None and view.order.doc_no == row.doc_no:
            found += [(self.tr("出库单 {0}").format(slip), slip) for slip in view.slips]
        return found

    def _fill_print_menu(self) -> None:
        self.print_menu.clear()
        for text, doc_no in self.printable_documents():
            action = self.print_menu.addAction(text)
            action.triggered.connect(lambda _checked=False, no=doc_no: self.print_document(no))

    def print_document(self, doc_no: str) -> PrintPreviewDialog:
        self.preview = preview_document(self.ctx, self.window(), doc_no)
        return self.preview

    # ------------------------------------------------------------------ steps and dialogs

    def run_step(self, step: str) -> QDialog | None:
        """Open the form of ``step`` for the selected order (non-blocking)."""
        row = self.selected_order()
        if row is None or not step_allowed(step, row, self.ctx.actor):
            return None
        self._wanted = row.doc_no
        dialog: QDialog
        if step == "ship":
            from ..dialogs.ship_dialog import ShipDialog

            dialog = ShipDialog(self.ctx, self, order_no=row.doc_no)
        elif step == "sign":
            from ..dialogs.sign_dialog import SignDialog

            dialog = SignDialog(self.ctx, self, order_no=row.doc_no)
        elif step == "return":
            from ..dialogs.return_dialog import ReturnDialog

            dialog = ReturnDialog(self.ctx, self, order_no=row.doc_no)
        else:
            from ..dialogs.order_step_dialog import OrderStepDialog

            dialog = OrderStepDialog(self.ctx, self, doc_no=row.doc_no, spec=step_spec(step))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def new_request(self) -> QDialog:
        from ..dialogs.request_dialog import RequestDialog

        dialog = RequestDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def new_order(self) -> QDialog:
        from ..dialogs.order_dialog import OrderDialog

        dialog = OrderDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ language

    def retranslate(self) -> None:
        self._fill_state_combo()
        self.state_caption.setText(self.tr("状态："))
        self.emergency_check.setText(self.tr("只看紧急调拨"))
        self.new_request_button.setText(self.tr("新建调拨申请…"))
        self.new_order_button.setText(self.tr("新建调拨指令…"))
        self.refresh_button.setText(self.tr("刷新"))
        self.print_button.setText(self.tr("打印单据"))
        self.print_button.setToolTip(self.tr("预览并打印这条调拨指令、它的申请或出库单"))
        for step, button in self.step_buttons.items():
            button.setText(step_label(step))
            button.setToolTip(step_tooltip(step))
        self.model.retranslate()
        self.detail.retranslate()
