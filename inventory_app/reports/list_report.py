"""List reports (stock lists, ledgers …) on A4 landscape, drawn straight on the canvas.

Long lists are the point: the rows are laid out once (heights from wrapped text), so
the page count is known before drawing and every page can say "第 x 页 共 y 页"
without holding pages in memory; each page is one grid path and one text object.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from . import pdf_base
from .fonts import cjk_font
from .pdf_base import A4_LANDSCAPE, Column, PdfTarget


@dataclass(frozen=True)
class ListReport:
    """A titled list: the filters that produced it, who printed it and when, the rows."""

    title: str
    filters: Sequence[tuple[str, str]]
    printed_by: str
    printed_at: str
    columns: Sequence[Column]
    rows: Sequence[Sequence[str]]
    totals: Sequence[str] | None = None
    footer: str = ""


MARGIN = 10 * mm
TITLE_SIZE = 15.0
META_SIZE = 8.0
BODY_SIZE = 8.0
MIN_SIZE = 6.0
LEADING = 1.2
PAD_X = 2.0
PAD_Y = 2.2
_HEAD_BG = colors.HexColor("#E6E6E6")
_STRIPE = colors.HexColor("#F4F4F4")
_TOTALS_BG = colors.HexColor("#E6E6E6")


@dataclass(frozen=True)
class _Cell:
    lines: tuple[str, ...]
    size: float
    widths: tuple[float, ...]  # measured once, while laying out; drawing reuses them


@dataclass(frozen=True)
class _Row:
    cells: tuple[_Cell, ...]
    height: float


class _Layout:
    """Column positions and how each cell's text fits its column."""

    def __init__(self, font: str, columns: Sequence[Column], width: float) -> None:
        self.font = font
        self.columns = list(columns)
        self.widths = pdf_base.column_widths(self.columns, width)
        self.xs = [MARGIN]
        for w in self.widths:
            self.xs.append(self.xs[-1] + w)
        self.inner = [w - 2 * PAD_X for w in self.widths]
        # Lists repeat their values (depots, items, units): measure each text once.
        self._unit_widths: dict[str, float] = {}

    def width(self, text: str, size: float) -> float:
        unit = self._unit_widths.get(text)
        if unit is None:
            if len(self._unit_widths) > 200_000:
                self._unit_widths.clear()
            unit = self._unit_widths[text] = stringWidth(text, self.font, 1.0)
        return unit * size

    def row(self, values: Sequence[str], size: float = BODY_SIZE) -> _Row:
        if len(values) != len(self.columns):
            raise ValueError(f"a row has {len(values)} cells for {len(self.columns)} columns")
        cells = []
        height_lines = 1.0
        for value, column, inner in zip(values, self.columns, self.inner, strict=True):
            cell = self._cell(value or "", column, inner, size)
            cells.append(cell)
            height_lines = max(height_lines, len(cell.lines) * cell.size / size)
        return _Row(tuple(cells), height_lines * size * LEADING + 2 * PAD_Y)

    def _cell(self, text: str, column: Column, inner: float, size: float) -> _Cell:
        # The common case first: one line that fits (one width measurement).
        if "\n" not in text:
            natural = self.width(text, size)
            if natural <= inner:
                return _Cell((text,), size, (natural,))
        if not column.wrap:
            widest = max(text.splitlines() or [""], key=lambda s: self.width(s, size))
            shrunk = pdf_base.fit_size(widest, self.font, size, inner, MIN_SIZE)
            if self.width(widest, shrunk) <= inner:
                return self._measured(text.splitlines(), shrunk)
            size = MIN_SIZE
        return self._measured(pdf_base.wrap_text(text, self.font, size, inner), size)

    def _measured(self, lines: list[str], size: float) -> _Cell:
        return _Cell(tuple(lines), size, tuple(self.width(line, size) for line in lines))


def render(report: ListReport, out: PdfTarget = None) -> bytes:
    """Render ``report`` on A4 landscape; returns the PDF bytes and, when ``out`` is a
    path or a binary stream, writes them there too."""
    font = cjk_font()
    page_w, page_h = A4_LANDSCAPE
    width = page_w - 2 * MARGIN
    layout = _Layout(font, report.columns, width)
    meta_lines = _meta_lines(report, font, width)
    head = layout.row([c.label for c in report.columns])
    rows = [layout.row(values) for values in report.rows]
    totals = layout.row(report.totals) if report.totals is not None else None
    table_top = page_h - MARGIN - TITLE_SIZE * 1.4 - len(meta_lines) * META_SIZE * 1.35 - 2 * mm
    table_bottom = MARGIN + META_SIZE + 3 * mm
    body = table_top - head.height - table_bottom
    pages = _paginate(rows, totals, body)

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4_LANDSCAPE, initialFontName=font, pageCompression=1)
    canvas.setTitle(report.title)
    canvas.setAuthor(report.printed_by)
    canvas.setCreator(pdf_base.CREATOR)
    index = 0
    for number, (first, last, with_totals) in enumerate(pages, start=1):
        y = _page_header(canvas, report, font, meta_lines, table_top, number, len(pages))
        drawn = [(head, _HEAD_BG, True)]
        for i in range(first, last):
            drawn.append((rows[i], _STRIPE if (i - first) % 2 else None, False))
        if with_totals and totals is not None:
            drawn.append((totals, _TOTALS_BG, False))
        _draw_rows(canvas, layout, drawn, y)
        canvas.showPage()
        index = last
    assert index == len(rows)
    canvas.save()
    return pdf_base.write_pdf(buffer.getvalue(), out)


def _paginate(rows: list[_Row], totals: _Row | None, body: float) -> list[tuple[int, int, bool]]:
    """(first row, end row, totals here?) per page; a row is never split across pages."""
    pages: list[tuple[int, int, bool]] = []
    first = 0
    used = 0.0
    for i, row in enumerate(rows):
        if used + row.height > body and i > first:
            pages.append((first, i, False))
            first, used = i, 0.0
        used += row.height
    if totals is not None and used + totals.height > body and first < len(rows):
        pages.append((first, len(rows), False))
        first = len(rows)
    pages.append((first, len(rows), totals is not None))
    return pages


def _meta_lines(report: ListReport, font: str, width: float) -> list[str]:
    """The filters (wrapped) and, right-aligned on the first line, who printed when."""
    filters = "；".join(f"{label}：{value}" for label, value in report.filters) or "全部"
    printed = _printed(report)
    room = width - stringWidth(printed, font, META_SIZE) - 6 * mm
    return pdf_base.wrap_text(f"筛选条件：{filters}", font, META_SIZE, room)


def _printed(report: ListReport) -> str:
    return f"打印人：{report.printed_by}    打印时间：{report.printed_at}"


def _page_header(
    canvas: Canvas,
    report: ListReport,
    font: str,
    meta_lines: list[str],
    table_top: float,
    number: int,
    total: int,
) -> float:
    page_w, page_h = A4_LANDSCAPE
    y = page_h - MARGIN - TITLE_SIZE
    size = pdf_base.fit_size(report.title, font, TITLE_SIZE, page_w - 2 * MARGIN, MIN_SIZE)
    text = canvas.beginText()
    text.setTextRenderMode(2)  # fill + stroke: the bundled font has no bold face
    canvas.setLineWidth(size / 30)
    text.setFont(font, size)
    text.setTextOrigin((page_w - stringWidth(report.title, font, size)) / 2, y)
    text.textOut(report.title)
    text.setTextRenderMode(0)
    text.setFont(font, META_SIZE)
    y -= TITLE_SIZE * 0.4 + META_SIZE
    printed = _printed(report)
    for i, line in enumerate(meta_lines):
        text.setTextOrigin(MARGIN, y - i * META_SIZE * 1.35)
        text.textOut(line)
    text.setTextOrigin(page_w - MARGIN - stringWidth(printed, font, META_SIZE), y)
    text.textOut(printed)
    footer_y = MARGIN
    label = pdf_base.page_label(number, total)
    label_w = stringWidth(label, font, META_SIZE)
    text.setTextOrigin(page_w - MARGIN - label_w, footer_y)
    text.textOut(label)
    if report.footer:
        room = page_w - 2 * MARGIN - label_w - 6 * mm
        fsize = pdf_base.fit_size(report.footer, font, META_SIZE - 1, room, 4)
        text.setFont(font, fsize)
        text.setTextOrigin(MARGIN, footer_y)
        text.textOut(report.footer)
    canvas.drawText(text)
    return table_top


def _draw_rows(
    canvas: Canvas, layout: _Layout, drawn: list[tuple[_Row, object, bool]], top: float
) -> None:
    """Backgrounds, then one grid, then all text of the page in one text object."""
    ys = [top]
    for row, _, _ in drawn:
        ys.append(ys[-1] - row.height)
    canvas.saveState()
    for (_, fill, _), y0, y1 in zip(drawn, ys, ys[1:], strict=False):
        if fill is not None:
            canvas.setFillColor(fill)
            canvas.rect(MARGIN, y1, layout.xs[-1] - MARGIN, y0 - y1, stroke=0, fill=1)
    canvas.restoreState()
    canvas.setLineWidth(0.4)
    canvas.grid(layout.xs, ys)
    canvas.setLineWidth(0.9)
    canvas.rect(MARGIN, ys[-1], layout.xs[-1] - MARGIN, top - ys[-1])
    text = canvas.beginText()
    current = 0.0
    for (row, _, is_head), y0 in zip(drawn, ys, strict=False):
        for cell, column, x0, inner in zip(
            row.cells, layout.columns, layout.xs[:-1], layout.inner, strict=True
        ):
            if cell.size != current:
                text.setFont(layout.font, cell.size)
                current = cell.size
            align = "center" if is_head else column.align
            _cell_text(text, cell, align, x0 + PAD_X, inner, y0)
    canvas.drawText(text)


def _cell_text(
    text: PDFTextObject, cell: _Cell, align: str, x: float, inner: float, top: float
) -> None:
    line_height = cell.size * LEADING
    # Baseline: one descent above the line's bottom (the font's descent is about 0.2 em).
    y = top - PAD_Y - line_height + cell.size * 0.32
    for line, w in zip(cell.lines, cell.widths, strict=True):
        if line:
            if align == "right":
                x0 = x + inner - w
            elif align == "center":
                x0 = x + (inner - w) / 2
            else:
                x0 = x
            text.setTextOrigin(x0, y)
            # textLine, not textOut: textOut measures the string again to move the cursor.
            text.textLine(line)
        y -= line_height
