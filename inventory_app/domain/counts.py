"""Stocktakes (盘点): reason codes, the variance of a counted line, who may approve."""

from __future__ import annotations

import enum
import re
from decimal import Decimal

from .errors import InvalidInput, InvalidQuantity, SelfApproval
from .permissions import Action, Actor, require
from .quantities import parse_quantity


class CountReason(enum.StrEnum):
    """Why a counted quantity differs from the book (差异原因)."""

    NATURAL_LOSS = "natural_loss"  # 自然损耗
    MEASUREMENT = "measurement"  # 计量误差
    DAMAGE = "damage"  # 破损
    THEFT = "theft"  # 盗失
    BOOKING = "booking"  # 记账错误
    OTHER = "other"  # 其他


def reason_or_empty(value: str | None) -> str:
    """A reason code as stored: one of CountReason, or "" for none; anything else refused."""
    text = (value or "").strip()
    if not text:
        return ""
    try:
        return CountReason(text).value
    except ValueError:
        raise InvalidInput("reason", "format", text) from None


def variance(book: Decimal, counted: Decimal | None) -> Decimal | None:
    """counted − book (盘盈 positive, 盘亏 negative); None while the line is uncounted."""
    return None if counted is None else counted - book


def require_count_approver(actor: Actor, counters: set[int]) -> None:
    """A count is approved by someone who neither entered nor submitted its counts."""
    require(actor, Action.APPROVE_COUNT)
    if actor.user_id in counters:
        raise SelfApproval()


_PLAIN = re.compile(r"\d+(?:\.\d+)?")


def counted_quantity(value: object, decimals: int) -> Decimal:
    """A counted quantity: zero or more, in plain decimal notation only ("12", "0.5").

    "1e3", "1_000", "+5", " 5 " with inner spaces, or a float are refused, never read as
    something the counter did not write (strict input, issue 8)."""
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal):
        raise InvalidQuantity(value, "not_a_number")
    text = str(value).strip()
    if not _PLAIN.fullmatch(text):
        reason = (
            "negative" if text.startswith("-") and _PLAIN.fullmatch(text[1:]) else "not_a_number"
        )
        raise InvalidQuantity(value, reason)
    return parse_quantity(text, decimals, allow_zero=True)
