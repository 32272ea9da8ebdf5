"""Backups of the embedded SQLite database (online backup API) and checked restores."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path

from ..domain.errors import BadFile, InvalidInput
from ..domain.permissions import Action, Actor, require
from ..persistence.engine import sqlite_path, sqlite_url
from ..persistence.uow import UnitOfWork
from .database import open_database
from .verify import verify


def _require_sqlite(uow: UnitOfWork) -> Path:
    path = sqlite_path(str(uow.engine.url))
    if path is None:
        # PostgreSQL is backed up on the server with pg_dump (README, "Backups").
        raise InvalidInput("database", "backup_sqlite_only")
    return path


def backup(uow: UnitOfWork, actor: Actor, target: Path | str) -> Path:
    """Consistent copy while the app runs: SQLite's backup API copies a snapshot."""
    require(actor, Action.BACKUP)
    source = _require_sqlite(uow)
    # "备份/" or an existing folder means "into this folder" (Path() drops the separator).
    into_folder = str(target).endswith(("/", os.sep)) or Path(target).is_dir()
    target = Path(target)
    if into_folder:
        target = target / f"inventory-{datetime.now():%Y%m%d-%H%M%S}.sqlite3"
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    src = sqlite3.connect(str(source))
    try:
        dst = sqlite3.connect(str(partial))
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            dst.close()
    finally:
        src.close()
    partial.replace(target)
    return target


def newest_backup(folder: Path) -> Path:
    """The most recent backup in a folder ("restore 备份/" takes the latest one)."""
    found = sorted(folder.glob("inventory-*.sqlite3"), key=lambda p: p.stat().st_mtime)
    if not found:
        raise BadFile(str(folder), "missing")
    return found[-1]


def check_backup_file(path: Path) -> None:
    """Refuse anything that is not a readable, consistent database of this app."""
    if not path.is_file():
        raise BadFile(str(path), "missing")
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "check.sqlite3"
        shutil.copyfile(path, copy)
        try:
            candidate = open_database(sqlite_url(copy))  # migrates the copy, not the file
        except BadFile:
            raise
        except Exception as error:
            raise BadFile(str(path), getattr(error, "code", "unreadable")) from error
        try:
            report = verify(candidate)
        finally:
            candidate.engine.dispose()
        if not report.ok:
            raise BadFile(str(path), "verify_failed")


def restore(uow: UnitOfWork, actor: Actor, source: Path | str) -> Path:
    """Replace the current database with a verified backup; the old one is kept beside it."""
    require(actor, Action.BACKUP)
    target = _require_sqlite(uow)
    source = newest_backup(Path(source)) if Path(source).is_dir() else Path(source)
    check_backup_file(source)
    keep = target.with_name(
        f"{target.stem}.before-restore-{datetime.now():%Y%m%d-%H%M%S}{target.suffix}"
    )
    backup(uow, actor, keep)
    uow.engine.dispose()
    # Copy through SQLite's backup API (not a file rename): a stale -wal file next to the
    # target could otherwise be replayed onto the restored pages.
    src = sqlite3.connect(str(source))
    try:
        dst = sqlite3.connect(str(target), timeout=15)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    open_database(sqlite_url(target)).engine.dispose()  # apply migrations to an older backup
    return keep
