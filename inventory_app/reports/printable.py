"""Printable documents (出库单, 调拨单, 入库单 …): one generic layout, A4 or continuous form."""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
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
    Spacer,
    Table,
)

from . import pdf_base
from .fonts import cjk_font
from .pdf_base import A4_PORTRAIT, CONTINUOUS, Column, NumberedCanvas, PdfTarget
from .printable_tables import (
    MIN_SIZE,
    Cells,
    fields_table,
    grid_style,
    lines_table,
    money_table,
    signature_table,
)

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
    template = doc_template(buffer, doc, geo, font)
    templates = []
    for index, label in enumerate(copies):
        frame = body_frame(geo)
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


def doc_template(
    buffer: io.BytesIO, doc: PrintableDocument, geo: _Geometry, font: str
) -> BaseDocTemplate:
    """The page template of a printable document (its PDF metadata from ``doc``)."""
    return BaseDocTemplate(
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


def body_frame(geo: _Geometry) -> Frame:
    """Where the story flows: between the header (QR, title) and the footer line."""
    top = geo.page[1] - geo.margin_top - geo.header_height - 2 * mm
    bottom = geo.margin_bottom + geo.footer_height
    return Frame(
        geo.margin_x,
        bottom,
        geo.content_width,
        top - bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )


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
    cells = Cells(font, geo.body_size)
    width = geo.content_width
    story: list[Flowable] = []
    if doc.fields:
        story += [fields_table(doc, cells, width), Spacer(1, 2 * mm)]
    if doc.columns:
        story.append(lines_table(doc, cells, width))
    closing: list[Flowable] = []
    if doc.money_total_fen is not None:
        closing.append(money_table(doc.money_total_fen, cells, width))
    if doc.notes:
        notes = Table(
            [[cells.para("备注", "center"), cells.wrapped(doc.notes)]],
            colWidths=[width * 0.12, width * 0.88],
        )
        notes.setStyle(grid_style(cells.font, label_columns=[0]))
        closing.append(notes)
    if doc.signatures:
        closing += [Spacer(1, 3 * mm), signature_table(doc.signatures, cells, width, geo)]
    if closing:
        # The signatures never start a page alone, away from what they sign for.
        story.append(KeepTogether(closing))
    return story
