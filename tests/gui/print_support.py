"""Helpers for the printing tests: a shipped order, PDF pages and text, open previews."""

from __future__ import annotations

import io
import uuid

from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from inventory_app.services import shipping
from inventory_app.ui.dialogs.print_preview_dialog import PrintPreviewDialog
from tests.factories import World
from tests.gui.order_support import approve, make_order, stock_up

MM_PER_POINT = 25.4 / 72


def shipped_slip(world: World) -> tuple[str, str]:
    """(order, 出库单) of an approved order shipped whole from depot A."""
    stock_up(world)
    order = make_order(world)
    approve(world, order)
    slip = shipping.ship(
        world.uow, world.keeper_a, order_no=order, depot="A", request_id=uuid.uuid4().hex
    ).doc_no
    return order, slip


def pdf_pages(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def pdf_text(data: bytes) -> str:
    """Every page's text without whitespace (CJK extraction spaces glyphs out)."""
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return "".join(text.split())


def page_sizes_mm(data: bytes) -> list[tuple[int, int]]:
    return [
        (
            round(float(p.mediabox.width) * MM_PER_POINT),
            round(float(p.mediabox.height) * MM_PER_POINT),
        )
        for p in PdfReader(io.BytesIO(data)).pages
    ]


def open_previews() -> list[PrintPreviewDialog]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, PrintPreviewDialog) and w.isVisible()
    ]


def close_previews() -> None:
    for dialog in open_previews():
        dialog.close()
