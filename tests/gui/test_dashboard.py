"""The home page and its read service: expiring lots, transfers waiting, retry when offline."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from inventory_app.domain.errors import DatabaseUnavailable
from inventory_app.domain.model import OutLine, ReceiptLine
from inventory_app.domain.permissions import Actor
from inventory_app.persistence.uow import UnitOfWork
from inventory_app.services import dashboard_queries, receipts, settings, transfers
from inventory_app.services.dashboard_queries import DashboardData
from inventory_app.ui import errors
from inventory_app.ui.context import AppContext, DataEvents
from inventory_app.ui.pages.dashboard_page import (
    EXPIRED_BG,
    NEAR_BG,
    DashboardPage,
)
from inventory_app.ui.tasks import TaskRunner
from tests.factories import World


def _rid() -> str:
    return str(uuid.uuid4())


def _receive(world: World, depot: str, item: str, qty: str, expiry: date | None) -> None:
    receipts.receive(
        world.uow,
        world.admin,
        depot=depot,
        request_id=_rid(),
        lines=[
            ReceiptLine(
                item_code=item,
                quantity=Decimal(qty),
                expiry_date=expiry,
                batch_no=f"B-{item}-{qty}",
            )
        ],
    )


@pytest.fixture
def stocked(world: World) -> World:
    """Depot A: one expired lot, one expiring in 30 days, one far away; one transfer A→B."""
    today = date.today()
    _receive(world, "A", "050101", "10", today - timedelta(days=5))
    _receive(world, "A", "050104", "20", today + timedelta(days=30))
    _receive(world, "A", "140201", "1.250", today + timedelta(days=400))
    transfers.transfer_send(
        world.uow,
        world.admin,
        from_depot="A",
        to_depot="B",
        lines=[OutLine(item_code="140201", quantity=Decimal("0.5"))],
        request_id=_rid(),
    )
    return world


def make_ctx(world: World, actor: Actor) -> AppContext:
    return AppContext(world.uow, actor, TaskRunner(), DataEvents(), "test.sqlite3")


@pytest.fixture
def page(qtbot: QtBot, stocked: World) -> Iterator[DashboardPage]:
    ctx = make_ctx(stocked, stocked.admin)
    widget = DashboardPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 650)
    widget.show()
    ctx.tasks.wait_all(10000)
    yield widget
    ctx.tasks.wait_all(10000)


# -- service ---------------------------------------------------------------------------


def test_transfers_wait_for_the_destination_only(stocked: World) -> None:
    to_b = dashboard_queries.transfers_awaiting_receipt(stocked.uow, stocked.keeper_b)
    assert [d.other_depot_code for d in to_b] == ["B"]
    # keeper A sent it: it is not waiting for them
    assert dashboard_queries.transfers_awaiting_receipt(stocked.uow, stocked.keeper_a) == []
    assert len(dashboard_queries.transfers_awaiting_receipt(stocked.uow, stocked.admin)) == 1


def test_dashboard_counts_expired_and_near(stocked: World) -> None:
    data = dashboard_queries.dashboard(stocked.uow, stocked.admin)
    assert data.expired_count == 1
    assert data.near_count == 1
    assert [lot.item_code for lot in data.expiring_lots] == ["050101", "050104"]
    assert data.depots == 2
    assert {row.category_code for row in data.categories} == {"05", "14"}
    assert len(data.recent) == 4  # three receipts and the transfer's outgoing line
    assert data.near_expiry_days == 90


def test_a_category_of_tents_and_quilts_is_counted_per_unit(
    stocked: World, page: DashboardPage
) -> None:
    """10 顶 of tents and 20 套 of quilts are never "30 件"."""
    model = page.categories.model
    rows = [model.row_at(model.index(i, 0)) for i in range(model.rowCount())]
    shelter = next(i for i, r in enumerate(rows) if r.category_code == "05")
    column = model.column_index("on_hand")
    assert model.index(shelter, column).data() == "20 套 / 10 顶"
    assert model.index(shelter, column).data(Qt.ItemDataRole.ToolTipRole) == "20 套 / 10 顶"
    assert rows[shelter].unit == "" and rows[shelter].mixed
    grain = next(i for i, r in enumerate(rows) if r.category_code == "14")
    assert model.index(grain, column).data() == "0.75 吨"


def test_near_expiry_threshold_is_the_editable_setting(stocked: World) -> None:
    settings.set_settings(stocked.uow, stocked.admin, {"near_expiry_days": 10})
    data = dashboard_queries.dashboard(stocked.uow, stocked.admin)
    assert data.near_expiry_days == 10
    assert (data.expired_count, data.near_count) == (1, 0)


def test_keeper_sees_only_their_depots(stocked: World) -> None:
    data = dashboard_queries.dashboard(stocked.uow, stocked.keeper_b)
    assert data.depots == 1
    assert data.expiring_lots == ()
    assert len(data.awaiting_receipt) == 1


# -- page ------------------------------------------------------------------------------


def test_page_shows_expiring_lots_in_colour(page: DashboardPage) -> None:
    model = page.expiring.model
    assert model.rowCount() == 2
    status = model.column_index("status")
    expired, near = model.index(0, status), model.index(1, status)
    assert model.data(expired, Qt.ItemDataRole.BackgroundRole) == EXPIRED_BG
    assert model.data(near, Qt.ItemDataRole.BackgroundRole) == NEAR_BG
    assert model.data(expired) == "已过期 5 天"
    assert model.data(near) == "还剩 30 天"
    quantity = model.index(0, model.column_index("quantity"))
    assert model.data(quantity) == "10 顶"
    assert model.data(quantity, Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert page.kpi_expired.value.text() == "1"
    assert page.kpi_transit.value.text() == "1"


def test_page_tables_pass_modeltester(page: DashboardPage, qtmodeltester: ModelTester) -> None:
    for card in (page.categories, page.expiring, page.waiting, page.recent):
        assert card.model.rowCount() > 0
        qtmodeltester.check(card.model)


def test_recent_movements_are_signed_with_units(page: DashboardPage) -> None:
    model = page.recent.model
    texts = [
        model.data(model.index(r, model.column_index("delta"))) for r in range(model.rowCount())
    ]
    assert texts[0] == "-0.5 吨"  # newest first: the transfer out
    assert "+10 顶" in texts
    kinds = {
        model.data(model.index(r, model.column_index("kind"))) for r in range(model.rowCount())
    }
    assert kinds == {"入库", "调出"}


def test_double_click_on_waiting_transfer_asks_to_receive(
    page: DashboardPage, qtbot: QtBot
) -> None:
    view = page.waiting.view
    index = page.waiting.model.index(0, 0)
    with qtbot.waitSignal(page.receive_transfer_requested) as signal:
        view.activated.emit(index)  # what a double-click (or Enter) emits
    assert signal.args[0].startswith("DB-A-")


def test_stock_change_refreshes_the_page(page: DashboardPage, stocked: World) -> None:
    _receive(stocked, "B", "050101", "3", date.today() - timedelta(days=1))
    page.ctx.events.stock_changed.emit()
    page.ctx.tasks.wait_all(10000)
    assert page.kpi_expired.value.text() == "2"


def test_unavailable_database_offers_retry(
    qtbot: QtBot, stocked: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = dashboard_queries.dashboard
    calls: list[int] = []

    def flaky(uow: UnitOfWork, actor: Actor) -> DashboardData:
        calls.append(1)
        if len(calls) == 1:
            raise DatabaseUnavailable("connection refused")
        return real(uow, actor)

    monkeypatch.setattr(dashboard_queries, "dashboard", flaky)
    ctx = make_ctx(stocked, stocked.admin)
    widget = DashboardPage(ctx)
    qtbot.addWidget(widget)
    widget.show()
    ctx.tasks.wait_all(10000)

    box = errors.unavailable_box()
    assert box is not None and box.isVisible()
    retry = [b for b in box.buttons() if b.text() == "重试"]
    assert len(retry) == 1
    assert box.buttonRole(retry[0]) == QMessageBox.ButtonRole.AcceptRole
    retry[0].click()
    ctx.tasks.wait_all(10000)
    assert len(calls) == 2
    assert widget.data is not None and widget.kpi_expired.value.text() == "1"
    qtbot.waitUntil(lambda: errors.unavailable_box() is None)


def test_retranslate_keeps_texts(page: DashboardPage) -> None:
    page.retranslate()
    assert page.title.text() == "首页"
    assert page.subtitle.text().startswith("admin（管理员） · 数据截至 ")
    assert page.expiring.hint.text() == "有效期在 90 天内，含已过期"


def test_a_category_of_many_units_names_how_many(qapp: object) -> None:
    from inventory_app.services.rows import CategoryStockRow
    from inventory_app.ui.pages.dashboard_columns import category_quantity_text

    units = (("件", Decimal(1000)), ("个", Decimal(533)), ("顶", Decimal(225)))
    row = CategoryStockRow("01", "防护用品类", "", Decimal(1758), 5, 9, Decimal(0), units)
    assert category_quantity_text(row) == "3 种单位"
    assert row.quantities_text(limit=99) == "1,000 件 / 533 个 / 225 顶"
