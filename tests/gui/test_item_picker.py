"""Item picker: type-ahead by name, code and pinyin initials; the list model; combos."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from inventory_app.domain.permissions import Action
from inventory_app.services import masterdata, reference_queries
from inventory_app.services.rows import ItemRow
from inventory_app.ui.widgets.depot_combo import DepotCombo, LocationCombo, RowListModel
from inventory_app.ui.widgets.item_picker import (
    ITEM_ROLE,
    ItemListModel,
    ItemPicker,
    item_label,
    match_rank,
)
from tests.factories import World
from tests.gui.dialog_support import MakeCtx, settle

pytestmark = pytest.mark.usefixtures("popups_quiet")


def catalogue(world: World) -> list[ItemRow]:
    return reference_queries.items(world.uow, include_inactive=False)


def codes(model: ItemListModel) -> list[str]:
    return [model.index(row, 0).data(ITEM_ROLE).code for row in range(model.rowCount())]


def test_label_shows_name_code_spec_and_unit(world: World) -> None:
    tent = next(i for i in catalogue(world) if i.code == "050101")
    assert item_label(tent) == "棉帐篷 050101 · 12㎡ · 顶"
    quilt = next(i for i in catalogue(world) if i.code == "050104")
    assert item_label(quilt) == "棉被 050104 · 套"  # no specification, no empty part


def test_filter_by_pinyin_code_and_name(world: World) -> None:
    model = ItemListModel(catalogue(world))
    model.set_filter("mzp")
    assert codes(model) == ["050101"]
    model.set_filter("MB")  # initials in any case
    assert codes(model) == ["050104"]
    model.set_filter("0501")
    assert codes(model) == ["050101", "050104"]
    model.set_filter("面")
    assert codes(model) == ["140201"]
    model.set_filter("帐篷 12")  # every word must match somewhere (name, spec…)
    assert codes(model) == ["050101"]
    model.set_filter("xyz")
    assert codes(model) == []
    model.set_filter("")
    assert codes(model) == ["050101", "050104", "140201"]


def test_exact_code_ranks_first(world: World) -> None:
    items = catalogue(world)
    tent = next(i for i in items if i.code == "050101")
    assert match_rank(tent, "050101") == 0
    assert match_rank(tent, "0501") == 1  # code prefix
    assert match_rank(tent, "mz") == 2  # pinyin prefix
    assert match_rank(tent, "帐篷") == 10  # somewhere in the name
    assert match_rank(tent, "棉被") is None


def test_item_list_model_contract(qtmodeltester: ModelTester, world: World) -> None:
    model = ItemListModel(catalogue(world))
    qtmodeltester.check(model)
    model.set_filter("mzp")
    qtmodeltester.check(model)


def test_typing_pinyin_and_enter_selects(qtbot: QtBot, world: World) -> None:
    picker = ItemPicker(items=catalogue(world))
    qtbot.addWidget(picker)
    picker.show()
    picker.setFocus()
    with qtbot.waitSignal(picker.item_selected) as selected:
        qtbot.keyClicks(picker, "mzp")
        popup = picker._completer.popup()
        assert popup.isVisible()
        assert popup.model().rowCount() == 1
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert selected.args == ["050101"]
    item = picker.current_item()
    assert item is not None and item.name == "棉帐篷"
    assert picker.text() == "棉帐篷 050101 · 12㎡ · 顶"
    assert not popup.isVisible()


def test_typing_a_code_and_leaving_selects_the_best_match(qtbot: QtBot, world: World) -> None:
    picker = ItemPicker(items=catalogue(world))
    qtbot.addWidget(picker)
    picker.show()
    qtbot.keyClicks(picker, "140201")
    picker.resolve()  # what Enter or leaving the field does
    assert picker.current_code() == "140201"
    qtbot.keyClicks(picker, "x")  # editing again drops the choice until resolved
    assert picker.current_item() is None
    picker.clear()
    assert picker.resolve() is None and picker.current_item() is None


def test_down_arrow_lists_everything(qtbot: QtBot, world: World) -> None:
    picker = ItemPicker(items=catalogue(world))
    qtbot.addWidget(picker)
    picker.show()
    qtbot.keyClick(picker, Qt.Key.Key_Down)
    popup = picker._completer.popup()
    assert popup.isVisible() and popup.model().rowCount() == 3
    qtbot.keyClick(popup, Qt.Key.Key_Escape)


def test_loads_only_active_items(qtbot: QtBot, world: World, make_ctx: MakeCtx) -> None:
    masterdata.set_item_active(world.uow, world.admin, "050104", False)
    ctx = make_ctx(world.keeper_a)
    picker = ItemPicker(ctx)
    qtbot.addWidget(picker)
    settle(ctx)
    assert [i.code for i in picker.items()] == ["050101", "140201"]
    picker.set_item("140201")
    assert picker.current_code() == "140201"


def test_row_list_model_contract(qtmodeltester: ModelTester, world: World) -> None:
    model: RowListModel[ItemRow] = RowListModel(lambda i: i.name, none_label=lambda: "（不指定）")
    model.set_rows(catalogue(world))
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    assert model.row_at(0) is None and model.row_at(1).code == "050101"  # type: ignore[union-attr]
    assert model.position_of(lambda i: i.code == "140201") == 3


def test_depot_combo_lists_depots_the_user_may_post_to(
    qtbot: QtBot, world: World, make_ctx: MakeCtx
) -> None:
    ctx = make_ctx(world.admin)
    combo = DepotCombo(ctx, Action.RECEIVE, preferred_code="B")
    qtbot.addWidget(combo)
    settle(ctx)
    assert [d.code for d in combo.depots()] == ["A", "B"]
    assert combo.current_code() == "B"
    with qtbot.waitSignal(combo.depot_changed) as changed:
        combo.set_excluded("B")
    assert changed.args == ["A"] and [d.code for d in combo.depots()] == ["A"]

    keeper = make_ctx(world.keeper_a)
    mine = DepotCombo(keeper, Action.TRANSFER, preferred_code="B")
    qtbot.addWidget(mine)
    settle(keeper)
    assert [d.code for d in mine.depots()] == ["A"]
    everyone = DepotCombo(keeper, None, all_depots=True, select_first=False)
    qtbot.addWidget(everyone)
    settle(keeper)
    assert [d.code for d in everyone.depots()] == ["A", "B"] and everyone.current_code() == ""


def test_searchable_depot_combo_filters_by_any_part(
    qtbot: QtBot, world: World, make_ctx: MakeCtx
) -> None:
    ctx = make_ctx(world.admin)
    combo = DepotCombo(ctx, None, all_depots=True, searchable=True, select_first=False)
    qtbot.addWidget(combo)
    combo.show()
    settle(ctx)
    combo.setFocus()
    qtbot.keyClicks(combo.lineEdit(), "b")  # matches "海原县库 · B"
    popup = combo.completer().popup()
    assert popup.isVisible() and popup.model().rowCount() == 1
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert combo.current_code() == "B"
    QApplication.processEvents()


def test_location_combo_has_a_not_specified_entry(qtbot: QtBot, world: World) -> None:
    combo = LocationCombo()
    qtbot.addWidget(combo)
    combo.set_locations(reference_queries.locations(world.uow, "A"))
    assert combo.count() == 2 and combo.current_code() is None
    combo.set_current_code("A-01")
    assert combo.current_code() == "A-01"
    assert combo.currentText() == "A-01 A区01"
