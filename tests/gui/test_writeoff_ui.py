"""Write-offs in the GUI: request from the stock page, decide on 首页; sent transfers in transit."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from inventory_app.domain.model import OutLine
from inventory_app.services import (
    inbox_queries,
    ledger_queries,
    stock_queries,
    transfers,
    writeoffs,
)
from inventory_app.services.stock_queries import StockFilter
from inventory_app.ui.dialogs.writeoff_decide_dialog import WriteoffDecideDialog
from inventory_app.ui.dialogs.writeoff_dialog import WriteoffDialog
from inventory_app.ui.pages.dashboard_page import DashboardPage
from inventory_app.ui.pages.dashboard_work_columns import AMBER_BG
from inventory_app.ui.pages.stock_page import StockPage
from tests.factories import World
from tests.gui.dialog_support import (
    MakePage,
    all_rows,
    close_message_boxes,
    only_box,
    pages,
    receive,
    settle,
    settle_page,
)

TODAY = date.today()


@pytest.fixture
def stocked(world: World) -> World:
    """Depot A: an expired lot of tents and some flour."""
    receive(world, "A", "050101", "10", batch="OLD-TENT", expiry=TODAY - timedelta(days=5))
    receive(world, "A", "140201", "2", batch="FLOUR", expiry=TODAY + timedelta(days=300))
    return world


@pytest.fixture
def stock_pages(qtbot: QtBot, stocked: World) -> Iterator[MakePage[StockPage]]:
    with pages(qtbot, stocked, StockPage) as make:
        yield make


@pytest.fixture
def home_pages(qtbot: QtBot, stocked: World) -> Iterator[MakePage[DashboardPage]]:
    with pages(qtbot, stocked, DashboardPage) as make:
        yield make


def _request(world: World, qty: str = "4") -> str:
    """Keeper A asks to write off part of the expired tents; returns the document number."""
    lot = ledger_lot(world, "OLD-TENT")
    result = writeoffs.request_scrap(
        world.uow,
        world.keeper_a,
        depot="A",
        lines=[OutLine("050101", Decimal(qty), lot)],
        reason="超过有效期",
        request_id=uuid.uuid4().hex,
    )
    return result.doc_no


def ledger_lot(world: World, batch: str) -> int:
    rows = stock_queries.stock_by_lot(world.uow, world.admin, StockFilter())
    return next(r.lot_id for r in rows if r.batch_no == batch)


def test_keeper_requests_a_write_off_from_the_stock_page(
    stock_pages: MakePage[StockPage], stocked: World, qtbot: QtBot
) -> None:
    page, ctx = stock_pages(stocked.keeper_a)
    button = page.writeoff_button
    assert button.isVisible() and not button.isEnabled()  # nothing selected yet
    rows = all_rows(page.lot_model)
    expired = next(i for i, r in enumerate(rows) if r.batch_no == "OLD-TENT")
    table = page.tables[page.view]
    table.setCurrentIndex(page.lot_model.index(expired, 0))
    assert button.isEnabled()
    button.click()
    dialog = button.dialog
    assert isinstance(dialog, WriteoffDialog)
    assert dialog.reason() == "超过有效期"  # an expired lot suggests the usual reason
    dialog.quantity_edit.setText("11")
    dialog.submit()
    assert "超过该批次可用数量" in dialog.message_label.text()
    dialog.quantity_edit.setText("4")
    dialog.submit()
    settle(ctx)
    assert dialog.posted
    close_message_boxes()

    pending = ledger_queries.documents(
        stocked.uow, stocked.admin, states=("PENDING_APPROVAL",), doc_types=("SCRAP",)
    )
    assert len(pending) == 1
    settle_page(ctx, qtbot)  # the page reloads after the posting
    lot = next(r for r in all_rows(page.lot_model) if r.batch_no == "OLD-TENT")
    assert (lot.reserved, lot.available) == (Decimal(4), Decimal(6))


def test_approver_home_lists_the_write_off_and_approving_posts_it(
    home_pages: MakePage[DashboardPage], stocked: World, qtbot: QtBot
) -> None:
    doc_no = _request(stocked)
    page, ctx = home_pages(stocked.approver)
    panel = page.work.pending
    assert panel.isVisible()
    assert [r.doc_no for r in all_rows(panel.model)] == [doc_no]
    assert page.work.transit.isHidden() and page.work.scraps.isHidden()

    panel.view.setCurrentIndex(panel.model.index(0, 0))
    page.work.open_current()
    dialog = page.work.decide_dialog
    assert isinstance(dialog, WriteoffDecideDialog)
    dialog.reject_button.click()  # rejecting needs a reason
    assert dialog.message.text() == "驳回须填写理由"
    dialog.approve_button.click()
    settle(ctx)
    assert dialog.result() == WriteoffDecideDialog.DialogCode.Accepted
    doc = ledger_queries.documents(stocked.uow, stocked.admin, doc_no=doc_no)[0]
    assert doc.state == "POSTED"
    settle_page(ctx, qtbot)
    assert panel.model.rowCount() == 0
    assert panel.empty.isVisible()


def test_own_write_off_is_refused_with_a_message(
    home_pages: MakePage[DashboardPage], stocked: World
) -> None:
    # The admin may approve others' write-offs, not their own (四眼原则): it is said so.
    lot = ledger_lot(stocked, "FLOUR")
    own = writeoffs.request_scrap(
        stocked.uow,
        stocked.admin,
        depot="A",
        lines=[OutLine("140201", Decimal("0.5"), lot)],
        reason="破损",
        request_id=uuid.uuid4().hex,
    )
    page, ctx = home_pages()
    rows = all_rows(page.work.pending.model)
    mine = next(r for r in rows if r.doc_no == own.doc_no)
    page.work.open_row(mine)
    dialog = page.work.decide_dialog
    assert dialog is not None
    dialog.approve_button.click()
    settle(ctx)
    assert only_box().text()  # the domain error is shown, not swallowed
    close_message_boxes()
    assert dialog.isVisible()


def test_keeper_sees_own_requests_and_sent_transfers_in_transit(
    home_pages: MakePage[DashboardPage], stocked: World, qtmodeltester: ModelTester
) -> None:
    doc_no = _request(stocked)
    transfers.transfer_send(
        stocked.uow,
        stocked.keeper_a,
        from_depot="A",
        to_depot="B",
        lines=[OutLine("140201", Decimal("0.5"))],
        request_id=uuid.uuid4().hex,
        doc_date=TODAY - timedelta(days=3),
    )
    page, _ctx = home_pages(stocked.keeper_a)
    work = page.work
    assert work.pending.isHidden()  # keepers do not approve
    assert [r.doc_no for r in all_rows(work.scraps.model)] == [doc_no]
    model = work.transit.model
    assert model.rowCount() == 1
    age = model.index(0, model.column_index("age"))
    assert model.data(age) == "在途 3 天"
    assert model.data(age, Qt.ItemDataRole.BackgroundRole) == AMBER_BG
    for panel in (work.pending, work.transit, work.scraps):
        qtmodeltester.check(panel.model)

    # The receiving keeper does not see it as sent by them.
    assert inbox_queries.sent_in_transit(stocked.uow, stocked.keeper_b) == []
