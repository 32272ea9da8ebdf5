"""Repository helpers: lookups, balance updates and numbering, as plain SQL on a Connection."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, Date, DateTime, Row, bindparam, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from ..domain.errors import InactiveRecord, InsufficientStock, NotFound
from ..domain.ledger import check_withdrawal
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
    shelf_life_months: int | None
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


def dialect_insert(conn: Connection, table: t.Table):
    """A dialect insert that supports ON CONFLICT (SQLite and PostgreSQL both do)."""
    return postgresql.insert(table) if conn.dialect.name == "postgresql" else sqlite.insert(table)


def reserve_ids(conn: Connection, table: t.Table, count: int) -> list[int]:
    """Primary keys for `count` new rows, so bulk inserts need no RETURNING round trips.

    SQLite: the posting holds the database write lock (BEGIN IMMEDIATE), so max(id)+1…
    cannot be taken by anyone else. PostgreSQL: draw from the table's own sequence."""
    if count <= 0:
        return []
    if conn.dialect.name == "postgresql":
        sequence = f"{table.name}_id_seq"
        return list(
            conn.exec_driver_sql(
                f"SELECT nextval('{sequence}') FROM generate_series(1, {int(count)})"
            ).scalars()
        )
    top = conn.execute(select(func.max(table.c.id))).scalar() or 0
    return list(range(int(top) + 1, int(top) + 1 + count))


def bulk_insert(
    conn: Connection, table: t.Table, columns: Sequence[str], rows: Sequence[Sequence[object]]
) -> None:
    """Driver-level executemany for large documents (SQLAlchemy's per-row parameter
    processing dominated 100,000-line receipts). Values must already be storable:
    ints, str, None, and date/datetime (converted to SQLAlchemy's text form on SQLite)."""
    if not rows:
        return
    placeholder = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = (
        f"INSERT INTO {table.name} ({', '.join(columns)}) "
        f"VALUES ({', '.join([placeholder] * len(columns))})"
    )
    if conn.dialect.name == "sqlite":
        # Store dates the way SQLAlchemy's SQLite types do (ISO text); convert only the
        # date columns, since touching every value dominated the cost.
        temporal = [
            i for i, name in enumerate(columns) if isinstance(table.c[name].type, Date | DateTime)
        ]
        if temporal:
            converted = []
            for row in rows:
                values = list(row)
                for i in temporal:
                    value = values[i]
                    if isinstance(value, datetime):
                        values[i] = value.isoformat(" ")
                    elif isinstance(value, date):
                        values[i] = value.isoformat()
                converted.append(tuple(values))
            rows = converted
    conn.exec_driver_sql(sql, [tuple(row) for row in rows])


_ITEM_BY_CODE = select(t.items).where(t.items.c.code == bindparam("p_code"))
_DEPOT_BY_CODE = select(t.depots).where(t.depots.c.code == bindparam("p_code"))


def item_by_code(conn: Connection, code: str, *, for_posting: bool = True) -> ItemRec:
    row = conn.execute(_ITEM_BY_CODE, {"p_code": code.strip()}).first()
    if row is None:
        raise NotFound("item", code)
    rec = ItemRec(
        row.id,
        row.code,
        row.name,
        row.unit,
        row.decimals,
        row.ref_price_fen,
        row.shelf_life_days,
        row.shelf_life_months,
        row.active,
    )
    if for_posting and not rec.active:
        raise InactiveRecord("item", code)
    return rec


def item_by_id(conn: Connection, item_id: int) -> ItemRec:
    row = conn.execute(select(t.items.c.code).where(t.items.c.id == item_id)).first()
    if row is None:
        raise NotFound("item", item_id)
    return item_by_code(conn, row.code, for_posting=False)


def depot_by_code(conn: Connection, code: str, *, for_posting: bool = True) -> DepotRec:
    row = conn.execute(_DEPOT_BY_CODE, {"p_code": code.strip()}).first()
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
    row = conn.execute(
        select(t.locations.c.id, t.locations.c.active).where(
            t.locations.c.depot_id == depot_id, t.locations.c.code == code.strip()
        )
    ).first()
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


def lot_owners(conn: Connection, lot_ids: set[int]) -> dict[int, tuple[int, int]]:
    """(item id, depot id) of each named lot, fetched in chunks; unknown ids raise NotFound."""
    found: dict[int, tuple[int, int]] = {}
    ordered = sorted(lot_ids)
    for start in range(0, len(ordered), 5000):
        chunk = ordered[start : start + 5000]
        for row in conn.execute(
            select(t.lots.c.id, t.lots.c.item_id, t.lots.c.depot_id).where(t.lots.c.id.in_(chunk))
        ):
            found[int(row.id)] = (int(row.item_id), int(row.depot_id))
    missing = lot_ids - found.keys()
    if missing:
        raise NotFound("lot", min(missing))
    return found


# Hot-path statements are built once: constructing SQLAlchemy expressions on every posting
# cost more than executing them.
_COUNTER_BUMP = (
    update(t.doc_counters)
    .where(
        t.doc_counters.c.depot_id == bindparam("p_depot"),
        t.doc_counters.c.doc_type == bindparam("p_type"),
        t.doc_counters.c.year == bindparam("p_year"),
    )
    .values(last_no=t.doc_counters.c.last_no + 1)
    .returning(t.doc_counters.c.last_no)
)
_LB = t.lot_balances.c
_LOT_CHANGE = (
    update(t.lot_balances)
    .where(
        _LB.lot_id == bindparam("p_lot"),
        _LB.on_hand + bindparam("p_delta") >= _LB.reserved + bindparam("p_rdelta"),
        _LB.reserved + bindparam("p_rdelta") >= 0,
    )
    .values(
        on_hand=_LB.on_hand + bindparam("p_delta"), reserved=_LB.reserved + bindparam("p_rdelta")
    )
)
_SB = t.stock_balances.c
_STOCK_CHANGE = (
    update(t.stock_balances)
    .where(
        _SB.item_id == bindparam("p_item"),
        _SB.depot_id == bindparam("p_depot"),
        _SB.on_hand + bindparam("p_delta") >= _SB.reserved + bindparam("p_rdelta"),
        _SB.reserved + bindparam("p_rdelta") >= 0,
        _SB.in_transit_in + bindparam("p_tdelta") >= 0,
    )
    .values(
        on_hand=_SB.on_hand + bindparam("p_delta"),
        reserved=_SB.reserved + bindparam("p_rdelta"),
        in_transit_in=_SB.in_transit_in + bindparam("p_tdelta"),
    )
)
_LOCK_CANDIDATES = (
    select(
        _LB.lot_id,
        _LB.on_hand,
        _LB.reserved,
        t.lots.c.expiry_date,
        t.lots.c.received_date,
        t.lots.c.batch_no,
        t.lots.c.reserve_mode,
    )
    .join(t.lots, t.lots.c.id == _LB.lot_id)
    .where(
        _LB.item_id == bindparam("p_item"), _LB.depot_id == bindparam("p_depot"), _LB.on_hand > 0
    )
    .order_by(_LB.lot_id)
)
_LOCK_CANDIDATES_PG = _LOCK_CANDIDATES.with_for_update(of=t.lot_balances)
_UPSERTS: dict[tuple[str, str], object] = {}


def _insert_missing(conn: Connection, table: t.Table, values: dict[str, object]) -> None:
    """INSERT … ON CONFLICT DO NOTHING, built once per dialect and table."""
    key = (conn.dialect.name, table.name)
    if key not in _UPSERTS:
        _UPSERTS[key] = dialect_insert(conn, table).on_conflict_do_nothing()
    conn.execute(_UPSERTS[key], values)  # type: ignore[call-overload]


def next_doc_seq(conn: Connection, depot_id: int, doc_type: str, year: int) -> int:
    """Gapless per (depot, type, year): the counter moves in the posting's own transaction,
    so a rolled-back posting gives its number back."""
    params = {"p_depot": depot_id, "p_type": doc_type, "p_year": year}
    seq = conn.execute(_COUNTER_BUMP, params).scalar()
    if seq is None:  # first document of this kind this year
        _insert_missing(
            conn,
            t.doc_counters,
            {"depot_id": depot_id, "doc_type": doc_type, "year": year, "last_no": 0},
        )
        seq = conn.execute(_COUNTER_BUMP, params).scalar_one()
    return int(seq)


def lock_lot_balances(conn: Connection, item_id: int, depot_id: int) -> list[Row]:
    """Candidate lots of an item in a depot with stock, locked (PostgreSQL) in id order."""
    query = _LOCK_CANDIDATES_PG if conn.dialect.name == "postgresql" else _LOCK_CANDIDATES
    return list(conn.execute(query, {"p_item": item_id, "p_depot": depot_id}))


def change_lot_balance(
    conn: Connection,
    lot_id: int,
    delta: int,
    *,
    reserved_delta: int = 0,
    item: str = "",
    depot: str = "",
    decimals: int = 3,
) -> None:
    """Apply a delta (thousandths) to one lot, refusing to go below the reserved quantity.

    A conditional UPDATE, not read-modify-write: the row lock it takes makes concurrent
    withdrawals from one lot serialise and re-check, on SQLite and PostgreSQL alike. When
    it refuses, the domain rule (`check_withdrawal`) says why; reserving counts as taking
    the quantity out of what is free.
    """
    params = {"p_lot": lot_id, "p_delta": delta, "p_rdelta": reserved_delta}
    if conn.execute(_LOT_CHANGE, params).rowcount == 1:
        return
    row = conn.execute(select(_LB.on_hand, _LB.reserved).where(_LB.lot_id == lot_id)).first()
    if row is None:
        raise NotFound("lot", lot_id)
    check_withdrawal(
        from_milli(row.on_hand, decimals),
        from_milli(row.reserved + min(reserved_delta, 0), decimals),
        from_milli(delta - max(reserved_delta, 0), decimals),
        item=item,
        depot=depot,
        lot=str(lot_id),
    )
    # Only releasing more than is reserved is left: the caller's bookkeeping is wrong.
    raise AssertionError(f"lot {lot_id}: reserved {row.reserved} cannot change by {reserved_delta}")


_HELD = t.reservations.c
_ITEM_LEVEL_HELD = select(
    func.coalesce(func.sum(_HELD.quantity - _HELD.consumed - _HELD.released), 0)
).where(
    _HELD.item_id == bindparam("p_item"),
    _HELD.depot_id == bindparam("p_depot"),
    _HELD.lot_id.is_(None),
)


def item_level_reserved(conn: Connection, item_id: int, depot_id: int) -> int:
    """Thousandths of the item held at the depot by reservations that name no lot yet."""
    return int(
        conn.execute(_ITEM_LEVEL_HELD, {"p_item": item_id, "p_depot": depot_id}).scalar_one()
    )


def change_stock_balance(
    conn: Connection,
    item_id: int,
    depot_id: int,
    *,
    on_hand: int = 0,
    reserved: int = 0,
    in_transit: int = 0,
    item: str = "",
    depot: str = "",
    decimals: int = 3,
) -> None:
    """Apply deltas to the (item, depot) balance; CHECK constraints back the same rule."""
    params = {
        "p_item": item_id,
        "p_depot": depot_id,
        "p_delta": on_hand,
        "p_rdelta": reserved,
        "p_tdelta": in_transit,
    }
    if conn.execute(_STOCK_CHANGE, params).rowcount == 1:
        return
    if on_hand >= 0 and in_transit >= 0 and reserved <= 0:
        # First stock of this item in this depot: create the row, then apply.
        _insert_missing(
            conn,
            t.stock_balances,
            {
                "item_id": item_id,
                "depot_id": depot_id,
                "on_hand": 0,
                "reserved": 0,
                "in_transit_in": 0,
            },
        )
        if conn.execute(_STOCK_CHANGE, params).rowcount == 1:
            return
    row = conn.execute(
        select(_SB.on_hand, _SB.reserved).where(_SB.item_id == item_id, _SB.depot_id == depot_id)
    ).first()
    available = (row.on_hand - row.reserved) if row else 0
    raise InsufficientStock(
        item=item,
        depot=depot,
        requested=from_milli(abs(on_hand or reserved), decimals),
        available=from_milli(max(available, 0), decimals),
    )
