"""The login dialog shows the delay and the lock; 用户管理 lifts a lock (issue 8)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from inventory_app.domain.errors import AuthenticationFailed
from inventory_app.services import auth, sign_in
from inventory_app.ui.context import AppContext
from inventory_app.ui.dialogs.login_dialog import LoginDialog
from inventory_app.ui.pages.users_page import UsersPage
from inventory_app.ui.tasks import TaskRunner
from tests.factories import PASSWORD, World
from tests.gui.dialog_support import settle
from tests.gui.test_shell import tasks
from tests.gui.test_users_ui import isolated_settings
from tests.integration.test_sign_in import Clock, clock

__all__ = ["clock", "isolated_settings", "tasks"]  # fixtures, imported for pytest


def _fail(world: World, name: str, times: int, clock: Clock) -> None:
    for failures in range(1, times + 1):
        with pytest.raises(AuthenticationFailed):
            auth.authenticate(world.uow, name, "not-the-password")
        if failures < times:
            clock.advance(sign_in.delay_after(failures))


def _try(dialog: LoginDialog, tasks: TaskRunner, name: str, password: str) -> None:
    dialog.username.setText(name)
    dialog.password.setText(password)
    dialog.login_button.click()
    tasks.wait_all(30000)


def test_login_dialog_counts_the_delay_down(
    qtbot: QtBot, world: World, tasks: TaskRunner, clock: Clock
) -> None:
    _fail(world, "ka", sign_in.FREE_FAILURES + 1, clock)
    dialog = LoginDialog(world.uow, tasks, "/data/test.sqlite3")
    qtbot.addWidget(dialog)
    dialog.show()
    _try(dialog, tasks, "ka", PASSWORD)
    assert dialog.actor is None and dialog.isVisible()
    assert dialog.error_label.text() == "密码错误次数过多，请 2 秒后再试。"
    assert not dialog.login_button.isEnabled()
    assert dialog.login_button.text() == "请等待 2 秒"
    dialog._tick()  # one second later (the timer's step)
    assert dialog.login_button.text() == "请等待 1 秒"
    dialog._tick()
    assert dialog.login_button.isEnabled() and dialog.login_button.text() == "登录"
    clock.advance(2)
    with qtbot.waitSignal(dialog.accepted, timeout=30000):
        _try(dialog, tasks, "ka", PASSWORD)
    assert dialog.actor is not None


def test_login_dialog_says_locked_and_the_admin_lifts_it_on_the_users_page(
    qtbot: QtBot,
    world: World,
    tasks: TaskRunner,
    clock: Clock,
    users_page: UsersPage,
    admin_ctx: AppContext,
) -> None:
    _fail(world, "kb", sign_in.LOCK_AFTER["user"], clock)
    dialog = LoginDialog(world.uow, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    _try(dialog, tasks, "kb", PASSWORD)
    assert "登录已锁定 15 分钟" in dialog.error_label.text()
    assert "管理员" in dialog.error_label.text()

    users_page.refresh()
    settle(admin_ctx)
    row = users_page.model.rows().index(
        next(r for r in users_page.model.rows() if r.username == "kb")
    )
    users_page.table.selectRow(row)
    status = users_page.model.data(users_page.model.index(row, 4))
    assert "登录锁定至" in status
    assert users_page.unlock_button.isEnabled()
    users_page.unlock_button.click()
    settle(admin_ctx)
    assert not users_page.unlock_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=30000):
        _try(dialog, tasks, "kb", PASSWORD)
