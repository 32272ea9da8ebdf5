"""What every PDF report shares: page sizes, text fitting, QR codes, page "x of y", output."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Literal

from reportlab import rl_config
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Rect
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

# Binary (Flate only) streams: ASCII85 makes every page a quarter larger and costs about
# a third of a second per 500-page list. Process-wide, as reportlab only has it globally.
rl_config.useA85 = 0

Align = Literal["left", "center", "right"]
PdfTarget = str | os.PathLike[str] | BinaryIO | None

A4_PORTRAIT = A4
A4_LANDSCAPE = (A4[1], A4[0])
# Continuous stationery for dot-matrix printers: 241 mm (9.5 in) wide, 140 mm (5.5 in) high.
CONTINUOUS = (241 * mm, 140 * mm)
CREATOR = "应急物资储备管理系统"


@dataclass(frozen=True)
class Column:
    """A table column: its share of the width, alignment, and whether long text wraps.

    A column that does not wrap shrinks its text to fit, and wraps only below a
    legible size: text never runs out of its box.
    """

    label: str
    width_weight: float = 1.0
    align: Align = "left"
    wrap: bool = False


def column_widths(columns: list[Column], total: float) -> list[float]:
    weights = [max(column.width_weight, 0.01) for column in columns]
    scale = total / sum(weights)
    return [weight * scale for weight in weights]


def fit_size(text: str, font: str, size: float, width: float, min_size: float) -> float:
    """The largest size ≤ ``size`` (in steps of 0.25 pt) at which ``text`` fits ``width``,
    or ``min_size`` when even that is too wide (the caller then wraps)."""
    natural = stringWidth(text, font, size)
    if natural <= width:
        return size
    shrunk = int(size * width / natural * 4) / 4
    return max(shrunk, min_size)


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width``, between any two CJK characters
    and at spaces; a Latin word or number is broken only when it alone is too wide."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        if stringWidth(paragraph, font, size) <= width:
            lines.append(paragraph)
            continue
        lines.extend(_wrap_paragraph(paragraph, font, size, width))
    return lines


def _wrap_paragraph(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    start = 0
    used = 0.0
    i = 0
    while i < len(text):
        advance = stringWidth(text[i], font, size)
        if used + advance > width and i > start:
            cut = _break_before(text, start, i)
            lines.append(text[start:cut].rstrip())
            start = cut
            while start < len(text) and text[start] == " ":
                start += 1
            i = start
            used = 0.0
            continue
        used += advance
        i += 1
    lines.append(text[start:])
    return lines


# Closing punctuation never starts a line (避头): the character before it goes along.
_NO_LINE_START = set("）)」』】》〉]}，,。.、；;：:！!？?…%")


def _break_before(text: str, start: int, i: int) -> int:
    """Where to end a line that overflows at ``i``: before the Latin word cut at ``i``
    when that word started on this line, before the character a closing punctuation
    mark belongs to, else at ``i`` itself."""
    if text[i] in _NO_LINE_START:
        return i - 1 if i - 1 > start else i
    if not (_latin(text[i]) and _latin(text[i - 1])):
        return i
    j = i
    while j > start and _latin(text[j - 1]):
        j -= 1
    return j if j > start else i


def _latin(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in ".,-_/%·")


def format_fen(fen: int, *, symbol: bool = True) -> str:
    """¥1,234.56 (or 1,234.56 in a money column) from integer fen, without float."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}{'¥' if symbol else ''}{yuan:,}.{cents:02d}"


@dataclass(frozen=True)
class QrCode:
    """A QR code encoding ``value``: its dark modules as (x, y, w, h), in points, filling
    a ``size`` × ``size`` square. Encoded once per document, painted on every page."""

    value: str
    size: float
    modules: tuple[tuple[float, float, float, float], ...]


def qr_code(value: str, size: float) -> QrCode:
    """Encode exactly ``value`` with reportlab's QrCodeWidget (error correction M).

    A module-level function so tests can check what was encoded (no decoder needed).
    """
    group = QrCodeWidget(value, barLevel="M", barBorder=2).draw()
    x0, y0, x1, y1 = group.getBounds()
    sx, sy = size / (x1 - x0), size / (y1 - y0)
    modules = tuple(
        ((shape.x - x0) * sx, (shape.y - y0) * sy, shape.width * sx, shape.height * sy)
        for shape in group.contents
        if isinstance(shape, Rect) and shape.fillColor is not None
    )
    return QrCode(value, size, modules)


def draw_qr(canvas: Canvas, qr: QrCode, x: float, y: float) -> None:
    """Paint the dark modules as one path. Not renderPDF.draw: that sets the graphics
    default font (Times/Helvetica), which would then sit, unembedded, among the page's
    fonts, and it re-encodes the code on every page."""
    canvas.saveState()
    canvas.translate(x, y)
    path = canvas.beginPath()
    for mx, my, mw, mh in qr.modules:
        path.rect(mx, my, mw, mh)
    canvas.setFillColor(colors.black)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


PagePainter = Callable[[Canvas, int, int], None]


class NumberedCanvas(Canvas):
    """A canvas that holds its pages until the end, so each page can say "第 x 页 共 y 页".

    Page callbacks set ``page_group`` (e.g. the copy of a multi-copy slip); pages are
    numbered within their group, and ``paint_number(canvas, x, total)`` draws the
    number on each page once the totals are known. Meant for documents of a few dozen
    pages; long lists know their page count in advance and draw it directly.
    """

    def __init__(self, *args: Any, paint_number: PagePainter, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.page_group: Hashable = None
        self._paint_number = paint_number
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        groups = [state["page_group"] for state in self._held]
        totals = {group: groups.count(group) for group in set(groups)}
        seen: dict[Hashable, int] = {}
        for state in self._held:
            self.__dict__.update(state)
            seen[self.page_group] = seen.get(self.page_group, 0) + 1
            self._paint_number(self, seen[self.page_group], totals[self.page_group])
            super().showPage()
        super().save()


def page_label(page: int, total: int) -> str:
    return f"第 {page} 页 共 {total} 页"


def write_pdf(data: bytes, out: PdfTarget) -> bytes:
    """Write ``data`` to a path (atomically: never a half-written file) or a binary stream."""
    if out is None:
        return data
    if not isinstance(out, str | os.PathLike):
        out.write(data)
        return data
    target = Path(out)
    fd, temp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())  # the rename must not outrun the data after a power cut
        # mkstemp makes the file private (0600); a printed slip is an ordinary user file.
        os.chmod(temp_name, 0o666 & ~_UMASK)
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    return data


def _read_umask() -> int:
    # os.umask can only be read by setting it; done once, at import, before any threads.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()
