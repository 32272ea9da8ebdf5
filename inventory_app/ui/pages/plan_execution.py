"""执行进度 tab of the 储备计划 page: progress per year and line, the contracts (late ones in
red), and the planner's actions: sign a contract, record a delivery with its acceptance, a
payment, close a contract."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.model import DocState
from ...domain.permissions import Action
from ...services import contracts, plan_progress
from ...services.plan_generate import PlanView
from ...services.plan_progress import ContractLineRow, ContractRow, Progress, ProgressRow
from ..context import AppContext
from ..dialogs.contract_dialogs import ContractDialog, DeliveryDialog, PaymentDialog
from ..errors import show_domain_error
from ..models.table_models import RowsTableModel
from .page_base import query_table
from .plan_columns import contract_columns, progress_columns


class ExecutionPanel(QWidget):
    """Shows a plan's execution; emits `changed` after anything was posted."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan: PlanView | None = None
        self.progress: Progress | None = None
        self.progress_model: RowsTableModel[ProgressRow] = RowsTableModel(progress_columns(), self)
        self.contract_model: RowsTableModel[ContractRow] = RowsTableModel(contract_columns(), self)
        single = QAbstractItemView.SelectionMode.SingleSelection
        self.progress_table = query_table(
            self, self.progress_model, selection=single, stretch_last=False
        )
        self.contract_table = query_table(
            self, self.contract_model, selection=single, stretch_last=True
        )
        self.contract_table.selectionModel().selectionChanged.connect(lambda *_a: self._update())
        self.summary = QLabel(self)
        self.sign_button, self.deliver_button = QPushButton(self), QPushButton(self)
        self.pay_button, self.close_button = QPushButton(self), QPushButton(self)
        self.sign_button.clicked.connect(self.sign)
        self.deliver_button.clicked.connect(self.deliver)
        self.pay_button.clicked.connect(self.pay)
        self.close_button.clicked.connect(self.close_contract)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        planner = ctx.can(Action.MANAGE_CATALOG)
        for button in (self.sign_button, self.deliver_button, self.pay_button, self.close_button):
            buttons.addWidget(button)
            button.setVisible(planner)
        # Deliveries are received into a depot: the keepers' (and the administrator's) job.
        self.deliver_button.setVisible(ctx.can(Action.RECEIVE))
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.progress_table, 2)
        layout.addWidget(self.contract_table, 1)
        self.retranslate()

    def show_progress(self, plan: PlanView | None, progress: Progress | None) -> None:
        self.plan, self.progress = plan, progress
        self.progress_model.set_rows(progress.rows if progress else [])
        self.contract_model.set_rows(progress.contracts if progress else [])
        self.progress_table.resizeColumnsToContents()
        self.retranslate()

    def selected_contract(self) -> ContractRow | None:
        index = self.contract_table.selectionModel().currentIndex()
        if not index.isValid() or not self.contract_table.selectionModel().isRowSelected(
            index.row()
        ):
            return None
        return self.contract_model.row_at(index)

    def _update(self) -> None:
        approved = self.plan is not None and self.plan.state == DocState.APPROVED
        self.sign_button.setEnabled(approved)
        row = self.selected_contract()
        open_contract = row is not None and row.state == DocState.APPROVED
        self.deliver_button.setEnabled(open_contract)
        self.close_button.setEnabled(open_contract)
        self.pay_button.setEnabled(row is not None and row.state != DocState.CANCELLED)

    # ------------------------------------------------------------------ actions

    def _run(self, dialog: QDialog) -> None:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.changed.emit()

    def sign(self) -> None:
        if self.plan is not None and self.plan.state == DocState.APPROVED:
            self._run(ContractDialog(self.ctx, self.plan, self))

    def deliver(self) -> None:
        row = self.selected_contract()
        if row is None:
            return
        ctx, number = self.ctx, row.contract_no

        def opened(lines: list[ContractLineRow]) -> None:
            self._run(DeliveryDialog(ctx, number, lines, self))

        ctx.tasks.run(
            lambda _task: plan_progress.contract_line_rows(ctx.uow, ctx.actor, number),
            on_done=opened,
            on_error=lambda error: show_domain_error(self, ctx, error),
        )

    def pay(self) -> None:
        row = self.selected_contract()
        if row is not None:
            self._run(PaymentDialog(self.ctx, row.contract_no, self))

    def close_contract(self) -> None:
        row = self.selected_contract()
        if row is None:
            return
        ctx, number, rid = self.ctx, row.contract_no, uuid.uuid4().hex
        ctx.tasks.run(
            lambda _task: contracts.close(ctx.uow, ctx.actor, contract_no=number, request_id=rid),
            on_done=lambda _result: self.changed.emit(),
            on_error=lambda error: show_domain_error(self, ctx, error),
        )

    def retranslate(self) -> None:
        self.sign_button.setText(self.tr("签订合同…"))
        self.deliver_button.setText(self.tr("到货验收…"))
        self.pay_button.setText(self.tr("登记付款…"))
        self.close_button.setText(self.tr("合同结案"))
        prog = self.progress
        late = sum(1 for c in prog.contracts if c.late) if prog else 0
        self.summary.setText(
            self.tr("执行计划 {plan}；逾期未交货合同 {late} 份").format(
                plan=prog.plan_no, late=late
            )
            if prog
            else self.tr("尚无已批准的计划")
        )
        self.progress_model.retranslate()
        self.contract_model.retranslate()
        self._update()
