"""Typed dates: the common forms are read, anything else is refused rather than guessed."""

from __future__ import annotations

from datetime import date

import pytest

from inventory_app.domain.dates import parse_day

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    "text",
    [
        "2026-10-15",
        "2026/10/15",
        "2026.10.15",
        "20261015",
        "2026年10月15日",
        " 2026-10-15 ",
        "10-15",
        "10/15",
        "10月15日",
    ],
)
def test_common_forms(text: str) -> None:
    assert parse_day(text, TODAY) == date(2026, 10, 15)


@pytest.mark.parametrize("text", ["", "2026-02-30", "15-10-2026", "abc", "2026-13-01", "1015"])
def test_not_a_date(text: str) -> None:
    assert parse_day(text, TODAY) is None
