"""A line on the dashboard when the last automatic backup failed or is more than two days old."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ..backup_schedule import status
from ..context import AppContext

_FAILED = "background: #fde4e1; color: #a4262c; border: 1px solid #f1b8b3;"
_STALE = "background: #fff1cc; color: #8a5300; border: 1px solid #f0d48a;"


class BackupBanner(QLabel):
    """Hidden while backups are fine (and always for a PostgreSQL server)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("backupBanner")
        self.setWordWrap(True)
        self.hide()

    def update_status(self) -> None:
        current = status(self.ctx)
        if current is None:
            self.hide()
            return
        self.setText(current.text)
        self.setStyleSheet(
            f"QLabel#backupBanner {{ {_FAILED if current.failed else _STALE} "
            "border-radius: 4px; padding: 6px 10px; }"
        )
        self.show()


def refresh_dashboard_banner(window: QWidget) -> None:
    """After an automatic backup: the dashboard, if built, shows the new state."""
    pages = getattr(window, "pages", {})
    page = pages.get("dashboard") if isinstance(pages, dict) else None
    banner = getattr(page, "backup_banner", None)
    if isinstance(banner, BackupBanner):
        banner.update_status()
