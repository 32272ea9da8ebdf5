"""签收 with lines (short lines need a reason) and 回收 by condition, from the orders page."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from decimal import Decimal

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from inventory_app.domain.orders import ShipLine
from inventory_app.services import ledger_queries, order_queries, shipping, stock_queries
from inventory_app.ui.dialogs.return_dialog import ReturnDialog, ReturnLinesModel
from inventory_app.ui.dialogs.sign_dialog import REASON, RECEIVED, SignDialog, SignLinesModel
from inventory_app.ui.pages.orders_page import OrdersPage
from tests.factories import World
from tests.gui.dialog_support import MakePage, all_rows, only_box, pages, settle, settle_page
from tests.gui.order_support import approve, make_order, stock_up

pytestmark = pytest.mark.usefixtures("popups_quiet")


@pytest.fixture
def make_page(qtbot: QtBot, world: World) -> Iterator[MakePage[OrdersPage]]:
    with pages(qtbot, world, OrdersPage) as make:
        yield make


def shipped_order(world: World) -> str:
    stock_up(world)
    doc_no = make_order(world, by=world.keeper_b)
    approve(world, doc_no)
    shipping.ship(
        world.uow,
        world.keeper_a,
        order_no=doc_no,
        depot="A",
        lines=[ShipLine(1, Decimal(10)), ShipLine(2, Decimal(10))],
        request_id=uuid.uuid4().hex,
    )
    return doc_no


def open_step(page: OrdersPage, qtbot: QtBot, doc_no: str, step: str) -> object:
    rows = all_rows(page.model)
    page.table.selectRow(next(i for i, r in enumerate(rows) if r.doc_no == doc_no))
    settle_page(page.ctx, qtbot)
    assert page.step_buttons[step].isEnabled()
    dialog = page.run_step(step)
    settle(page.ctx)
    return dialog


def test_sign_with_a_short_line_and_its_reason(
    qtbot: QtBot, world: World, make_page: MakePage[OrdersPage]
) -> None:
    doc_no = shipped_order(world)
    page, ctx = make_page(world.keeper_b)
    dialog = open_step(page, qtbot, doc_no, "sign")
    assert isinstance(dialog, SignDialog)
    model = dialog.model
    assert model.rowCount() == 2 and model.index(0, model.column_of(RECEIVED)).data() == "10"
    dialog.signed_by_edit.setText("马主任")
    model.setData(model.index(1, model.column_of(RECEIVED)), "8")
    # No reason yet: refused with a message, nothing posted.
    dialog.submit()
    assert "短少原因" in dialog.message_label.text() and not dialog.posted
    assert not ledger_queries.documents(world.uow, world.admin, doc_types=("RECEIPT_NOTE",))
    model.setData(model.index(1, model.column_of(REASON)), "途中受潮 2 套")
    dialog.submit()
    settle(ctx)
    text = only_box().text()
    assert "QS-" in text and "1 行短少" in text
    only_box().accept()
    settle_page(ctx, qtbot)
    assert order_queries.order_view(world.uow, world.admin, doc_no).order.state == "SIGNED"
    notes = ledger_queries.documents(world.uow, world.admin, doc_types=("RECEIPT_NOTE",))
    assert [d.doc_no for d in notes] == [dialog.posting_result.doc_no]  # type: ignore[union-attr]


def test_return_three_good_and_one_scrap(
    qtbot: QtBot, world: World, make_page: MakePage[OrdersPage]
) -> None:
    doc_no = shipped_order(world)
    page, ctx = make_page(world.keeper_b)
    dialog = open_step(page, qtbot, doc_no, "return")
    assert isinstance(dialog, ReturnDialog)
    settle(ctx)
    assert dialog.depot_combo.current_code() == "B"  # the keeper's own depot
    model = dialog.model
    assert model.index(0, model.column_of("outstanding")).data() == "10"  # tents come back
    model.setData(model.index(0, model.column_of("good")), "3")
    model.setData(model.index(0, model.column_of("scrap")), "1")
    model.setData(model.index(0, model.column_of("note")), "一顶撕裂")
    dialog.submit()
    settle(ctx)
    assert "HS-" in only_box().text()
    only_box().accept()
    settle_page(ctx, qtbot)
    stock = stock_queries.stock_by_lot(world.uow, world.admin)
    assert [(s.depot_code, s.item_code, s.on_hand) for s in stock if s.depot_code == "B"] == [
        ("B", "050101", 3)
    ]
    lines = page.detail.lines_model
    returned = lines.column_index("returned")
    assert lines.index(0, returned).data() == "4"
    assert lines.index(0, lines.column_index("outstanding")).data() == "6"


def test_return_refuses_more_than_shipped(qtbot: QtBot, world: World, make_ctx: object) -> None:
    doc_no = shipped_order(world)
    ctx = make_ctx(world.admin)  # type: ignore[operator]
    dialog = ReturnDialog(ctx, order_no=doc_no)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(ctx)
    model = dialog.model
    model.setData(model.index(0, model.column_of("good")), "11")
    dialog.submit()
    assert "超过可回收数量" in dialog.message_label.text() and not dialog.posted


def test_approve_disabled_for_whoever_created_the_order(
    qtbot: QtBot, world: World, make_page: MakePage[OrdersPage]
) -> None:
    stock_up(world)
    doc_no = make_order(world, by=world.admin)
    page, ctx = make_page(world.admin)
    rows = all_rows(page.model)
    page.table.selectRow(next(i for i, r in enumerate(rows) if r.doc_no == doc_no))
    settle_page(ctx, qtbot)
    assert not page.step_buttons["approve"].isEnabled()
    assert page.run_step("approve") is None


def test_line_models_pass_modeltester(qtmodeltester: ModelTester, world: World) -> None:
    doc_no = shipped_order(world)
    view = order_queries.order_view(world.uow, world.admin, doc_no)
    sign = SignLinesModel()
    sign.set_order_lines(view.lines)
    qtmodeltester.check(sign)
    back = ReturnLinesModel()
    back.set_order_lines(view.lines)
    qtmodeltester.check(back)
