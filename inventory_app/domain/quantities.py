"""Exact quantities and money: Decimal in Python, integer thousandths / fen in storage."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from .errors import InvalidMoney, InvalidQuantity

MILLI = 1000
MAX_DECIMALS = 3
# Far above any real stock (10^12 units) yet well inside a signed 64-bit milli column.
MAX_QUANTITY = Decimal(10) ** 12
ZERO = Decimal(0)
# Commas (ASCII or full-width) only group thousands: "1,5" is refused, never read as 15.
_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?")
# Plain decimal notation only. Python's Decimal() also reads "1e3", "1_000", "+5", "NaN",
# "Infinity" and non-ASCII digits; a keeper who types those did not mean a quantity.
_PLAIN = re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
# A signed change (库存调整 +2 / -2) may also say "+" for a gain.
_SIGNED = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
# Full-width digits and point come from a Chinese input method left in full-width mode.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，－", "0123456789.,-")


def _ungroup(text: str) -> str | None:
    """Drop thousands separators; None when a comma is not a thousands separator."""
    text = text.strip().translate(_FULL_WIDTH)
    if "," not in text:
        return text
    return text.replace(",", "") if _GROUPED.fullmatch(text) else None


def plain_decimal(text: str, *, plus: bool = False) -> Decimal | None:
    """The number a user typed in plain decimal notation (thousands commas allowed), or None.

    `plus` also accepts a leading "+" (signed changes such as an adjustment's +2)."""
    plain = _ungroup(text)
    if plain is None or not (_SIGNED if plus else _PLAIN).fullmatch(plain):
        return None
    return Decimal(plain)


def _to_decimal(value: object, plus: bool = False) -> Decimal:
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int) and not isinstance(value, bool):
        result = Decimal(value)
    elif isinstance(value, str):
        parsed = plain_decimal(value, plus=plus)
        if parsed is None:
            raise InvalidQuantity(value, "not_a_number")
        result = parsed
    else:
        # Floats are refused on purpose: 0.1 is not exactly 0.1.
        raise InvalidQuantity(value, "not_a_number")
    if not result.is_finite():
        raise InvalidQuantity(value, "not_a_number")
    return result


def strict_decimal(value: object) -> Decimal:
    """A user's quantity text (CLI argument, file cell) as a Decimal; strict like the rest."""
    return _to_decimal(value)


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
    result = _to_decimal(value, plus=allow_negative)
    if decimals_of(result) > decimals:
        raise InvalidQuantity(value, "too_many_decimals", decimals)
    if result == 0 and not allow_zero:
        raise InvalidQuantity(value, "zero")
    if result < 0 and not allow_negative:
        raise InvalidQuantity(value, "negative")
    if abs(result) >= MAX_QUANTITY:
        raise InvalidQuantity(value, "too_large")
    return result.quantize(Decimal(1).scaleb(-decimals))


def grouped_text(value: Decimal) -> str:
    """Exact, with thousands separators and no trailing zeros: 15,000 / 273.81 / 0.5."""
    if not value.is_finite():
        return str(value)
    text = f"{value:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


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
        parsed = plain_decimal(str(value).replace("¥", "").replace("￥", ""))
        if parsed is None:
            raise InvalidMoney(value)
        amount = parsed
    if not amount.is_finite() or amount < 0 or decimals_of(amount) > 2:
        raise InvalidMoney(value)
    return int(amount * 100)


def fen_to_yuan(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(Decimal("0.01"))


def money_amount(qty: Decimal, unit_price_fen: int) -> int:
    """Line amount in fen: quantity × unit price, rounded half-up to the fen (财务 convention)."""
    return int((qty * unit_price_fen).quantize(Decimal(1), rounding=ROUND_HALF_UP))
