"""A database filled in place (PostgreSQL, or an existing SQLite file) and interrupted is
refused until it is recreated; a completed fill opens (issue 8)."""

from __future__ import annotations

import pytest

from inventory_app.domain.errors import DatabaseIncomplete
from inventory_app.messages import error_message
from inventory_app.persistence.engine import make_engine
from inventory_app.persistence.uow import UnitOfWork
from inventory_app.services import building, database, first_run


def test_an_interrupted_fill_is_refused_and_a_finished_one_opens(db_url: str) -> None:
    uow = database.open_database(db_url, create=True)
    building.mark_incomplete(uow, "demo")  # what a kill inside fill_in_place leaves behind
    database.close(uow)
    path = database.sqlite_path(db_url)
    before = path.read_bytes() if path is not None else b""
    for attempt in (
        lambda: database.open_database(db_url),
        lambda: first_run.demo_database(db_url),  # init --demo: refused, not loaded over it
        lambda: first_run.create_empty(db_url, "boss", "strong-pass-1"),
    ):
        with pytest.raises(DatabaseIncomplete) as refused:
            attempt()
        assert "未创建完成" in error_message(refused.value)
        assert "was not completed" in error_message(refused.value, "en")
        if path is not None:
            assert path.read_bytes() == before  # refused having only read it

    raw = UnitOfWork(make_engine(db_url))  # around the refusal, to finish what was marked
    building.mark_complete(raw)
    database.close(raw)
    database.close(database.open_database(db_url))


def test_fill_in_place_unmarks_only_when_done(db_url: str) -> None:
    uow = database.open_database(db_url, create=True)

    def fill(_uow: database.UnitOfWork) -> str:
        with pytest.raises(DatabaseIncomplete):  # meanwhile another program is refused
            database.close(database.open_database(db_url))
        return "filled"

    assert building.fill_in_place(uow, "admin", fill) == "filled"
    database.close(uow)
    database.close(database.open_database(db_url))
