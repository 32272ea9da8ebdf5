"""The main window: navigation on the left, pages on the right, postings in menu and toolbar."""

from __future__ import annotations

import functools
import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from .. import __version__, paths
from ..domain.errors import DatabaseUnavailable
from ..domain.permissions import Action
from ..messages import role_name
from ..persistence.engine import sqlite_path
from ..services import backup, dashboard_queries, reference_queries
from . import i18n
from .context import AppContext
from .errors import show_domain_error
from .widgets.nav_pane import (
    PAGE_CATALOGUE,
    PAGE_DASHBOARD,
    PAGE_DEPOTS,
    PAGE_LEDGER,
    PAGE_STOCK,
    NavPane,
    NavTarget,
)

_log = logging.getLogger(__name__)

GEOMETRY_KEY = "ui/main_window_geometry"
STATE_KEY = "ui/main_window_state"
SPLITTER_KEY = "ui/main_window_splitter"
STATUS_REFRESH_MS = 5 * 60 * 1000  # another PC (PostgreSQL) may send a transfer meanwhile
CLOSE_WAIT_MS = 15000  # let a posting that is under way finish before the window goes

# page key -> (module, class). Imported on first use: a page is built only when opened,
# and the window still works while a page is missing from an incomplete installation.
PAGES: dict[str, tuple[str, str]] = {
    PAGE_DASHBOARD: ("inventory_app.ui.pages.dashboard_page", "DashboardPage"),
    PAGE_DEPOTS: ("inventory_app.ui.pages.depots_page", "DepotsPage"),
    PAGE_CATALOGUE: ("inventory_app.ui.pages.catalogue_page", "CataloguePage"),
    PAGE_STOCK: ("inventory_app.ui.pages.stock_page", "StockPage"),
    PAGE_LEDGER: ("inventory_app.ui.pages.ledger_page", "LedgerPage"),
}


@dataclass(frozen=True)
class PostingSpec:
    key: str
    module: str
    class_name: str
    action: Action


POSTINGS: tuple[PostingSpec, ...] = (
    PostingSpec(
        "receive", "inventory_app.ui.dialogs.receive_dialog", "ReceiveDialog", Action.RECEIVE
    ),
    PostingSpec("issue", "inventory_app.ui.dialogs.issue_dialog", "IssueDialog", Action.ISSUE),
    PostingSpec(
        "transfer", "inventory_app.ui.dialogs.transfer_dialog", "TransferDialog", Action.TRANSFER
    ),
    # Receiving a transfer is the TRANSFER right at the destination (services.posting).
    PostingSpec(
        "transfer_receive",
        "inventory_app.ui.dialogs.transfer_receive_dialog",
        "TransferReceiveDialog",
        Action.TRANSFER,
    ),
    PostingSpec("adjust", "inventory_app.ui.dialogs.adjust_dialog", "AdjustDialog", Action.ADJUST),
    PostingSpec(
        "reverse", "inventory_app.ui.dialogs.reverse_dialog", "ReverseDialog", Action.REVERSE
    ),
)
POSTING_BY_KEY = {spec.key: spec for spec in POSTINGS}


def load_class(module_name: str, class_name: str) -> type | None:
    """The class, or None if its module is not installed (logged, never a crash)."""
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name != module_name:
            raise  # the module exists but one of *its* imports is missing: a real bug
        _log.warning("%s is not available", module_name)
        return None
    cls = getattr(module, class_name, None)
    if cls is None:
        _log.warning("%s has no %s", module_name, class_name)
    return cls


class _MissingPage(QLabel):
    """Stands in for a page whose module is not installed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.retranslate()

    def refresh(self) -> None:
        pass

    def retranslate(self) -> None:
        self.setText(self.tr("此功能尚未安装。"))


class MainWindow(QMainWindow):
    """Composes navigation, pages, posting dialogs, menus and the status bar."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.pages: dict[str, QWidget] = {}
        self.action_map: dict[str, QAction] = {}
        self._status_loading = False

        self.nav = NavPane(self)
        self.nav.setMinimumWidth(200)
        self.stack = QStackedWidget(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([270, 1000])
        self.setCentralWidget(self.splitter)

        self._create_actions()
        self._create_menus()
        self._create_toolbar()
        self._create_status_bar()
        self.nav.model.set_english(ctx.language.startswith("en"))
        self.nav.navigate.connect(self.navigate)
        ctx.events.stock_changed.connect(self.refresh_status)
        ctx.events.master_data_changed.connect(self.load_navigation)

        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_REFRESH_MS)
        self._status_timer.timeout.connect(self.refresh_status)
        self._status_timer.start()

        self.resize(1280, 760)
        self._restore_layout()
        self.retranslate()
        self.load_navigation()
        self.refresh_status()
        self.navigate(NavTarget(PAGE_DASHBOARD))
        self.nav.select(NavTarget(PAGE_DASHBOARD), emit=False)

    # -- actions, menus, toolbar, status bar -------------------------------------------

    def _action(
        self, key: str, slot: Callable[[], Any], shortcut: QKeySequence | None = None
    ) -> QAction:
        action = QAction(self)
        action.setObjectName(f"action_{key}")
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.action_map[key] = action
        return action

    def _create_actions(self) -> None:
        can = self.ctx.can
        for spec in POSTINGS:
            action = self._action(spec.key, functools.partial(self.open_dialog, spec.key))
            allowed = can(spec.action)
            # Hidden rather than greyed out: an auditor should not wonder how to enable them.
            action.setVisible(allowed)
            action.setEnabled(allowed)
        self._action("refresh", self.refresh_current, QKeySequence(Qt.Key.Key_F5))
        backup_allowed = can(Action.BACKUP) and self.is_sqlite
        self._action("backup", self.backup_database).setVisible(backup_allowed)
        self.action_map["backup"].setEnabled(backup_allowed)
        self._action("quit", self.close, QKeySequence(QKeySequence.StandardKey.Quit))
        settings_allowed = can(Action.MANAGE_CATALOG)
        self._action("settings", self.open_settings).setVisible(settings_allowed)
        self.action_map["settings"].setEnabled(settings_allowed)
        self._action("about", self.show_about)

        group = QActionGroup(self)
        group.setExclusive(True)
        for lang in i18n.LANGUAGES:
            action = self._action(f"lang_{lang}", functools.partial(self.set_language, lang))
            action.setCheckable(True)
            action.setChecked(lang == self.ctx.language)
            # Language names are never translated, so users can always find their own.
            action.setText(i18n.LANGUAGES[lang])
            group.addAction(action)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.action_map["refresh"])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.action_map["backup"])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.action_map["quit"])

        self.business_menu = bar.addMenu("")
        for spec in POSTINGS:
            self.business_menu.addAction(self.action_map[spec.key])
            if spec.key in ("transfer_receive",):
                self.business_menu.addSeparator()
        self.business_menu.menuAction().setVisible(any(self.ctx.can(s.action) for s in POSTINGS))

        self.settings_menu = bar.addMenu("")
        self.language_menu = QMenu(self.settings_menu)
        for lang in i18n.LANGUAGES:
            self.language_menu.addAction(self.action_map[f"lang_{lang}"])
        self.settings_menu.addMenu(self.language_menu)
        self.settings_menu.addAction(self.action_map["settings"])

        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.action_map["about"])

    def _create_toolbar(self) -> None:
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setFloatable(False)
        # Words, not icons: keepers should not have to learn a pictogram per document.
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for spec in POSTINGS:
            self.toolbar.addAction(self.action_map[spec.key])
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.action_map["refresh"])
        self.toolbar.setStyleSheet("QToolButton { padding: 4px 10px; }")
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def _create_status_bar(self) -> None:
        status = self.statusBar()
        self.db_label = QLabel()
        self.db_label.setObjectName("statusDatabase")
        self.user_label = QLabel()
        self.user_label.setObjectName("statusUser")
        self.transit_label = QLabel()
        self.transit_label.setObjectName("statusTransit")
        self.transit_label.setTextFormat(Qt.TextFormat.RichText)
        self.transit_label.linkActivated.connect(self._on_transit_link)
        status.addWidget(self.db_label, 1)
        status.addPermanentWidget(self.transit_label)
        status.addPermanentWidget(self.user_label)
        self._transit_count: int | None = None
        self._transit_docs: list[str] = []
        self._status_error = False

    @property
    def is_sqlite(self) -> bool:
        return sqlite_path(str(self.ctx.uow.engine.url)) is not None

    # -- language --------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        """Switch language now: install the translator, remember it, re-set every text."""
        app = QApplication.instance()
        assert app is not None
        i18n.install_language(app, lang)
        i18n.save_language(lang, QSettings())
        self.ctx.language = lang
        self.action_map[f"lang_{lang}"].setChecked(True)
        self.nav.model.set_english(lang.startswith("en"))
        self.retranslate()

    def retranslate(self) -> None:
        """Every text of the window, the navigation and all pages built so far."""
        actor = self.ctx.actor
        self.setWindowTitle(
            self.tr("应急物资储备管理系统 — {name}（{role}） — {database}").format(
                name=actor.display_name or actor.username,
                role=role_name(actor.role.value, self.ctx.lang),
                database=self.ctx.database_label,
            )
        )
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
            "refresh": (self.tr("刷新"), self.tr("重新读取当前页面的数据 (F5)")),
            "backup": (self.tr("备份数据库…"), self.tr("把数据库备份到一个文件")),
            "quit": (self.tr("退出"), self.tr("关闭程序")),
            "settings": (self.tr("系统设置…"), self.tr("人口目标、道路系数、车速、临期天数")),
            "about": (self.tr("关于"), self.tr("版本和数据库信息")),
        }
        for key, (text, tip) in texts.items():
            self.action_map[key].setText(text)
            self.action_map[key].setToolTip(tip)
            self.action_map[key].setStatusTip(tip)
        self.toolbar.setWindowTitle(self.tr("业务工具栏"))
        self._retranslate_status()
        self.nav.retranslate()
        for page in self.pages.values():
            retranslate = getattr(page, "retranslate", None)
            if callable(retranslate):
                retranslate()

    def _retranslate_status(self) -> None:
        actor = self.ctx.actor
        self.db_label.setText(
            self.tr("数据库：{database}").format(database=self.ctx.database_label)
        )
        self.db_label.setToolTip(self.ctx.database_label)
        self.user_label.setText(
            self.tr("用户：{name}（{role}）").format(
                name=actor.display_name or actor.username,
                role=role_name(actor.role.value, self.ctx.lang),
            )
        )
        if self._status_error:
            self.transit_label.setText(
                '<span style="color:#a4262c">' + self.tr("数据库连接中断") + "</span>"
            )
        elif self._transit_count is None:
            self.transit_label.setText("")
        elif self._transit_count == 0:
            self.transit_label.setText(self.tr("没有待接收的调拨"))
        else:
            text = self.tr("待接收调拨：{count} 张").format(count=self._transit_count)
            self.transit_label.setText(f'<a href="transit" style="color:#8a5300">{text}</a>')

    # -- navigation and pages ----------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The page for ``key``, built (and loaded) the first time it is asked for."""
        page = self.pages.get(key)
        if page is not None:
            return page
        module_name, class_name = PAGES[key]
        cls = load_class(module_name, class_name)
        page = cls(self.ctx, self.stack) if cls is not None else _MissingPage(self.stack)
        page.setObjectName(f"page_{key}")
        self.pages[key] = page
        self.stack.addWidget(page)
        if key == PAGE_DASHBOARD and hasattr(page, "receive_transfer_requested"):
            page.receive_transfer_requested.connect(
                lambda doc_no: self.open_dialog("transfer_receive", doc_no=doc_no)
            )
        return page

    def navigate(self, target: NavTarget) -> None:
        """Show the page the navigation node leads to, filtered to its depot or category."""
        created = target.page not in self.pages
        page = self.page(target.page)
        apply = getattr(page, "apply_navigation", None)
        if target.page == PAGE_STOCK and callable(apply):
            apply(target.depot_code, target.category_code)  # the page reloads itself
        elif created:
            refresh = getattr(page, "refresh", None)
            if callable(refresh):
                refresh()
        self.stack.setCurrentWidget(page)
        if self.nav.current_target() != target:
            self.nav.select(target, emit=False)

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def refresh_current(self) -> None:
        page = self.current_page()
        refresh = getattr(page, "refresh", None)
        if callable(refresh):
            refresh()
        self.refresh_status()

    def load_navigation(self) -> None:
        uow, actor = self.ctx.uow, self.ctx.actor

        def work(_task: Any) -> tuple[list, list]:
            return (
                reference_queries.depots(uow, actor, include_inactive=False),
                reference_queries.categories(uow),
            )

        self.ctx.tasks.run(
            work,
            on_done=lambda result: self.nav.set_reference(*result),
            on_error=lambda error: show_domain_error(
                self, self.ctx, error, retry=self.load_navigation
            ),
        )

    # -- status bar --------------------------------------------------------------------

    def refresh_status(self) -> None:
        """Count the transfers waiting for this user's depots; quiet on failure."""
        if self._status_loading:
            return
        self._status_loading = True
        uow, actor = self.ctx.uow, self.ctx.actor
        self.ctx.tasks.run(
            lambda _task: [
                d.doc_no for d in dashboard_queries.transfers_awaiting_receipt(uow, actor)
            ],
            on_done=self._status_loaded,
            on_error=self._status_failed,
        )

    def _status_loaded(self, doc_nos: list[str]) -> None:
        self._status_loading = False
        self._status_error = False
        self._transit_docs = doc_nos
        self._transit_count = len(doc_nos)
        self._retranslate_status()

    def _status_failed(self, error: BaseException) -> None:
        self._status_loading = False
        if not isinstance(error, DatabaseUnavailable):
            show_domain_error(self, self.ctx, error)
            return
        # A background poll must not pop up a box every few minutes while offline;
        # the status bar says so, and the next action the user takes shows the message.
        self._status_error = True
        self._retranslate_status()

    def _on_transit_link(self, _link: str) -> None:
        if len(self._transit_docs) == 1 and self.ctx.can(Action.TRANSFER):
            self.open_dialog("transfer_receive", doc_no=self._transit_docs[0])
        else:
            self.navigate(NavTarget(PAGE_DASHBOARD))

    # -- postings and other dialogs ----------------------------------------------------

    def open_dialog(self, key: str, **preset: Any) -> QDialog | None:
        """Open the posting dialog ``key`` (non-blocking); None if it is not installed."""
        spec = POSTING_BY_KEY[key]
        if not self.ctx.can(spec.action):
            return None
        cls = load_class(spec.module, spec.class_name)
        if cls is None:
            QMessageBox.information(self, self.tr("暂不可用"), self.tr("此功能尚未安装。"))
            return None
        dialog: QDialog = cls(self.ctx, self, **preset)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_settings(self) -> QDialog | None:
        from .dialogs.settings_dialog import SettingsDialog

        if not self.ctx.can(Action.MANAGE_CATALOG):
            return None
        dialog = SettingsDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def backup_database(self) -> None:
        folder = paths.data_dir() / "backups"
        folder.mkdir(parents=True, exist_ok=True)
        suggested = folder / f"inventory-{datetime.now():%Y%m%d-%H%M}.sqlite3"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("备份数据库"), str(suggested), self.tr("SQLite 数据库 (*.sqlite3)")
        )
        if path:
            self.backup_to(Path(path))

    def backup_to(self, target: Path) -> None:
        """Copy the running database to ``target`` in the background and say where it went."""
        uow, actor = self.ctx.uow, self.ctx.actor

        def done(written: Path) -> None:
            QMessageBox.information(
                self, self.tr("备份完成"), self.tr("数据库已备份到：\n{path}").format(path=written)
            )

        self.ctx.tasks.run(
            lambda _task: backup.backup(uow, actor, target),
            on_done=done,
            on_error=lambda error: show_domain_error(
                self, self.ctx, error, retry=lambda: self.backup_to(target)
            ),
            progress_label=self.tr("正在备份数据库…"),
            parent_widget=self,
        )

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("关于"),
            self.tr(
                "<h3>应急物资储备管理系统</h3>"
                "<p>版本 {version}</p>"
                "<p>应急物资的入库、出库、调拨、盘点与台账管理。</p>"
                "<p>数据库：{database}<br>日志目录：{logs}</p>"
                "<p>界面字体：文泉驿微米黑（Apache 2.0 / GPLv3）</p>"
            ).format(version=__version__, database=self.ctx.database_label, logs=paths.log_dir()),
        )

    # -- window state ------------------------------------------------------------------

    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value(GEOMETRY_KEY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = settings.value(SPLITTER_KEY)
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = QSettings()
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(SPLITTER_KEY, self.splitter.saveState())
        self._status_timer.stop()
        # A posting under way finishes (its transaction commits or rolls back) first.
        if not self.ctx.tasks.wait_all(CLOSE_WAIT_MS):
            _log.warning("Closing with tasks still running")
        super().closeEvent(event)
