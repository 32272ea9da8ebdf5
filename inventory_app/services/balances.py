"""Single look-ups: one item's balance in one depot, one lot by its batch number."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Connection, select

from ..domain.errors import InvalidInput, NotFound
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


def lot_by_batch(
    uow: UnitOfWork, actor: Actor, depot_code: str, batch_no: str, item_code: str | None = None
) -> int:
    """The lot with stock of batch `batch_no` at a depot (of `item_code`, if given), so a
    keeper can name lots by the batch on the bin card. NotFound when there is none;
    InvalidInput when the batch names several lots."""

    def tx(conn: Connection) -> list[int]:
        lot, bal = t.lots.c, t.lot_balances.c
        conds = [
            *depot_scope(conn, actor, (depot_code,), lot.depot_id),
            lot.batch_no == batch_no.strip(),
            bal.on_hand > 0,
        ]
        if item_code:
            conds.append(t.items.c.code == item_code.strip())
        query = (
            select(lot.id)
            .join(t.lot_balances, bal.lot_id == lot.id)
            .join(t.items, t.items.c.id == lot.item_id)
            .where(*conds)
        )
        return [int(x) for x in conn.execute(query).scalars()]

    found = uow.read(tx)
    if not found:
        raise NotFound("lot", batch_no)
    if len(found) > 1:
        raise InvalidInput("batch", "ambiguous", batch_no)
    return found[0]
