"""The allocation flow from the command line: request, order, approval, shipping, listing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inventory_app.cli import EXIT_ERROR, EXIT_OK, main
from inventory_app.persistence.engine import sqlite_url
from inventory_app.services.database import open_database
from tests.factories import PASSWORD, build_world


@pytest.fixture
def cli_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cli.sqlite3"
    uow = open_database(sqlite_url(path), create=True)
    build_world(uow)
    uow.engine.dispose()
    monkeypatch.setenv("INVENTORY_PASSWORD", PASSWORD)
    return path


def run(db: Path, user: str, *args: str) -> int:
    return main(["--db", str(db), "--user", user, *args])


def _json(capsys: pytest.CaptureFixture[str]) -> object:
    return json.loads(capsys.readouterr().out)


def test_request_order_approve_ship_from_the_command_line(
    cli_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(cli_db, "ka", "receive", "--depot", "A", "--item", "050101", "--qty", "20") == 0
    assert run(cli_db, "ka", "receive", "--depot", "A", "--item", "050104", "--qty", "20") == 0
    capsys.readouterr()
    assert run(cli_db, "kb", "request", "lines", "--persons", "30", "--json") == EXIT_OK
    assert _json(capsys) == [
        {"item_code": "050101", "quantity": "8"},
        {"item_code": "050104", "quantity": "8"},
    ]
    assert (
        run(
            cli_db,
            "kb",
            "request",
            "file",
            "--depot",
            "B",
            "--unit",
            "海原县应急管理局",
            "--persons",
            "30",
            "--place",
            "海原县海城镇",
            "--json",
        )
        == EXIT_OK
    )
    asked = _json(capsys)["doc_no"]  # type: ignore[index]
    assert (
        run(
            cli_db,
            "kb",
            "order",
            "create",
            "--request",
            asked,
            "--unit",
            "海原县应急管理局",
            "--line",
            "050101:8:A",
            "--line",
            "050104:8:A",
            "--submit",
            "--json",
        )
        == EXIT_OK
    )
    order = _json(capsys)["doc_no"]  # type: ignore[index]
    assert run(cli_db, "kb", "order", "approve", order) == EXIT_ERROR  # a keeper cannot
    assert "无权" in capsys.readouterr().err
    assert run(cli_db, "appr", "order", "approve", order, "--json") == EXIT_OK
    assert _json(capsys)["state"] == "APPROVED"  # type: ignore[index]
    assert (
        run(
            cli_db,
            "ka",
            "ship",
            order,
            "--depot",
            "A",
            "--line",
            "1:3",
            "--plate",
            "宁E·12345",
            "--json",
        )
        == EXIT_OK
    )
    slip = _json(capsys)
    assert slip["doc_no"].startswith("CK-A-") and len(slip["movement_ids"]) == 1  # type: ignore[index]
    assert run(cli_db, "ka", "ship", order, "--depot", "A", "--line", "1:6") == EXIT_ERROR
    assert "还剩 5" in capsys.readouterr().err
    assert run(cli_db, "ka", "ship", order, "--depot", "A") == EXIT_OK
    capsys.readouterr()
    assert run(cli_db, "admin", "order", "show", order, "--json") == EXIT_OK
    view = _json(capsys)
    assert view["order"]["state"] == "SHIPPED"  # type: ignore[index]
    assert [(x["quantity"], x["shipped"]) for x in view["lines"]] == [("8", "8"), ("8", "8")]  # type: ignore[index]
    assert run(cli_db, "admin", "order", "list", "--json") == EXIT_OK
    assert [r["doc_no"] for r in _json(capsys)] == [order]  # type: ignore[union-attr,index]
    assert run(cli_db, "admin", "verify") == EXIT_OK
    capsys.readouterr()
    out = cli_db.parent / "slip.pdf"
    assert run(cli_db, "ka", "print", slip["doc_no"], "--out", str(out)) == EXIT_OK  # type: ignore[index]
    assert out.read_bytes().startswith(b"%PDF")
    for name in ("stock.pdf", "ledger.xlsx"):
        what = name.split(".")[0]
        assert run(cli_db, "admin", "report", what, "--out", str(cli_db.parent / name)) == 0
    assert "ledger.xlsx（5 行）" in capsys.readouterr().out  # 2 receipts, 3 slip lines


def test_emergency_order_by_phone(cli_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(cli_db, "ka", "receive", "--depot", "A", "--item", "050101", "--qty", "5") == 0
    capsys.readouterr()
    assert (
        run(
            cli_db,
            "kb",
            "order",
            "create",
            "--unit",
            "海原县",
            "--line",
            "050101:2:A",
            "--emergency",
            "--submit",
            "--json",
        )
        == EXIT_OK
    )
    order = _json(capsys)["doc_no"]  # type: ignore[index]
    assert run(cli_db, "kb", "order", "phone-approve", order, "--by", "张局长") == EXIT_OK
    capsys.readouterr()
    assert run(cli_db, "kb", "order", "list", "--emergency", "--json") == EXIT_OK
    (row,) = _json(capsys)  # type: ignore[misc]
    assert row["paperwork"] == "open" and row["state"] == "APPROVED"
    assert run(cli_db, "appr", "order", "paperwork", order, "--ref", "中应急〔2026〕12号") == 0
