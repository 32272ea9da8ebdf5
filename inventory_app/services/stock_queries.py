"""Stock read side: balances by lot, item, depot and category, filtered and sorted in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import Connection, Select, and_, case, func, or_, select
from sqlalchemy.sql.elements import ColumnElement

from ..domain.ledger import NEAR_EXPIRY_DAYS as NEAR_EXPIRY_DAYS  # re-exported: the pages use it
from ..domain.ledger import expiry_status as expiry_status
from ..domain.permissions import Actor
from ..domain.quantities import fen_to_yuan, from_milli
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from .balances import balance as balance  # re-exported: one item's balance in one depot
from .common import today
from .rows import CategoryStockRow, ItemStockRow, LotStockRow
from .scope import depot_scope, item_text_condition

OWNER = t.organisations.alias("owner")
CUSTODIAN = t.organisations.alias("custodian")


@dataclass(frozen=True)
class StockFilter:
    depot_codes: tuple[str, ...] = ()
    item_code: str | None = None
    category_code: str | None = None
    text: str = ""  # item name, code, pinyin initials or batch number
    expiring_within_days: int | None = None  # includes already expired lots
    expired_only: bool = False
    reserve_mode: str | None = None
    owner_level: int | None = None
    include_empty: bool = False


def _lot_conditions(conn: Connection, actor: Actor, flt: StockFilter) -> list[ColumnElement]:
    bal, lot = t.lot_balances.c, t.lots.c
    conds = depot_scope(conn, actor, flt.depot_codes, bal.depot_id)
    if not flt.include_empty:
        conds.append(bal.on_hand > 0)
    if flt.item_code:
        conds.append(t.items.c.code == flt.item_code)
    if flt.category_code:
        conds.append(t.categories.c.code == flt.category_code)
    if flt.text.strip():
        conds.append(
            or_(
                item_text_condition(flt.text),
                func.lower(lot.batch_no).like(f"%{flt.text.strip().lower()}%"),
            )
        )
    now = today()
    if flt.expired_only:
        conds.append(lot.expiry_date < now)
    elif flt.expiring_within_days is not None:
        conds.append(lot.expiry_date <= now + timedelta(days=flt.expiring_within_days))
    if flt.reserve_mode:
        conds.append(lot.reserve_mode == flt.reserve_mode)
    if flt.owner_level:
        conds.append(lot.owner_level == int(flt.owner_level))
    return conds


def _lot_select(conn: Connection, actor: Actor, flt: StockFilter, columns: list) -> Select:
    query = (
        select(*columns)
        .select_from(t.lot_balances)
        .join(t.lots, t.lots.c.id == t.lot_balances.c.lot_id)
        .join(t.items, t.items.c.id == t.lot_balances.c.item_id)
        .join(t.categories, t.categories.c.id == t.items.c.category_id)
        .join(t.depots, t.depots.c.id == t.lot_balances.c.depot_id)
        .outerjoin(t.locations, t.locations.c.id == t.lots.c.location_id)
        .join(OWNER, OWNER.c.id == t.lots.c.owner_org_id)
        .join(CUSTODIAN, CUSTODIAN.c.id == t.lots.c.custodian_org_id)
    )
    conds = _lot_conditions(conn, actor, flt)
    return query.where(and_(*conds)) if conds else query


LOT_SORT_KEYS = {
    "lot_id": t.lots.c.id,
    "item_code": t.items.c.code,
    "item_name": t.items.c.name,
    "category_code": t.categories.c.code,
    "depot_code": t.depots.c.code,
    "depot_name": t.depots.c.name,
    "batch_no": t.lots.c.batch_no,
    "production_date": t.lots.c.production_date,
    "received_date": t.lots.c.received_date,
    "expiry_date": t.lots.c.expiry_date,
    "on_hand": t.lot_balances.c.on_hand,
    "reserved": t.lot_balances.c.reserved,
    "unit_price": t.lots.c.unit_price_fen,
    "location_code": t.locations.c.code,
    "owner_level": t.lots.c.owner_level,
}


def stock_by_lot(
    uow: UnitOfWork,
    actor: Actor,
    flt: StockFilter = StockFilter(),
    *,
    offset: int = 0,
    limit: int | None = None,
    sort: str = "expiry_date",
    descending: bool = False,
) -> list[LotStockRow]:
    def tx(conn: Connection) -> list[LotStockRow]:
        lot = t.lots.c
        cols = [
            lot.id,
            t.items.c.code,
            t.items.c.name,
            t.items.c.spec,
            t.items.c.unit,
            t.items.c.decimals,
            t.categories.c.code,
            t.categories.c.name,
            t.depots.c.code,
            t.depots.c.name,
            t.locations.c.code,
            lot.batch_no,
            lot.production_date,
            lot.received_date,
            lot.expiry_date,
            lot.reserve_mode,
            OWNER.c.name,
            lot.owner_level,
            CUSTODIAN.c.name,
            lot.unit_price_fen,
            t.lot_balances.c.on_hand,
            t.lot_balances.c.reserved,
        ]
        query = _lot_select(conn, actor, flt, cols)
        key = LOT_SORT_KEYS.get(sort, t.lots.c.expiry_date)
        order = key.desc() if descending else key.asc()
        # Empty dates sort last; NOT NULL columns skip that term so an index can serve them.
        terms = [key.is_(None), order] if key.nullable else [order]
        query = query.order_by(*terms, t.lots.c.id).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        now = today()
        cent = Decimal("0.01")
        rows = []
        # Positional unpacking: this loop builds every row of a 5,000-lot listing.
        for (
            lot_id,
            item_code,
            item_name,
            spec,
            unit,
            decimals,
            category_code,
            category_name,
            depot_code,
            depot_name,
            location_code,
            batch_no,
            production,
            received,
            expiry,
            mode,
            owner_name,
            owner_level,
            custodian_name,
            price_fen,
            on_hand_milli,
            reserved_milli,
        ) in conn.execute(query):
            on_hand = from_milli(on_hand_milli, decimals)
            reserved = from_milli(reserved_milli, decimals)
            price = fen_to_yuan(price_fen)
            rows.append(
                LotStockRow(
                    lot_id,
                    item_code,
                    item_name,
                    spec,
                    unit,
                    decimals,
                    category_code,
                    category_name,
                    depot_code,
                    depot_name,
                    location_code or "",
                    batch_no,
                    production,
                    received,
                    expiry,
                    mode,
                    owner_name,
                    owner_level,
                    custodian_name,
                    price,
                    on_hand,
                    reserved,
                    on_hand - reserved,
                    (on_hand * price).quantize(cent),
                    expiry_status(expiry, now),
                )
            )
        return rows

    return uow.read(tx)


def count_stock_by_lot(uow: UnitOfWork, actor: Actor, flt: StockFilter = StockFilter()) -> int:
    """Counts from lot_balances alone, joining only what the filter needs (a list of
    100,000 lots must open instantly)."""

    def tx(conn: Connection) -> int:
        query = select(func.count()).select_from(t.lot_balances)
        if flt.item_code or flt.category_code or flt.text.strip():
            query = query.join(t.items, t.items.c.id == t.lot_balances.c.item_id)
        if flt.category_code:
            query = query.join(t.categories, t.categories.c.id == t.items.c.category_id)
        if (
            flt.text.strip()
            or flt.expired_only
            or flt.expiring_within_days is not None
            or flt.reserve_mode
            or flt.owner_level
        ):
            query = query.join(t.lots, t.lots.c.id == t.lot_balances.c.lot_id)
        conds = _lot_conditions(conn, actor, flt)
        return int(conn.execute(query.where(and_(*conds)) if conds else query).scalar_one())

    return uow.read(tx)


ITEM_SORT_KEYS = {
    "item_code",
    "item_name",
    "category_code",
    "depot_code",
    "on_hand",
    "available",
    "value",
    "nearest_expiry",
    "lots",
}


def stock_by_item(
    uow: UnitOfWork,
    actor: Actor,
    flt: StockFilter = StockFilter(),
    *,
    per_depot: bool = False,
    sort: str = "item_code",
    descending: bool = False,
) -> list[ItemStockRow]:
    """Balances per item (over the filtered depots) or per (depot, item) with per_depot."""

    def tx(conn: Connection) -> list[ItemStockRow]:
        bal = t.lot_balances.c
        value = func.sum(bal.on_hand * t.lots.c.unit_price_fen)
        group = [
            t.items.c.id,
            t.items.c.code,
            t.items.c.name,
            t.items.c.spec,
            t.items.c.unit,
            t.items.c.decimals,
            t.categories.c.code,
            t.categories.c.name,
        ]
        depot_cols = [t.depots.c.id, t.depots.c.code, t.depots.c.name] if per_depot else []
        cols = [
            *group,
            *depot_cols,
            func.sum(bal.on_hand).label("on_hand"),
            func.sum(bal.reserved).label("reserved"),
            func.count().label("lots"),
            value.label("value_milli_fen"),
            func.min(case((bal.on_hand > 0, t.lots.c.expiry_date))).label("nearest"),
        ]
        query = _lot_select(conn, actor, flt, cols).group_by(*group, *depot_cols)
        transit = _in_transit(conn, actor, flt, per_depot)
        rows = []
        for r in conn.execute(query):
            on_hand = from_milli(r.on_hand, r.decimals)
            reserved = from_milli(r.reserved, r.decimals)
            key = (r[0], r[8]) if per_depot else (r[0], None)
            rows.append(
                ItemStockRow(
                    r[1],
                    r[2],
                    r[3],
                    r[4],
                    r[5],
                    r[6],
                    r[7],
                    r[9] if per_depot else "",
                    r[10] if per_depot else "",
                    on_hand,
                    reserved,
                    on_hand - reserved,
                    from_milli(transit.get(key, 0), r[5]),
                    int(r.lots),
                    (Decimal(int(r.value_milli_fen or 0)) / 100000).quantize(Decimal("0.01")),
                    r.nearest,
                )
            )
        return _sorted(rows, sort, descending)

    return uow.read(tx)


def _in_transit(
    conn: Connection, actor: Actor, flt: StockFilter, per_depot: bool
) -> dict[tuple[int, int | None], int]:
    sb = t.stock_balances.c
    conds = [*depot_scope(conn, actor, flt.depot_codes, sb.depot_id), sb.in_transit_in > 0]
    result: dict[tuple[int, int | None], int] = {}
    for r in conn.execute(select(sb.item_id, sb.depot_id, sb.in_transit_in).where(and_(*conds))):
        key = (r.item_id, r.depot_id if per_depot else None)
        result[key] = result.get(key, 0) + int(r.in_transit_in)
    return result


def _sorted(rows: list, sort: str, descending: bool) -> list:
    if sort not in ITEM_SORT_KEYS and sort not in {"category_name", "depot_name"}:
        sort = "item_code"
    return sorted(
        rows, key=lambda r: (getattr(r, sort) is None, getattr(r, sort)), reverse=descending
    )


def stock_by_category(
    uow: UnitOfWork, actor: Actor, flt: StockFilter = StockFilter()
) -> list[CategoryStockRow]:
    """Totals per category. Mixed units are summed as pieces, as the source documents do."""

    def tx(conn: Connection) -> list[CategoryStockRow]:
        bal = t.lot_balances.c
        cols = [
            t.categories.c.code,
            t.categories.c.name,
            t.items.c.unit,
            t.items.c.decimals,
            func.sum(bal.on_hand).label("on_hand"),
            func.count().label("lots"),
            func.count(func.distinct(t.items.c.id)).label("items"),
            func.sum(bal.on_hand * t.lots.c.unit_price_fen).label("value"),
        ]
        query = _lot_select(conn, actor, flt, cols).group_by(
            t.categories.c.code, t.categories.c.name, t.items.c.unit, t.items.c.decimals
        )
        acc: dict[str, dict] = {}
        for r in conn.execute(query):
            entry = acc.setdefault(
                r.code,
                {
                    "name": r.name,
                    "units": {},
                    "milli": 0,
                    "lots": 0,
                    "items": 0,
                    "value": 0,
                    "decimals": 0,
                },
            )
            unit_milli, unit_decimals = entry["units"].get(r.unit, (0, 0))
            entry["units"][r.unit] = (
                unit_milli + int(r.on_hand),
                max(unit_decimals, int(r.decimals)),
            )
            entry["milli"] += int(r.on_hand)
            entry["lots"] += int(r.lots)
            entry["items"] += int(r.items)
            entry["value"] += int(r.value or 0)
            entry["decimals"] = max(entry["decimals"], int(r.decimals))
        return [
            CategoryStockRow(
                code,
                e["name"],
                next(iter(e["units"])) if len(e["units"]) == 1 else "",
                from_milli(e["milli"], e["decimals"]),
                e["items"],
                e["lots"],
                (Decimal(e["value"]) / 100000).quantize(Decimal("0.01")),
                tuple(
                    (unit, from_milli(milli, decimals))
                    for unit, (milli, decimals) in sorted(
                        e["units"].items(), key=lambda pair: (-pair[1][0], pair[0])
                    )
                ),
            )
            for code, e in sorted(acc.items())
        ]

    return uow.read(tx)
