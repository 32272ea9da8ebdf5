"""首页 work panels: 待审批 for approvers; sent transfers in transit and own write-offs for keepers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.permissions import Action
from ...services import inbox_queries
from ...services.inbox_queries import TransitRow
from ...services.rows import DocumentRow
from ..context import AppContext
from ..dialogs.writeoff_decide_dialog import WriteoffDecideDialog
from ..errors import show_domain_error
from ..models.table_models import Column, RowsTableModel
from ..tasks import TaskContext
from .dashboard_work_columns import (
    TRANSIT_AMBER_DAYS,
    PendingRow,
    pending_columns,
    pending_rows,
    scrap_columns,
    transit_columns,
)

MAX_ROWS_SHOWN = 5  # the panel grows with its rows up to this many, then scrolls


@dataclass(frozen=True)
class WorkData:
    pending: list[PendingRow]
    transit: list[TransitRow]
    scraps: list[DocumentRow]


def load_work(ctx: AppContext) -> WorkData:
    """Runs in a task: plain rows for the three panels."""
    uow, actor = ctx.uow, ctx.actor
    scraps = inbox_queries.pending_scraps(uow, actor)
    orders = inbox_queries.submitted_orders(uow, actor)
    return WorkData(
        pending_rows(scraps, orders),
        inbox_queries.sent_in_transit(uow, actor),
        inbox_queries.scrap_requests(uow, actor),
    )


class ListPanel(QFrame):
    """A titled card with a short table, an empty text and optional buttons."""

    def __init__(
        self, columns: list[Column[Any]], stretch: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dashCard")
        self.stretch = stretch
        self.title = QLabel(self)
        self.title.setObjectName("cardTitle")
        self.hint = QLabel(self)
        self.hint.setObjectName("cardHint")
        self.model: RowsTableModel[Any] = RowsTableModel(columns, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.empty = QLabel(self)
        self.empty.setObjectName("emptyHint")
        self.buttons = QHBoxLayout()
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.hint)
        head.addLayout(self.buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addWidget(self.view)
        layout.addWidget(self.empty)
        self.show_rows([])

    def show_rows(self, rows: list[Any]) -> None:
        self.model.set_rows(rows)
        self.view.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        header = self.view.horizontalHeader()
        for column in range(self.model.columnCount()):
            mode = QHeaderView.ResizeMode.ResizeToContents
            if column == self.stretch:
                mode = QHeaderView.ResizeMode.Stretch
            header.setSectionResizeMode(column, mode)
        shown = min(max(len(rows), 1), MAX_ROWS_SHOWN)
        self.view.setFixedHeight(header.sizeHint().height() + 26 * shown + 4)

    def current_row(self) -> Any:
        return self.model.row_at(self.view.currentIndex())


class WorkPanels(QWidget):
    """The panels side by side; each shows only to whom it concerns (and, for keepers,
    only while it has rows, so a quiet day leaves the home page as it was)."""

    open_order = Signal(str)  # an order in 待审批 was opened (document number)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.decide_dialog: WriteoffDecideDialog | None = None
        self.pending = ListPanel(pending_columns(), 3, self)
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(self.open_current)
        self.pending.buttons.addWidget(self.open_button)
        # activated fires on double-click and on Enter: one connection, one dialog
        self.pending.view.activated.connect(self._open_index)
        self.transit = ListPanel(transit_columns(), 1, self)
        self.scraps = ListPanel(scrap_columns(), 2, self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        for panel in (self.pending, self.transit, self.scraps):
            layout.addWidget(panel, 1)
        self._approver = ctx.can(Action.APPROVE)
        self.show_data(WorkData([], [], []))

    def refresh(self) -> None:
        ctx = self.ctx

        def work(_task: TaskContext) -> WorkData:
            return load_work(ctx)

        ctx.tasks.run(work, on_done=self.show_data, on_error=self._failed)

    def _failed(self, error: BaseException) -> None:
        show_domain_error(self, self.ctx, error, retry=self.refresh)

    def show_data(self, data: WorkData) -> None:
        self.pending.show_rows(data.pending)
        self.transit.show_rows(data.transit)
        self.scraps.show_rows(data.scraps)
        self.pending.setVisible(self._approver)
        self.transit.setVisible(bool(data.transit))
        self.scraps.setVisible(bool(data.scraps))
        self.setVisible(any(p.isVisibleTo(self) for p in (self.pending, self.transit, self.scraps)))

    # -- deciding ---------------------------------------------------------------------

    def _open_index(self, index: QModelIndex) -> None:
        row = self.pending.model.row_at(index)
        if row is not None:
            self.open_row(row)

    def open_current(self) -> None:
        row = self.pending.current_row()
        if row is not None:
            self.open_row(row)

    def open_row(self, row: PendingRow) -> None:
        """A write-off opens the decision dialog; an order opens on the orders page."""
        if row.scrap is None:
            self.open_order.emit(row.doc_no)
            return
        self.decide_dialog = WriteoffDecideDialog(self.ctx, row.scrap, self.window())
        self.decide_dialog.open()

    # -- language ---------------------------------------------------------------------

    def retranslate(self) -> None:
        self.pending.title.setText(self.tr("待审批"))
        self.pending.hint.setText(self.tr("双击报废申请进行审批，双击调拨指令打开该指令"))
        self.pending.empty.setText(self.tr("没有等待审批的报废申请或调拨指令"))
        self.open_button.setText(self.tr("办理…"))
        self.transit.title.setText(self.tr("已发出、在途的调拨"))
        self.transit.hint.setText(
            self.tr("超过 {days} 天未接收的标为黄色").format(days=TRANSIT_AMBER_DAYS)
        )
        self.transit.empty.setText(self.tr("没有在途的调拨"))
        self.scraps.title.setText(self.tr("本库报废申请"))
        self.scraps.hint.setText(self.tr("最近 10 条及其审批结果"))
        self.scraps.empty.setText(self.tr("暂无报废申请"))
        for panel in (self.pending, self.transit, self.scraps):
            panel.model.retranslate()
