"""Ledger rules: first-expiring-first allocation, balance checks, reversal rules."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal

from .errors import AlreadyReversed, CannotReverseReversal, InsufficientStock, ReasonRequired
from .model import Allocation, LotStock, MovementKind

_FAR_FUTURE = date(9999, 12, 31)


def fefo_order(lots: Iterable[LotStock]) -> list[LotStock]:
    """先进先出、出陈存新: earliest expiry first, then oldest receipt, then lot id."""
    return sorted(
        lots,
        key=lambda lot: (
            lot.expiry_date or _FAR_FUTURE,
            lot.received_date or _FAR_FUTURE,
            lot.lot_id,
        ),
    )


def allocate_fefo(
    lots: Sequence[LotStock], quantity: Decimal, *, item: str, depot: str, today: date | None = None
) -> list[Allocation]:
    """Split `quantity` over lots, first-expiring-first. Expired lots are not shipped.

    Raises InsufficientStock with the usable total when the lots cannot cover it.
    """
    usable = [
        lot
        for lot in fefo_order(lots)
        if lot.available > 0 and not (today and lot.expiry_date and lot.expiry_date < today)
    ]
    remaining = quantity
    result: list[Allocation] = []
    for lot in usable:
        if remaining <= 0:
            break
        take = min(lot.available, remaining)
        result.append(Allocation(lot.lot_id, take))
        remaining -= take
    if remaining > 0:
        available = sum((lot.available for lot in usable), Decimal(0))
        raise InsufficientStock(item=item, depot=depot, requested=quantity, available=available)
    return result


def check_withdrawal(
    on_hand: Decimal, reserved: Decimal, delta: Decimal, *, item: str, depot: str, lot: str = ""
) -> None:
    """A negative delta may not take on-hand stock below what is reserved (never below zero)."""
    if delta < 0 and on_hand + delta < reserved:
        raise InsufficientStock(
            item=item,
            depot=depot,
            requested=-delta,
            available=max(on_hand - reserved, Decimal(0)),
            lot=lot,
        )


def require_reason(reason: str | None) -> str:
    text = (reason or "").strip()
    if not text:
        raise ReasonRequired()
    return text


def check_reversible(movement_id: int, kind: str, reversed_by: int | None) -> None:
    """A movement can be reversed once; a reversal itself is never reversed (post anew)."""
    if kind == MovementKind.REVERSAL:
        raise CannotReverseReversal(movement_id)
    if reversed_by is not None:
        raise AlreadyReversed(movement_id)
