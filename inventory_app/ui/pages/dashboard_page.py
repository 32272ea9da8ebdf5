"""首页: a calm overview — stock by category, expiring lots, work waiting, recent movements."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...messages import user_title
from ...services import dashboard_queries, order_queries
from ...services.dashboard_queries import DashboardData
from ..context import AppContext
from ..errors import show_domain_error
from ..models.table_models import RowsTableModel, format_money
from ..widgets.backup_banner import BackupBanner
from .dashboard_columns import (
    EXPIRED_BG,
    NEAR_BG,
    category_columns,
    expiring_columns,
    recent_columns,
    waiting_columns,
)
from .dashboard_emergency import EmergencyPanel
from .dashboard_plan import PlanAlerts
from .dashboard_setup import SetupGuide
from .dashboard_work import WorkPanels

_CENTER = Qt.AlignmentFlag.AlignCenter

__all__ = ["EXPIRED_BG", "NEAR_BG", "DashboardPage"]

_STYLE = """
#dashboardPage { background: #f4f6f8; }
#dashTitle { font-size: 17pt; font-weight: bold; color: #1f2d3d; }
#dashSubtitle { color: #5b6675; }
QFrame#kpiCard, QFrame#dashCard {
    background: #ffffff; border: 1px solid #d9dee5; border-radius: 6px;
}
#kpiValue { font-size: 17pt; font-weight: bold; color: #1f2d3d; }
#kpiValue[tone="bad"] { color: #a4262c; }
#kpiValue[tone="warn"] { color: #8a5300; }
#kpiCaption, #cardHint { color: #5b6675; }
#cardTitle { font-weight: bold; font-size: 11pt; color: #1f2d3d; }
#emptyHint { color: #7a8594; }
QTableView { border: none; background: #ffffff; alternate-background-color: #f7f9fb; }
QHeaderView::section {
    background: #eef1f5; border: none; border-bottom: 1px solid #d9dee5; padding: 3px 6px;
}
"""


class _Kpi(QFrame):
    """One number with its caption."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiCard")
        self.value = QLabel("—")
        self.value.setObjectName("kpiValue")
        self.caption = QLabel()
        self.caption.setObjectName("kpiCaption")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(0)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set_value(self, text: str, tone: str = "") -> None:
        self.value.setText(text)
        self.value.setProperty("tone", tone)
        self.value.style().unpolish(self.value)
        self.value.style().polish(self.value)


class _Card(QFrame):
    """A titled table that says so in words when it has no rows."""

    def __init__(self, model: RowsTableModel[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashCard")
        self.title = QLabel()
        self.title.setObjectName("cardTitle")
        self.hint = QLabel()
        self.hint.setObjectName("cardHint")
        self.model = model
        self.view = QTableView()
        self.view.setModel(model)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setShowGrid(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.horizontalHeader().setHighlightSections(False)
        # Read-only overview tables take no keyboard focus; the one with an action does.
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.empty = QLabel()
        self.empty.setObjectName("emptyHint")
        self.empty.setAlignment(_CENTER)
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)

        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addWidget(self.stack, 1)

    def show_rows(self, rows: list[Any], stretch_column: int) -> None:
        """Fill the table; columns fit their contents and ``stretch_column`` (the one with
        long names) takes the remaining width and elides, so numbers never scroll away."""
        self.model.set_rows(rows)
        self.stack.setCurrentWidget(self.view if rows else self.empty)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(self.model.columnCount()):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if column == stretch_column
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(column, mode)


class DashboardPage(QWidget):
    """The first page after sign-in; everything on it is read in one background task."""

    # the user double-clicked a transfer waiting for receipt (document number)
    receive_transfer_requested = Signal(str)
    # the user opened an order in the 紧急调拨 or 待审批 panel (document number)
    open_order_requested = Signal(str)
    # the first-start guide asks for a page (its key) or the receive dialog ("receive")
    go_requested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("dashboardPage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_STYLE)
        self.data: DashboardData | None = None
        self._loading = False
        self._again = False
        self._stale = True

        self.title = QLabel()
        self.title.setObjectName("dashTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("dashSubtitle")
        self.backup_banner = BackupBanner(ctx, self)  # a failed or stale automatic backup

        self.kpi_depots = _Kpi()
        self.kpi_lots = _Kpi()
        self.kpi_value = _Kpi()
        self.kpi_expired = _Kpi()
        self.kpi_near = _Kpi()
        self.kpi_transit = _Kpi()
        kpis = QHBoxLayout()
        kpis.setSpacing(10)
        for kpi in (
            self.kpi_depots,
            self.kpi_lots,
            self.kpi_value,
            self.kpi_expired,
            self.kpi_near,
            self.kpi_transit,
        ):
            kpis.addWidget(kpi, 1)

        self.categories = _Card(RowsTableModel(category_columns(), self))
        self.expiring = _Card(RowsTableModel(expiring_columns(self._as_of), self))
        self.waiting = _Card(RowsTableModel(waiting_columns(), self))
        self.recent = _Card(RowsTableModel(recent_columns(), self))
        self.waiting.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # activated fires on double-click and on Enter: one connection, one dialog
        self.waiting.view.activated.connect(self._open_waiting)
        self.emergency = EmergencyPanel(self)
        self.emergency.open_order.connect(self.open_order_requested)
        self.work = WorkPanels(ctx, self)  # 待审批, transfers sent and in transit, write-offs
        self.work.open_order.connect(self.open_order_requested)
        self.setup = SetupGuide(ctx, self)
        self.setup.go.connect(self.go_requested)
        self.plan_alerts = PlanAlerts(ctx, self)  # late purchase contracts (储备计划)

        grid = QGridLayout()
        grid.setSpacing(10)
        grid.addWidget(self.categories, 0, 0)
        grid.addWidget(self.expiring, 0, 1)
        grid.addWidget(self.waiting, 1, 0)
        grid.addWidget(self.recent, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.backup_banner)
        layout.addWidget(self.setup)
        layout.addLayout(kpis)
        layout.addWidget(self.emergency)
        layout.addWidget(self.work)
        layout.addWidget(self.plan_alerts)
        layout.addLayout(grid, 1)

        ctx.events.stock_changed.connect(self._on_data_changed)
        ctx.events.master_data_changed.connect(self._on_data_changed)
        self.retranslate()

    def _as_of(self) -> date:
        return self.data.as_of if self.data is not None else date.today()

    # -- loading ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload everything in the background; a refresh asked for meanwhile runs after."""
        if self._loading:
            self._again = True
            return
        self._loading = True
        self._stale = False
        self.backup_banner.update_status()
        uow, actor = self.ctx.uow, self.ctx.actor
        self.ctx.tasks.run(
            lambda _task: dashboard_queries.dashboard(uow, actor),
            on_done=self._loaded,
            on_error=self._failed,
        )
        self.ctx.tasks.run(
            lambda _task: order_queries.open_emergency_orders(uow, actor),
            on_done=self.emergency.show_rows,
            on_error=self._failed_emergency,
        )
        self.work.refresh()
        self.setup.refresh()
        self.plan_alerts.refresh()

    def _failed_emergency(self, error: BaseException) -> None:
        show_domain_error(self, self.ctx, error)

    def _loaded(self, data: DashboardData) -> None:
        self._loading = False
        self.data = data
        self._fill()
        if self._again:
            self._again = False
            self.refresh()

    def _failed(self, error: BaseException) -> None:
        self._loading = False
        self._again = False
        self._stale = True
        show_domain_error(self, self.ctx, error, retry=self.refresh)

    def _on_data_changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True  # refreshed when shown again, not while nobody looks

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _fill(self) -> None:
        data = self.data
        if data is None:
            return
        self.kpi_depots.set_value(f"{data.depots:,}")
        self.kpi_lots.set_value(f"{data.lots:,}")
        self.kpi_value.set_value(format_money(data.total_value))
        self.kpi_expired.set_value(f"{data.expired_count:,}", "bad" if data.expired_count else "")
        self.kpi_near.set_value(f"{data.near_count:,}", "warn" if data.near_count else "")
        waiting = len(data.awaiting_receipt)
        self.kpi_transit.set_value(f"{waiting:,}", "warn" if waiting else "")
        self.categories.show_rows(list(data.categories), stretch_column=0)
        self.expiring.show_rows(list(data.expiring_lots), stretch_column=4)
        self.waiting.show_rows(list(data.awaiting_receipt), stretch_column=3)
        self.recent.show_rows(list(data.recent), stretch_column=4)
        self._retranslate_data()

    def _open_waiting(self, index: QModelIndex) -> None:
        row = self.waiting.model.row_at(index)
        if row is not None:
            self.receive_transfer_requested.emit(row.doc_no)

    # -- language ---------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("首页"))
        self.kpi_depots.caption.setText(self.tr("仓库", "number of depots"))
        self.kpi_lots.caption.setText(self.tr("在库批次"))
        self.kpi_value.caption.setText(self.tr("库存金额"))
        self.kpi_expired.caption.setText(self.tr("已过期批次"))
        self.kpi_near.caption.setText(self.tr("临期批次"))
        self.kpi_transit.caption.setText(self.tr("待接收调拨"))
        self.categories.title.setText(self.tr("库存分类汇总"))
        self.expiring.title.setText(self.tr("过期与临期批次"))
        self.waiting.title.setText(self.tr("待接收的调拨"))
        self.waiting.hint.setText(self.tr("双击一行办理调拨接收"))
        self.recent.title.setText(self.tr("最近出入库"))
        self.categories.empty.setText(self.tr("暂无库存"))
        self.expiring.empty.setText(self.tr("没有过期或临期的批次"))
        self.waiting.empty.setText(self.tr("没有等待接收的调拨"))
        self.recent.empty.setText(self.tr("暂无出入库记录"))
        self.emergency.retranslate()
        self.work.retranslate()
        self.setup.retranslate()
        self.plan_alerts.retranslate()
        for card in (self.categories, self.expiring, self.waiting, self.recent):
            card.model.retranslate()
            card.view.viewport().update()  # status and kind texts are re-read on paint
        self._retranslate_data()

    def _retranslate_data(self) -> None:
        actor = self.ctx.actor
        user = user_title(actor.display_name or actor.username, actor.role.value, self.ctx.lang)
        if self.data is None:
            self.subtitle.setText(self.tr("{user}，正在读取数据…").format(user=user))
            return
        self.subtitle.setText(
            self.tr("{user} · 数据截至 {date}").format(user=user, date=self.data.as_of.isoformat())
        )
        self.expiring.hint.setText(
            self.tr("有效期在 {days} 天内，含已过期").format(days=self.data.near_expiry_days)
        )
        self.recent.hint.setText(self.tr("最近 {count} 条").format(count=len(self.data.recent)))
