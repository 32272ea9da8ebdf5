"""The document lines table: model contract, checks, editors and keyboard use."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QApplication, QLineEdit, QStyleOptionViewItem
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from inventory_app.domain.shelf_life import add_months
from inventory_app.services import reference_queries, stock_queries
from inventory_app.services.stock_queries import StockFilter
from inventory_app.ui.dialogs.receive_dialog import ReceiveDialog
from inventory_app.ui.widgets.item_picker import ItemPicker
from inventory_app.ui.widgets.lines_editor import LinesEditor, quantity_pattern
from inventory_app.ui.widgets.lines_model import (
    ERROR_BACKGROUND,
    LINE_ROLE,
    WARNING_BACKGROUND,
    Col,
    LinesModel,
)
from tests.factories import World
from tests.gui.dialog_support import MakeCtx, receive, settle

RECEIVE = (
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
OUTBOUND = (Col.ITEM, Col.LOT, Col.QUANTITY, Col.AVAILABLE)
ADJUST = (Col.ITEM, Col.LOT, Col.BOOK, Col.QUANTITY, Col.AFTER)


pytestmark = pytest.mark.usefixtures("popups_quiet")


def error_text(err: Exception) -> str:
    return f"错误：{err}"


def new_model(world: World, columns: tuple[Col, ...], **kwargs: bool) -> LinesModel:
    model = LinesModel(columns, error_text=error_text, **kwargs)  # type: ignore[arg-type]
    model.set_items(reference_queries.items(world.uow, include_inactive=False))
    model.set_locations(reference_queries.locations(world.uow, "A"))
    model.set_organisations(reference_queries.organisations(world.uow))
    return model


def put(model: LinesModel, row: int, col: Col, value: object) -> bool:
    return model.setData(model.index(row, model.column_of(col)), value)


def cell(model: LinesModel, row: int, col: Col, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    return model.index(row, model.column_of(col)).data(role)


def test_model_contract_with_every_kind_of_line(qtmodeltester: ModelTester, world: World) -> None:
    receive(world, "A", "050101", "10", batch="B1")
    model = new_model(world, RECEIVE)
    put(model, 0, Col.ITEM, "050101")
    put(model, 0, Col.QUANTITY, "1.5")  # an error marker
    put(model, 1, Col.ITEM, "140201")
    put(model, 1, Col.QUANTITY, "2.125")
    put(model, 1, Col.PRODUCTION, date.today())
    qtmodeltester.check(model)

    outbound = new_model(world, OUTBOUND)
    outbound.set_lots(
        stock_queries.stock_by_lot(world.uow, world.admin, StockFilter(depot_codes=("A",)))
    )
    put(outbound, 0, Col.ITEM, "050101")
    put(outbound, 0, Col.QUANTITY, "12")  # a warning marker
    qtmodeltester.check(outbound)

    adjust = new_model(world, ADJUST, signed=True, lot_required=True)
    qtmodeltester.check(adjust)


def test_a_blank_line_is_always_waiting_at_the_end(world: World) -> None:
    model = new_model(world, RECEIVE)
    assert model.rowCount() == 1 and model.filled_lines() == []
    put(model, 0, Col.ITEM, "050104")
    assert model.rowCount() == 2
    put(model, 1, Col.ITEM, "050101")
    assert model.rowCount() == 3
    model.remove_lines([0, 1])
    assert model.rowCount() == 1 and model.filled_lines() == []
    model.remove_lines([0])
    assert model.rowCount() == 1  # never without a line to type in


def test_defaults_follow_the_item_until_the_keeper_overrides_them(world: World) -> None:
    model = new_model(world, RECEIVE)
    put(model, 0, Col.ITEM, "050101")
    assert cell(model, 0, Col.PRICE) == "¥1,650.00"
    made = date.today() - timedelta(days=10)
    put(model, 0, Col.PRODUCTION, made)
    assert cell(model, 0, Col.EXPIRY) == add_months(made, 96).isoformat()
    assert cell(model, 0, Col.EXPIRY, Qt.ItemDataRole.FontRole).italic()  # computed

    put(model, 0, Col.ITEM, "050104")  # another item: its own price and storage life
    assert cell(model, 0, Col.PRICE) == "¥135.00"
    assert cell(model, 0, Col.EXPIRY) == add_months(made, 60).isoformat()

    put(model, 0, Col.PRICE, "120")
    put(model, 0, Col.EXPIRY, date(2031, 1, 1))
    put(model, 0, Col.ITEM, "050101")
    assert cell(model, 0, Col.PRICE) == "¥120.00"  # typed by the keeper: kept
    assert cell(model, 0, Col.EXPIRY) == "2031-01-01"
    model.clear_cell(model.index(0, model.column_of(Col.EXPIRY)))
    assert cell(model, 0, Col.EXPIRY) == add_months(made, 96).isoformat()

    put(model, 0, Col.QUANTITY, "3")
    assert cell(model, 0, Col.QUANTITY) == "3 顶"
    assert cell(model, 0, Col.AMOUNT) == "¥360.00"
    assert cell(model, 0, Col.OWNER) == "（仓库所属单位）"
    put(model, 0, Col.OWNER, "HY-EMB")
    assert cell(model, 0, Col.OWNER) == "海原县应急管理局"


def test_markers_and_reasons(world: World) -> None:
    model = new_model(world, RECEIVE)
    put(model, 0, Col.ITEM, "050101")
    put(model, 0, Col.QUANTITY, "1.5")
    assert cell(model, 0, Col.QUANTITY, Qt.ItemDataRole.BackgroundRole) == ERROR_BACKGROUND
    assert cell(model, 0, Col.QUANTITY, Qt.ItemDataRole.ToolTipRole) == "棉帐篷以“顶”计，只能填整数"
    assert model.headerData(0, Qt.Orientation.Vertical, Qt.ItemDataRole.ForegroundRole)
    put(model, 0, Col.ITEM, "140201")  # 吨 with three decimals: now fine
    assert model.problem(0, Col.QUANTITY) is None
    put(model, 0, Col.QUANTITY, "1.2345")
    assert "最多 3 位小数" in str(cell(model, 0, Col.QUANTITY, Qt.ItemDataRole.ToolTipRole))
    put(model, 0, Col.QUANTITY, "0")
    assert model.problem(0, Col.QUANTITY) is not None
    put(model, 0, Col.QUANTITY, "2")
    put(model, 0, Col.PRODUCTION, date(2026, 1, 10))
    put(model, 0, Col.EXPIRY, date(2025, 1, 1))
    assert "早于生产日期" in model.problem(0, Col.EXPIRY).text  # type: ignore[union-attr]
    put(model, 0, Col.PRICE, "abc")
    assert model.problem(0, Col.PRICE) is not None
    assert [col for _row, col, _p in model.errors()] == [Col.EXPIRY, Col.PRICE]


def test_outbound_warns_when_lines_together_exceed_the_stock(world: World) -> None:
    receive(world, "A", "050101", "6", batch="B1")
    receive(world, "A", "050101", "4", batch="B2")
    model = new_model(world, OUTBOUND)
    lots = stock_queries.stock_by_lot(world.uow, world.admin, StockFilter(depot_codes=("A",)))
    model.set_lots(lots)
    put(model, 0, Col.ITEM, "050101")
    put(model, 0, Col.QUANTITY, "7")
    assert model.problem(0, Col.QUANTITY) is None
    put(model, 1, Col.ITEM, "050101")
    put(model, 1, Col.QUANTITY, "4")
    for row in (0, 1):  # 11 of 10: both lines share the blame
        assert cell(model, row, Col.QUANTITY, Qt.ItemDataRole.BackgroundRole) == WARNING_BACKGROUND
    assert model.errors() == [] and len(model.warnings()) == 2

    b2 = next(lot for lot in lots if lot.batch_no == "B2")
    put(model, 1, Col.LOT, b2.lot_id)
    assert cell(model, 1, Col.AVAILABLE) == "4 顶"
    put(model, 1, Col.QUANTITY, "5")
    assert "可用 4 顶" in model.problem(1, Col.QUANTITY).text  # type: ignore[union-attr]
    put(model, 1, Col.ITEM, "050104")  # another item: the lot no longer fits and is dropped
    assert model.line_at(1).lot is None  # type: ignore[union-attr]
    assert not put(model, 1, Col.LOT, b2.lot_id) or model.line_at(1).lot is None  # type: ignore[union-attr]


def test_adjust_lines_are_signed_and_need_a_lot(world: World) -> None:
    receive(world, "A", "050101", "5")
    model = new_model(world, ADJUST, signed=True, lot_required=True)
    model.set_lots(
        stock_queries.stock_by_lot(world.uow, world.admin, StockFilter(depot_codes=("A",)))
    )
    put(model, 0, Col.ITEM, "050104")
    assert "没有该物资的库存批次" in model.problem(0, Col.LOT).text  # type: ignore[union-attr]
    put(model, 0, Col.ITEM, "050101")  # the only lot is chosen by itself
    assert model.line_at(0).lot is not None  # type: ignore[union-attr]
    put(model, 0, Col.QUANTITY, "-2")
    assert cell(model, 0, Col.QUANTITY) == "-2 顶"
    assert cell(model, 0, Col.AFTER) == "3 顶"
    put(model, 0, Col.QUANTITY, "+2")
    assert cell(model, 0, Col.QUANTITY) == "+2 顶"
    assert "合计 +2 顶" in model.summary()


def test_summary_adds_up_per_unit_and_money(world: World) -> None:
    model = new_model(world, RECEIVE)
    put(model, 0, Col.ITEM, "050101")
    put(model, 0, Col.QUANTITY, "10")
    put(model, 1, Col.ITEM, "050101")
    put(model, 1, Col.QUANTITY, "2")
    put(model, 2, Col.ITEM, "140201")
    put(model, 2, Col.QUANTITY, "1.5")
    assert model.summary() == "共 3 行  ·  合计 12 顶、1.5 吨  ·  金额 ¥25,200.00"


def test_quantity_editor_accepts_only_the_items_decimals(qtbot: QtBot, world: World) -> None:
    model = new_model(world, RECEIVE)
    editor = LinesEditor(model)
    qtbot.addWidget(editor)
    put(model, 0, Col.ITEM, "050101")
    put(model, 1, Col.ITEM, "140201")

    def validator(row: int) -> QValidator:
        index = model.index(row, model.column_of(Col.QUANTITY))
        widget = editor.delegate.createEditor(editor.view.viewport(), QStyleOptionViewItem(), index)
        assert isinstance(widget, QLineEdit)
        found = widget.validator()
        assert found is not None
        widget.deleteLater()
        return found

    tents, flour = validator(0), validator(1)
    assert tents.validate("12", 0)[0] == QValidator.State.Acceptable
    assert tents.validate("1.5", 0)[0] == QValidator.State.Invalid
    assert tents.validate("-1", 0)[0] == QValidator.State.Invalid
    assert tents.validate("1a", 0)[0] == QValidator.State.Invalid
    assert flour.validate("1.125", 0)[0] == QValidator.State.Acceptable
    assert flour.validate("1.1255", 0)[0] == QValidator.State.Invalid
    assert quantity_pattern(0, True) == r"^[+-]?\d{0,12}$"


def test_keyboard_entry_of_a_line(qtbot: QtBot, world: World, make_ctx: MakeCtx) -> None:
    """Type "mzp", Enter, "12", Enter: one line done, cursor on the next, nothing posted."""
    ctx = make_ctx(world.keeper_a)
    dialog = ReceiveDialog(ctx, depot_code="A")
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):  # cell editors close when their window is not active
        dialog.show()
        dialog.activateWindow()
    settle(ctx)
    view, model = dialog.lines.view, dialog.model
    view.setFocus()
    view.setCurrentIndex(model.index(0, model.column_of(Col.ITEM)))

    qtbot.keyClicks(view, "mzp")  # typing starts editing the cell
    picker = QApplication.focusWidget()
    assert isinstance(picker, ItemPicker)
    popup = picker._completer.popup()
    assert popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.currentIndex().column() == model.column_of(Col.QUANTITY))
    assert model.line_at(0).item.code == "050101"  # type: ignore[union-attr]
    # The offscreen platform deactivates the dialog a moment after a pop-up closes
    # (a desktop does not), which closes the cell editor; activate it again.
    qtbot.wait(50)
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    if view.state() != view.State.EditingState:
        view.setFocus()
        view.edit(view.currentIndex())
    quantity = QApplication.focusWidget()
    assert isinstance(quantity, QLineEdit) and not isinstance(quantity, ItemPicker)
    qtbot.keyClicks(quantity, "1.5")  # the "." is refused for 顶
    assert quantity.text() == "15"
    quantity.clear()
    qtbot.keyClicks(quantity, "12")
    qtbot.keyClick(quantity, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.currentIndex().row() == 1)
    assert model.line_at(0).quantity == "12"  # type: ignore[union-attr]
    assert view.currentIndex().column() == model.column_of(Col.ITEM)
    assert not dialog.busy and not dialog.posted and ctx.tasks.active_count() == 0


def test_insert_and_delete_keys(qtbot: QtBot, world: World) -> None:
    model = new_model(world, RECEIVE)
    editor = LinesEditor(model)
    qtbot.addWidget(editor)
    editor.show()
    put(model, 0, Col.ITEM, "050101")
    put(model, 1, Col.ITEM, "050104")
    put(model, 2, Col.ITEM, "140201")
    view = editor.view
    view.setFocus()
    view.setCurrentIndex(model.index(1, 1))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert [line.item.code for _r, line in model.filled_lines()] == ["050101", "140201"]  # type: ignore[union-attr]

    view.setCurrentIndex(model.index(0, 1))
    qtbot.keyClick(view, Qt.Key.Key_Insert)  # a new line below the current one
    assert model.rowCount() == 4 and model.line_at(1).is_blank()  # type: ignore[union-attr]
    assert view.currentIndex().row() == 1
    QApplication.processEvents()


def test_backspace_clears_an_optional_cell(qtbot: QtBot, world: World) -> None:
    model = new_model(world, RECEIVE)
    editor = LinesEditor(model)
    qtbot.addWidget(editor)
    editor.show()
    put(model, 0, Col.ITEM, "050101")
    put(model, 0, Col.BATCH, "B-1")
    view = editor.view
    view.setFocus()
    view.setCurrentIndex(model.index(0, model.column_of(Col.BATCH)))
    qtbot.keyClick(view, Qt.Key.Key_Backspace)
    assert cell(model, 0, Col.BATCH) == ""
    assert cell(model, 0, Col.ITEM) != ""  # required cells are not cleared this way
    view.setCurrentIndex(model.index(0, model.column_of(Col.ITEM)))
    qtbot.keyClick(view, Qt.Key.Key_Backspace)
    assert model.line_at(0).item is not None  # type: ignore[union-attr]


def test_line_role_returns_a_copy(world: World) -> None:
    model = new_model(world, RECEIVE)
    put(model, 0, Col.ITEM, "050101")
    line = model.index(0, 0).data(LINE_ROLE)
    line.quantity = "99"
    assert model.line_at(0).quantity == ""  # type: ignore[union-attr]
    assert model.index(0, 0).parent() == QModelIndex()


def test_expired_lots_do_not_count_for_first_expiring_first(world: World) -> None:
    receive(world, "A", "050104", "4", batch="OLD", expiry=date.today() - timedelta(days=1))
    receive(world, "A", "050104", "6", batch="NEW", expiry=date.today() + timedelta(days=400))
    model = new_model(world, OUTBOUND)
    model.set_lots(
        stock_queries.stock_by_lot(world.uow, world.admin, StockFilter(depot_codes=("A",)))
    )
    put(model, 0, Col.ITEM, "050104")
    assert cell(model, 0, Col.AVAILABLE) == "6 套"  # the service will not ship the old lot
    assert "另有 4 套 已过期" in str(cell(model, 0, Col.AVAILABLE, Qt.ItemDataRole.ToolTipRole))
    put(model, 0, Col.QUANTITY, "8")
    assert model.warnings() and "可用 6 套" in model.warnings()[0][2].text
    old = next(lot for lot in model.lots_for("050104") if lot.batch_no == "OLD")
    put(model, 1, Col.ITEM, "050104")
    put(model, 1, Col.LOT, old.lot_id)  # named on purpose, e.g. for disposal
    put(model, 1, Col.QUANTITY, "2")
    put(model, 0, Col.QUANTITY, "6")
    assert model.warnings() == []


def test_tabbing_through_a_computed_expiry_does_not_freeze_it(world: World) -> None:
    """Committing the same expiry (Tab through the cell) keeps it computed: a corrected
    production date still moves it."""
    model = new_model(world, RECEIVE)
    put(model, 0, Col.ITEM, "050101")
    put(model, 0, Col.PRODUCTION, date(2026, 10, 1))
    computed = date(2034, 10, 1)  # 8 年 on the calendar
    put(model, 0, Col.EXPIRY, computed)  # what the editor commits on Tab
    put(model, 0, Col.PRODUCTION, date(2026, 10, 15))
    assert cell(model, 0, Col.EXPIRY) == "2034-10-15"
    put(model, 0, Col.EXPIRY, date(2031, 1, 1))  # a real change detaches it
    put(model, 0, Col.PRODUCTION, date(2026, 10, 20))
    assert cell(model, 0, Col.EXPIRY) == "2031-01-01"


@pytest.mark.parametrize("typed", ["2026-10-15", "2026/10/15", "20261015"])
def test_dates_are_typed_as_keepers_type_them(qtbot: QtBot, world: World, typed: str) -> None:
    model = new_model(world, RECEIVE)
    put(model, 0, Col.ITEM, "050101")
    editor = LinesEditor(model)
    qtbot.addWidget(editor)
    index = model.index(0, model.column_of(Col.PRODUCTION))
    delegate = editor.view.itemDelegate()
    widget = delegate.createEditor(editor.view.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(widget, QLineEdit)
    delegate.setEditorData(widget, index)
    widget.setText(typed)
    delegate.setModelData(widget, model, index)
    assert cell(model, 0, Col.PRODUCTION) == "2026-10-15"
    widget.setText("not a date")
    delegate.setModelData(widget, model, index)
    assert cell(model, 0, Col.PRODUCTION) == "2026-10-15"  # refused, never guessed
