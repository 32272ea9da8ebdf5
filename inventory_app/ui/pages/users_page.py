"""用户管理: the administrator lists accounts, creates them, changes roles and depots,
deactivates or re-activates them and resets forgotten passwords."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from ...messages import role_name
from ...services import sign_in, users
from ...services.common import local_time, utcnow
from ...services.sign_in import Throttle
from ...services.users import UserRow
from ..context import AppContext
from ..dialogs.change_password_dialog import ResetPasswordDialog
from ..dialogs.user_dialog import UserDialog
from ..errors import show_domain_error
from ..models.table_models import Column, RowsTableModel
from .masterdata_base import INACTIVE, record_table, redraw
from .page_base import DataPage

D = TypeVar("D", UserDialog, ResetPasswordDialog)


def _muted(row: UserRow) -> QColor | None:
    return None if row.active else INACTIVE


class UsersPage(DataPage):
    """The accounts table with one button per change; every change reloads the table."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, load_when_shown=True)
        self._locks: dict[tuple[str, str], datetime] = {}  # (kind, name) → locked until
        self.model: RowsTableModel[UserRow] = RowsTableModel(
            [
                Column(
                    "username", lambda: self.tr("用户名"), lambda r: r.username, foreground=_muted
                ),
                Column(
                    "display_name",
                    lambda: self.tr("姓名"),
                    lambda r: r.display_name,
                    foreground=_muted,
                ),
                Column(
                    "role",
                    lambda: self.tr("角色"),
                    lambda r: role_name(r.role, self.ctx.lang),
                    foreground=_muted,
                ),
                Column(
                    "depots",
                    lambda: self.tr("负责仓库"),
                    lambda r: "、".join(r.depot_codes),
                    foreground=_muted,
                ),
                Column("active", lambda: self.tr("状态"), self._status_text, foreground=_muted),
            ],
            self,
        )
        self.table = record_table(self.model)
        self.table.setObjectName("usersTable")
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self.edit_user())

        self.title = QLabel()
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.new_button = QPushButton()
        self.new_button.setObjectName("newUser")
        self.new_button.clicked.connect(self.new_user)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("editUser")
        self.edit_button.clicked.connect(self.edit_user)
        self.active_button = QPushButton()
        self.active_button.setObjectName("toggleActive")
        self.active_button.clicked.connect(self.toggle_active)
        self.password_button = QPushButton()
        self.password_button.setObjectName("resetPassword")
        self.password_button.clicked.connect(self.reset_password)
        self.unlock_button = QPushButton()
        self.unlock_button.setObjectName("unlockSignIn")
        self.unlock_button.clicked.connect(self.unlock_user)
        self.hosts_label = QLabel()
        self.hosts_label.setObjectName("lockedHosts")
        self.hosts_label.setWordWrap(True)
        self.hosts_label.setStyleSheet("color: #a4262c;")
        self.hosts_button = QPushButton()
        self.hosts_button.setObjectName("unlockHosts")
        self.hosts_button.clicked.connect(self.unlock_hosts)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.active_button):
            buttons.addWidget(button)
        buttons.addWidget(self.password_button)
        buttons.addWidget(self.unlock_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(buttons)
        hosts = QHBoxLayout()
        hosts.addWidget(self.hosts_label, 1)
        hosts.addWidget(self.hosts_button)
        layout.addLayout(hosts)
        layout.addWidget(self.table)
        self.retranslate()
        self._update_buttons()

    def _status_text(self, row: UserRow) -> str:
        status = self.tr("启用") if row.active else self.tr("停用")
        until = self._locks.get((sign_in.USER, row.username.casefold()))
        if until is None:
            return status
        return status + self.tr("（登录锁定至 {time}）").format(
            time=local_time(until).strftime("%H:%M")
        )

    # -- loading --------------------------------------------------------------------

    def refresh(self) -> None:
        self._reload_on_show = False
        uow, actor = self.ctx.uow, self.ctx.actor
        self.ctx.tasks.run(
            lambda _task: (users.list_users(uow, actor), sign_in.throttled(uow, actor)),
            on_done=lambda found: self._loaded(*found),
            on_error=lambda error: show_domain_error(self, self.ctx, error, retry=self.refresh),
            show_progress=False,
        )

    def _loaded(self, rows: list[UserRow], throttled: list[Throttle] | None = None) -> None:
        now = utcnow()
        self._locks = {
            (x.kind, x.name): x.locked_until
            for x in throttled or ()
            if x.locked_until is not None and x.locked_until > now
        }
        hosts = sorted(name for kind, name in self._locks if kind == sign_in.HOST)
        self.hosts_label.setText(
            self.tr("以下电脑因密码错误次数过多暂停登录：{hosts}").format(hosts="、".join(hosts))
        )
        self.hosts_label.setVisible(bool(hosts))
        self.hosts_button.setVisible(bool(hosts))
        selected = self.selected_user()
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        if selected is not None:
            self.select_user(selected.username)
        self._update_buttons()

    def selected_user(self) -> UserRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return self.model.row_at(indexes[0]) if indexes else None

    def select_user(self, username: str) -> None:
        for position, row in enumerate(self.model.rows()):
            if row.username == username:
                self.table.selectRow(position)
                return

    def _update_buttons(self) -> None:
        row = self.selected_user()
        for button in (self.edit_button, self.active_button, self.password_button):
            button.setEnabled(row is not None)
        self.unlock_button.setEnabled(
            row is not None and (sign_in.USER, row.username.casefold()) in self._locks
        )
        self.active_button.setText(
            self.tr("启用", "button")
            if row is not None and not row.active
            else self.tr("停用", "button")
        )

    # -- changes --------------------------------------------------------------------

    def new_user(self) -> UserDialog:
        return self._open(UserDialog(self.ctx, self))

    def edit_user(self) -> UserDialog | None:
        row = self.selected_user()
        return self._open(UserDialog(self.ctx, self, row)) if row is not None else None

    def reset_password(self) -> ResetPasswordDialog | None:
        row = self.selected_user()
        if row is None:
            return None
        return self._open(ResetPasswordDialog(self.ctx, row.username, self))

    def _open(self, dialog: D) -> D:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def toggle_active(self) -> None:
        row = self.selected_user()
        if row is None:
            return
        if row.active and not self._confirm(
            self.tr("停用用户“{user}”？停用后不能再登录，业务记录保留。").format(user=row.username)
        ):
            return
        uow, actor, username, active = self.ctx.uow, self.ctx.actor, row.username, not row.active
        self._run(lambda: users.set_active(uow, actor, username, active))

    def unlock_user(self) -> None:
        """Lift the sign-in lock of the selected user (too many wrong passwords)."""
        row = self.selected_user()
        if row is None:
            return
        uow, actor, username = self.ctx.uow, self.ctx.actor, row.username
        self._run(lambda: sign_in.lift(uow, actor, sign_in.USER, username))

    def unlock_hosts(self) -> None:
        uow, actor = self.ctx.uow, self.ctx.actor
        names = [name for kind, name in self._locks if kind == sign_in.HOST]

        def lift_all() -> None:
            for name in names:
                sign_in.lift(uow, actor, sign_in.HOST, name)

        self._run(lift_all)

    def _run(self, change: Callable[[], None]) -> None:
        self.active_button.setEnabled(False)  # one change at a time; the reload re-enables

        def failed(error: BaseException) -> None:
            self._update_buttons()
            show_domain_error(self, self.ctx, error)

        self.ctx.tasks.run(
            lambda _task: change(),
            on_done=lambda _none: self.refresh(),
            on_error=failed,
            parent_widget=self,
        )

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("MasterDataPage", "请确认"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def retranslate(self) -> None:
        self.title.setText(self.tr("用户管理"))
        self.new_button.setText(self.tr("新建用户…"))
        self.edit_button.setText(self.tr("修改角色和仓库…"))
        self.password_button.setText(self.tr("重置密码…"))
        self.unlock_button.setText(self.tr("解除登录锁定"))
        self.hosts_button.setText(self.tr("解除电脑锁定"))
        self._update_buttons()
        self.model.retranslate()
        redraw(self.model)
