"""Reports of several tables and charts (the reserve plan, its execution, coverage, the
年度储存情况报告): A4 landscape PDF through platypus, charts drawn with reportlab graphics,
and the same tables as one workbook sheet each."""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from . import pdf_base, xlsx_export
from .fonts import cjk_font
from .pdf_base import A4_LANDSCAPE, PdfTarget

_HEAD_BG = colors.HexColor("#E6E6E6")
_TOTAL_BG = colors.HexColor("#F0F0F0")
_SERIES = (colors.HexColor("#2E6DB4"), colors.HexColor("#8DB84A"), colors.HexColor("#C0504D"))
MARGIN = 12 * mm


@dataclass(frozen=True)
class Section:
    """A titled table; numeric columns (right-aligned) are named in `numeric`."""

    heading: str
    headers: Sequence[str]
    rows: Sequence[Sequence[Any]]
    numeric: frozenset[int] = frozenset()
    weights: Sequence[float] = ()
    totals: Sequence[Any] | None = None


@dataclass(frozen=True)
class Chart:
    """Bars (one group per category) or lines (one point per category), one or more series."""

    title: str
    kind: str  # "bar" | "line"
    categories: Sequence[str]
    series: Sequence[tuple[str, Sequence[float]]]  # drawing only: the figures are in the tables


@dataclass(frozen=True)
class SectionedReport:
    title: str
    meta: Sequence[tuple[str, str]]
    sections: Sequence[Section]
    charts: Sequence[Chart] = ()
    notes: Sequence[str] = ()
    signatures: Sequence[str] = field(default_factory=tuple)


def cell_text(value: Any) -> str:
    """Exact decimals with thousands separators; dates and text as they are."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:,f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def render_pdf(report: SectionedReport, out: PdfTarget = None) -> bytes:
    font = cjk_font()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4_LANDSCAPE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=report.title,
        creator=pdf_base.CREATOR,
    )
    width = A4_LANDSCAPE[0] - 2 * MARGIN
    title = ParagraphStyle("title", fontName=font, fontSize=16, leading=22, alignment=1)
    text = ParagraphStyle("text", fontName=font, fontSize=9, leading=13)
    heading = ParagraphStyle("heading", fontName=font, fontSize=11, leading=16, spaceBefore=6)
    story: list[Any] = [Paragraph(report.title, title), Spacer(1, 2 * mm)]
    meta = "　　".join(f"{k}：{v}" for k, v in report.meta if v)
    if meta:
        story += [Paragraph(meta, text), Spacer(1, 2 * mm)]
    for section in report.sections:
        story += [Paragraph(section.heading, heading), _table(section, font, width)]
    if report.charts:
        story.append(Spacer(1, 4 * mm))
        charts = [_drawing(c, font, width / 2 - 4 * mm) for c in report.charts]
        for start in range(0, len(charts), 2):
            pair = charts[start : start + 2]
            story.append(Table([pair], colWidths=[width / 2] * len(pair), hAlign="LEFT"))
    for note in report.notes:
        story.append(Paragraph(note, text))
    if report.signatures:
        story += [
            Spacer(1, 8 * mm),
            Paragraph("　　　　".join(f"{s}：__________" for s in report.signatures), text),
        ]
    numbered = functools.partial(
        pdf_base.NumberedCanvas, paint_number=functools.partial(_page_number, font)
    )
    doc.build(story, canvasmaker=numbered)
    return pdf_base.write_pdf(buffer.getvalue(), out)


def _page_number(font: str, canvas: Canvas, page: int, total: int) -> None:
    canvas.saveState()
    canvas.setFont(font, 8)
    canvas.drawRightString(
        A4_LANDSCAPE[0] - MARGIN,
        MARGIN / 2,
        f"{pdf_base.CREATOR} · {pdf_base.page_label(page, total)}",
    )
    canvas.restoreState()


def _table(section: Section, font: str, width: float) -> Table:
    rows = [list(section.headers)] + [[cell_text(v) for v in row] for row in section.rows]
    if section.totals is not None:
        rows.append([cell_text(v) for v in section.totals])
    weights = list(section.weights) or [1.0] * len(section.headers)
    scale = width / sum(weights)
    table = Table(rows, colWidths=[w * scale for w in weights], repeatRows=1)
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), font, 8),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), _HEAD_BG),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    for column in section.numeric:
        style.append(("ALIGN", (column, 1), (column, -1), "RIGHT"))
    if section.totals is not None:
        style.append(("BACKGROUND", (0, -1), (-1, -1), _TOTAL_BG))
    table.setStyle(TableStyle(style))
    return table


def _drawing(chart: Chart, font: str, width: float) -> Drawing:
    height = 62 * mm
    drawing = Drawing(width, height)
    drawing.add(
        String(width / 2, height - 10, chart.title, fontName=font, fontSize=10, textAnchor="middle")
    )
    plot: VerticalBarChart | HorizontalLineChart = (
        VerticalBarChart() if chart.kind == "bar" else HorizontalLineChart()
    )
    plot.x, plot.y = 40, 34
    plot.width, plot.height = width - 60, height - 62
    plot.data = [list(values) for _, values in chart.series]
    plot.categoryAxis.categoryNames = list(chart.categories)
    plot.categoryAxis.labels.fontName = font
    plot.categoryAxis.labels.fontSize = 7
    plot.valueAxis.labels.fontName = font
    plot.valueAxis.labels.fontSize = 7
    plot.valueAxis.valueMin = 0
    for index in range(len(chart.series)):
        colour = _SERIES[index % len(_SERIES)]
        if isinstance(plot, VerticalBarChart):
            plot.bars[index].fillColor = colour
        else:
            plot.lines[index].strokeColor = colour
            plot.lines[index].strokeWidth = 1.5
    drawing.add(plot)
    legend = Legend()
    legend.x, legend.y = 40, 10
    legend.fontName, legend.fontSize = font, 7
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 70
    legend.colorNamePairs = [
        (_SERIES[i % len(_SERIES)], name) for i, (name, _) in enumerate(chart.series)
    ]
    drawing.add(legend)
    return drawing


def write_xlsx(report: SectionedReport, out: Path) -> Path:
    """One sheet per table (headers, rows, totals), values exact."""
    sheets = [
        (s.heading, list(s.headers), [*s.rows, *([s.totals] if s.totals is not None else [])])
        for s in report.sections
    ]
    return xlsx_export.export_sheets(out, report.title, sheets)
