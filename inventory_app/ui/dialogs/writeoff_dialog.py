"""报废申请: ask to write off (part of) one lot; an approver decides, the quantity waits reserved."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ...domain.errors import DomainError
from ...domain.model import OutLine, PostingResult
from ...domain.quantities import parse_quantity
from ...services import writeoffs
from ...services.rows import LotStockRow
from ..context import AppContext
from ..models.table_models import format_quantity
from .posting_base import PostingDialog, hint_label, mark_invalid

MAX_REASON = 500


class WriteoffDialog(PostingDialog):
    """The lot is given; the keeper states how much and why."""

    def __init__(self, ctx: AppContext, lot: LotStockRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.lot = lot
        self.setWindowTitle(self.tr("报废申请"))
        self.ok_button.setText(self.tr("提交申请"))

        expiry = lot.expiry_date.isoformat() if lot.expiry_date else self.tr("无")
        self.lot_label = QLabel(
            self.tr("{item} {name}（{depot}，批号 {batch}，有效期至 {expiry}）").format(
                item=lot.item_code,
                name=lot.item_name,
                depot=lot.depot_name,
                batch=lot.batch_no or "—",
                expiry=expiry,
            ),
            self,
        )
        self.lot_label.setWordWrap(True)
        self.quantity_edit = QLineEdit(format_quantity(lot.available).replace(",", ""), self)
        self.quantity_edit.setPlaceholderText(
            self.tr("可用 {qty} {unit}").format(qty=format_quantity(lot.available), unit=lot.unit)
        )
        self.reason_combo = QComboBox(self)
        self.reason_combo.setEditable(True)
        self.reason_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason_combo.addItems(
            [self.tr("超过有效期"), self.tr("破损"), self.tr("霉变、污损"), self.tr("鼠咬虫蛀")]
        )
        if lot.expiry_status != "expired":
            self.reason_combo.setCurrentIndex(-1)
        line_edit = self.reason_combo.lineEdit()
        assert line_edit is not None  # the combo is editable
        line_edit.setMaxLength(MAX_REASON)
        line_edit.setPlaceholderText(self.tr("必填：选择或输入报废原因"))

        form = QFormLayout()
        form.addRow(self.tr("批次"), self.lot_label)
        form.addRow(self.tr("报废数量（{unit}）").format(unit=lot.unit), self.quantity_edit)
        form.addRow(self.tr("报废原因"), self.reason_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            hint_label(
                self.tr("提交后该数量即被预留，不能再出库；审批人批准后才从账面核销，驳回则释放。"),
                self,
            )
        )
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        self.resize(520, 240)
        self.reason_combo.editTextChanged.connect(self._reason_changed)
        self.quantity_edit.setFocus()
        self.quantity_edit.selectAll()

    def reason(self) -> str:
        return self.reason_combo.currentText().strip()

    def can_submit(self) -> bool:
        return bool(self.reason())

    def _reason_changed(self) -> None:
        if self.reason():
            mark_invalid(self.reason_combo, None)
        self.update_ok()

    def _quantity(self) -> tuple[Decimal | None, str | None]:
        try:
            qty = parse_quantity(self.quantity_edit.text().strip(), self.lot.decimals)
        except DomainError as error:
            return None, self.ctx.error_text(error)
        if qty > self.lot.available:
            return None, self.tr("超过该批次可用数量 {qty} {unit}").format(
                qty=format_quantity(self.lot.available), unit=self.lot.unit
            )
        return qty, None

    def check(self) -> tuple[list[str], list[str]]:
        errors: list[str] = []
        _qty, problem = self._quantity()
        mark_invalid(self.quantity_edit, problem)
        if problem:
            errors.append(problem)
        if not self.reason():
            errors.append(self.tr("请填写报废原因"))
        return errors, []

    def build_call(self) -> Callable[[], PostingResult]:
        qty, _problem = self._quantity()
        assert qty is not None  # check() refused a bad quantity
        lot = self.lot
        line = OutLine(lot.item_code, qty, lot.lot_id)
        uow, actor, reason, request_id = (
            self.ctx.uow,
            self.ctx.actor,
            self.reason(),
            self.request_id,
        )
        return lambda: writeoffs.request_scrap(
            uow, actor, depot=lot.depot_code, lines=[line], reason=reason, request_id=request_id
        )

    def success_text(self, result: PostingResult) -> str:
        return self.tr("报废申请 {doc_no} 已提交，等待审批。").format(doc_no=result.doc_no)
