"""出库单 against an approved allocation order: what leaves one source depot, on which truck."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHeaderView, QLineEdit, QMessageBox, QWidget

from ...domain.errors import DomainError
from ...domain.model import DocState, PostingResult
from ...domain.orders import ShipLine
from ...domain.permissions import Action
from ...services import order_queries, reference_queries, shipping
from ...services.order_queries import OrderRow, OrderView
from ..context import AppContext
from .posting_base import PostingDialog, chain_tab_order, date_edit, mark_invalid, qdate_value
from .print_preview_dialog import PrintPreviewDialog, preview_document
from .ship_lines import ShipLinesModel, ship_lines_view

SHIPPABLE = (DocState.APPROVED, DocState.PARTIALLY_SHIPPED)


class ShipDialog(PostingDialog):
    """Pick the order (preset from the orders page) and the depot; quantities default to all."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        order_no: str | None = None,
        depot_code: str | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("按调拨指令出库"))
        self.ok_button.setText(self.tr("确认出库"))
        self._wanted_order = order_no
        self._wanted_depot = depot_code
        self.view: OrderView | None = None
        self._my_depots: set[str] = set()
        self.preview: PrintPreviewDialog | None = None  # opened after posting (for tests)

        self.order_combo = QComboBox(self)
        self.order_combo.currentIndexChanged.connect(lambda _i: self._load_order())
        self.depot_combo = QComboBox(self)
        self.depot_combo.currentIndexChanged.connect(lambda _i: self._show_lines())
        self.date_edit = date_edit(self)
        self.carrier_edit = QLineEdit(self)
        self.carrier_edit.setPlaceholderText(self.tr("如 中卫市应急运输保障车队"))
        self.driver_edit = QLineEdit(self)
        self.phone_edit = QLineEdit(self)
        self.phone_edit.setPlaceholderText(self.tr("手机号"))
        self.plate_edit = QLineEdit(self)
        self.plate_edit.setMaxLength(20)
        self.plate_edit.setPlaceholderText(self.tr("如 宁E·12345"))
        self.note_edit = QLineEdit(self)
        for edit in (self.carrier_edit, self.driver_edit, self.phone_edit, self.note_edit):
            edit.setMaxLength(100)
        self.model = ShipLinesModel(self)
        self.model.dataChanged.connect(lambda *_a: self.update_ok())
        self.lines_view = ship_lines_view(self, self.model)

        form = self.header_grid(
            [
                (self.tr("调拨指令"), self.order_combo),
                (self.tr("调出仓库"), self.depot_combo),
                (self.tr("承运单位"), self.carrier_edit),
                (self.tr("出库日期"), self.date_edit),
                (self.tr("司机"), self.driver_edit),
                (self.tr("司机电话"), self.phone_edit),
                (self.tr("车牌号"), self.plate_edit),
                (self.tr("备注"), self.note_edit),
            ],
            stretch=(1, 1),
        )
        self.lay_out(
            form,
            self.tr("本次出库（默认全部待出库数量，可改小分批发运）"),
            self.lines_view,
            self.tr(
                "按批准时预留的批次出库（先到期先出）；出库后打印出库单一式三联，司机和接收人签字。"
            ),
        )
        self.resize(1000, 500)
        chain_tab_order(
            self.order_combo,
            self.depot_combo,
            self.carrier_edit,
            self.date_edit,
            self.driver_edit,
            self.phone_edit,
            self.plate_edit,
            self.note_edit,
            self.lines_view,
            self.ok_button,
        )
        self.set_ready(False)
        self._load_orders()

    # ------------------------------------------------------------ loading

    def _load_orders(self) -> None:
        ctx, wanted = self.ctx, self._wanted_order

        def fetch(_task: object) -> tuple[list[OrderRow], set[str]]:
            rows = order_queries.orders(ctx.uow, ctx.actor, states=tuple(map(str, SHIPPABLE)))
            if wanted and all(r.doc_no != wanted for r in rows):
                rows.insert(0, order_queries.order_view(ctx.uow, ctx.actor, wanted).order)
            depots = reference_queries.depots(ctx.uow, ctx.actor, include_inactive=False)
            return rows, {d.code for d in depots if ctx.can(Action.SHIP, d.id)}

        ctx.tasks.run(fetch, on_done=self._orders_loaded, on_error=self._load_failed)

    def _orders_loaded(self, result: tuple[list[OrderRow], set[str]]) -> None:
        rows, self._my_depots = result
        self.order_combo.blockSignals(True)
        self.order_combo.clear()
        for row in rows:
            self.order_combo.addItem(f"{row.doc_no}  {row.receiving_unit}", row.doc_no)
        position = self.order_combo.findData(self._wanted_order) if self._wanted_order else 0
        self.order_combo.setCurrentIndex(max(position, 0) if rows else -1)
        self.order_combo.blockSignals(False)
        if not rows:
            self.set_ready(False, self.tr("目前没有已批准、待出库的调拨指令。"))
            return
        self._load_order()

    def _load_order(self) -> None:
        doc_no = self.order_combo.currentData()
        self.view = None
        self.model.set_lines([])
        self.set_ready(False)
        if not doc_no:
            return
        ctx = self.ctx

        def done(view: OrderView) -> None:
            if self.order_combo.currentData() != doc_no:
                return
            self.view = view
            self._fill_depots()

        ctx.tasks.run(
            lambda _task: order_queries.order_view(ctx.uow, ctx.actor, doc_no),
            on_done=done,
            on_error=self._load_failed,
        )

    def _fill_depots(self) -> None:
        assert self.view is not None
        open_depots: dict[str, str] = {}
        for line in self.view.lines:
            if line.reserved > 0 and line.depot_code in self._my_depots:
                open_depots.setdefault(line.depot_code, line.depot_name)
        self.depot_combo.blockSignals(True)
        self.depot_combo.clear()
        for code, name in open_depots.items():
            self.depot_combo.addItem(f"{name} · {code}", code)
        wanted = self.depot_combo.findData(self._wanted_depot) if self._wanted_depot else 0
        self.depot_combo.setCurrentIndex(max(wanted, 0) if open_depots else -1)
        self.depot_combo.blockSignals(False)
        if self.view.order.state not in SHIPPABLE:
            self.set_ready(False, self.tr("这条调拨指令尚未批准或已出库完毕，不能出库。"))
            return
        if not open_depots:
            self.set_ready(False, self.tr("这条调拨指令在您保管的仓库没有待出库的物资。"))
            return
        self.show_message("")
        self._show_lines()

    def _show_lines(self) -> None:
        code = self.depot_combo.currentData()
        if self.view is None or not code:
            self.model.set_lines([])
            return
        self.model.set_lines(
            [r for r in self.view.lines if r.depot_code == code and r.reserved > 0]
        )
        self.lines_view.resizeColumnsToContents()
        header = self.lines_view.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the item name
        self.set_ready(True)

    # ------------------------------------------------------------ posting

    def can_submit(self) -> bool:
        try:
            return any(qty > 0 for qty in self.model.quantities().values())
        except DomainError:
            return True  # OK then lists what is wrong

    def check(self) -> tuple[list[str], list[str]]:
        errors = self.model.problems(self.ctx.error_text)
        if not self.depot_combo.currentData():
            errors.insert(0, self.tr("请选择调出仓库"))
        plate = self.plate_edit.text().strip()
        mark_invalid(self.plate_edit, None)
        warnings = [] if plate else [self.tr("没有填写车牌号，出库单上将空着。")]
        return errors, warnings

    def build_call(self) -> Callable[[], PostingResult]:
        assert self.view is not None
        lines = [ShipLine(no, qty) for no, qty in self.model.quantities().items() if qty > 0]
        uow, actor = self.ctx.uow, self.ctx.actor
        kwargs: dict[str, Any] = {
            "order_no": self.view.order.doc_no,
            "depot": self.depot_combo.currentData(),
            "request_id": self.request_id,
            "lines": lines,
            "carrier": self.carrier_edit.text().strip(),
            "driver": self.driver_edit.text().strip(),
            "driver_phone": self.phone_edit.text().strip(),
            "plate": self.plate_edit.text().strip(),
            "doc_date": qdate_value(self.date_edit),
            "note": self.note_edit.text().strip(),
        }
        return lambda: shipping.ship(uow, actor, **kwargs)

    def success_text(self, result: PostingResult) -> str:
        return QCoreApplication.translate(
            "ShipDialog",
            "已开具出库单：{slip}\n调拨指令：{order}\n请打印出库单交司机和接收人签字。",
        ).format(slip=result.doc_no, order=self.view.order.doc_no if self.view else "")

    def add_success_actions(self, box: QMessageBox, result: PostingResult) -> None:
        """打印出库单…: the preview outlives this dialog, so it belongs to our parent."""
        button = box.addButton(
            QCoreApplication.translate("ShipDialog", "打印出库单…"),
            QMessageBox.ButtonRole.ActionRole,
        )
        box.setDefaultButton(button)
        parent, doc_no = self.parentWidget(), result.doc_no

        def clicked(pressed: object) -> None:
            if pressed is button:
                self.preview = preview_document(self.ctx, parent, doc_no)

        box.buttonClicked.connect(clicked)
