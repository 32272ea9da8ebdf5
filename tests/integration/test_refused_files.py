"""A file named with --db is never changed by a command that refuses it (issue 8)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from inventory_app.cli import EXIT_ERROR, main
from inventory_app.domain.errors import BadFile, DatabaseMissing
from inventory_app.persistence.engine import sqlite_url
from inventory_app.services.database import open_database

CONTENTS = {
    "empty": b"",
    "random": os.urandom(4096),
    "text": "库存台账 2026\n物资,数量\n帐篷,100\n".encode() * 50,
    "sqlite_header_then_junk": b"SQLite format 3\x00" + os.urandom(4080),
}


@pytest.fixture(params=sorted(CONTENTS))
def named_file(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, bytes]:
    path = tmp_path / "named.sqlite3"
    content = CONTENTS[request.param]
    path.write_bytes(content)
    return path, content


def test_opening_refuses_and_leaves_every_byte(named_file: tuple[Path, bytes]) -> None:
    path, content = named_file
    with pytest.raises((BadFile, DatabaseMissing)):
        open_database(sqlite_url(path))
    assert path.read_bytes() == content


@pytest.mark.parametrize(
    "command", [("stock",), ("verify",), ("ledger",), ("backup", "copy.sqlite3")]
)
def test_cli_commands_refuse_and_leave_every_byte(
    named_file: tuple[Path, bytes],
    command: tuple[str, ...],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, content = named_file
    monkeypatch.setenv("INVENTORY_PASSWORD", "whatever-pass")
    assert main(["--db", str(path), "--user", "admin", *command]) == EXIT_ERROR
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert path.read_bytes() == content


def test_init_refuses_a_file_that_is_not_a_database_and_leaves_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("random", "text", "sqlite_header_then_junk"):
        path = tmp_path / f"{name}.sqlite3"
        path.write_bytes(CONTENTS[name])
        monkeypatch.setenv("INVENTORY_PASSWORD", "strong-pass-1")
        assert main(["--db", str(path), "init", "--admin-user", "boss"]) == EXIT_ERROR
        assert "不是数据库文件" in capsys.readouterr().err
        assert path.read_bytes() == CONTENTS[name]
