"""The tables of a printable document: header fields, lines, money total, signatures."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from inventory_app.domain.money_words import capital_yuan

from . import pdf_base
from .pdf_base import Column

if TYPE_CHECKING:
    from .printable import PrintableDocument, _Geometry

ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}
HEAD_BG = colors.HexColor("#E6E6E6")
LABEL_BG = colors.HexColor("#F2F2F2")
MIN_SIZE = 5.5  # the smallest type a cell shrinks to


class Cells:
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
                alignment=ALIGN[align],
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


def grid_style(font: str, label_columns: list[int] | None = None, head: bool = False) -> TableStyle:
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
        commands.append(("BACKGROUND", (column, 0), (column, -1), LABEL_BG))
    if head:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), HEAD_BG))
    return TableStyle(commands)


def fields_table(doc: PrintableDocument, cells: Cells, width: float) -> Table:
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
    table.setStyle(grid_style(cells.font, label_columns=list(range(0, 2 * per_row, 2))))
    return table


def _field_widths(
    fields: Sequence[tuple[str, str]], per_row: int, cells: Cells, width: float
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


def lines_table(doc: PrintableDocument, cells: Cells, width: float) -> Table:
    columns = list(doc.columns)
    widths = pdf_base.column_widths(columns, width)
    inner = [w - 2 * _PAD for w in widths]
    head = [cells.fitted(c.label, w, "center") for c, w in zip(columns, inner, strict=True)]
    rows: list[list[Any]] = [head]
    for line in doc.lines:
        rows.append(_row(line, columns, inner, cells))
    style = grid_style(cells.font, head=True)
    if doc.totals is not None:
        rows.append(_row(doc.totals, columns, inner, cells))
        style.add("BACKGROUND", (0, -1), (-1, -1), LABEL_BG)
        style.add("LINEABOVE", (0, -1), (-1, -1), 1.0, colors.black)
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(style)
    return table


def _row(
    values: Sequence[str], columns: list[Column], inner: list[float], cells: Cells
) -> list[Any]:
    if len(values) != len(columns):
        raise ValueError(f"a line has {len(values)} cells for {len(columns)} columns: {values!r}")
    return [
        cells.wrapped(value, column.align) if column.wrap else cells.fitted(value, w, column.align)
        for value, column, w in zip(values, columns, inner, strict=True)
    ]


def money_table(fen: int, cells: Cells, width: float) -> Table:
    label = cells.fitted("合计金额（大写）", width * 0.18 - 2 * _PAD, "center")
    words = cells.fitted(f"人民币 {capital_yuan(fen)}", width * 0.54 - 2 * _PAD)
    figures = cells.fitted(f"（小写）{pdf_base.format_fen(fen)}", width * 0.28 - 2 * _PAD, "right")
    table = Table([[label, words, figures]], colWidths=[width * 0.18, width * 0.54, width * 0.28])
    table.setStyle(grid_style(cells.font, label_columns=[0]))
    return table


def signature_table(signatures: Sequence[str], cells: Cells, width: float, geo: _Geometry) -> Table:
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

    def __init__(self, role: str, cells: Cells, width: float, height: float) -> None:
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
