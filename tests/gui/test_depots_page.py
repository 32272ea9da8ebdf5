"""仓库与库位 page and its dialogs: listing, create/edit/deactivate, permissions, validation."""

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
from inventory_app.services import masterdata, masterdata_queries, receipts, reference_queries
from inventory_app.services.masterdata import DepotSpec
from inventory_app.services.rows import DepotRow
from inventory_app.ui.context import AppContext
from inventory_app.ui.dialogs.depot_dialog import DepotDialog, region_choices
from inventory_app.ui.dialogs.location_dialog import LocationDialog
from inventory_app.ui.models.table_models import ROW_ROLE
from inventory_app.ui.pages.depots_page import INACTIVE, DepotsPage
from tests.factories import World
from tests.gui.dialog_support import MakeCtx

WAIT_MS = 10_000


def open_page(qtbot: QtBot, ctx: AppContext) -> DepotsPage:
    page = DepotsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()  # showing loads the depots
    settle(ctx)
    return page


def settle(ctx: AppContext) -> None:
    assert ctx.tasks.wait_all(WAIT_MS)


def depot(world: World, code: str) -> DepotRow:
    rows = reference_queries.depots(world.uow, world.admin)
    return next(row for row in rows if row.code == code)


def cell(page: DepotsPage, code: str, key: str) -> str:
    column = page.depot_model.column_index(key)
    for row in range(page.depot_model.rowCount()):
        if page.depot_model.index(row, 0).data() == code:
            return str(page.depot_model.index(row, column).data())
    raise AssertionError(code)


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def always(answer: QMessageBox.StandardButton) -> object:
    return staticmethod(lambda *_args, **_kwargs: answer)


# ---------------------------------------------------------------- listing


def test_models_pass_the_qt_model_contract(
    qtbot: QtBot, qtmodeltester: ModelTester, admin_ctx: AppContext
) -> None:
    page = open_page(qtbot, admin_ctx)
    assert page.depot_model.rowCount() == 2
    assert page.location_model.rowCount() == 1  # A-01 of the first depot, selected at once
    qtmodeltester.check(page.depot_model)
    qtmodeltester.check(page.proxy)
    qtmodeltester.check(page.location_model)


def test_depots_show_translated_type_level_coordinates_and_status(
    qtbot: QtBot, admin_ctx: AppContext
) -> None:
    page = open_page(qtbot, admin_ctx)
    assert cell(page, "A", "name") == "市级柔远库"
    assert cell(page, "A", "kind") == "应急物资储备库"
    assert cell(page, "A", "level") == "市级"
    assert cell(page, "B", "level") == "县级"
    assert cell(page, "A", "owner") == "中卫市应急管理局"
    assert cell(page, "A", "coordinates") == "37.5100, 105.1900"  # exact text, not a float
    assert cell(page, "A", "status") == "启用"
    assert cell(page, "A", "lots") == "0"
    headers = [
        page.depot_model.headerData(i, Qt.Orientation.Horizontal)
        for i in range(page.depot_model.columnCount())
    ]
    assert headers[:4] == ["编码", "名称", "类型", "级别"]
    assert page.count_label.text() == "共 2 个仓库"


def test_demo_coordinates_are_marked_and_lots_counted(
    qtbot: QtBot, world: World, make_ctx: MakeCtx
) -> None:
    masterdata.update_depot(
        world.uow,
        world.admin,
        DepotSpec(
            code="A",
            name="市级柔远库",
            level=2,
            owner_org="ZW-EMB",
            region="640500",
            lat="37.5100",
            lon="105.1900",
            demo=True,
        ),
    )
    receipts.receive(
        world.uow,
        world.admin,
        depot="A",
        request_id=str(uuid.uuid4()),
        lines=[ReceiptLine("050101", Decimal(10), batch_no="P1", location_code="A-01")],
    )
    ctx = make_ctx(world.admin)
    page = open_page(qtbot, ctx)
    assert cell(page, "A", "coordinates") == "37.5100, 105.1900 （演示）"
    assert cell(page, "A", "lots") == "1"
    page.apply_navigation("A", None)
    assert "演示坐标" in page.detail_labels["coordinates"].text()


def test_sorting_by_level_uses_the_level_not_its_label(qtbot: QtBot, admin_ctx: AppContext) -> None:
    page = open_page(qtbot, admin_ctx)
    page.depot_view.sortByColumn(
        page.depot_model.column_index("level"), Qt.SortOrder.DescendingOrder
    )
    assert page.proxy.index(0, 0).data() == "B"  # 县级 (3) after 市级 (2)
    page.depot_view.sortByColumn(
        page.depot_model.column_index("level"), Qt.SortOrder.AscendingOrder
    )
    assert page.proxy.index(0, 0).data() == "A"


def test_filter_box_narrows_the_list(qtbot: QtBot, admin_ctx: AppContext) -> None:
    page = open_page(qtbot, admin_ctx)
    page.search_edit.setText("海原")  # keyClicks types ASCII only
    assert page.proxy.rowCount() == 1
    assert page.proxy.index(0, 0).data() == "B"
    assert "筛选后显示 1 个" in page.count_label.text()


def test_navigation_selects_the_depot_and_shows_its_locations(
    qtbot: QtBot, admin_ctx: AppContext
) -> None:
    page = open_page(qtbot, admin_ctx)
    page.apply_navigation("B", None)
    settle(admin_ctx)
    assert (current := page.current_depot()) is not None and current.code == "B"
    assert [row.code for row in page.location_model.rows()] == ["B-01"]
    assert "海原县库" in page.location_title.text()


# ---------------------------------------------------------------- create / edit


def test_create_depot_through_the_dialog(qtbot: QtBot, world: World, admin_ctx: AppContext) -> None:
    page = open_page(qtbot, admin_ctx)
    click(qtbot, page.new_button)
    dialog = page.findChild(DepotDialog)
    assert dialog is not None and dialog.isVisible()
    settle(admin_ctx)  # regions and owners arrive
    qtbot.keyClicks(dialog.code_edit, "HY-XZ-09")
    dialog.name_edit.setText("李旺镇应急物资储备点")  # keyClicks types ASCII only
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("relief"))
    dialog.level_combo.setCurrentIndex(dialog.level_combo.findData(4))
    owners = [code for code, _label in dialog._owner_model.rows()]
    dialog.owner_combo.setCurrentIndex(owners.index("HY-EMB"))
    regions = [code for code, _label in dialog._region_model.rows()]
    dialog.region_combo.setCurrentIndex(regions.index("640500"))
    dialog.address_edit.setText("海原县李旺镇")  # keyClicks types ASCII only
    dialog.contact_edit.setText("张宏伟")  # keyClicks types ASCII only
    qtbot.keyClicks(dialog.phone_edit, "0955-4061242")
    qtbot.keyClicks(dialog.lat_edit, "36.7944")
    qtbot.keyClicks(dialog.lon_edit, "106.0411")
    dialog.demo_check.setChecked(True)
    with qtbot.waitSignals(
        [admin_ctx.events.master_data_changed, dialog.accepted], timeout=WAIT_MS
    ):
        click(qtbot, dialog.ok_button)
    settle(admin_ctx)

    saved = depot(world, "HY-XZ-09")
    assert (saved.name, saved.level, saved.owner_code, saved.kind) == (
        "李旺镇应急物资储备点",
        4,
        "HY-EMB",
        "relief",
    )
    assert (saved.lat, saved.lon, saved.demo, saved.active) == ("36.7944", "106.0411", True, True)
    assert (saved.contact, saved.phone, saved.region_name) == ("张宏伟", "0955-4061242", "中卫市")
    # The page reloaded and selected the new depot.
    assert page.depot_model.rowCount() == 3
    assert (current := page.current_depot()) is not None and current.code == "HY-XZ-09"


def test_edit_depot_keeps_code_and_preselects_region_and_owner(
    qtbot: QtBot, world: World, admin_ctx: AppContext
) -> None:
    page = open_page(qtbot, admin_ctx)
    page.apply_navigation("B", None)
    click(qtbot, page.edit_button)
    dialog = page.findChild(DepotDialog)
    assert dialog is not None
    settle(admin_ctx)
    assert dialog.code_edit.text() == "B" and dialog.code_edit.isReadOnly()
    assert dialog.name_edit.text() == "海原县库"
    assert dialog.owner_combo.currentText() == "海原县应急管理局"
    assert dialog.region_combo.currentText() == "中卫市"
    assert dialog.level_combo.currentData() == 3
    assert dialog.lat_edit.text() == "36.5600"
    dialog.phone_edit.setText("0955-4012345")
    dialog.lon_edit.setText("105.6512")
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        click(qtbot, dialog.ok_button)
    settle(admin_ctx)
    saved = depot(world, "B")
    assert (saved.phone, saved.lon, saved.lat) == ("0955-4012345", "105.6512", "36.5600")
    assert cell(page, "B", "phone") == "0955-4012345"


def test_invalid_coordinates_show_a_message_and_write_nothing(
    qtbot: QtBot, world: World, admin_ctx: AppContext
) -> None:
    dialog = DepotDialog(admin_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(admin_ctx)
    dialog.code_edit.setText("NEW")
    dialog.name_edit.setText("新库")
    dialog.owner_combo.setCurrentIndex(0)
    dialog.lat_edit.setText("abc")
    click(qtbot, dialog.ok_button)
    settle(admin_ctx)
    assert dialog.isVisible()
    assert not dialog.message_label.isHidden()
    assert dialog.message_label.text() == "纬度不是有效数字：“abc”。"
    assert dialog.lat_edit.text() == "abc"  # the input stays for the user to fix

    dialog.lat_edit.setText("37.5")
    dialog.lon_edit.setText("181")
    click(qtbot, dialog.ok_button)
    settle(admin_ctx)
    assert "经度超出允许范围" in dialog.message_label.text()
    assert [row.code for row in reference_queries.depots(world.uow, world.admin)] == ["A", "B"]


def test_missing_owner_and_duplicate_code_keep_the_dialog_open(
    qtbot: QtBot, world: World, admin_ctx: AppContext
) -> None:
    dialog = DepotDialog(admin_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(admin_ctx)
    dialog.code_edit.setText("A")
    dialog.name_edit.setText("重复的库")
    click(qtbot, dialog.ok_button)
    assert dialog.message_label.text() == "请选择权属单位。"
    dialog.owner_combo.setCurrentIndex(0)
    click(qtbot, dialog.ok_button)
    settle(admin_ctx)  # the service refuses the duplicate code
    assert dialog.isVisible()
    assert dialog.message_label.text() == "仓库“A”已存在。"
    assert depot(world, "A").name == "市级柔远库"


def test_region_paths_keep_equal_names_apart() -> None:
    regions = [
        ("640500", "中卫市", 2, "640000"),
        ("640000", "宁夏回族自治区", 1, None),
        ("640522", "海原县", 3, "640500"),
        ("640522101", "李旺镇", 4, "640522"),
        ("640522101201", "新村", 5, "640522101"),
        ("640522102", "西安镇", 4, "640522"),
        ("640522102201", "新村", 5, "640522102"),
    ]
    assert region_choices(regions) == [
        ("640000", "宁夏回族自治区"),
        ("640500", "中卫市"),
        ("640522", "中卫市 › 海原县"),
        ("640522101", "中卫市 › 海原县 › 李旺镇"),
        ("640522101201", "中卫市 › 海原县 › 李旺镇 › 新村"),
        ("640522102", "中卫市 › 海原县 › 西安镇"),
        ("640522102201", "中卫市 › 海原县 › 西安镇 › 新村"),
    ]


def test_depot_region_code_lookup(world: World) -> None:
    assert masterdata_queries.depot_region_code(world.uow, "A") == "640500"


# ---------------------------------------------------------------- deactivate


def test_deactivate_and_reactivate_a_depot(
    qtbot: QtBot, world: World, admin_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_page(qtbot, admin_ctx)
    page.apply_navigation("B", None)
    assert page.toggle_button.text() == "停用"

    monkeypatch.setattr(QMessageBox, "question", always(QMessageBox.StandardButton.No))
    click(qtbot, page.toggle_button)
    settle(admin_ctx)
    assert depot(world, "B").active  # the user said no

    monkeypatch.setattr(QMessageBox, "question", always(QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(admin_ctx.events.master_data_changed, timeout=WAIT_MS):
        click(qtbot, page.toggle_button)
    settle(admin_ctx)
    assert not depot(world, "B").active
    assert cell(page, "B", "status") == "停用"
    row = next(
        r for r in range(page.depot_model.rowCount()) if page.depot_model.index(r, 0).data() == "B"
    )
    assert page.depot_model.index(row, 1).data(Qt.ItemDataRole.ForegroundRole) == INACTIVE
    assert (current := page.current_depot()) is not None and current.code == "B"
    assert page.toggle_button.text() == "启用"
    assert "1 个已停用" in page.count_label.text()

    click(qtbot, page.toggle_button)
    settle(admin_ctx)
    assert depot(world, "B").active
    assert not hasattr(page, "delete_button")  # a depot is never deleted


def test_create_and_deactivate_a_location(
    qtbot: QtBot, world: World, admin_ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_page(qtbot, admin_ctx)
    page.apply_navigation("A", None)
    settle(admin_ctx)
    click(qtbot, page.new_location_button)
    dialog = page.findChild(LocationDialog)
    assert dialog is not None
    qtbot.keyClicks(dialog.code_edit, "A-02")
    dialog.name_edit.setText("A区02货架")  # keyClicks types ASCII only
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)  # Enter confirms
    settle(admin_ctx)
    locations = reference_queries.locations(world.uow, "A", include_inactive=True)
    assert [(loc.code, loc.name, loc.active) for loc in locations] == [
        ("A-01", "A区01", True),
        ("A-02", "A区02货架", True),
    ]
    assert [row.code for row in page.location_model.rows()] == ["A-01", "A-02"]
    assert (current := page.current_location()) is not None and current.code == "A-02"

    monkeypatch.setattr(QMessageBox, "question", always(QMessageBox.StandardButton.Yes))
    assert page.toggle_location_button.text() == "停用库位"
    click(qtbot, page.toggle_location_button)
    settle(admin_ctx)
    locations = reference_queries.locations(world.uow, "A", include_inactive=True)
    assert [(loc.code, loc.active) for loc in locations] == [("A-01", True), ("A-02", False)]
    assert page.location_model.index(1, 2).data() == "停用"
    assert page.toggle_location_button.text() == "启用库位"
    click(qtbot, page.toggle_location_button)
    settle(admin_ctx)
    assert all(loc.active for loc in reference_queries.locations(world.uow, "A"))


def test_duplicate_location_code_is_refused_in_the_dialog(
    qtbot: QtBot, world: World, admin_ctx: AppContext
) -> None:
    dialog = LocationDialog(admin_ctx, depot_code="A", depot_name="市级柔远库")
    qtbot.addWidget(dialog)
    dialog.show()
    click(qtbot, dialog.ok_button)
    assert dialog.message_label.text() == "请填写库位编码。"
    dialog.code_edit.setText("A-01")
    click(qtbot, dialog.ok_button)
    settle(admin_ctx)
    assert dialog.isVisible()
    assert "已存在" in dialog.message_label.text()
    assert len(reference_queries.locations(world.uow, "A", include_inactive=True)) == 1


# ---------------------------------------------------------------- permissions


@pytest.mark.parametrize("who", ["keeper", "auditor", "approver"])
def test_non_admins_see_no_edit_buttons_and_the_service_refuses(
    qtbot: QtBot, world: World, make_ctx: MakeCtx, who: str
) -> None:
    actor = {
        "keeper": world.keeper_a,
        "auditor": Actor(user_id=world.approver.user_id, username="aud", role=Role.AUDITOR),
        "approver": world.approver,
    }[who]
    ctx = make_ctx(actor)
    page = open_page(qtbot, ctx)
    for button in (
        page.new_button,
        page.edit_button,
        page.toggle_button,
        page.new_location_button,
        page.toggle_location_button,
    ):
        assert button.isHidden()
    assert page.depot_model.rowCount() >= 1  # they can still read the register
    page.depot_view.doubleClicked.emit(page.proxy.index(0, 0))
    assert page.findChild(DepotDialog) is None

    with pytest.raises(PermissionDenied):
        masterdata.create_depot(
            world.uow, actor, DepotSpec(code="X", name="越权", level=3, owner_org="HY-EMB")
        )
    with pytest.raises(PermissionDenied):
        masterdata.set_depot_active(world.uow, actor, "A", False)
    with pytest.raises(PermissionDenied):
        masterdata.add_location(world.uow, actor, depot="A", code="A-09")
    assert depot(world, "A").active


def test_keeper_sees_only_their_depots(qtbot: QtBot, world: World, make_ctx: MakeCtx) -> None:
    ctx = make_ctx(world.keeper_a)
    page = open_page(qtbot, ctx)
    assert [
        page.depot_model.index(r, 0).data(ROW_ROLE).code for r in range(page.depot_model.rowCount())
    ] == ["A"]


def test_retranslate_keeps_working(qtbot: QtBot, admin_ctx: AppContext) -> None:
    page = open_page(qtbot, admin_ctx)
    page.retranslate()
    assert page.new_button.text() == "新建仓库…"
    assert page.details_title.text() == "仓库详情"


def test_export_lists_every_depot(qtbot: QtBot, admin_ctx: AppContext, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    page = open_page(qtbot, admin_ctx)
    assert page.export_button.isVisible() and page.export_button.text() == "导出 Excel…"
    target = tmp_path / "depots.xlsx"
    with qtbot.waitSignal(page.exported, timeout=WAIT_MS) as signal:
        page.export_to(str(target))
    assert signal.args is not None and signal.args[1] == 2
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert rows[0][:2] == ("编码", "名称")
    assert sorted(row[0] for row in rows[1:]) == ["A", "B"]
