"""调拨指令: what goes from which depots to whom, why, who pays; drafted or submitted at once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QWidget,
)

from ...domain.model import DocState, DocType, PostingResult, Purpose, ReserveMode
from ...services import (
    ledger_queries,
    orders,
    reference_queries,
    request_queries,
    stock_queries,
    suggestions,
)
from ...services.request_queries import RequestLineRow, RequestRow
from ...services.rows import DepotRow, DocumentRow, ItemRow, LotStockRow
from ...services.suggestions import Suggestion
from ..context import AppContext
from ..widgets.depot_combo import DepotCombo
from .order_lines import OrderLinesModel
from .order_lines_view import OrderLinesEditor
from .order_suggest import SuggestionPanel
from .posting_base import (
    PostingDialog,
    chain_tab_order,
    date_edit,
    mark_invalid,
    purpose_combo,
    qdate_value,
)
from .request_dialog import editable_combo, prefer_own_depot

Reference = tuple[list[ItemRow], list[DepotRow], list[LotStockRow], list[DocumentRow]]


class OrderDialog(PostingDialog):
    """Header on top, lines below (a source depot per line, the default one preset)."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        request_no: str | None = None,
        lines: Sequence[tuple[str, Decimal]] = (),
        depot_code: str | None = None,
        **header: str,
    ) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("调拨指令"))
        self.ok_button.setText(self.tr("保存指令"))
        self._preset_request = request_no
        self._preset_lines = list(lines)
        self.request_combo = QComboBox(self)
        self.request_combo.currentIndexChanged.connect(self._request_chosen)
        self.suggest_button = QPushButton(self.tr("按建议填充"), self)
        self.suggest_button.setAutoDefault(False)
        self.suggest_button.setEnabled(False)
        self.suggest_button.setToolTip(
            self.tr("按就近、先到期先出的原则从各仓库可用库存中选来源，并显示车程是否达标")
        )
        self.suggest_button.clicked.connect(self.fill_from_suggestion)
        request_box = QWidget(self)
        request_row = QHBoxLayout(request_box)
        request_row.setContentsMargins(0, 0, 0, 0)
        request_row.addWidget(self.request_combo, 1)
        request_row.addWidget(self.suggest_button)
        self.depot_combo = DepotCombo(
            ctx, None, self, preferred_code=depot_code, all_depots=True, searchable=True
        )
        if depot_code is None:
            prefer_own_depot(ctx, self.depot_combo)
        self.depot_combo.depot_changed.connect(self._default_depot_changed)
        self.unit_edit = QLineEdit(self)
        self.unit_edit.setPlaceholderText(self.tr("必填，如 海原县应急管理局"))
        self.place_edit = QLineEdit(self)
        self.receiver_edit = QLineEdit(self)
        self.receiver_phone_edit = QLineEdit(self)
        self.sender_edit = QLineEdit(self)
        self.sender_phone_edit = QLineEdit(self)
        self.purpose_combo = purpose_combo(self, Purpose.RELIEF.value)
        self.payer_combo = editable_combo(
            self, [self.tr("调出方"), self.tr("调入方"), self.tr("财政专项列支")]
        )
        self.emergency_check = QCheckBox(self.tr("紧急调拨（可电话批准后先行出库）"), self)
        self.submit_check = QCheckBox(self.tr("保存后立即提交审批"), self)
        self.submit_check.setChecked(True)
        self.date_edit = date_edit(self)
        self.note_edit = QLineEdit(self)
        edits = {
            "receiving_unit": self.unit_edit,
            "place": self.place_edit,
            "receiver": self.receiver_edit,
            "receiver_phone": self.receiver_phone_edit,
            "sender": self.sender_edit,
            "sender_phone": self.sender_phone_edit,
        }
        for key, edit in edits.items():
            edit.setMaxLength(200 if key in ("receiving_unit", "place") else 100)
            edit.setText(header.get(key, ""))
        self.note_edit.setMaxLength(200)

        self.model = OrderLinesModel(self)
        self.lines = OrderLinesEditor(self.model, self)
        self.suggestion_panel = SuggestionPanel(self)
        lines_box = QSplitter(Qt.Orientation.Vertical, self)
        lines_box.addWidget(self.lines)
        lines_box.addWidget(self.suggestion_panel)
        lines_box.setChildrenCollapsible(False)
        form = self.header_grid(
            [
                (self.tr("依据申请"), request_box),
                (self.tr("默认调出仓库"), self.depot_combo),
                (self.tr("接收单位"), self.unit_edit),
                (self.tr("送达地点"), self.place_edit),
                (self.tr("接收人"), self.receiver_edit),
                (self.tr("接收人电话"), self.receiver_phone_edit),
                (self.tr("发货联系人"), self.sender_edit),
                (self.tr("发货人电话"), self.sender_phone_edit),
                (self.tr("用途"), self.purpose_combo),
                (self.tr("运费承担"), self.payer_combo),
                (self.tr("指令日期"), self.date_edit),
                (self.tr("备注"), self.note_edit),
                ("", self.emergency_check),
                ("", self.submit_check),
            ]
        )
        self.lay_out(
            form,
            self.tr("调拨明细"),
            lines_box,
            self.tr(
                "每行可选不同的调出仓库；不指定批次时，批准时按先到期先出自动预留。"
                "超过可用库存的行标为黄色，批准时会被拒绝。"
            ),
        )
        self.resize(1100, 720)
        chain_tab_order(
            self.request_combo,
            self.suggest_button,
            self.depot_combo,
            *edits.values(),
            self.purpose_combo,
            self.payer_combo,
            self.date_edit,
            self.note_edit,
            self.emergency_check,
            self.submit_check,
            self.lines.view,
            self.ok_button,
        )
        self.set_ready(False)
        self._load()

    # ------------------------------------------------------------ loading

    def _load(self) -> None:
        ctx = self.ctx

        def fetch(_task: object) -> Reference:
            items = reference_queries.items(ctx.uow, include_inactive=False)
            depots = reference_queries.depots(
                ctx.uow, ctx.actor, include_inactive=False, only_visible=False
            )
            lots = [
                lot
                for lot in stock_queries.stock_by_lot(ctx.uow, ctx.actor)
                if lot.reserve_mode == ReserveMode.PHYSICAL.value
            ]
            asked = ledger_queries.documents(
                ctx.uow, ctx.actor, states=(DocState.SUBMITTED,), doc_types=(DocType.REQUEST,)
            )
            return items, depots, lots, asked

        ctx.tasks.run(fetch, on_done=self._loaded, on_error=self._load_failed)

    def _loaded(self, reference: Reference) -> None:
        items, depots, lots, asked = reference
        self.model.set_reference(items, depots, lots)
        self.model.default_depot = self.depot_combo.current_depot()
        self.request_combo.blockSignals(True)
        self.request_combo.addItem(self.tr("（无，直接下达）"), None)
        for doc in asked:
            self.request_combo.addItem(f"{doc.doc_no}  {doc.counterparty}", doc.doc_no)
            self.request_combo.setItemData(
                self.request_combo.count() - 1, doc.counterparty, _UNIT_ROLE
            )
        if self._preset_request and self.request_combo.findData(self._preset_request) < 0:
            self.request_combo.addItem(self._preset_request, self._preset_request)
        position = self.request_combo.findData(self._preset_request)
        self.request_combo.setCurrentIndex(max(position, 0))
        self.request_combo.blockSignals(False)
        self.suggest_button.setEnabled(bool(self.request_combo.currentData()))
        if self._preset_lines:
            self.model.set_lines(self._preset_lines)
        elif self.request_combo.currentData():
            self._request_chosen(self.request_combo.currentIndex())
        self.set_ready(True)

    def _request_chosen(self, position: int) -> None:
        unit = self.request_combo.itemData(position, _UNIT_ROLE)
        if unit and not self.unit_edit.text().strip():
            self.unit_edit.setText(str(unit))
        doc_no = self.request_combo.itemData(position)
        self.suggest_button.setEnabled(bool(doc_no))
        self.suggestion_panel.show_suggestion(None)
        if not doc_no:
            return
        ctx = self.ctx

        def done(result: tuple[RequestRow, list[RequestLineRow]]) -> None:
            if self.request_combo.currentData() == doc_no:
                self._fill_from_request(*result)

        ctx.tasks.run(
            lambda _task: request_queries.request_view(ctx.uow, ctx.actor, doc_no),
            on_done=done,
            on_error=self._load_failed,
        )

    def _fill_from_request(self, head: RequestRow, lines: list[RequestLineRow]) -> None:
        """The request's lines at the default depot; its unit, place and receiver if empty."""
        for edit, value in (
            (self.unit_edit, head.requesting_unit),
            (self.place_edit, head.place or head.county),
            (self.receiver_edit, head.receiver),
            (self.receiver_phone_edit, head.phone),
        ):
            if value and not edit.text().strip():
                edit.setText(value)
        self.model.set_lines([(line.item_code, line.quantity) for line in lines])

    def fill_from_suggestion(self) -> None:
        """Lines from the proposal (nearest depots first); the sources shown below them."""
        doc_no = self.request_combo.currentData()
        if not doc_no:
            return
        ctx = self.ctx
        self.suggest_button.setEnabled(False)

        def done(proposal: Suggestion) -> None:
            self.suggest_button.setEnabled(True)
            if self.request_combo.currentData() != doc_no:
                return
            self.model.set_lines(
                [(x.item_code, x.quantity, x.depot_code) for x in proposal.order_lines()]
            )
            self.suggestion_panel.show_suggestion(proposal)

        def failed(error: BaseException) -> None:
            self.suggest_button.setEnabled(True)
            self._load_failed(error)

        ctx.tasks.run(
            lambda _task: suggestions.suggest(ctx.uow, ctx.actor, doc_no),
            on_done=done,
            on_error=failed,
        )

    def _default_depot_changed(self, _code: str) -> None:
        self.model.default_depot = self.depot_combo.current_depot()

    # ------------------------------------------------------------ posting

    def check(self) -> tuple[list[str], list[str]]:
        errors = self.model.problems(self.ctx.error_text)
        if not self.model.lines():
            errors.append(self.tr("请至少录入一行明细"))
        missing = not self.unit_edit.text().strip()
        mark_invalid(self.unit_edit, self.tr("请填写接收单位") if missing else None)
        if missing:
            errors.insert(0, self.tr("请填写接收单位"))
        return errors, self.model.shortages() if not errors else []

    def unsaved_lines(self) -> int:
        return len(self.model.lines())

    def build_call(self) -> Callable[[], PostingResult]:
        uow, actor = self.ctx.uow, self.ctx.actor
        kwargs: dict[str, Any] = {
            "lines": self.model.order_lines(),
            "receiving_unit": self.unit_edit.text().strip(),
            "request_id": self.request_id,
            "request_no": self.request_combo.currentData() or None,
            "place": self.place_edit.text().strip(),
            "receiver": self.receiver_edit.text().strip(),
            "receiver_phone": self.receiver_phone_edit.text().strip(),
            "sender": self.sender_edit.text().strip(),
            "sender_phone": self.sender_phone_edit.text().strip(),
            "transport_payer": self.payer_combo.currentText().strip(),
            "purpose": self.purpose_combo.currentData(),
            "emergency": self.emergency_check.isChecked(),
            "submit": self.submit_check.isChecked(),
            "doc_date": qdate_value(self.date_edit),
            "note": self.note_edit.text().strip(),
        }
        return lambda: orders.create_order(uow, actor, **kwargs)

    def success_text(self, result: PostingResult) -> str:
        if self.submit_check.isChecked():
            return self.tr("已保存并提交审批：{doc_no}").format(doc_no=result.doc_no)
        return self.tr("已保存为草稿：{doc_no}").format(doc_no=result.doc_no)


_UNIT_ROLE = 0x0100 + 10  # Qt.UserRole + 10: the requesting unit of a request entry
