"""The allocation dialogs (request, order, ship) and the dashboard's emergency countdown."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from inventory_app.services import order_queries
from inventory_app.services.order_queries import OrderLineRow
from inventory_app.ui.dialogs.order_dialog import OrderDialog
from inventory_app.ui.dialogs.order_lines import DEPOT, ITEM, QUANTITY, OrderLinesModel
from inventory_app.ui.dialogs.request_dialog import RequestDialog
from inventory_app.ui.dialogs.ship_dialog import ShipDialog
from inventory_app.ui.dialogs.ship_lines import QTY_COLUMN, ShipLinesModel
from inventory_app.ui.models.table_models import RowsTableModel
from inventory_app.ui.pages.dashboard_emergency import OVERDUE_BG, emergency_columns
from inventory_app.ui.pages.dashboard_page import DashboardPage
from inventory_app.ui.pages.orders_columns import event_columns, line_columns, order_columns
from tests.factories import World
from tests.gui.dialog_support import MakeCtx, only_box, settle
from tests.gui.order_support import approve, make_order, phone_approve, stock_up

pytestmark = pytest.mark.usefixtures("popups_quiet")


def test_request_dialog_fills_lines_from_norms(
    qtbot: QtBot, world: World, make_ctx: MakeCtx
) -> None:
    ctx = make_ctx(world.keeper_b)
    dialog = RequestDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(ctx)
    dialog.persons_spin.setValue(30)
    dialog.norms_button.click()
    settle(ctx)
    assert dialog.norm_quantities() == [("050101", Decimal(8)), ("050104", Decimal(8))]
    dialog.unit_edit.setText("海原县应急管理局")
    dialog.submit()
    settle(ctx)
    assert "SQ-" in only_box().text()
    only_box().accept()
    settle(ctx)


def test_order_dialog_creates_and_submits(qtbot: QtBot, world: World, make_ctx: MakeCtx) -> None:
    stock_up(world)
    ctx = make_ctx(world.keeper_a)
    dialog = OrderDialog(ctx, depot_code="A")
    qtbot.addWidget(dialog)
    dialog.show()
    settle(ctx)
    model = dialog.model
    assert model.setData(model.index(0, ITEM), "050101")
    assert model.setData(model.index(0, QUANTITY), "5")
    assert model.index(0, DEPOT).data().endswith("· A")
    dialog.unit_edit.setText("海原县应急管理局")
    dialog.emergency_check.setChecked(True)
    dialog.submit()
    settle(ctx)
    assert "已保存并提交审批" in only_box().text()
    only_box().accept()
    rows = order_queries.orders(world.uow, world.admin)
    assert [(r.state, r.emergency, r.lines) for r in rows] == [("SUBMITTED", True, 1)]


def test_ship_dialog_ships_part_of_an_order(qtbot: QtBot, world: World, make_ctx: MakeCtx) -> None:
    stock_up(world)
    doc_no = make_order(world)
    approve(world, doc_no)
    ctx = make_ctx(world.keeper_a)
    dialog = ShipDialog(ctx, order_no=doc_no)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(ctx)
    assert dialog.depot_combo.currentData() == "A"
    model = dialog.model
    assert model.rowCount() == 2
    assert model.index(0, QTY_COLUMN).data() == "10"  # everything by default
    model.setData(model.index(0, QTY_COLUMN), "4")
    model.setData(model.index(1, QTY_COLUMN), "0")
    dialog.carrier_edit.setText("中卫市应急运输保障车队")
    dialog.driver_edit.setText("王师傅")
    dialog.plate_edit.setText("宁E·12345")
    dialog.submit()
    settle(ctx)
    text = only_box().text()
    assert "CK-" in text and doc_no in text
    only_box().accept()
    view = order_queries.order_view(world.uow, world.admin, doc_no)
    assert view.order.state == "PARTIALLY_SHIPPED"
    assert [(r.shipped, r.reserved) for r in view.lines] == [(4, 6), (0, 10)]
    assert len(view.slips) == 1


def test_ship_dialog_refuses_more_than_reserved(
    qtbot: QtBot, world: World, make_ctx: MakeCtx
) -> None:
    stock_up(world)
    doc_no = make_order(world)
    approve(world, doc_no)
    ctx = make_ctx(world.keeper_a)
    dialog = ShipDialog(ctx, order_no=doc_no)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(ctx)
    dialog.model.setData(dialog.model.index(0, QTY_COLUMN), "11")
    dialog.submit()
    assert "超过待出库数量" in dialog.message_label.text()
    assert not dialog.posted


def test_keeper_of_another_depot_has_nothing_to_ship(
    qtbot: QtBot, world: World, make_ctx: MakeCtx
) -> None:
    stock_up(world)
    doc_no = make_order(world)
    approve(world, doc_no)
    ctx = make_ctx(world.keeper_b)
    dialog = ShipDialog(ctx, order_no=doc_no)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(ctx)
    assert not dialog.ok_button.isEnabled()
    assert "没有待出库" in dialog.message_label.text()


def test_dashboard_counts_down_and_flags_overdue(
    qtbot: QtBot, world: World, make_ctx: MakeCtx
) -> None:
    stock_up(world)
    now = datetime.now(UTC).replace(tzinfo=None)
    fresh = make_order(world, emergency=True, tents="2", quilts="2")
    phone_approve(world, fresh, now - timedelta(hours=16, minutes=47, seconds=30))
    late = make_order(world, emergency=True, tents="2", quilts="2")
    phone_approve(world, late, now - timedelta(hours=51, minutes=10))
    ctx = make_ctx(world.admin)
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    settle(ctx)
    panel = page.emergency
    assert panel.isVisible() and panel.timer.isActive()
    model = panel.model
    column = model.column_index("countdown")
    texts = {model.index(r, 0).data(): model.index(r, column).data() for r in range(2)}
    assert texts[fresh] in ("剩余 31 小时 12 分", "剩余 31 小时 11 分")
    assert texts[late] == "已超时 3 小时"
    late_row = next(r for r in range(2) if model.index(r, 0).data() == late)
    assert model.index(late_row, column).data(Qt.ItemDataRole.BackgroundRole) == OVERDUE_BG
    opened: list[str] = []
    page.open_order_requested.connect(opened.append)
    panel.view.activated.emit(model.index(late_row, 0))  # a double-click activates
    assert opened == [late]


def test_dashboard_hides_the_panel_without_emergencies(
    qtbot: QtBot, world: World, make_ctx: MakeCtx
) -> None:
    ctx = make_ctx(world.admin)
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    settle(ctx)
    assert not page.emergency.isVisible()


def test_models_pass_modeltester(qtmodeltester: ModelTester, world: World) -> None:
    stock_up(world)
    doc_no = make_order(world, emergency=True)
    phone_approve(world, doc_no)
    view = order_queries.order_view(world.uow, world.admin, doc_no)
    for columns, rows in (
        (order_columns(), [view.order]),
        (line_columns(), view.lines),
        (event_columns(), view.events),
        (emergency_columns(), [view.order]),
    ):
        model: RowsTableModel = RowsTableModel(columns)  # type: ignore[type-arg]
        model.set_rows(rows)
        qtmodeltester.check(model)
    ship = ShipLinesModel()
    ship.set_lines([OrderLineRow(1, "050101", "棉帐篷", "", "顶", "A", "库", *[Decimal(1)] * 3)])
    qtmodeltester.check(ship)
    lines = OrderLinesModel()
    lines.setData(lines.index(0, QUANTITY), "3")
    qtmodeltester.check(lines)
