"""Quantities typed on the command line: plain decimal notation only (issue 8)."""

from __future__ import annotations

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
