"""Printing a PDF on a QPrinter: each page rasterised by QtPdf onto paper of the page's own
size (A4 upright or across, or the 241 × 140 mm continuous form of dot-matrix printers)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from .tasks import TaskContext

# Sharp enough for 6-point table text; a 1200 dpi A4 page would be a 540 MB image.
MAX_DPI = 300
_MM_PER_POINT = 25.4 / 72


class PdfNotReadable(OSError):
    """The bytes could not be opened as a PDF (a broken or truncated file)."""


def load_pdf(document: QPdfDocument, data: bytes) -> QBuffer:
    """Load ``data`` into ``document``; the returned buffer must live as long as it does."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)  # a QBuffer holds everything, so loading finishes here
    if document.status() != QPdfDocument.Status.Ready:
        raise PdfNotReadable(str(document.error()))
    return buffer


def page_layout(points: QSizeF) -> QPageLayout:
    """Paper of the page's size without margins (the PDF has its own).

    A standard size keeps its name (A4) and turns across when the page is wider than
    tall, so a printer takes it from its A4 tray; any other size, such as the continuous
    form, is a custom size exactly as wide and as tall as the page.
    """
    width, height = points.width() * _MM_PER_POINT, points.height() * _MM_PER_POINT
    upright = QPageSize(QSizeF(min(width, height), max(width, height)), QPageSize.Unit.Millimeter)
    if upright.id() != QPageSize.PageSizeId.Custom:
        across = width > height
        orientation = (
            QPageLayout.Orientation.Landscape if across else QPageLayout.Orientation.Portrait
        )
        return QPageLayout(upright, orientation, QMarginsF())
    custom = QPageSize(QSizeF(width, height), QPageSize.Unit.Millimeter)
    return QPageLayout(custom, QPageLayout.Orientation.Portrait, QMarginsF())


def prepare_printer(printer: QPrinter, document: QPdfDocument, title: str) -> None:
    """What the print dialog should start from: the first page's paper, every page."""
    printer.setDocName(title)
    printer.setFullPage(True)
    if document.pageCount():
        printer.setPageLayout(page_layout(document.pagePointSize(0)))


def page_image(document: QPdfDocument, page: int, dpi: int) -> QImage:
    points = document.pagePointSize(page)
    size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    return document.render(page, size)


def print_pdf(data: bytes, printer: QPrinter, task: TaskContext | None = None) -> int:
    """Print the pages of ``data`` the printer's range asks for; returns how many.

    Runs in a task: QPainter may paint on a QPrinter outside the GUI thread, and the
    document here is the task's own.
    """
    document = QPdfDocument()
    buffer = load_pdf(document, data)
    count = document.pageCount()
    first = max(printer.fromPage(), 1) - 1
    last = min(printer.toPage() or count, count)
    pages = range(first, last)
    printer.setFullPage(True)
    painter = QPainter()
    try:
        for n, page in enumerate(pages):
            if task is not None:
                task.report(n, len(pages))
                if task.cancelled:
                    printer.abort()
                    task.check_cancelled()
            layout = page_layout(document.pagePointSize(page))
            if not layout.isEquivalentTo(printer.pageLayout()):
                printer.setPageLayout(layout)  # takes effect from the next page on
            if n == 0 and not painter.begin(printer):
                raise OSError(printer.printerName() or printer.outputFileName())
            if n > 0 and not printer.newPage():
                raise OSError(printer.printerName() or printer.outputFileName())
            resolution = printer.resolution()
            target = QRectF(printer.pageLayout().fullRectPixels(resolution))
            painter.drawImage(target, page_image(document, page, min(resolution, MAX_DPI)))
    finally:
        if painter.isActive():
            painter.end()
        document.close()
        buffer.close()
    return len(pages)
