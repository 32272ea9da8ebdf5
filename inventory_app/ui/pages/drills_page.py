"""演练 page: start a drill from a request, record its steps with their times, read the report."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.model import DocState, DocType, PostingResult
from ...domain.permissions import Action
from ...services import drills, ledger_queries, request_queries
from ...services.drills import DrillReport
from ...services.request_queries import RequestRow
from ...services.rows import DocumentRow
from ..context import AppContext
from ..errors import show_domain_error
from ..labels import doc_state_label
from ..models.table_models import Column, RowsTableModel
from .drill_report_view import DrillReportView
from .page_base import DataPage, query_table

# Each step button and the drill state it is possible in.
STEPS = ("approve", "print", "depart", "arrive")
STEP_STATE = {
    "approve": DocState.SUBMITTED,
    "print": DocState.APPROVED,
    "depart": DocState.APPROVED,
    "arrive": DocState.SHIPPED,
}


def step_label(step: str) -> str:
    labels = {
        "approve": QCoreApplication.translate("DrillsPage", "批准"),
        "print": QCoreApplication.translate("DrillsPage", "打印出库单"),
        "depart": QCoreApplication.translate("DrillsPage", "发车"),
        "arrive": QCoreApplication.translate("DrillsPage", "到达"),
    }
    return labels[step]


def drill_state_label(state: str) -> str:
    """A drill's states read as its steps: started, approved, on the road, arrived."""
    labels = {
        DocState.SUBMITTED: QCoreApplication.translate("DrillsPage", "已开始"),
        DocState.APPROVED: QCoreApplication.translate("DrillsPage", "已批准"),
        DocState.SHIPPED: QCoreApplication.translate("DrillsPage", "已发车"),
        DocState.COMPLETED: QCoreApplication.translate("DrillsPage", "已到达"),
    }
    return labels.get(DocState(state), doc_state_label(state))


def drill_columns() -> list[Column[DocumentRow]]:
    return [
        Column(
            "doc_no",
            lambda: QCoreApplication.translate("DrillsPage", "演练单号"),
            lambda r: r.doc_no,
        ),
        Column(
            "state",
            lambda: QCoreApplication.translate("DrillsPage", "状态"),
            lambda r: drill_state_label(r.state),
        ),
        Column(
            "doc_date",
            lambda: QCoreApplication.translate("DrillsPage", "日期"),
            lambda r: r.doc_date,
            "date",
        ),
        Column(
            "request",
            lambda: QCoreApplication.translate("DrillsPage", "调拨申请"),
            lambda r: r.reference,
        ),
        Column(
            "created_by",
            lambda: QCoreApplication.translate("DrillsPage", "发起人"),
            lambda r: r.created_by,
        ),
    ]


class DrillsPage(DataPage):
    """Drills newest first on the left; the selected one's steps and report on the right."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, load_when_shown=True)
        self._generation = 0
        self._wanted: str | None = None
        self._report_for = ""
        self._busy = False
        self.model: RowsTableModel[DocumentRow] = RowsTableModel(drill_columns(), self)
        self._build_ui()
        self.retranslate()
        ctx.events.stock_changed.connect(self._refresh_when_visible)

    def _build_ui(self) -> None:
        may_order = self.ctx.can(Action.ORDER)
        self.request_caption = QLabel(self)
        self.request_combo = QComboBox(self)
        self.request_combo.setMinimumContentsLength(28)
        self.request_combo.currentIndexChanged.connect(lambda _i: self._update_buttons())
        self.start_button = QPushButton(self)
        self.start_button.clicked.connect(self.start)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        for widget in (self.request_caption, self.request_combo, self.start_button):
            widget.setVisible(may_order)
        top = QHBoxLayout()
        top.addWidget(self.request_caption)
        top.addWidget(self.request_combo, 1)
        top.addWidget(self.start_button)
        top.addStretch(1)
        top.addWidget(self.refresh_button)

        self.table = query_table(
            self,
            self.model,
            selection=QAbstractItemView.SelectionMode.SingleSelection,
            stretch_last=True,
        )
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selected())
        self.model.modelReset.connect(self._selected)

        self.step_buttons: dict[str, QPushButton] = {}
        steps = QHBoxLayout()
        self.steps_caption = QLabel(self)
        steps.addWidget(self.steps_caption)
        for step in STEPS:
            button = QPushButton(self)
            button.setObjectName(f"drill_{step}")
            button.setMinimumWidth(96)
            button.clicked.connect(functools.partial(self.run_step, step))
            button.setVisible(may_order)
            steps.addWidget(button)
            self.step_buttons[step] = button
        steps.addStretch(1)
        self.steps_caption.setVisible(may_order)
        self.report_view = DrillReportView(self, state_label=drill_state_label)
        right = QWidget(self)  # below the list
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(steps)
        right_layout.addWidget(self.report_view, 1)
        # A few drills in view; most of the height for the selected one's report.
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([120, 560])
        self.summary_label = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary_label)
        self._update_buttons()

    # ------------------------------------------------------------------ loading

    def refresh(self) -> None:
        self._generation += 1
        generation, ctx = self._generation, self.ctx
        current = self.selected_drill()
        if self._wanted is None and current is not None:
            self._wanted = current.doc_no
        self.summary_label.setText(self.tr("正在查询…"))

        def fetch(_task: object) -> tuple[list[DocumentRow], list[RequestRow]]:
            done = ledger_queries.documents(ctx.uow, ctx.actor, doc_types=(DocType.DRILL,))
            asked = request_queries.requests(ctx.uow, ctx.actor, states=(DocState.SUBMITTED,))
            return done, asked

        def loaded(result: tuple[list[DocumentRow], list[RequestRow]]) -> None:
            if generation != self._generation:
                return
            rows, asked = result
            self._fill_requests(asked)
            self.model.set_rows(rows)
            self.table.resizeColumnsToContents()
            self.summary_label.setText(self.tr("共 {0} 次演练").format(len(rows)))
            wanted, self._wanted = self._wanted, None
            position = next((i for i, r in enumerate(rows) if r.doc_no == wanted), None)
            if position is not None:
                self.table.selectRow(position)

        ctx.tasks.run(fetch, on_done=loaded, on_error=self._failed)

    def _fill_requests(self, asked: list[RequestRow]) -> None:
        current = self.request_combo.currentData()
        self.request_combo.blockSignals(True)
        self.request_combo.clear()
        for row in asked:
            self.request_combo.addItem(f"{row.doc_no}  {row.requesting_unit}", row.doc_no)
        self.request_combo.setCurrentIndex(max(self.request_combo.findData(current), 0))
        self.request_combo.blockSignals(False)
        self._update_buttons()

    def _failed(self, error: BaseException) -> None:
        self.summary_label.setText("")
        self._busy = False
        self._update_buttons()
        show_domain_error(self, self.ctx, error, retry=self.refresh)

    def selected_drill(self) -> DocumentRow | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.row_at(index)

    def _selected(self) -> None:
        self._update_buttons()
        row = self.selected_drill()
        if row is None:
            self._report_for = ""
            self.report_view.show_report(None)
            return
        doc_no, ctx = row.doc_no, self.ctx
        self._report_for = doc_no
        if self.report_view.report is None or self.report_view.report.doc_no != doc_no:
            self.report_view.show_report(None, loading=True)

        def done(report: DrillReport) -> None:
            if self._report_for == doc_no:
                self.report_view.show_report(report)

        ctx.tasks.run(
            lambda _task: drills.drill_report(ctx.uow, ctx.actor, doc_no),
            on_done=done,
            on_error=self._failed,
        )

    def _update_buttons(self) -> None:
        row = self.selected_drill()
        may = self.ctx.can(Action.ORDER) and not self._busy
        for step, button in self.step_buttons.items():
            button.setEnabled(may and row is not None and row.state == STEP_STATE[step])
        self.start_button.setEnabled(may and bool(self.request_combo.currentData()))

    # ------------------------------------------------------------------ posting

    def start(self) -> None:
        request_no = self.request_combo.currentData()
        if not request_no or self._busy:
            return
        ctx, request_id = self.ctx, uuid.uuid4().hex
        self._post(
            lambda: drills.start_drill(
                ctx.uow, ctx.actor, request_no=request_no, request_id=request_id
            )
        )

    def run_step(self, step: str) -> None:
        """Record ``step`` of the selected drill now (its time is the recording time)."""
        row = self.selected_drill()
        if row is None or self._busy or not self.step_buttons[step].isEnabled():
            return
        ctx, doc_no, request_id = self.ctx, row.doc_no, uuid.uuid4().hex
        self._post(
            lambda: drills.drill_step(
                ctx.uow, ctx.actor, doc_no=doc_no, step=step, request_id=request_id
            )
        )

    def _post(self, call: Callable[[], PostingResult]) -> None:
        self._busy = True
        self._update_buttons()

        def done(result: PostingResult) -> None:
            self._busy = False
            self._wanted = result.doc_no
            self.refresh()

        self.ctx.tasks.run(lambda _task: call(), on_done=done, on_error=self._failed)

    # ------------------------------------------------------------------ language

    def retranslate(self) -> None:
        self.request_caption.setText(self.tr("调拨申请："))
        self.start_button.setText(self.tr("开始演练"))
        self.start_button.setToolTip(
            self.tr("按建议选定来源开始计时；演练不预留、不出库，只记录各环节用时")
        )
        self.refresh_button.setText(self.tr("刷新"))
        self.steps_caption.setText(self.tr("记录环节："))
        for step, button in self.step_buttons.items():
            button.setText(step_label(step))
        self.model.retranslate()
        self.report_view.retranslate()
