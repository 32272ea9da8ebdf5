"""Open a folder or file with the desktop's own program (Explorer, the file manager)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

_log = logging.getLogger(__name__)


def open_path(path: Path) -> bool:
    """True if the desktop accepted it; a folder that does not exist yet is created."""
    if path.suffix == "" and not path.exists():
        path.mkdir(parents=True, exist_ok=True)
    ok = QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    if not ok:
        _log.warning("Could not open %s", path)
    return bool(ok)
