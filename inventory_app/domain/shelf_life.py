"""Storage life (储存年限) as keepers state it: in years, months or days, on the calendar.

"8 年" from 2026-10-15 expires on 2034-10-15, not 2,920 days later (2034-10-13). A span is
kept as entered: whole months (a year is 12) or, for the rare goods labelled in days, days.
Adding months keeps the day of the month; a day the target month lacks falls back to the
month's last day (2024-02-29 + 1 年 = 2025-02-28; 2026-01-31 + 1 个月 = 2026-02-28).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

MAX_MONTHS = 50 * 12
MAX_DAYS = 50 * 366


def add_months(day: date, months: int) -> date:
    """`day` moved by whole calendar months, clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


@dataclass(frozen=True)
class ShelfLife:
    """Exactly one of `months` (years are 12 months) and `days` is set."""

    months: int | None = None
    days: int | None = None

    def __post_init__(self) -> None:
        if (self.months is None) == (self.days is None):
            raise ValueError("a storage life is either months or days")
        value = self.months if self.months is not None else self.days
        limit = MAX_MONTHS if self.months is not None else MAX_DAYS
        if value is None or not 0 < value <= limit:
            raise ValueError(f"storage life out of range: {value}")

    @classmethod
    def of(cls, months: int | None, days: int | None) -> ShelfLife | None:
        """From the item's two columns; None when no storage life is set."""
        if months:
            return cls(months=months)
        if days:
            return cls(days=days)
        return None

    @property
    def years(self) -> int | None:
        """Whole years, when the span is stated in years."""
        if self.months is not None and self.months % 12 == 0:
            return self.months // 12
        return None

    def expiry(self, production: date) -> date:
        if self.months is not None:
            return add_months(production, self.months)
        return production + timedelta(days=self.days or 0)

    def chinese(self) -> str:
        """As printed on Chinese documents: 8年, 18个月, 90天."""
        if self.years is not None:
            return f"{self.years}年"
        if self.months is not None:
            return f"{self.months}个月"
        return f"{self.days}天"

    def sort_key(self) -> int:
        """Approximate length in days, for ordering a catalogue column."""
        return self.months * 3044 // 100 if self.months is not None else self.days or 0
