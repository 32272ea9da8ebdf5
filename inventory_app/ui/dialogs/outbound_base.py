"""What the issue and transfer-out dialogs share: a source depot and lines taken from its lots."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QWidget

from ...domain.model import OutLine, ReserveMode
from ...domain.permissions import Action
from ...domain.quantities import parse_quantity
from ...services import reference_queries, stock_queries
from ...services.rows import ItemRow, LotStockRow
from ...services.stock_queries import StockFilter
from ..context import AppContext
from ..widgets.depot_combo import DepotCombo
from ..widgets.lines_checks import check_depot_and_lines
from ..widgets.lines_editor import LinesEditor
from ..widgets.lines_model import Col, LinesModel
from .posting_base import (
    PostingDialog,
    date_edit,
    mark_invalid,
    qdate_value,
)

COLUMNS = (Col.ITEM, Col.LOT, Col.QUANTITY, Col.AVAILABLE)


def load_depot_lots(ctx: AppContext, code: str) -> list[LotStockRow]:
    """Physical lots of one depot with stock, for the lot lists and what is available.

    Runs in a task: plain values in, rows out. Availability is summed from these lots
    rather than taken from the per-item balance, because first-expiring-first skips
    expired lots and the keeper must see what can really be shipped.
    """
    flt = StockFilter(depot_codes=(code,))
    return [
        lot
        for lot in stock_queries.stock_by_lot(ctx.uow, ctx.actor, flt)
        if lot.reserve_mode == ReserveMode.PHYSICAL.value
    ]


class OutboundDialog(PostingDialog):
    """Lines: item, lot ("先到期先出（自动）" unless one is named), quantity, what is available."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None, action: Action, depot_code: str | None
    ) -> None:
        super().__init__(ctx, parent)
        self.depot_combo = DepotCombo(ctx, action, self, preferred_code=depot_code)
        self.date_edit = date_edit(self)
        self.reference_edit = QLineEdit(self)
        self.reference_edit.setMaxLength(100)
        self.note_edit = QLineEdit(self)
        self.model = LinesModel(COLUMNS, error_text=ctx.error_text)
        self.lines = LinesEditor(self.model, self)

        self.depot_combo.depot_changed.connect(self._load_depot)
        self.depot_combo.loaded.connect(self._depots_loaded)
        self.model.changed.connect(self.update_ok)
        self.date_edit.dateChanged.connect(
            lambda: self.model.set_doc_date(qdate_value(self.date_edit))
        )
        self.set_ready(False)
        self._load_items()

    def _no_depot_text(self) -> str:
        return QCoreApplication.translate("PostingDialog", "您没有可办理此业务的仓库。")

    def _load_items(self) -> None:
        uow = self.ctx.uow

        def done(items: list[ItemRow]) -> None:
            self.model.set_items(items)

        self.ctx.tasks.run(
            lambda _task: reference_queries.items(uow, include_inactive=False),
            on_done=done,
            on_error=self._load_failed,
        )

    def _depots_loaded(self) -> None:
        if self.depot_combo.depots():
            self.set_ready(True)
        else:
            self.set_ready(False, self._no_depot_text())

    def _load_depot(self, code: str) -> None:
        self.model.set_lots([])
        if not code:
            return
        ctx = self.ctx

        def done(lots: list[LotStockRow]) -> None:
            if code == self.depot_combo.current_code():  # ignore a depot already left
                self.model.set_lots(lots)

        ctx.tasks.run(
            lambda _task: load_depot_lots(ctx, code), on_done=done, on_error=self._load_failed
        )

    def check_lines(self) -> tuple[list[str], list[str]]:
        """Problems of the depot and the lines; subclasses add their header's."""
        no_depot = (
            None
            if self.depot_combo.current_code()
            else QCoreApplication.translate("PostingDialog", "请选择仓库")
        )
        no_lines = QCoreApplication.translate("PostingDialog", "请至少录入一行明细")
        return check_depot_and_lines(self.lines, [], no_depot=no_depot, no_lines=no_lines)

    def unsaved_lines(self) -> int:
        return len(self.model.filled_lines())

    def out_lines(self) -> list[OutLine]:
        lines = []
        for _row, line in self.model.filled_lines():
            assert line.item is not None  # check() refused lines without an item
            lines.append(
                OutLine(
                    item_code=line.item.code,
                    quantity=parse_quantity(line.quantity, line.item.decimals),
                    lot_id=line.lot.lot_id if line.lot else None,
                )
            )
        return lines

    @staticmethod
    def require_text(edit: QLineEdit, message: str, errors: list[str]) -> None:
        missing = not edit.text().strip()
        mark_invalid(edit, message if missing else None)
        if missing:
            errors.insert(0, message)

    def doc_date(self) -> date:
        return qdate_value(self.date_edit)
