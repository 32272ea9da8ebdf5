"""轮换 rules: storage lives by grain kind, the four-month window, and the yearly proposal.

Government grain reserves rotate (轮出 → 轮入) before their storage life ends; the gap
between taking a lot out and bringing the same quantity and grade back in (轮换架空期) may
not exceed four months. Tents, bedding and clothing get the same 更新轮换 proposal before
their storage life ends, which feeds the next year's purchase plan.
"""

from __future__ import annotations

import calendar
from datetime import date

WINDOW_MONTHS = 4  # 轮换架空期 at most four months


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day when it is shorter)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def window_due(opened: date) -> date:
    return add_months(opened, WINDOW_MONTHS)


def window_status(due: date, closed: date | None, today: date) -> str:
    """ "closed", "overdue" (the 4 months passed with stock still missing) or "open"."""
    if closed is not None:
        return "closed"
    return "overdue" if today > due else "open"


def rotate_in_year(expiry: date | None, year: int) -> bool:
    """A lot is proposed for rotation in `year` when its storage life ends by that year's end."""
    return expiry is not None and expiry <= date(year, 12, 31)
