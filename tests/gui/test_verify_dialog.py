"""数据校验 from the menu: the auditor and the administrator run it and read the result."""

from __future__ import annotations

import uuid
from decimal import Decimal

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from inventory_app.domain.model import ReceiptLine, Role
from inventory_app.services import auth, receipts
from inventory_app.ui.context import AppContext, DataEvents
from inventory_app.ui.dialogs.verify_dialog import VerifyDialog
from inventory_app.ui.main_window import MainWindow
from inventory_app.ui.tasks import TaskRunner
from tests.factories import PASSWORD, World


def _window(qtbot: QtBot, world: World, actor: auth.Actor) -> MainWindow:
    window = MainWindow(AppContext(world.uow, actor, TaskRunner(), DataEvents(), "test.sqlite3"))
    qtbot.addWidget(window)
    window.show()
    window.ctx.tasks.wait_all(10_000)
    return window


def _run(qtbot: QtBot, window: MainWindow) -> VerifyDialog:
    window.action_map["verify"].trigger()
    window.ctx.tasks.wait_all(10_000)
    qtbot.wait(10)
    (dialog,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, VerifyDialog)]
    qtbot.addWidget(dialog)
    return dialog


def test_the_auditor_checks_the_books_and_they_agree(qtbot: QtBot, world: World) -> None:
    receipts.receive(
        world.uow,
        world.admin,
        depot="A",
        request_id=str(uuid.uuid4()),
        lines=[ReceiptLine("050101", Decimal(5), location_code="A-01")],
    )
    system = auth.system_actor(world.uow)
    auth.create_user(world.uow, system, username="aud", password=PASSWORD, role=Role.AUDITOR)
    window = _window(qtbot, world, auth.authenticate(world.uow, "aud", PASSWORD))
    assert window.action_map["verify"].isVisible()
    dialog = _run(qtbot, window)
    assert dialog.verdict.text() == "校验通过：账账相符。"
    assert "已核对 1 条流水、1 个批次" in dialog.facts.text()
    assert "  #" in dialog.problems.toPlainText()  # each depot's chain head, to keep
    assert "总校验码" in dialog.facts.text()
    dialog.copy()
    assert "账账相符" in QApplication.clipboard().text()
    dialog.close()


def test_a_balance_edited_behind_the_app_is_reported(qtbot: QtBot, world: World) -> None:
    receipts.receive(
        world.uow,
        world.admin,
        depot="A",
        request_id=str(uuid.uuid4()),
        lines=[ReceiptLine("050101", Decimal(5), location_code="A-01")],
    )
    with world.uow.engine.begin() as conn:
        conn.execute(text("UPDATE lot_balances SET on_hand = on_hand + 1000"))
    window = _window(qtbot, world, world.admin)
    dialog = _run(qtbot, window)
    assert dialog.verdict.text().startswith("发现") and "处不一致" in dialog.verdict.text()
    assert "lot 1" in dialog.problems.toPlainText()
    dialog.close()


def test_a_keeper_has_no_verify_action(qtbot: QtBot, world: World) -> None:
    window = _window(qtbot, world, world.keeper_a)
    assert not window.action_map["verify"].isVisible()
