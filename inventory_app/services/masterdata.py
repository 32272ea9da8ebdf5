"""Reference data: regions, organisations, categories, items, depots and storage locations."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from pypinyin import Style, lazy_pinyin
from sqlalchemy import Connection, insert, select, update

from ..domain.errors import AlreadyExists, HasHistory, InvalidInput, NotFound
from ..domain.model import Level, ReserveMode
from ..domain.permissions import Action, Actor, require
from ..domain.quantities import parse_money, parse_quantity, plain_decimal, to_milli
from ..domain.shelf_life import MAX_DAYS, MAX_MONTHS
from ..persistence import repo
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from .common import audit


def pinyin_initials(name: str) -> str:
    """棉帐篷 → mzp: keepers type initials to find items quickly."""
    return "".join(p[0] for p in lazy_pinyin(name, style=Style.FIRST_LETTER) if p).lower()[:100]


def _level(value: int | str) -> int:
    try:
        return int(Level(int(value)))
    except (ValueError, TypeError):
        raise InvalidInput("level", "range", value) from None


def _required(value: str, name: str, limit: int) -> str:
    text = (value or "").strip()
    if not text or len(text) > limit:
        raise InvalidInput(name, "required" if not text else "too_long", value)
    return text


def _optional(value: str, name: str, limit: int) -> str:
    text = (value or "").strip()
    if len(text) > limit:
        raise InvalidInput(name, "too_long", value)
    return text


def _id_or_none(conn: Connection, table: t.Table, code: str | None, kind: str) -> int | None:
    if not code:
        return None
    row = conn.execute(select(table.c.id).where(table.c.code == code)).first()
    if row is None:
        raise NotFound(kind, code)
    return int(row.id)


def _unique(conn: Connection, table: t.Table, code: str, kind: str) -> None:
    if conn.execute(select(table.c.id).where(table.c.code == code)).first():
        raise AlreadyExists(kind, code)


def create_region(
    uow: UnitOfWork, actor: Actor, *, code: str, name: str, level: int, parent: str | None = None
) -> int:
    def tx(conn: Connection) -> int:
        require(actor, Action.MANAGE_DEPOTS)
        _unique(conn, t.regions, code, "region")
        region_id = conn.execute(
            insert(t.regions)
            .values(
                code=_required(code, "code", 20),
                name=_required(name, "name", 100),
                level=_level(level),
                parent_id=_id_or_none(conn, t.regions, parent, "region"),
            )
            .returning(t.regions.c.id)
        ).scalar_one()
        return int(region_id)

    return uow.write(tx)


def create_organisation(
    uow: UnitOfWork,
    actor: Actor,
    *,
    code: str,
    name: str,
    kind: str,
    level: int,
    region: str | None = None,
) -> int:
    def tx(conn: Connection) -> int:
        require(actor, Action.MANAGE_DEPOTS)
        _unique(conn, t.organisations, code, "organisation")
        org_id = conn.execute(
            insert(t.organisations)
            .values(
                code=_required(code, "code", 40),
                name=_required(name, "name", 200),
                kind=_required(kind, "kind", 30),
                level=_level(level),
                region_id=_id_or_none(conn, t.regions, region, "region"),
                active=True,
            )
            .returning(t.organisations.c.id)
        ).scalar_one()
        return int(org_id)

    return uow.write(tx)


def create_category(
    uow: UnitOfWork, actor: Actor, *, code: str, name: str, name_en: str = ""
) -> int:
    def tx(conn: Connection) -> int:
        require(actor, Action.MANAGE_CATALOG)
        _unique(conn, t.categories, code, "category")
        return int(
            conn.execute(
                insert(t.categories)
                .values(
                    code=_required(code, "code", 4),
                    name=_required(name, "name", 60),
                    name_en=name_en.strip(),
                )
                .returning(t.categories.c.id)
            ).scalar_one()
        )

    return uow.write(tx)


@dataclass(frozen=True)
class ItemSpec:
    """What a planner enters for a catalogue item."""

    code: str
    name: str
    category: str
    unit: str
    decimals: int = 0
    spec: str = ""
    name_en: str = ""
    gb_code: str | None = None
    ref_price: Decimal | str | None = None
    shelf_life_days: int | None = None  # a storage life in days, or …
    shelf_life_months: int | None = None  # … in months (8 年 = 96): never both
    norm_per_person: Decimal | str | None = None
    norm_per_tent: Decimal | str | None = None
    persons_per_unit: Decimal | str | None = None
    reserve_modes: tuple[str, ...] = field(default=(ReserveMode.PHYSICAL.value,))


def _item_values(conn: Connection, spec: ItemSpec) -> dict[str, object]:
    if spec.decimals not in (0, 1, 2, 3):
        raise InvalidInput("decimals", "range", spec.decimals)
    if spec.gb_code and (len(spec.gb_code) != 7 or not spec.gb_code.isdigit()):
        raise InvalidInput("gb_code", "seven_digits", spec.gb_code)
    for field_name in ("shelf_life_days", "shelf_life_months"):
        value = getattr(spec, field_name)
        if value is not None and int(value) <= 0:
            raise InvalidInput(field_name, "positive", value)
    if (spec.shelf_life_months or 0) > MAX_MONTHS or (spec.shelf_life_days or 0) > MAX_DAYS:
        raise InvalidInput(
            "shelf_life_days", "range", spec.shelf_life_days or spec.shelf_life_months
        )
    if spec.shelf_life_days and spec.shelf_life_months:
        raise InvalidInput("shelf_life_days", "either_months_or_days", spec.shelf_life_days)
    modes = tuple(ReserveMode(m).value for m in spec.reserve_modes) or (ReserveMode.PHYSICAL.value,)

    def norm(value: Decimal | str | None) -> int | None:
        return None if value in (None, "") else to_milli(parse_quantity(value, 3))

    category_id = _id_or_none(conn, t.categories, spec.category, "category")
    if category_id is None:
        raise InvalidInput("category", "required")
    return {
        "name": _required(spec.name, "name", 100),
        "name_en": spec.name_en.strip(),
        "pinyin": pinyin_initials(spec.name),
        "category_id": category_id,
        "spec": spec.spec.strip(),
        "unit": _required(spec.unit, "unit", 10),
        "decimals": spec.decimals,
        "gb_code": spec.gb_code or None,
        "ref_price_fen": None if spec.ref_price in (None, "") else parse_money(spec.ref_price),
        "shelf_life_days": spec.shelf_life_days,
        "shelf_life_months": spec.shelf_life_months,
        "norm_per_person": norm(spec.norm_per_person),
        "norm_per_tent": norm(spec.norm_per_tent),
        "persons_per_unit": norm(spec.persons_per_unit),
        "reserve_modes": ",".join(modes),
    }


def create_item(uow: UnitOfWork, actor: Actor, spec: ItemSpec) -> int:
    def tx(conn: Connection) -> int:
        require(actor, Action.MANAGE_CATALOG)
        code = _required(spec.code, "code", 20)
        _unique(conn, t.items, code, "item")
        values = _item_values(conn, spec)
        item_id = int(
            conn.execute(
                insert(t.items).values(code=code, active=True, **values).returning(t.items.c.id)
            ).scalar_one()
        )
        audit(conn, actor, "create", "item", item_id, {"code": code})
        return item_id

    return uow.write(tx)


def update_item(uow: UnitOfWork, actor: Actor, spec: ItemSpec) -> None:
    """Catalogue facts may change (price, norms); the unit and decimals may not once used."""

    def tx(conn: Connection) -> None:
        require(actor, Action.MANAGE_CATALOG)
        item = repo.item_by_code(conn, spec.code, for_posting=False)
        values = _item_values(conn, spec)
        used = conn.execute(select(t.lots.c.id).where(t.lots.c.item_id == item.id).limit(1)).first()
        if used and (values["unit"] != item.unit or values["decimals"] != item.decimals):
            raise HasHistory("item", spec.code)
        conn.execute(update(t.items).where(t.items.c.id == item.id).values(**values))
        audit(conn, actor, "update", "item", item.id, {"code": spec.code})

    uow.write(tx)


def set_item_active(uow: UnitOfWork, actor: Actor, code: str, active: bool) -> None:
    def tx(conn: Connection) -> None:
        require(actor, Action.MANAGE_CATALOG)
        item = repo.item_by_code(conn, code, for_posting=False)
        conn.execute(update(t.items).where(t.items.c.id == item.id).values(active=active))
        audit(conn, actor, "activate" if active else "deactivate", "item", item.id)

    uow.write(tx)


@dataclass(frozen=True)
class DepotSpec:
    code: str
    name: str
    level: int
    owner_org: str
    kind: str = "relief"
    region: str | None = None
    address: str = ""
    contact: str = ""
    phone: str = ""
    lat: str | None = None
    lon: str | None = None
    demo: bool = False
    note: str = ""
    short_name: str = ""  # 简称 shown in tables; the full name goes on documents


def _coordinate(value: str | None, name: str, limit: int) -> str | None:
    if value in (None, ""):
        return None
    text = str(value).strip()
    number = plain_decimal(text)
    # Degrees have no thousands; "1,5" is a mistyped 1.5 and is refused rather than guessed.
    if number is None or "," in text or "，" in text:
        raise InvalidInput(name, "not_a_number", value)
    if abs(number) > limit:
        raise InvalidInput(name, "range", value)
    return str(number)


def _depot_values(conn: Connection, spec: DepotSpec) -> dict[str, object]:
    owner = repo.org_by_code(conn, spec.owner_org)
    return {
        "name": _required(spec.name, "name", 200),
        "short_name": _optional(spec.short_name, "short_name", 40),
        "kind": spec.kind or "relief",
        "level": _level(spec.level),
        "region_id": _id_or_none(conn, t.regions, spec.region, "region"),
        "owner_org_id": owner.id,
        "address": spec.address.strip(),
        "contact": spec.contact.strip(),
        "phone": spec.phone.strip(),
        "lat": _coordinate(spec.lat, "lat", 90),
        "lon": _coordinate(spec.lon, "lon", 180),
        "demo": bool(spec.demo),
        "note": spec.note,
    }


def create_depot(uow: UnitOfWork, actor: Actor, spec: DepotSpec) -> int:
    def tx(conn: Connection) -> int:
        require(actor, Action.MANAGE_DEPOTS)
        code = _required(spec.code, "code", 20)
        _unique(conn, t.depots, code, "depot")
        depot_id = int(
            conn.execute(
                insert(t.depots)
                .values(code=code, active=True, **_depot_values(conn, spec))
                .returning(t.depots.c.id)
            ).scalar_one()
        )
        audit(conn, actor, "create", "depot", depot_id, {"code": code})
        return depot_id

    return uow.write(tx)


def update_depot(uow: UnitOfWork, actor: Actor, spec: DepotSpec) -> None:
    def tx(conn: Connection) -> None:
        require(actor, Action.MANAGE_DEPOTS)
        dep = repo.depot_by_code(conn, spec.code, for_posting=False)
        conn.execute(
            update(t.depots).where(t.depots.c.id == dep.id).values(**_depot_values(conn, spec))
        )
        audit(conn, actor, "update", "depot", dep.id, {"code": spec.code})

    uow.write(tx)


def set_depot_active(uow: UnitOfWork, actor: Actor, code: str, active: bool) -> None:
    """Depots are deactivated, never deleted: their history stays readable."""

    def tx(conn: Connection) -> None:
        require(actor, Action.MANAGE_DEPOTS)
        dep = repo.depot_by_code(conn, code, for_posting=False)
        conn.execute(update(t.depots).where(t.depots.c.id == dep.id).values(active=active))
        audit(conn, actor, "activate" if active else "deactivate", "depot", dep.id)

    uow.write(tx)


def add_location(uow: UnitOfWork, actor: Actor, *, depot: str, code: str, name: str = "") -> int:
    def tx(conn: Connection) -> int:
        require(actor, Action.MANAGE_DEPOTS)
        dep = repo.depot_by_code(conn, depot, for_posting=False)
        loc_code = _required(code, "code", 30)
        if conn.execute(
            select(t.locations.c.id).where(
                t.locations.c.depot_id == dep.id, t.locations.c.code == loc_code
            )
        ).first():
            raise AlreadyExists("location", f"{depot}/{loc_code}")
        return int(
            conn.execute(
                insert(t.locations)
                .values(depot_id=dep.id, code=loc_code, name=name.strip(), active=True)
                .returning(t.locations.c.id)
            ).scalar_one()
        )

    return uow.write(tx)


def set_location_active(
    uow: UnitOfWork, actor: Actor, *, depot: str, code: str, active: bool
) -> None:
    def tx(conn: Connection) -> None:
        require(actor, Action.MANAGE_DEPOTS)
        dep = repo.depot_by_code(conn, depot, for_posting=False)
        loc_id = conn.execute(
            select(t.locations.c.id).where(
                t.locations.c.depot_id == dep.id, t.locations.c.code == code
            )
        ).scalar()
        if loc_id is None:
            raise NotFound("location", code)
        conn.execute(update(t.locations).where(t.locations.c.id == loc_id).values(active=active))

    uow.write(tx)
