"""Bin cards (货位卡): one card per lot, eight to an A4 sheet or one per small label.

The card names the lot as the count sheets and the audit workbook do (批次ID), and its
QR code encodes that id, so a counted line is matched to its card at a glance or a scan.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from . import pdf_base
from .fonts import cjk_font
from .pdf_base import PdfTarget

LABEL = (100 * mm, 70 * mm)  # a common thermal label size
_A4_COLUMNS, _A4_ROWS = 2, 4
_A4_MARGIN = 10 * mm
_GAP = 4 * mm


@dataclass(frozen=True)
class BinCard:
    """What one card shows, as text."""

    lot_ref: str  # 批次ID, as on the count sheets and the workbook
    qr_value: str
    depot: str
    location: str
    item_name: str
    spec: str
    code: str
    quantity: str
    batch_no: str
    production_date: str
    maker: str
    received_date: str


def render_cards(cards: Sequence[BinCard], out: PdfTarget = None, *, label: bool = False) -> bytes:
    """A4 sheets of eight cards, or one card per ``LABEL``-sized page."""
    font = cjk_font()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LABEL if label else A4, pageCompression=1)
    canvas.setTitle("货位卡")
    canvas.setCreator(pdf_base.CREATOR)
    if label:
        for card in cards:
            _card(canvas, font, card, 3 * mm, 3 * mm, LABEL[0] - 6 * mm, LABEL[1] - 6 * mm)
            canvas.showPage()
    else:
        width = (A4[0] - 2 * _A4_MARGIN - _GAP) / _A4_COLUMNS
        height = (A4[1] - 2 * _A4_MARGIN - (_A4_ROWS - 1) * _GAP) / _A4_ROWS
        per_page = _A4_COLUMNS * _A4_ROWS
        for start in range(0, len(cards), per_page):
            for i, card in enumerate(cards[start : start + per_page]):
                row, column = divmod(i, _A4_COLUMNS)
                x = _A4_MARGIN + column * (width + _GAP)
                y = A4[1] - _A4_MARGIN - (row + 1) * height - row * _GAP
                _card(canvas, font, card, x, y, width, height)
            canvas.showPage()
    if not cards:
        canvas.showPage()
    canvas.save()
    return pdf_base.write_pdf(buffer.getvalue(), out)


def _card(
    canvas: Canvas, font: str, card: BinCard, x: float, y: float, width: float, height: float
) -> None:
    canvas.saveState()
    canvas.setLineWidth(1.2)
    canvas.rect(x, y, width, height)
    pad = 3 * mm
    qr_size = min(24 * mm, height * 0.4)
    qr = pdf_base.qr_code(card.qr_value, qr_size)
    pdf_base.draw_qr(canvas, qr, x + width - pad - qr_size, y + height - pad - qr_size)
    title_size = min(16.0, height / 12)
    canvas.setFont(font, title_size)
    top = y + height - pad - title_size
    canvas.drawString(x + pad, top, "货 位 卡")
    small = title_size * 0.55
    canvas.setFont(font, small)
    canvas.setFillColor(colors.HexColor("#333333"))
    head = f"{card.depot}  库位 {card.location or '—'}"
    room = width - 3 * pad - qr_size
    canvas.setFont(font, pdf_base.fit_size(head, font, small, room, 4))
    canvas.drawString(x + pad, top - small * 1.6, head)
    lot = f"批次ID {card.lot_ref}"
    canvas.setFont(font, pdf_base.fit_size(lot, font, small * 1.2, room, 4))
    canvas.drawString(x + pad, top - small * 3.3, lot)
    canvas.setFillColor(colors.black)
    rows = [
        ("品名", card.item_name),
        ("规格", card.spec),
        ("编码", card.code),
        ("数量", card.quantity),
        ("批号", card.batch_no),
        ("生产日期", card.production_date),
        ("生产厂家", card.maker),
        ("入库日期", card.received_date),
    ]
    body_top = y + height - pad - qr_size - 2 * mm
    line = (body_top - y - pad) / len(rows)
    size = min(10.0, line * 0.62)
    label_width = 15 * mm if width > 60 * mm else 12 * mm
    canvas.setLineWidth(0.4)
    for i, (name, value) in enumerate(rows):
        baseline = body_top - (i + 1) * line + line * 0.3
        canvas.setFont(font, size)
        canvas.drawString(x + pad, baseline, name)
        text_room = width - 2 * pad - label_width
        canvas.setFont(font, pdf_base.fit_size(value, font, size, text_room, 4))
        canvas.drawString(x + pad + label_width, baseline, value)
        canvas.line(x + pad + label_width, baseline - 1.5, x + width - pad, baseline - 1.5)
    canvas.restoreState()
