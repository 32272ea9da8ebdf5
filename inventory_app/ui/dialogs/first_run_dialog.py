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

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DatabaseUnavailable, DomainError
from ...messages import error_message
from ...persistence.engine import sqlite_url
from ...persistence.uow import UnitOfWork
from ...services import auth, database, first_run
from .. import i18n
from ..errors import show_unexpected
from ..tasks import TaskRunner

DB_URL_KEY = "db/url"
_TITLE_STYLE = "font-size: 15pt; font-weight: bold; color: #1f2d3d;"
_NOTE_STYLE = "color: #5b6675;"
_ERROR_STYLE = "color: #a4262c;"


def _lang() -> str:
    return "en" if i18n.current_language().startswith("en") else "zh"


def remember_url(url: str) -> None:
    """Store the database choice for the next start, always without a password."""
    QSettings().setValue(DB_URL_KEY, first_run.without_password(url))


def _title(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(_TITLE_STYLE)
    return label


def _note(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(_NOTE_STYLE)
    return label


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(_ERROR_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


class FirstRunDialog(QDialog):
    """Accepted once a database is open: ``uow`` is it, ``url`` its (full) address."""

    def __init__(
        self,
        tasks: TaskRunner,
        sqlite_path: Path,
        parent: QWidget | None = None,
        *,
        server_url: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.sqlite_path = Path(sqlite_path)
        self.uow: UnitOfWork | None = None
        self.url: str | None = None
        self.created_username = ""
        self.demo = False
        self._admin_for_server = False
        self.setObjectName("firstRunDialog")
        self.setWindowTitle(self.tr("开始使用 — 应急物资储备管理系统"))
        self.setMinimumWidth(560)

        self.pages = QStackedWidget()
        self.choice_page = self._build_choice_page()
        self.admin_page = self._build_admin_page()
        self.server_page = self._build_server_page()
        for page in (self.choice_page, self.admin_page, self.server_page):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 16)
        layout.addWidget(self.pages)
        if server_url:
            self._prefill_server(server_url)
        self._update_path_label()

    # -- pages ------------------------------------------------------------------------

    def _build_choice_page(self) -> QWidget:
        page = QWidget()
        self.empty_button = QCommandLinkButton(
            self.tr("新建空数据库"),
            self.tr("在本机新建一个空的数据库，并设置管理员账户。正式使用请选此项。"),
        )
        self.demo_button = QCommandLinkButton(
            self.tr("新建演示数据库"),
            self.tr(
                "载入中卫市的演示数据（35 个仓库、约 400 个批次、两年的出入库记录），"
                "用于培训和试用。约需 15 秒。"
            ),
        )
        self.server_button = QCommandLinkButton(
            self.tr("连接 PostgreSQL 服务器"),
            self.tr("多台电脑共用一个数据库时选此项。需要服务器地址、数据库名和账户。"),
        )
        self.empty_button.clicked.connect(self.choose_empty)
        self.demo_button.clicked.connect(self.choose_demo)
        self.server_button.clicked.connect(self.choose_server)

        self.path_label = _note()
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        change = QPushButton(self.tr("更改位置…"))
        change.clicked.connect(self._change_path)
        open_existing = QPushButton(self.tr("打开已有的数据库文件…"))
        open_existing.clicked.connect(self._open_existing)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_label, 1)
        path_row.addWidget(change)

        self.choice_error = _error_label()
        buttons = QDialogButtonBox()
        buttons.addButton(open_existing, QDialogButtonBox.ButtonRole.ActionRole)
        quit_button = buttons.addButton(self.tr("退出"), QDialogButtonBox.ButtonRole.RejectRole)
        quit_button.clicked.connect(self.reject)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_title(self.tr("欢迎使用应急物资储备管理系统")))
        layout.addWidget(_note(self.tr("还没有找到数据库。请选择如何开始：")))
        layout.addSpacing(4)
        layout.addWidget(self.empty_button)
        layout.addWidget(self.demo_button)
        layout.addWidget(self.server_button)
        layout.addSpacing(6)
        layout.addLayout(path_row)
        layout.addWidget(self.choice_error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        return page

    def _build_admin_page(self) -> QWidget:
        page = QWidget()
        self.admin_title = _title(self.tr("设置管理员账户"))
        self.admin_note = _note()
        self.admin_user = QLineEdit("admin")
        self.admin_user.setMaxLength(60)
        self.admin_password = QLineEdit()
        self.admin_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.admin_repeat = QLineEdit()
        self.admin_repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("管理员用户名："), self.admin_user)
        form.addRow(self.tr("密码："), self.admin_password)
        form.addRow(self.tr("再次输入密码："), self.admin_repeat)
        self.admin_error = _error_label()

        buttons = QDialogButtonBox()
        back = buttons.addButton(self.tr("上一步"), QDialogButtonBox.ButtonRole.ResetRole)
        back.clicked.connect(self._back)
        self.create_button = buttons.addButton(
            self.tr("创建数据库"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.create_empty)
        self.admin_buttons = buttons

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.admin_title)
        layout.addWidget(self.admin_note)
        layout.addLayout(form)
        layout.addWidget(
            _note(
                self.tr("密码至少 {n} 个字符。请牢记：忘记后只能由另一位管理员重设。").format(
                    n=auth.MIN_PASSWORD
                )
            )
        )
        layout.addWidget(self.admin_error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        return page

    def _build_server_page(self) -> QWidget:
        page = QWidget()
        self.host = QLineEdit("localhost")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(first_run.DEFAULT_PORT)
        self.port.setGroupSeparatorShown(False)
        self.database_name = QLineEdit("inventory")
        self.server_user = QLineEdit()
        self.server_password = QLineEdit()
        self.server_password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("服务器地址："), self.host)
        form.addRow(self.tr("端口："), self.port)
        form.addRow(self.tr("数据库名："), self.database_name)
        form.addRow(self.tr("用户名："), self.server_user)
        form.addRow(self.tr("密码："), self.server_password)
        self.server_error = _error_label()

        buttons = QDialogButtonBox()
        back = buttons.addButton(self.tr("上一步"), QDialogButtonBox.ButtonRole.ResetRole)
        back.clicked.connect(self._back)
        self.connect_button = buttons.addButton(
            self.tr("连接"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.connect_server)
        self.server_buttons = buttons

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_title(self.tr("连接 PostgreSQL 服务器")))
        layout.addWidget(_note(self.tr("请向系统管理员索取以下信息。")))
        layout.addLayout(form)
        layout.addWidget(
            _note(
                self.tr(
                    "密码不会保存在本机设置中：下次启动时会再次询问，"
                    "或由管理员用 PGPASSWORD / .pgpass 配置。"
                )
            )
        )
        layout.addWidget(self.server_error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        return page

    def _prefill_server(self, url: str) -> None:
        host, port, name, user = first_run.server_parts(url)
        self.host.setText(host)
        self.port.setValue(port)
        self.database_name.setText(name)
        self.server_user.setText(user)

    def _update_path_label(self) -> None:
        self.path_label.setText(self.tr("数据库文件将保存在：{path}").format(path=self.sqlite_path))

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

            def add_admin(_task: Any) -> UnitOfWork:
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
            url = first_run.postgres_url(
                self.host.text(),
                self.port.value(),
                self.database_name.text(),
                self.server_user.text(),
                self.server_password.text(),
            )
        except DomainError as error:
            self._show(self.server_error, error_message(error, _lang()))
            return

        def work(_task: Any) -> tuple[UnitOfWork, bool]:
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
            self.uow.engine.dispose()
        self.uow, self.url = None, None

    def reject(self) -> None:
        # Esc on a later page goes back a step; only on the first page does it quit.
        if self.pages.currentWidget() is not self.choice_page:
            if self.pages.isEnabled():
                self._back()
            return
        self._dispose()
        super().reject()


class ServerPasswordDialog(QDialog):
    """Asks for the PostgreSQL password at start; it stays in memory for this session only."""

    def __init__(self, url: str, detail: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("连接数据库服务器"))
        self.setMinimumWidth(420)
        host, port, name, user = first_run.server_parts(url)
        info = QLabel(
            self.tr("服务器 {host}:{port} 上的数据库 {database} 需要密码。").format(
                host=host, port=port, database=name
            )
        )
        info.setWordWrap(True)
        self.user = QLabel(user)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("用户名："), self.user)
        form.addRow(self.tr("密码："), self.password)
        error = _error_label()
        if detail:
            error.setText(detail)
            error.show()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addLayout(form)
        layout.addWidget(error)
        layout.addWidget(buttons)
        self.password.setFocus()

    def entered_password(self) -> str:
        return self.password.text()
