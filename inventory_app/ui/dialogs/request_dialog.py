"""调拨申请: an affected area asks for goods for its displaced people; lines from the norms."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ...domain.model import PostingResult, ResponseLevel
from ...domain.orders import RequestLine
from ...domain.permissions import Action
from ...domain.quantities import parse_quantity, strict_decimal
from ...services import reference_queries, requests
from ...services.rows import ItemRow
from ..context import AppContext
from ..widgets.depot_combo import DepotCombo
from .order_lines import OrderLinesModel
from .order_lines_view import OrderLinesEditor
from .posting_base import PostingDialog, chain_tab_order, date_edit, mark_invalid, qdate_value


def editable_combo(parent: QWidget, entries: list[str]) -> QComboBox:
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.addItems(entries)
    combo.setCurrentIndex(-1)
    return combo


def prefer_own_depot(ctx: AppContext, combo: DepotCombo) -> None:
    """Once ``combo`` has loaded every depot, choose the keeper's own (others keep the first)."""

    def choose() -> None:
        own = next((d for d in combo.depots() if d.id in ctx.actor.depot_ids), None)
        if own is not None:
            combo.set_current_code(own.code)

    combo.loaded.connect(choose)


class RequestDialog(PostingDialog):
    """Who asks, for how many people, where to; 按定额生成 fills the lines, which stay editable."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, depot_code: str | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("调拨申请"))
        self.ok_button.setText(self.tr("登记申请"))
        self.depot_combo = DepotCombo(
            ctx, Action.ORDER, self, preferred_code=depot_code, all_depots=True
        )
        if depot_code is None:
            prefer_own_depot(ctx, self.depot_combo)
        self.unit_edit = QLineEdit(self)
        self.unit_edit.setMaxLength(200)
        self.unit_edit.setPlaceholderText(self.tr("必填，如 海原县应急管理局"))
        self.disaster_combo = editable_combo(
            self,
            [
                self.tr("地震"),
                self.tr("洪涝"),
                self.tr("干旱"),
                self.tr("风雹"),
                self.tr("低温冷冻和雪灾"),
                self.tr("山体滑坡、泥石流"),
                self.tr("火灾"),
            ],
        )
        self.persons_spin = QSpinBox(self)
        self.persons_spin.setRange(0, 1_000_000)
        self.persons_spin.setSingleStep(10)
        self.persons_spin.setSuffix(self.tr(" 人"))
        self.norms_button = QPushButton(self.tr("按定额生成"), self)
        self.norms_button.setAutoDefault(False)
        self.norms_button.setToolTip(
            self.tr("按物资目录中的定额（每顶帐篷住几人、每人/每顶几件）生成明细，生成后可修改")
        )
        self.norms_button.clicked.connect(self.fill_from_norms)
        persons = QWidget(self)
        persons_row = QHBoxLayout(persons)
        persons_row.setContentsMargins(0, 0, 0, 0)
        persons_row.addWidget(self.persons_spin, 1)
        persons_row.addWidget(self.norms_button)
        self.place_edit = QLineEdit(self)
        self.place_edit.setPlaceholderText(self.tr("如 海原县三河镇中心小学安置点"))
        self.county_combo = editable_combo(
            self, [self.tr("沙坡头区"), self.tr("中宁县"), self.tr("海原县")]
        )
        self.receiver_edit = QLineEdit(self)
        self.phone_edit = QLineEdit(self)
        self.response_combo = QComboBox(self)
        self.response_combo.addItem(self.tr("县级响应（6 小时内送达）"), int(ResponseLevel.COUNTY))
        self.response_combo.addItem(self.tr("市级响应（8 小时内送达）"), int(ResponseLevel.CITY))
        self.response_combo.addItem(
            self.tr("省级响应（10 小时内送达）"), int(ResponseLevel.PROVINCE)
        )
        self.response_combo.setCurrentIndex(2)
        self.date_edit = date_edit(self)
        self.note_edit = QLineEdit(self)
        self.draft_check = QCheckBox(self.tr("先存为草稿"), self)
        for edit in (self.place_edit, self.receiver_edit, self.phone_edit, self.note_edit):
            edit.setMaxLength(100)

        self.model = OrderLinesModel(self, needs_depot=False)
        self.lines = OrderLinesEditor(self.model, self, with_source=False)
        form = self.header_grid(
            [
                (self.tr("申请单位"), self.unit_edit),
                (self.tr("受理仓库"), self.depot_combo),
                (self.tr("灾害类型"), self.disaster_combo),
                (self.tr("转移安置人数"), persons),
                (self.tr("安置地点"), self.place_edit),
                (self.tr("所在县(区)"), self.county_combo),
                (self.tr("接收人"), self.receiver_edit),
                (self.tr("联系电话"), self.phone_edit),
                (self.tr("响应等级"), self.response_combo),
                (self.tr("申请日期"), self.date_edit),
                (self.tr("备注"), self.note_edit),
                ("", self.draft_check),
            ]
        )
        self.lay_out(
            form,
            self.tr("申请明细"),
            self.lines,
            self.tr("填写人数后点“按定额生成”，再按实际需要增删改；在最后一行空行里可以添加物资。"),
        )
        self.resize(900, 620)
        chain_tab_order(
            self.unit_edit,
            self.depot_combo,
            self.disaster_combo,
            self.persons_spin,
            self.norms_button,
            self.place_edit,
            self.county_combo,
            self.receiver_edit,
            self.phone_edit,
            self.response_combo,
            self.date_edit,
            self.note_edit,
            self.draft_check,
            self.lines.view,
            self.ok_button,
        )
        self.unit_edit.setFocus()
        self.set_ready(False)
        self._load()

    def _load(self) -> None:
        uow = self.ctx.uow

        def done(items: list[ItemRow]) -> None:
            self.model.set_reference(items, [], [])
            self.set_ready(True)

        self.ctx.tasks.run(
            lambda _task: reference_queries.items(uow, include_inactive=False),
            on_done=done,
            on_error=self._load_failed,
        )

    def fill_from_norms(self) -> None:
        """Replace the lines with the norm lines for the persons entered (in the background)."""
        persons = self.persons_spin.value()
        if persons <= 0:
            mark_invalid(self.persons_spin, self.tr("请先填写转移安置人数"))
            self.show_message(self.tr("请先填写转移安置人数"))
            return
        mark_invalid(self.persons_spin, None)
        self.show_message("")
        uow, actor = self.ctx.uow, self.ctx.actor

        def done(lines: list[RequestLine]) -> None:
            self.model.set_lines([(line.item_code, line.quantity) for line in lines])
            if not lines:
                self.show_message(self.tr("物资目录中没有设定定额的物资，请手工填写明细。"))

        self.ctx.tasks.run(
            lambda _task: requests.lines_for_persons(uow, actor, persons),
            on_done=done,
            on_error=self._load_failed,
        )

    # ------------------------------------------------------------ posting

    def check(self) -> tuple[list[str], list[str]]:
        errors = self.model.problems(self.ctx.error_text)
        if not self.model.lines():
            errors.append(self.tr("请至少录入一行明细"))
        if not self.depot_combo.current_code():
            errors.insert(0, self.tr("请选择受理仓库"))
        missing = not self.unit_edit.text().strip()
        mark_invalid(self.unit_edit, self.tr("请填写申请单位") if missing else None)
        if missing:
            errors.insert(0, self.tr("请填写申请单位"))
        return errors, []

    def unsaved_lines(self) -> int:
        return len(self.model.lines())

    def values(self) -> dict[str, Any]:
        """What the request says, also handed on to an order that answers it."""
        return {
            "receiving_unit": self.unit_edit.text().strip(),
            "place": self.place_edit.text().strip(),
            "receiver": self.receiver_edit.text().strip(),
            "receiver_phone": self.phone_edit.text().strip(),
        }

    def request_lines(self) -> list[RequestLine]:
        result = []
        for line in self.model.lines():
            assert line.item is not None
            result.append(
                RequestLine(line.item.code, parse_quantity(line.quantity, line.item.decimals))
            )
        return result

    def build_call(self) -> Callable[[], PostingResult]:
        uow, actor = self.ctx.uow, self.ctx.actor
        kwargs: dict[str, Any] = {
            "depot": self.depot_combo.current_code(),
            "requesting_unit": self.unit_edit.text().strip(),
            "lines": self.request_lines(),
            "request_id": self.request_id,
            "persons": self.persons_spin.value(),
            "disaster_type": self.disaster_combo.currentText().strip(),
            "place": self.place_edit.text().strip(),
            "county": self.county_combo.currentText().strip(),
            "receiver": self.receiver_edit.text().strip(),
            "phone": self.phone_edit.text().strip(),
            "response": int(self.response_combo.currentData()),
            "doc_date": qdate_value(self.date_edit),
            "draft": self.draft_check.isChecked(),
            "note": self.note_edit.text().strip(),
        }
        return lambda: requests.file_request(uow, actor, **kwargs)

    def success_text(self, result: PostingResult) -> str:
        return self.tr("已登记调拨申请：{doc_no}\n可在“调拨指令”页据此新建调拨指令。").format(
            doc_no=result.doc_no
        )

    def norm_quantities(self) -> list[tuple[str, Decimal]]:
        """(item code, quantity) of the lines as they stand (for tests and the order)."""
        return [
            (line.item.code, strict_decimal(line.quantity))
            for line in self.model.lines()
            if line.item
        ]
