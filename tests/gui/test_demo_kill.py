"""`init --demo` killed (SIGKILL) at several moments never leaves a half-loaded demo that
opens; the next `init --demo` succeeds and the GUI's start path opens it (issue 8)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from inventory_app.cli import EXIT_OK, main
from inventory_app.domain.errors import DatabaseIncomplete, DatabaseMissing
from inventory_app.messages import error_message
from inventory_app.persistence.engine import sqlite_url
from inventory_app.services import auth, building, database, verify
from inventory_app.ui import startup
from inventory_app.ui.tasks import TaskRunner
from tests.gui.test_shell import tasks

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL"),
]
ROOT = Path(__file__).resolve().parents[2]
__all__ = ["tasks"]  # the fixture, imported for pytest

# (progress line to wait for on stderr, or "" for "right after start"; seconds after it)
KILL_POINTS = [
    ("", 0.9),
    ("载入参考数据", 0.5),
    ("个批次的入库", 1.0),
    ("生成两年出入库流水", 2.0),
]


def _kill_init_demo(db: Path, after: str, delay: float) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "inventory_app", "--db", str(db), "init", "--demo"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        if after:
            assert proc.stderr is not None
            for line in proc.stderr:
                if after in line:
                    break
            else:
                raise AssertionError(f"the demo load never said {after!r}")
        time.sleep(delay)
        assert proc.poll() is None, "the demo load finished before the kill"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()


def test_killed_demo_loads_leave_nothing_that_opens_and_the_next_load_works(
    tmp_path: Path, tasks: TaskRunner, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "demo.sqlite3"
    for after, delay in KILL_POINTS:
        _kill_init_demo(db, after, delay)
        assert not db.exists(), f"killed at {after or 'start'}+{delay}s: a half-made file"
        with pytest.raises(DatabaseMissing):
            database.open_database(sqlite_url(db))
    assert main(["--db", str(db), "init", "--demo"]) == EXIT_OK
    assert "演示数据已载入" in capsys.readouterr().out
    assert not db.with_name(db.name + building.BUILDING_SUFFIX).exists()

    opened = startup.open_startup_database(tasks, db=str(db))
    assert opened is not None
    try:
        admin = auth.authenticate(opened.uow, "admin", "demo1234")
        report = verify.verify(opened.uow, admin)
        assert report.ok and report.movements == 2856  # the whole demo, not a part
    finally:
        database.close(opened.uow)


def test_a_database_filled_in_place_and_killed_is_refused_with_a_clear_message(
    tmp_path: Path, tasks: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL (and an existing SQLite file) are filled in place: a kill leaves them
    marked incomplete, and they are refused, also by the GUI's start path."""
    db = tmp_path / "in-place.sqlite3"
    uow = database.open_database(sqlite_url(db), create=True)
    building.mark_incomplete(uow, "demo")  # what a kill during fill_in_place leaves
    database.close(uow)
    with pytest.raises(DatabaseIncomplete) as refused:
        database.open_database(sqlite_url(db))
    assert "未创建完成" in error_message(refused.value)
    assert main(["--db", str(db), "init", "--demo"]) != EXIT_OK  # refused, not half-reloaded
    asked: list[str] = []

    def ask(_title: str, text: str, _detail: str, _choices: object) -> str:
        asked.append(text)
        return "quit"

    monkeypatch.setattr(startup, "_ask", ask)
    assert startup.open_startup_database(tasks, db=str(db)) is None
    assert asked and "未创建完成" in asked[0]
