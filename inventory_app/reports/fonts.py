"""Register the bundled CJK TrueType font with reportlab, once per process."""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from inventory_app import paths

# The name PDFs reference; reportlab embeds it as a subset (FontFile2) named after the face.
CJK_FONT = "WenQuanYiMicroHei"

_lock = threading.Lock()


class PdfFontError(RuntimeError):
    """The bundled font is missing or unreadable (a broken install, not a user error)."""


def cjk_font() -> str:
    """The registered font name, registering WenQuanYi Micro Hei on first use.

    Never falls back to a system font: a slip must print the same on every PC.
    """
    with _lock:
        if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
            path = paths.cjk_font_path()
            if not path.is_file():
                raise PdfFontError(f"Bundled CJK font not found: {path}; reinstall the app.")
            try:
                # Index 0 of the collection is the proportional face (1 is "Mono").
                font = TTFont(CJK_FONT, str(path), subfontIndex=0)
            except Exception as exc:  # reportlab raises TTFError and plain errors alike
                raise PdfFontError(f"Cannot read the bundled CJK font {path}: {exc}") from exc
            pdfmetrics.registerFont(font)
    return CJK_FONT
