"""Coverage: how many displaced persons the stock can shelter, and which item limits it.

Physical stock only; 协议储备 (agreements answering within 24 h / 72 h) is reported in its
own columns and never added to the physical figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import Connection, select

from ..domain.errors import NotFound
from ..domain.permissions import Action, Actor, require
from ..domain.planning import Norm, limiting, persons_covered, required_quantities, shelter_of
from ..domain.quantities import from_milli
from ..persistence import repo
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from . import capacity, plan_generate, plan_queries, plan_setup, plan_stock
from .common import today
from .plan_generate import PlanSpec
from .settings import read_settings


@dataclass(frozen=True)
class CoverageItem:
    item_code: str
    item_name: str
    unit: str
    basis: str
    norm: Decimal
    held: Decimal
    required: Decimal
    persons_covered: int | None  # None: not required (norm 0)
    agreement_24h: Decimal  # 协议储备 deliverable within 24 h (not stock)
    agreement_72h: Decimal
    persons_with_agreements: int | None  # held + 72 h agreements
    capacity_72h: Decimal = Decimal(0)  # 产能储备 that could be made within 72 h (not stock)


@dataclass(frozen=True)
class YearCoverage:
    year: int
    persons_covered: int
    limiting_item: str | None


@dataclass(frozen=True)
class Coverage:
    scope: str
    persons_target: int
    persons_covered: int
    limiting_item: str | None
    limiting_item_name: str
    persons_with_agreements_24h: int
    persons_with_agreements_72h: int
    items: tuple[CoverageItem, ...]
    plan_no: str  # the plan the yearly growth follows ("" = generated now)
    by_year: tuple[YearCoverage, ...]


def default_target(conn: Connection) -> str:
    wanted = read_settings(conn)["plan_target"]
    rows = plan_setup.target_rows(conn)
    if not rows:
        raise NotFound("reserve_target", wanted)
    return next((r.name for r in rows if r.name == wanted), rows[0].name)


def home_target(uow: UnitOfWork, actor: Actor) -> str:
    """The target the plan page and `coverage` open with (setting plan_target)."""
    require(actor, Action.VIEW)
    return uow.read(default_target)


def coverage(
    uow: UnitOfWork,
    actor: Actor,
    *,
    target: str | None = None,
    depot: str | None = None,
    region: str | None = None,
    norm_set: str | None = None,
    day: date | None = None,
) -> Coverage:
    """Coverage of a target (its owner's stock wherever held), or of the stock lying in one
    depot or in one region (a county, the whole city), whoever owns it, on the target's
    norms."""
    require(actor, Action.VIEW)

    def tx(conn: Connection) -> Coverage:
        name = target or default_target(conn)
        found = plan_setup.target_rows(conn, name)[0]
        set_code = norm_set or found.norm_set
        norms = plan_setup.norms_of(conn, plan_setup.norm_set_id(conn, set_code))
        ids = [item_id for _, item_id in norms]
        owner_id = int(repo.org_by_code(conn, found.owner_code).id)
        if depot:
            dep = repo.depot_by_code(conn, depot, for_posting=False)
            held, scope, persons = plan_stock.held_in_depot(conn, dep.id, ids), dep.label, 0
        elif region:
            place = conn.execute(select(t.regions).where(t.regions.c.code == region)).first()
            if place is None:
                raise NotFound("region", region)
            held, scope, persons = (
                plan_stock.held_in_region(conn, int(place.id), ids),
                place.name,
                0,
            )
        else:
            held = plan_stock.held_by_owner(conn, owner_id, ids)
            scope, persons = found.name, found.persons
        on = day or today()
        quick = plan_stock.agreement_capacity(conn, ids, on, 24)
        slow = plan_stock.agreement_capacity(conn, ids, on, 72)
        made = capacity.capacity_within(conn, ids, on, 72)
        result = _cover(conn, norms, held, (quick, slow, made), persons, scope)
        if depot or region:
            return result
        inputs = plan_generate.resolve(conn, PlanSpec(target=found.name, norm_set=set_code))
        plan_no = plan_queries.current_plan(conn, owner_id) if norm_set is None else None
        view = (
            plan_queries.load_view(conn, plan_no, with_changes=False)
            if plan_no
            else plan_generate.compute(conn, inputs)
        )
        return _with_years(result, norms, held, view, plan_no or "")

    return uow.read(tx)


def _cover(
    conn: Connection,
    norms: list[tuple[Norm, int]],
    held: dict[int, int],
    reserves: tuple[dict[int, int], dict[int, int], dict[int, int]],
    persons: int,
    scope: str,
) -> Coverage:
    """Per item: physical stock, then (apart) agreements within 24 / 72 h and capacity."""
    quick, slow, made = reserves
    shelter = shelter_of([n for n, _ in norms])
    ppt = shelter.value if shelter else None
    required = required_quantities(persons, [n for n, _ in norms]) if persons else {}
    items = []
    for norm, item_id in norms:
        item = repo.item_by_id(conn, item_id)
        have = from_milli(held.get(item_id, 0), item.decimals)
        q24 = from_milli(quick.get(item_id, 0), item.decimals)
        q72 = from_milli(slow.get(item_id, 0), item.decimals)
        items.append(
            CoverageItem(
                item.code,
                item.name,
                item.unit,
                norm.basis.value,
                norm.value.normalize(),
                have,
                required.get(norm.item_code, Decimal(0)),
                persons_covered(have, norm, ppt),
                q24,
                q72,
                persons_covered(have + q72, norm, ppt),
                from_milli(made.get(item_id, 0), item.decimals),
            )
        )
    code, covered = limiting({i.item_code: i.persons_covered for i in items})
    with_24 = limiting(
        {
            n.item_code: persons_covered(i.held + i.agreement_24h, n, ppt)
            for i, (n, _) in zip(items, norms, strict=True)
        }
    )[1]
    with_72 = limiting({i.item_code: i.persons_with_agreements for i in items})[1]
    name = next((i.item_name for i in items if i.item_code == code), "")
    return Coverage(scope, persons, covered, code, name, with_24, with_72, tuple(items), "", ())


def _with_years(
    result: Coverage,
    norms: list[tuple[Norm, int]],
    held: dict[int, int],
    view: plan_generate.PlanView,
    plan_no: str,
) -> Coverage:
    """Coverage after each plan year, as if the plan's quantities up to it had arrived."""
    shelter = shelter_of([n for n, _ in norms])
    ppt = shelter.value if shelter else None
    planned = {ln.item_code: ln.years for ln in view.lines}
    growth = []
    for year in view.years:
        covered = {}
        for norm, item_id in norms:
            extra = sum(
                (q for y, q in planned.get(norm.item_code, {}).items() if y <= year), Decimal(0)
            )
            covered[norm.item_code] = persons_covered(
                from_milli(held.get(item_id, 0)) + extra, norm, ppt
            )
        code, persons = limiting(covered)
        growth.append(YearCoverage(year, persons, code))
    return Coverage(
        result.scope,
        result.persons_target,
        result.persons_covered,
        result.limiting_item,
        result.limiting_item_name,
        result.persons_with_agreements_24h,
        result.persons_with_agreements_72h,
        result.items,
        plan_no,
        tuple(growth),
    )
