"""The 调拨指令 page: orders listed, one shown with lines and history, steps by permission."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from inventory_app.domain.model import DocState
from inventory_app.services import order_queries
from inventory_app.ui.dialogs.order_step_dialog import OrderStepDialog
from inventory_app.ui.pages.orders_page import OrdersPage
from tests.factories import World
from tests.gui.dialog_support import MakePage, all_rows, only_box, pages, settle, settle_page
from tests.gui.order_support import approve, make_order, stock_up

pytestmark = pytest.mark.usefixtures("popups_quiet")


@pytest.fixture
def make_page(qtbot: QtBot, world: World) -> Iterator[MakePage[OrdersPage]]:
    with pages(qtbot, world, OrdersPage) as make:
        yield make


def select(page: OrdersPage, doc_no: str) -> None:
    rows = all_rows(page.model)
    page.table.selectRow(next(i for i, r in enumerate(rows) if r.doc_no == doc_no))


def test_page_lists_orders_and_shows_lines_and_history(
    qtbot: QtBot, world: World, make_page: MakePage[OrdersPage]
) -> None:
    stock_up(world)
    doc_no = make_order(world)
    approve(world, doc_no)
    page, ctx = make_page()
    assert [r.doc_no for r in all_rows(page.model)] == [doc_no]
    assert page.model.index(0, page.model.column_index("state")).data() == "已批准"
    select(page, doc_no)
    settle_page(ctx, qtbot)
    detail = page.detail
    assert detail.view is not None and detail.view.order.doc_no == doc_no
    lines = all_rows(detail.lines_model)
    assert [(r.item_code, r.quantity, r.reserved) for r in lines] == [
        ("050101", 10, 10),
        ("050104", 10, 10),
    ]
    steps = [detail.events_model.index(i, 1).data() for i in range(detail.events_model.rowCount())]
    assert steps == ["草稿", "草稿 → 已提交", "已提交 → 已批准"]
    assert detail.events_model.index(2, 2).data() in (world.approver.display_name, "appr")
    assert detail.values["receiving_unit"].text() == "海原县应急管理局"
    # The state filter: completed orders only → none.
    page.state_combo.setCurrentIndex(page.state_combo.findData(str(DocState.COMPLETED)))
    settle_page(ctx, qtbot)
    assert page.model.rowCount() == 0


def test_approver_approves_from_the_page(
    qtbot: QtBot, world: World, make_page: MakePage[OrdersPage]
) -> None:
    stock_up(world)
    doc_no = make_order(world, by=world.keeper_a)
    page, ctx = make_page(world.approver)
    select(page, doc_no)
    settle_page(ctx, qtbot)
    button = page.step_buttons["approve"]
    assert button.isEnabled() and not page.step_buttons["submit"].isEnabled()
    dialog = page.run_step("approve")
    assert isinstance(dialog, OrderStepDialog)
    dialog.submit()
    settle(ctx)
    assert "已批准" in only_box().text()
    only_box().accept()
    settle_page(ctx, qtbot)
    assert order_queries.order_view(world.uow, world.admin, doc_no).order.state == "APPROVED"
    assert page.detail.view is not None and page.detail.view.order.state == "APPROVED"


def test_keeper_cannot_approve(qtbot: QtBot, world: World, make_page: MakePage[OrdersPage]) -> None:
    stock_up(world)
    doc_no = make_order(world)
    page, ctx = make_page(world.keeper_a)
    select(page, doc_no)
    settle_page(ctx, qtbot)
    assert not page.step_buttons["approve"].isEnabled()
    assert not page.step_buttons["reject"].isEnabled()
    assert page.step_buttons["cancel"].isEnabled()  # keepers may cancel (ORDER)
    assert page.run_step("approve") is None


def test_reject_needs_a_reason(qtbot: QtBot, world: World, make_page: MakePage[OrdersPage]) -> None:
    stock_up(world)
    doc_no = make_order(world)
    page, ctx = make_page(world.approver)
    select(page, doc_no)
    settle_page(ctx, qtbot)
    dialog = page.run_step("reject")
    assert isinstance(dialog, OrderStepDialog)
    dialog.submit()
    assert "原因" in dialog.message_label.text() and not dialog.posted
    dialog.inputs["reason"].setText("数量过多")  # type: ignore[attr-defined]
    dialog.submit()
    settle(ctx)
    only_box().accept()
    settle_page(ctx, qtbot)
    assert order_queries.order_view(world.uow, world.admin, doc_no).order.state == "REJECTED"
