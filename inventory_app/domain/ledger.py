"""Ledger rules: first-expiring-first allocation, withdrawal checks, reasons."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from decimal import Decimal

from .errors import InsufficientStock, ReasonRequired
from .model import Allocation, LotStock

_FAR_FUTURE = date(9999, 12, 31)


def fefo_key(
    expiry_date: date | None, received_date: date | None, lot_id: int
) -> tuple[date, date, int]:
    """先到期先出、出陈存新: earliest expiry first (none last), then oldest receipt, then lot id.

    The one ordering rule: the services allocate in it and the dialogs list lots in it.
    """
    return (expiry_date or _FAR_FUTURE, received_date or _FAR_FUTURE, lot_id)


def is_expired(expiry_date: date | None, today: date | None) -> bool:
    """Expired lots are never picked automatically (a keeper may still name them)."""
    return bool(today and expiry_date and expiry_date < today)


NEAR_EXPIRY_DAYS = 90  # default; the near-expiry window is a setting


def expiry_status(expiry: date | None, on: date, near_days: int = NEAR_EXPIRY_DAYS) -> str:
    """ "none", "expired", "near" (within `near_days`) or "ok" on day `on`."""
    if expiry is None:
        return "none"
    if expiry < on:
        return "expired"
    return "near" if expiry <= on + timedelta(days=near_days) else "ok"


def fefo_order(lots: Iterable[LotStock]) -> list[LotStock]:
    return sorted(lots, key=lambda lot: fefo_key(lot.expiry_date, lot.received_date, lot.lot_id))


def usable_lots(lots: Iterable[LotStock], today: date | None = None) -> list[LotStock]:
    """The lots an automatic pick may take from, in the order it takes them."""
    return [
        lot
        for lot in fefo_order(lots)
        if lot.available > 0 and not is_expired(lot.expiry_date, today)
    ]


def allocate_fefo(
    lots: Sequence[LotStock],
    quantity: Decimal,
    *,
    item: str,
    depot: str,
    today: date | None = None,
    held: Decimal = Decimal(0),
) -> list[Allocation]:
    """Split `quantity` over lots, first-expiring-first. Expired lots are not shipped.

    `held` is stock of the item promised to other documents before any lot was picked
    (an order reserves "20 tents at this depot"): it is not free for this withdrawal.
    Raises InsufficientStock with the free total when the lots cannot cover it.
    """
    usable = usable_lots(lots, today)
    free = sum((lot.available for lot in usable), Decimal(0)) - held
    if free < quantity:
        raise InsufficientStock(
            item=item, depot=depot, requested=quantity, available=max(free, Decimal(0))
        )
    remaining = quantity
    result: list[Allocation] = []
    for lot in usable:
        if remaining <= 0:
            break
        take = min(lot.available, remaining)
        result.append(Allocation(lot.lot_id, take))
        remaining -= take
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
