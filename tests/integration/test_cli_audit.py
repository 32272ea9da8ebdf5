"""Stocktakes from the command line: open, sheets, export, import (tampered first), approve."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from inventory_app.cli import EXIT_ERROR, EXIT_OK, main
from inventory_app.domain.model import Role
from inventory_app.persistence.engine import sqlite_url
from inventory_app.services import auth
from inventory_app.services.database import open_database
from inventory_app.services.verify import verify
from tests.factories import PASSWORD, build_world
from tests.integration.workbook_support import add_found, fill


@pytest.fixture
def cli_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cli.sqlite3"
    uow = open_database(sqlite_url(path), create=True)
    world = build_world(uow)
    auth.create_user(uow, world.admin, username="audit", password=PASSWORD, role=Role.AUDITOR)
    uow.engine.dispose()
    monkeypatch.setenv("INVENTORY_PASSWORD", PASSWORD)
    return path


def run(db: Path, user: str, *args: str) -> int:
    return main(["--db", str(db), "--user", user, *args])


def test_audit_round_trip_from_the_command_line(
    cli_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for item, qty, batch in (("050101", "10", "T-1"), ("050104", "40", "Q-1")):
        assert (
            run(
                cli_db,
                "ka",
                "receive",
                "--depot",
                "A",
                "--item",
                item,
                "--qty",
                qty,
                "--batch",
                batch,
                "--location",
                "A-01",
            )
            == EXIT_OK
        )
    capsys.readouterr()
    assert run(cli_db, "audit", "audit", "open", "--depot", "A", "--blind", "--json") == EXIT_OK
    doc_no = json.loads(capsys.readouterr().out)["doc_no"]
    sheets, cards = tmp_path / "sheets.pdf", tmp_path / "cards.pdf"
    assert run(cli_db, "audit", "audit", "sheets", doc_no, "--out", str(sheets)) == EXIT_OK
    assert run(cli_db, "audit", "bincards", "--depot", "A", "--out", str(cards)) == EXIT_OK
    assert sheets.read_bytes().startswith(b"%PDF") and cards.read_bytes().startswith(b"%PDF")
    book = tmp_path / "count.xlsx"
    assert run(cli_db, "audit", "audit", "export", doc_no, "--out", str(book)) == EXIT_OK
    wb = openpyxl.load_workbook(book)
    sheet = wb["盘点表"]
    fill(sheet, {1: (9, "破损"), 2: 40}, default_from_book=False)
    add_found(sheet, "050104", 2, "其他", batch="Q-9", location="A-01")
    good = tmp_path / "filled.xlsx"
    wb.save(good)
    sheet.cell(2, 4).value = "050104"
    tampered = tmp_path / "tampered.xlsx"
    wb.save(tampered)
    capsys.readouterr()
    assert run(cli_db, "audit", "audit", "import", str(tampered)) == EXIT_ERROR
    assert "第 2 行“物资编码”" in capsys.readouterr().err
    assert run(cli_db, "audit", "audit", "import", str(good), "--dry-run", "--json") == EXIT_OK
    preview = json.loads(capsys.readouterr().out)
    assert preview["applied"] is False and len(preview["changed"]) == 1
    assert run(cli_db, "audit", "audit", "import", str(good)) == EXIT_OK
    assert "已导入并提交" in capsys.readouterr().out
    assert run(cli_db, "audit", "audit", "approve", doc_no) == EXIT_ERROR  # the counter
    assert run(cli_db, "appr", "audit", "approve", doc_no) == EXIT_OK
    pdf = tmp_path / "盘点单.pdf"
    assert run(cli_db, "appr", "audit", "print", doc_no, "--out", str(pdf)) == EXIT_OK
    assert run(cli_db, "appr", "audit", "show", doc_no, "--json") == EXIT_OK
    capsys.readouterr()
    assert run(cli_db, "ka", "stock", "--by", "lot", "--json") == EXIT_OK
    lots = {
        (r["item_code"], r["batch_no"]): r["on_hand"] for r in json.loads(capsys.readouterr().out)
    }
    assert lots[("050101", "T-1")] == "9"
    assert lots[("050104", "Q-9")] == "2"
    uow = open_database(sqlite_url(cli_db))
    try:
        assert verify(uow).ok
    finally:
        uow.engine.dispose()
