"""Tables name depots by their 简称, with the full name in the tooltip; documents keep it."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from inventory_app.domain.model import ReceiptLine
from inventory_app.services import masterdata, receipts, reference_queries
from inventory_app.ui import depot_names
from inventory_app.ui.context import DataEvents
from inventory_app.ui.main_window import MainWindow
from inventory_app.ui.pages.stock_page import StockPage
from inventory_app.ui.registry import PAGE_STOCK
from inventory_app.ui.tasks import TaskRunner
from tests.factories import World
from tests.gui.dialog_support import all_rows, settle_page

FULL = "中卫市应急物资储备库（柔远镇物流园区）"


@pytest.fixture
def named(world: World) -> Iterator[World]:
    """Depot A gets a long full name and the short name 柔远镇库, and holds a lot."""
    (depot,) = [d for d in reference_queries.depots(world.uow, world.admin) if d.code == "A"]
    masterdata.update_depot(
        world.uow,
        world.admin,
        masterdata.DepotSpec(
            code="A",
            name=FULL,
            level=depot.level,
            owner_org=depot.owner_code,
            region=None,
            short_name="柔远镇库",
        ),
    )
    receipts.receive(
        world.uow,
        world.admin,
        depot="A",
        request_id=str(uuid.uuid4()),
        lines=[ReceiptLine("050101", Decimal(3), location_code="A-01")],
    )
    yield world
    depot_names.remember([])


def test_the_stock_table_shows_the_short_name_and_the_full_one_on_hover(
    qtbot: QtBot, named: World
) -> None:
    from inventory_app.ui.context import AppContext

    ctx = AppContext(named.uow, named.admin, TaskRunner(), DataEvents(), "test")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    page = window.page(PAGE_STOCK)
    assert isinstance(page, StockPage)
    settle_page(ctx, qtbot)
    model = page.lot_model
    rows = all_rows(model)
    column = model.column_index("depot_name")
    shown = {model.index(i, column).data() for i, _ in enumerate(rows)}
    assert "柔远镇库" in shown and FULL not in shown
    (row,) = [i for i, r in enumerate(rows) if r.depot_code == "A"]
    tip = model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
    assert FULL in tip and "A" in tip
    ctx.tasks.wait_all(10_000)


def test_a_depot_without_a_short_name_shows_its_full_name() -> None:
    depot_names.remember([])
    assert depot_names.short("海原县库") == "海原县库"
    assert depot_names.tooltip("海原县库") is None
