"""回收单: goods of a shipped order come back, per line by condition, into a depot."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from ...domain.errors import DomainError
from ...domain.model import PostingResult
from ...domain.orders import Condition, ReturnLine
from ...domain.permissions import Action
from ...services import order_queries, reference_queries, returns
from ...services.order_queries import OrderLineRow, OrderView
from ..context import AppContext
from ..models.table_models import format_quantity
from ..widgets.depot_combo import DepotCombo, LocationCombo
from .line_inputs import AMBER_BG, InputColumn, LineInputsModel, input_lines_view, parse_cell
from .posting_base import PostingDialog, chain_tab_order, date_edit, qdate_value

CONDITIONS = (Condition.GOOD, Condition.CLEANED, Condition.REPAIR, Condition.SCRAP)
NOTE = "note"


def return_columns() -> list[InputColumn]:
    return [
        InputColumn(
            "line_no",
            lambda: QCoreApplication.translate("ReturnDialog", "行"),
            lambda r: str(r.line_no),
            numeric=True,
        ),
        InputColumn(
            "item",
            lambda: QCoreApplication.translate("ReturnDialog", "物资"),
            lambda r: f"{r.item_name} {r.item_code}",
        ),
        InputColumn(
            "shipped",
            lambda: QCoreApplication.translate("ReturnDialog", "实发"),
            lambda r: format_quantity(r.shipped),
            numeric=True,
        ),
        InputColumn(
            "returned",
            lambda: QCoreApplication.translate("ReturnDialog", "已回收"),
            lambda r: format_quantity(r.returned),
            numeric=True,
        ),
        InputColumn(
            "outstanding",
            lambda: QCoreApplication.translate("ReturnDialog", "待回收"),
            lambda r: format_quantity(r.outstanding),
            numeric=True,
        ),
        InputColumn(
            Condition.GOOD.value,
            lambda: QCoreApplication.translate("ReturnDialog", "完好"),
            numeric=True,
        ),
        InputColumn(
            Condition.CLEANED.value,
            lambda: QCoreApplication.translate("ReturnDialog", "清洗消毒"),
            numeric=True,
        ),
        InputColumn(
            Condition.REPAIR.value,
            lambda: QCoreApplication.translate("ReturnDialog", "维修"),
            numeric=True,
        ),
        InputColumn(
            Condition.SCRAP.value,
            lambda: QCoreApplication.translate("ReturnDialog", "报废"),
            numeric=True,
        ),
        InputColumn(
            "unit", lambda: QCoreApplication.translate("ReturnDialog", "单位"), lambda r: r.unit
        ),
        InputColumn(NOTE, lambda: QCoreApplication.translate("ReturnDialog", "说明")),
    ]


class ReturnLinesModel(LineInputsModel):
    """Shipped lines; a quantity per condition, all blank at first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(return_columns(), parent)

    def set_order_lines(self, lines: list[OrderLineRow]) -> None:
        self.set_lines([x for x in lines if x.shipped > 0], lambda _line: {})

    @staticmethod
    def room(line: OrderLineRow) -> Decimal:
        """What can still come back of ``line``."""
        return line.shipped - line.returned

    def total(self, row: int) -> Decimal:
        line = self.lines()[row]
        return sum((parse_cell(line, self.text(row, c.value)) for c in CONDITIONS), Decimal(0))

    def _too_much(self, row: int) -> bool:
        try:
            return self.total(row) > self.room(self.lines()[row])
        except DomainError:
            return False

    def cell_invalid(self, row: int, key: str) -> bool:
        if key == NOTE:
            return False
        return not self.valid_quantity(row, key) or (
            bool(self.text(row, key)) and self._too_much(row)
        )

    def cell_background(self, row: int, key: str) -> QColor | None:
        if key == "outstanding" and self.lines()[row].outstanding > 0:
            return AMBER_BG
        return None

    def problems(self, error_text: Callable[[DomainError], str]) -> list[str]:
        found = []
        for row, line in enumerate(self.lines()):
            prefix = self.tr("第 {0} 行：").format(line.line_no)
            try:
                total = self.total(row)
            except DomainError as error:
                found.append(prefix + error_text(error))
                continue
            if total > self.room(line):
                found.append(
                    prefix
                    + self.tr("回收合计 {0} 超过可回收数量 {1}").format(
                        format_quantity(total), format_quantity(self.room(line))
                    )
                )
        if not found and not self.return_lines():
            found.append(self.tr("请至少填写一行回收数量"))
        return found

    def return_lines(self) -> list[ReturnLine]:
        """One return line per order line and condition with a quantity."""
        result = []
        for row, line in enumerate(self.lines()):
            note = self.text(row, NOTE)
            for condition in CONDITIONS:
                qty = parse_cell(line, self.text(row, condition.value))
                if qty > 0:
                    result.append(ReturnLine(line.line_no, qty, condition, note))
        return result


class ReturnDialog(PostingDialog):
    """The depot taking the goods back (one the user may receive at), then the lines."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, order_no: str) -> None:
        super().__init__(ctx, parent)
        self.order_no = order_no
        self.view: OrderView | None = None
        self.setWindowTitle(self.tr("回收 — {0}").format(order_no))
        self.ok_button.setText(self.tr("登记回收"))
        self.order_label = QLabel(order_no, self)
        self.depot_combo = DepotCombo(ctx, Action.RECEIVE, self)
        self.depot_combo.depot_changed.connect(self._load_locations)
        self.location_combo = LocationCombo(self)
        self.date_edit = date_edit(self)
        self.note_edit = QLineEdit(self)
        self.note_edit.setMaxLength(200)
        self.model = ReturnLinesModel(self)
        self.lines_view = input_lines_view(self, self.model, stretch=10)  # 说明
        form = self.header_grid(
            [
                (self.tr("调拨指令"), self.order_label),
                (self.tr("回收日期"), self.date_edit),
                (self.tr("回收入库仓库"), self.depot_combo),
                (self.tr("库位"), self.location_combo),
                (self.tr("备注"), self.note_edit),
            ],
            stretch=(2, 1),
        )
        self.lay_out(
            form,
            self.tr("回收明细（按状况分别填写数量）"),
            self.lines_view,
            self.tr(
                "完好和清洗消毒的物资重新入库到所选仓库，保留原批号和有效期；"
                "维修和报废的只登记在回收单上。待回收：使用未满 12 个月的棉帐篷、"
                "未满 6 个月的单帐篷须回收。"
            ),
        )
        self.resize(1100, 460)
        chain_tab_order(
            self.date_edit,
            self.depot_combo,
            self.location_combo,
            self.note_edit,
            self.lines_view,
            self.ok_button,
        )
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
        self.order_label.setText(f"{view.order.doc_no}  {view.order.receiving_unit}")
        self.model.set_order_lines(view.lines)
        if not self.model.rowCount():
            self.set_ready(False, self.tr("这条调拨指令还没有出库，无物资可回收。"))
            return
        self.set_ready(True)

    def _load_locations(self, code: str) -> None:
        self.location_combo.set_locations([])
        if not code:
            return
        ctx = self.ctx

        def done(rows: list[Any]) -> None:
            if self.depot_combo.current_code() == code:
                self.location_combo.set_locations(rows)

        ctx.tasks.run(
            lambda _task: reference_queries.locations(ctx.uow, code),
            on_done=done,
            on_error=self._load_failed,
        )

    def check(self) -> tuple[list[str], list[str]]:
        errors = self.model.problems(self.ctx.error_text)
        if not self.depot_combo.current_code():
            errors.insert(0, self.tr("请选择回收入库的仓库"))
        return errors, []

    def build_call(self) -> Callable[[], PostingResult]:
        uow, actor = self.ctx.uow, self.ctx.actor
        kwargs: dict[str, Any] = {
            "order_no": self.order_no,
            "depot": self.depot_combo.current_code(),
            "lines": self.model.return_lines(),
            "request_id": self.request_id,
            "location": self.location_combo.current_code(),
            "doc_date": qdate_value(self.date_edit),
            "note": self.note_edit.text().strip(),
        }
        return lambda: returns.record_return(uow, actor, **kwargs)

    def success_text(self, result: PostingResult) -> str:
        return self.tr("已登记回收单：{doc}\n调拨指令：{order}").format(
            doc=result.doc_no, order=self.order_no
        )
