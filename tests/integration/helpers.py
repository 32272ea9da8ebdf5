"""Helpers for ledger tests: table dumps, balance recomputation from movements, shortcuts."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import Connection, select

from inventory_app.domain.model import DocState, DocType, MovementKind, PostingResult, ReceiptLine
from inventory_app.domain.permissions import Actor
from inventory_app.persistence import tables as t
from inventory_app.persistence.uow import UnitOfWork
from inventory_app.services import receipts

# Everything a posting writes: a refused posting must leave all of these as they were.
LEDGER_TABLES = (
    "movements",
    "documents",
    "document_lines",
    "document_events",
    "lots",
    "lot_balances",
    "stock_balances",
    "doc_counters",
    "requests",
)


def rid() -> str:
    return uuid.uuid4().hex


def dump(uow: UnitOfWork, tables: tuple[str, ...] = LEDGER_TABLES) -> dict[str, list[tuple]]:
    """Every row of the given tables, in primary-key order, as plain tuples."""

    def tx(conn: Connection) -> dict[str, list[tuple]]:
        out = {}
        for name in tables:
            table = t.metadata.tables[name]
            order = list(table.primary_key.columns) or list(table.columns)
            out[name] = [tuple(r) for r in conn.execute(select(table).order_by(*order))]
        return out

    return uow.read(tx)


def ledger_problems(conn: Connection) -> list[str]:
    """Recompute every balance from the movements and list what disagrees (empty = sound)."""
    problems: list[str] = []
    lot_sum: dict[int, int] = defaultdict(int)
    for row in conn.execute(select(t.movements.c.lot_id, t.movements.c.delta)):
        lot_sum[row.lot_id] += row.delta
    lots = {r.id: r for r in conn.execute(select(t.lots.c.id, t.lots.c.item_id, t.lots.c.depot_id))}
    stock_from_lots: dict[tuple[int, int], int] = defaultdict(int)
    balances = {r.lot_id: r for r in conn.execute(select(t.lot_balances))}
    for lot_id in set(lots) | set(lot_sum) | set(balances):
        bal = balances.get(lot_id)
        if bal is None:
            problems.append(f"lot {lot_id}: no balance row")
            continue
        if bal.on_hand < 0 or bal.reserved < 0:
            problems.append(f"lot {lot_id}: negative balance {bal.on_hand}/{bal.reserved}")
        if bal.on_hand != lot_sum.get(lot_id, 0):
            problems.append(
                f"lot {lot_id}: balance {bal.on_hand} != movements {lot_sum.get(lot_id, 0)}"
            )
        lot = lots.get(lot_id)
        if lot is None or (lot.item_id, lot.depot_id) != (bal.item_id, bal.depot_id):
            problems.append(f"lot {lot_id}: balance row does not match the lot")
            continue
        stock_from_lots[(lot.item_id, lot.depot_id)] += bal.on_hand
    in_transit: dict[tuple[int, int], int] = defaultdict(int)
    reversal = t.movements.alias("reversal")
    query = (
        select(t.movements.c.item_id, t.documents.c.other_depot_id, t.movements.c.delta)
        .join(t.documents, t.documents.c.id == t.movements.c.document_id)
        .outerjoin(reversal, reversal.c.reverses_movement_id == t.movements.c.id)
        .where(
            t.movements.c.kind == MovementKind.TRANSFER_OUT.value,
            t.documents.c.doc_type == DocType.TRANSFER.value,
            t.documents.c.state == DocState.IN_TRANSIT.value,
            reversal.c.id.is_(None),
        )
    )
    for row in conn.execute(query):
        in_transit[(row.item_id, row.other_depot_id)] -= row.delta
    stock = {(r.item_id, r.depot_id): r for r in conn.execute(select(t.stock_balances))}
    problems.extend(_reservation_problems(conn, balances, lots, stock))
    for key in set(stock) | set(stock_from_lots) | set(in_transit):
        row = stock.get(key)
        on_hand = row.on_hand if row else 0
        transit = row.in_transit_in if row else 0
        if row is not None and (row.on_hand < 0 or row.reserved < 0 or row.in_transit_in < 0):
            problems.append(f"stock {key}: negative {tuple(row)}")
        if on_hand != stock_from_lots.get(key, 0):
            problems.append(f"stock {key}: on_hand {on_hand} != lots {stock_from_lots.get(key, 0)}")
        if transit != in_transit.get(key, 0):
            problems.append(
                f"stock {key}: in_transit {transit} != transfers {in_transit.get(key, 0)}"
            )
    return problems


def _reservation_problems(
    conn: Connection, balances: dict[int, Any], lots: dict[int, Any], stock: dict[Any, Any]
) -> list[str]:
    """Reserved counters equal the open reservations that own them."""
    problems = []
    lot_held: dict[int, int] = defaultdict(int)
    stock_held: dict[tuple[int, int], int] = defaultdict(int)
    for r in conn.execute(select(t.reservations)):
        if not (r.consumed >= 0 and r.released >= 0 and r.consumed + r.released <= r.quantity):
            problems.append(f"reservation {r.id}: {r.quantity}/{r.consumed}/{r.released}")
        left = r.quantity - r.consumed - r.released
        if r.lot_id is not None:
            lot_held[r.lot_id] += left
        stock_held[(r.item_id, r.depot_id)] += left
    for lot_id, bal in balances.items():
        if bal.reserved != lot_held.get(lot_id, 0):
            problems.append(f"lot {lot_id}: reserved {bal.reserved} != {lot_held.get(lot_id, 0)}")
    for key in set(stock) | set(stock_held):
        reserved = stock[key].reserved if key in stock else 0
        if reserved != stock_held.get(key, 0):
            problems.append(f"stock {key}: reserved {reserved} != {stock_held.get(key, 0)}")
    return problems


def assert_ledger_sound(uow: UnitOfWork) -> None:
    problems = uow.read(ledger_problems)
    assert not problems, problems[:10]


def lot_on_hand(uow: UnitOfWork, lot_id: int) -> int:
    """A lot's on-hand quantity in thousandths."""
    return int(
        uow.read(
            lambda c: c.execute(
                select(t.lot_balances.c.on_hand).where(t.lot_balances.c.lot_id == lot_id)
            ).scalar_one()
        )
    )


def stock_row(uow: UnitOfWork, item_code: str, depot_code: str) -> dict[str, int]:
    """on_hand / reserved / in_transit_in (thousandths) of an (item, depot); zeros if absent."""

    def tx(conn: Connection) -> dict[str, int]:
        row = conn.execute(
            select(t.stock_balances)
            .join(t.items, t.items.c.id == t.stock_balances.c.item_id)
            .join(t.depots, t.depots.c.id == t.stock_balances.c.depot_id)
            .where(t.items.c.code == item_code, t.depots.c.code == depot_code)
        ).first()
        if row is None:
            return {"on_hand": 0, "reserved": 0, "in_transit_in": 0}
        return {
            "on_hand": row.on_hand,
            "reserved": row.reserved,
            "in_transit_in": row.in_transit_in,
        }

    return uow.read(tx)


def movements_of(uow: UnitOfWork, document_id: int) -> list[Any]:
    return uow.read(
        lambda c: list(
            c.execute(
                select(t.movements)
                .where(t.movements.c.document_id == document_id)
                .order_by(t.movements.c.id)
            )
        )
    )


def lots_of(uow: UnitOfWork, document_id: int) -> list[Any]:
    return uow.read(
        lambda c: list(
            c.execute(
                select(t.lots).where(t.lots.c.document_id == document_id).order_by(t.lots.c.id)
            )
        )
    )


def document(uow: UnitOfWork, doc_no: str) -> Any:
    return uow.read(
        lambda c: c.execute(select(t.documents).where(t.documents.c.doc_no == doc_no)).one()
    )


def receive(
    uow: UnitOfWork,
    actor: Actor,
    depot: str,
    item: str,
    qty: str | int,
    expiry: date | None = None,
    batch: str = "",
    **kw: Any,
) -> tuple[PostingResult, int]:
    """Receive one line; returns the result and the new lot's id."""
    result = receipts.receive(
        uow,
        actor,
        depot=depot,
        request_id=rid(),
        lines=[ReceiptLine(item, Decimal(qty), batch_no=batch, expiry_date=expiry, **kw)],
    )
    (lot,) = lots_of(uow, result.document_id)
    return result, int(lot.id)


def refused(
    uow: UnitOfWork, error: type[BaseException], fn: Any, /, *args: Any, **kwargs: Any
) -> Any:
    """Call fn expecting `error`; assert every ledger table is exactly as before. Returns it."""
    before = dump(uow)
    with pytest.raises(error) as excinfo:
        fn(*args, **kwargs)
    assert dump(uow) == before, f"{error.__name__} refusal changed the database"
    return excinfo.value
