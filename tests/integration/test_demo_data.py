"""The Zhongwei demo loads through the services and reproduces the source's figures."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from inventory_app.domain.permissions import Actor
from inventory_app.persistence import tables as t
from inventory_app.persistence.engine import sqlite_url
from inventory_app.persistence.uow import UnitOfWork
from inventory_app.services import auth, demo, ledger_queries, reference_queries, stock_queries
from inventory_app.services.database import open_database
from inventory_app.services.verify import verify

# 000_34de6c3a7d1959f8.txt lines 136–148: stock per category; 14 is grain and oil.
SOURCE_TOTALS = {
    "01": "7757",
    "02": "270",
    "03": "65",
    "04": "3",
    "05": "8392",
    "06": "12",
    "07": "85",
    "08": "945",
    "09": "9012",
    "10": "533",
    "11": "32",
    "12": "50",
    "13": "273.810",
    "14": "18250.000",
}


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[UnitOfWork, Actor]:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    uow = open_database(sqlite_url(path), create=True, durable=False)
    demo.load_demo(uow)
    return uow, auth.authenticate(uow, "admin", "demo1234")


@pytest.mark.slow
def test_category_totals_match_the_source(demo_db: tuple[UnitOfWork, Actor]) -> None:
    uow, admin = demo_db
    totals = {r.category_code: r.on_hand for r in stock_queries.stock_by_category(uow, admin)}
    assert totals == {code: Decimal(v) for code, v in SOURCE_TOTALS.items()}


@pytest.mark.slow
def test_city_stock_reproduces_the_2022_2024_plan(demo_db: tuple[UnitOfWork, Actor]) -> None:
    """need = norm × 7,800 − held gives the source's purchase figures (000 lines 821–826)."""
    uow, admin = demo_db
    held = {
        code: Decimal(0) for code in ("050101", "050103", "050104", "050105", "050106", "050107")
    }
    for lot in stock_queries.stock_by_lot(uow, admin):
        if lot.item_code in held and lot.owner_name == "中卫市应急管理局":
            held[lot.item_code] += lot.on_hand
    tents = 7800 // 4
    assert tents - held["050101"] == 1402
    assert 7800 - held["050103"] == 7760
    assert tents - held["050104"] == 1780
    assert tents - held["050105"] == 1950
    assert tents - held["050106"] == 1950
    assert tents - held["050107"] == 1139


@pytest.mark.slow
def test_demo_is_consistent_and_has_history(demo_db: tuple[UnitOfWork, Actor]) -> None:
    uow, admin = demo_db
    report = verify(uow, admin)
    assert report.ok, report.problems[:5]
    assert report.movements > 2000
    relief = [d for d in reference_queries.depots(uow, admin) if d.kind == "relief"]
    assert len(relief) == 25
    kinds = {r.kind for r in ledger_queries.ledger(uow, admin, limit=5000)}
    assert {"RECEIVE", "ISSUE", "TRANSFER_OUT", "TRANSFER_IN", "REVERSAL", "ADJUST"} <= kinds
    statuses = {lot.expiry_status for lot in stock_queries.stock_by_lot(uow, admin)}
    assert {"expired", "near", "ok"} <= statuses


@pytest.mark.slow
def test_demo_refuses_a_second_load(demo_db: tuple[UnitOfWork, Actor], tmp_path: Path) -> None:
    from inventory_app.services.database import is_empty

    uow, _admin = demo_db
    assert not is_empty(uow)


@pytest.mark.slow
def test_demo_entry_times_are_plausible(demo_db: tuple[UnitOfWork, Actor]) -> None:
    """录入时间 on the document's day, in working hours, not all at the demo's build time."""
    uow, _admin = demo_db
    rows = uow.read(
        lambda c: c.execute(select(t.documents.c.doc_date, t.documents.c.created_at)).all()
    )
    past = [(day, created) for day, created in rows if day < date.today()]
    assert len(past) > 1000
    for day, created in past:
        local = created.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
        assert local.date() == day, (day, local)
        assert time(8, 30) <= local.time() <= time(17, 30), (day, local)
    assert all(created <= datetime.now(UTC).replace(tzinfo=None) for _d, created in rows)
