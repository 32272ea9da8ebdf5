"""Backups of the embedded SQLite database (online backup API), checked, and checked restores.

Every backup is verified after writing (``PRAGMA integrity_check`` and ``verify`` on the
copy) and gets a manifest beside it (``NAME.json``: SHA-256 of the file, when, which program
and schema, how many movements). A restore checks the checksum first, then the
integrity and the ledger of a temporary copy; any failure is one ``BadFile`` and the
current database is not touched. PostgreSQL is backed up on the server with pg_dump.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path

from ..domain.errors import BackupSqliteOnly, BadFile, DatabaseTooNew
from ..domain.permissions import Action, Actor, require
from ..persistence.engine import sqlite_path, sqlite_url
from ..persistence.sqlite_copy import copy_database
from ..persistence.uow import UnitOfWork
from . import backup_files
from .backup_files import AUTO_PREFIX, Manifest, file_sha256, read_manifest, write_manifest
from .database import open_database
from .verify import verify

__all__ = [
    "backup",
    "check_backup_file",
    "copy_database",
    "newest_backup",
    "restore",
]


def _require_sqlite(uow: UnitOfWork) -> Path:
    path = sqlite_path(str(uow.engine.url))
    if path is None:
        # PostgreSQL is backed up on the server with pg_dump (docs/guides/backup-restore.md).
        raise BackupSqliteOnly()
    return path


def _timestamped(folder: Path, prefix: str = "inventory-") -> Path:
    return folder / f"{prefix}{datetime.now():%Y%m%d-%H%M%S}.sqlite3"


def backup(uow: UnitOfWork, actor: Actor | None, target: Path | str, *, auto: bool = False) -> Path:
    """Copy the running database to ``target`` (a file, or a folder: a dated name in it),
    check the copy, and write its manifest. ``actor`` None is the automatic backup."""
    if actor is not None:
        require(actor, Action.BACKUP)
    source = _require_sqlite(uow)
    # "备份/" or an existing folder means "into this folder" (Path() drops the separator).
    into_folder = auto or str(target).endswith(("/", os.sep)) or Path(target).is_dir()
    target = Path(target)
    if into_folder:
        target = _timestamped(target, AUTO_PREFIX if auto else "inventory-")
    work = target.with_name(target.name + ".checking")
    copy_database(source, work)
    try:
        report = _check_copy(work, str(target))
        _self_contained(work)
        digest = file_sha256(work)
        work.replace(target)
    finally:
        work.unlink(missing_ok=True)
    if file_sha256(target) != digest:  # read back what reached the disk
        raise BadFile(str(target), "checksum_mismatch")
    write_manifest(
        target,
        Manifest(
            sha256=digest,
            created=datetime.now().isoformat(timespec="seconds"),
            size=target.stat().st_size,
            movements=report.movements,
            documents=report.documents,
            chain_heads=report.heads,
        ),
    )
    return target


def _self_contained(path: Path) -> None:
    """Back to a rollback journal after the check opened it in WAL mode: a backup is one
    file that opens read-only anywhere (a write-protected USB stick)."""
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()


def _integrity(path: Path, shown: str) -> None:
    """PRAGMA integrity_check on a file nothing else uses (a temporary copy)."""
    try:
        conn = sqlite3.connect(str(path))
        try:
            status = conn.execute("PRAGMA integrity_check").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        reason = "not_a_database" if "not a database" in str(error) else "integrity_failed"
        raise BadFile(shown, reason) from error
    if status is None or status[0] != "ok":
        raise BadFile(shown, "integrity_failed")


def _check_copy(path: Path, shown: str) -> backup_files.CopyReport:
    """Integrity, then open (migrating an older backup) and verify: ``path`` may change."""
    _integrity(path, shown)
    try:
        candidate = open_database(sqlite_url(path))
    except BadFile as error:
        raise BadFile(shown, str(error.params.get("reason", "unreadable"))) from error
    except DatabaseTooNew as error:
        raise BadFile(shown, "database_too_new") from error
    except Exception as error:
        # Never an internal code (SQLAlchemy's "4xp6", an error class name) in the text.
        raise BadFile(shown, "unreadable") from error
    try:
        report = verify(candidate)
    except Exception as error:  # a table that is missing or altered beyond reading
        raise BadFile(shown, "unreadable") from error
    finally:
        candidate.engine.dispose()
    if not report.ok:
        raise BadFile(shown, "verify_failed")
    return backup_files.CopyReport(
        report.movements,
        report.documents,
        tuple((h.depot_code, h.seq, h.hash) for h in report.heads),
    )


def newest_backup(folder: Path) -> Path:
    """The most recent backup in a folder ("restore 备份/" takes the latest one)."""
    found = backup_files.list_backups(folder)
    if not found:
        raise BadFile(str(folder), "missing")
    return found[0].path


def check_backup_file(path: Path, *, require_checksum: bool = True) -> backup_files.CopyReport:
    """Refuse anything that is not an unaltered, readable, consistent database of this app:
    the checksum first, then integrity and ``verify`` on a temporary copy."""
    if not path.is_file():
        raise BadFile(str(path), "missing")
    manifest = read_manifest(path)
    if manifest is None and require_checksum:
        raise BadFile(str(path), "no_checksum")
    if manifest is not None and file_sha256(path) != manifest.sha256:
        raise BadFile(str(path), "checksum_mismatch")
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "check.sqlite3"
        shutil.copyfile(path, copy)
        return _check_copy(copy, str(path))


def restore(
    uow: UnitOfWork, actor: Actor, source: Path | str, *, require_checksum: bool = True
) -> Path:
    """Replace the current database with a checked backup; the current one is kept beside
    it (returned). Nothing is changed unless every check passed."""
    require(actor, Action.BACKUP)
    target = _require_sqlite(uow)
    source = newest_backup(Path(source)) if Path(source).is_dir() else Path(source)
    check_backup_file(source, require_checksum=require_checksum)
    keep = target.with_name(
        f"{target.stem}.before-restore-{datetime.now():%Y%m%d-%H%M%S}{target.suffix}"
    )
    copy_database(target, keep)  # kept as it is, even if it fails verify (why restore?)
    uow.engine.dispose()
    # Copy through SQLite's backup API (not a file rename): a stale -wal file next to the
    # target could otherwise be replayed onto the restored pages.
    src = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
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
