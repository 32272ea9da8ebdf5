"""Unit of work: one transaction per use case, retried on transient conflicts."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from ..domain.errors import DatabaseUnavailable
from . import chain

T = TypeVar("T")

# PostgreSQL: serialization failure, deadlock, and unique violation (a concurrent twin
# inserted the same request id first: the retry then finds it and replays).
_RETRY_PGCODES = {"40001", "40P01", "23505"}
MAX_ATTEMPTS = 6


def _pgcode(error: DBAPIError) -> str | None:
    orig = error.orig
    return getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)


def _is_retryable(error: DBAPIError) -> bool:
    # SQLite's "database is locked" is not retried here: the busy timeout has already
    # waited for the other writer, and the user should hear about it (and retry) now.
    return _pgcode(error) in _RETRY_PGCODES


def _is_unavailable(error: DBAPIError) -> bool:
    if error.connection_invalidated:
        return True
    message = str(error.orig).lower()
    return any(
        text in message
        for text in (
            "database is locked",
            "unable to open database",
            "connection refused",
            "server closed the connection",
            "could not connect",
            "connection failed",
            "terminating connection",
            "no such host",
            "disk i/o error",
        )
    )


class UnitOfWork:
    """Owns an engine; services call `write(fn)` / `read(fn)` with a function of a Connection."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        # Set by services.database when opening migrated the schema: from which revision,
        # and where the copy taken before it is (SQLite), for the user to be told.
        self.upgraded_from: str | None = None
        self.upgrade_copy: Path | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    @contextmanager
    def _transaction(self, write: bool) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            conn = conn.execution_options(write=write)
            conn.info.pop(chain.TOUCHED, None)  # the pooled connection's last use is over
            try:
                with conn.begin():
                    yield conn
                    if write:
                        chain.seal(conn)  # what it wrote joins the history chains, or nothing
            finally:
                conn.info.pop(chain.TOUCHED, None)

    def write(self, fn: Callable[[Connection], T]) -> T:
        """Run fn in one write transaction; commit if it returns, roll back if it raises."""
        for attempt in range(1, MAX_ATTEMPTS + 1):
            try:
                with self._transaction(write=True) as conn:
                    return fn(conn)
            except (OperationalError, IntegrityError, DBAPIError) as error:
                if attempt < MAX_ATTEMPTS and _is_retryable(error):
                    time.sleep(0.02 * attempt)
                    continue
                if isinstance(error, OperationalError) and _is_unavailable(error):
                    raise DatabaseUnavailable(str(error.orig)) from error
                if isinstance(error, DBAPIError) and error.connection_invalidated:
                    raise DatabaseUnavailable(str(error.orig)) from error
                raise
        raise AssertionError("unreachable")

    def read(self, fn: Callable[[Connection], T]) -> T:
        try:
            with self._transaction(write=False) as conn:
                return fn(conn)
        except OperationalError as error:
            if _is_unavailable(error):
                raise DatabaseUnavailable(str(error.orig)) from error
            raise
