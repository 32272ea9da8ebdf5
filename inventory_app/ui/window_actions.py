"""The main window's actions and where they appear: menu bar, Business toolbar, language menu."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from ..domain.permissions import Action
from . import i18n, maintenance
from .dialogs.verify_dialog import run_verify
from .registry import POSTINGS

if TYPE_CHECKING:
    from .main_window import MainWindow

# Ctrl + the posting's place in the Business menu: the same digits on every keyboard
# layout, and a keeper at the counter learns "Ctrl+1 is 入库" in a day.
POSTING_SHORTCUTS: dict[str, str] = {
    "receive": "Ctrl+1",
    "issue": "Ctrl+2",
    "transfer": "Ctrl+3",
    "transfer_receive": "Ctrl+4",
    "adjust": "Ctrl+5",
    "reverse": "Ctrl+6",
    "request": "Ctrl+7",
    "order": "Ctrl+8",
    "ship": "Ctrl+9",
}


class WindowActions(QObject):
    """Builds every action of ``window`` once (``action_map`` by key) and re-sets their texts."""

    def __init__(self, window: MainWindow, is_sqlite: bool) -> None:
        super().__init__(window)
        self.window = window
        self.action_map: dict[str, QAction] = {}
        self._rules: dict[str, Callable[[], bool]] = {}
        self._create_actions(is_sqlite)
        self._create_menus()
        self._create_toolbar()
        self.apply_permissions()

    def _action(
        self, key: str, slot: Callable[[], Any], shortcut: QKeySequence | None = None
    ) -> QAction:
        action = QAction(self.window)
        action.setObjectName(f"action_{key}")
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.action_map[key] = action
        return action

    def _allowed(
        self,
        key: str,
        slot: Callable[[], Any],
        allowed: Callable[[], bool],
        shortcut: QKeySequence | None = None,
    ) -> None:
        self._action(key, slot, shortcut)
        self._rules[key] = allowed  # asked again after 切换用户

    def apply_permissions(self) -> None:
        """Show what the signed-in user may do (at start and after another user signs in)."""
        # Hidden rather than greyed out: an auditor should not wonder how to enable them.
        for key, allowed in self._rules.items():
            ok = allowed()
            self.action_map[key].setVisible(ok)
            self.action_map[key].setEnabled(ok)
        can = self.window.ctx.can
        self.business_menu.menuAction().setVisible(any(can(s.action) for s in POSTINGS))

    def _create_actions(self, is_sqlite: bool) -> None:
        window = self.window

        def can(action: Action) -> Callable[[], bool]:
            return lambda: window.ctx.can(action)  # the context's actor changes on 切换用户

        for spec in POSTINGS:
            self._allowed(
                spec.key,
                functools.partial(window.open_dialog, spec.key),
                can(spec.action),
                QKeySequence(POSTING_SHORTCUTS[spec.key]),
            )
        self._action("refresh", window.refresh_current, QKeySequence(Qt.Key.Key_F5))
        self._allowed(
            "backup", window.backup_database, lambda: window.ctx.can(Action.BACKUP) and is_sqlite
        )
        for key, slot in (
            ("backup_settings", maintenance.open_backup_settings),
            ("restore", maintenance.open_restore),
        ):
            self._allowed(
                key,
                functools.partial(slot, window),
                lambda: window.ctx.can(Action.BACKUP) and is_sqlite,
            )
        self._action("open_logs", maintenance.open_log_folder)
        self._allowed("verify", lambda: run_verify(window.ctx, window), can(Action.VERIFY))
        self._action("change_password", window.change_password)
        self._action("switch_user", window.switch_user)
        self._action("quit", window.close, QKeySequence(QKeySequence.StandardKey.Quit))
        self._allowed("settings", window.open_settings, can(Action.MANAGE_CATALOG))
        self._action("about", window.show_about)

        group = QActionGroup(window)
        group.setExclusive(True)
        for lang in i18n.LANGUAGES:
            action = self._action(f"lang_{lang}", functools.partial(window.set_language, lang))
            action.setCheckable(True)
            action.setChecked(lang == window.ctx.language)
            # Language names are never translated, so users can always find their own.
            action.setText(i18n.LANGUAGES[lang])
            group.addAction(action)

    def _create_menus(self) -> None:
        actions = self.action_map
        bar = self.window.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(actions["refresh"])
        self.file_menu.addSeparator()
        self.file_menu.addAction(actions["backup"])
        self.file_menu.addAction(actions["restore"])
        self.file_menu.addAction(actions["backup_settings"])
        self.file_menu.addAction(actions["verify"])
        self.file_menu.addSeparator()
        self.file_menu.addAction(actions["change_password"])
        self.file_menu.addAction(actions["switch_user"])
        self.file_menu.addSeparator()
        self.file_menu.addAction(actions["quit"])

        self.business_menu = bar.addMenu("")
        for spec in POSTINGS:
            self.business_menu.addAction(actions[spec.key])
            if spec.key in ("transfer_receive", "reverse"):
                self.business_menu.addSeparator()

        self.settings_menu = bar.addMenu("")
        self.language_menu = QMenu(self.settings_menu)
        for lang in i18n.LANGUAGES:
            self.language_menu.addAction(actions[f"lang_{lang}"])
        self.settings_menu.addMenu(self.language_menu)
        self.settings_menu.addAction(actions["settings"])

        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(actions["open_logs"])
        self.help_menu.addAction(actions["about"])

    def _create_toolbar(self) -> None:
        self.toolbar = toolbar = QToolBar(self.window)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setFloatable(False)
        # Words, not icons: keepers should not have to learn a pictogram per document.
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for spec in POSTINGS:
            if spec.key == "request":
                toolbar.addSeparator()  # the allocation flow after the stock postings
            toolbar.addAction(self.action_map[spec.key])
        toolbar.addSeparator()
        toolbar.addAction(self.action_map["refresh"])
        toolbar.setStyleSheet("QToolButton { padding: 4px 10px; }")
        self.window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)

    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("文件(&F)"))
        self.business_menu.setTitle(self.tr("业务(&B)"))
        self.settings_menu.setTitle(self.tr("设置(&S)"))
        self.help_menu.setTitle(self.tr("帮助(&H)"))
        self.language_menu.setTitle(self.tr("语言(&L)"))
        texts = {
            "receive": (self.tr("入库"), self.tr("登记到货入库，打印入库单")),
            "issue": (self.tr("出库"), self.tr("按调拨指令发放物资，打印出库单")),
            "transfer": (self.tr("调拨"), self.tr("把物资调往另一个仓库（发出）")),
            "transfer_receive": (self.tr("调拨接收"), self.tr("接收调入本库的在途物资")),
            "adjust": (self.tr("调整"), self.tr("盘点差异等库存调整")),
            "reverse": (self.tr("冲销"), self.tr("冲销一笔录错的单据")),
            "request": (
                self.tr("调拨申请"),
                self.tr("登记受灾地区的调拨申请，可按人数和定额生成明细"),
            ),
            "order": (self.tr("调拨指令"), self.tr("下达调拨指令：从哪些仓库、调给谁、多少")),
            "ship": (self.tr("指令出库"), self.tr("按已批准的调拨指令开具出库单")),
            "refresh": (self.tr("刷新"), self.tr("重新读取当前页面的数据")),
            "backup": (self.tr("备份数据库…"), self.tr("把数据库备份到一个文件")),
            "verify": (
                self.tr("数据校验（账账相符）"),
                self.tr("核对每个批次和仓库的结存与台账流水是否一致"),
            ),
            "change_password": (self.tr("修改密码…"), self.tr("修改您自己的登录密码")),
            "switch_user": (
                self.tr("切换用户…"),
                self.tr("退出当前用户，换另一个用户登录（不关闭程序）"),
            ),
            "quit": (self.tr("退出"), self.tr("关闭程序")),
            "settings": (self.tr("系统设置…"), self.tr("人口目标、道路系数、车速、临期天数")),
            "about": (self.tr("关于"), self.tr("版本、数据库、数据目录和许可")),
            "restore": (self.tr("从备份恢复…"), self.tr("校验并恢复一份备份，当前数据库另存")),
            "backup_settings": (
                self.tr("自动备份设置…"),
                self.tr("自动备份的文件夹和保留份数"),
            ),
            "open_logs": (self.tr("打开日志文件夹"), self.tr("出错时把日志文件发给技术支持")),
        }
        for key, (text, tip) in texts.items():
            action = self.action_map[key]
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if keys:
                tip = f"{tip} ({keys})"  # the toolbar shows no menu, so the tip names the keys
            action.setText(text)
            action.setToolTip(tip)
            action.setStatusTip(tip)
        self.toolbar.setWindowTitle(self.tr("业务工具栏"))
