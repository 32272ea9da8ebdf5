"""The three pages of the first-run dialog: choose how to start, set an administrator, a server.

The pages only lay out their fields and buttons; ``FirstRunDialog`` wires them and does the work.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...services import auth, first_run

_TITLE_STYLE = "font-size: 15pt; font-weight: bold; color: #1f2d3d;"
_NOTE_STYLE = "color: #5b6675;"
_ERROR_STYLE = "color: #a4262c;"


def title_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(_TITLE_STYLE)
    return label


def note_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(_NOTE_STYLE)
    return label


def error_label() -> QLabel:
    """A red, selectable message line, hidden until there is something to say."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(_ERROR_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def _page_layout(page: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    return layout


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class ChoicePage(QWidget):
    """New empty database, new demo database, or a server; where the new file will go."""

    def __init__(self, parent: QWidget | None = None, *, switching: bool = False) -> None:
        super().__init__(parent)
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
        self.path_label = note_label()
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.change_button = QPushButton(self.tr("更改位置…"))
        self.open_button = QPushButton(self.tr("打开已有的数据库文件…"))
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_label, 1)
        path_row.addWidget(self.change_button)

        self.error = error_label()
        buttons = QDialogButtonBox()
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.quit_button = buttons.addButton(
            self.tr("返回登录") if switching else self.tr("退出"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )

        layout = _page_layout(self)
        if switching:  # asked for from the sign-in dialog: a database is open already
            layout.addWidget(title_label(self.tr("更换数据库")))
            layout.addWidget(note_label(self.tr("打开已有的数据库文件，或新建一个：")))
        else:
            layout.addWidget(title_label(self.tr("欢迎使用应急物资储备管理系统")))
            layout.addWidget(note_label(self.tr("还没有找到数据库。请选择如何开始：")))
        layout.addSpacing(4)
        layout.addWidget(self.empty_button)
        layout.addWidget(self.demo_button)
        layout.addWidget(self.server_button)
        layout.addSpacing(6)
        layout.addLayout(path_row)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def show_path(self, path: object) -> None:
        self.path_label.setText(self.tr("数据库文件将保存在：{path}").format(path=path))


class AdminPage(QWidget):
    """User name and password (twice) of the first administrator."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title_label(self.tr("设置管理员账户"))
        self.note = note_label()
        self.user = QLineEdit("admin")
        self.user.setMaxLength(60)
        self.password = _password_edit()
        self.repeat = _password_edit()
        form = QFormLayout()
        form.addRow(self.tr("管理员用户名："), self.user)
        form.addRow(self.tr("密码："), self.password)
        form.addRow(self.tr("再次输入密码："), self.repeat)
        self.error = error_label()

        self.buttons = QDialogButtonBox()
        self.back_button = self.buttons.addButton(
            self.tr("上一步"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.create_button = self.buttons.addButton(
            self.tr("创建数据库"), QDialogButtonBox.ButtonRole.AcceptRole
        )

        layout = _page_layout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(
            note_label(
                self.tr("密码至少 {n} 个字符。请牢记：忘记后只能由另一位管理员重设。").format(
                    n=auth.MIN_PASSWORD
                )
            )
        )
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)


class ServerPage(QWidget):
    """Address, port, database name and account of a PostgreSQL server."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = QLineEdit("localhost")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(first_run.DEFAULT_PORT)
        self.port.setGroupSeparatorShown(False)
        self.database_name = QLineEdit("inventory")
        self.user = QLineEdit()
        self.password = _password_edit()
        form = QFormLayout()
        form.addRow(self.tr("服务器地址："), self.host)
        form.addRow(self.tr("端口："), self.port)
        form.addRow(self.tr("数据库名："), self.database_name)
        form.addRow(self.tr("用户名："), self.user)
        form.addRow(self.tr("密码："), self.password)
        self.error = error_label()

        self.buttons = QDialogButtonBox()
        self.back_button = self.buttons.addButton(
            self.tr("上一步"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.connect_button = self.buttons.addButton(
            self.tr("连接"), QDialogButtonBox.ButtonRole.AcceptRole
        )

        layout = _page_layout(self)
        layout.addWidget(title_label(self.tr("连接 PostgreSQL 服务器")))
        layout.addWidget(note_label(self.tr("请向系统管理员索取以下信息。")))
        layout.addLayout(form)
        layout.addWidget(
            note_label(
                self.tr(
                    "密码不会保存在本机设置中：下次启动时会再次询问，"
                    "或由管理员用 PGPASSWORD / .pgpass 配置。"
                )
            )
        )
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def prefill(self, url: str) -> None:
        """The remembered server (stored without its password)."""
        host, port, name, user = first_run.server_parts(url)
        self.host.setText(host)
        self.port.setValue(port)
        self.database_name.setText(name)
        self.user.setText(user)

    def url(self) -> str:
        """The full connection URL (password included); raises InvalidInput on a gap."""
        return first_run.postgres_url(
            self.host.text(),
            self.port.value(),
            self.database_name.text(),
            self.user.text(),
            self.password.text(),
        )
