"""The start-up sequence before the main window: application, language, database, sign-in."""

from __future__ import annotations

import functools
import logging
import os
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from .. import paths
from ..domain.errors import DatabaseMissing, DatabaseUnavailable, DomainError
from ..domain.permissions import Actor
from ..messages import error_message
from ..services import database, first_run
from ..services.database import Database
from . import i18n
from .crash import CrashDialog, install_excepthook, log_file_path, setup_logging
from .dialogs.first_run_dialog import DB_URL_KEY, FirstRunDialog
from .dialogs.login_dialog import LAST_USER_KEY, LoginDialog
from .dialogs.server_password_dialog import ServerPasswordDialog
from .fonts import FontLoadError, register_bundled_fonts
from .tasks import TaskContext, TaskRunner

ORGANISATION = "ZhongweiEmergency"
APPLICATION = "inventory-app"
DEMO_USER = "keeper_city"

_log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass
class OpenedDatabase:
    uow: Database
    url: str  # may hold a server password typed this session: never log or store it
    demo: bool = False  # the demo database (sign-in hint with the demo accounts)
    username: str = ""  # pre-filled at sign-in (the administrator just created)

    @property
    def label(self) -> str:
        return database.describe(self.url)


def _lang_code(lang: str | None) -> str | None:
    """The command line says "zh" or "en"; the translator wants "zh_CN" or "en"."""
    if not lang:
        return None
    return "en" if lang.lower().startswith("en") else "zh_CN"


def startup_language(lang: str | None = None) -> str:
    """``--lang`` for this run only, else the language chosen in 设置 → 语言."""
    return _lang_code(lang) or i18n.saved_language(QSettings())


def startup_url(db: str | None = None) -> str:
    """--db, then INVENTORY_DB_URL, then the choice remembered from the first start,
    then the SQLite file in the user's data folder."""
    remembered = QSettings().value(DB_URL_KEY)
    explicit = (
        db
        or os.environ.get(database.ENV_URL)
        or (remembered if isinstance(remembered, str) and remembered else None)
    )
    return database.resolve_url(explicit)


def wait_for(
    tasks: TaskRunner, work: Callable[[TaskContext], T], label: str, parent: QWidget | None = None
) -> T:
    """Run ``work`` as a task and wait (the event loop keeps running); re-raises its error.

    Only for the start-up sequence, before there is a window to stay responsive.
    """
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def done(result: T) -> None:
        outcome["result"] = result
        loop.quit()

    def failed(error: BaseException) -> None:
        outcome["error"] = error
        loop.quit()

    tasks.run(work, on_done=done, on_error=failed, progress_label=label, parent_widget=parent)
    if not outcome:
        loop.exec()
    if "error" in outcome:
        raise outcome["error"]
    result: T = outcome["result"]
    return result


def _lang() -> str:
    return "en" if i18n.current_language().startswith("en") else "zh"


def _ask(title: str, text: str, detail: str, choices: list[tuple[str, str]]) -> str:
    """A message box with named buttons; returns the key of the one pressed."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text)
    if detail:
        box.setInformativeText(detail)
    buttons = []
    for key, label in choices:
        role = (
            QMessageBox.ButtonRole.RejectRole
            if key == "quit"
            else QMessageBox.ButtonRole.AcceptRole
        )
        buttons.append((box.addButton(label, role), key))
    box.setDefaultButton(buttons[0][0])
    box.exec()
    clicked = box.clickedButton()
    return next((key for button, key in buttons if button == clicked), "quit")


def _first_run(tasks: TaskRunner, url: str, *, switching: bool = False) -> OpenedDatabase | None:
    path = database.sqlite_path(url) or paths.default_sqlite_path()
    dialog = FirstRunDialog(
        tasks,
        Path(path),
        server_url=url if first_run.is_server(url) else None,
        switching=switching,
    )
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.uow is None or dialog.url is None:
        return None
    return OpenedDatabase(
        dialog.uow, dialog.url, demo=dialog.demo, username=dialog.created_username
    )


def _create_demo(url: str, _task: TaskContext) -> Database:
    return first_run.create_demo(url)


def _open(url: str, _task: TaskContext) -> Database:
    return database.open_database(url)


def open_startup_database(
    tasks: TaskRunner, db: str | None = None, demo: bool = False
) -> OpenedDatabase | None:
    """Open (migrating as needed) the database to use, asking the user what they can
    decide; None if they chose to quit. Expected failures are messages, never tracebacks."""
    url = startup_url(db)
    while True:
        try:
            if demo:
                label = QCoreApplication.translate("Startup", "正在准备演示数据库，约需 15 秒…")
                uow = wait_for(tasks, functools.partial(_create_demo, url), label)
                return OpenedDatabase(uow, url, demo=True)
            label = QCoreApplication.translate("Startup", "正在打开数据库…")
            opened = OpenedDatabase(wait_for(tasks, functools.partial(_open, url), label), url)
            _tell_upgrade(opened.uow)
            return opened
        except DatabaseMissing:
            return _first_run(tasks, url)
        except DatabaseUnavailable as error:
            detail = str(error.params.get("detail", ""))
            if first_run.is_server(url) and "password" in detail.lower():
                password = _ask_password(url)
                if password is None:
                    return None
                url = first_run.with_password(url, password)
                continue
            choice = _ask(
                QCoreApplication.translate("Startup", "无法连接数据库"),
                error_message(error, _lang()),
                QCoreApplication.translate("Startup", "数据库：{database}").format(
                    database=database.describe(url)
                ),
                [
                    ("retry", QCoreApplication.translate("Startup", "重试")),
                    ("choose", QCoreApplication.translate("Startup", "选择其他数据库…")),
                    ("quit", QCoreApplication.translate("Startup", "退出")),
                ],
            )
        except DomainError as error:  # too new, not a database, on a network share
            choice = _ask(
                QCoreApplication.translate("Startup", "无法打开数据库"),
                error_message(error, _lang()),
                "",
                [
                    ("choose", QCoreApplication.translate("Startup", "选择其他数据库…")),
                    ("quit", QCoreApplication.translate("Startup", "退出")),
                ],
            )
        if choice == "retry":
            continue
        if choice == "choose":
            return _first_run(tasks, url)
        return None


def _tell_upgrade(uow: Database) -> None:
    """Opening migrated the schema: say so, and where the copy taken before it is."""
    if uow.upgraded_from is None:
        return
    text = QCoreApplication.translate("Startup", "数据库已升级到本版本程序使用的格式。")
    if uow.upgrade_copy is not None:
        text += "\n\n" + QCoreApplication.translate(
            "Startup", "升级前的数据库另存为：\n{path}"
        ).format(path=uow.upgrade_copy)
    QMessageBox.information(None, QCoreApplication.translate("Startup", "数据库已升级"), text)


def _ask_password(url: str) -> str | None:
    """The server wants a password (none in PGPASSWORD / .pgpass, or a wrong one typed)."""
    detail = (
        ""
        if first_run.needs_password(url)
        else QCoreApplication.translate("Startup", "密码不正确，请重新输入。")
    )
    prompt = ServerPasswordDialog(url, detail)
    if prompt.exec() != QDialog.DialogCode.Accepted:
        return None
    return prompt.entered_password()


def sign_in(opened: OpenedDatabase, tasks: TaskRunner) -> tuple[OpenedDatabase, Actor] | None:
    """Sign in to `opened`, or to another database chosen with 更换数据库… on the way;
    returns the database signed in to and the user, or None if the user gave up."""
    while True:
        hint = ""
        username = opened.username
        if opened.demo:
            hint = QCoreApplication.translate(
                "Startup",
                "演示数据库的账户：admin（管理员）、keeper_city（市级库保管员）、keeper_haiyuan（海原县保管员）等，密码均为 demo1234。",
            )
            username = username or str(QSettings().value(LAST_USER_KEY, "") or DEMO_USER)
        dialog = LoginDialog(
            opened.uow,
            tasks,
            opened.label,
            hint=hint,
            username=username,
            can_switch_database=True,
        )
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if dialog.switch_requested:
            chosen = _first_run(tasks, opened.url, switching=True)
            if chosen is not None:  # cancelled: back to signing in to the same database
                database.close(opened.uow)
                opened = chosen
            continue
        if not accepted or dialog.actor is None:
            return None
        return opened, dialog.actor


def application() -> QApplication:
    """The QApplication, named so that QSettings() finds this app's settings everywhere."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    return app


def start_diagnostics(app: QApplication) -> None:
    """Log file, crash dialog for bugs, and the bundled CJK font."""
    log_path = setup_logging()
    install_excepthook()
    _log.info("Starting; log file %s", log_path)
    try:
        register_bundled_fonts(app)
    except FontLoadError:
        # Chinese may render with a fallback font; that beats not starting at all.
        _log.exception("Bundled font not loaded")


def report_startup_bug(error: BaseException) -> int:
    """A bug before the main window: no event loop runs yet to show the crash dialog the
    excepthook would queue, so log it and show the dialog here; returns the exit code."""
    _log.critical("Start-up failed", exc_info=error)
    details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    CrashDialog(details, log_file_path()).exec()
    return 1


def run_window(app: QApplication, window: QWidget) -> int:
    """Show the main window and run the event loop until it closes."""
    window.show()
    app.setQuitOnLastWindowClosed(True)
    return int(app.exec())
