from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inventory_app.domain.shelf_life import ShelfLife, add_months


def test_years_land_on_the_calendar_anniversary() -> None:
    assert ShelfLife(months=96).expiry(date(2026, 10, 15)) == date(2034, 10, 15)
    assert ShelfLife(months=36).expiry(date(2025, 2, 20)) == date(2028, 2, 20)


def test_a_day_the_target_month_lacks_falls_back_to_its_last_day() -> None:
    assert ShelfLife(months=12).expiry(date(2024, 2, 29)) == date(2025, 2, 28)
    assert ShelfLife(months=48).expiry(date(2024, 2, 29)) == date(2028, 2, 29)
    assert ShelfLife(months=1).expiry(date(2026, 1, 31)) == date(2026, 2, 28)
    assert ShelfLife(months=18).expiry(date(2026, 8, 31)) == date(2028, 2, 29)


def test_days_stay_days() -> None:
    assert ShelfLife(days=90).expiry(date(2026, 1, 1)) == date(2026, 4, 1)


def test_columns_map_to_one_span() -> None:
    assert ShelfLife.of(None, None) is None
    assert ShelfLife.of(96, None) == ShelfLife(months=96)
    assert ShelfLife.of(None, 90) == ShelfLife(days=90)
    assert ShelfLife(months=96).years == 8 and ShelfLife(months=18).years is None
    assert [life.chinese() for life in (ShelfLife(months=96), ShelfLife(months=18))] == [
        "8年",
        "18个月",
    ]


@pytest.mark.parametrize("kwargs", [{}, {"months": 1, "days": 1}, {"months": 0}, {"days": -1}])
def test_a_span_is_months_or_days_and_positive(kwargs: dict[str, int]) -> None:
    with pytest.raises(ValueError):
        ShelfLife(**kwargs)


@given(st.dates(date(1990, 1, 1), date(2080, 12, 31)), st.integers(1, 600))
def test_add_months_keeps_the_day_or_ends_the_month(day: date, months: int) -> None:
    moved = add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    next_day = date.fromordinal(moved.toordinal() + 1)
    assert moved.day == day.day or (moved.day < day.day and next_day.day == 1)
