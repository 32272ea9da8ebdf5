"""Shared fixtures: a migrated SQLite database per test, and a small reference world."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from inventory_app.persistence.uow import UnitOfWork  # noqa: E402
from inventory_app.services.database import open_database  # noqa: E402
from inventory_app.persistence.engine import sqlite_url  # noqa: E402
from tests.factories import World, build_world  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
                       ) -> None:
    """Never touch the developer's real data directory or database."""
    monkeypatch.setenv("INVENTORY_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("INVENTORY_DB_URL", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite3"


@pytest.fixture
def uow(db_path: Path) -> Iterator[UnitOfWork]:
    unit = open_database(sqlite_url(db_path), create=True)
    yield unit
    unit.engine.dispose()


@pytest.fixture
def world(uow: UnitOfWork) -> World:
    return build_world(uow)
