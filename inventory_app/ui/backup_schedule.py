"""Automatic backups while the window runs (daily) and when it closes, and their status.

Only for the embedded SQLite database: a PostgreSQL server is backed up on the server
(pg_dump), and the app shows nothing about it that it cannot check. Where the backups go
and how many are kept is a setting of this PC (QSettings), since the folder is often a USB
stick or a second disk of this machine.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer, Signal

from .. import paths
from ..domain.errors import DomainError
from ..messages import error_message
from ..services import auto_backup, database
from .context import AppContext

FOLDER_KEY = "backup/folder"
KEEP_DAILY_KEY = "backup/keep_daily"
KEEP_MONTHLY_KEY = "backup/keep_monthly"
LAST_ERROR_KEY = "backup/last_error"
LAST_ERROR_AT_KEY = "backup/last_error_at"
FIRST_SEEN_KEY = "backup/first_seen"

CHECK_EVERY_MS = 30 * 60 * 1000  # is a daily backup due?
FIRST_CHECK_MS = 60 * 1000  # a minute after start: the window is up, the user is working

_log = logging.getLogger(__name__)


def _int(value: object, default: int) -> int:
    try:
        return int(str(value)) if value not in (None, "") else default
    except ValueError:
        return default


def policy(settings: QSettings | None = None) -> auto_backup.Policy:
    s = settings or QSettings()
    folder = str(s.value(FOLDER_KEY, "") or "") or str(paths.backup_dir())
    return auto_backup.Policy(
        Path(folder),
        keep_daily=_int(s.value(KEEP_DAILY_KEY), 7),
        keep_monthly=_int(s.value(KEEP_MONTHLY_KEY), 12),
    )


def save_policy(new: auto_backup.Policy, settings: QSettings | None = None) -> None:
    s = settings or QSettings()
    s.setValue(FOLDER_KEY, str(new.folder))
    s.setValue(KEEP_DAILY_KEY, new.keep_daily)
    s.setValue(KEEP_MONTHLY_KEY, new.keep_monthly)


@dataclass(frozen=True)
class Status:
    """What the dashboard says about backups: nothing (None), or a warning line."""

    failed: bool
    text: str


def status(ctx: AppContext, now: datetime | None = None) -> Status | None:
    """A failed last attempt, or no good backup for two days; None when all is well."""
    if not database.is_sqlite(ctx.uow):
        return None
    s = QSettings()
    folder = policy(s).folder
    error = str(s.value(LAST_ERROR_KEY, "") or "")
    if error:
        at = str(s.value(LAST_ERROR_AT_KEY, "") or "")
        return Status(
            True,
            QCoreApplication.translate("BackupStatus", "自动备份失败（{at}）：{error}").format(
                at=at, error=error
            ),
        )
    now = now or datetime.now()
    last = auto_backup.newest(folder)
    if last is None:
        first = str(s.value(FIRST_SEEN_KEY, "") or "")
        if first and now - datetime.fromisoformat(first) >= auto_backup.STALE_AFTER:
            return Status(
                False,
                QCoreApplication.translate(
                    "BackupStatus", "还没有自动备份。备份文件夹：{folder}"
                ).format(folder=folder),
            )
        return None
    if auto_backup.is_stale(folder, now):
        return Status(
            False,
            QCoreApplication.translate(
                "BackupStatus", "最近一次自动备份在 {when}，已超过两天。备份文件夹：{folder}"
            ).format(when=f"{last:%Y-%m-%d %H:%M}", folder=folder),
        )
    return None


def _failure_text(error: BaseException, lang: str) -> str:
    if isinstance(error, DomainError):
        return error_message(error, lang)
    if isinstance(error, OSError):
        return QCoreApplication.translate("BackupStatus", "无法写入备份文件夹（{reason}）").format(
            reason=error.strerror or error
        )
    return QCoreApplication.translate("BackupStatus", "程序错误，详见日志文件")


class BackupSchedule(QObject):
    """Takes the automatic backups of the open SQLite database; ``changed`` after each try."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.enabled = database.is_sqlite(ctx.uow)
        self._running = False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.run_if_due)
        if self.enabled:
            settings = QSettings()
            if not settings.value(FIRST_SEEN_KEY):
                settings.setValue(FIRST_SEEN_KEY, datetime.now().isoformat(timespec="seconds"))
            self.timer.start()
            QTimer.singleShot(FIRST_CHECK_MS, self, self.run_if_due)

    def run_if_due(self) -> None:
        if not self.enabled or self._running or not auto_backup.is_due(policy().folder):
            return
        self._running = True
        uow, chosen = self.ctx.uow, policy()
        self.ctx.tasks.run(
            lambda _task: auto_backup.run(uow, chosen),
            on_done=self._succeeded,
            on_error=self._failed,
        )

    def run_now(self) -> bool:
        """On exit: one backup, here and now (the window is gone). True if it worked."""
        if not self.enabled:
            return True
        self.timer.stop()
        try:
            self._succeeded(auto_backup.run(self.ctx.uow, policy()))
        except Exception as error:  # logged and shown at the next start, never raised
            self._failed(error)
            return False
        return True

    def _succeeded(self, written: Path) -> None:
        self._running = False
        _log.info("Automatic backup written: %s", written)
        settings = QSettings()
        settings.remove(LAST_ERROR_KEY)
        settings.remove(LAST_ERROR_AT_KEY)
        self.changed.emit()

    def _failed(self, error: BaseException) -> None:
        self._running = False
        _log.error("Automatic backup failed", exc_info=error)
        settings = QSettings()
        settings.setValue(LAST_ERROR_KEY, _failure_text(error, self.ctx.lang))
        settings.setValue(LAST_ERROR_AT_KEY, f"{datetime.now():%Y-%m-%d %H:%M}")
        self.changed.emit()
