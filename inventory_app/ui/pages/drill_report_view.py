"""A drill's report: 拿得出 / 调动快 / 用得上 in large green or red, times, problems, sources."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...services.drills import DrillReport, DrillSource
from ..dialogs.order_suggest import travel_text
from ..models.table_models import Column, RowsTableModel, format_quantity
from .orders_columns import URGENT_FG, local_time
from .orders_detail import _table

GOOD = "#1e6b34"
BAD = "#a4262c"
Step = tuple[str, datetime]

# The step names the drill service records, marked so lupdate extracts them.
STEP_NAMES = (
    QT_TRANSLATE_NOOP("DrillsPage", "申请"),
    QT_TRANSLATE_NOOP("DrillsPage", "开始（接受建议）"),
    QT_TRANSLATE_NOOP("DrillsPage", "批准"),
    QT_TRANSLATE_NOOP("DrillsPage", "出库单已打印"),
    QT_TRANSLATE_NOOP("DrillsPage", "发车"),
    QT_TRANSLATE_NOOP("DrillsPage", "到达"),
    QT_TRANSLATE_NOOP("DrillsPage", "取消"),
)


def step_columns() -> list[Column[Step]]:
    return [
        Column(
            "step",
            lambda: QCoreApplication.translate("DrillsPage", "环节"),
            lambda s: QCoreApplication.translate("DrillsPage", s[0]),
        ),
        Column(
            "at",
            lambda: QCoreApplication.translate("DrillsPage", "时间"),
            lambda s: local_time(s[1]),
        ),
    ]


def source_columns() -> list[Column[DrillSource]]:
    return [
        Column(
            "item",
            lambda: QCoreApplication.translate("DrillsPage", "物资"),
            lambda s: f"{s.item_name} {s.item_code}",
        ),
        Column(
            "depot",
            lambda: QCoreApplication.translate("DrillsPage", "调出仓库"),
            lambda s: s.depot_name,
        ),
        Column(
            "batch",
            lambda: QCoreApplication.translate("DrillsPage", "批号"),
            lambda s: s.batch_no,
        ),
        Column(
            "location",
            lambda: QCoreApplication.translate("DrillsPage", "库位"),
            lambda s: s.location_code,
            foreground=lambda s: None if s.location_code else URGENT_FG,
        ),
        Column(
            "expiry",
            lambda: QCoreApplication.translate("DrillsPage", "有效期至"),
            lambda s: s.expiry_date,
            "date",
            foreground=lambda s: URGENT_FG if s.expiry in ("near", "expired") else None,
        ),
        Column(
            "quantity",
            lambda: QCoreApplication.translate("DrillsPage", "数量"),
            lambda s: s.quantity,
            "quantity",
        ),
        Column(
            "minutes",
            lambda: QCoreApplication.translate("DrillsPage", "车程"),
            lambda s: travel_text(s.minutes),
            alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        ),
    ]


class Verdict(QFrame):
    """One of the three answers: the question, a large ✓/✗ and a line of detail."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.answer = QLabel(self)
        self.answer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = QLabel(self)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setSpacing(2)
        layout.addWidget(self.answer)
        layout.addWidget(self.detail)
        self.ok = False

    def show_answer(self, question: str, ok: bool, detail: str) -> None:
        self.ok = ok
        colour = GOOD if ok else BAD
        mark = "✓" if ok else "✗"
        self.answer.setText(f"{mark} {question}")
        self.answer.setStyleSheet(f"color: {colour}; font-size: 20pt; font-weight: bold;")
        self.detail.setText(detail)
        self.setStyleSheet(
            f"Verdict {{ background: {'#eef7f0' if ok else '#fdecea'};"
            f" border: 1px solid {colour}; border-radius: 4px; }}"
        )


def _duration(minutes: int) -> str:
    return travel_text(minutes)


class DrillReportView(QWidget):
    """Filled from a DrillReport; a hint while nothing is selected."""

    def __init__(
        self, parent: QWidget | None = None, *, state_label: Callable[[str], str] = str
    ) -> None:
        super().__init__(parent)
        self.report: DrillReport | None = None
        self.state_label = state_label
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: bold; font-size: 11pt;")
        self.hint = QLabel(self)
        self.hint.setStyleSheet("color: #777;")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.available, self.fast, self.usable = Verdict(self), Verdict(self), Verdict(self)
        answers = QHBoxLayout()
        for verdict in (self.available, self.fast, self.usable):
            answers.addWidget(verdict, 1)
        self.times = QLabel(self)
        self.times.setWordWrap(True)
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(f"color: {BAD};")
        self.steps_model: RowsTableModel[Step] = RowsTableModel(step_columns(), self)
        self.sources_model: RowsTableModel[DrillSource] = RowsTableModel(source_columns(), self)
        self.steps_view = _table(self, self.steps_model)
        self.sources_view = _table(self, self.sources_model)
        self.steps_caption, self.sources_caption = QLabel(self), QLabel(self)
        tables = QSplitter(Qt.Orientation.Horizontal, self)
        for caption, view in (
            (self.steps_caption, self.steps_view),
            (self.sources_caption, self.sources_view),
        ):
            box = QWidget(tables)
            stack = QVBoxLayout(box)
            stack.setContentsMargins(0, 0, 0, 0)
            stack.setSpacing(2)
            stack.addWidget(caption)
            stack.addWidget(view, 1)
            tables.addWidget(box)
        tables.setStretchFactor(0, 2)
        tables.setStretchFactor(1, 5)
        tables.setChildrenCollapsible(False)
        self.body = QWidget(self)
        body = QGridLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(answers, 0, 0)
        body.addWidget(self.times, 1, 0)
        body.addWidget(self.problems, 2, 0)
        body.addWidget(tables, 3, 0)
        body.setRowStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.hint, 1)
        layout.addWidget(self.body, 1)
        self.show_report(None)

    def show_report(self, report: DrillReport | None, *, loading: bool = False) -> None:
        self.report = report
        self.body.setVisible(report is not None)
        self.hint.setVisible(report is None)
        if report is None:
            self.title.setText("")
            self.steps_model.set_rows([])
            self.sources_model.set_rows([])
            self.hint.setText(
                QCoreApplication.translate("DrillsPage", "正在读取演练报告…")
                if loading
                else QCoreApplication.translate(
                    "DrillsPage", "选中一次演练，这里显示它的报告；或从一份调拨申请开始新的演练。"
                )
            )
            return
        self.title.setText(
            QCoreApplication.translate(
                "DrillsPage", "演练 {doc}（申请 {request}，{state}）"
            ).format(
                doc=report.doc_no, request=report.request_no, state=self.state_label(report.state)
            )
        )
        self._answers(report)
        self.steps_model.set_rows(list(report.steps))
        self.sources_model.set_rows(list(report.sources))
        for view in (self.steps_view, self.sources_view):
            view.resizeColumnsToContents()
        sources = self.sources_view.horizontalHeader()
        sources.setStretchLastSection(False)
        sources.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the item name

    def _answers(self, report: DrillReport) -> None:
        if report.available:
            where = QCoreApplication.translate("DrillsPage", "全部有货，来自 {depots}").format(
                depots="、".join(report.depots)
            )
        else:
            where = QCoreApplication.translate("DrillsPage", "短缺：{items}").format(
                items="；".join(
                    f"{name} {format_quantity(qty)}" for _c, name, qty in report.shortages
                )
            )
        self.available.show_answer(
            QCoreApplication.translate("DrillsPage", "拿得出"), report.available, where
        )
        self.fast.show_answer(
            QCoreApplication.translate("DrillsPage", "调动快"),
            report.fast,
            QCoreApplication.translate("DrillsPage", "计划 {planned}，时限 {target} 小时").format(
                planned=_duration(report.planned_minutes), target=report.target_hours
            ),
        )
        self.usable.show_answer(
            QCoreApplication.translate("DrillsPage", "用得上"),
            report.usable,
            QCoreApplication.translate("DrillsPage", "批次有效，库位清楚")
            if report.usable
            else QCoreApplication.translate("DrillsPage", "{n} 个问题").format(
                n=len(report.problems)
            ),
        )
        elapsed = (
            _duration(report.elapsed_minutes)
            if report.elapsed_minutes is not None
            else QCoreApplication.translate("DrillsPage", "尚未到达")
        )
        self.times.setText(
            QCoreApplication.translate(
                "DrillsPage",
                "计划用时 {planned}（最远车程 + 装卸 {handling} 分）；时限 {target} 小时；"
                "实际用时（申请到到达）：{elapsed}",
            ).format(
                planned=_duration(report.planned_minutes),
                handling=report.handling_minutes,
                target=report.target_hours,
                elapsed=elapsed,
            )
        )
        self.problems.setText("\n".join(f"• {p}" for p in report.problems))
        self.problems.setVisible(bool(report.problems))

    def retranslate(self) -> None:
        self.steps_caption.setText(QCoreApplication.translate("DrillsPage", "各环节时间"))
        self.sources_caption.setText(QCoreApplication.translate("DrillsPage", "物资来源"))
        self.steps_model.retranslate()
        self.sources_model.retranslate()
        self.show_report(self.report)
