"""Backups: checked after writing, rotated to exact numbers, refused when altered or broken."""

from __future__ import annotations

import hashlib
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import time
import uuid
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from inventory_app.domain.errors import BackupSqliteOnly, BadFile
from inventory_app.domain.model import ReceiptLine
from inventory_app.messages import error_message
from inventory_app.persistence.engine import sqlite_url
from inventory_app.services import auto_backup, backup_files, receipts
from inventory_app.services.backup import backup, check_backup_file, restore
from inventory_app.services.database import open_database
from inventory_app.services.verify import verify
from tests.factories import PASSWORD, World

# What a user must never read: snake_case codes, SQLAlchemy's error codes, class names.
_INTERNAL = re.compile(
    r"[a-z]+_[a-z_]+|\b(?=[0-9a-z]*\d)(?=[0-9a-z]*[a-z])[0-9a-z]{4}\b|Error\b|Exception|sqlalche"
)


def receive(world: World, item: str, depot: str, qty: str) -> None:
    line = ReceiptLine(item_code=item, quantity=Decimal(qty), batch_no=f"B{uuid.uuid4().hex[:6]}")
    receipts.receive(
        world.uow, world.admin, depot=depot, lines=[line], request_id=str(uuid.uuid4())
    )


def _rows(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


def _db_path(world: World) -> Path:
    return Path(str(world.uow.engine.url.database))


def test_a_backup_is_checked_and_carries_its_checksum(world: World, tmp_path: Path) -> None:
    receive(world, "050101", "A", "5")
    written = backup(world.uow, world.admin, tmp_path / "b" / "copy.sqlite3")
    manifest = backup_files.read_manifest(written)
    assert manifest is not None
    assert manifest.sha256 == hashlib.sha256(written.read_bytes()).hexdigest()
    assert manifest.size == written.stat().st_size
    report = verify(world.uow)
    assert (manifest.movements, manifest.documents) == (report.movements, report.documents)
    assert sorted(p.name for p in written.parent.iterdir()) == [
        "copy.sqlite3",
        "copy.sqlite3.json",
    ]
    # One self-contained file in rollback-journal mode: opens read-only anywhere.
    with sqlite3.connect(written.resolve().as_uri() + "?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    conn.close()
    assert check_backup_file(written).movements == report.movements


def _corruptions(original: bytes, seed: int) -> list[tuple[str, bytes]]:
    rng = random.Random(seed)
    flips = []
    for n in range(30):
        data = bytearray(original)
        bit = rng.randrange(len(data) * 8)
        data[bit // 8] ^= 1 << (bit % 8)
        flips.append((f"bit flip {n} at byte {bit // 8}", bytes(data)))
    return [
        ("truncated to half", original[: len(original) // 2]),
        ("truncated by one page", original[:-4096]),
        ("empty", b""),
        ("random bytes", rng.randbytes(4096)),
        ("page overwritten", original[:8192] + b"\0" * 4096 + original[12288:]),
        *flips,
    ]


def test_altered_or_broken_backups_are_refused_and_the_database_kept(
    world: World, tmp_path: Path
) -> None:
    receive(world, "050101", "A", "5")
    good = backup(world.uow, world.admin, tmp_path / "good.sqlite3")
    original = good.read_bytes()
    manifest = backup_files.manifest_path(good).read_text(encoding="utf-8")
    receive(world, "050101", "A", "7")  # the current database differs from the backup
    current = _db_path(world)
    before = _rows(current)
    refused = 0
    for label, content in _corruptions(original, seed=8):
        bad = tmp_path / "bad.sqlite3"
        bad.write_bytes(content)
        backup_files.manifest_path(bad).write_text(manifest, encoding="utf-8")
        with pytest.raises(BadFile) as excinfo:
            restore(world.uow, world.admin, bad)
        refused += 1
        for lang in ("zh", "en"):
            text = error_message(excinfo.value, lang)
            assert "\n" not in text and not _INTERNAL.search(text.replace(str(bad), "")), (
                label,
                text,
            )
        assert _rows(current) == before, label
    assert refused == 35
    assert not list(current.parent.glob("*.before-restore-*"))  # nothing was even set aside


def test_checks_after_the_checksum_catch_what_a_recomputed_checksum_hides(
    world: World, tmp_path: Path
) -> None:
    """Someone rewrote the checksum after damaging the file: integrity and verify refuse."""
    receive(world, "050101", "A", "5")
    good = backup(world.uow, world.admin, tmp_path / "good.sqlite3")
    with sqlite3.connect(good) as conn:
        conn.execute("UPDATE lot_balances SET on_hand = on_hand + 1000")
    conn.close()
    manifest = backup_files.read_manifest(good)
    assert manifest is not None
    backup_files.write_manifest(
        good, manifest.__class__(**{**manifest.__dict__, "sha256": backup_files.file_sha256(good)})
    )
    with pytest.raises(BadFile) as excinfo:
        check_backup_file(good)
    assert excinfo.value.params["reason"] == "verify_failed"
    half = tmp_path / "half.sqlite3"
    half.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    backup_files.write_manifest(
        half, manifest.__class__(**{**manifest.__dict__, "sha256": backup_files.file_sha256(half)})
    )
    with pytest.raises(BadFile) as excinfo:
        check_backup_file(half)
    assert excinfo.value.params["reason"] in {"integrity_failed", "not_a_database", "unreadable"}


def test_a_backup_without_checksum_needs_to_be_accepted_explicitly(
    world: World, tmp_path: Path
) -> None:
    receive(world, "050101", "A", "5")
    good = backup(world.uow, world.admin, tmp_path / "old-style.sqlite3")
    backup_files.manifest_path(good).unlink()
    receive(world, "050101", "A", "7")
    with pytest.raises(BadFile) as excinfo:
        restore(world.uow, world.admin, good)
    assert excinfo.value.params["reason"] == "no_checksum"
    assert "--without-checksum" in error_message(excinfo.value, "zh")
    kept = restore(world.uow, world.admin, good, require_checksum=False)
    assert kept.exists()
    assert verify(world.uow).movements == 1


def test_restore_keeps_the_current_database_beside(world: World, tmp_path: Path) -> None:
    receive(world, "050101", "A", "5")
    good = backup(world.uow, world.admin, tmp_path / "good.sqlite3")
    receive(world, "050101", "A", "7")
    before = _rows(_db_path(world))
    kept = restore(world.uow, world.admin, good)
    assert kept.parent == _db_path(world).parent
    assert _rows(kept) == before  # the database as it was before the restore
    assert verify(world.uow).movements == 1


def test_postgres_is_not_backed_up_here(world: World, tmp_path: Path) -> None:
    memory = open_database("sqlite://", create=True)
    with pytest.raises(BackupSqliteOnly) as excinfo:
        backup(memory, None, tmp_path / "x.sqlite3")
    assert "pg_dump" in error_message(excinfo.value, "zh")


# -- rotation ------------------------------------------------------------------------------


def _touch_auto(folder: Path, stamp: datetime) -> Path:
    path = folder / f"{backup_files.AUTO_PREFIX}{stamp:%Y%m%d-%H%M%S}.sqlite3"
    path.write_bytes(b"x")
    backup_files.manifest_path(path).write_text("{}", encoding="utf-8")
    return path


def test_rotation_keeps_exactly_n_daily_and_m_monthly(tmp_path: Path) -> None:
    # Three backups a day (09:00, 13:00, 18:00) from 2025-01-01 to 2026-03-15: 439 days.
    start, end = datetime(2025, 1, 1), datetime(2026, 3, 15)
    day = start
    while day <= end:
        for hour in (9, 13, 18):
            _touch_auto(tmp_path, day.replace(hour=hour))
        day += timedelta(days=1)
    manual = tmp_path / "inventory-20250101-0900.sqlite3"  # made by hand: never rotated
    manual.write_bytes(b"m")
    removed = backup_files.rotate(tmp_path, keep_daily=7, keep_monthly=12)
    kept = sorted(p.name for p in tmp_path.glob(f"{backup_files.AUTO_PREFIX}*.sqlite3"))
    daily = [f"inventory-auto-202603{d:02d}-180000.sqlite3" for d in range(9, 16)]
    # The newest of each of the last 12 months: 2025-04 … 2026-03 (2026-03 is the 15th).
    monthly = [
        f"inventory-auto-{y}{m:02d}{d:02d}-180000.sqlite3"
        for y, m, d in [
            (2025, 4, 30),
            (2025, 5, 31),
            (2025, 6, 30),
            (2025, 7, 31),
            (2025, 8, 31),
            (2025, 9, 30),
            (2025, 10, 31),
            (2025, 11, 30),
            (2025, 12, 31),
            (2026, 1, 31),
            (2026, 2, 28),
        ]
    ]
    assert kept == sorted(monthly + daily)  # 11 + 7: March's newest is also a daily one
    assert len(kept) == 18
    assert len(removed) == 439 * 3 - 18
    assert manual.exists()
    assert {p.name for p in tmp_path.glob("*.json")} == {f"{name}.json" for name in kept}
    # Rotating again changes nothing.
    assert backup_files.rotate(tmp_path, keep_daily=7, keep_monthly=12) == []


@pytest.mark.parametrize(("daily", "monthly", "expected"), [(0, 0, 1), (1, 0, 1), (3, 2, 4)])
def test_rotation_limits_and_the_newest_always_stays(
    tmp_path: Path, daily: int, monthly: int, expected: int
) -> None:
    for n in range(40):  # one a day, 2026-01-01 … 2026-02-09
        _touch_auto(tmp_path, datetime(2026, 1, 1, 12) + timedelta(days=n))
    backup_files.rotate(tmp_path, keep_daily=daily, keep_monthly=monthly)
    kept = sorted(tmp_path.glob("*.sqlite3"))
    assert len(kept) == expected
    assert kept[-1].name == "inventory-auto-20260209-120000.sqlite3"


def test_automatic_backup_is_due_daily_and_stale_after_two_days(
    world: World, tmp_path: Path
) -> None:
    folder = tmp_path / "auto"
    assert auto_backup.is_due(folder) and auto_backup.is_stale(folder)
    written = auto_backup.run(world.uow, auto_backup.Policy(folder, 2, 1))
    assert written.name.startswith(backup_files.AUTO_PREFIX)
    taken = auto_backup.newest(folder)
    assert taken is not None
    assert not auto_backup.is_due(folder, taken + timedelta(hours=23))
    assert auto_backup.is_due(folder, taken + timedelta(hours=24))
    assert not auto_backup.is_stale(folder, taken + timedelta(hours=47))
    assert auto_backup.is_stale(folder, taken + timedelta(days=2))
    (entry,) = backup_files.list_backups(folder)
    assert entry.automatic and entry.movements == 0 and entry.size == written.stat().st_size


def test_an_automatic_backup_restores(world: World, tmp_path: Path) -> None:
    receive(world, "050101", "A", "5")
    folder = tmp_path / "auto"
    written = auto_backup.run(world.uow, auto_backup.Policy(folder, 7, 12))
    receive(world, "050101", "A", "7")
    restore(world.uow, world.admin, folder)  # a folder: its newest backup
    assert verify(world.uow).movements == 1
    assert written.exists()


_POSTER = """
import sys, uuid
from decimal import Decimal
from pathlib import Path
from inventory_app.domain.model import ReceiptLine
from inventory_app.persistence.engine import sqlite_url
from inventory_app.services import auth, receipts
from inventory_app.services.database import open_database

db, stop, password = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
uow = open_database(sqlite_url(db))
admin = auth.authenticate(uow, "admin", password)
posted = 0
while not stop.exists() and posted < 2000:
    lines = [
        ReceiptLine(item_code=code, quantity=Decimal("1.5") if code == "140201" else Decimal(2),
                    batch_no=f"C{posted}-{code}")
        for code in ("050101", "050104", "140201")
    ]
    receipts.receive(uow, admin, depot="A", lines=lines, request_id=str(uuid.uuid4()))
    posted += 1
    Path(str(stop) + ".count").write_text(str(posted))
uow.engine.dispose()
"""


@pytest.mark.slow
def test_a_backup_taken_while_another_process_posts_restores_consistent(
    world: World, tmp_path: Path
) -> None:
    root = Path(__file__).resolve().parents[2]
    db = _db_path(world)
    stop = tmp_path / "stop"
    counter = Path(str(stop) + ".count")
    poster = subprocess.Popen(
        [sys.executable, "-c", _POSTER, str(db), str(stop), PASSWORD],
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    written = []
    try:
        for n in range(3):
            deadline = time.monotonic() + 120
            # Each backup while the writer is under way (it has posted at least 5 more).
            while int(counter.read_text() or 0 if counter.exists() else 0) < 5 * (n + 1):
                assert poster.poll() is None and time.monotonic() < deadline
                time.sleep(0.05)
            written.append(backup(world.uow, world.admin, tmp_path / f"during-{n}.sqlite3"))
    finally:
        stop.write_text("stop")
        assert poster.wait(timeout=120) == 0
    total = verify(world.uow).movements
    counts = []
    for path in written:
        manifest = backup_files.read_manifest(path)
        assert manifest is not None
        target = tmp_path / f"restored-{path.stem}.sqlite3"
        shutil.copyfile(db, target)  # a database to restore over (the writer's final state)
        other = open_database(sqlite_url(target))
        try:
            restore(other, world.admin, path)
            report = verify(other)
        finally:
            other.engine.dispose()
        assert report.ok, report.problems
        # Whole receipts only (three lines each), and what the manifest counted.
        assert report.movements % 3 == 0 and report.movements == manifest.movements
        counts.append(report.movements)
    assert counts == sorted(counts) and counts[0] >= 15 and counts[-1] <= total
