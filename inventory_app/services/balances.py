"""One item's balance in one depot, straight from the maintained counters."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Connection, select

from ..domain.permissions import Actor
from ..domain.quantities import from_milli
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from .scope import depot_scope


def balance(
    uow: UnitOfWork, actor: Actor, item_code: str, depot_code: str
) -> tuple[Decimal, Decimal, Decimal]:
    """(on hand, reserved, in transit) of one item in one depot, from the maintained balance."""

    def tx(conn: Connection) -> tuple[Decimal, Decimal, Decimal]:
        sb = t.stock_balances.c
        conds = depot_scope(conn, actor, (depot_code,), sb.depot_id)
        row = conn.execute(
            select(sb.on_hand, sb.reserved, sb.in_transit_in, t.items.c.decimals)
            .join(t.items, t.items.c.id == sb.item_id)
            .where(t.items.c.code == item_code, *conds)
        ).first()
        if row is None:
            zero = Decimal(0)
            return zero, zero, zero
        return (
            from_milli(row.on_hand, row.decimals),
            from_milli(row.reserved, row.decimals),
            from_milli(row.in_transit_in, row.decimals),
        )

    return uow.read(tx)
