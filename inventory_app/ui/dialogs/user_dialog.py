"""Create a user, or change a user's display name, role and depots (the administrator's)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DatabaseUnavailable, DomainError
from ...domain.model import Role
from ...messages import role_name
from ...services import auth, reference_queries, users
from ...services.rows import DepotRow
from ...services.users import UserRow
from ..context import AppContext
from ..errors import show_domain_error


class UserDialog(QDialog):
    """New account when ``user`` is None, else an edit of ``user``; accepted once saved."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, user: UserRow | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.user = user
        self.setObjectName("userDialog")
        self.setMinimumWidth(420)
        self.setWindowTitle(
            self.tr("新建用户")
            if user is None
            else self.tr("修改用户 — {user}").format(user=user.username)
        )
        self.username = QLineEdit(user.username if user else "")
        self.username.setObjectName("username")
        self.username.setMaxLength(60)
        self.username.setReadOnly(user is not None)  # the sign-in name never changes
        self.display_name = QLineEdit(user.display_name if user else "")
        self.display_name.setObjectName("displayName")
        self.display_name.setMaxLength(100)
        self.role = QComboBox()
        self.role.setObjectName("role")
        for role in Role:
            self.role.addItem(role_name(role.value, ctx.lang), role.value)
        self.role.setCurrentIndex(self.role.findData(user.role if user else Role.KEEPER.value))
        self.role.currentIndexChanged.connect(self._update_depots_hint)
        self.password = QLineEdit()
        self.password.setObjectName("initialPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.depot_boxes: dict[str, QCheckBox] = {}
        self._depot_panel = QWidget()
        self._depot_layout = QVBoxLayout(self._depot_panel)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._depot_panel)
        scroll.setMinimumHeight(140)
        self.depots_hint = QLabel()
        self.depots_hint.setWordWrap(True)
        self.depots_hint.setStyleSheet("color: #5b6675;")

        form = QFormLayout()
        form.addRow(self.tr("用户名："), self.username)
        form.addRow(self.tr("姓名："), self.display_name)
        form.addRow(self.tr("角色："), self.role)
        if user is None:
            form.addRow(self.tr("初始密码："), self.password)
        form.addRow(self.tr("负责仓库："), scroll)
        self.error_label = QLabel()
        self.error_label.setObjectName("userError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #a4262c;")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.depots_hint)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._update_depots_hint()
        self._load_depots()

    def _load_depots(self) -> None:
        uow, actor = self.ctx.uow, self.ctx.actor
        self.ctx.tasks.run(
            lambda _task: reference_queries.depots(uow, actor, include_inactive=False),
            on_done=self._set_depots,
            on_error=lambda error: show_domain_error(self, self.ctx, error),
            show_progress=False,
        )

    def _set_depots(self, depots: list[DepotRow]) -> None:
        chosen = set(self.user.depot_codes) if self.user else set()
        for depot in depots:
            box = QCheckBox(f"{depot.code}  {depot.name}")
            box.setObjectName(f"depot_{depot.code}")
            box.setChecked(depot.code in chosen)
            self.depot_boxes[depot.code] = box
            self._depot_layout.addWidget(box)
        self._depot_layout.addStretch(1)

    def _update_depots_hint(self) -> None:
        keeper = self.role.currentData() == Role.KEEPER.value
        self.depots_hint.setText(
            self.tr("保管员只能操作勾选的仓库。")
            if keeper
            else self.tr("该角色可查看所有仓库；勾选的仓库仅作记录。")
        )

    def chosen_depots(self) -> list[str]:
        return [code for code, box in self.depot_boxes.items() if box.isChecked()]

    def _change(self) -> Callable[[], object] | None:
        uow, actor = self.ctx.uow, self.ctx.actor
        username = self.username.text().strip()
        display, role = self.display_name.text(), str(self.role.currentData())
        depots = self.chosen_depots()
        if self.user is not None:
            return lambda: users.set_role_and_depots(
                uow, actor, username, role=role, depots=depots, display_name=display
            )
        if not username:
            self._show_error(self.tr("请输入用户名。"))
            return None
        password = self.password.text()
        if len(password) < auth.MIN_PASSWORD:
            self._show_error(
                self.tr("初始密码至少 {count} 个字符。").format(count=auth.MIN_PASSWORD)
            )
            return None
        return lambda: auth.create_user(
            uow,
            actor,
            username=username,
            password=password,
            role=role,
            display_name=display,
            depots=depots,
        )

    def save(self) -> None:
        change = self._change()
        if change is None:
            return
        self.buttons.setEnabled(False)
        self.ctx.tasks.run(
            lambda _task: change(),
            on_done=lambda _result: self.accept(),
            on_error=self._failed,
            progress_label=self.tr("正在保存用户…"),
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
