"""调整单: signed corrections of lots (count differences, damage), always with a reason."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from ...domain.model import AdjustLine, PostingResult
from ...domain.permissions import Action
from ...domain.quantities import parse_quantity
from ...services import adjustments, reference_queries, stock_queries
from ...services.rows import ItemRow, LotStockRow
from ...services.stock_queries import StockFilter
from ..context import AppContext
from ..widgets.depot_combo import DepotCombo
from ..widgets.lines_checks import check_depot_and_lines
from ..widgets.lines_editor import LinesEditor
from ..widgets.lines_model import Col, LinesModel
from .posting_base import (
    PostingDialog,
    chain_tab_order,
    date_edit,
    mark_invalid,
    qdate_value,
)

COLUMNS = (Col.ITEM, Col.LOT, Col.BOOK, Col.QUANTITY, Col.AFTER)
MAX_REASON = 500


class AdjustDialog(PostingDialog):
    """Pick lots of one depot and the signed difference (盘盈 +, 盘亏 −); the reason is required."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        depot_code: str | None = None,
        lot_id: int | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("调整单"))
        self.ok_button.setText(self.tr("确认调整"))
        self._preset_lot = lot_id
        self._items_loaded = False
        self._lots_loaded = False

        self.depot_combo = DepotCombo(
            ctx,
            Action.ADJUST,
            self,
            preferred_code=depot_code,
            load=lot_id is None or depot_code is not None,
        )
        self.date_edit = date_edit(self)
        self.reason_combo = QComboBox(self)
        self.reason_combo.setEditable(True)
        self.reason_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason_combo.addItems(
            [
                self.tr("盘点盘盈"),
                self.tr("盘点盘亏"),
                self.tr("破损"),
                self.tr("霉变、污损"),
                self.tr("计量误差"),
            ]
        )
        self.reason_combo.setCurrentIndex(-1)
        line_edit = self.reason_combo.lineEdit()
        assert line_edit is not None  # the combo is editable
        line_edit.setMaxLength(MAX_REASON)
        line_edit.setPlaceholderText(self.tr("必填：选择或输入原因，如 年度盘点盘亏 2 顶"))

        self.model = LinesModel(
            COLUMNS,
            error_text=ctx.error_text,
            signed=True,
            lot_required=True,
            headers={Col.QUANTITY: lambda: self.tr("调整数量（±）")},
        )
        self.lines = LinesEditor(self.model, self)

        form = self.header_grid(
            [(self.tr("仓库"), self.depot_combo), (self.tr("单据日期"), self.date_edit)],
            stretch=(3, 1),
        )
        form.addWidget(QLabel(self.tr("调整原因"), self), 1, 0)
        form.addWidget(self.reason_combo, 1, 1, 1, 3)  # the reason gets the whole row
        self.lay_out(
            form,
            self.tr("调整明细"),
            self.lines,
            self.tr(
                "正数为盘盈（账面增加），负数为盘亏（账面减少），如 -2。"
                "过账后不能修改，如有错误请冲销后重新录入。"
            ),
        )
        self.resize(1050, 560)

        chain_tab_order(
            self.depot_combo, self.date_edit, self.reason_combo, self.lines.view, self.ok_button
        )
        self.reason_combo.setFocus()
        self.date_edit.dateChanged.connect(
            lambda: self.model.set_doc_date(qdate_value(self.date_edit))
        )
        self.reason_combo.editTextChanged.connect(self._reason_changed)
        self.depot_combo.depot_changed.connect(self._load_depot)
        self.depot_combo.loaded.connect(self._depots_loaded)
        self.model.changed.connect(self.update_ok)
        self.set_ready(False)
        self._load_items()
        if lot_id is not None and depot_code is None:
            self._find_lot_depot(lot_id)

    def reason(self) -> str:
        return self.reason_combo.currentText().strip()

    def can_submit(self) -> bool:
        return bool(self.reason())

    def _reason_changed(self) -> None:
        if self.reason():
            mark_invalid(self.reason_combo, None)
        self.update_ok()

    # ------------------------------------------------------------ loading

    def _load_items(self) -> None:
        uow = self.ctx.uow

        def done(items: list[ItemRow]) -> None:
            self.model.set_items(items)
            self._items_loaded = True
            self._apply_preset()

        self.ctx.tasks.run(
            lambda _task: reference_queries.items(uow, include_inactive=False),
            on_done=done,
            on_error=self._load_failed,
        )

    def _find_lot_depot(self, lot_id: int) -> None:
        """Opened from a lot without a depot: look the lot up, then load its depot."""
        ctx = self.ctx

        def fetch(_task: object) -> str | None:
            lots = stock_queries.stock_by_lot(ctx.uow, ctx.actor, StockFilter(include_empty=True))
            return next((lot.depot_code for lot in lots if lot.lot_id == lot_id), None)

        def done(depot_code: str | None) -> None:
            self.depot_combo.set_preferred_code(depot_code)
            self.depot_combo.reload()

        ctx.tasks.run(fetch, on_done=done, on_error=self._load_failed)

    def _depots_loaded(self) -> None:
        if self.depot_combo.depots():
            self.set_ready(True)
        else:
            self.set_ready(False, self.tr("您没有可办理调整的仓库。"))

    def _load_depot(self, code: str) -> None:
        self.model.set_lots([])
        self._lots_loaded = False
        if not code:
            return
        ctx = self.ctx

        def fetch(_task: object) -> list[LotStockRow]:
            return stock_queries.stock_by_lot(ctx.uow, ctx.actor, StockFilter(depot_codes=(code,)))

        def done(lots: list[LotStockRow]) -> None:
            if code != self.depot_combo.current_code():
                return  # the user already chose another depot
            self.model.set_lots(lots)
            self._lots_loaded = True
            self._apply_preset()

        ctx.tasks.run(fetch, on_done=done, on_error=self._load_failed)

    def _apply_preset(self) -> None:
        if self._preset_lot is None or not (self._items_loaded and self._lots_loaded):
            return
        lot = self.model.lot_by_id(self._preset_lot)
        self._preset_lot = None
        if lot is not None:
            self.model.add_lot_line(lot)
            self.lines.edit_cell(0, Col.QUANTITY)

    # ------------------------------------------------------------ posting

    def check(self) -> tuple[list[str], list[str]]:
        errors: list[str] = []
        if not self.reason():
            errors.append(self.tr("请填写调整原因"))
        mark_invalid(self.reason_combo, None if self.reason() else self.tr("请填写调整原因"))
        return check_depot_and_lines(
            self.lines,
            errors,
            no_depot=None if self.depot_combo.current_code() else self.tr("请选择仓库"),
            no_lines=self.tr("请至少录入一行调整明细"),
        )

    def unsaved_lines(self) -> int:
        return len(self.model.filled_lines())

    def build_call(self) -> Callable[[], PostingResult]:
        lines = []
        for _row, line in self.model.filled_lines():
            assert line.lot is not None  # check() refused lines without a lot
            lines.append(
                AdjustLine(
                    lot_id=line.lot.lot_id,
                    delta=parse_quantity(line.quantity, line.lot.decimals, allow_negative=True),
                )
            )
        uow, actor = self.ctx.uow, self.ctx.actor
        kwargs = {
            "depot": self.depot_combo.current_code(),
            "lines": lines,
            "reason": self.reason(),
            "request_id": self.request_id,
            "doc_date": qdate_value(self.date_edit),
        }
        return lambda: adjustments.adjust(uow, actor, **kwargs)  # type: ignore[arg-type]
