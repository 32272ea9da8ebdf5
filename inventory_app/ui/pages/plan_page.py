"""储备计划 page: generate and approve the reserve plan, see coverage and execution."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.model import DocState, PostingResult
from ...domain.permissions import Action
from ...services import coverage, plan_documents, plan_generate, plan_progress, plan_queries
from ...services.coverage import Coverage
from ...services.plan_generate import PlanLine, PlanSpec, PlanView
from ...services.plan_progress import Progress
from ...services.plan_queries import PlanRow
from ...services.plan_setup import NormSetRow, TargetRow, norm_sets, targets
from ..context import AppContext
from ..errors import show_domain_error
from ..labels import doc_state_label
from ..models.table_models import RowsTableModel, format_money
from .page_base import DataPage, query_table
from .plan_charts import CoverageLineChart, HeldRequiredChart
from .plan_columns import coverage_columns, plan_line_columns
from .plan_execution import ExecutionPanel
from .plan_report_button import PlanReportButton


@dataclass(frozen=True)
class PlanPageData:
    targets: list[TargetRow]
    norm_sets: list[NormSetRow]
    plans: list[PlanRow]
    plan: PlanView
    coverage: Coverage
    progress: Progress | None
    executed: PlanView | None  # the plan whose execution is shown (the approved one)


class PlanPage(DataPage):
    """The plan (generated now, or a saved version), coverage with charts, execution."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, load_when_shown=True)
        self._generation = 0
        self._busy = False
        self.data: PlanPageData | None = None
        self.plan_model: RowsTableModel[PlanLine] = RowsTableModel(plan_line_columns(()), self)
        self.coverage_model = RowsTableModel(coverage_columns(), self)
        self._build_ui()
        self.retranslate()
        ctx.events.stock_changed.connect(self._refresh_when_visible)

    def _build_ui(self) -> None:
        self.target_caption, self.norms_caption = QLabel(self), QLabel(self)
        self.years_caption, self.version_caption = QLabel(self), QLabel(self)
        self.target_combo, self.norms_combo = QComboBox(self), QComboBox(self)
        self.version_combo = QComboBox(self)
        for combo in (self.target_combo, self.norms_combo, self.version_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.version_combo.setMinimumContentsLength(30)
        self.years_edit = QLineEdit(self)
        self.years_edit.setMaximumWidth(110)
        self.generate_button = QPushButton(self)
        self.generate_button.clicked.connect(self._generate)
        self.save_button, self.approve_button = QPushButton(self), QPushButton(self)
        self.revise_button, self.refresh_button = QPushButton(self), QPushButton(self)
        self.save_button.clicked.connect(self.save_draft)
        self.approve_button.clicked.connect(self.approve)
        self.revise_button.clicked.connect(self.revise)
        self.refresh_button.clicked.connect(self.refresh)
        self.version_combo.activated.connect(lambda _i: self.refresh())
        top = QHBoxLayout()
        for widget in (
            self.target_caption,
            self.target_combo,
            self.norms_caption,
            self.norms_combo,
            self.years_caption,
            self.years_edit,
            self.generate_button,
            self.version_caption,
            self.version_combo,
            self.save_button,
            self.approve_button,
            self.revise_button,
        ):
            top.addWidget(widget)
        top.addStretch(1)
        self.report_button = PlanReportButton(self.ctx, self._report_subject, self)
        top.addWidget(self.report_button)
        top.addWidget(self.refresh_button)
        writer = self.ctx.can(Action.MANAGE_CATALOG)
        self.save_button.setVisible(writer)
        self.revise_button.setVisible(writer)
        self.approve_button.setVisible(writer or self.ctx.can(Action.APPROVE))

        single = QAbstractItemView.SelectionMode.SingleSelection
        self.plan_table = query_table(self, self.plan_model, selection=single, stretch_last=False)
        self.plan_summary = QLabel(self)
        self.plan_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.plan_summary.setWordWrap(True)
        plan_tab = QWidget(self)
        box = QVBoxLayout(plan_tab)
        box.addWidget(self.plan_table, 1)
        box.addWidget(self.plan_summary)

        self.coverage_summary = QLabel(self)
        self.coverage_summary.setWordWrap(True)
        self.coverage_table = query_table(
            self, self.coverage_model, selection=single, stretch_last=False
        )
        self.bar_chart, self.line_chart = HeldRequiredChart(self), CoverageLineChart(self)
        charts = QSplitter(Qt.Orientation.Horizontal, self)
        charts.addWidget(self.bar_chart)
        charts.addWidget(self.line_chart)
        cover_tab = QWidget(self)
        box = QVBoxLayout(cover_tab)
        box.addWidget(self.coverage_summary)
        box.addWidget(self.coverage_table, 1)
        box.addWidget(charts, 2)

        self.execution = ExecutionPanel(self.ctx, self)
        self.execution.changed.connect(self.refresh)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(plan_tab, "")
        self.tabs.addTab(cover_tab, "")
        self.tabs.addTab(self.execution, "")
        self.status_label = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status_label)
        self._update_buttons()

    # ------------------------------------------------------------------ loading

    def _generate(self) -> None:
        self.version_combo.setCurrentIndex(0)
        self.refresh()

    def refresh(self) -> None:
        self._generation += 1
        generation, ctx = self._generation, self.ctx
        target = self.target_combo.currentData()
        norms = self.norms_combo.currentData()
        years = self.years_edit.text().strip() or None
        chosen = self.version_combo.currentData()
        self.status_label.setText(self.tr("正在查询…"))

        def fetch(_task: object) -> PlanPageData | None:
            found = targets(ctx.uow, ctx.actor)
            if not found:
                return None  # no reserve target defined yet: nothing to plan against
            name = target or coverage.home_target(ctx.uow, ctx.actor)
            view = (
                plan_queries.show(ctx.uow, ctx.actor, chosen)
                if chosen
                else plan_generate.generate(
                    ctx.uow, ctx.actor, PlanSpec(target=name, norm_set=norms, years=years)
                )
            )
            cov = coverage.coverage(ctx.uow, ctx.actor, target=view.target or name)
            plans = plan_queries.list_plans(ctx.uow, ctx.actor)
            executed = view if chosen else None
            if executed is None and cov.plan_no:
                executed = plan_queries.show(ctx.uow, ctx.actor, cov.plan_no)
            prog = plan_progress.progress(ctx.uow, ctx.actor, executed.doc_no) if executed else None
            sets = norm_sets(ctx.uow, ctx.actor)
            return PlanPageData(found, sets, plans, view, cov, prog, executed)

        def loaded(data: PlanPageData | None) -> None:
            if generation != self._generation:
                return
            if data is None:
                self.status_label.setText(self.tr("尚未定义储备目标"))
            else:
                self.show_data(data)

        ctx.tasks.run(fetch, on_done=loaded, on_error=self._failed)

    def show_data(self, data: PlanPageData) -> None:
        self.data = data
        self._fill_combos(data)
        plan = data.plan
        self.plan_model = RowsTableModel(plan_line_columns(plan.years), self)
        self.plan_model.set_rows(plan.lines)
        self.plan_table.setModel(self.plan_model)
        self.plan_table.resizeColumnsToContents()
        self.plan_summary.setText(self._plan_text(plan))
        cov = data.coverage
        self.coverage_model.set_rows(cov.items)
        self.coverage_table.resizeColumnsToContents()
        physical = self.tr(
            "{scope}：现有实物可安置 {covered} 人（目标 {target} 人），限制物资：{item}。"
        )
        agreed = self.tr("协议储备另可增至：24 小时内 {h24} 人，72 小时内 {h72} 人（不计入实物）。")
        self.coverage_summary.setText(
            physical.format(
                scope=cov.scope,
                covered=f"{cov.persons_covered:,}",
                target=f"{cov.persons_target:,}",
                item=cov.limiting_item_name or "—",
            )
            + " "
            + agreed.format(
                h24=f"{cov.persons_with_agreements_24h:,}",
                h72=f"{cov.persons_with_agreements_72h:,}",
            )
        )
        self.bar_chart.show_coverage(
            cov, self.tr("现有"), self.tr("需储备"), self.tr("现有与需储备")
        )
        self.line_chart.show_coverage(
            cov,
            self.tr("现在"),
            self.tr("可安置人数"),
            self.tr("目标"),
            self.tr("按计划逐年保障能力"),
        )
        self.execution.show_progress(data.executed, data.progress)
        self.status_label.setText("")
        self._busy = False
        self._update_buttons()

    def _plan_text(self, plan: PlanView) -> str:
        years = "；".join(f"{y}：{format_money(a)}" for y, a in plan.year_totals.items())
        text = self.tr("年度预算 {years}。合计 {total}（{words}）。资金来源：{funding}。").format(
            years=years,
            total=format_money(plan.total_amount),
            words=plan.total_words,
            funding=plan.funding_source,
        )
        if plan.yearly_ceiling is not None:
            over = "、".join(str(y) for y in plan.over_ceiling)
            text += " " + (
                self.tr("年度上限 {ceiling}，超出年份：{years}。").format(
                    ceiling=format_money(plan.yearly_ceiling), years=over
                )
                if over
                else self.tr("各年均不超过年度上限 {ceiling}。").format(
                    ceiling=format_money(plan.yearly_ceiling)
                )
            )
        if plan.doc_no:
            text += " " + self.tr("{no} 第 {version} 版 {state}").format(
                no=plan.doc_no, version=plan.version, state=doc_state_label(plan.state)
            )
            if plan.approved_by:
                text += " " + self.tr("批准人 {who}").format(who=plan.approved_by)
        for change in plan.changes:
            what = self.tr("单价") if change.what == "unit_price" else change.what
            text += f"\n{change.item_name} {what}: {change.before:,f} → {change.after:,f}"
        return text

    def _fill_combos(self, data: PlanPageData) -> None:
        for combo, items in (
            (self.target_combo, [(t.name, t.name) for t in data.targets]),
            (self.norms_combo, [(f"{s.name}", s.code) for s in data.norm_sets]),
            (
                self.version_combo,
                [(self.tr("按当前库存生成"), None)]
                + [
                    (f"{p.doc_no}  v{p.version}  {doc_state_label(p.state)}", p.doc_no)
                    for p in data.plans
                ],
            ),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for text, value in items:
                combo.addItem(text, value)
            wanted = current if current is not None else None
            if combo is self.norms_combo and current is None:
                wanted = data.plan.norm_set
            if combo is self.target_combo and current is None:
                wanted = data.plan.target
            combo.setCurrentIndex(max(combo.findData(wanted), 0))
            combo.blockSignals(False)
        if not self.years_edit.text():
            self.years_edit.setText(f"{data.plan.years[0]}-{data.plan.years[-1]}")

    def _report_subject(self) -> tuple[str | None, str | None, int]:
        """(plan no., target, first year) of what the page shows, for the reports."""
        plan = self.data.plan if self.data else None
        if plan is None:
            return None, self.target_combo.currentData(), date.today().year
        return plan.doc_no or None, plan.target or None, plan.years[0]

    def _failed(self, error: BaseException) -> None:
        self.status_label.setText("")
        self._busy = False
        self._update_buttons()
        show_domain_error(self, self.ctx, error, retry=self.refresh)

    def _update_buttons(self) -> None:
        plan = self.data.plan if self.data else None
        idle = not self._busy and plan is not None
        self.save_button.setEnabled(idle and plan is not None and not plan.doc_no)
        draft = idle and plan is not None and plan.state == DocState.DRAFT
        self.approve_button.setEnabled(draft)
        self.revise_button.setEnabled(idle and plan is not None and plan.state == DocState.APPROVED)

    # ------------------------------------------------------------------ posting

    def save_draft(self) -> None:
        ctx, rid = self.ctx, uuid.uuid4().hex
        target, norms = self.target_combo.currentData(), self.norms_combo.currentData()
        years = self.years_edit.text().strip() or None
        self._post(
            lambda: plan_documents.save(
                ctx.uow,
                ctx.actor,
                PlanSpec(target=target, norm_set=norms, years=years),
                request_id=rid,
            )
        )

    def approve(self) -> None:
        self._post_on_plan(plan_documents.approve)

    def revise(self) -> None:
        self._post_on_plan(plan_documents.revise)

    def _post_on_plan(self, action: Callable[..., PostingResult]) -> None:
        plan = self.data.plan if self.data else None
        if plan is None or not plan.doc_no:
            return
        ctx, doc_no, rid = self.ctx, plan.doc_no, uuid.uuid4().hex
        self._post(lambda: action(ctx.uow, ctx.actor, doc_no=doc_no, request_id=rid))

    def _post(self, call: Callable[[], PostingResult]) -> None:
        self._busy = True
        self._update_buttons()

        def done(result: PostingResult) -> None:
            self._busy = False
            self.version_combo.addItem(result.doc_no, result.doc_no)
            self.version_combo.setCurrentIndex(self.version_combo.count() - 1)
            self.refresh()

        self.ctx.tasks.run(lambda _task: call(), on_done=done, on_error=self._failed)

    # ------------------------------------------------------------------ language

    def retranslate(self) -> None:
        self.target_caption.setText(self.tr("储备目标："))
        self.norms_caption.setText(self.tr("定额："))
        self.years_caption.setText(self.tr("年度："))
        self.version_caption.setText(self.tr("方案："))
        self.generate_button.setText(self.tr("生成"))
        self.generate_button.setToolTip(
            self.tr("需购置 = 定额 × 人数 − 现有实物 − 在途合同，按年度比例分摊")
        )
        self.save_button.setText(self.tr("保存为草稿"))
        self.approve_button.setText(self.tr("批准"))
        self.revise_button.setText(self.tr("修订"))
        self.refresh_button.setText(self.tr("刷新"))
        for index, text in enumerate(
            (self.tr("购置计划"), self.tr("保障能力"), self.tr("执行进度"))
        ):
            self.tabs.setTabText(index, text)
        for model in (self.plan_model, self.coverage_model):
            model.retranslate()
        self.execution.retranslate()
        self.report_button.retranslate()
        if self.data is not None:
            self.show_data(self.data)
