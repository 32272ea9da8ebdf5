"""产能储备 (capacity reserves): enterprises that can make an item once mobilised. Planning
only, never stock: coverage shows what they could add within 72 hours in its own column."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_FLOOR, Decimal

from sqlalchemy import Connection, insert, select

from ..domain.errors import InvalidInput
from ..domain.permissions import Action, Actor, require
from ..domain.quantities import from_milli, parse_quantity, to_milli
from ..persistence import repo
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from .common import audit, parse_date, utcnow


@dataclass(frozen=True)
class CapacityRow:
    enterprise: str
    item_code: str
    item_name: str
    unit: str
    daily_capacity: Decimal
    mobilisation_days: int
    valid_from: date
    valid_to: date


def register(
    uow: UnitOfWork,
    actor: Actor,
    *,
    enterprise: str,
    item_code: str,
    daily_capacity: Decimal | str,
    mobilisation_days: int,
    valid_from: date | str,
    valid_to: date | str,
    note: str = "",
) -> None:
    firm = enterprise.strip()
    if not firm:
        raise InvalidInput("enterprise", "required")
    if int(mobilisation_days) < 0:
        raise InvalidInput("mobilisation_days", "negative", mobilisation_days)
    start, end = parse_date(valid_from, "valid_from"), parse_date(valid_to, "valid_to")
    if start is None or end is None or end < start:
        raise InvalidInput("valid_to", "range", valid_to)

    def tx(conn: Connection) -> None:
        require(actor, Action.MANAGE_CATALOG)
        item = repo.item_by_code(conn, item_code)
        new = conn.execute(
            insert(t.capacity_reserves)
            .values(
                enterprise=firm[:200],
                item_id=item.id,
                daily_capacity=to_milli(parse_quantity(daily_capacity, item.decimals)),
                mobilisation_days=int(mobilisation_days),
                valid_from=start,
                valid_to=end,
                note=note,
                created_by=actor.user_id,
                created_at=utcnow(),
            )
            .returning(t.capacity_reserves.c.id)
        )
        audit(conn, actor, "register", "capacity_reserve", int(new.scalar_one()), {"firm": firm})

    uow.write(tx)


def capacities(uow: UnitOfWork, actor: Actor) -> list[CapacityRow]:
    require(actor, Action.VIEW)

    def tx(conn: Connection) -> list[CapacityRow]:
        c, i = t.capacity_reserves.c, t.items.c
        rows = conn.execute(
            select(t.capacity_reserves, i.code, i.name, i.unit, i.decimals)
            .join(t.items, i.id == c.item_id)
            .order_by(i.code, c.enterprise)
        )
        return [
            CapacityRow(
                r.enterprise,
                r.code,
                r.name,
                r.unit,
                from_milli(int(r.daily_capacity), int(r.decimals)),
                int(r.mobilisation_days),
                r.valid_from,
                r.valid_to,
            )
            for r in rows
        ]

    return uow.read(tx)


def capacity_within(
    conn: Connection, item_ids: Collection[int], day: date, hours: int
) -> dict[int, int]:
    """What valid capacity reserves could make within `hours` (thousandths per item):
    daily capacity × the whole days left after mobilisation."""
    c = t.capacity_reserves.c
    made: dict[int, int] = {}
    for r in conn.execute(
        select(c.item_id, c.daily_capacity, c.mobilisation_days).where(
            c.item_id.in_(list(item_ids)), c.valid_from <= day, c.valid_to >= day
        )
    ):
        days = (Decimal(hours) / 24 - int(r.mobilisation_days)).to_integral_value(ROUND_FLOOR)
        if days > 0:
            made[int(r.item_id)] = made.get(int(r.item_id), 0) + int(r.daily_capacity) * int(days)
    return made
