"""A lost or unreachable database gives a clear, retryable error — and recovers — not a crash."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from inventory_app.cli import EXIT_ERROR, main
from inventory_app.domain.errors import DatabaseUnavailable
from inventory_app.domain.model import ReceiptLine
from inventory_app.messages import error_message
from inventory_app.services import receipts, stock_queries
from inventory_app.services.database import open_database
from tests.factories import build_world

UNREACHABLE = "postgresql+psycopg://nobody:secret@127.0.0.1:1/reserve"


def test_unreachable_server_is_database_unavailable() -> None:
    with pytest.raises(DatabaseUnavailable) as caught:
        open_database(UNREACHABLE)
    text_zh = error_message(caught.value, "zh")
    assert "无法连接数据库" in text_zh and "\n" not in text_zh
    assert "secret" not in text_zh  # the password never reaches the user's screen


def test_cli_reports_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", UNREACHABLE, "--user", "admin", "stock"]) == EXIT_ERROR
    err = capsys.readouterr().err.strip()
    assert err.startswith("无法连接数据库") and len(err.splitlines()) == 1


@pytest.mark.postgres
def test_server_side_disconnect_is_survived(pg_url: str) -> None:
    """The server drops every connection (restart, network blip): the next posting
    reconnects instead of failing, and nothing is lost or doubled."""
    uow = open_database(pg_url, create=True)
    try:
        world = build_world(uow)
        receipts.receive(
            uow,
            world.keeper_a,
            depot="A",
            request_id="before",
            lines=[ReceiptLine("050101", Decimal(5))],
        )
        admin = create_engine(
            make_url(pg_url).set(database="postgres"), isolation_level="AUTOCOMMIT"
        )
        with admin.connect() as conn:
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :db AND pid <> pg_backend_pid()"
                ),
                {"db": make_url(pg_url).database},
            )
        admin.dispose()
        receipts.receive(
            uow,
            world.keeper_a,
            depot="A",
            request_id="after",
            lines=[ReceiptLine("050101", Decimal(3))],
        )
        assert stock_queries.balance(uow, world.admin, "050101", "A")[0] == Decimal(8)
    finally:
        uow.engine.dispose()


def test_locked_sqlite_file_is_unavailable_and_unchanged(
    uow: object, world: object, db_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program holds the write lock past the busy timeout: a clear error, no change."""
    import sqlite3

    from inventory_app.persistence import engine as engine_module
    from inventory_app.persistence.engine import sqlite_url
    from tests.integration.helpers import dump

    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 300)
    short = open_database(sqlite_url(db_path))
    blocker = sqlite3.connect(str(db_path), isolation_level=None)
    try:
        before = dump(short)
        blocker.execute("BEGIN IMMEDIATE")
        with pytest.raises(DatabaseUnavailable):
            receipts.receive(
                short,
                world.keeper_a,
                depot="A",
                request_id="locked",  # type: ignore[attr-defined]
                lines=[ReceiptLine("050101", Decimal(1))],
            )
        blocker.execute("ROLLBACK")
        assert dump(short) == before
        # Once the other program lets go, the same request goes through (retry).
        receipts.receive(
            short,
            world.keeper_a,
            depot="A",
            request_id="locked",  # type: ignore[attr-defined]
            lines=[ReceiptLine("050101", Decimal(1))],
        )
    finally:
        blocker.close()
        short.engine.dispose()
