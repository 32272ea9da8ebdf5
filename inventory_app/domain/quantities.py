"""Exact quantities and money: Decimal in Python, integer thousandths / fen in storage."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .errors import InvalidMoney, InvalidQuantity

MILLI = 1000
MAX_DECIMALS = 3
# Far above any real stock (10^12 units) yet well inside a signed 64-bit milli column.
MAX_QUANTITY = Decimal(10) ** 12
ZERO = Decimal(0)
# Commas (ASCII or full-width) only group thousands: "1,5" is refused, never read as 15.
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")


def _ungroup(text: str) -> str | None:
    """Drop thousands separators; None when a comma is not a thousands separator."""
    text = text.strip().replace("，", ",")
    if "," not in text:
        return text
    return text.replace(",", "") if _GROUPED.fullmatch(text) else None


def _to_decimal(value: object) -> Decimal:
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int) and not isinstance(value, bool):
        result = Decimal(value)
    elif isinstance(value, str):
        text = _ungroup(value)
        if text is None:
            raise InvalidQuantity(value, "not_a_number")
        try:
            result = Decimal(text)
        except InvalidOperation:
            raise InvalidQuantity(value, "not_a_number") from None
    else:
        # Floats are refused on purpose: 0.1 is not exactly 0.1.
        raise InvalidQuantity(value, "not_a_number")
    if not result.is_finite():
        raise InvalidQuantity(value, "not_a_number")
    return result


def decimals_of(value: Decimal) -> int:
    if value == value.to_integral_value():
        return 0
    exponent = value.normalize().as_tuple().exponent
    return max(0, -int(exponent)) if isinstance(exponent, int) else 0


def parse_quantity(
    value: object,
    decimals: int = MAX_DECIMALS,
    *,
    allow_negative: bool = False,
    allow_zero: bool = False,
) -> Decimal:
    """Parse a user quantity; refuse (never round) more decimals than the item allows."""
    result = _to_decimal(value)
    if decimals_of(result) > decimals:
        raise InvalidQuantity(value, "too_many_decimals", decimals)
    if result == 0 and not allow_zero:
        raise InvalidQuantity(value, "zero")
    if result < 0 and not allow_negative:
        raise InvalidQuantity(value, "negative")
    if abs(result) >= MAX_QUANTITY:
        raise InvalidQuantity(value, "too_large")
    return result.quantize(Decimal(1).scaleb(-decimals))


def to_milli(qty: Decimal) -> int:
    scaled = qty * MILLI
    if scaled != scaled.to_integral_value():
        raise InvalidQuantity(qty, "too_many_decimals", MAX_DECIMALS)
    return int(scaled)


def from_milli(milli: int, decimals: int = MAX_DECIMALS) -> Decimal:
    """Integer thousandths back to a Decimal shown with the item's decimals."""
    value = Decimal(milli) / MILLI
    return value.quantize(Decimal(1).scaleb(-decimals)) if decimals else value.to_integral_value()


def parse_money(value: object) -> int:
    """Yuan as text/Decimal/int → integer fen. More than two decimals is refused."""
    if isinstance(value, float | bool):
        raise InvalidMoney(value)
    if isinstance(value, Decimal):
        amount = value
    else:
        text = _ungroup(str(value).replace("¥", "").replace("￥", ""))
        if text is None:
            raise InvalidMoney(value)
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise InvalidMoney(value) from None
    if not amount.is_finite() or amount < 0 or decimals_of(amount) > 2:
        raise InvalidMoney(value)
    return int(amount * 100)


def fen_to_yuan(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(Decimal("0.01"))


def money_amount(qty: Decimal, unit_price_fen: int) -> int:
    """Line amount in fen: quantity × unit price, rounded half-up to the fen (财务 convention)."""
    return int((qty * unit_price_fen).quantize(Decimal(1), rounding=ROUND_HALF_UP))
