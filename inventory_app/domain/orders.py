"""Requests and allocation orders: their lines, relief norms, and the emergency deadline."""

from __future__ import annotations

import calendar
import enum
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_CEILING, Decimal

# Emergency branch: an order approved by phone must have its written approval within 48 h.
PAPERWORK_HOURS = 48


@dataclass(frozen=True)
class RequestLine:
    """What an affected area asks for."""

    item_code: str
    quantity: Decimal


@dataclass(frozen=True)
class OrderLine:
    """One line of an allocation order: an item from a source depot (lots picked FEFO at
    approval unless one is named), or from an agreement reserve (协议储备: the enterprise
    delivers; then `depot_code` may be empty)."""

    item_code: str
    quantity: Decimal
    depot_code: str
    lot_id: int | None = None
    agreement_no: str | None = None


@dataclass(frozen=True)
class ShipLine:
    """How much of an order line leaves on this 出库单."""

    line_no: int
    quantity: Decimal


@dataclass(frozen=True)
class ReceivedLine:
    """What arrived of one order line (签收回执); less than shipped needs a reason."""

    line_no: int
    quantity: Decimal
    reason: str = ""


class Condition(enum.StrEnum):
    """State of goods coming back after use (回收单)."""

    GOOD = "good"  # 完好: back into stock
    CLEANED = "cleaned"  # 清洗消毒: cleaned and disinfected, back into stock
    REPAIR = "repair"  # 维修: to repair, not usable stock until repaired and received
    SCRAP = "scrap"  # 报废: beyond use, recorded, never back into stock

    @property
    def restocks(self) -> bool:
        return self in (Condition.GOOD, Condition.CLEANED)


@dataclass(frozen=True)
class ReturnLine:
    """Goods of one order line coming back, in one condition."""

    line_no: int
    quantity: Decimal
    condition: Condition = Condition.GOOD
    note: str = ""


def parse_return_rules(text: str) -> dict[str, int]:
    """ "050101:12,050102:6" → {"050101": 12, "050102": 6}: items that must come back if
    used for less than N months (棉帐篷 12, 单帐篷 6). Malformed parts are ignored."""
    rules: dict[str, int] = {}
    for part in text.replace("，", ",").split(","):
        code, _, months = part.strip().partition(":")
        if code and months.strip().isdigit() and int(months) > 0:
            rules[code.strip()] = int(months)
    return rules


def must_return_until(shipped_on: date, months: int) -> date:
    """The last day on which goods shipped on `shipped_on` still count as outstanding."""
    month = shipped_on.month - 1 + months
    year, month = shipped_on.year + month // 12, month % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(shipped_on.day, last))


@dataclass(frozen=True)
class NormItem:
    """An item's relief norm: per person, per tent, or as the tent itself (persons per unit)."""

    code: str
    decimals: int
    per_person: Decimal | None = None
    per_tent: Decimal | None = None
    persons_per_unit: Decimal | None = None


def _up(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_CEILING)


def norm_lines(
    persons: int, tent: NormItem | None, others: Sequence[NormItem]
) -> list[RequestLine]:
    """Lines for sheltering `persons`: tents = ⌈persons ÷ persons per tent⌉, per-person items
    ⌈persons × norm⌉, per-tent items ⌈tents × norm⌉ (rounded up to each item's decimals).

    Example: 300 persons, cotton tents for 4 → 75 tents, 300 coats, 75 quilts.
    """
    if persons <= 0:
        return []
    lines: list[RequestLine] = []
    tents = Decimal(0)
    if tent is not None and tent.persons_per_unit:
        tents = Decimal(math.ceil(Decimal(persons) / tent.persons_per_unit))
        lines.append(RequestLine(tent.code, tents))
    for item in others:
        if item.per_person:
            qty = _up(Decimal(persons) * item.per_person, item.decimals)
        elif item.per_tent and tents:
            qty = _up(tents * item.per_tent, item.decimals)
        else:
            continue
        if qty > 0:
            lines.append(RequestLine(item.code, qty))
    return lines


class PaperworkStatus(enum.StrEnum):
    NOT_NEEDED = "not_needed"  # approved in writing, or not an emergency order
    OPEN = "open"  # approved by phone, written approval still due
    OVERDUE = "overdue"  # past the 48 h
    DONE = "done"


def paperwork_due(oral_approved_at: datetime) -> datetime:
    return oral_approved_at + timedelta(hours=PAPERWORK_HOURS)


def paperwork_status(
    due_at: datetime | None, done_at: datetime | None, now: datetime
) -> PaperworkStatus:
    if due_at is None:
        return PaperworkStatus.NOT_NEEDED
    if done_at is not None:
        return PaperworkStatus.DONE
    return PaperworkStatus.OVERDUE if now > due_at else PaperworkStatus.OPEN
