"""物资目录 page and the item dialog: listing, pinyin search, create/edit/deactivate, validation."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from inventory_app.domain.errors import PermissionDenied
from inventory_app.domain.model import ReceiptLine, Role
from inventory_app.domain.permissions import Actor
from inventory_app.domain.shelf_life import ShelfLife
from inventory_app.services import masterdata, receipts, reference_queries
from inventory_app.services.masterdata import ItemSpec
from inventory_app.services.rows import ItemRow
from inventory_app.ui.context import AppContext
from inventory_app.ui.dialogs.item_dialog import ItemDialog, shelf_life_text
from inventory_app.ui.pages.catalogue_page import INACTIVE, CataloguePage
from tests.factories import World
from tests.gui.dialog_support import MakeCtx

WAIT_MS = 10_000


def settle(ctx: AppContext) -> None:
    assert ctx.tasks.wait_all(WAIT_MS)


def open_page(qtbot: QtBot, ctx: AppContext) -> CataloguePage:
    page = CataloguePage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()  # showing loads the catalogue
    settle(ctx)
    return page


def item(world: World, code: str) -> ItemRow:
    return next(row for row in reference_queries.items(world.uow) if row.code == code)


def shown(page: CataloguePage, key: str) -> list[str]:
    column = page.item_model.column_index(key)
    return [
        str(page.item_model.index(row, column).data()) for row in range(page.item_model.rowCount())
    ]


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def select_item(page: CataloguePage, code: str) -> None:
    codes = [row.code for row in page.item_model.rows()]
    page.item_view.selectRow(codes.index(code))


def new_item_dialog(qtbot: QtBot, ctx: AppContext) -> ItemDialog:
    dialog = ItemDialog(ctx, category_code="05")
    qtbot.addWidget(dialog)
    dialog.show()
    settle(ctx)
    qtbot.keyClicks(dialog.code_edit, "050199")
    dialog.name_edit.setText("折叠床")  # keyClicks types ASCII only
    dialog.unit_combo.setCurrentText("个")
    return dialog


# ---------------------------------------------------------------- listing


def test_models_pass_the_qt_model_contract(
    qtbot: QtBot, qtmodeltester: ModelTester, admin_ctx: AppContext
) -> None:
    page = open_page(qtbot, admin_ctx)
    assert page.category_model.rowCount() == 3  # 全部物资 + 05 + 14
    assert page.item_model.rowCount() == 3
    qtmodeltester.check(page.category_model)
    qtmodeltester.check(page.item_model)


def test_categories_with_counts_and_items_with_their_facts(
    qtbot: QtBot, admin_ctx: AppContext
) -> None:
    page = open_page(qtbot, admin_ctx)
    categories = [
        (
            page.category_model.index(r, 0).data(),
            page.category_model.index(r, 1).data(),
            page.category_model.index(r, 2).data(),
        )
        for r in range(page.category_model.rowCount())
    ]
    assert categories == [("", "全部物资", "3"), ("05", "临时食宿类", "2"), ("14", "粮油", "1")]
    assert shown(page, "code") == ["050101", "050104", "140201"]
    assert shown(page, "unit") == ["顶", "套", "吨"]
    # 小数位 is a technical setting: the item dialog has it, the table does not.
    with pytest.raises(ValueError):
        page.item_model.column_index("decimals")
    assert shown(page, "ref_price") == ["¥1,650.00", "¥135.00", "¥3,600.00"]
    assert shown(page, "shelf_life") == ["8 年", "5 年", "1 年"]
    assert shown(page, "persons_per_unit") == ["4", "", ""]
    assert shown(page, "norm_per_tent") == ["", "1", ""]
    assert shown(page, "reserve_modes") == ["实物", "实物", "实物"]
    assert shown(page, "status") == ["启用", "启用", "启用"]
    price = page.item_model.column_index("ref_price")
    assert page.item_model.index(0, price).data(Qt.ItemDataRole.TextAlignmentRole) == (
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )
    assert page.count_label.text() == "共 3 种物资"


def test_shelf_life_reads_as_entered() -> None:
    assert shelf_life_text(ShelfLife(months=96)) == "8 年"
    assert shelf_life_text(ShelfLife(months=18)) == "18 个月"
    assert shelf_life_text(ShelfLife(days=90)) == "90 天"
    assert shelf_life_text(None) == ""


def test_shelf_life_sorts_by_days(qtbot: QtBot, admin_ctx: AppContext) -> None:
    page = open_page(qtbot, admin_ctx)
    page.item_view.sortByColumn(
        page.item_model.column_index("shelf_life"), Qt.SortOrder.AscendingOrder
    )
    assert shown(page, "shelf_life") == ["1 年", "5 年", "8 年"]


def test_pinyin_initials_find_the_cotton_tent(qtbot: QtBot, admin_ctx: AppContext) -> None:
    page = open_page(qtbot, admin_ctx)
    qtbot.keyClicks(page.search_edit, "mzp")
    qtbot.waitUntil(
        lambda: [row.name for row in page.item_model.rows()] == ["棉帐篷"], timeout=WAIT_MS
    )
    assert "找到 1 种物资" in page.count_label.text()
    page.search_edit.clear()
    qtbot.waitUntil(lambda: page.item_model.rowCount() == 3, timeout=WAIT_MS)


def test_navigation_selects_a_category(qtbot: QtBot, admin_ctx: AppContext) -> None:
    page = open_page(qtbot, admin_ctx)
    page.apply_navigation(None, "14")
    settle(admin_ctx)
    assert (current := page.current_category()) is not None and current.code == "14"
    assert shown(page, "name") == ["面粉"]
    assert page.count_label.text() == "粮油：共 1 种物资"
    page.apply_navigation(None, None)
    settle(admin_ctx)
    assert page.item_model.rowCount() == 3


# ---------------------------------------------------------------- create / edit


def test_create_item_through_the_dialog(qtbot: QtBot, world: World, admin_ctx: AppContext) -> None:
    page = open_page(qtbot, admin_ctx)
    page.apply_navigation(None, "14")
    settle(admin_ctx)
    click(qtbot, page.new_button)
    dialog = page.findChild(ItemDialog)
    assert dialog is not None
    settle(admin_ctx)
    assert dialog.category_combo.currentText() == "14 粮油"  # preset from the page
    qtbot.keyClicks(dialog.code_edit, "140301")
    dialog.name_edit.setText("大米")  # keyClicks types ASCII only
    qtbot.keyClicks(dialog.name_en_edit, "Rice")
    dialog.spec_edit.setText("一级 25kg/袋")
    dialog.unit_combo.setCurrentText("吨")
    assert dialog.decimals_spin.value() == 3  # suggested for goods weighed in tonnes
    qtbot.keyClicks(dialog.gb_code_edit, "4010201")
    qtbot.keyClicks(dialog.price_edit, "4,200.50")
    dialog.shelf_life_edit.amount.setValue(2)  # 年 is the default unit
    dialog.mode_checks["agreement"].setChecked(True)
    with qtbot.waitSignals(
        [admin_ctx.events.master_data_changed, dialog.accepted], timeout=WAIT_MS
    ):
        click(qtbot, dialog.ok_button)
    settle(admin_ctx)

    saved = item(world, "140301")
    assert (saved.name, saved.name_en, saved.category_code, saved.unit, saved.decimals) == (
        "大米",
        "Rice",
        "14",
        "吨",
        3,
    )
    assert (saved.gb_code, saved.ref_price, saved.shelf_life_months, saved.shelf_life_days) == (
        "4010201",
        Decimal("4200.50"),
        24,
        None,
    )
    assert saved.reserve_modes == "physical,agreement"
    assert shown(page, "name") == ["面粉", "大米"]
    assert (current := page.current_item()) is not None and current.code == "140301"
    assert shown(page, "shelf_life")[1] == "2 年"


def test_unit_suggests_decimals(qtbot: QtBot, admin_ctx: AppContext) -> None:
    dialog = new_item_dialog(qtbot, admin_ctx)
    for unit, decimals in (("吨", 3), ("顶", 0), ("千克", 3), ("升", 3), ("件", 0)):
        dialog.unit_combo.setCurrentText(unit)
        assert dialog.decimals_spin.value() == decimals, unit


def test_edit_item_changes_price_and_norms(
    qtbot: QtBot, world: World, admin_ctx: AppContext
) -> None:
    page = open_page(qtbot, admin_ctx)
    select_item(page, "050101")
    click(qtbot, page.edit_button)
    dialog = page.findChild(ItemDialog)
    assert dialog is not None
    settle(admin_ctx)
    assert dialog.code_edit.isReadOnly() and dialog.code_edit.text() == "050101"
    assert dialog.price_edit.text() == "1650.00"
    assert dialog.persons_edit.text() == "4"
    assert dialog.shelf_life_edit.amount.value() == 8
    assert dialog.shelf_life_edit.unit.currentText() == "年"
    assert dialog.category_combo.currentText() == "05 临时食宿类"
    dialog.price_edit.setText("1700")
    dialog.norm_person_edit.setText("0.25")
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        click(qtbot, dialog.ok_button)
    settle(admin_ctx)
    saved = item(world, "050101")
    assert (saved.ref_price, saved.norm_per_person, saved.unit) == (
        Decimal("1700.00"),
        Decimal("0.25"),
        "顶",
    )
    assert shown(page, "ref_price")[0] == "¥1,700.00"


def test_changing_the_unit_of_a_used_item_is_explained(
    qtbot: QtBot, world: World, admin_ctx: AppContext
) -> None:
    receipts.receive(
        world.uow,
        world.admin,
        depot="A",
        request_id=str(uuid.uuid4()),
        lines=[ReceiptLine("050101", Decimal(5), batch_no="P1", location_code="A-01")],
    )
    before = item(world, "050101")
    dialog = ItemDialog(admin_ctx, item=before)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(admin_ctx)
    dialog.unit_combo.setCurrentText("件")
    dialog.price_edit.setText("1800.00")
    click(qtbot, dialog.ok_button)
    settle(admin_ctx)
    assert dialog.isVisible()
    assert "计量单位和小数位数不能再修改" in dialog.message_label.text()
    assert item(world, "050101") == before  # nothing written, not even the price


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("gb_code_edit", "12", "国标编码应为 7 位数字：“12”。"),
        ("price_edit", "1.234", "参考单价：金额“1.234”无效（最多两位小数，不能为负）。"),
        ("price_edit", "-5", "参考单价：金额“-5”无效（最多两位小数，不能为负）。"),
        ("norm_person_edit", "abc", "人均定额：数量“abc”不是有效数字。"),
        ("persons_edit", "0.0001", "每件可安置人数：数量“0.0001”小数位数超过该物资允许的 3 位。"),
    ],
)
def test_invalid_input_shows_the_message_and_writes_nothing(
    qtbot: QtBot, world: World, admin_ctx: AppContext, field: str, value: str, message: str
) -> None:
    dialog = new_item_dialog(qtbot, admin_ctx)
    edit = getattr(dialog, field)
    qtbot.keyClicks(edit, value)
    click(qtbot, dialog.ok_button)
    settle(admin_ctx)
    assert dialog.isVisible()
    assert not dialog.message_label.isHidden()
    assert dialog.message_label.text() == message
    assert edit.text() == value  # kept for the user to fix
    assert [row.code for row in reference_queries.items(world.uow)] == [
        "050101",
        "050104",
        "140201",
    ]


def test_required_fields_and_reserve_mode(
    qtbot: QtBot, world: World, admin_ctx: AppContext
) -> None:
    dialog = ItemDialog(admin_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(admin_ctx)
    click(qtbot, dialog.ok_button)
    assert dialog.message_label.text() == "请填写物资编码。"
    dialog.code_edit.setText("059999")
    dialog.name_edit.setText("睡袋")
    click(qtbot, dialog.ok_button)
    assert dialog.message_label.text() == "请选择类别。"
    dialog.category_combo.setCurrentIndex(0)
    click(qtbot, dialog.ok_button)
    assert dialog.message_label.text() == "请填写计量单位。"
    dialog.unit_combo.setCurrentText("个")
    dialog.mode_checks["physical"].setChecked(False)
    click(qtbot, dialog.ok_button)
    assert dialog.message_label.text() == "请至少选择一种储备方式。"
    settle(admin_ctx)
    assert len(reference_queries.items(world.uow)) == 3


def test_duplicate_code_is_refused_in_the_dialog(
    qtbot: QtBot, world: World, admin_ctx: AppContext
) -> None:
    dialog = new_item_dialog(qtbot, admin_ctx)
    dialog.code_edit.setText("050104")
    click(qtbot, dialog.ok_button)
    settle(admin_ctx)
    assert dialog.isVisible()
    assert dialog.message_label.text() == "物资“050104”已存在。"
    assert item(world, "050104").name == "棉被"


# ---------------------------------------------------------------- deactivate


def test_deactivate_and_reactivate_an_item(
    qtbot: QtBot, world: World, admin_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_page(qtbot, admin_ctx)
    select_item(page, "050104")
    assert page.toggle_button.text() == "停用"
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    )
    with qtbot.waitSignal(admin_ctx.events.master_data_changed, timeout=WAIT_MS):
        click(qtbot, page.toggle_button)
    settle(admin_ctx)
    assert not item(world, "050104").active
    assert shown(page, "status")[1] == "停用"
    assert page.item_model.index(1, 1).data(Qt.ItemDataRole.ForegroundRole) == INACTIVE
    assert (current := page.current_item()) is not None and current.code == "050104"
    assert page.toggle_button.text() == "启用"
    assert "1 种已停用" in page.count_label.text()
    click(qtbot, page.toggle_button)  # re-enabling asks nothing
    settle(admin_ctx)
    assert item(world, "050104").active


# ---------------------------------------------------------------- permissions


@pytest.mark.parametrize("role", [Role.KEEPER, Role.AUDITOR, Role.APPROVER])
def test_readers_see_no_edit_buttons_and_the_service_refuses(
    qtbot: QtBot, world: World, make_ctx: MakeCtx, role: Role
) -> None:
    actor = (
        world.keeper_a
        if role == Role.KEEPER
        else Actor(user_id=world.approver.user_id, username="reader", role=role)
    )
    ctx = make_ctx(actor)
    page = open_page(qtbot, ctx)
    for button in (page.new_button, page.edit_button, page.toggle_button):
        assert button.isHidden()
    assert page.item_model.rowCount() == 3  # the catalogue is readable by all
    page.item_view.doubleClicked.emit(page.item_model.index(0, 0))
    assert page.findChild(ItemDialog) is None

    with pytest.raises(PermissionDenied):
        masterdata.create_item(
            world.uow, actor, ItemSpec(code="059998", name="越权", category="05", unit="个")
        )
    with pytest.raises(PermissionDenied):
        masterdata.set_item_active(world.uow, actor, "050101", False)
    assert item(world, "050101").active


def test_planner_may_edit_the_catalogue(qtbot: QtBot, world: World, make_ctx: MakeCtx) -> None:
    planner = Actor(user_id=world.admin.user_id, username="planner", role=Role.PLANNER)
    page = open_page(qtbot, make_ctx(planner))
    assert not page.new_button.isHidden()
    assert not page.toggle_button.isHidden()


def test_export_lists_the_items_shown(qtbot: QtBot, admin_ctx: AppContext, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    page = open_page(qtbot, admin_ctx)
    target = tmp_path / "items.xlsx"
    with qtbot.waitSignal(page.exported, timeout=WAIT_MS) as signal:
        page.export_to(str(target))
    assert signal.args is not None and signal.args[1] == 3
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert {row[1] for row in rows[1:]} == {"棉帐篷", "棉被", "面粉"}
