"""轮换 rules: four-month windows, month arithmetic, the yearly proposal."""

from __future__ import annotations

from datetime import date

from inventory_app.domain.rotation import add_months, rotate_in_year, window_due, window_status


def test_windows_last_four_months() -> None:
    assert window_due(date(2026, 6, 1)) == date(2026, 10, 1)
    assert window_due(date(2026, 10, 31)) == date(2027, 2, 28)  # the month's last day
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)


def test_window_status() -> None:
    due = date(2026, 10, 1)
    assert window_status(due, None, date(2026, 10, 1)) == "open"
    assert window_status(due, None, date(2026, 10, 2)) == "overdue"
    assert window_status(due, date(2026, 9, 1), date(2027, 1, 1)) == "closed"


def test_a_lot_is_proposed_in_the_year_its_storage_life_ends() -> None:
    assert rotate_in_year(date(2027, 7, 15), 2027)
    assert not rotate_in_year(date(2028, 1, 1), 2027)
    assert not rotate_in_year(None, 2027)
