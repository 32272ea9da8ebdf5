"""Repository helpers: lookups, balance updates and numbering, as plain SQL on a Connection."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import Connection, Row, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from ..domain.errors import InactiveRecord, InsufficientStock, NotFound
from ..domain.quantities import from_milli
from . import tables as t


@dataclass(frozen=True)
class ItemRec:
    id: int
    code: str
    name: str
    unit: str
    decimals: int
    ref_price_fen: int | None
    shelf_life_days: int | None
    active: bool

    @property
    def label(self) -> str:
        return f"{self.name}({self.code})"


@dataclass(frozen=True)
class DepotRec:
    id: int
    code: str
    name: str
    level: int
    owner_org_id: int
    active: bool

    @property
    def label(self) -> str:
        return f"{self.name}({self.code})"


def dialect_insert(conn: Connection, table: t.Table):  # type: ignore[no-untyped-def]
    """A dialect insert that supports ON CONFLICT (SQLite and PostgreSQL both do)."""
    return (postgresql.insert(table) if conn.dialect.name == "postgresql" else sqlite.insert(table))


def item_by_code(conn: Connection, code: str, *, for_posting: bool = True) -> ItemRec:
    row = conn.execute(select(t.items).where(t.items.c.code == code.strip())).first()
    if row is None:
        raise NotFound("item", code)
    rec = ItemRec(row.id, row.code, row.name, row.unit, row.decimals, row.ref_price_fen,
                  row.shelf_life_days, row.active)
    if for_posting and not rec.active:
        raise InactiveRecord("item", code)
    return rec


def item_by_id(conn: Connection, item_id: int) -> ItemRec:
    row = conn.execute(select(t.items.c.code).where(t.items.c.id == item_id)).first()
    if row is None:
        raise NotFound("item", item_id)
    return item_by_code(conn, row.code, for_posting=False)


def depot_by_code(conn: Connection, code: str, *, for_posting: bool = True) -> DepotRec:
    row = conn.execute(select(t.depots).where(t.depots.c.code == code.strip())).first()
    if row is None:
        raise NotFound("depot", code)
    rec = DepotRec(row.id, row.code, row.name, row.level, row.owner_org_id, row.active)
    if for_posting and not rec.active:
        raise InactiveRecord("depot", code)
    return rec


def depot_by_id(conn: Connection, depot_id: int) -> DepotRec:
    row = conn.execute(select(t.depots.c.code).where(t.depots.c.id == depot_id)).first()
    if row is None:
        raise NotFound("depot", depot_id)
    return depot_by_code(conn, row.code, for_posting=False)


def org_by_code(conn: Connection, code: str) -> Row:
    row = conn.execute(select(t.organisations).where(t.organisations.c.code == code)).first()
    if row is None:
        raise NotFound("organisation", code)
    return row


def location_id(conn: Connection, depot_id: int, code: str | None) -> int | None:
    if not code:
        return None
    row = conn.execute(select(t.locations.c.id, t.locations.c.active).where(
        t.locations.c.depot_id == depot_id, t.locations.c.code == code.strip())).first()
    if row is None:
        raise NotFound("location", code)
    if not row.active:
        raise InactiveRecord("location", code)
    return int(row.id)


def lot_row(conn: Connection, lot_id: int) -> Row:
    row = conn.execute(select(t.lots).where(t.lots.c.id == lot_id)).first()
    if row is None:
        raise NotFound("lot", lot_id)
    return row


def next_doc_seq(conn: Connection, depot_id: int, doc_type: str, year: int) -> int:
    """Gapless per (depot, type, year): the counter moves in the posting's own transaction,
    so a rolled-back posting gives its number back."""
    conn.execute(dialect_insert(conn, t.doc_counters).values(
        depot_id=depot_id, doc_type=doc_type, year=year, last_no=0).on_conflict_do_nothing())
    seq = conn.execute(
        update(t.doc_counters)
        .where(t.doc_counters.c.depot_id == depot_id, t.doc_counters.c.doc_type == doc_type,
               t.doc_counters.c.year == year)
        .values(last_no=t.doc_counters.c.last_no + 1)
        .returning(t.doc_counters.c.last_no)
    ).scalar_one()
    return int(seq)


def lock_lot_balances(conn: Connection, item_id: int, depot_id: int) -> list[Row]:
    """Candidate lots of an item in a depot with stock, locked (PostgreSQL) in id order."""
    query = (
        select(t.lot_balances.c.lot_id, t.lot_balances.c.on_hand, t.lot_balances.c.reserved,
               t.lots.c.expiry_date, t.lots.c.received_date, t.lots.c.batch_no,
               t.lots.c.reserve_mode)
        .join(t.lots, t.lots.c.id == t.lot_balances.c.lot_id)
        .where(t.lot_balances.c.item_id == item_id, t.lot_balances.c.depot_id == depot_id,
               t.lot_balances.c.on_hand > 0)
        .order_by(t.lot_balances.c.lot_id)
    )
    if conn.dialect.name == "postgresql":
        query = query.with_for_update(of=t.lot_balances)
    return list(conn.execute(query))


def change_lot_balance(conn: Connection, lot_id: int, delta: int, *, reserved_delta: int = 0,
                       item: str = "", depot: str = "", decimals: int = 3) -> None:
    """Apply a delta (thousandths) to one lot, refusing to go below the reserved quantity.

    A conditional UPDATE, not read-modify-write: the row lock it takes makes concurrent
    withdrawals from one lot serialise and re-check, on SQLite and PostgreSQL alike.
    """
    bal = t.lot_balances.c
    stmt = update(t.lot_balances).where(bal.lot_id == lot_id).values(
        on_hand=bal.on_hand + delta, reserved=bal.reserved + reserved_delta)
    if delta < 0 or reserved_delta != 0:
        stmt = stmt.where(bal.on_hand + delta >= bal.reserved + reserved_delta,
                          bal.reserved + reserved_delta >= 0)
    if conn.execute(stmt).rowcount == 1:
        return
    row = conn.execute(select(bal.on_hand, bal.reserved).where(bal.lot_id == lot_id)).first()
    if row is None:
        raise NotFound("lot", lot_id)
    requested = -delta if delta < 0 else reserved_delta
    raise InsufficientStock(item=item, depot=depot, requested=from_milli(requested, decimals),
                            available=from_milli(max(row.on_hand - row.reserved, 0), decimals),
                            lot=str(lot_id))


def change_stock_balance(conn: Connection, item_id: int, depot_id: int, *, on_hand: int = 0,
                         reserved: int = 0, in_transit: int = 0, item: str = "", depot: str = "",
                         decimals: int = 3) -> None:
    """Apply deltas to the (item, depot) balance; CHECK constraints back the same rule."""
    if on_hand > 0 or in_transit > 0:
        conn.execute(dialect_insert(conn, t.stock_balances).values(
            item_id=item_id, depot_id=depot_id, on_hand=0, reserved=0, in_transit_in=0,
        ).on_conflict_do_nothing())
    bal = t.stock_balances.c
    stmt = update(t.stock_balances).where(bal.item_id == item_id, bal.depot_id == depot_id).values(
        on_hand=bal.on_hand + on_hand, reserved=bal.reserved + reserved,
        in_transit_in=bal.in_transit_in + in_transit)
    stmt = stmt.where(bal.on_hand + on_hand >= bal.reserved + reserved,
                      bal.reserved + reserved >= 0, bal.in_transit_in + in_transit >= 0)
    if conn.execute(stmt).rowcount != 1:
        row = conn.execute(select(bal.on_hand, bal.reserved).where(
            bal.item_id == item_id, bal.depot_id == depot_id)).first()
        available = (row.on_hand - row.reserved) if row else 0
        raise InsufficientStock(item=item, depot=depot,
                                requested=from_milli(abs(on_hand or reserved), decimals),
                                available=from_milli(max(available, 0), decimals))


def available_in_depot(conn: Connection, item_id: int, depot_id: int) -> int:
    bal = t.stock_balances.c
    value = conn.execute(select(bal.on_hand - bal.reserved).where(
        bal.item_id == item_id, bal.depot_id == depot_id)).scalar()
    return int(value or 0)


def count_movements(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(t.movements)).scalar_one())


def days_between(a: date, b: date) -> int:
    return (b - a).days


def dec(milli: int | None, decimals: int = 3) -> Decimal:
    return from_milli(int(milli or 0), decimals)
