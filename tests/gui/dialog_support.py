"""Helpers for driving dialogs and pages in tests: contexts, settling tasks, message boxes."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QMessageLogContext,
    QModelIndex,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from inventory_app.domain.model import OutLine, PostingResult, ReceiptLine
from inventory_app.domain.permissions import Actor
from inventory_app.services import issues, receipts, stock_queries
from inventory_app.services.stock_queries import StockFilter
from inventory_app.ui.context import AppContext, DataEvents
from inventory_app.ui.models.table_models import ROW_ROLE
from inventory_app.ui.tasks import TaskRunner
from tests.factories import World

MakeCtx = Callable[[Actor], AppContext]
P = TypeVar("P", bound=QWidget)
MakePage = Callable[..., tuple[P, AppContext]]  # (actor=None) -> (page, its context)


@contextmanager
def contexts(world: World) -> Iterator[MakeCtx]:
    """AppContext factory on the `world` database; waits for every task at the end.

    Test modules wrap it in a fixture: ``with contexts(world) as make: yield make``.
    """
    runners: list[TaskRunner] = []

    def make(actor: Actor) -> AppContext:
        runner = TaskRunner(progress_delay_ms=60_000)  # no progress dialogs in tests
        runners.append(runner)
        return AppContext(world.uow, actor, runner, DataEvents(), "test")

    yield make
    for runner in runners:
        assert runner.wait_all(10_000)
        runner.deleteLater()
    close_message_boxes()


@contextmanager
def pages(
    qtbot: QtBot, world: World, page_type: Callable[[AppContext], P]
) -> Iterator[MakePage[P]]:
    """Factory of shown, loaded pages for an actor (the admin by default), each with
    its own context; waits for every task at the end.

    Test modules wrap it in a fixture: ``with pages(qtbot, world, StockPage) as make: ...``.
    """
    made: list[AppContext] = []

    def make(actor: Actor | None = None) -> tuple[P, AppContext]:
        # A long progress delay: no progress dialog pops up in the middle of a test.
        ctx = AppContext(
            world.uow,
            actor or world.admin,
            TaskRunner(max_threads=1, progress_delay_ms=60_000),
            DataEvents(),
            "test",
        )
        made.append(ctx)
        page = page_type(ctx)
        qtbot.addWidget(page)
        page.resize(1200, 700)
        page.show()
        settle_page(ctx, qtbot)
        return page, ctx

    yield make
    for ctx in made:
        ctx.tasks.wait_all(5000)


def settle_page(ctx: AppContext, qtbot: QtBot) -> None:
    """Let every queued load finish and the views fetch their first page."""
    for _ in range(3):
        assert ctx.tasks.wait_all(10_000)
        qtbot.wait(10)


def all_rows(model: QAbstractItemModel) -> list[Any]:
    """Every row of a (lazily paged) table model, fetching the pages not read yet."""
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    return [model.data(model.index(i, 0), ROW_ROLE) for i in range(model.rowCount())]


def settle(ctx: AppContext) -> None:
    """Run every task and the callbacks it triggers, then deliver queued events."""
    for _ in range(4):
        assert ctx.tasks.wait_all(10_000)
        QCoreApplication.processEvents()
    assert ctx.tasks.active_count() == 0


def message_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def only_box() -> QMessageBox:
    boxes = message_boxes()
    assert len(boxes) == 1, [b.text() for b in boxes]
    return boxes[0]


def close_message_boxes() -> None:
    for box in message_boxes():
        box.done(0)
    QCoreApplication.processEvents()


def receive(
    world: World,
    depot: str,
    item: str,
    qty: str,
    *,
    batch: str = "",
    expiry: date | None = None,
    location: str | None = None,
) -> PostingResult:
    return receipts.receive(
        world.uow,
        world.admin,
        depot=depot,
        request_id=uuid.uuid4().hex,
        lines=[
            ReceiptLine(
                item, Decimal(qty), batch_no=batch, expiry_date=expiry, location_code=location
            )
        ],
    )


def issue(world: World, depot: str, item: str, qty: str) -> PostingResult:
    return issues.issue(
        world.uow,
        world.admin,
        depot=depot,
        request_id=uuid.uuid4().hex,
        lines=[OutLine(item, Decimal(qty))],
        receiver="test",
    )


def available(world: World, depot: str, item: str) -> Decimal:
    rows = stock_queries.stock_by_item(
        world.uow, world.admin, StockFilter(depot_codes=(depot,), item_code=item), per_depot=True
    )
    return rows[0].available if rows else Decimal(0)


# The offscreen platform (not our code) warns whenever a pop-up list opens; with
# qt_log_level_fail=WARNING that would fail every test that opens a completer or a
# combo box. The shared conftest's marker covers only propagateSizeHints, and a
# second qt_log_ignore marker would be shadowed by it, so these are filtered here
# before they reach pytest-qt's handler.
_POPUP_NOISE = (
    "This plugin does not support raise()",
    "This plugin does not support grabbing the keyboard",
    "This plugin does not support grabbing the mouse",
)


@contextmanager
def quiet_popups() -> Iterator[None]:
    previous: Callable[..., None] | None = None

    def handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if message in _POPUP_NOISE:
            return
        if previous is not None:
            previous(mode, context, message)

    previous = qInstallMessageHandler(handler)
    yield
    qInstallMessageHandler(previous)
