"""The application shell: first run, sign-in, main window, navigation, language, errors."""

from __future__ import annotations

import functools
import re
import socket
import sys
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from inventory_app import app as shell_app
from inventory_app import paths
from inventory_app.domain.errors import (
    DatabaseUnavailable,
    InsufficientStock,
    NotFound,
)
from inventory_app.domain.model import OutLine, ReceiptLine, Role
from inventory_app.domain.permissions import Actor
from inventory_app.services import auth, database, first_run, receipts, reference_queries, transfers
from inventory_app.services import settings as app_settings
from inventory_app.services.database import sqlite_url
from inventory_app.ui import errors, i18n, startup
from inventory_app.ui.context import AppContext, DataEvents
from inventory_app.ui.dialogs.first_run_dialog import DB_URL_KEY, FirstRunDialog
from inventory_app.ui.dialogs.login_dialog import LAST_USER_KEY, LoginDialog
from inventory_app.ui.main_window import POSTINGS, MainWindow
from inventory_app.ui.tasks import TaskRunner
from inventory_app.ui.widgets.nav_pane import (
    PAGE_DASHBOARD,
    PAGE_DEPOTS,
    PAGE_LEDGER,
    PAGE_STOCK,
    NavModel,
    NavTarget,
)
from tests.factories import PASSWORD, World, build_world

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(autouse=True)
def isolated_settings(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    """QSettings() in the code under test writes to a temporary INI file."""
    names = (qapp.organizationName(), qapp.applicationName())
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    qapp.setOrganizationName(startup.ORGANISATION)
    qapp.setApplicationName(f"{startup.APPLICATION}-test")
    QSettings().clear()
    yield
    i18n.install_language(qapp, i18n.DEFAULT_LANGUAGE)
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)
    qapp.setOrganizationName(names[0])
    qapp.setApplicationName(names[1])


def make_ctx(world: World, actor: Actor) -> AppContext:
    return AppContext(world.uow, actor, TaskRunner(), DataEvents(), "/data/test.sqlite3")


@pytest.fixture
def auditor(world: World) -> Actor:
    system = auth.system_actor(world.uow)
    auth.create_user(
        world.uow,
        system,
        username="aud",
        password=PASSWORD,
        role=Role.AUDITOR,
        display_name="审计员甲",
    )
    return auth.authenticate(world.uow, "aud", PASSWORD)


def open_window(qtbot: QtBot, world: World, actor: Actor) -> MainWindow:
    window = MainWindow(make_ctx(world, actor))
    qtbot.addWidget(window)
    window.show()
    window.ctx.tasks.wait_all(10000)
    return window


@pytest.fixture
def admin_window(qtbot: QtBot, world: World) -> Iterator[MainWindow]:
    window = open_window(qtbot, world, world.admin)
    yield window
    window.ctx.tasks.wait_all(10000)


def _visible_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# -- errors.py -------------------------------------------------------------------------


def test_domain_error_becomes_a_translated_warning(qtbot: QtBot, world: World) -> None:
    ctx = make_ctx(world, world.admin)
    parent = QWidget()
    qtbot.addWidget(parent)
    error = InsufficientStock("棉帐篷", "A", Decimal("5"), Decimal("2"))
    errors.show_domain_error(parent, ctx, error)
    boxes = parent.findChildren(QMessageBox)
    assert len(boxes) == 1
    assert boxes[0].text() == ctx.error_text(error)
    assert boxes[0].windowTitle() == "无法完成"
    boxes[0].close()


def test_unexpected_error_goes_to_the_crash_hook(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _t, exc, _tb: seen.append(exc))
    bug = ZeroDivisionError("bug")
    errors.show_domain_error(None, make_ctx(world, world.admin), bug)
    assert seen == [bug]
    errors.show_unexpected(KeyError("x"))
    assert isinstance(seen[1], KeyError)


def test_unavailable_from_a_task_shows_retry_once(qtbot: QtBot, world: World) -> None:
    ctx = make_ctx(world, world.admin)
    retried: list[str] = []

    def fail(_task: Any) -> None:
        raise DatabaseUnavailable("database is locked")

    def failed(name: str, error: BaseException) -> None:
        errors.show_domain_error(None, ctx, error, retry=lambda: retried.append(name))

    for name in ("first", "second"):  # two failing tasks share one message
        ctx.tasks.run(fail, on_done=lambda _r: None, on_error=functools.partial(failed, name))
    ctx.tasks.wait_all(5000)
    box = errors.unavailable_box()
    assert box is not None and box.isVisible()
    assert _visible_boxes() == [box]
    assert "database is locked" in box.informativeText()
    retry = [b for b in box.buttons() if b.text() == "重试"]
    assert len(retry) == 1
    retry[0].click()
    assert retried == ["first", "second"]
    qtbot.waitUntil(lambda: errors.unavailable_box() is None)


def test_unavailable_without_retry_only_closes(qtbot: QtBot, world: World) -> None:
    errors.show_domain_error(None, make_ctx(world, world.admin), DatabaseUnavailable("x"))
    box = errors.unavailable_box()
    assert box is not None
    assert [b.text() for b in box.buttons()] == ["关闭"]
    box.buttons()[0].click()
    qtbot.waitUntil(lambda: errors.unavailable_box() is None)


# -- first run ---------------------------------------------------------------------------


@pytest.fixture
def tasks(qapp: QApplication) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait_all(30000)


def _close(dialog: FirstRunDialog) -> None:
    if dialog.uow is not None:
        dialog.uow.engine.dispose()


def test_first_run_creates_an_empty_database_with_admin(
    qtbot: QtBot, tasks: TaskRunner, tmp_path: Path
) -> None:
    target = tmp_path / "new" / "inventory.sqlite3"
    dialog = FirstRunDialog(tasks, target)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.empty_button.click()
    assert dialog.pages.currentWidget() is dialog.admin_page

    dialog.admin_user.setText("chief")
    dialog.admin_password.setText("geheim-123")
    dialog.admin_repeat.setText("something else")
    dialog.create_button.click()
    assert dialog.admin_error.isVisible()
    assert dialog.admin_error.text() == "两次输入的密码不一致。"
    assert not target.exists()

    dialog.admin_repeat.setText("geheim-123")
    with qtbot.waitSignal(dialog.accepted, timeout=30000):
        dialog.create_button.click()
    assert dialog.uow is not None and dialog.url == sqlite_url(target)
    assert QSettings().value(DB_URL_KEY) == sqlite_url(target)
    actor = auth.authenticate(dialog.uow, "chief", "geheim-123")
    assert actor.role == Role.ADMIN
    assert database.is_empty(dialog.uow)
    assert dialog.created_username == "chief"
    _close(dialog)


def test_first_run_refuses_a_short_password(
    qtbot: QtBot, tasks: TaskRunner, tmp_path: Path
) -> None:
    dialog = FirstRunDialog(tasks, tmp_path / "x.sqlite3")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose_empty()
    dialog.admin_password.setText("abc")
    dialog.admin_repeat.setText("abc")
    dialog.create_empty()
    assert "至少 8 个字符" in dialog.admin_error.text()
    assert not (tmp_path / "x.sqlite3").exists()
    assert dialog.create_button.isDefault()  # Enter creates

    dialog.reject()  # Esc on a later page goes back instead of quitting
    assert dialog.isVisible()
    assert dialog.pages.currentWidget() is dialog.choice_page
    dialog.reject()
    assert not dialog.isVisible()


def _tiny_demo(uow: Any, **_kwargs: Any) -> str:
    """Stands in for the 15-second Zhongwei demo: the test world through the same services."""
    build_world(uow)
    return "tiny"


def test_first_run_demo_database(
    qtbot: QtBot, tasks: TaskRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from inventory_app.services import demo

    monkeypatch.setattr(demo, "load_demo", _tiny_demo)
    target = tmp_path / "demo.sqlite3"
    dialog = FirstRunDialog(tasks, target)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.accepted, timeout=60000):
        dialog.demo_button.click()
    assert dialog.demo
    assert dialog.uow is not None
    assert not database.is_empty(dialog.uow)
    assert auth.authenticate(dialog.uow, "ka", PASSWORD).username == "ka"
    _close(dialog)


def test_first_run_server_failure_is_a_clear_message(
    qtbot: QtBot, tasks: TaskRunner, tmp_path: Path
) -> None:
    dialog = FirstRunDialog(tasks, tmp_path / "unused.sqlite3")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.server_button.click()
    assert dialog.pages.currentWidget() is dialog.server_page
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(_free_port())  # nothing listens there: refused at once
    dialog.server_user.setText("inventory")
    dialog.server_password.setText("pw")
    dialog.connect_button.click()
    tasks.wait_all(30000)
    assert dialog.isVisible()
    assert dialog.server_error.isVisible()
    assert dialog.server_error.text().startswith("无法连接服务器")
    assert dialog.uow is None
    assert QSettings().value(DB_URL_KEY) is None


def test_server_url_is_stored_without_password() -> None:
    url = first_run.postgres_url("db.local", 5433, "inventory", "keeper", "s3cret")
    assert "s3cret" in url and url.startswith("postgresql+psycopg://")
    stored = first_run.without_password(url)
    assert "s3cret" not in stored
    assert first_run.needs_password(stored)
    assert first_run.server_parts(stored) == ("db.local", 5433, "inventory", "keeper")
    assert "s3cret" in first_run.with_password(stored, "s3cret")
    assert not first_run.is_server(sqlite_url("/tmp/x.sqlite3"))


# -- start-up ---------------------------------------------------------------------------


def test_startup_url_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert startup.startup_url() == sqlite_url(paths.default_sqlite_path())
    QSettings().setValue(DB_URL_KEY, sqlite_url(tmp_path / "remembered.sqlite3"))
    assert startup.startup_url().endswith("remembered.sqlite3")
    monkeypatch.setenv(database.ENV_URL, str(tmp_path / "env.sqlite3"))
    assert startup.startup_url().endswith("env.sqlite3")
    assert startup.startup_url(str(tmp_path / "arg.sqlite3")).endswith("arg.sqlite3")


def test_startup_language(qapp: QApplication) -> None:
    assert startup.startup_language() == "zh_CN"
    i18n.save_language("en", QSettings())
    assert startup.startup_language() == "en"
    assert startup.startup_language("zh") == "zh_CN"  # --lang beats the setting


def test_startup_opens_an_existing_database(tasks: TaskRunner, world: World, db_path: Path) -> None:
    opened = startup.open_startup_database(tasks, db=str(db_path))
    assert opened is not None
    assert opened.label == str(db_path)
    assert not opened.demo
    opened.uow.engine.dispose()


def test_startup_without_database_offers_first_run(
    tasks: TaskRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    monkeypatch.setattr(startup, "_first_run", lambda _tasks, url: seen.append(url))
    assert startup.open_startup_database(tasks, db=str(tmp_path / "none.sqlite3")) is None
    assert seen == [sqlite_url(tmp_path / "none.sqlite3")]


def test_startup_with_demo_flag(
    tasks: TaskRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from inventory_app.services import demo

    monkeypatch.setattr(demo, "load_demo", _tiny_demo)
    opened = startup.open_startup_database(tasks, db=str(tmp_path / "d.sqlite3"), demo=True)
    assert opened is not None and opened.demo
    assert not database.is_empty(opened.uow)
    opened.uow.engine.dispose()


def test_startup_bad_file_is_a_message_not_a_traceback(
    tasks: TaskRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database" * 100)
    asked: list[tuple[str, str, list[str]]] = []

    def ask(title: str, text: str, _detail: str, choices: list[tuple[str, str]]) -> str:
        asked.append((title, text, [label for _key, label in choices]))
        return "quit"

    monkeypatch.setattr(startup, "_ask", ask)
    assert startup.open_startup_database(tasks, db=str(junk)) is None
    assert asked[0][0] == "无法打开数据库"
    assert "不是数据库文件" in asked[0][1]
    assert asked[0][2] == ["选择其他数据库…", "退出"]


def test_startup_unavailable_can_be_retried(
    tasks: TaskRunner, world: World, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = database.open_database
    attempts: list[int] = []

    def flaky(url: str, **kwargs: Any) -> Any:
        attempts.append(1)
        if len(attempts) == 1:
            raise DatabaseUnavailable("connection refused")
        return real(url, **kwargs)

    monkeypatch.setattr(database, "open_database", flaky)
    choices: list[list[str]] = []

    def ask(_title: str, _text: str, _detail: str, options: list[tuple[str, str]]) -> str:
        choices.append([key for key, _label in options])
        return "retry"

    monkeypatch.setattr(startup, "_ask", ask)
    opened = startup.open_startup_database(tasks, db=str(db_path))
    assert opened is not None
    assert choices == [["retry", "choose", "quit"]]
    assert len(attempts) == 2
    opened.uow.engine.dispose()


def test_run_gui_signs_in_and_shows_the_window(
    world: World, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from inventory_app.ui import crash

    monkeypatch.setattr(startup, "sign_in", lambda opened, _tasks: (opened, world.keeper_a))
    shown: list[str] = []

    def fake_exec() -> int:
        windows = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        shown.extend(w.windowTitle() for w in windows)
        for window in windows:
            window.close()
            window.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    try:
        assert shell_app.run_gui(db=str(db_path)) == 0
    finally:
        crash.uninstall_excepthook()
        crash.shutdown_logging()
    assert shown == [f"应急物资储备管理系统 — ka（保管员） — {db_path}"]


def test_a_bug_at_start_shows_the_crash_dialog(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from inventory_app.ui import crash

    def broken(*_args: Any, **_kwargs: Any) -> None:
        raise RuntimeError("bug in start-up")

    shown: list[str] = []
    monkeypatch.setattr(startup, "open_startup_database", broken)

    def fake_exec(self: crash.CrashDialog) -> int:
        shown.append(self.details_text())
        return 0

    monkeypatch.setattr(crash.CrashDialog, "exec", fake_exec)
    try:
        assert shell_app.run_gui(db=str(tmp_path / "x.sqlite3")) == 1
    finally:
        crash.uninstall_excepthook()
        crash.shutdown_logging()
    assert len(shown) == 1 and "RuntimeError: bug in start-up" in shown[0]


# -- sign-in ---------------------------------------------------------------------------


def test_login_wrong_then_right_password(qtbot: QtBot, world: World, tasks: TaskRunner) -> None:
    dialog = LoginDialog(world.uow, tasks, "/data/test.sqlite3")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.database_label.text() == "数据库：/data/test.sqlite3"

    dialog.username.setText("ka")
    dialog.password.setText("wrong-password")
    dialog.login_button.click()
    tasks.wait_all(10000)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "用户名或密码错误。"
    assert dialog.password.text() == ""
    assert dialog.actor is None

    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.login_button.click()
    assert dialog.actor is not None and dialog.actor.username == "ka"
    assert QSettings().value(LAST_USER_KEY) == "ka"

    again = LoginDialog(world.uow, tasks)
    qtbot.addWidget(again)
    assert again.username.text() == "ka"  # remembered for next time


def test_login_offers_to_switch_the_database(qtbot: QtBot, world: World, tasks: TaskRunner) -> None:
    dialog = LoginDialog(world.uow, tasks, "/data/test.sqlite3", can_switch_database=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.switch_button.isVisible() and not dialog.switch_button.autoDefault()
    with qtbot.waitSignal(dialog.rejected, timeout=5000):
        dialog.switch_button.click()
    assert dialog.switch_requested and dialog.actor is None
    # Switching user inside the running window keeps its database: no button there.
    plain = LoginDialog(world.uow, tasks, "/data/test.sqlite3")
    qtbot.addWidget(plain)
    plain.show()
    assert not plain.switch_button.isVisible()


def test_sign_in_opens_the_database_chosen_with_switch(
    world: World, tasks: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """更换数据库… → the chooser → sign in to the chosen database; the first is closed."""
    seen: list[str] = []

    class FakeLogin:
        def __init__(self, _uow: Any, _tasks: Any, label: str, **_kw: Any) -> None:
            seen.append(label)
            self.switch_requested = len(seen) == 1
            self.actor = None if self.switch_requested else world.keeper_a

        def exec(self) -> int:
            return 0 if self.switch_requested else 1

    first = startup.OpenedDatabase(world.uow, "sqlite:////data/first.sqlite3")
    chosen = startup.OpenedDatabase(world.uow, "sqlite:////data/chosen.sqlite3")
    closed: list[object] = []
    monkeypatch.setattr(startup, "LoginDialog", FakeLogin)
    monkeypatch.setattr(startup, "_first_run", lambda _t, _u, switching: chosen)
    monkeypatch.setattr(startup.database, "close", closed.append)
    result = startup.sign_in(first, tasks)
    assert result == (chosen, world.keeper_a)
    assert seen == ["/data/first.sqlite3", "/data/chosen.sqlite3"] and closed == [world.uow]


def test_login_needs_a_user_name(qtbot: QtBot, world: World, tasks: TaskRunner) -> None:
    dialog = LoginDialog(world.uow, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.sign_in()
    assert dialog.error_label.text() == "请输入用户名。"
    assert tasks.active_count() == 0


# -- main window ---------------------------------------------------------------------------


def test_title_shows_user_role_and_database(qtbot: QtBot, world: World) -> None:
    window = open_window(qtbot, world, world.keeper_a)
    assert window.windowTitle() == "应急物资储备管理系统 — ka（保管员） — /data/test.sqlite3"
    assert window.user_label.text() == "用户：ka（保管员）"
    assert window.db_label.text() == "数据库：/data/test.sqlite3"
    assert isinstance(window.current_page(), QWidget)
    assert window.current_page() is window.pages[PAGE_DASHBOARD]


def test_actions_follow_the_role(qtbot: QtBot, world: World, auditor: Actor) -> None:
    audit = open_window(qtbot, world, auditor)
    for spec in POSTINGS:
        assert not audit.action_map[spec.key].isVisible(), spec.key
        assert not audit.action_map[spec.key].isEnabled(), spec.key
        assert audit.open_dialog(spec.key) is None
    assert not audit.business_menu.menuAction().isVisible()
    assert not audit.action_map["backup"].isVisible()
    assert not audit.action_map["settings"].isVisible()
    assert audit.action_map["refresh"].isVisible()

    keeper = open_window(qtbot, world, world.keeper_a)
    # Keepers ship against approved orders; the free-standing 出库 is the admin's.
    shown = {spec.key for spec in POSTINGS if keeper.action_map[spec.key].isVisible()}
    assert shown == {spec.key for spec in POSTINGS} - {"issue"}
    assert not keeper.action_map["backup"].isVisible()

    admin = open_window(qtbot, world, world.admin)
    assert all(admin.action_map[spec.key].isVisible() for spec in POSTINGS)
    assert admin.action_map["backup"].isVisible()
    assert admin.action_map["settings"].isVisible()


def test_language_switch_retranslates_and_is_saved(
    admin_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = admin_window
    calls: list[str] = []
    dashboard = window.pages[PAGE_DASHBOARD]
    original_page = dashboard.retranslate  # type: ignore[attr-defined]
    original_nav = window.nav.retranslate

    def page_spy() -> None:
        calls.append("page")
        original_page()

    def nav_spy() -> None:
        calls.append("nav")
        original_nav()

    monkeypatch.setattr(dashboard, "retranslate", page_spy)
    monkeypatch.setattr(window.nav, "retranslate", nav_spy)

    window.set_language("en")
    assert QSettings().value(i18n.SETTINGS_KEY) == "en"
    assert window.ctx.language == "en" and window.ctx.lang == "en"
    assert {"page", "nav"} <= set(calls)
    assert window.action_map["lang_en"].isChecked()

    # The visible texts are whatever the English catalogue says; once the .ts is filled
    # in they must really be English (no Chinese left in the menus).
    checks = [
        (window.file_menu.title(), "文件(&F)"),
        (window.business_menu.title(), "业务(&B)"),
        (window.action_map["receive"].text(), "入库"),
        (window.action_map["backup"].text(), "备份数据库…"),
    ]
    english = QTranslator()
    english.load(f"{i18n.APP_CATALOG}_en", str(paths.translations_dir()))
    for shown, source in checks:
        assert shown == QCoreApplication.translate("WindowActions", source)
        if english.translate("WindowActions", source):
            assert not CJK.search(shown), shown
    role = window.user_label.text()
    assert "administrator" in role  # role names come from the shared catalogue

    calls.clear()
    window.set_language("zh_CN")
    assert QSettings().value(i18n.SETTINGS_KEY) == "zh_CN"
    assert window.file_menu.title() == "文件(&F)"
    assert window.action_map["receive"].text() == "入库"
    assert "page" in calls


def test_nav_model_passes_modeltester(qtmodeltester: ModelTester, world: World) -> None:
    model = NavModel()
    qtmodeltester.check(model)
    model.set_reference(
        reference_queries.depots(world.uow, world.admin), reference_queries.categories(world.uow)
    )
    qtmodeltester.check(model)
    labels = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert labels == [
        "首页",
        "调拨指令",
        "演练",
        "储备计划",
        "仓库",
        "物资目录",
        "库存",
        "台账",
        "盘点",
    ]
    depots = model.index(4, 0)
    groups = [model.data(model.index(r, 0, depots)) for r in range(model.rowCount(depots))]
    assert groups == ["市级（1）", "县级（1）"]
    city = model.index(0, 0, depots)
    assert model.target_at(model.index(0, 0, city)) == NavTarget(PAGE_STOCK, depot_code="A")
    catalogue = model.index(5, 0)
    assert model.data(model.index(0, 0, catalogue)) == "05 临时食宿类"
    model.set_english(True)
    assert model.data(model.index(0, 0, catalogue)) == "05 Shelter"
    assert model.index_for(NavTarget(PAGE_STOCK, category_code="14")).isValid()


def test_selecting_a_depot_opens_the_filtered_stock_page(
    admin_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = admin_window
    from inventory_app.ui.pages.stock_page import StockPage

    seen: list[tuple[str | None, str | None]] = []
    original = StockPage.apply_navigation

    def spy(self: StockPage, depot: str | None, category: str | None) -> None:
        seen.append((depot, category))
        original(self, depot, category)

    monkeypatch.setattr(StockPage, "apply_navigation", spy)
    assert window.nav.select(NavTarget(PAGE_STOCK, depot_code="B"))
    window.ctx.tasks.wait_all(10000)
    assert isinstance(window.current_page(), StockPage)
    assert window.nav.select(NavTarget(PAGE_STOCK, category_code="14"))
    window.ctx.tasks.wait_all(10000)
    assert seen == [("B", None), (None, "14")]
    window.nav.select(NavTarget(PAGE_DASHBOARD))
    assert window.current_page() is window.pages[PAGE_DASHBOARD]


@pytest.mark.parametrize("page", [PAGE_DEPOTS, "catalogue", PAGE_STOCK, PAGE_LEDGER])
def test_every_page_opens_and_retranslates(admin_window: MainWindow, page: str) -> None:
    from inventory_app.ui.main_window import PAGES

    admin_window.navigate(NavTarget(page))
    admin_window.ctx.tasks.wait_all(10000)
    widget = admin_window.current_page()
    assert type(widget) is PAGES[page]
    admin_window.set_language("en")
    admin_window.set_language("zh_CN")
    admin_window.ctx.tasks.wait_all(10000)


def test_f5_refreshes_the_current_page(
    admin_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = admin_window.pages[PAGE_DASHBOARD]
    calls: list[int] = []
    monkeypatch.setattr(page, "refresh", lambda: calls.append(1))
    action = admin_window.action_map["refresh"]
    assert action.shortcut().toString() == "F5"
    action.trigger()
    assert calls == [1]


def test_status_bar_counts_transfers_waiting(qtbot: QtBot, world: World) -> None:
    receipts.receive(
        world.uow,
        world.admin,
        depot="A",
        request_id=str(uuid.uuid4()),
        lines=[ReceiptLine(item_code="050101", quantity=Decimal(5))],
    )
    window = open_window(qtbot, world, world.keeper_b)
    assert window.transit_label.text() == "没有待接收的调拨"
    transfers.transfer_send(
        world.uow,
        world.admin,
        from_depot="A",
        to_depot="B",
        lines=[OutLine(item_code="050101", quantity=Decimal(2))],
        request_id=str(uuid.uuid4()),
    )
    window.ctx.events.stock_changed.emit()
    window.ctx.tasks.wait_all(10000)
    assert "待接收调拨：1 张" in window.transit_label.text()


def test_transfer_link_opens_receive_dialog(qtbot: QtBot, world: World) -> None:
    receipts.receive(
        world.uow,
        world.admin,
        depot="A",
        request_id=str(uuid.uuid4()),
        lines=[ReceiptLine(item_code="050101", quantity=Decimal(5))],
    )
    transfers.transfer_send(
        world.uow,
        world.admin,
        from_depot="A",
        to_depot="B",
        lines=[OutLine(item_code="050101", quantity=Decimal(2))],
        request_id=str(uuid.uuid4()),
    )
    window = open_window(qtbot, world, world.keeper_b)
    window._on_transit_link("transit")
    dialogs = [d for d in window.findChildren(QDialog) if d.isVisible()]
    assert [type(d).__name__ for d in dialogs] == ["TransferReceiveDialog"]
    window.ctx.tasks.wait_all(10000)
    dialogs[0].reject()
    window.ctx.tasks.wait_all(10000)


@pytest.mark.parametrize("spec", POSTINGS, ids=[s.key for s in POSTINGS])
def test_posting_dialogs_open(admin_window: MainWindow, spec: Any) -> None:
    dialog = admin_window.open_dialog(spec.key)
    assert dialog is not None and dialog.isVisible()
    assert type(dialog) is spec.dialog
    admin_window.ctx.tasks.wait_all(10000)
    dialog.reject()
    admin_window.ctx.tasks.wait_all(10000)


def test_backup_writes_a_file(
    admin_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from inventory_app.ui import main_window as module

    told: list[str] = []
    monkeypatch.setattr(
        module.QMessageBox,
        "information",
        staticmethod(lambda _parent, _title, text: told.append(text)),
    )
    target = tmp_path / "backups" / "copy.sqlite3"
    admin_window.backup_to(target)
    admin_window.ctx.tasks.wait_all(30000)
    assert target.is_file()
    assert told == [f"数据库已备份到：\n{target}"]


def test_settings_dialog_saves_values(admin_window: MainWindow, world: World) -> None:
    dialog = admin_window.open_settings()
    assert dialog is not None
    admin_window.ctx.tasks.wait_all(10000)
    assert dialog.near_days.value() == 90  # type: ignore[attr-defined]
    assert dialog.road_factor.text() == "1.3"  # type: ignore[attr-defined]
    dialog.near_days.setValue(60)  # type: ignore[attr-defined]
    dialog.road_factor.setText("1.45")  # type: ignore[attr-defined]
    dialog.save()  # type: ignore[attr-defined]
    admin_window.ctx.tasks.wait_all(10000)
    stored = app_settings.get_settings(world.uow)
    assert stored["near_expiry_days"] == "60"
    assert stored["road_factor"] == "1.45"


def test_navigation_reload_error_offers_retry(
    admin_window: MainWindow, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    real = reference_queries.categories
    calls: list[int] = []

    def flaky(uow: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:
            raise DatabaseUnavailable("server closed the connection")
        return real(uow)

    monkeypatch.setattr(reference_queries, "categories", flaky)
    admin_window.ctx.events.master_data_changed.emit()
    admin_window.ctx.tasks.wait_all(10000)
    box = errors.unavailable_box()
    assert box is not None
    next(b for b in box.buttons() if b.text() == "重试").click()
    admin_window.ctx.tasks.wait_all(10000)
    assert len(calls) == 2
    qtbot.waitUntil(lambda: errors.unavailable_box() is None)


def test_not_found_message_from_shared_catalogue(world: World) -> None:
    ctx = make_ctx(world, world.admin)
    assert ctx.error_text(NotFound("item", "X")) == "找不到物资“X”。"


def test_one_receive_dialog_per_transfer_however_often_it_is_asked_for(
    qtbot: QtBot, world: World
) -> None:
    """A double-click also activates the row: the same transfer must not open twice."""
    receipts.receive(
        world.uow,
        world.admin,
        depot="A",
        request_id=str(uuid.uuid4()),
        lines=[ReceiptLine(item_code="050101", quantity=Decimal(5))],
    )
    sent = transfers.transfer_send(
        world.uow,
        world.admin,
        from_depot="A",
        to_depot="B",
        lines=[OutLine(item_code="050101", quantity=Decimal(2))],
        request_id=str(uuid.uuid4()),
    )
    window = open_window(qtbot, world, world.keeper_b)
    first = window.open_dialog("transfer_receive", doc_no=sent.doc_no)
    second = window.open_dialog("transfer_receive", doc_no=sent.doc_no)
    assert first is not None and first is second
    dialogs = [d for d in window.findChildren(QDialog) if d.isVisible()]
    assert len(dialogs) == 1
    window.ctx.tasks.wait_all(10000)
    first.reject()
    window.ctx.tasks.wait_all(10000)
    third = window.open_dialog("transfer_receive", doc_no=sent.doc_no)  # closed: a new one
    assert third is not None and third is not first
    window.ctx.tasks.wait_all(10000)
    third.reject()
    window.ctx.tasks.wait_all(10000)
