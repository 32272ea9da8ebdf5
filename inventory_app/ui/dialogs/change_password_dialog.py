"""Passwords: a user changes their own, an administrator resets someone else's."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DatabaseUnavailable, DomainError
from ...services import auth, users
from ..context import AppContext
from ..errors import show_domain_error


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)  # typed passwords are never shown
    field.setMaxLength(200)
    return field


class _NewPasswordDialog(QDialog):
    """The new password twice, checked here; the subclass says what the service is.

    (Texts here use the fixed context "NewPasswordDialog": ``self.tr`` in a base class
    would be looked up under the subclass's name.)
    """

    # Each subclass's: the service call to run, built from the fields on the GUI thread.
    _change: Callable[[], Callable[[], None]]

    def __init__(self, ctx: AppContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setMinimumWidth(380)
        self.new_password = _password_field("newPassword")
        self.repeat_password = _password_field("repeatPassword")
        self.form = QFormLayout()
        self.error_label = QLabel()
        self.error_label.setObjectName("passwordError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #a4262c;")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def _problem(self) -> str:
        """A mistake the dialog can see without the database, or ""."""
        if len(self.new_password.text()) < auth.MIN_PASSWORD:
            return QCoreApplication.translate(
                "NewPasswordDialog", "新密码至少 {count} 个字符。"
            ).format(count=auth.MIN_PASSWORD)
        if self.new_password.text() != self.repeat_password.text():
            return QCoreApplication.translate("NewPasswordDialog", "两次输入的新密码不一致。")
        return ""

    def save(self) -> None:
        problem = self._problem()
        if problem:
            self._show_error(problem)
            return
        change = self._change()
        self.buttons.setEnabled(False)
        self.ctx.tasks.run(
            lambda _task: change(),
            on_done=lambda _none: self.accept(),
            on_error=self._failed,
            progress_label=QCoreApplication.translate("NewPasswordDialog", "正在保存密码…"),
            parent_widget=self,
        )

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, DomainError) and not isinstance(error, DatabaseUnavailable):
            self._show_error(self.ctx.error_text(error))
        else:
            show_domain_error(self, self.ctx, error)

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()


class ChangePasswordDialog(_NewPasswordDialog):
    """文件 → 修改密码…: the signed-in user's own password, the current one first."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("修改密码"))
        self.current_password = _password_field("currentPassword")
        self.form.addRow(self.tr("当前密码："), self.current_password)
        self.form.addRow(self.tr("新密码："), self.new_password)
        self.form.addRow(self.tr("再次输入新密码："), self.repeat_password)
        self.current_password.setFocus()

    def _problem(self) -> str:
        if not self.current_password.text():
            return self.tr("请输入当前密码。")
        return super()._problem()

    def _change(self) -> Callable[[], None]:
        uow, actor = self.ctx.uow, self.ctx.actor
        current, new = self.current_password.text(), self.new_password.text()
        return lambda: auth.change_password(uow, actor, current, new)

    def _failed(self, error: BaseException) -> None:
        self.current_password.clear()
        super()._failed(error)


class ResetPasswordDialog(_NewPasswordDialog):
    """The administrator sets a new password for ``username`` (who forgot theirs)."""

    def __init__(self, ctx: AppContext, username: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.username = username
        self.setObjectName("resetPasswordDialog")
        self.setWindowTitle(self.tr("重置密码 — {user}").format(user=username))
        self.form.addRow(self.tr("新密码："), self.new_password)
        self.form.addRow(self.tr("再次输入新密码："), self.repeat_password)
        self.new_password.setFocus()

    def _change(self) -> Callable[[], None]:
        uow, actor, username = self.ctx.uow, self.ctx.actor, self.username
        new = self.new_password.text()
        return lambda: users.reset_password(uow, actor, username, new)
