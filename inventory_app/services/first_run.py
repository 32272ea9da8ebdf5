"""First start: create an empty or demo database, or connect to a PostgreSQL server."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, func, select
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError

from ..domain.errors import AlreadyExists, DatabaseUnavailable, InvalidInput
from ..domain.model import Role
from ..persistence import tables as t
from ..persistence.engine import sqlite_path
from ..persistence.uow import UnitOfWork
from . import auth, building, database, demo

POSTGRES_DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432
# Seconds before an unreachable server is reported, instead of libpq's much longer default.
CONNECT_TIMEOUT_S = 10


def postgres_url(host: str, port: int, database_name: str, user: str, password: str = "") -> str:
    """A full connection URL; keep it in memory only, store ``without_password(url)``."""
    host, database_name, user = host.strip(), database_name.strip(), user.strip()
    for field, value in (("host", host), ("database", database_name), ("username", user)):
        if not value:
            raise InvalidInput(field, "required")
    if not 0 < int(port) < 65536:
        raise InvalidInput("port", "range", port)
    url = URL.create(
        POSTGRES_DRIVER,
        username=user,
        password=password or None,
        host=host,
        port=int(port),
        database=database_name,
        query={"connect_timeout": str(CONNECT_TIMEOUT_S)},
    )
    return url.render_as_string(hide_password=False)


def without_password(url: str) -> str:
    """The URL with the password removed (not masked): safe to store in the settings."""
    parsed = make_url(url)
    # URL.set(password=None) means "leave unchanged", so rebuild the URL without it.
    bare = URL.create(
        parsed.drivername,
        username=parsed.username,
        host=parsed.host,
        port=parsed.port,
        database=parsed.database,
        query=parsed.query,
    )
    return bare.render_as_string(hide_password=False)


def with_password(url: str, password: str) -> str:
    return make_url(url).set(password=password).render_as_string(hide_password=False)


def is_server(url: str) -> bool:
    return sqlite_path(url) is None and make_url(url).get_backend_name() != "sqlite"


def needs_password(url: str) -> bool:
    """A server URL without a password (libpq may still find one in PGPASSWORD or .pgpass)."""
    return is_server(url) and not make_url(url).password


def server_parts(url: str) -> tuple[str, int, str, str]:
    """(host, port, database, user) of a server URL, to pre-fill the connection form."""
    parsed = make_url(url)
    return (
        parsed.host or "",
        parsed.port or DEFAULT_PORT,
        parsed.database or "",
        parsed.username or "",
    )


def has_sign_in_users(uow: UnitOfWork) -> bool:
    """At least one active user who can sign in (the built-in system account cannot)."""

    def tx(conn: Connection) -> bool:
        count = conn.execute(
            select(func.count())
            .select_from(t.users)
            .where(t.users.c.active.is_(True), t.users.c.username != auth.SYSTEM_USER)
        ).scalar_one()
        return int(count) > 0

    return uow.read(tx)


def connect(url: str) -> UnitOfWork:
    """Open (and if new, initialise) the database at ``url``; server errors become
    ``DatabaseUnavailable`` so the user sees a message, not a traceback."""
    try:
        return database.open_database(url, create=True)
    except DBAPIError as error:
        # e.g. the server account may connect but not create tables in an empty database
        raise DatabaseUnavailable(str(error.orig).strip()) from error


def create_admin(uow: UnitOfWork, username: str, password: str) -> None:
    """The first administrator of a new database (refused once anybody can sign in)."""
    if has_sign_in_users(uow):
        raise AlreadyExists("user", username)
    auth.create_user(
        uow,
        auth.system_actor(uow),
        username=username,
        password=password,
        role=Role.ADMIN,
        display_name=username,
    )


def create_empty(url: str, username: str, password: str) -> UnitOfWork:
    """A new, empty database with one administrator (a kill leaves no half-made file)."""
    # Validate before creating a file, so a too-short password leaves nothing behind.
    if not username.strip():
        raise InvalidInput("username", "required")
    auth.check_new_password(password, username)
    path = sqlite_path(url)
    if building.is_new_file(path):
        assert path is not None
        building.build_sqlite_file(path, "admin", lambda uow: create_admin(uow, username, password))
        return database.open_database(url)
    uow = connect(url)
    try:
        # The administrator is one transaction: a kill leaves none, and the next try makes it.
        create_admin(uow, username, password)
    except BaseException:
        uow.engine.dispose()
        raise
    return uow


def demo_database(
    url: str, progress: Callable[[str], None] | None = None
) -> tuple[UnitOfWork, str | None]:
    """The Zhongwei demo database and the load's summary; an existing database with data
    is opened, not reloaded (summary None). A kill at any moment leaves no half-loaded demo
    that could be opened: a new file appears only when complete, a database filled in place
    stays marked incomplete (and is refused) until the load has finished."""

    def load(uow: UnitOfWork) -> str:
        return demo.load_demo(uow, progress=progress)

    path = sqlite_path(url)
    if building.is_new_file(path):
        assert path is not None
        summary = building.build_sqlite_file(path, "demo", load)
        return database.open_database(url), summary
    uow = connect(url)
    try:
        if not database.is_empty(uow):
            return uow, None
        return uow, building.fill_in_place(uow, "demo", load)
    except BaseException:
        uow.engine.dispose()
        raise


def create_demo(url: str, progress: Callable[[str], None] | None = None) -> UnitOfWork:
    """The Zhongwei demo database (takes some seconds); an existing one is opened, not reloaded."""
    return demo_database(url, progress)[0]
