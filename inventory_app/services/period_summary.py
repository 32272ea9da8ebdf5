"""收发存汇总: for any period, per item and depot, 期初 / 收入 / 发出 / 期末, in quantity and money.

Everything is summed from the ledger (never from the balances), so it is what an auditor
recomputes by hand. Receipts, transfers in, returns and stock-taking gains are 收入;
issues, transfers out, write-offs and losses are 发出. A reversal counts against what it
reverses (a reversed issue lowers 发出, it is not a receipt). Money is each lot's unit
price × the quantity, rounded half-up to the fen per lot.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import Connection, case, func, select

from ..domain.errors import InvalidInput
from ..domain.model import MovementKind
from ..domain.permissions import Actor
from ..domain.quantities import from_milli, money_amount
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from .scope import depot_scope

_IN = {MovementKind.RECEIVE, MovementKind.TRANSFER_IN}
_OUT = {MovementKind.ISSUE, MovementKind.TRANSFER_OUT, MovementKind.SCRAP}


@dataclass(frozen=True)
class PeriodRow:
    depot_code: str
    depot_name: str
    item_code: str
    item_name: str
    unit: str
    opening: Decimal
    received: Decimal
    issued: Decimal
    closing: Decimal
    opening_value: Decimal  # yuan
    received_value: Decimal
    issued_value: Decimal
    closing_value: Decimal


def _side(kind: str, delta: int, original_kind: str | None, original_delta: int | None) -> str:
    """ "in" or "out": what a movement adds to (a reversal: what its original added to)."""
    if kind == MovementKind.REVERSAL and original_kind is not None:
        kind, delta = original_kind, int(original_delta or 0)
    if kind in _IN:
        return "in"
    if kind in _OUT:
        return "out"
    return "in" if delta > 0 else "out"  # adjustments: gains in, losses out


def period_summary(
    uow: UnitOfWork,
    actor: Actor,
    date_from: date,
    date_to: date,
    depot_codes: tuple[str, ...] = (),
) -> list[PeriodRow]:
    """One row per (depot, item) with anything in the period or on hand at its start."""
    if date_to < date_from:
        raise InvalidInput("date_to", "range", date_to)

    def tx(conn: Connection) -> list[PeriodRow]:
        m, orig = t.movements.c, t.movements.alias("orig")
        # The database sums per lot and per what decides the side (before the period; kind,
        # sign, and the reversed movement's kind and sign): a million movements come back as
        # a few rows per lot, classified below exactly as one movement would be.
        before = case((m.doc_date < date_from, 1), else_=0).label("before")
        gain = case((m.delta > 0, 1), else_=-1).label("gain")
        orig_gain = case((orig.c.delta > 0, 1), (orig.c.delta < 0, -1), else_=0).label("og")
        keys = (m.depot_id, m.item_id, m.lot_id, t.lots.c.unit_price_fen, m.kind, orig.c.kind)
        query = (
            select(*keys, before, gain, orig_gain, func.sum(m.delta).label("delta"))
            .outerjoin(orig, orig.c.id == m.reverses_movement_id)
            .join(t.lots, t.lots.c.id == m.lot_id)
            .where(m.doc_date <= date_to, *depot_scope(conn, actor, depot_codes, m.depot_id))
            .group_by(*keys, before, gain, orig_gain)
        )
        # per (depot, item, lot): opening, in, out in thousandths
        sums: dict[tuple[int, int, int], list[int]] = defaultdict(lambda: [0, 0, 0])
        prices: dict[int, int] = {}
        for (
            depot_id,
            item_id,
            lot_id,
            price,
            kind,
            o_kind,
            early,
            sign,
            o_sign,
            delta,
        ) in conn.execute(query):
            prices[int(lot_id)] = int(price)
            acc = sums[(int(depot_id), int(item_id), int(lot_id))]
            if early:
                acc[0] += int(delta)
            elif _side(kind, int(sign), o_kind, int(o_sign)) == "in":
                acc[1] += int(delta)
            else:
                acc[2] -= int(delta)
        return _rows(conn, sums, prices)

    return uow.read(tx)


def _rows(
    conn: Connection, sums: dict[tuple[int, int, int], list[int]], prices: dict[int, int]
) -> list[PeriodRow]:
    items = {
        int(r.id): r
        for r in conn.execute(
            select(t.items.c.id, t.items.c.code, t.items.c.name, t.items.c.unit, t.items.c.decimals)
        )
    }
    depots = {
        int(r.id): r for r in conn.execute(select(t.depots.c.id, t.depots.c.code, t.depots.c.name))
    }
    qty: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0, 0])
    fen: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for (depot_id, item_id, lot_id), (opening, got, gave) in sums.items():
        dec, price = int(items[item_id].decimals), prices[lot_id]
        key = (depot_id, item_id)
        for i, value in enumerate((opening, got, gave)):
            qty[key][i] += value
            fen[key][i] += money_amount(from_milli(value, dec), price)
        fen[key][3] += money_amount(from_milli(opening + got - gave, dec), price)
    rows = []
    for (depot_id, item_id), (opening, got, gave) in qty.items():
        if not (opening or got or gave):
            continue
        item, depot, dec = items[item_id], depots[depot_id], int(items[item_id].decimals)
        money = [Decimal(v) / 100 for v in fen[(depot_id, item_id)]]
        rows.append(
            PeriodRow(
                depot.code,
                depot.name,
                item.code,
                item.name,
                item.unit,
                from_milli(opening, dec),
                from_milli(got, dec),
                from_milli(gave, dec),
                from_milli(opening + got - gave, dec),
                *money,
            )
        )
    return sorted(rows, key=lambda r: (r.depot_code, r.item_code))
