"""入库单: goods arriving at a depot, one new lot per line."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from ...domain.model import PostingResult, ReceiptLine
from ...domain.permissions import Action
from ...domain.quantities import fen_to_yuan, parse_money, parse_quantity
from ...services import receipts, reference_queries
from ...services.rows import ItemRow, LocationRow, OrganisationRow
from ..context import AppContext
from ..labels import receipt_source_choices
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

COLUMNS = (
    Col.ITEM,
    Col.QUANTITY,
    Col.BATCH,
    Col.PRODUCTION,
    Col.EXPIRY,
    Col.LOCATION,
    Col.PRICE,
    Col.AMOUNT,
    Col.OWNER,
)


class ReceiveDialog(PostingDialog):
    """Header (depot, source, supplier, contract, date, note) and the received lines."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, depot_code: str | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("入库单"))
        self.ok_button.setText(self.tr("确认入库"))

        self.depot_combo = DepotCombo(ctx, Action.RECEIVE, self, preferred_code=depot_code)
        self.source_combo = QComboBox(self)
        for value, label in receipt_source_choices():
            self.source_combo.addItem(label, value)
        self.supplier_edit = QLineEdit(self)
        self.supplier_edit.setMaxLength(200)
        self.supplier_edit.setPlaceholderText(self.tr("供货企业或送货单位"))
        self.reference_edit = QLineEdit(self)
        self.reference_edit.setMaxLength(100)
        self.reference_edit.setPlaceholderText(self.tr("如 ZWCG-2026-018"))
        self.date_edit = date_edit(self)
        self.note_edit = QLineEdit(self)

        self.model = LinesModel(COLUMNS, error_text=ctx.error_text)
        self.lines = LinesEditor(self.model, self)

        form = self.header_grid(
            [
                (self.tr("仓库"), self.depot_combo),
                (self.tr("单据日期"), self.date_edit),
                (self.tr("来源"), self.source_combo),
                (self.tr("合同或订单号"), self.reference_edit),
                (self.tr("供应商/送货单位"), self.supplier_edit),
                (self.tr("备注"), self.note_edit),
            ]
        )
        self.lay_out(
            form,
            self.tr("入库明细"),
            self.lines,
            self.tr(
                "物资可输入名称、编码或拼音首字母（如 mzp）；有效期按生产日期和储存年限自动计算，可修改；"
                "Insert 添加行，Delete 删除行。"
            ),
        )
        self.resize(1240, 640)

        self.depot_combo.depot_changed.connect(self._load_depot)
        self.depot_combo.loaded.connect(self._depots_loaded)
        self.date_edit.dateChanged.connect(
            lambda: self.model.set_doc_date(qdate_value(self.date_edit))
        )
        self.model.changed.connect(self.update_ok)
        chain_tab_order(
            self.depot_combo,
            self.date_edit,
            self.source_combo,
            self.reference_edit,
            self.supplier_edit,
            self.note_edit,
            self.lines.view,
            self.ok_button,
        )
        self.supplier_edit.setFocus()
        self.set_ready(False)
        self._load_reference()

    # ------------------------------------------------------------ loading

    def _load_reference(self) -> None:
        uow = self.ctx.uow

        def fetch(_task: object) -> tuple[list[ItemRow], list[OrganisationRow]]:
            return (
                reference_queries.items(uow, include_inactive=False),
                reference_queries.organisations(uow),
            )

        def done(result: tuple[list[ItemRow], list[OrganisationRow]]) -> None:
            self.model.set_items(result[0])
            self.model.set_organisations(result[1])

        self.ctx.tasks.run(fetch, on_done=done, on_error=self._load_failed)

    def _depots_loaded(self) -> None:
        if not self.depot_combo.depots():
            self.set_ready(False, self.tr("您没有可办理入库的仓库。"))
        else:
            self.set_ready(True)

    def _load_depot(self, code: str) -> None:
        self.model.set_locations([])
        if not code:
            return
        uow = self.ctx.uow

        def done(locations: list[LocationRow]) -> None:
            if code == self.depot_combo.current_code():  # ignore a depot already left
                self.model.set_locations(locations)

        self.ctx.tasks.run(
            lambda _task: reference_queries.locations(uow, code),
            on_done=done,
            on_error=self._load_failed,
        )

    # ------------------------------------------------------------ posting

    def check(self) -> tuple[list[str], list[str]]:
        errors, warnings = check_depot_and_lines(
            self.lines,
            [],
            no_depot=None if self.depot_combo.current_code() else self.tr("请选择仓库"),
            no_lines=self.tr("请至少录入一行入库明细"),
        )
        mark_invalid(
            self.depot_combo, None if self.depot_combo.current_code() else self.tr("请选择仓库")
        )
        return errors, warnings

    def unsaved_lines(self) -> int:
        return len(self.model.filled_lines())

    def build_call(self) -> Callable[[], PostingResult]:
        supplier = self.supplier_edit.text().strip()
        lines = []
        for _row, line in self.model.filled_lines():
            assert line.item is not None  # check() refused lines without an item
            lines.append(
                ReceiptLine(
                    item_code=line.item.code,
                    quantity=parse_quantity(line.quantity, line.item.decimals),
                    batch_no=line.batch_no,
                    production_date=line.production_date,
                    expiry_date=line.expiry_date,
                    location_code=line.location_code,
                    unit_price=fen_to_yuan(parse_money(line.unit_price))
                    if line.unit_price
                    else None,
                    owner_org_code=line.owner_code,
                    supplier=supplier,
                )
            )
        uow, actor, request_id = self.ctx.uow, self.ctx.actor, self.request_id
        kwargs = {
            "depot": self.depot_combo.current_code(),
            "lines": lines,
            "request_id": request_id,
            "doc_date": qdate_value(self.date_edit),
            "source": self.source_combo.currentData(),
            "supplier": supplier,
            "reference": self.reference_edit.text().strip(),
            "note": self.note_edit.text().strip(),
        }
        return lambda: receipts.receive(uow, actor, **kwargs)
