"""Build a new database so that a kill at any moment leaves nothing half-made.

A new SQLite file is built beside its final name and moved into place (one rename) only
when complete: killed before that, the final name does not exist yet and the next try
starts over. A database that must be filled in place (a PostgreSQL server, or a SQLite
file that already exists) is marked incomplete first and unmarked in the same
transaction as nothing else: until then `open_database` refuses it with a clear message.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sqlalchemy import delete, insert

from ..persistence import tables as t
from ..persistence.engine import sqlite_url
from ..persistence.uow import UnitOfWork
from . import database

T = TypeVar("T")
BUILDING_SUFFIX = ".building"
_SIDE_FILES = ("-wal", "-shm", "-journal")


def is_new_file(path: Path | None) -> bool:
    """A SQLite file that does not exist yet, or is empty: it can be built aside."""
    return path is not None and (not path.exists() or path.stat().st_size == 0)


def mark_incomplete(uow: UnitOfWork, what: str) -> None:
    uow.write(
        lambda conn: conn.execute(
            insert(t.app_meta).values(key=database.INCOMPLETE_KEY, value=what)
        )
    )


def mark_complete(uow: UnitOfWork) -> None:
    uow.write(
        lambda conn: conn.execute(
            delete(t.app_meta).where(t.app_meta.c.key == database.INCOMPLETE_KEY)
        )
    )


def fill_in_place(uow: UnitOfWork, what: str, fill: Callable[[UnitOfWork], T]) -> T:
    """Run `fill` between an incomplete mark and its removal (a kill leaves the mark)."""
    mark_incomplete(uow, what)
    result = fill(uow)
    mark_complete(uow)
    return result


def build_sqlite_file(path: Path, what: str, fill: Callable[[UnitOfWork], T]) -> T:
    """Create the database at `path` in a side file and rename it into place when complete."""
    side = path.with_name(path.name + BUILDING_SUFFIX)
    remove_sqlite_files(side)  # left by an earlier try that was killed
    # Nothing to lose if this fails half-way: load without fsync, sync once at the end.
    uow = database.open_database(sqlite_url(side), create=True, durable=False)
    try:
        result = fill_in_place(uow, what, fill)
        with uow.engine.connect() as conn:
            # Everything into the main file: the -wal would not follow the rename.
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except BaseException:
        uow.engine.dispose()
        remove_sqlite_files(side)
        raise
    uow.engine.dispose()
    for suffix in _SIDE_FILES:
        leftover = side.with_name(side.name + suffix)
        if leftover.exists() and leftover.stat().st_size > 0:
            raise RuntimeError(f"{leftover} still holds data after the checkpoint")
        leftover.unlink(missing_ok=True)
        # A stale -wal beside the final name would be replayed onto the new file.
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    _fsync(side)
    os.replace(side, path)
    _fsync(path.parent)
    return result


def _fsync(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # directories cannot be opened on Windows; the rename is durable there
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_sqlite_files(path: Path) -> None:
    for suffix in ("", *_SIDE_FILES):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
