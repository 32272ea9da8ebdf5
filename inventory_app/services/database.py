"""Open, create and migrate the database the user points at.

The one door from ``ui/`` and ``cli`` to the database: they hold a ``Database`` (the unit
of work) and use the path/URL helpers from here, never ``persistence`` itself.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, select, text
from sqlalchemy.exc import DatabaseError, OperationalError

from .. import __version__, paths
from ..domain.errors import (
    BadFile,
    DatabaseIncomplete,
    DatabaseMissing,
    DatabaseUnavailable,
    DomainError,
    UpgradeFailed,
)
from ..persistence import tables as t
from ..persistence.engine import make_engine, read_only_engine, sqlite_path, sqlite_url
from ..persistence.migrations import (
    check_not_newer,
    head_revision,
    is_initialised,
    upgrade_to_head,
)
from ..persistence.sqlite_copy import copy_database
from ..persistence.uow import UnitOfWork

# Re-exported for ui/ and cli (import-linter forbids them `persistence`).
# `Database` is the name they use; `UnitOfWork` stays for code that already says it.
Database = UnitOfWork
__all__ = [
    "ENV_URL",
    "Database",
    "UnitOfWork",
    "close",
    "describe",
    "is_empty",
    "is_sqlite",
    "open_database",
    "resolve_url",
    "sqlite_path",
    "sqlite_url",
]

ENV_URL = "INVENTORY_DB_URL"
# Present while a database is being filled (demo data, first administrator): a kill
# leaves it, and the database is refused instead of opened half-made (services/building.py).
INCOMPLETE_KEY = "incomplete"

_log = logging.getLogger(__name__)


def resolve_url(db: str | None = None) -> str:
    """--db beats INVENTORY_DB_URL beats the SQLite file in the user's data directory.

    A plain file path is accepted as a SQLite database."""
    value = (db or os.environ.get(ENV_URL) or "").strip()
    if not value:
        return sqlite_url(paths.default_sqlite_path())
    if "://" not in value:
        return sqlite_url(value)
    return value


def describe(url: str) -> str:
    """A display form of the URL without the password."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _ping(engine: Engine, url: str) -> None:
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
            if engine.dialect.name == "sqlite":
                conn.execute(text("SELECT count(*) FROM sqlite_master"))
    except DatabaseError as error:
        if isinstance(error.orig, sqlite3.DatabaseError) and "not a database" in str(error.orig):
            raise BadFile(describe(url), "not_a_database") from error
        if isinstance(error, OperationalError):
            raise DatabaseUnavailable(str(error.orig)) from error
        raise


def _look_before_opening(url: str, create: bool) -> None:
    """Refuse an existing SQLite file we would not open, having only read it.

    Opening it for writing would already change it (WAL header, journal), so an empty
    file, random bytes, a text file or a newer program's database are checked read-only."""
    path = sqlite_path(url)
    if path is None or not path.is_file():
        return  # a server, or no file yet: make_engine decides
    if path.stat().st_size == 0:
        if create:
            return  # nothing in it to lose: `init` may fill an empty file it was pointed at
        raise DatabaseMissing(describe(url))
    probe = read_only_engine(path)
    try:
        _ping(probe, url)
        if is_initialised(probe):
            with probe.connect() as conn:
                check_not_newer(conn)
                _refuse_incomplete(conn, url)
        elif not create:
            raise DatabaseMissing(describe(url))
    finally:
        probe.dispose()


def open_database(url: str, *, create: bool = False, durable: bool = True) -> UnitOfWork:
    """Connect, refuse a newer schema, apply pending migrations. `create` allows a new file."""
    _look_before_opening(url, create)
    engine = make_engine(url, must_exist=not create, durable=durable)
    try:
        _ping(engine, url)
        if not create and not is_initialised(engine):
            raise DatabaseMissing(describe(url))
        found, copy = _upgrade_safely(engine, url)
        with engine.connect() as conn:
            _refuse_incomplete(conn, url)  # a server (SQLite files were checked read-only above)
    except BaseException:
        engine.dispose()  # a refused file must not stay open (Windows would keep it locked)
        raise
    uow = UnitOfWork(engine)
    uow.upgraded_from, uow.upgrade_copy = found, copy
    if create:
        _stamp_meta(uow)
    return uow


def _upgrade_safely(engine: Engine, url: str) -> tuple[str | None, Path | None]:
    """Migrate to head. An existing SQLite file is copied beside itself first (the copy is
    returned, to tell the user); the migrations run in one transaction, so a failure leaves
    the database as it was and is reported as UpgradeFailed. Returns (from revision, copy)."""
    with engine.connect() as conn:
        found = check_not_newer(conn)
    if found is None or found == head_revision():
        upgrade_to_head(engine)  # a new database, or nothing to do
        return None, None
    path = sqlite_path(url)
    copy = None
    if path is not None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        copy = path.with_name(f"{path.stem}.before-upgrade-{found}-{stamp}{path.suffix}")
        copy_database(path, copy)
        _log.info("Upgrading %s from schema %s; copy taken before: %s", path, found, copy)
    try:
        upgrade_to_head(engine)
    except DomainError:
        raise
    except Exception as error:
        _log.exception("Upgrading %s from schema %s failed", describe(url), found)
        raise UpgradeFailed(describe(url), found, str(copy or "")) from error
    return found, copy


def _refuse_incomplete(conn: Connection, url: str) -> None:
    what = conn.execute(
        select(t.app_meta.c.value).where(t.app_meta.c.key == INCOMPLETE_KEY)
    ).scalar()
    if what is not None:
        raise DatabaseIncomplete(describe(url), what)


def _stamp_meta(uow: UnitOfWork) -> None:
    def tx(conn):
        have = conn.execute(
            select(t.app_meta.c.key).where(t.app_meta.c.key == "created_by")
        ).first()
        if have is None:
            conn.execute(t.app_meta.insert().values(key="created_by", value=__version__))

    uow.write(tx)


def is_empty(uow: UnitOfWork) -> bool:
    """No depots and no movements yet (a freshly created database)."""
    return uow.read(lambda conn: conn.execute(select(t.depots.c.id).limit(1)).first() is None)


def is_sqlite(uow: UnitOfWork) -> bool:
    """A local SQLite file (backup and restore work only there), not a server."""
    return sqlite_path(str(uow.engine.url)) is not None


def close(uow: UnitOfWork) -> None:
    """Close every pooled connection (on Windows an open SQLite file stays locked)."""
    uow.engine.dispose()
