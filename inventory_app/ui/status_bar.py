"""The main window's status bar: database, signed-in user, transfers waiting for receipt."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel

from ..domain.errors import DatabaseUnavailable
from ..domain.permissions import Action
from ..messages import user_title
from ..services import dashboard_queries
from .errors import show_domain_error
from .widgets.nav_pane import PAGE_DASHBOARD, NavTarget

if TYPE_CHECKING:
    from .main_window import MainWindow

STATUS_REFRESH_MS = 5 * 60 * 1000  # another PC (PostgreSQL) may send a transfer meanwhile


class StatusPanel(QObject):
    """Fills ``window``'s status bar and polls the transfers in transit for the user's depots."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.db_label = QLabel()
        self.db_label.setObjectName("statusDatabase")
        self.user_label = QLabel()
        self.user_label.setObjectName("statusUser")
        self.transit_label = QLabel()
        self.transit_label.setObjectName("statusTransit")
        self.transit_label.setTextFormat(Qt.TextFormat.RichText)
        self.transit_label.linkActivated.connect(self.on_transit_link)
        status = window.statusBar()
        status.addWidget(self.db_label, 1)
        status.addPermanentWidget(self.transit_label)
        status.addPermanentWidget(self.user_label)
        self._transit_count: int | None = None
        self._transit_docs: list[str] = []
        self._error = False
        self._loading = False

        self.timer = QTimer(self)
        self.timer.setInterval(STATUS_REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()

    def refresh(self) -> None:
        """Count the transfers waiting for this user's depots; quiet on failure."""
        if self._loading:
            return
        self._loading = True
        uow, actor = self.ctx.uow, self.ctx.actor
        self.ctx.tasks.run(
            lambda _task: [
                d.doc_no for d in dashboard_queries.transfers_awaiting_receipt(uow, actor)
            ],
            on_done=self._loaded,
            on_error=self._failed,
        )

    def _loaded(self, doc_nos: list[str]) -> None:
        self._loading = False
        self._error = False
        self._transit_docs = doc_nos
        self._transit_count = len(doc_nos)
        self.retranslate()

    def _failed(self, error: BaseException) -> None:
        self._loading = False
        if not isinstance(error, DatabaseUnavailable):
            show_domain_error(self.window, self.ctx, error)
            return
        # A background poll must not pop up a box every few minutes while offline;
        # the status bar says so, and the next action the user takes shows the message.
        self._error = True
        self.retranslate()

    def on_transit_link(self, _link: str) -> None:
        if len(self._transit_docs) == 1 and self.ctx.can(Action.TRANSFER):
            self.window.open_dialog("transfer_receive", doc_no=self._transit_docs[0])
        else:
            self.window.navigate(NavTarget(PAGE_DASHBOARD))

    def retranslate(self) -> None:
        actor = self.ctx.actor
        self.db_label.setText(
            self.tr("数据库：{database}").format(database=self.ctx.database_label)
        )
        self.db_label.setToolTip(self.ctx.database_label)
        self.user_label.setText(
            self.tr("用户：{user}").format(
                user=user_title(
                    actor.display_name or actor.username, actor.role.value, self.ctx.lang
                )
            )
        )
        if self._error:
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
