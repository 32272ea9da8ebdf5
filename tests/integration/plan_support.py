"""A demo database built once per session; each plan test works on its own copy."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from inventory_app.domain.permissions import Actor
from inventory_app.persistence.engine import sqlite_url
from inventory_app.persistence.uow import UnitOfWork
from inventory_app.services import auth, demo
from inventory_app.services.database import open_database

SEED_NEED = {
    "050101": 1402,  # 棉帐篷 顶
    "050103": 7760,  # 棉大衣 件
    "050104": 1780,  # 棉被 套
    "050105": 1950,  # 棉褥 条
    "050106": 1950,  # 枕头 个
    "050107": 1139,  # 折叠床 个
}


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plan-demo") / "demo.sqlite3"
    uow = open_database(sqlite_url(path), create=True, durable=False)
    demo.load_demo(uow)
    uow.engine.dispose()
    copy = path.with_name("demo-copy.sqlite3")
    src, dst = sqlite3.connect(str(path)), sqlite3.connect(str(copy))
    src.backup(dst)
    dst.close()
    src.close()
    return copy


@pytest.fixture
def demo_file(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    return path


@pytest.fixture
def demo_db(demo_file: Path) -> Iterator[tuple[UnitOfWork, Actor]]:
    uow = open_database(sqlite_url(demo_file), durable=False)
    yield uow, auth.authenticate(uow, "admin", "demo1234")
    uow.engine.dispose()
