"""What a user may see: depot scope and item text search shared by the read-side queries."""

from __future__ import annotations

from sqlalchemy import Connection, func, literal, or_, select
from sqlalchemy.sql.elements import ColumnElement

from ..domain.permissions import Action, Actor, require
from ..persistence import tables as t


def visible_depot_ids(actor: Actor) -> frozenset[int] | None:
    """None means every depot; a keeper sees only the depots bound to them."""
    require(actor, Action.VIEW)
    return None if actor.all_depots else actor.depot_ids


def depot_scope(
    conn: Connection, actor: Actor, codes: tuple[str, ...], column: ColumnElement
) -> list[ColumnElement]:
    conditions: list[ColumnElement] = []
    allowed = visible_depot_ids(actor)
    if allowed is not None:
        conditions.append(column.in_(sorted(allowed)) if allowed else literal(False))
    if codes:
        ids = list(conn.execute(select(t.depots.c.id).where(t.depots.c.code.in_(codes))).scalars())
        conditions.append(column.in_(ids) if ids else literal(False))
    return conditions


def item_text_condition(text: str) -> ColumnElement:
    pattern = f"%{text.strip().lower()}%"
    return or_(
        func.lower(t.items.c.name).like(pattern),
        func.lower(t.items.c.code).like(pattern),
        t.items.c.pinyin.like(pattern),
        func.lower(t.items.c.name_en).like(pattern),
    )
