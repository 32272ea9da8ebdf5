"""Charts of the 储备计划 page (QtCharts): held vs required per item, coverage by plan year."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from ...services.coverage import Coverage


def _nice_max(values: Sequence[float]) -> float:
    top = max([1.0, *values])
    step = 10 ** (len(str(int(top))) - 1)
    return float((int(top // step) + 1) * step)


class _ChartView(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)

    @staticmethod
    def new_chart(title: str) -> QChart:
        chart = QChart()
        chart.setTitle(title)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        return chart

    def place(
        self,
        chart: QChart,
        series: Sequence[QBarSeries | QLineSeries],
        labels: list[str],
        top: float,
    ) -> None:
        """Category axis below, value axis 0…top on the left, every series attached."""
        axis_x = QBarCategoryAxis()
        axis_x.append(labels)
        axis_y = QValueAxis()
        axis_y.setRange(0, _nice_max([top]))
        axis_y.setLabelFormat("%d")
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        for one in series:
            one.attachAxis(axis_x)
            one.attachAxis(axis_y)


class HeldRequiredChart(_ChartView):
    """Bars: held vs required, per item of the norm set."""

    def show_coverage(
        self, cov: Coverage | None, held_text: str, required_text: str, title: str
    ) -> None:
        chart = self.new_chart(title)
        if cov is not None and cov.items:
            held, required = QBarSet(held_text), QBarSet(required_text)
            for item in cov.items:
                held.append(float(item.held))  # drawing only: the figures are in the table
                required.append(float(item.required))
            series = QBarSeries()
            series.append(held)
            series.append(required)
            chart.addSeries(series)
            top = max(max(float(i.required), float(i.held)) for i in cov.items)
            self.place(chart, [series], [i.item_name for i in cov.items], top)
        self.setChart(chart)


class CoverageLineChart(_ChartView):
    """Line: persons sheltered now and after each plan year (target as a flat line)."""

    def show_coverage(
        self, cov: Coverage | None, now_text: str, covered_text: str, target_text: str, title: str
    ) -> None:
        chart = self.new_chart(title)
        if cov is not None and cov.by_year:
            labels = [now_text, *[str(y.year) for y in cov.by_year]]
            values = [cov.persons_covered, *[y.persons_covered for y in cov.by_year]]
            line, goal = QLineSeries(), QLineSeries()
            line.setName(covered_text)
            goal.setName(target_text)
            for x, value in enumerate(values):
                line.append(x, value)
                goal.append(x, cov.persons_target)
            chart.addSeries(line)
            chart.addSeries(goal)
            self.place(chart, [line, goal], labels, float(max([*values, cov.persons_target])))
        self.setChart(chart)
