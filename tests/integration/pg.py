"""PostgreSQL for tests: a throwaway database per test on the server in INVENTORY_TEST_PG_URL."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ENV_URL = "INVENTORY_TEST_PG_URL"
ENV_REQUIRE = "INVENTORY_REQUIRE_PG"


def server_url() -> str | None:
    """The server URL (postgresql+psycopg://user:pw@host:port/postgres), or None."""
    return (os.environ.get(ENV_URL) or "").strip() or None


def server_url_or_skip() -> str:
    """The server URL; without one skip the test, or fail it when INVENTORY_REQUIRE_PG=1."""
    url = server_url()
    if url is None:
        message = f"PostgreSQL tests need {ENV_URL} (see tools/start_test_postgres.sh)"
        if os.environ.get(ENV_REQUIRE, "").strip() == "1":
            pytest.fail(f"{ENV_REQUIRE}=1 but {ENV_URL} is not set: {message}", pytrace=False)
        pytest.skip(message)
    return url


@contextmanager
def fresh_database(server: str) -> Iterator[str]:
    """CREATE DATABASE with a random name, yield its URL, drop it (even if connections remain)."""
    name = f"inventory_test_{secrets.token_hex(6)}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield make_url(server).set(database=name).render_as_string(hide_password=False)
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()
