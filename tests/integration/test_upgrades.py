"""Safe upgrades: a copy is taken before migrating, a failed migration leaves the file byte
for byte as it was, and a database of schema 0006 reaches head with everything intact.

Every future schema change must keep ``test_a_0006_database_upgrades_with_everything_intact``
passing (and add to what it checks for the tables it changes).
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from inventory_app import paths
from inventory_app.domain.errors import UpgradeFailed
from inventory_app.messages import error_message
from inventory_app.persistence.engine import sqlite_url
from inventory_app.persistence.migrations import current_revision, head_revision
from inventory_app.services import auth, shipping
from inventory_app.services.database import open_database
from inventory_app.services.verify import verify
from tests.factories import PASSWORD, build_world

DATA = Path(__file__).resolve().parent.parent / "data"

# What an upgrade must keep: balances, documents with their lines and events, the ledger,
# reservations, and the users with their password hashes (everyone can still sign in).
_KEPT = {
    "lot balances": "SELECT lot_id, item_id, depot_id, on_hand, reserved FROM lot_balances "
    "ORDER BY lot_id",
    "stock balances": "SELECT item_id, depot_id, on_hand, reserved, in_transit_in "
    "FROM stock_balances ORDER BY item_id, depot_id",
    "documents": "SELECT id, doc_type, doc_no, state, depot_id, doc_date, created_by FROM documents ORDER BY id",
    "lines": "SELECT document_id, line_no, item_id, lot_id, quantity FROM document_lines "
    "ORDER BY document_id, line_no",
    "events": "SELECT id, document_id, from_state, to_state, user_id, at FROM document_events ORDER BY id",
    "movements": "SELECT id, kind, lot_id, delta, document_id, created_by, created_at FROM movements ORDER BY id",
    "reservations": "SELECT id, document_id, line_no, lot_id, quantity, consumed, released "
    "FROM reservations ORDER BY id",
    "users": "SELECT id, username, role, active, password_hash FROM users ORDER BY id",
}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _snapshot(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        return {name: conn.execute(query).fetchall() for name, query in _KEPT.items()}
    finally:
        conn.close()


def _revision(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        conn.close()


def test_a_0006_database_upgrades_with_everything_intact(tmp_path: Path) -> None:
    path = tmp_path / "kept.sqlite3"
    shutil.copyfile(DATA / "schema_0006.sqlite3", path)
    assert _revision(path) == "0006"
    before = _snapshot(path)
    assert all(before.values()), [name for name, rows in before.items() if not rows]
    uow = open_database(sqlite_url(path))
    try:
        with uow.engine.connect() as conn:
            assert current_revision(conn) == head_revision()
        if head_revision() != "0006":  # a real upgrade: it was announced, with a copy
            assert uow.upgraded_from == "0006" and uow.upgrade_copy is not None
            assert _revision(uow.upgrade_copy) == "0006"
            assert _snapshot(uow.upgrade_copy) == before
        assert _snapshot(path) == before
        report = verify(uow)
        assert report.ok, report.problems
        for username in ("admin", "ka", "kb", "appr"):
            assert auth.authenticate(uow, username, PASSWORD).username == username
        # Work goes on: the approved order still holding its reservations ships.
        keeper = auth.authenticate(uow, "ka", PASSWORD)
        held = uow.read(
            lambda conn: conn.exec_driver_sql(
                "SELECT doc_no FROM documents WHERE doc_type = 'ORDER' AND state = 'APPROVED'"
            ).scalar_one()
        )
        shipped = shipping.ship(uow, keeper, order_no=held, depot="A", request_id=str(uuid.uuid4()))
        assert shipped.movement_ids
        assert verify(uow).ok
    finally:
        uow.engine.dispose()


def test_an_upgrade_copies_the_database_first_and_says_where(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(DATA / "schema_0001.sqlite3", path)
    rows = _snapshot_0001(path)
    uow = open_database(sqlite_url(path))
    try:
        assert uow.upgraded_from == "0001"
        copy = uow.upgrade_copy
        assert copy is not None and copy.parent == tmp_path
        assert copy.name.startswith("old.before-upgrade-0001-") and copy.suffix == ".sqlite3"
        assert _revision(copy) == "0001" and _snapshot_0001(copy) == rows
    finally:
        uow.engine.dispose()
    again = open_database(sqlite_url(path))  # at head now: no second copy
    try:
        assert again.upgraded_from is None and again.upgrade_copy is None
    finally:
        again.engine.dispose()
    assert len(list(tmp_path.glob("*.before-upgrade-*"))) == 1


def _snapshot_0001(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT lot_id, on_hand, reserved FROM lot_balances ORDER BY lot_id"
        ).fetchall()
    finally:
        conn.close()


_FAILING = '''"""A migration that fails half-way (test only)."""
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    op.execute("UPDATE lot_balances SET on_hand = 0")
    op.execute("DELETE FROM users")
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("never", sa.Integer))
    raise RuntimeError("simulated failure in the middle of a migration")


def downgrade() -> None:
    pass
'''


def _with_failing_migration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The real migrations plus one after head that fails half-way."""
    migrations = tmp_path / "migrations"
    shutil.copytree(paths.migrations_dir(), migrations)
    (migrations / "versions" / "9999_fails.py").write_text(
        _FAILING.format(head=head_revision()), encoding="utf-8"
    )
    monkeypatch.setattr(paths, "migrations_dir", lambda: migrations)


@pytest.mark.parametrize("fixture", ["schema_0006.sqlite3", "schema_0001.sqlite3"])
def test_a_failed_migration_leaves_the_file_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fixture: str
) -> None:
    _with_failing_migration(tmp_path, monkeypatch)
    folder = tmp_path / "db"
    folder.mkdir()
    path = folder / "inventory.sqlite3"
    shutil.copyfile(DATA / fixture, path)
    with sqlite3.connect(path) as conn:  # as the program leaves it: WAL, checkpointed
        conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    before = _digest(path)
    with pytest.raises(UpgradeFailed) as excinfo:
        open_database(sqlite_url(path))
    assert _digest(path) == before
    copy = Path(str(excinfo.value.params["copy"]))
    assert copy.parent == folder and copy.exists()
    assert sorted(p.name for p in folder.iterdir()) == sorted([path.name, copy.name])
    for lang in ("zh", "en"):
        text = error_message(excinfo.value, lang)
        assert str(copy) in text and "\n" not in text
        assert "RuntimeError" not in text and "upgrade_failed" not in text
    monkeypatch.undo()  # the real migrations still apply to the untouched file
    uow = open_database(sqlite_url(path))
    try:
        assert verify(uow).ok
    finally:
        uow.engine.dispose()


@pytest.mark.postgres
def test_a_failed_migration_leaves_a_postgres_database_as_it_was(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    uow = open_database(pg_url, create=True)
    head = head_revision()
    build_world(uow)
    uow.engine.dispose()
    engine = create_engine(pg_url)
    query = (
        "SELECT (SELECT version_num FROM alembic_version), (SELECT count(*) FROM users), "
        "(SELECT count(*) FROM information_schema.tables WHERE table_name = 'half_done'), "
        "(SELECT count(*) FROM information_schema.columns WHERE column_name = 'never')"
    )
    try:
        with engine.connect() as conn:
            before = conn.execute(text(query)).one()
        _with_failing_migration(tmp_path, monkeypatch)
        with pytest.raises(UpgradeFailed) as excinfo:
            open_database(pg_url)
        assert excinfo.value.code == "upgrade_failed_server"
        assert "rolled back" in error_message(excinfo.value, "en")
        with engine.connect() as conn:
            assert conn.execute(text(query)).one() == before
        assert before[0] == head and before[1] > 0 and before[2:] == (0, 0)
    finally:
        engine.dispose()
