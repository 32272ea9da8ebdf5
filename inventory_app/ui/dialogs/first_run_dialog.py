"""First start without a database: create an empty or demo one, or connect to a server.

Passwords of a PostgreSQL server are never written to QSettings, which is a plain-text
file (or an unprotected registry key) readable by anything running as the user. The
URL is stored *without* its password; at start libpq first looks in its own standard
places (the PGPASSWORD variable, or the .pgpass / %APPDATA%\\postgresql\\pgpass.conf
file an administrator can deploy with restricted permissions), and if the server still
wants a password the app asks for it (``ServerPasswordDialog``) and keeps it in memory only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DatabaseUnavailable, DomainError
from ...messages import error_message
from ...services import auth, database, first_run
from ...services.database import Database, sqlite_url
from .. import i18n
from ..errors import show_unexpected
from ..tasks import TaskRunner
from .first_run_pages import AdminPage, ChoicePage, ServerPage

DB_URL_KEY = "db/url"


def _lang() -> str:
    return "en" if i18n.current_language().startswith("en") else "zh"


def remember_url(url: str) -> None:
    """Store the database choice for the next start, always without a password."""
    QSettings().setValue(DB_URL_KEY, first_run.without_password(url))


class FirstRunDialog(QDialog):
    """Accepted once a database is open: ``uow`` is it, ``url`` its (full) address."""

    def __init__(
        self,
        tasks: TaskRunner,
        sqlite_path: Path,
        parent: QWidget | None = None,
        *,
        server_url: str | None = None,
        switching: bool = False,
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.sqlite_path = Path(sqlite_path)
        self.uow: Database | None = None
        self.url: str | None = None
        self.created_username = ""
        self.demo = False
        self._admin_for_server = False
        self.setObjectName("firstRunDialog")
        self.setWindowTitle(self.tr("开始使用 — 应急物资储备管理系统"))
        self.setMinimumWidth(560)

        self.pages = QStackedWidget()
        self.choice_page = ChoicePage(switching=switching)
        self.admin_page = AdminPage()
        self.server_page = ServerPage()
        for page in (self.choice_page, self.admin_page, self.server_page):
            self.pages.addWidget(page)
        self._wire_pages()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.addWidget(self.pages)
        if server_url:
            self.server_page.prefill(server_url)
        self._update_path_label()

    def _wire_pages(self) -> None:
        choice, admin, server = self.choice_page, self.admin_page, self.server_page
        choice.empty_button.clicked.connect(self.choose_empty)
        choice.demo_button.clicked.connect(self.choose_demo)
        choice.server_button.clicked.connect(self.choose_server)
        choice.change_button.clicked.connect(self._change_path)
        choice.open_button.clicked.connect(self._open_existing)
        choice.quit_button.clicked.connect(self.reject)
        admin.back_button.clicked.connect(self._back)
        admin.buttons.accepted.connect(self.create_empty)
        server.back_button.clicked.connect(self._back)
        server.buttons.accepted.connect(self.connect_server)
        # The fields under the names the dialog (and its tests) have always used.
        self.empty_button, self.demo_button = choice.empty_button, choice.demo_button
        self.server_button, self.choice_error = choice.server_button, choice.error
        self.admin_user, self.admin_password = admin.user, admin.password
        self.admin_repeat, self.admin_error = admin.repeat, admin.error
        self.admin_note, self.create_button = admin.note, admin.create_button
        self.host, self.port, self.database_name = server.host, server.port, server.database_name
        self.server_user, self.server_password = server.user, server.password
        self.server_error, self.connect_button = server.error, server.connect_button

    def _update_path_label(self) -> None:
        self.choice_page.show_path(self.sqlite_path)

    # -- choices ----------------------------------------------------------------------

    def choose_empty(self) -> None:
        self._admin_for_server = False
        self.admin_note.setText(self.tr("新数据库将保存在：{path}").format(path=self.sqlite_path))
        self.create_button.setText(self.tr("创建数据库"))
        self._show_page(self.admin_page, self.create_button)
        self.admin_password.setFocus()

    def choose_demo(self) -> None:
        url = sqlite_url(self.sqlite_path)
        self._run(
            lambda _task: first_run.create_demo(url),
            url,
            self.choice_error,
            self.tr("正在创建演示数据库，约需 15 秒…"),
            demo=True,
        )

    def choose_server(self) -> None:
        self._show_page(self.server_page, self.connect_button)
        (self.server_user if not self.server_user.text() else self.server_password).setFocus()

    def _back(self) -> None:
        if self._admin_for_server:
            self._dispose()  # connected for nothing: the user went back to change the server
            self._admin_for_server = False
        self._show_page(self.choice_page, None)

    def _change_path(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("新数据库的位置"),
            str(self.sqlite_path),
            self.tr("SQLite 数据库 (*.sqlite3)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not path:
            return
        chosen = Path(path)
        if chosen.exists():
            self._show(
                self.choice_error,
                self.tr("该文件已存在。要使用已有的数据库，请点“打开已有的数据库文件…”。"),
            )
            return
        self.sqlite_path = chosen
        self.choice_error.hide()
        self._update_path_label()

    def _open_existing(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("打开数据库"),
            str(self.sqlite_path.parent),
            self.tr("SQLite 数据库 (*.sqlite3 *.db);;所有文件 (*)"),
        )
        if path:
            self.open_existing(Path(path))

    def open_existing(self, path: Path) -> None:
        url = sqlite_url(path)
        self._run(
            lambda _task: database.open_database(url),
            url,
            self.choice_error,
            self.tr("正在打开数据库…"),
        )

    # -- the work ---------------------------------------------------------------------

    def create_empty(self) -> None:
        username = self.admin_user.text().strip()
        password = self.admin_password.text()
        if not username:
            self._show(self.admin_error, self.tr("请输入管理员用户名。"))
            self.admin_user.setFocus()
            return
        if len(password) < auth.MIN_PASSWORD:
            self._show(
                self.admin_error, self.tr("密码太短，至少 {n} 个字符。").format(n=auth.MIN_PASSWORD)
            )
            self.admin_password.setFocus()
            return
        if password != self.admin_repeat.text():
            self._show(self.admin_error, self.tr("两次输入的密码不一致。"))
            self.admin_repeat.clear()
            self.admin_repeat.setFocus()
            return
        self.created_username = username
        if self._admin_for_server and self.uow is not None:
            uow = self.uow

            def add_admin(_task: Any) -> Database:
                first_run.create_admin(uow, username, password)
                return uow

            self._run(add_admin, self.url or "", self.admin_error, self.tr("正在创建管理员账户…"))
            return
        url = sqlite_url(self.sqlite_path)
        self._run(
            lambda _task: first_run.create_empty(url, username, password),
            url,
            self.admin_error,
            self.tr("正在创建数据库…"),
        )

    def connect_server(self) -> None:
        try:
            url = self.server_page.url()
        except DomainError as error:
            self._show(self.server_error, error_message(error, _lang()))
            return

        def work(_task: Any) -> tuple[Database, bool]:
            uow = first_run.connect(url)
            return uow, first_run.has_sign_in_users(uow)

        self._run(work, url, self.server_error, self.tr("正在连接服务器…"), server=True)

    def _run(
        self,
        work: Any,
        url: str,
        error_label: QLabel,
        label: str,
        *,
        demo: bool = False,
        server: bool = False,
    ) -> None:
        # The pages, not the dialog: the progress dialog is our child and must stay enabled.
        self.pages.setEnabled(False)
        error_label.hide()

        def done(result: Any) -> None:
            self.pages.setEnabled(True)
            if server:
                uow, has_users = result
                self.uow, self.url = uow, url
                if not has_users:
                    self._ask_server_admin()
                    return
            else:
                self.uow, self.url = result, url
            self.demo = demo
            remember_url(url)
            self.accept()

        def failed(error: BaseException) -> None:
            self.pages.setEnabled(True)
            if not isinstance(error, DomainError):
                show_unexpected(error)
                return
            if isinstance(error, DatabaseUnavailable) and server:
                text = self.tr(
                    "无法连接服务器，请检查地址、端口、数据库名、用户名和密码。\n{detail}"
                ).format(detail=error.params.get("detail", ""))
            else:
                text = error_message(error, _lang())
            self._show(error_label, text)

        self.tasks.run(
            work, on_done=done, on_error=failed, progress_label=label, parent_widget=self
        )

    def _ask_server_admin(self) -> None:
        self._admin_for_server = True
        self.admin_note.setText(self.tr("服务器上的数据库是空的，请为它设置第一个管理员账户。"))
        self.create_button.setText(self.tr("创建管理员"))
        self._show_page(self.admin_page, self.create_button)
        self.admin_password.setFocus()

    def _show_page(self, page: QWidget, default: QPushButton | None) -> None:
        """Switch page; Enter presses that page's main button (or nothing on the first)."""
        for button in (self.create_button, self.connect_button):
            button.setDefault(button is default)
        self.admin_error.hide()
        self.server_error.hide()
        self.pages.setCurrentWidget(page)

    def _show(self, label: QLabel, text: str) -> None:
        label.setText(text)
        label.show()

    def _dispose(self) -> None:
        if self.uow is not None:
            database.close(self.uow)
        self.uow, self.url = None, None

    def reject(self) -> None:
        # Esc on a later page goes back a step; only on the first page does it quit.
        if self.pages.currentWidget() is not self.choice_page:
            if self.pages.isEnabled():
                self._back()
            return
        self._dispose()
        super().reject()
