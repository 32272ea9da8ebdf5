"""Printable documents (出库单, 调拨单, 入库单 …): one generic layout, A4 or continuous form."""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from inventory_app.domain.money_words import capital_yuan

from . import pdf_base
from .fonts import cjk_font
from .pdf_base import A4_PORTRAIT, CONTINUOUS, Column, NumberedCanvas, PdfTarget

Form = Literal["a4", "continuous"]
_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}
_HEAD_BG = colors.HexColor("#E6E6E6")
_LABEL_BG = colors.HexColor("#F2F2F2")


@dataclass(frozen=True)
class PrintableDocument:
    """Everything a numbered document prints, as plain text (the caller formats numbers).

    ``fields`` are the header key/values (``field_columns`` pairs per row); ``lines`` hold
    one string per column; ``copies`` names the parts of a multi-part form (一式三联):
    the document is printed once per copy, each page labelled. ``footer`` is small print
    at the bottom of every page (e.g. an audit anchor).
    """

    title: str
    doc_no: str
    issuing_unit: str
    doc_date: str
    fields: Sequence[tuple[str, str]] = ()
    columns: Sequence[Column] = ()
    lines: Sequence[Sequence[str]] = ()
    totals: Sequence[str] | None = None
    money_total_fen: int | None = None
    notes: str = ""
    signatures: Sequence[str] = ()
    copies: Sequence[str] = ()
    footer: str = ""
    field_columns: int = 3


@dataclass(frozen=True)
class _Geometry:
    """The sizes of one form; everything else is derived from these."""

    page: tuple[float, float]
    margin_x: float
    margin_top: float
    margin_bottom: float
    qr: float
    copy_box: float
    unit_size: float
    title_size: float
    body_size: float
    small_size: float
    sign_height: float

    @property
    def header_height(self) -> float:
        return self.qr + 2 * mm

    @property
    def footer_height(self) -> float:
        return self.small_size + 3

    @property
    def content_width(self) -> float:
        return self.page[0] - 2 * self.margin_x


GEOMETRY: dict[Form, _Geometry] = {
    "a4": _Geometry(
        A4_PORTRAIT, 14 * mm, 12 * mm, 10 * mm, 22 * mm, 30 * mm, 11, 18, 9.5, 7, 16 * mm
    ),
    # Dot-matrix continuous stationery: a short page, so tighter margins and smaller type.
    "continuous": _Geometry(
        CONTINUOUS, 9 * mm, 6 * mm, 6 * mm, 17 * mm, 28 * mm, 9.5, 15, 8.5, 6.5, 15 * mm
    ),
}
MIN_SIZE = 5.5


def render(doc: PrintableDocument, out: PdfTarget = None, form: Form = "a4") -> bytes:
    """Render ``doc`` on A4 portrait or on 241 × 140 mm continuous form; returns the PDF
    bytes and, when ``out`` is a path or a binary stream, writes them there too."""
    if form not in GEOMETRY:
        raise ValueError(f"unknown form {form!r}; expected one of {sorted(GEOMETRY)}")
    geo = GEOMETRY[form]
    font = cjk_font()
    copies = list(doc.copies) or [""]
    qr = pdf_base.qr_code(doc.doc_no, geo.qr)
    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer,
        pagesize=geo.page,
        leftMargin=geo.margin_x,
        rightMargin=geo.margin_x,
        topMargin=geo.margin_top,
        bottomMargin=geo.margin_bottom,
        title=f"{doc.title} {doc.doc_no}",
        author=doc.issuing_unit,
        subject=doc.doc_no,
        creator=pdf_base.CREATOR,
        initialFontName=font,
    )
    frame_top = geo.page[1] - geo.margin_top - geo.header_height - 2 * mm
    frame_bottom = geo.margin_bottom + geo.footer_height
    templates = []
    for index, label in enumerate(copies):
        frame = Frame(
            geo.margin_x,
            frame_bottom,
            geo.content_width,
            frame_top - frame_bottom,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        painter = functools.partial(_page_furniture, doc, geo, font, qr, index, label)
        templates.append(PageTemplate(id=f"copy{index}", frames=[frame], onPage=painter))
    template.addPageTemplates(templates)
    body = _story(doc, geo, font)
    story: list[Flowable] = []
    for index in range(len(copies)):
        if index:
            story += [NextPageTemplate(f"copy{index}"), PageBreak()]
        story += body if index == 0 else _story(doc, geo, font)
    numbered = functools.partial(
        NumberedCanvas,
        paint_number=functools.partial(_paint_page_number, geo, font, any(doc.copies)),
    )
    template.build(story, canvasmaker=numbered)
    return pdf_base.write_pdf(buffer.getvalue(), out)


# ---------------------------------------------------------------- page furniture


def _page_furniture(
    doc: PrintableDocument,
    geo: _Geometry,
    font: str,
    qr: pdf_base.QrCode,
    copy_index: int,
    copy_label: str,
    canvas: NumberedCanvas,
    _template: BaseDocTemplate,
) -> None:
    """Drawn on every page: QR, issuing unit, title, number, date, copy label, footer."""
    canvas.page_group = copy_index
    width, height = geo.page
    top = height - geo.margin_top
    left = geo.margin_x
    right = width - geo.margin_x
    canvas.saveState()
    pdf_base.draw_qr(canvas, qr, left, top - geo.qr)
    box_left = right - geo.copy_box if copy_label else right
    if copy_label:
        _copy_box(canvas, font, geo, copy_label, box_left, top)
    centre_left = left + geo.qr + 3 * mm
    centre_right = box_left - 3 * mm
    centre = (centre_left + centre_right) / 2
    span = centre_right - centre_left
    y = top - geo.unit_size
    _centred(canvas, font, doc.issuing_unit, geo.unit_size, centre, y, span)
    title = _spaced(doc.title)
    y -= geo.title_size * 1.25
    size = pdf_base.fit_size(title, font, geo.title_size, span, MIN_SIZE)
    _bold_centred(canvas, font, size, centre, y, title)
    canvas.setLineWidth(0.8)
    title_width = stringWidth(title, font, size)
    canvas.line(centre - title_width / 2, y - 2.5, centre + title_width / 2, y - 2.5)
    canvas.line(centre - title_width / 2, y - 4, centre + title_width / 2, y - 4)
    # The number and date sit on the QR's bottom line; the page number is added at the end.
    # Three slots that cannot collide: number, date, page number (right, added at the end).
    base = top - geo.qr + 1
    number, date = f"编号：{doc.doc_no}", f"日期：{doc.doc_date}"
    canvas.setFont(font, pdf_base.fit_size(number, font, geo.body_size, span * 0.46, MIN_SIZE))
    canvas.drawString(centre_left, base, number)
    canvas.setFont(font, pdf_base.fit_size(date, font, geo.body_size, span * 0.27, MIN_SIZE))
    canvas.drawString(centre_left + span * 0.48, base, date)
    if doc.footer:
        size = pdf_base.fit_size(doc.footer, font, geo.small_size, right - left, 4)
        canvas.setFont(font, size)
        canvas.setFillColor(colors.HexColor("#444444"))
        canvas.drawString(left, geo.margin_bottom, doc.footer)
    canvas.restoreState()


def _paint_page_number(
    geo: _Geometry, font: str, boxed: bool, canvas: Canvas, page: int, total: int
) -> None:
    width, height = geo.page
    right = width - geo.margin_x - (geo.copy_box + 3 * mm if boxed else 0)
    span = right - geo.margin_x - geo.qr - 3 * mm
    label = pdf_base.page_label(page, total)
    canvas.saveState()
    canvas.setFont(font, pdf_base.fit_size(label, font, geo.body_size, span * 0.24, MIN_SIZE))
    canvas.drawRightString(
        right, height - geo.margin_top - geo.qr + 1, pdf_base.page_label(page, total)
    )
    canvas.restoreState()


def _copy_box(canvas: Canvas, font: str, geo: _Geometry, label: str, x: float, top: float) -> None:
    """The copy label in a heavy box, e.g. "第一联" over "接收单位": seen at a glance."""
    part, _, use = label.partition(" ")
    canvas.setLineWidth(1.2)
    canvas.rect(x, top - geo.qr, geo.copy_box, geo.qr)
    inner = geo.copy_box - 3 * mm
    centre = x + geo.copy_box / 2
    if use:
        size = pdf_base.fit_size(part, font, geo.title_size * 0.8, inner, MIN_SIZE)
        _bold_centred(canvas, font, size, centre, top - geo.qr * 0.45, part)
        size = pdf_base.fit_size(use, font, geo.unit_size, inner, MIN_SIZE)
        canvas.setFont(font, size)
        canvas.drawCentredString(centre, top - geo.qr * 0.8, use)
    else:
        size = pdf_base.fit_size(part, font, geo.title_size * 0.8, inner, MIN_SIZE)
        canvas.setFont(font, size)
        canvas.drawCentredString(centre, top - geo.qr * 0.6, part)


def _centred(
    canvas: Canvas, font: str, text: str, size: float, x: float, y: float, span: float
) -> None:
    canvas.setFont(font, pdf_base.fit_size(text, font, size, span, MIN_SIZE))
    canvas.drawCentredString(x, y, text)


def _bold_centred(canvas: Canvas, font: str, size: float, x: float, y: float, text: str) -> None:
    """The bundled font has no bold face: fill and stroke the glyphs instead."""
    canvas.saveState()
    canvas.setLineWidth(size / 30)
    text_object = canvas.beginText(x - stringWidth(text, font, size) / 2, y)
    text_object.setFont(font, size)
    text_object.setTextRenderMode(2)
    text_object.textOut(text)
    canvas.drawText(text_object)
    canvas.restoreState()


def _spaced(title: str) -> str:
    """Short Chinese titles are letter-spaced on forms: 出 库 单."""
    return " ".join(title) if len(title) <= 4 and " " not in title else title


# ---------------------------------------------------------------- the story


def _story(doc: PrintableDocument, geo: _Geometry, font: str) -> list[Flowable]:
    cells = _Cells(font, geo.body_size)
    width = geo.content_width
    story: list[Flowable] = []
    if doc.fields:
        story += [_fields_table(doc, cells, width), Spacer(1, 2 * mm)]
    if doc.columns:
        story.append(_lines_table(doc, cells, width))
    closing: list[Flowable] = []
    if doc.money_total_fen is not None:
        closing.append(_money_table(doc.money_total_fen, cells, width))
    if doc.notes:
        notes = Table(
            [[cells.para("备注", "center"), cells.wrapped(doc.notes)]],
            colWidths=[width * 0.12, width * 0.88],
        )
        notes.setStyle(_grid_style(cells.font, label_columns=[0]))
        closing.append(notes)
    if doc.signatures:
        closing += [Spacer(1, 3 * mm), _signature_table(doc.signatures, cells, width, geo)]
    if closing:
        # The signatures never start a page alone, away from what they sign for.
        story.append(KeepTogether(closing))
    return story


class _Cells:
    """Paragraph factories for table cells: wrapped text, or one line shrunk to fit."""

    def __init__(self, font: str, size: float) -> None:
        self.font = font
        self.size = size
        self.min_size = max(MIN_SIZE, round(size * 0.75 * 4) / 4)
        self._styles: dict[tuple[str, float], ParagraphStyle] = {}

    def style(self, align: str = "left", size: float | None = None) -> ParagraphStyle:
        size = size or self.size
        key = (align, size)
        if key not in self._styles:
            self._styles[key] = ParagraphStyle(
                f"cell-{align}-{size}",
                fontName=self.font,
                fontSize=size,
                leading=size * 1.22,
                alignment=_ALIGN[align],
                wordWrap="CJK",
            )
        return self._styles[key]

    def para(self, text: str, align: str = "left", size: float | None = None) -> Paragraph:
        return Paragraph(escape(text).replace("\n", "<br/>"), self.style(align, size))

    def wrapped(self, text: str, align: str = "left") -> Paragraph:
        return self.para(text, align)

    def fitted(self, text: str, width: float, align: str = "left") -> Paragraph:
        """One line, shrunk to ``width``; wraps only below the minimum size."""
        widest = max(
            text.splitlines() or [""], key=lambda line: stringWidth(line, self.font, self.size)
        )
        # Shrinking stops where the text stays easy to read; below that it wraps.
        size = pdf_base.fit_size(widest, self.font, self.size, width, self.min_size)
        return self.para(text, align, size)


_PAD = 2.5


def _grid_style(
    font: str, label_columns: list[int] | None = None, head: bool = False
) -> TableStyle:
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), font),  # plain-string cells, even empty ones, use it
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BOX", (0, 0), (-1, -1), 1.0, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), _PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    for column in label_columns or []:
        commands.append(("BACKGROUND", (column, 0), (column, -1), _LABEL_BG))
    if head:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), _HEAD_BG))
    return TableStyle(commands)


def _fields_table(doc: PrintableDocument, cells: _Cells, width: float) -> Table:
    per_row = max(1, min(doc.field_columns, 4))
    label_widths, value_widths = _field_widths(doc.fields, per_row, cells, width)
    rows: list[list[Any]] = []
    row: list[Any] = []
    for index, (label, value) in enumerate(doc.fields):
        position = index % per_row
        row += [
            cells.fitted(label, label_widths[position] - 2 * _PAD, "center"),
            cells.fitted(value, value_widths[position] - 2 * _PAD),
        ]
        if len(row) == 2 * per_row:
            rows.append(row)
            row = []
    if row:
        row += [""] * (2 * per_row - len(row))
        rows.append(row)
    col_widths = [w for pair in zip(label_widths, value_widths, strict=True) for w in pair]
    table = Table(rows, colWidths=col_widths)
    table.setStyle(_grid_style(cells.font, label_columns=list(range(0, 2 * per_row, 2))))
    return table


def _field_widths(
    fields: Sequence[tuple[str, str]], per_row: int, cells: _Cells, width: float
) -> tuple[list[float], list[float]]:
    """Each label column as wide as its longest label; the value columns share the rest
    by the length of their longest value, so a long address gets room before a plate."""
    pair = width / per_row

    def widest(texts: list[str]) -> float:
        return max((stringWidth(t, cells.font, cells.size) for t in texts), default=0.0)

    labels = [widest([f[0] for f in fields[j::per_row]]) + 2 * _PAD + 2 for j in range(per_row)]
    label_widths = [min(pair * 0.42, max(pair * 0.2, w)) for w in labels]
    values = [widest([f[1] for f in fields[j::per_row]]) for j in range(per_row)]
    floor = max(sum(values) / per_row * 0.6, 1.0)
    shares = [max(v, floor) for v in values]
    room = width - sum(label_widths)
    value_widths = [room * share / sum(shares) for share in shares]
    return label_widths, value_widths


def _lines_table(doc: PrintableDocument, cells: _Cells, width: float) -> Table:
    columns = list(doc.columns)
    widths = pdf_base.column_widths(columns, width)
    inner = [w - 2 * _PAD for w in widths]
    head = [cells.fitted(c.label, w, "center") for c, w in zip(columns, inner, strict=True)]
    rows: list[list[Any]] = [head]
    for line in doc.lines:
        rows.append(_row(line, columns, inner, cells))
    style = _grid_style(cells.font, head=True)
    if doc.totals is not None:
        rows.append(_row(doc.totals, columns, inner, cells))
        style.add("BACKGROUND", (0, -1), (-1, -1), _LABEL_BG)
        style.add("LINEABOVE", (0, -1), (-1, -1), 1.0, colors.black)
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(style)
    return table


def _row(
    values: Sequence[str], columns: list[Column], inner: list[float], cells: _Cells
) -> list[Any]:
    if len(values) != len(columns):
        raise ValueError(f"a line has {len(values)} cells for {len(columns)} columns: {values!r}")
    return [
        cells.wrapped(value, column.align) if column.wrap else cells.fitted(value, w, column.align)
        for value, column, w in zip(values, columns, inner, strict=True)
    ]


def _money_table(fen: int, cells: _Cells, width: float) -> Table:
    label = cells.fitted("合计金额（大写）", width * 0.18 - 2 * _PAD, "center")
    words = cells.fitted(f"人民币 {capital_yuan(fen)}", width * 0.54 - 2 * _PAD)
    figures = cells.fitted(f"（小写）{pdf_base.format_fen(fen)}", width * 0.28 - 2 * _PAD, "right")
    table = Table([[label, words, figures]], colWidths=[width * 0.18, width * 0.54, width * 0.28])
    table.setStyle(_grid_style(cells.font, label_columns=[0]))
    return table


def _signature_table(
    signatures: Sequence[str], cells: _Cells, width: float, geo: _Geometry
) -> Table:
    """One box per signer: the role on top, room to sign, a line and the date under it."""
    n = len(signatures)
    per_row = n if n <= 4 else (n + 1) // 2
    cell_width = width / per_row
    rows: list[list[Any]] = []
    for start in range(0, n, per_row):
        chunk = list(signatures[start : start + per_row])
        chunk += [""] * (per_row - len(chunk))
        rows.append([_SignatureBox(role, cells, cell_width, geo.sign_height) for role in chunk])
    table = Table(rows, colWidths=[cell_width] * per_row)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), cells.font),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


class _SignatureBox(Flowable):
    """The role ("发货人(保管员)：") on top, room to sign, a line, and "年 月 日" under it."""

    def __init__(self, role: str, cells: _Cells, width: float, height: float) -> None:
        super().__init__()
        self.role = role
        self.cells = cells
        self.width = width
        self.height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        if not self.role:
            return
        canvas = self.canv
        font, size = self.cells.font, self.cells.size
        line_end = self.width - 4 * mm
        label = f"{self.role}："
        canvas.setFont(font, pdf_base.fit_size(label, font, size, line_end, MIN_SIZE))
        canvas.drawString(0, self.height - size, label)
        small = max(size - 1.5, MIN_SIZE)
        line_y = small + 4
        canvas.setLineWidth(0.6)
        canvas.line(0, line_y, line_end, line_y)
        canvas.setFont(font, small)
        canvas.drawRightString(line_end - 2, 1, "年      月      日")
