"""Automatic backups of the embedded database: when one is due, taking it, rotating the folder.

The GUI takes one on exit and one a day while it runs (ui/backup_schedule.py); a scheduled
task can do the same with `inventory-app backup --auto FOLDER`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from ..domain.permissions import Action, Actor, require
from ..persistence.uow import UnitOfWork
from . import backup_files
from .backup import backup

DAILY = timedelta(hours=24)
STALE_AFTER = timedelta(days=2)  # no good backup for this long shows on the dashboard


@dataclass(frozen=True)
class Policy:
    folder: Path
    keep_daily: int = 7
    keep_monthly: int = 12


def newest(folder: Path) -> datetime | None:
    """When the newest automatic backup in ``folder`` was taken (None: none yet)."""
    found = backup_files.auto_backups(folder) if folder.is_dir() else []
    return found[0][0] if found else None


def is_due(folder: Path, now: datetime | None = None) -> bool:
    last = newest(folder)
    return last is None or (now or datetime.now()) - last >= DAILY


def is_stale(folder: Path, now: datetime | None = None) -> bool:
    last = newest(folder)
    return last is None or (now or datetime.now()) - last >= STALE_AFTER


def run(uow: UnitOfWork, policy: Policy, actor: Actor | None = None) -> Path:
    """Take a checked automatic backup into the policy's folder, then rotate it.

    ``actor`` None: the program itself (the GUI's schedule), whoever is signed in."""
    if actor is not None:
        require(actor, Action.BACKUP)  # before anything is created
    policy.folder.mkdir(parents=True, exist_ok=True)
    written = backup(uow, actor, policy.folder, auto=True)
    backup_files.rotate(policy.folder, policy.keep_daily, policy.keep_monthly)
    return written
