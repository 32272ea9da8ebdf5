"""Editable defaults (persons target, road factor, truck speed, …) kept in the database."""

from __future__ import annotations

from sqlalchemy import Connection, select

from ..domain.permissions import Action, Actor, require
from ..persistence import repo
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from .common import audit

PREFIX = "setting."
DEFAULTS: dict[str, str] = {
    "persons_target": "7800",
    "road_factor": "1.3",
    "truck_speed_kmh": "55",
    "near_expiry_days": "90",
    "funding_source": "市本级财政",
    "plan_years": "2022-2024",
    "plan_target": "中卫市本级",  # the reserve target the plan page and `coverage` open with  # the reserve plan's default year range (000 lines 827–829)
    "slip_form": "a4",  # 出库单 paper: a4, or continuous (241 × 140 mm, dot-matrix)
    # Items that must come back after use if used for less than N months (item:months).
    "return_rules": "050101:12,050102:6",
    # Drills: minutes to pick, load and hand over at each end, added to the travel time.
    "handling_minutes": "60",
}


def read_settings(conn: Connection) -> dict[str, str]:
    """The settings inside a caller's transaction (defaults for what was never set)."""
    stored = {
        row.key[len(PREFIX) :]: row.value
        for row in conn.execute(select(t.app_meta).where(t.app_meta.c.key.like(f"{PREFIX}%")))
    }
    return {**DEFAULTS, **stored}


def get_settings(uow: UnitOfWork) -> dict[str, str]:
    return uow.read(read_settings)


def set_settings(uow: UnitOfWork, actor: Actor, values: dict[str, object]) -> None:
    def tx(conn: Connection) -> None:
        require(actor, Action.MANAGE_CATALOG)
        for key, value in values.items():
            text = str(value)
            conn.execute(
                repo.dialect_insert(conn, t.app_meta)
                .values(key=PREFIX + key, value=text)
                .on_conflict_do_update(index_elements=["key"], set_={"value": text})
            )
        audit(conn, actor, "update", "settings", None, {k: str(v) for k, v in values.items()})

    uow.write(tx)
