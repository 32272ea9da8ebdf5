"""Create engines: SQLite with durable pragmas and up-front write locks, or PostgreSQL."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from ..domain.errors import DatabaseMissing, NetworkPathRefused

# Filesystems on which SQLite's locking is unreliable: several PCs must use PostgreSQL instead.
_NETWORK_FS = {
    "nfs",
    "nfs4",
    "cifs",
    "smb",
    "smb2",
    "smb3",
    "smbfs",
    "afs",
    "ncpfs",
    "9p",
    "fuse.sshfs",
    "sshfs",
    "davfs",
    "fuse.davfs2",
    "glusterfs",
    "ceph",
    "fuse.glusterfs",
}

BUSY_TIMEOUT_MS = 15000


def sqlite_url(path: Path | str) -> str:
    return f"sqlite:///{Path(path).resolve()}"


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if (
        parsed.get_backend_name() != "sqlite"
        or not parsed.database
        or parsed.database == ":memory:"
    ):
        return None
    return Path(parsed.database)


def is_network_path(path: Path) -> bool:
    """True for UNC paths, mapped network drives (Windows) and network mounts (POSIX)."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        drive = os.path.splitdrive(os.path.abspath(text))[0]
        if drive:
            drive_remote = 4
            return bool(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote)
        return False
    return _mount_fstype(path.resolve()) in _NETWORK_FS


def _mount_fstype(path: Path) -> str:
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return ""
    best, fstype = "", ""
    target = str(path)
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) > len(best):
            best, fstype = mount_point, parts[2]
    return fstype


def read_only_engine(path: Path) -> Engine:
    """An engine that cannot write a byte to `path`: to look at a file before trusting it.

    No pragmas are set (journal_mode=WAL alone rewrites the file header)."""
    uri = path.resolve().as_uri() + "?mode=ro"
    return create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(uri, uri=True), poolclass=NullPool
    )


def make_engine(url: str, *, must_exist: bool = False, durable: bool = True) -> Engine:
    """An engine for `url`. SQLite files are checked (network path, existence) first.

    durable=False relaxes fsync for throwaway bulk loads (the demo database); never for user data.
    """
    path = sqlite_path(url)
    if path is not None:
        if is_network_path(path.parent if not path.exists() else path):
            raise NetworkPathRefused(str(path))
        if must_exist and not path.exists():
            raise DatabaseMissing(str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _install_sqlite_hooks(engine, durable=durable)
        return engine
    if make_url(url).get_backend_name() == "sqlite":  # in-memory, tests only
        engine = create_engine(url)
        _install_sqlite_hooks(engine, durable=durable)
        return engine
    return create_engine(url, pool_pre_ping=True, isolation_level="READ COMMITTED")


def _install_sqlite_hooks(engine: Engine, *, durable: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Let SQLAlchemy's "begin" hook below issue BEGIN itself (pysqlite's own is deferred).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA synchronous={'FULL' if durable else 'OFF'}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # Write transactions take the write lock up front so two writers never deadlock
        # upgrading a read lock; readers use a plain deferred BEGIN (WAL lets them run freely).
        if conn.get_execution_options().get("write", False):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")
