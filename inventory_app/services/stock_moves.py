"""Stock movements and balances: the part of the document kernel that touches the ledger.

A movement is the only way stock changes, and every balance change is made here, in the
posting's transaction, with conditional UPDATEs that refuse to take stock below what is
reserved. Locks are always taken in one order (lots by id, then (item, depot)), so
concurrent postings on PostgreSQL cannot deadlock each other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, Row, insert, select

from ..domain.errors import EmptyDocument, LotMismatch
from ..domain.ledger import allocate_fefo
from ..domain.model import LotStock, MovementKind, OutLine, ReserveMode
from ..domain.permissions import Actor
from ..domain.quantities import from_milli, parse_quantity, to_milli
from ..persistence import chain, repo
from ..persistence import tables as t
from ..persistence.repo import DepotRec, ItemRec
from .common import utcnow


@dataclass(frozen=True)
class Move:
    """A movement about to be written (delta in thousandths)."""

    lot_id: int
    item: ItemRec
    depot: DepotRec
    delta: int
    kind: MovementKind
    line_no: int
    reverses: int | None = None


@dataclass(frozen=True)
class Delta:
    """A change of balance counters (thousandths).

    With a lot, it changes that lot and rolls up into its (item, depot) balance; without
    one, only the (item, depot) balance changes (receipts that wrote their lots' balances
    themselves, item-level reservations, goods in transit to `depot`)."""

    item: ItemRec
    depot: DepotRec
    lot_id: int | None = None
    on_hand: int = 0
    reserved: int = 0
    in_transit: int = 0


def as_deltas(moves: Iterable[Move]) -> list[Delta]:
    return [Delta(m.item, m.depot, m.lot_id, on_hand=m.delta) for m in moves]


def change_balances(conn: Connection, deltas: Sequence[Delta]) -> None:
    """Apply balance deltas: lots in id order, then (item, depot) balances in key order."""
    lots: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    stocks: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0, 0])
    sample: dict[tuple[int, int], Delta] = {}
    lot_sample: dict[int, Delta] = {}
    for d in deltas:
        key = (d.item.id, d.depot.id)
        sample[key] = d
        if d.lot_id is not None:
            lot_sample[d.lot_id] = d
            lots[d.lot_id][0] += d.on_hand
            lots[d.lot_id][1] += d.reserved
        totals = stocks[key]
        totals[0] += d.on_hand
        totals[1] += d.reserved
        totals[2] += d.in_transit
    for lot_id in sorted(lots):
        on_hand, reserved = lots[lot_id]
        if on_hand or reserved:
            d = lot_sample[lot_id]
            repo.change_lot_balance(
                conn,
                lot_id,
                on_hand,
                reserved_delta=reserved,
                item=d.item.label,
                depot=d.depot.label,
                decimals=d.item.decimals,
            )
    for key in sorted(stocks):
        on_hand, reserved, in_transit = stocks[key]
        if on_hand or reserved or in_transit:
            d = sample[key]
            repo.change_stock_balance(
                conn,
                key[0],
                key[1],
                on_hand=on_hand,
                reserved=reserved,
                in_transit=in_transit,
                item=d.item.label,
                depot=d.depot.label,
                decimals=d.item.decimals,
            )


_MOVEMENT_COLUMNS = (
    "id",
    "document_id",
    "line_no",
    "kind",
    "lot_id",
    "item_id",
    "depot_id",
    "delta",
    "reverses_movement_id",
    "doc_date",
    "created_by",
    "created_at",
)


def insert_movements(
    conn: Connection, actor: Actor, document_id: int, doc_date: date, moves: Sequence[Move]
) -> tuple[int, ...]:
    """Write movements whose balances are already changed (bulk, for large documents)."""
    chain.touch(conn, document_id)
    ids = repo.reserve_ids(conn, t.movements, len(moves))
    now = utcnow()
    repo.bulk_insert(
        conn,
        t.movements,
        _MOVEMENT_COLUMNS,
        [
            (
                mid,
                document_id,
                m.line_no,
                m.kind.value,
                m.lot_id,
                m.item.id,
                m.depot.id,
                m.delta,
                m.reverses,
                doc_date,
                actor.user_id,
                now,
            )
            for mid, m in zip(ids, moves, strict=True)
        ],
    )
    return tuple(ids)


def apply(
    conn: Connection,
    actor: Actor,
    document_id: int,
    doc_date: date,
    moves: Sequence[Move],
    extra: Sequence[Delta] = (),
) -> tuple[int, ...]:
    """Move the balances (plus `extra` counter changes, e.g. consumed reservations) and
    write the movements; returns their ids."""
    change_balances(conn, [*as_deltas(moves), *extra])
    return insert_movements(conn, actor, document_id, doc_date, moves) if moves else ()


def in_transit(destination: DepotRec, out_moves: Iterable[Move], *, sign: int) -> list[Delta]:
    """Goods of out-moves (negative deltas) on their way to `destination`: sign=-1 adds
    them to its in-transit figure, sign=+1 takes them off."""
    return [Delta(m.item, destination, None, in_transit=sign * m.delta) for m in out_moves]


def new_lot(
    conn: Connection,
    *,
    item: ItemRec,
    depot: DepotRec,
    document_id: int,
    received: date,
    **fields: object,
) -> int:
    """A lot with a zero balance row; its stock arrives by a movement."""
    chain.touch(conn, document_id)
    lot_id = conn.execute(
        insert(t.lots)
        .values(
            item_id=item.id,
            depot_id=depot.id,
            received_date=received,
            document_id=document_id,
            **fields,
        )
        .returning(t.lots.c.id)
    ).scalar_one()
    conn.execute(
        insert(t.lot_balances).values(
            lot_id=lot_id, item_id=item.id, depot_id=depot.id, on_hand=0, reserved=0
        )
    )
    return int(lot_id)


def document_movements(conn: Connection, document_id: int) -> list[Row]:
    """The movements of a document in id order, each with `reversed_by` (or None)."""
    reversal = t.movements.alias("reversal")
    return list(
        conn.execute(
            select(t.movements, reversal.c.id.label("reversed_by"))
            .outerjoin(reversal, reversal.c.reverses_movement_id == t.movements.c.id)
            .where(t.movements.c.document_id == document_id)
            .order_by(t.movements.c.id)
        )
    )


def plan_withdrawals(
    conn: Connection,
    depot: DepotRec,
    lines: Sequence[OutLine],
    day: date,
    kind: MovementKind,
    *,
    held: dict[int, int] | None = None,
) -> list[Move]:
    """Turn out-lines into per-lot withdrawals: named lots as given, others
    first-expiring-first from lots' free stock (on hand − lot reservations), leaving
    alone what item-level reservations hold (`held`: item id → thousandths; by default
    every open item-level reservation at the depot).

    All lines are validated before anything is written.
    """
    if not lines:
        raise EmptyDocument()
    taken: dict[int, int] = defaultdict(int)  # lot -> milli already planned in this document
    moves: list[Move] = []
    locked: dict[int, list] = {}
    items: dict[str, ItemRec] = {}
    named = repo.lot_owners(conn, {int(line.lot_id) for line in lines if line.lot_id is not None})
    for line_no, line in enumerate(lines, 1):
        item = items.get(line.item_code)
        if item is None:
            item = items[line.item_code] = repo.item_by_code(
                conn, line.item_code, for_posting=False
            )
        milli = to_milli(parse_quantity(line.quantity, item.decimals))
        if line.lot_id is not None:
            lot_id = int(line.lot_id)
            if named[lot_id] != (item.id, depot.id):
                raise LotMismatch(line.lot_id, f"{item.code}@{depot.code}")
            moves.append(Move(lot_id, item, depot, -milli, kind, line_no))
            taken[lot_id] += milli
            continue
        if item.id not in locked:
            locked[item.id] = repo.lock_lot_balances(conn, item.id, depot.id)
        candidates = [
            LotStock(
                r.lot_id,
                from_milli(r.on_hand - r.reserved - taken[r.lot_id], item.decimals),
                r.expiry_date,
                r.received_date,
                r.batch_no,
            )
            for r in locked[item.id]
            if r.reserve_mode == ReserveMode.PHYSICAL.value
        ]
        item_held = (
            held.get(item.id, 0)
            if held is not None
            else repo.item_level_reserved(conn, item.id, depot.id)
        )
        for alloc in allocate_fefo(
            candidates,
            from_milli(milli, item.decimals),
            item=item.label,
            depot=depot.label,
            today=day,
            held=from_milli(item_held, item.decimals),
        ):
            part = to_milli(alloc.quantity)
            taken[alloc.lot_id] += part
            moves.append(Move(alloc.lot_id, item, depot, -part, kind, line_no))
    return moves
