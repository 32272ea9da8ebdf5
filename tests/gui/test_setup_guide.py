"""首页 on a new database guides the administrator: depots → locations → catalogue → users
→ opening stock, each step ticked off as it is done, gone once stock has moved."""

from __future__ import annotations

import uuid
from decimal import Decimal
from pathlib import Path

from pytestqt.qtbot import QtBot

from inventory_app.domain.model import ReceiptLine
from inventory_app.services import auth, dashboard_queries, database, receipts
from inventory_app.ui.context import AppContext, DataEvents
from inventory_app.ui.main_window import MainWindow
from inventory_app.ui.pages.dashboard_page import DashboardPage
from inventory_app.ui.tasks import TaskRunner
from inventory_app.ui.widgets.nav_pane import PAGE_CATALOGUE, PAGE_DASHBOARD
from tests.factories import PASSWORD, World


def _window(qtbot: QtBot, uow: database.Database, actor: auth.Actor) -> MainWindow:
    window = MainWindow(AppContext(uow, actor, TaskRunner(), DataEvents(), "test"))
    qtbot.addWidget(window)
    window.show()
    window.ctx.tasks.wait_all(10_000)
    return window


def test_an_empty_database_shows_every_step_open(qtbot: QtBot, tmp_path: Path) -> None:
    uow = database.open_database(database.sqlite_url(tmp_path / "new.sqlite3"), create=True)
    system = auth.system_actor(uow)
    auth.create_user(uow, system, username="boss", password=PASSWORD, role="admin")
    admin = auth.authenticate(uow, "boss", PASSWORD)
    assert dashboard_queries.setup_progress(uow).complete is False
    window = _window(qtbot, uow, admin)
    page = window.page(PAGE_DASHBOARD)
    assert isinstance(page, DashboardPage)
    page.refresh()
    window.ctx.tasks.wait_all(10_000)
    guide = page.setup
    assert guide.isVisible()
    assert [guide.marks[k].text() for k in guide.marks] == ["○"] * 5
    assert guide.buttons["items"].isVisible()
    guide.buttons["items"].click()
    assert window.current_page() is window.pages[PAGE_CATALOGUE]
    window.ctx.tasks.wait_all(10_000)
    uow.engine.dispose()


def test_steps_tick_off_and_the_guide_goes_once_stock_moves(qtbot: QtBot, world: World) -> None:
    window = _window(qtbot, world.uow, world.admin)
    page = window.page(PAGE_DASHBOARD)
    assert isinstance(page, DashboardPage)
    page.refresh()
    window.ctx.tasks.wait_all(10_000)
    guide = page.setup
    assert guide.isVisible()
    assert [guide.marks[k].text() for k in guide.marks] == ["✔", "✔", "✔", "✔", "○"]
    receipts.receive(
        world.uow,
        world.admin,
        depot="A",
        request_id=str(uuid.uuid4()),
        lines=[ReceiptLine("050101", Decimal(1), location_code="A-01")],
    )
    page.refresh()
    window.ctx.tasks.wait_all(10_000)
    assert not guide.isVisible()


def test_a_keeper_sees_the_steps_without_the_admin_buttons(qtbot: QtBot, world: World) -> None:
    window = _window(qtbot, world.uow, world.keeper_a)
    page = window.page(PAGE_DASHBOARD)
    assert isinstance(page, DashboardPage)
    guide = page.setup
    assert not guide.buttons["depots"].isVisibleTo(guide)
    assert guide.buttons["movements"].isVisibleTo(guide)  # a keeper receives the stock
