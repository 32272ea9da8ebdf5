"""Reservations with an owner: which document line holds how much of which stock.

A reservation keeps stock from being shipped twice while a document waits (a write-off
awaiting approval, an approved allocation order not yet picked). It names its document
and line, the item and depot, and the lot once one is chosen (an item-level reservation
holds "20 tents at this depot" before anyone picks lots). The fast counters
`lot_balances.reserved` and `stock_balances.reserved` move with it in the same
transaction, and `verify` proves that every reserved unit is explained by an open
reservation.

Consuming turns reserved stock into a withdrawal (the caller writes the movement);
releasing gives it back. Both return the counter deltas, which the caller applies
together with its movements (`stock_moves.apply(..., extra=deltas)`), so each lot and
balance row is updated once, in lock order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, select, update

from ..persistence import repo
from ..persistence import tables as t
from ..persistence.repo import DepotRec, ItemRec
from .common import utcnow
from .stock_moves import Delta, change_balances


@dataclass(frozen=True)
class Reservation:
    """One reservation row (quantities in thousandths)."""

    id: int
    document_id: int
    line_no: int
    item: ItemRec
    depot: DepotRec
    lot_id: int | None
    quantity: int
    consumed: int
    released: int

    @property
    def open(self) -> int:
        return self.quantity - self.consumed - self.released


@dataclass(frozen=True)
class Hold:
    """A reservation to make: `milli` of `item` at `depot`, from `lot_id` or any lot."""

    line_no: int
    item: ItemRec
    depot: DepotRec
    milli: int
    lot_id: int | None = None


def reserve(conn: Connection, document_id: int, holds: Sequence[Hold]) -> None:
    """Reserve for a document: the counters refuse more than is free (InsufficientStock)."""
    change_balances(conn, [Delta(h.item, h.depot, h.lot_id, reserved=h.milli) for h in holds])
    ids = repo.reserve_ids(conn, t.reservations, len(holds))
    now = utcnow()
    repo.bulk_insert(
        conn,
        t.reservations,
        (
            "id",
            "document_id",
            "line_no",
            "item_id",
            "depot_id",
            "lot_id",
            "quantity",
            "consumed",
            "released",
            "created_at",
        ),
        [
            (rid, document_id, h.line_no, h.item.id, h.depot.id, h.lot_id, h.milli, 0, 0, now)
            for rid, h in zip(ids, holds, strict=True)
        ],
    )


def open_reservations(conn: Connection, document_id: int) -> list[Reservation]:
    """The document's reservations with something still held, by line then lot."""
    r = t.reservations.c
    rows = conn.execute(
        select(t.reservations)
        .where(r.document_id == document_id, r.quantity > r.consumed + r.released)
        .order_by(r.line_no, r.lot_id, r.id)
    ).all()
    items: dict[int, ItemRec] = {}
    depots: dict[int, DepotRec] = {}
    found = []
    for row in rows:
        if row.item_id not in items:
            items[row.item_id] = repo.item_by_id(conn, row.item_id)
        if row.depot_id not in depots:
            depots[row.depot_id] = repo.depot_by_id(conn, row.depot_id)
        found.append(
            Reservation(
                int(row.id),
                int(row.document_id),
                int(row.line_no),
                items[row.item_id],
                depots[row.depot_id],
                row.lot_id,
                int(row.quantity),
                int(row.consumed),
                int(row.released),
            )
        )
    return found


def _settle(conn: Connection, reservation: Reservation, milli: int | None, column: str) -> Delta:
    amount = reservation.open if milli is None else milli
    if not 0 < amount <= reservation.open:
        raise AssertionError(f"reservation {reservation.id}: cannot settle {amount}")
    res = t.reservations.c
    changed = conn.execute(
        update(t.reservations)
        .where(res.id == reservation.id, res.quantity - res.consumed - res.released >= amount)
        .values({column: res[column] + amount})
    ).rowcount
    if changed != 1:
        raise AssertionError(f"reservation {reservation.id} changed under us")
    return Delta(reservation.item, reservation.depot, reservation.lot_id, reserved=-amount)


def consume(conn: Connection, reservation: Reservation, milli: int | None = None) -> Delta:
    """Mark `milli` (default: all that is open) as shipped; returns the counter delta.

    The caller writes the withdrawal movement of the same quantity."""
    return _settle(conn, reservation, milli, "consumed")


def release(conn: Connection, reservation: Reservation, milli: int | None = None) -> Delta:
    """Give back `milli` (default: all that is open); returns the counter delta."""
    return _settle(conn, reservation, milli, "released")


def release_all(conn: Connection, document_id: int) -> None:
    """Release everything a document still holds (rejected, cancelled) and apply it."""
    change_balances(conn, [release(conn, r) for r in open_reservations(conn, document_id)])
