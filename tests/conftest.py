"""Shared fixtures: a migrated SQLite database per test, and a small reference world."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from inventory_app.persistence.engine import sqlite_url
from inventory_app.persistence.uow import UnitOfWork
from inventory_app.services.database import open_database
from tests.factories import World, build_world


@pytest.fixture(autouse=True)
def _isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never touch the developer's real data directory or database."""
    monkeypatch.setenv("INVENTORY_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("INVENTORY_DB_URL", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite3"


@pytest.fixture(scope="session")
def _world_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, World]:
    """The reference world built once (argon2 hashing and migrations take seconds);
    each test that wants it gets a private copy of the file."""
    path = tmp_path_factory.mktemp("template") / "world.sqlite3"
    unit = open_database(sqlite_url(path), create=True)
    world = build_world(unit)
    unit.engine.dispose()
    copy = path.with_name("world-copy.sqlite3")
    src = sqlite3.connect(str(path))
    dst = sqlite3.connect(str(copy))
    src.backup(dst)  # folds the WAL into one self-contained file
    dst.close()
    src.close()
    return copy, world


@pytest.fixture
def uow(db_path: Path, request: pytest.FixtureRequest) -> Iterator[UnitOfWork]:
    """A migrated SQLite database: empty, or a copy of the reference world if the test
    also asks for `world`."""
    if "world" in request.fixturenames:
        template, _world = request.getfixturevalue("_world_template")
        shutil.copyfile(template, db_path)
        unit = open_database(sqlite_url(db_path))
    else:
        unit = open_database(sqlite_url(db_path), create=True)
    yield unit
    unit.engine.dispose()


@pytest.fixture
def world(uow: UnitOfWork, _world_template: tuple[Path, World]) -> World:
    template = _world_template[1]
    return replace(template, uow=uow)


# ---------------------------------------------------------------- PostgreSQL (optional)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database per test (INVENTORY_TEST_PG_URL names the server).

    Skipped without a server, unless INVENTORY_REQUIRE_PG=1 makes that a failure."""
    from tests.integration.pg import fresh_database, server_url_or_skip

    with fresh_database(server_url_or_skip()) as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database URL, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "param.sqlite3")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def db_world(db_url: str) -> Iterator[World]:
    """The reference world on `db_url` (SQLite or PostgreSQL)."""
    unit = open_database(db_url, create=True)
    try:
        yield build_world(unit)
    finally:
        unit.engine.dispose()
