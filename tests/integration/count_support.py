"""Shared set-up of the stocktake tests: stock at depot A, an auditor, a count."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from inventory_app.domain.model import Role
from inventory_app.domain.permissions import Actor
from inventory_app.services import auth, counts
from tests.factories import PASSWORD, World
from tests.integration.helpers import receive, rid

COUNT_TABLES = (
    "movements",
    "documents",
    "document_lines",
    "document_events",
    "document_links",
    "lots",
    "lot_balances",
    "stock_balances",
    "doc_counters",
    "requests",
    "count_details",
    "count_lines",
    "count_workbooks",
)


@dataclass(frozen=True)
class Stocked:
    auditor: Actor
    tents: int  # lot of 10 棉帐篷 at A-01
    quilts: int  # lot of 40 棉被 at A-01
    flour: int  # lot of 2.5 吨 面粉 (no location)


def stock(world: World) -> Stocked:
    auth.create_user(
        world.uow,
        world.admin,
        username="audit",
        password=PASSWORD,
        role=Role.AUDITOR,
        display_name="审计员（监盘人）",
    )
    auditor = auth.authenticate(world.uow, "audit", PASSWORD)
    _, tents = receive(
        world.uow, world.keeper_a, "A", "050101", 10, batch="T-1", location_code="A-01"
    )
    _, quilts = receive(
        world.uow, world.keeper_a, "A", "050104", 40, batch="Q-1", location_code="A-01"
    )
    _, flour = receive(world.uow, world.keeper_a, "A", "140201", Decimal("2.5"), batch="F-1")
    return Stocked(auditor, tents, quilts, flour)


def open_count(world: World, actor: Actor | None = None, depot: str = "A", **kw: object) -> str:
    return counts.open_count(
        world.uow,
        actor or world.keeper_a,
        depot=depot,
        request_id=rid(),
        **kw,  # type: ignore[arg-type]
    ).doc_no
