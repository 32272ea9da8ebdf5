"""Register the bundled CJK font so Chinese renders the same on every machine."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from inventory_app import paths

DEFAULT_POINT_SIZE = 10


class FontLoadError(RuntimeError):
    """The bundled font is missing or Qt could not read it (a broken install, not user error)."""


# addApplicationFont() registers the file again on every call; remember what we loaded.
_families: dict[Path, str] = {}


def _load_family(path: Path) -> str:
    if path in _families:
        return _families[path]
    if not path.is_file():
        raise FontLoadError(
            f"Bundled CJK font not found: {path}. The installation is incomplete; "
            "reinstall, or restore resources/fonts/ from the repository."
        )
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        raise FontLoadError(f"Qt could not load the bundled CJK font: {path}")
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        raise FontLoadError(f"The bundled font file holds no font families: {path}")
    # The .ttc holds a proportional face and a "Mono" face; the UI wants the former.
    family = next((name for name in families if "Mono" not in name), families[0])
    _families[path] = family
    return family


def register_bundled_fonts(app: QGuiApplication, point_size: int = DEFAULT_POINT_SIZE) -> str:
    """Add WenQuanYi Micro Hei and make it the application font; returns its family name.

    Raises ``FontLoadError`` if the font file is missing or unreadable.
    """
    family = _load_family(paths.cjk_font_path())
    font = QFont(app.font())
    font.setFamilies([family])
    font.setPointSize(point_size)
    app.setFont(font)
    return family
