"""Dates as keepers type them: 2026-10-15, 2026/10/15, 2026.10.15, 20261015, 2026年10月15日,
or 10-15 / 10/15 for this year."""

from __future__ import annotations

import re
from datetime import date

_FULL = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_SHORT = re.compile(r"(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


def parse_day(text: str, today: date) -> date | None:
    """The day meant by `text`, or None when it is not a date (never a guess)."""
    value = text.strip()
    for pattern, year in ((_FULL, None), (_COMPACT, None), (_SHORT, today.year)):
        found = pattern.fullmatch(value)
        if found:
            parts = [int(p) for p in found.groups()]
            y, m, d = (year, *parts) if year is not None else parts
            try:
                return date(y, m, d)
            except ValueError:
                return None
    return None
