"""Opening databases: migrate an empty one to head, refuse newer, missing or foreign files."""

from __future__ import annotations

import gc
import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from inventory_app.domain.errors import (
    BadFile,
    DatabaseMissing,
    DatabaseTooNew,
    NetworkPathRefused,
)
from inventory_app.persistence import tables as t
from inventory_app.persistence.engine import is_network_path, make_engine, sqlite_url
from inventory_app.persistence.migrations import current_revision, head_revision, upgrade_to_head
from inventory_app.services import auth, writeoffs
from inventory_app.services.database import open_database
from inventory_app.services.verify import verify
from tests.factories import PASSWORD


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_upgrade_from_empty_to_head(db_url: str) -> None:
    uow = open_database(db_url, create=True)
    try:
        with uow.engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            assert set(t.metadata.tables) <= tables
            assert "alembic_version" in tables
            assert current_revision(conn) == head_revision()
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == (
                head_revision()
            )
            # Columns as the tables module defines them (the migration matches the code).
            for name, table in t.metadata.tables.items():
                assert {c["name"] for c in inspect(conn).get_columns(name)} == set(
                    table.columns.keys()
                ), name
        assert upgrade_to_head(uow.engine) is False  # already at head: nothing to do
    finally:
        uow.engine.dispose()
    again = open_database(db_url)  # reopening an initialised database needs no create
    again.engine.dispose()


def test_newer_sqlite_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    open_database(sqlite_url(path), create=True).engine.dispose()
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = 'ffff9999'")
    raw.close()
    before, files = _digest(path), _files(tmp_path)
    with pytest.raises(DatabaseTooNew) as excinfo:
        open_database(sqlite_url(path))
    assert excinfo.value.params == {"found": "ffff9999"}
    assert _digest(path) == before
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchall() == [("ffff9999",)]
    raw.close()
    assert _digest(path) == before
    assert {f for f in _files(tmp_path) if not f.endswith(("-wal", "-shm"))} == set(files)


@pytest.mark.postgres
def test_newer_postgres_database_is_refused(pg_url: str) -> None:
    open_database(pg_url, create=True).engine.dispose()
    engine = create_engine(pg_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = 'ffff9999'"))
        with pytest.raises(DatabaseTooNew):
            open_database(pg_url)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == (
                "ffff9999"
            )
    finally:
        engine.dispose()


def test_missing_sqlite_file_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "missing.sqlite3"
    with pytest.raises(DatabaseMissing):
        open_database(sqlite_url(path))
    assert not path.exists()
    assert not path.parent.exists()
    with pytest.raises(DatabaseMissing):
        open_database(sqlite_url(path), create=False)
    assert _files(tmp_path) == []


def test_empty_sqlite_database_without_schema_is_missing(tmp_path: Path) -> None:
    path = tmp_path / "bare.sqlite3"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE unrelated (x)")
    raw.close()
    with pytest.raises(DatabaseMissing):
        open_database(sqlite_url(path))


@pytest.mark.parametrize(
    "content",
    [
        b"this is not a database\n" * 200,
        b"PK\x03\x04" + bytes(range(256)) * 16,
        b"SQLite format 3\x00" + b"\xff" * 4096,
    ],
)
def test_non_database_file_is_bad_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(content)
    with pytest.raises(BadFile) as excinfo:
        open_database(sqlite_url(path))
    assert excinfo.value.params["reason"] == "not_a_database"
    assert path.read_bytes() == content


@pytest.mark.parametrize(
    "path",
    ["\\\\server\\share\\x.db", "//server/share/x.db", "\\\\192.168.1.5\\库房\\inventory.sqlite3"],
)
def test_unc_paths_are_network_paths(path: str) -> None:
    assert is_network_path(Path(path))


def test_local_paths_are_not_network_paths(tmp_path: Path) -> None:
    assert not is_network_path(tmp_path / "x.db")
    assert not is_network_path(Path("relative.db"))


def test_network_sqlite_path_is_refused() -> None:
    with pytest.raises(NetworkPathRefused):
        make_engine("sqlite://///server/share/x.db")


def _open_handles(folder: Path) -> list[str]:
    out = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(str(folder)):
            out.append(target)
    return out


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_a_refused_database_is_not_left_open(tmp_path: Path) -> None:
    """Without garbage collection: on Windows an open handle would lock the refused file."""
    newer = tmp_path / "newer.sqlite3"
    open_database(sqlite_url(newer), create=True).engine.dispose()
    with sqlite3.connect(newer) as raw:
        raw.execute("UPDATE alembic_version SET version_num = 'ffff9999'")
    raw.close()
    bare = tmp_path / "bare.sqlite3"
    sqlite3.connect(bare).close()
    gc.disable()
    try:
        for path, error in ((newer, DatabaseTooNew), (bare, DatabaseMissing)):
            with pytest.raises(error):
                open_database(sqlite_url(path))
            assert _open_handles(tmp_path) == [], error.__name__
    finally:
        gc.enable()


_FIXTURE_0001 = Path(__file__).resolve().parent.parent / "data" / "schema_0001.sqlite3"
_BALANCES = (
    "SELECT lot_id, item_id, depot_id, on_hand, reserved FROM lot_balances ORDER BY lot_id",
    "SELECT item_id, depot_id, on_hand, reserved, in_transit_in FROM stock_balances "
    "ORDER BY item_id, depot_id",
    "SELECT id, doc_no, state FROM documents ORDER BY id",
    "SELECT id, lot_id, delta FROM movements ORDER BY id",
)


def _snapshot(path: Path) -> list[list[tuple]]:
    with sqlite3.connect(path) as raw:
        rows = [raw.execute(query).fetchall() for query in _BALANCES]
    raw.close()
    return rows


def test_a_0001_database_upgrades_with_balances_and_reservations_intact(tmp_path: Path) -> None:
    """A database written by schema 0001 (postings, a reversal, transfers, and pending,
    approved and rejected write-offs) upgrades to head: every balance is as it was, each
    write-off line owns its reservation, reversals are linked, and work goes on."""
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(_FIXTURE_0001, path)
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
    raw.close()
    before = _snapshot(path)
    uow = open_database(sqlite_url(path))
    try:
        with uow.engine.connect() as conn:
            assert current_revision(conn) == head_revision()
        assert _snapshot(path) == before
        report = verify(uow)
        assert report.ok, report.problems
        with sqlite3.connect(path) as raw:
            owned = raw.execute(
                "SELECT d.state, r.line_no, r.quantity, r.consumed, r.released, "
                "r.lot_id = l.lot_id FROM reservations r "
                "JOIN documents d ON d.id = r.document_id "
                "JOIN document_lines l ON l.document_id = r.document_id "
                "AND l.line_no = r.line_no ORDER BY r.document_id, r.line_no"
            ).fetchall()
            links = raw.execute(
                "SELECT p.doc_no, c.doc_no, k.role FROM document_links k "
                "JOIN documents p ON p.id = k.parent_id JOIN documents c ON c.id = k.child_id"
            ).fetchall()
        raw.close()
        assert owned == [
            ("PENDING_APPROVAL", 1, 3000, 0, 0, 1),
            ("PENDING_APPROVAL", 2, 2000, 0, 0, 1),
            ("POSTED", 1, 1000, 1000, 0, 1),
            ("REJECTED", 1, 4000, 0, 4000, 1),
        ]
        assert [(p[:2], c[:2], role) for p, c, role in links] == [("CK", "CX", "reversal")]
        # Storage lives stored as 365-day years become calendar years (0009).
        with sqlite3.connect(path) as raw:
            lives = raw.execute(
                "SELECT code, shelf_life_months, shelf_life_days FROM items ORDER BY code"
            ).fetchall()
            short_names = raw.execute("SELECT DISTINCT short_name FROM depots").fetchall()
        raw.close()
        assert lives == [("050101", 96, None), ("050104", 60, None), ("140201", 12, None)]
        assert short_names == [("",)]
        # The pending write-off is decided on the new kernel: its reservations are consumed.
        approver = auth.authenticate(uow, "appr", PASSWORD)
        (pending,) = uow.read(
            lambda conn: (
                conn.execute(text("SELECT doc_no FROM documents WHERE state = 'PENDING_APPROVAL'"))
                .scalars()
                .all()
            )
        )
        done = writeoffs.decide_scrap(
            uow, approver, doc_no=pending, approve=True, request_id="after-upgrade"
        )
        assert done.state == "POSTED" and len(done.movement_ids) == 2
        report = verify(uow)
        assert report.ok, report.problems
    finally:
        uow.engine.dispose()
