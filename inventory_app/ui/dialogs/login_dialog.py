"""Sign-in: user name and password, checked in the background (argon2 is deliberately slow)."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError, SignInDelayed
from ...domain.permissions import Actor
from ...messages import error_message
from ...services import auth
from ...services.database import Database
from .. import i18n
from ..errors import show_unexpected
from ..tasks import TaskRunner

LAST_USER_KEY = "login/last_user"


class LoginDialog(QDialog):
    """Accepted with ``actor`` set once the password is right; a wrong one keeps it open."""

    def __init__(
        self,
        uow: Database,
        tasks: TaskRunner | None = None,
        database_label: str = "",
        parent: QWidget | None = None,
        *,
        hint: str = "",
        username: str = "",
        can_switch_database: bool = False,
    ) -> None:
        super().__init__(parent)
        self.uow = uow
        self.tasks = tasks if tasks is not None else TaskRunner(self)
        self.actor: Actor | None = None
        self.switch_requested = False  # closed with 更换数据库…: the caller offers the choice
        self._busy = False
        self._wait_left = 0  # seconds before the next try is allowed (after wrong passwords)
        self._wait_timer = QTimer(self)
        self._wait_timer.setInterval(1000)
        self._wait_timer.timeout.connect(self._tick)
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("登录 — 应急物资储备管理系统"))
        self.setMinimumWidth(420)

        title = QLabel(self.tr("应急物资储备管理系统"))
        title.setObjectName("loginTitle")
        title.setStyleSheet("font-size: 16pt; font-weight: bold; color: #1f2d3d;")
        subtitle = QLabel(self.tr("请输入用户名和密码"))
        subtitle.setStyleSheet("color: #5b6675;")

        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setMaxLength(60)
        self.username.setText(username or str(QSettings().value(LAST_USER_KEY, "") or ""))
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("用户名："), self.username)
        form.addRow(self.tr("密码："), self.password)

        self.error_label = QLabel()
        self.error_label.setObjectName("loginError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #a4262c;")
        self.error_label.hide()

        self.hint_label = QLabel(hint)
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet(
            "background: #eef4fb; border: 1px solid #c9dbef; border-radius: 4px; padding: 6px;"
        )
        self.hint_label.setVisible(bool(hint))

        self.database_label = QLabel(self.tr("数据库：{database}").format(database=database_label))
        self.database_label.setObjectName("loginDatabase")
        self.database_label.setWordWrap(True)
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.database_label.setStyleSheet("color: #5b6675;")
        self.database_label.setVisible(bool(database_label))
        self.switch_button = QPushButton(self.tr("更换数据库…"))
        self.switch_button.setObjectName("switchDatabase")
        self.switch_button.setToolTip(
            self.tr("打开另一个数据库文件、新建数据库或连接 PostgreSQL 服务器")
        )
        self.switch_button.setAutoDefault(False)
        self.switch_button.clicked.connect(self._switch_database)
        self.switch_button.setVisible(can_switch_database)
        database_row = QHBoxLayout()
        database_row.addWidget(self.database_label, 1)
        database_row.addWidget(self.switch_button, 0, Qt.AlignmentFlag.AlignTop)

        self.buttons = QDialogButtonBox()
        self.login_button: QPushButton = self.buttons.addButton(
            self.tr("登录"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button: QPushButton = self.buttons.addButton(
            self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.login_button.setDefault(True)
        self.buttons.accepted.connect(self.sign_in)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.hint_label)
        layout.addLayout(database_row)
        layout.addWidget(self.buttons)

        # The usual case is the same user as last time: start in the password field.
        (self.password if self.username.text() else self.username).setFocus()

    def _switch_database(self) -> None:
        if self._busy:
            return
        self.switch_requested = True
        self.reject()

    def sign_in(self) -> None:
        if self._busy or self._wait_left > 0:
            return  # Enter pressed twice while the first check runs, or the delay is not over
        username = self.username.text().strip()
        password = self.password.text()
        if not username:
            self._show_error(self.tr("请输入用户名。"))
            self.username.setFocus()
            return
        if not password:
            self._show_error(self.tr("请输入密码。"))
            self.password.setFocus()
            return
        self._set_busy(True)
        uow = self.uow
        self.tasks.run(
            lambda _task: auth.authenticate(uow, username, password),
            on_done=self._signed_in,
            on_error=self._failed,
            progress_label=self.tr("正在登录…"),
            parent_widget=self,
        )

    def _signed_in(self, actor: Actor) -> None:
        self._set_busy(False)
        if not self.isVisible():
            return  # cancelled while the check ran
        self.actor = actor
        QSettings().setValue(LAST_USER_KEY, actor.username)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(error, DomainError):
            show_unexpected(error)
            return
        # Shown in the dialog, not in a box: the user retypes at once, nothing to dismiss.
        lang = "en" if i18n.current_language().startswith("en") else "zh"
        self._show_error(error_message(error, lang))
        self.password.clear()
        self.password.setFocus()
        if isinstance(error, SignInDelayed):
            self._wait_left = int(error.params["seconds"])
            self._tick_label()
            self._wait_timer.start()

    def _tick(self) -> None:
        self._wait_left = max(0, self._wait_left - 1)
        self._tick_label()
        if self._wait_left == 0:
            self._wait_timer.stop()
            self.error_label.hide()

    def _tick_label(self) -> None:
        """The login button counts the delay down, so nobody presses it in vain."""
        waiting = self._wait_left > 0
        self.login_button.setEnabled(not waiting and not self._busy)
        self.login_button.setText(
            self.tr("请等待 {seconds} 秒").format(seconds=self._wait_left)
            if waiting
            else self.tr("登录")
        )

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.username, self.password, self.login_button):
            widget.setEnabled(not busy)
        if self._wait_left > 0:
            self.login_button.setEnabled(False)
        if busy:
            self.error_label.hide()
