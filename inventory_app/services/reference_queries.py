"""Reference-data read side: depots, locations, categories, items, organisations, users."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Connection, func, select

from ..domain.permissions import Actor
from ..domain.quantities import fen_to_yuan, from_milli
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from .rows import CategoryRow, DepotRow, ItemRow, LocationRow, OrganisationRow
from .scope import depot_scope, item_text_condition


def depots(
    uow: UnitOfWork, actor: Actor, *, include_inactive: bool = True, only_visible: bool = True
) -> list[DepotRow]:
    """Depots ordered by level then code; keepers see theirs unless only_visible=False."""

    def tx(conn: Connection) -> list[DepotRow]:
        d = t.depots.c
        lots = (
            select(func.count())
            .where(t.lot_balances.c.depot_id == d.id, t.lot_balances.c.on_hand > 0)
            .scalar_subquery()
        )
        query = (
            select(
                t.depots,
                t.regions.c.name.label("region_name"),
                t.organisations.c.code.label("owner_code"),
                t.organisations.c.name.label("owner_name"),
                lots.label("lots"),
            )
            .outerjoin(t.regions, t.regions.c.id == d.region_id)
            .join(t.organisations, t.organisations.c.id == d.owner_org_id)
        )
        conds = depot_scope(conn, actor, (), d.id) if only_visible else []
        if not include_inactive:
            conds.append(d.active.is_(True))
        for cond in conds:
            query = query.where(cond)
        query = query.order_by(d.kind.desc(), d.level, d.code)
        return [
            DepotRow(
                r.id,
                r.code,
                r.name,
                r.kind,
                r.level,
                r.region_name or "",
                r.owner_code,
                r.owner_name,
                r.address,
                r.contact,
                r.phone,
                r.lat,
                r.lon,
                bool(r.demo),
                bool(r.active),
                int(r.lots),
                r.note,
                r.short_name,
            )
            for r in conn.execute(query)
        ]

    return uow.read(tx)


def locations(
    uow: UnitOfWork, depot_code: str, *, include_inactive: bool = False
) -> list[LocationRow]:
    def tx(conn: Connection) -> list[LocationRow]:
        query = (
            select(t.locations, t.depots.c.code.label("depot_code"))
            .join(t.depots, t.depots.c.id == t.locations.c.depot_id)
            .where(t.depots.c.code == depot_code)
            .order_by(t.locations.c.code)
        )
        if not include_inactive:
            query = query.where(t.locations.c.active.is_(True))
        return [
            LocationRow(r.id, r.depot_code, r.code, r.name, bool(r.active))
            for r in conn.execute(query)
        ]

    return uow.read(tx)


def categories(uow: UnitOfWork) -> list[CategoryRow]:
    def tx(conn: Connection) -> list[CategoryRow]:
        count = (
            select(func.count()).where(t.items.c.category_id == t.categories.c.id).scalar_subquery()
        )
        query = select(t.categories, count.label("items")).order_by(t.categories.c.code)
        return [
            CategoryRow(r.id, r.code, r.name, r.name_en, int(r.items)) for r in conn.execute(query)
        ]

    return uow.read(tx)


def _dec(milli: int | None) -> Decimal | None:
    return None if milli is None else from_milli(milli, 3).normalize()


def items(
    uow: UnitOfWork,
    *,
    category_code: str | None = None,
    text: str = "",
    include_inactive: bool = True,
) -> list[ItemRow]:
    """Catalogue items; `text` matches name, code, English name or pinyin initials."""

    def tx(conn: Connection) -> list[ItemRow]:
        query = (
            select(
                t.items,
                t.categories.c.code.label("category_code"),
                t.categories.c.name.label("category_name"),
            )
            .join(t.categories, t.categories.c.id == t.items.c.category_id)
            .order_by(t.items.c.code)
        )
        if category_code:
            query = query.where(t.categories.c.code == category_code)
        if text.strip():
            query = query.where(item_text_condition(text))
        if not include_inactive:
            query = query.where(t.items.c.active.is_(True))
        return [
            ItemRow(
                r.id,
                r.code,
                r.name,
                r.name_en,
                r.pinyin,
                r.category_code,
                r.category_name,
                r.spec,
                r.unit,
                r.decimals,
                r.gb_code,
                None if r.ref_price_fen is None else fen_to_yuan(r.ref_price_fen),
                r.shelf_life_days,
                r.shelf_life_months,
                _dec(r.norm_per_person),
                _dec(r.norm_per_tent),
                _dec(r.persons_per_unit),
                r.reserve_modes,
                bool(r.active),
            )
            for r in conn.execute(query)
        ]

    return uow.read(tx)


def organisations(uow: UnitOfWork) -> list[OrganisationRow]:
    def tx(conn: Connection) -> list[OrganisationRow]:
        query = select(t.organisations).order_by(t.organisations.c.level, t.organisations.c.code)
        return [OrganisationRow(r.id, r.code, r.name, r.kind, r.level) for r in conn.execute(query)]

    return uow.read(tx)


def regions(uow: UnitOfWork) -> list[tuple[str, str, int, str | None]]:
    """(code, name, level, parent code) in level order, for grouping depots by region."""

    def tx(conn: Connection) -> list[tuple[str, str, int, str | None]]:
        parent = t.regions.alias("parent")
        query = (
            select(
                t.regions.c.code,
                t.regions.c.name,
                t.regions.c.level,
                parent.c.code.label("parent_code"),
            )
            .outerjoin(parent, parent.c.id == t.regions.c.parent_id)
            .order_by(t.regions.c.level, t.regions.c.code)
        )
        return [(r.code, r.name, r.level, r.parent_code) for r in conn.execute(query)]

    return uow.read(tx)


def users(uow: UnitOfWork, actor: Actor) -> list[tuple[str, str, str, bool, tuple[str, ...]]]:
    """(username, display name, role, active, depot codes) for the users page."""
    del actor

    def tx(conn: Connection) -> list[tuple[str, str, str, bool, tuple[str, ...]]]:
        bound: dict[int, list[str]] = {}
        for r in conn.execute(
            select(t.user_depots.c.user_id, t.depots.c.code).join(
                t.depots, t.depots.c.id == t.user_depots.c.depot_id
            )
        ):
            bound.setdefault(r.user_id, []).append(r.code)
        query = select(t.users).where(t.users.c.username != "system").order_by(t.users.c.username)
        return [
            (r.username, r.display_name, r.role, bool(r.active), tuple(bound.get(r.id, [])))
            for r in conn.execute(query)
        ]

    return uow.read(tx)
