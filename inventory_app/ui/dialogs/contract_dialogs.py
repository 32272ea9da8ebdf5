"""储备计划 execution dialogs: sign a contract for a plan year, record a delivery with its
acceptance (入库验收), record a payment. Each collects input, calls one service, shows the
outcome; one request id per dialog, so a retry never posts twice."""

from __future__ import annotations

import uuid
from abc import abstractmethod
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.model import PostingResult
from ...services import contract_deliveries, contracts
from ...services.contract_deliveries import DeliveryLine
from ...services.contracts import ContractLine
from ...services.plan_generate import PlanView
from ...services.plan_progress import ContractLineRow
from ..context import AppContext
from ..errors import show_domain_error
from ..models.table_models import format_quantity
from .posting_base import MESSAGE_STYLE


def _date_edit(parent: QWidget, day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class _ServiceDialog(QDialog):
    """A form whose OK runs `posting()` in the background; errors keep the input."""

    def __init__(self, ctx: AppContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.request_id = uuid.uuid4().hex
        self.result_doc: PostingResult | None = None
        self.form = QFormLayout()
        self.message = QLabel(self)
        self.message.setStyleSheet(MESSAGE_STYLE)
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)  # room for the placeholders ("合格数量（默认全部）")

    @abstractmethod
    def posting(self) -> Callable[[], PostingResult]:
        """Hook: the service call with the form's values (each dialog defines it)."""

    def submit(self) -> None:
        call = self.posting()
        self.buttons.setEnabled(False)
        self.ctx.tasks.run(
            lambda _task: call(), on_done=self._done, on_error=self._failed, parent_widget=self
        )

    def _done(self, result: PostingResult) -> None:
        self.buttons.setEnabled(True)
        self.result_doc = result
        self.ctx.events.stock_changed.emit()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        show_domain_error(self, self.ctx, error, retry=self.submit)


class ContractDialog(_ServiceDialog):
    """签订合同: one year of an approved plan; a quantity per plan line (empty = not bought)."""

    def __init__(self, ctx: AppContext, plan: PlanView, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.plan = plan
        self.setWindowTitle(self.tr("签订采购合同（{plan}）").format(plan=plan.doc_no))
        self.number, self.supplier = QLineEdit(self), QLineEdit(self)
        self.depot = QLineEdit(self)
        self.depot.setPlaceholderText(self.tr("收货仓库编码，如 ZW-SJ-01"))
        self.year = QComboBox(self)
        for y in plan.years:
            self.year.addItem(str(y), y)
        self.due = _date_edit(self, date(plan.years[0], 9, 30))
        self.form.addRow(self.tr("合同号"), self.number)
        self.form.addRow(self.tr("供应商"), self.supplier)
        self.form.addRow(self.tr("计划年度"), self.year)
        self.form.addRow(self.tr("收货仓库"), self.depot)
        self.form.addRow(self.tr("交货期限"), self.due)
        self.quantities: dict[str, QLineEdit] = {}
        for line in plan.lines:
            edit = QLineEdit(self)
            self.quantities[line.item_code] = edit
            self.form.addRow(f"{line.item_name}（{line.unit}）", edit)
        self.year.currentIndexChanged.connect(lambda _i: self._show_planned())
        self._show_planned()

    def _show_planned(self) -> None:
        """Each quantity box says what the plan holds for the chosen year."""
        year = int(self.year.currentData())
        for line in self.plan.lines:
            self.quantities[line.item_code].setPlaceholderText(
                self.tr("计划 {qty}").format(qty=format_quantity(line.years.get(year, 0)))
            )

    def posting(self) -> Callable[[], PostingResult]:
        uow, actor, rid = self.ctx.uow, self.ctx.actor, self.request_id
        lines = [
            ContractLine(code, edit.text().strip())
            for code, edit in self.quantities.items()
            if edit.text().strip()
        ]
        plan_no, number, firm = self.plan.doc_no, self.number.text(), self.supplier.text()
        year, depot, due = int(self.year.currentData()), self.depot.text().strip(), _day(self.due)
        return lambda: contracts.sign(
            uow,
            actor,
            plan_no=plan_no,
            contract_no=number,
            supplier=firm,
            year=year,
            depot=depot,
            lines=lines,
            delivery_due=due,
            request_id=rid,
        )


class DeliveryDialog(_ServiceDialog):
    """到货验收: per contract line what arrived, what passed, why the rest was refused."""

    def __init__(
        self,
        ctx: AppContext,
        contract_no: str,
        lines: list[ContractLineRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.contract_no = contract_no
        self.setWindowTitle(self.tr("到货验收（合同 {no}）").format(no=contract_no))
        self.qc = QLineEdit(self)
        self.day = _date_edit(self, date.today())
        self.form.addRow(self.tr("质检报告号"), self.qc)
        self.form.addRow(self.tr("到货日期"), self.day)
        self.rows: list[tuple[int, QLineEdit, QLineEdit, QLineEdit]] = []
        for line in lines:
            delivered, accepted, reason = QLineEdit(self), QLineEdit(self), QLineEdit(self)
            delivered.setPlaceholderText(
                self.tr("未交 {qty}").format(qty=format_quantity(line.open_qty))
            )
            accepted.setPlaceholderText(self.tr("合格数量（默认全部）"))
            reason.setPlaceholderText(self.tr("不合格原因"))
            self.form.addRow(f"{line.line_no}. {line.item_name}（{line.unit}）", delivered)
            self.form.addRow(self.tr("　验收合格"), accepted)
            self.form.addRow(self.tr("　拒收原因"), reason)
            self.rows.append((line.line_no, delivered, accepted, reason))

    def posting(self) -> Callable[[], PostingResult]:
        uow, actor, rid, no = self.ctx.uow, self.ctx.actor, self.request_id, self.contract_no
        lines = [
            DeliveryLine(n, d.text().strip(), a.text().strip() or None, r.text().strip())
            for n, d, a, r in self.rows
            if d.text().strip()
        ]
        qc, day = self.qc.text(), _day(self.day)
        return lambda: contract_deliveries.deliver(
            uow, actor, contract_no=no, lines=lines, qc_report_no=qc, doc_date=day, request_id=rid
        )


class PaymentDialog(_ServiceDialog):
    """付款: amount, voucher number, date."""

    def __init__(self, ctx: AppContext, contract_no: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.contract_no = contract_no
        self.setWindowTitle(self.tr("登记付款（合同 {no}）").format(no=contract_no))
        self.amount, self.voucher = QLineEdit(self), QLineEdit(self)
        self.amount.setPlaceholderText(self.tr("元，如 500000.00"))
        self.day = _date_edit(self, date.today())
        self.form.addRow(self.tr("金额"), self.amount)
        self.form.addRow(self.tr("凭证号"), self.voucher)
        self.form.addRow(self.tr("付款日期"), self.day)

    def posting(self) -> Callable[[], PostingResult]:
        uow, actor, rid, no = self.ctx.uow, self.ctx.actor, self.request_id, self.contract_no
        amount, voucher, day = self.amount.text().strip(), self.voucher.text(), _day(self.day)
        return lambda: contracts.pay(
            uow,
            actor,
            contract_no=no,
            amount=amount,
            voucher_no=voucher,
            paid_on=day,
            request_id=rid,
        )
