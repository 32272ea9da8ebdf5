"""Quantities typed on the command line: plain decimal notation only (issue 8)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inventory_app.cli import EXIT_ERROR, EXIT_OK
from tests.integration.test_cli import cli_db, fingerprint, run
from tests.unit.test_quantities import MALFORMED

__all__ = ["cli_db"]  # the fixture, imported for pytest


def receive(db: Path, qty: str, request_id: str, price: str = "") -> int:
    extra = [f"--price={price}"] if price else []
    return run(
        db,
        "receive",
        "--depot",
        "A",
        "--item",
        "050101",
        f"--qty={qty}",  # "=" so that "-" or "--5" is a value, not an option
        "--batch",
        "B1",
        "--location",
        "A-01",
        "--request-id",
        request_id,
        *extra,
    )


def test_cli_refuses_every_malformed_quantity_and_changes_nothing(
    cli_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = fingerprint(cli_db)
    for n, spelling in enumerate(MALFORMED):
        assert receive(cli_db, spelling, f"bad-{n}") == EXIT_ERROR, spelling
        err = capsys.readouterr().err
        assert "不是有效数字" in err and "Traceback" not in err, (spelling, err)
    assert fingerprint(cli_db) == before


def test_cli_refuses_a_malformed_price(cli_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = fingerprint(cli_db)
    for n, spelling in enumerate(["1e3", "1_650", "+1650", "Infinity"]):
        assert receive(cli_db, "1", f"price-{n}", price=spelling) == EXIT_ERROR, spelling
    assert fingerprint(cli_db) == before
    capsys.readouterr()


def test_cli_still_accepts_plain_and_grouped_quantities(cli_db: Path) -> None:
    assert receive(cli_db, "1,000", "ok-1") == EXIT_OK
    assert receive(cli_db, "12", "ok-2") == EXIT_OK


def test_an_imported_lines_file_is_as_strict(
    cli_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--lines` files: quantities and prices as text are parsed strictly; JSON numbers
    with a fraction or an exponent are floats and refused too."""
    before = fingerprint(cli_db)
    spellings: list[object] = [*MALFORMED, 1e3, 2.5]
    for n, spelling in enumerate(spellings):
        for field in ("quantity", "unit_price"):
            line = {"item_code": "050101", "quantity": "1", "batch_no": "B1"}
            line["location_code"] = "A-01"
            line[field] = spelling  # type: ignore[assignment]
            path = tmp_path / f"lines-{n}-{field}.json"
            path.write_text(json.dumps([line]), encoding="utf-8")
            args = ("receive", "--depot", "A", "--lines", str(path), "--request-id", f"f{n}{field}")
            assert run(cli_db, *args) == EXIT_ERROR, (field, spelling)
            assert "Traceback" not in capsys.readouterr().err
    assert fingerprint(cli_db) == before
