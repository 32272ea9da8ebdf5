"""Plan generation: required = norm × persons, need = required − held − open contracts,
spread over the years by the shares, priced into a yearly budget against the ceiling."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from sqlalchemy import Connection, select

from ..domain.errors import InvalidInput
from ..domain.money_words import capital_yuan
from ..domain.permissions import Action, Actor, require
from ..domain.planning import parse_shares, required_quantities, split_years, year_range
from ..domain.quantities import fen_to_yuan, from_milli, money_amount, parse_money, to_milli
from ..persistence import repo
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from . import plan_setup, plan_stock
from .settings import read_settings

DEFAULT_NORM_SET = "city-winter"


@dataclass(frozen=True)
class PlanLine:
    item_code: str
    item_name: str
    spec: str
    unit: str
    required: Decimal
    held: Decimal
    contracted: Decimal  # open contract quantities (contracted, not yet accepted)
    need: Decimal
    years: dict[int, Decimal]
    unit_price: Decimal  # yuan
    amount: Decimal  # yuan
    year_amounts: dict[int, Decimal]


@dataclass(frozen=True)
class PlanChange:
    """One difference of a revision against the version it revises."""

    item_code: str
    item_name: str
    what: str  # a year ("2023"), or "unit_price"
    before: Decimal
    after: Decimal


@dataclass(frozen=True)
class PlanView:
    target: str
    owner_code: str
    owner_name: str
    persons: int
    norm_set: str
    years: tuple[int, ...]
    shares: tuple[Decimal, ...]
    lines: tuple[PlanLine, ...]
    year_totals: dict[int, Decimal]
    total_amount: Decimal
    total_words: str  # 大写
    yearly_ceiling: Decimal | None
    over_ceiling: tuple[int, ...]  # years whose budget exceeds the ceiling
    funding_source: str
    doc_no: str = ""  # empty until saved
    state: str = ""
    version: int = 0
    revises: str = ""
    approved_by: str = ""
    approved_at: datetime | None = None
    changes: tuple[PlanChange, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class PlanSpec:
    """What a planner asks for: a named target, or persons and an owner; norms, years,
    yearly shares ("33,33") and unit-price overrides (item code → yuan)."""

    target: str | None = None
    persons: int | None = None
    owner: str | None = None
    norm_set: str | None = None
    years: str | None = None
    shares: str | None = None
    prices: Mapping[str, Decimal | str] = field(default_factory=dict)


@dataclass(frozen=True)
class PlanInputs:
    """What a plan is generated from, resolved to ids."""

    target_id: int | None
    target: str
    owner_id: int
    persons: int
    norm_set_id: int
    norm_set: str
    years: tuple[int, ...]
    shares: tuple[Decimal, ...]
    ceiling_fen: int | None
    funding_source: str


def resolve(conn: Connection, spec: PlanSpec) -> PlanInputs:
    """A named target (its persons, owner, norms, ceiling), or persons and an owner."""
    found = plan_setup.target_rows(conn, spec.target)[0] if spec.target else None
    persons = spec.persons
    if found is None and (persons is None or not spec.owner):
        raise InvalidInput("reserve_target" if persons is None else "owner", "required")
    settings = read_settings(conn)
    span = year_range(spec.years, year_range(settings["plan_years"], ()))
    set_code = spec.norm_set or (found.norm_set if found else DEFAULT_NORM_SET)
    owner_code = spec.owner or (found.owner_code if found else "")
    count = int(persons) if persons is not None else found.persons if found else 0
    if count < 0:
        raise InvalidInput("persons", "negative", count)
    ceiling = found.yearly_ceiling if found else None
    target_id = None
    if found is not None:
        rt = t.reserve_targets.c
        target_id = int(conn.execute(select(rt.id).where(rt.name == found.name)).scalar_one())
    return PlanInputs(
        target_id,
        found.name if found else "",
        int(repo.org_by_code(conn, owner_code).id),
        count,
        plan_setup.norm_set_id(conn, set_code),
        set_code,
        tuple(span),
        tuple(parse_shares(spec.shares, len(span))),
        None if ceiling is None else parse_money(ceiling),
        found.funding_source if found else settings["funding_source"],
    )


def compute(
    conn: Connection, inputs: PlanInputs, prices: Mapping[str, Decimal | str] | None = None
) -> PlanView:
    """The plan for `inputs` from the current stock and contracts (nothing is saved)."""
    norms = plan_setup.norms_of(conn, inputs.norm_set_id)
    required = required_quantities(inputs.persons, [n for n, _ in norms])
    item_ids = [item_id for _, item_id in norms]
    held = plan_stock.held_by_owner(conn, inputs.owner_id, item_ids)
    contracted = plan_stock.open_contracted(conn, inputs.owner_id, item_ids)
    overrides = {code: parse_money(p) for code, p in (prices or {}).items()}
    lines = []
    for norm, item_id in norms:
        item = repo.item_by_id(conn, item_id)
        have, open_qty = held.get(item_id, 0), contracted.get(item_id, 0)
        need_milli = max(0, to_milli(required[norm.item_code]) - have - open_qty)
        price = overrides.get(norm.item_code, item.ref_price_fen or 0)
        lines.append(
            make_line(
                conn,
                item_id,
                required=to_milli(required[norm.item_code]),
                held=have,
                contracted=open_qty,
                need=need_milli,
                years=split_years(from_milli(need_milli, 0), inputs.years, inputs.shares),
                price_fen=price,
            )
        )
    unknown = set(overrides) - {line.item_code for line in lines}
    if unknown:
        raise InvalidInput("item", "not_in_plan", ",".join(sorted(unknown)))
    owner = conn.execute(
        select(t.organisations.c.code, t.organisations.c.name).where(
            t.organisations.c.id == inputs.owner_id
        )
    ).one()
    return assemble(
        lines,
        target=inputs.target,
        owner=(owner.code, owner.name),
        persons=inputs.persons,
        norm_set=inputs.norm_set,
        years=inputs.years,
        shares=inputs.shares,
        ceiling_fen=inputs.ceiling_fen,
        funding_source=inputs.funding_source,
    )


def make_line(
    conn: Connection,
    item_id: int,
    *,
    required: int,
    held: int,
    contracted: int,
    need: int,
    years: Mapping[int, Decimal],
    price_fen: int,
) -> PlanLine:
    row = conn.execute(select(t.items).where(t.items.c.id == item_id)).one()
    dec = int(row.decimals)
    year_amounts = {y: fen_to_yuan(money_amount(q, price_fen)) for y, q in years.items()}
    return PlanLine(
        row.code,
        row.name,
        row.spec,
        row.unit,
        from_milli(required, dec),
        from_milli(held, dec),
        from_milli(contracted, dec),
        from_milli(need, dec),
        dict(years),
        fen_to_yuan(price_fen),
        sum(year_amounts.values(), Decimal("0.00")),
        year_amounts,
    )


def assemble(lines: list[PlanLine], **head: object) -> PlanView:
    """Totals per year and overall, in figures and 大写, against the yearly ceiling."""
    years: tuple[int, ...] = head.pop("years")  # type: ignore[assignment]
    ceiling_fen: int | None = head.pop("ceiling_fen")  # type: ignore[assignment]
    owner: tuple[str, str] = head.pop("owner")  # type: ignore[assignment]
    totals = {
        y: sum((ln.year_amounts.get(y, Decimal(0)) for ln in lines), Decimal("0.00")) for y in years
    }
    total = sum(totals.values(), Decimal("0.00"))
    ceiling = None if ceiling_fen is None else fen_to_yuan(ceiling_fen)
    over = tuple(y for y, amount in totals.items() if ceiling is not None and amount > ceiling)
    return PlanView(
        owner_code=owner[0],
        owner_name=owner[1],
        years=years,
        lines=tuple(lines),
        year_totals=totals,
        total_amount=total,
        total_words=capital_yuan(int(total * 100)),
        yearly_ceiling=ceiling,
        over_ceiling=over,
        **head,  # type: ignore[arg-type]
    )


def generate(uow: UnitOfWork, actor: Actor, spec: PlanSpec) -> PlanView:
    """The plan as it would be generated now (not saved)."""
    require(actor, Action.VIEW)
    return uow.read(lambda conn: compute(conn, resolve(conn, spec), spec.prices))
