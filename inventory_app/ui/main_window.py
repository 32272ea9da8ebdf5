"""The main window: navigation on the left, pages on the right, postings in menu and toolbar."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent
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
    QWidget,
)

from .. import paths
from ..domain.permissions import Action, Actor
from ..messages import user_title
from ..services import backup, database, reference_queries
from . import depot_names, i18n
from .context import AppContext
from .dialogs.change_password_dialog import ChangePasswordDialog
from .dialogs.login_dialog import LoginDialog
from .dialogs.settings_dialog import SettingsDialog
from .errors import show_domain_error
from .maintenance import open_about
from .registry import PAGES, POSTING_BY_KEY, POSTINGS
from .status_bar import StatusPanel
from .widgets.nav_pane import PAGE_DASHBOARD, PAGE_ORDERS, PAGE_STOCK, NavPane, NavTarget
from .window_actions import WindowActions

__all__ = ["PAGES", "POSTINGS", "MainWindow"]  # the registry, re-exported for tests and tools

_log = logging.getLogger(__name__)

GEOMETRY_KEY = "ui/main_window_geometry"
STATE_KEY = "ui/main_window_state"
SPLITTER_KEY = "ui/main_window_splitter"
CLOSE_WAIT_MS = 15000  # let a posting that is under way finish before the window goes


class MainWindow(QMainWindow):
    """Composes navigation, pages, posting dialogs, menus and the status bar."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._open_dialogs: dict[tuple[str, tuple[tuple[str, str], ...]], QDialog] = {}
        self.ctx = ctx
        depot_names.load(ctx.uow, ctx.actor)  # before any table shows a depot
        self.setObjectName("mainWindow")
        self.pages: dict[str, QWidget] = {}

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

        self.window_actions = WindowActions(self, database.is_sqlite(ctx.uow))
        self.status_panel = StatusPanel(self)
        self.nav.model.set_english(ctx.language.startswith("en"))
        self.nav.model.set_show_users(ctx.can(Action.MANAGE_USERS))
        self.nav.navigate.connect(self.navigate)
        ctx.events.stock_changed.connect(self.refresh_status)
        ctx.events.master_data_changed.connect(self.load_navigation)

        self.resize(1280, 760)
        self._restore_layout()
        self.retranslate()
        self.load_navigation()
        self.refresh_status()
        self.navigate(NavTarget(PAGE_DASHBOARD))
        self.nav.select(NavTarget(PAGE_DASHBOARD), emit=False)

    # -- the parts built by window_actions and status_bar, under their old names --------

    @property
    def action_map(self) -> dict[str, QAction]:
        return self.window_actions.action_map

    @property
    def file_menu(self) -> QMenu:
        return self.window_actions.file_menu

    @property
    def business_menu(self) -> QMenu:
        return self.window_actions.business_menu

    @property
    def db_label(self) -> QLabel:
        return self.status_panel.db_label

    @property
    def user_label(self) -> QLabel:
        return self.status_panel.user_label

    @property
    def transit_label(self) -> QLabel:
        return self.status_panel.transit_label

    @property
    def is_sqlite(self) -> bool:
        return database.is_sqlite(self.ctx.uow)

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
            self.tr("应急物资储备管理系统 — {user} — {database}").format(
                user=user_title(
                    actor.display_name or actor.username, actor.role.value, self.ctx.lang
                ),
                database=self.ctx.database_label,
            )
        )
        self.window_actions.retranslate()
        self.status_panel.retranslate()
        self.nav.retranslate()
        for page in self.pages.values():
            retranslate = getattr(page, "retranslate", None)
            if callable(retranslate):
                retranslate()

    # -- navigation and pages ----------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The page for ``key``, built (and loaded) the first time it is asked for."""
        page = self.pages.get(key)
        if page is not None:
            return page
        page = PAGES[key](self.ctx, self.stack)
        page.setObjectName(f"page_{key}")
        self.pages[key] = page
        self.stack.addWidget(page)
        if key == PAGE_DASHBOARD and hasattr(page, "receive_transfer_requested"):
            page.receive_transfer_requested.connect(
                lambda doc_no: self.open_dialog("transfer_receive", doc_no=doc_no)
            )
        if key == PAGE_DASHBOARD and hasattr(page, "open_order_requested"):
            page.open_order_requested.connect(self.show_order)
        if key == PAGE_DASHBOARD and hasattr(page, "go_requested"):
            page.go_requested.connect(self.go_to)
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

    def go_to(self, target: str) -> None:
        """A page by its key, or "receive" for the 入库 dialog (the first-start guide)."""
        if target == "receive":
            self.open_dialog("receive")
        else:
            self.navigate(NavTarget(target))

    def show_order(self, doc_no: str) -> None:
        """Open the 调拨指令 page with this order selected."""
        self.navigate(NavTarget(PAGE_ORDERS))
        show = getattr(self.pages[PAGE_ORDERS], "show_order", None)
        if callable(show):
            show(doc_no)

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
            depot_names.load(uow, actor)
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
        self.status_panel.refresh()

    def _on_transit_link(self, link: str) -> None:
        self.status_panel.on_transit_link(link)

    # -- postings and other dialogs ----------------------------------------------------

    def open_dialog(self, key: str, **preset: Any) -> QDialog | None:
        """Open the posting dialog ``key`` (non-blocking); None if the user may not post it.

        One dialog per document: asking again for a dialog about the same document (e.g. a
        double-click that also activates the row) raises the one already open."""
        spec = POSTING_BY_KEY[key]
        if not self.ctx.can(spec.action):
            return None
        ident = (key, tuple(sorted((k, str(v)) for k, v in preset.items())))
        current = self._open_dialogs.get(ident) if preset else None
        if current is not None:
            current.raise_()
            current.activateWindow()
            return current
        dialog = spec.dialog(self.ctx, self, **preset)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if preset:
            self._open_dialogs[ident] = dialog
            dialog.finished.connect(lambda _code, ident=ident: self._open_dialogs.pop(ident, None))
        dialog.open()
        return dialog

    def open_settings(self) -> QDialog | None:
        if not self.ctx.can(Action.MANAGE_CATALOG):
            return None
        dialog = SettingsDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def change_password(self) -> QDialog:
        dialog = ChangePasswordDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.statusBar().showMessage(self.tr("密码已修改。"), 5000))
        dialog.open()
        return dialog

    # -- 切换用户: a shared office PC changes hands without restarting -------------------

    def ask_sign_in(self) -> Actor | None:
        """The sign-in dialog over this window; None if cancelled (a seam for tests)."""
        dialog = LoginDialog(self.ctx.uow, self.ctx.tasks, self.ctx.database_label, self)
        dialog.username.clear()  # the next person types their own name
        dialog.username.setFocus()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.actor

    def switch_user(self) -> bool:
        """End this session (its pages and what they showed go) and sign in again.

        Cancelling the sign-in closes the window: the previous session is over either way,
        so the next person never finds the last one's work open. Returns True if someone
        signed in.
        """
        self.ctx.tasks.wait_all(CLOSE_WAIT_MS)  # a posting under way commits first
        self._drop_pages()
        _log.info("User %s signed out", self.ctx.actor.username)
        actor = self.ask_sign_in()
        if actor is None:
            self.close()
            return False
        _log.info("Signed in as %s", actor.username)
        self.ctx.actor = actor  # pages, dialogs and the status bar share this context
        self.window_actions.apply_permissions()
        self.nav.model.set_show_users(actor.can(Action.MANAGE_USERS))
        self.retranslate()
        self.load_navigation()
        self.refresh_status()
        self.navigate(NavTarget(PAGE_DASHBOARD))
        return True

    def _drop_pages(self) -> None:
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()

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

    def show_about(self) -> QDialog:
        return open_about(self)

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
        self.status_panel.timer.stop()
        # A posting under way finishes (its transaction commits or rolls back) first.
        if not self.ctx.tasks.wait_all(CLOSE_WAIT_MS):
            _log.warning("Closing with tasks still running")
        super().closeEvent(event)
