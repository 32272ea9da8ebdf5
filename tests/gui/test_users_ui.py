"""用户管理 page, password dialogs, 切换用户 and the posting shortcuts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from inventory_app.domain.permissions import Actor
from inventory_app.services import auth, users
from inventory_app.ui.context import AppContext, DataEvents
from inventory_app.ui.dialogs.change_password_dialog import ChangePasswordDialog
from inventory_app.ui.main_window import POSTINGS, MainWindow
from inventory_app.ui.pages.users_page import UsersPage
from inventory_app.ui.tasks import TaskRunner
from inventory_app.ui.widgets.nav_pane import PAGE_DASHBOARD, PAGE_USERS, NavTarget
from tests.factories import PASSWORD, World
from tests.gui.dialog_support import MakeCtx, settle


@pytest.fixture(autouse=True)
def isolated_settings(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    """The window saves its geometry on close: into a temporary INI file."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    yield
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)


def _window(qtbot: QtBot, world: World, actor: Actor) -> MainWindow:
    ctx = AppContext(world.uow, actor, TaskRunner(), DataEvents(), "/data/test.sqlite3")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    settle(ctx)
    return window


def _row(page: UsersPage, username: str) -> users.UserRow:
    return next(r for r in page.model.rows() if r.username == username)


def _fill(field: QLineEdit, text: str) -> None:
    field.setText(text)
    assert field.echoMode() == QLineEdit.EchoMode.Password  # never shown


# -- 用户管理 --------------------------------------------------------------------------


def test_users_page_lists_accounts(users_page: UsersPage, qtmodeltester: ModelTester) -> None:
    assert {r.username for r in users_page.model.rows()} == {"admin", "ka", "kb", "appr"}
    qtmodeltester.check(users_page.model)
    assert not users_page.edit_button.isEnabled()
    users_page.select_user("ka")
    assert users_page.edit_button.isEnabled()
    assert users_page.active_button.text() == "停用"


def test_create_user_from_the_page(users_page: UsersPage, world: World) -> None:
    dialog = users_page.new_user()
    settle(users_page.ctx)
    dialog.username.setText("kc")
    dialog.display_name.setText("丙保管员")
    _fill(dialog.password, "123")
    dialog.depot_boxes["B"].setChecked(True)
    dialog.save()
    assert "至少 8 个字符" in dialog.error_label.text()
    _fill(dialog.password, "kc-password")
    dialog.save()
    settle(users_page.ctx)
    row = _row(users_page, "kc")
    assert (row.role, row.depot_codes, row.display_name) == ("keeper", ("B",), "丙保管员")
    assert auth.authenticate(world.uow, "kc", "kc-password").username == "kc"


def test_edit_role_and_depots(users_page: UsersPage) -> None:
    users_page.select_user("ka")
    dialog = users_page.edit_user()
    assert dialog is not None
    settle(users_page.ctx)
    assert dialog.depot_boxes["A"].isChecked()
    assert not dialog.username.isEnabled() or dialog.username.isReadOnly()
    dialog.depot_boxes["B"].setChecked(True)
    dialog.role.setCurrentIndex(dialog.role.findData("approver"))
    dialog.save()
    settle(users_page.ctx)
    row = _row(users_page, "ka")
    assert (row.role, row.depot_codes) == ("approver", ("A", "B"))


def test_deactivate_activate_and_refusals(
    users_page: UsersPage, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(users_page, "_confirm", lambda _question: True)
    users_page.select_user("kb")
    users_page.toggle_active()
    settle(users_page.ctx)
    assert not _row(users_page, "kb").active
    assert users_page.active_button.text() == "启用"
    users_page.toggle_active()
    settle(users_page.ctx)
    assert _row(users_page, "kb").active

    shown: list[str] = []
    monkeypatch.setattr(
        "inventory_app.ui.pages.users_page.show_domain_error",
        lambda _parent, ctx, error, retry=None: shown.append(ctx.error_text(error)),
    )
    users_page.select_user("admin")
    users_page.toggle_active()
    settle(users_page.ctx)
    assert shown == ["不能停用自己的账户（admin）。"]
    assert _row(users_page, "admin").active


def test_reset_password(users_page: UsersPage, world: World) -> None:
    users_page.select_user("ka")
    dialog = users_page.reset_password()
    assert dialog is not None
    _fill(dialog.new_password, "fresh-secret")
    _fill(dialog.repeat_password, "fresh-secre")
    dialog.save()
    assert dialog.error_label.text() == "两次输入的新密码不一致。"
    _fill(dialog.repeat_password, "fresh-secret")
    dialog.save()
    settle(users_page.ctx)
    assert auth.authenticate(world.uow, "ka", "fresh-secret").username == "ka"


# -- 修改密码 --------------------------------------------------------------------------


def test_change_own_password(qtbot: QtBot, world: World, make_ctx: MakeCtx) -> None:
    ctx = make_ctx(world.keeper_a)
    dialog = ChangePasswordDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(dialog.current_password, "wrong-password")
    _fill(dialog.new_password, "my-new-secret")
    _fill(dialog.repeat_password, "my-new-secret")
    dialog.save()
    settle(ctx)
    assert dialog.error_label.text() == "用户名或密码错误。"
    assert dialog.current_password.text() == ""
    _fill(dialog.current_password, PASSWORD)
    dialog.save()
    settle(ctx)
    assert dialog.result() == ChangePasswordDialog.DialogCode.Accepted
    assert auth.authenticate(world.uow, "ka", "my-new-secret").username == "ka"


# -- main window: users page, 切换用户, shortcuts ----------------------------------------


def test_users_page_only_for_the_admin(qtbot: QtBot, world: World) -> None:
    admin = _window(qtbot, world, world.admin)
    assert admin.nav.model.index_for(NavTarget(PAGE_USERS)).isValid()
    admin.navigate(NavTarget(PAGE_USERS))
    settle(admin.ctx)
    assert isinstance(admin.current_page(), UsersPage)
    keeper = _window(qtbot, world, world.keeper_a)
    assert not keeper.nav.model.index_for(NavTarget(PAGE_USERS)).isValid()


def test_switch_user_signs_the_next_person_in(
    qtbot: QtBot, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, world, world.admin)
    window.navigate(NavTarget(PAGE_USERS))
    settle(window.ctx)
    monkeypatch.setattr(window, "ask_sign_in", lambda: world.keeper_a)
    window.action_map["switch_user"].trigger()
    settle(window.ctx)
    assert window.ctx.actor is world.keeper_a
    assert PAGE_USERS not in window.pages  # the admin's page went with the session
    assert window.current_page() is window.pages[PAGE_DASHBOARD]
    assert not window.nav.model.index_for(NavTarget(PAGE_USERS)).isValid()
    assert not window.action_map["issue"].isVisible()  # the admin's correction posting
    assert window.action_map["receive"].isVisible()
    assert not window.action_map["settings"].isVisible()
    assert "ka（保管员）" in window.windowTitle()
    assert window.user_label.text() == "用户：ka（保管员）"


def test_cancelled_switch_closes_the_window(
    qtbot: QtBot, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, world, world.admin)
    monkeypatch.setattr(window, "ask_sign_in", lambda: None)
    assert window.switch_user() is False
    assert not window.isVisible()
    assert window.pages == {}


def test_every_posting_has_a_shortcut_named_in_its_tooltip(qtbot: QtBot, world: World) -> None:
    window = _window(qtbot, world, world.admin)
    seen: set[str] = set()
    for spec in POSTINGS:
        action = window.action_map[spec.key]
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert keys, spec.key
        assert keys in action.toolTip(), spec.key
        seen.add(keys)
    assert len(seen) == len(POSTINGS)
    assert "F5" in window.action_map["refresh"].toolTip()
    window.set_language("en")
    assert "Ctrl+1" in window.action_map["receive"].toolTip()
    window.set_language("zh_CN")
