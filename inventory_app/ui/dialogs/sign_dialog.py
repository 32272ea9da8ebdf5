"""签收回执: the receiving unit signs for a shipped order line by line; short lines need a reason."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLineEdit, QWidget

from ...domain.errors import DomainError
from ...domain.model import PostingResult
from ...domain.orders import ReceivedLine
from ...services import order_queries, receipt_notes
from ...services.order_queries import OrderLineRow, OrderView
from ..context import AppContext
from ..models.table_models import format_quantity
from .line_inputs import (
    AMBER_BG,
    InputColumn,
    LineInputsModel,
    input_lines_view,
    parse_cell,
    qty_text,
)
from .posting_base import PostingDialog, chain_tab_order, date_edit, mark_invalid, qdate_value

RECEIVED, REASON = "received", "reason"


def sign_columns() -> list[InputColumn]:
    return [
        InputColumn(
            "line_no",
            lambda: QCoreApplication.translate("SignDialog", "行"),
            lambda r: str(r.line_no),
            numeric=True,
        ),
        InputColumn(
            "item",
            lambda: QCoreApplication.translate("SignDialog", "物资"),
            lambda r: f"{r.item_name} {r.item_code}",
        ),
        InputColumn(
            "spec", lambda: QCoreApplication.translate("SignDialog", "规格"), lambda r: r.spec
        ),
        InputColumn(
            "shipped",
            lambda: QCoreApplication.translate("SignDialog", "实发"),
            lambda r: format_quantity(r.shipped),
            numeric=True,
        ),
        InputColumn(
            RECEIVED, lambda: QCoreApplication.translate("SignDialog", "实收"), numeric=True
        ),
        InputColumn(
            "unit", lambda: QCoreApplication.translate("SignDialog", "单位"), lambda r: r.unit
        ),
        InputColumn(
            REASON,
            lambda: QCoreApplication.translate("SignDialog", "短少原因（实收少于实发时必填）"),
        ),
    ]


class SignLinesModel(LineInputsModel):
    """Shipped lines; 实收 defaults to what was shipped."""

    def __init__(self, parent: Any = None, columns: list[InputColumn] | None = None) -> None:
        super().__init__(columns if columns is not None else sign_columns(), parent)

    def set_order_lines(self, lines: list[OrderLineRow]) -> None:
        shipped = [line for line in lines if line.shipped > 0]
        self.set_lines(shipped, lambda line: {RECEIVED: qty_text(line.shipped), REASON: ""})

    def received(self, row: int) -> Decimal:
        """What arrived of line ``row`` (raises a DomainError when not a quantity)."""
        return parse_cell(self.lines()[row], self.text(row, RECEIVED))

    def short(self, row: int) -> bool:
        try:
            return self.received(row) < self.lines()[row].shipped
        except DomainError:
            return False

    def cell_invalid(self, row: int, key: str) -> bool:
        if key == RECEIVED:
            if not self.valid_quantity(row, key):
                return True
            return self.received(row) > self.lines()[row].shipped
        return key == REASON and self.short(row) and not self.text(row, REASON)

    def cell_background(self, row: int, key: str) -> QColor | None:
        return AMBER_BG if key == "shipped" and self.short(row) else None

    def problems(self, error_text: Callable[[DomainError], str]) -> list[str]:
        found = []
        for row, line in enumerate(self.lines()):
            prefix = QCoreApplication.translate("SignLinesModel", "第 {0} 行：").format(
                line.line_no
            )
            try:
                got = self.received(row)
            except DomainError as error:
                found.append(prefix + error_text(error))
                continue
            if got > line.shipped:
                found.append(
                    prefix
                    + QCoreApplication.translate("SignLinesModel", "实收不能多于实发 {0}").format(
                        format_quantity(line.shipped)
                    )
                )
            elif got < line.shipped and not self.text(row, REASON):
                found.append(
                    prefix
                    + QCoreApplication.translate("SignLinesModel", "实收少于实发，请填写短少原因")
                )
        return found

    def received_lines(self) -> list[ReceivedLine]:
        """The lines that differ from what was shipped (the others arrived in full)."""
        result = []
        for row, line in enumerate(self.lines()):
            got = self.received(row)
            if got != line.shipped:
                result.append(ReceivedLine(line.line_no, got, self.text(row, REASON)))
        return result


class SignDialog(PostingDialog):
    """Who signed, when; the shipped lines with what actually arrived."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, order_no: str) -> None:
        super().__init__(ctx, parent)
        self.order_no = order_no
        self.view: OrderView | None = None
        self.setWindowTitle(self.tr("签收回执 — {0}").format(order_no))
        self.ok_button.setText(self.tr("确认签收"))
        self.signed_by_edit = QLineEdit(self)
        self.signed_by_edit.setMaxLength(100)
        self.signed_by_edit.setPlaceholderText(self.tr("必填，接收单位签收人姓名"))
        self.date_edit = date_edit(self)
        self.note_edit = QLineEdit(self)
        self.note_edit.setMaxLength(200)
        self.model = SignLinesModel(self)
        self.lines_view = input_lines_view(self, self.model, stretch=6)
        form = self.header_grid(
            [
                (self.tr("签收人 *"), self.signed_by_edit),
                (self.tr("签收日期"), self.date_edit),
                (self.tr("备注"), self.note_edit),
            ],
            stretch=(2, 1),
        )
        self.lay_out(
            form,
            self.tr("签收明细（默认全部收到；实收少于实发时填写原因）"),
            self.lines_view,
            self.tr(
                "签收后调拨指令变为已签收；短少的行连同原因记入签收回执，库存不再变动。"
                "签收回执可打印，由接收单位盖章。"
            ),
        )
        self.resize(900, 440)
        chain_tab_order(
            self.signed_by_edit, self.date_edit, self.note_edit, self.lines_view, self.ok_button
        )
        self.signed_by_edit.setFocus()
        self.set_ready(False)
        self._load()

    def _load(self) -> None:
        ctx, doc_no = self.ctx, self.order_no
        ctx.tasks.run(
            lambda _task: order_queries.order_view(ctx.uow, ctx.actor, doc_no),
            on_done=self._loaded,
            on_error=self._load_failed,
        )

    def _loaded(self, view: OrderView) -> None:
        self.view = view
        self.model.set_order_lines(view.lines)
        if not self.model.rowCount():
            self.set_ready(False, self.tr("这条调拨指令还没有出库，无需签收。"))
            return
        self.set_ready(True)

    def check(self) -> tuple[list[str], list[str]]:
        errors = self.model.problems(self.ctx.error_text)
        missing = not self.signed_by_edit.text().strip()
        mark_invalid(self.signed_by_edit, self.tr("请填写签收人") if missing else None)
        if missing:
            errors.insert(0, self.tr("请填写签收人"))
        return errors, []

    def build_call(self) -> Callable[[], PostingResult]:
        uow, actor = self.ctx.uow, self.ctx.actor
        kwargs: dict[str, Any] = {
            "order_no": self.order_no,
            "signed_by": self.signed_by_edit.text().strip(),
            "request_id": self.request_id,
            "received": self.model.received_lines(),
            "doc_date": qdate_value(self.date_edit),
            "note": self.note_edit.text().strip(),
        }
        return lambda: receipt_notes.sign_for(uow, actor, **kwargs)

    def success_text(self, result: PostingResult) -> str:
        short = len(self.model.received_lines())
        text = self.tr("已签收：{order}\n签收回执：{receipt}").format(
            order=self.order_no, receipt=result.doc_no
        )
        if short:
            text += "\n" + self.tr("其中 {0} 行短少，已连同原因记入回执。").format(short)
        return text
