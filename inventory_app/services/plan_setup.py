"""Reserve targets and norm sets as data: define, list, load from db/seed/."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import Connection, delete, insert, select, update

from ..domain.errors import InvalidInput, NotFound
from ..domain.model import Level
from ..domain.permissions import Action, Actor, require
from ..domain.planning import Norm, NormBasis
from ..domain.quantities import from_milli, parse_money, parse_quantity, to_milli
from ..persistence import repo
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from .common import audit


@dataclass(frozen=True)
class NormRow:
    item_code: str
    item_name: str
    unit: str
    basis: str
    value: Decimal


@dataclass(frozen=True)
class NormSetRow:
    code: str
    name: str
    note: str
    lines: tuple[NormRow, ...]


@dataclass(frozen=True)
class TargetRow:
    name: str
    level: int
    region_code: str
    owner_code: str
    owner_name: str
    persons: int
    norm_set: str
    yearly_ceiling: Decimal | None  # yuan
    funding_source: str
    note: str


def define_norm_set(
    uow: UnitOfWork,
    actor: Actor,
    *,
    code: str,
    name: str,
    lines: Sequence[tuple[str, str, Decimal | str]],
    note: str = "",
) -> None:
    """Create or replace a norm set: lines of (item code, basis, value)."""
    key = (code or "").strip()
    if not key or not (name or "").strip():
        raise InvalidInput("code" if not key else "name", "required")

    def tx(conn: Connection) -> None:
        require(actor, Action.MANAGE_CATALOG)
        values = []
        for item_code, basis, value in lines:
            item = repo.item_by_code(conn, item_code)
            try:
                kind = NormBasis(basis)
            except ValueError:
                raise InvalidInput("basis", "range", basis) from None
            values.append({"item_id": item.id, "basis": kind.value, "value": _milli(value)})
        found = conn.execute(select(t.norm_sets.c.id).where(t.norm_sets.c.code == key)).first()
        if found is None:
            set_id = int(
                conn.execute(
                    insert(t.norm_sets)
                    .values(code=key, name=name.strip(), note=note)
                    .returning(t.norm_sets.c.id)
                ).scalar_one()
            )
        else:
            set_id = int(found.id)
            conn.execute(
                update(t.norm_sets)
                .where(t.norm_sets.c.id == set_id)
                .values(name=name.strip(), note=note)
            )
            conn.execute(delete(t.norm_set_lines).where(t.norm_set_lines.c.norm_set_id == set_id))
        if values:
            conn.execute(insert(t.norm_set_lines), [{"norm_set_id": set_id, **v} for v in values])
        audit(conn, actor, "define", "norm_set", set_id, {"code": key, "lines": len(values)})

    uow.write(tx)


def _milli(value: Decimal | str) -> int:
    qty = parse_quantity(value, 3, allow_zero=True)
    if qty < 0:
        raise InvalidInput("quantity", "negative", value)
    return to_milli(qty)


def define_target(
    uow: UnitOfWork,
    actor: Actor,
    *,
    name: str,
    level: int,
    owner_org: str,
    persons: int,
    norm_set: str,
    region: str | None = None,
    yearly_ceiling: Decimal | str | None = None,
    funding_source: str = "",
    note: str = "",
) -> None:
    """Create or update a reserve target (by name)."""
    key = (name or "").strip()
    if not key:
        raise InvalidInput("name", "required")
    if int(persons) < 0:
        raise InvalidInput("persons", "negative", persons)
    try:
        level_value = int(Level(int(level)))
    except (ValueError, TypeError):
        raise InvalidInput("level", "range", level) from None

    def tx(conn: Connection) -> None:
        require(actor, Action.MANAGE_CATALOG)
        values = {
            "level": level_value,
            "region_id": _region_id(conn, region),
            "owner_org_id": int(repo.org_by_code(conn, owner_org).id),
            "persons": int(persons),
            "norm_set_id": norm_set_id(conn, norm_set),
            "yearly_ceiling_fen": None
            if yearly_ceiling in (None, "")
            else parse_money(yearly_ceiling),
            "funding_source": funding_source.strip()[:100],
            "note": note,
        }
        rt = t.reserve_targets.c
        found = conn.execute(select(rt.id).where(rt.name == key)).first()
        if found is None:
            new = conn.execute(
                insert(t.reserve_targets).values(name=key, active=True, **values).returning(rt.id)
            )
            target_id = int(new.scalar_one())
        else:
            target_id = int(found.id)
            conn.execute(update(t.reserve_targets).where(rt.id == target_id).values(**values))
        audit(conn, actor, "define", "reserve_target", target_id, {"name": key})

    uow.write(tx)


def _region_id(conn: Connection, code: str | None) -> int | None:
    if not code:
        return None
    row = conn.execute(select(t.regions.c.id).where(t.regions.c.code == code)).first()
    if row is None:
        raise NotFound("region", code)
    return int(row.id)


def norm_set_id(conn: Connection, code: str) -> int:
    row = conn.execute(select(t.norm_sets.c.id).where(t.norm_sets.c.code == code.strip())).first()
    if row is None:
        raise NotFound("norm_set", code)
    return int(row.id)


def norms_of(conn: Connection, set_id: int) -> list[tuple[Norm, int]]:
    """The set's norms in item-code order, each with its item id."""
    n, i = t.norm_set_lines.c, t.items.c
    rows = conn.execute(
        select(i.id, i.code, i.decimals, n.basis, n.value)
        .join(t.items, i.id == n.item_id)
        .where(n.norm_set_id == set_id)
        .order_by(i.code)
    ).all()
    return [
        (Norm(r.code, NormBasis(r.basis), from_milli(r.value), int(r.decimals)), int(r.id))
        for r in rows
    ]


def norm_sets(uow: UnitOfWork, actor: Actor) -> list[NormSetRow]:
    require(actor, Action.VIEW)

    def tx(conn: Connection) -> list[NormSetRow]:
        n, i = t.norm_set_lines.c, t.items.c
        found = []
        for s in conn.execute(select(t.norm_sets).order_by(t.norm_sets.c.code)).all():
            lines = conn.execute(
                select(i.code, i.name, i.unit, n.basis, n.value)
                .join(t.items, i.id == n.item_id)
                .where(n.norm_set_id == s.id)
                .order_by(i.code)
            ).all()
            rows = tuple(
                NormRow(r.code, r.name, r.unit, r.basis, from_milli(r.value, 3).normalize())
                for r in lines
            )
            found.append(NormSetRow(s.code, s.name, s.note, rows))
        return found

    return uow.read(tx)


def targets(uow: UnitOfWork, actor: Actor) -> list[TargetRow]:
    require(actor, Action.VIEW)
    return uow.read(lambda conn: target_rows(conn))


def target_rows(conn: Connection, name: str | None = None) -> list[TargetRow]:
    rt, o = t.reserve_targets.c, t.organisations.c
    query = (
        select(
            t.reserve_targets,
            o.code.label("owner_code"),
            o.name.label("owner_name"),
            t.regions.c.code.label("region_code"),
            t.norm_sets.c.code.label("set_code"),
        )
        .join(t.organisations, o.id == rt.owner_org_id)
        .join(t.norm_sets, t.norm_sets.c.id == rt.norm_set_id)
        .outerjoin(t.regions, t.regions.c.id == rt.region_id)
        .where(rt.active.is_(True))
        .order_by(rt.level, rt.name)
    )
    if name is not None:
        query = query.where(rt.name == name.strip())
    rows = [
        TargetRow(
            r.name,
            int(r.level),
            r.region_code or "",
            r.owner_code,
            r.owner_name,
            int(r.persons),
            r.set_code,
            None if r.yearly_ceiling_fen is None else Decimal(int(r.yearly_ceiling_fen)) / 100,
            r.funding_source,
            r.note,
        )
        for r in conn.execute(query)
    ]
    if name is not None and not rows:
        raise NotFound("reserve_target", name)
    return rows


def load_seed(uow: UnitOfWork, actor: Actor, seed: Path) -> None:
    """The demo's norm sets and targets (db/seed/norm_sets.json, reserve_targets.json)."""
    sets = json.loads((seed / "norm_sets.json").read_text(encoding="utf-8"))
    for entry in sets:
        define_norm_set(
            uow,
            actor,
            code=entry["code"],
            name=entry["name"],
            note=entry.get("note", ""),
            lines=[(x["item"], x["basis"], x["value"]) for x in entry["lines"]],
        )
    for entry in json.loads((seed / "reserve_targets.json").read_text(encoding="utf-8")):
        define_target(
            uow,
            actor,
            name=entry["name"],
            level=entry["level"],
            region=entry.get("region"),
            owner_org=entry["owner_org"],
            persons=entry["persons"],
            norm_set=entry["norm_set"],
            yearly_ceiling=entry.get("yearly_ceiling"),
            funding_source=entry.get("funding_source", ""),
            note=entry.get("note", ""),
        )
