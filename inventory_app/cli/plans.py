"""`plan …` (generate, save, list, show, edit, approve, revise, targets, norms) and `coverage`."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import asdict
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..domain.errors import InvalidInput
from ..services import (
    annual_report,
    coverage,
    plan_documents,
    plan_generate,
    plan_queries,
    plan_reports,
    plan_setup,
)
from ..services.plan_generate import PlanSpec, PlanView
from .context import EXIT_OK, Context, request_id
from .output import _cell, emit, json_default, posted, print_table


def _zh(args: argparse.Namespace) -> bool:
    return not args.lang.startswith("en")


def plan_json(view: PlanView) -> dict[str, Any]:
    """The plan as the command line's JSON: quantities and money as exact decimal strings."""
    return {
        "doc_no": view.doc_no,
        "state": view.state,
        "version": view.version,
        "revises": view.revises,
        "target": view.target,
        "owner": view.owner_code,
        "owner_name": view.owner_name,
        "persons": view.persons,
        "norm_set": view.norm_set,
        "shares": [str(s) for s in view.shares],
        "lines": [
            {
                "item_code": ln.item_code,
                "item_name": ln.item_name,
                "spec": ln.spec,
                "unit": ln.unit,
                "required": str(ln.required),
                "held": str(ln.held),
                "contracted": str(ln.contracted),
                "need": str(ln.need),
                "years": {str(y): str(q) for y, q in ln.years.items()},
                "unit_price": str(ln.unit_price),
                "amount": str(ln.amount),
            }
            for ln in view.lines
        ],
        "years": {str(y): str(a) for y, a in view.year_totals.items()},
        "total_amount": str(view.total_amount),
        "total_amount_words": view.total_words,
        "yearly_ceiling": None if view.yearly_ceiling is None else str(view.yearly_ceiling),
        "over_ceiling": list(view.over_ceiling),
        "funding_source": view.funding_source,
        "approved_by": view.approved_by,
        "approved_at": view.approved_at.isoformat() if view.approved_at else None,
        "changes": [
            {**asdict(c), "before": str(c.before), "after": str(c.after)} for c in view.changes
        ],
    }


def print_plan(args: argparse.Namespace, view: PlanView) -> None:
    if args.json:
        print(json.dumps(plan_json(view), ensure_ascii=False, indent=1))
        return
    zh = _zh(args)
    if view.doc_no:
        print(f"{view.doc_no}  v{view.version}  [{view.state}]  {view.approved_by}")
    who = view.target or view.owner_name
    print(f"{who}  {view.persons} {'人' if zh else 'persons'}  {view.norm_set}")
    years = [str(y) for y in view.years]
    first = ("物资编码", "物资名称", "单位", "需储备", "现有", "在途合同", "需购置")
    first_en = ("item", "name", "unit", "required", "held", "contracted", "need")
    last = ("单价", "金额") if zh else ("price", "amount")
    heads = [*(first if zh else first_en), *years, *last]
    rows = [
        [ln.item_code, ln.item_name, ln.unit]
        + [_cell(v) for v in (ln.required, ln.held, ln.contracted, ln.need)]
        + [_cell(ln.years.get(y, Decimal(0))) for y in view.years]
        + [_cell(ln.unit_price), _cell(ln.amount)]
        for ln in view.lines
    ]
    rows.append(
        ["", "合计" if zh else "total", "", "", "", "", ""]
        + [_cell(view.year_totals[y]) for y in view.years]
        + ["", _cell(view.total_amount)]
    )
    print_table(heads, rows)
    print(f"{'合计（大写）' if zh else 'Total in words'}: {view.total_words}")
    if view.yearly_ceiling is not None:
        over = "、".join(str(y) for y in view.over_ceiling) or ("无" if zh else "none")
        label = "年度预算上限" if zh else "Yearly ceiling"
        print(f"{label}: {_cell(view.yearly_ceiling)}  {'超出年份' if zh else 'over in'}: {over}")
    for c in view.changes:
        print(f"  {c.item_code} {c.item_name} {c.what}: {_cell(c.before)} → {_cell(c.after)}")


def _prices(values: list[str] | None) -> dict[str, str]:
    prices = {}
    for value in values or []:
        code, sep, price = value.partition("=")
        if not sep:
            raise InvalidInput("price", "format", value)
        prices[code.strip()] = price.strip()
    return prices


def cmd_plan(ctx: Context) -> int:
    a = ctx.args
    handler = _ACTIONS[a.action]
    return handler(ctx, a)


def _generate(ctx: Context, a: argparse.Namespace) -> int:
    spec = PlanSpec(a.target, a.persons, a.owner, a.norms, a.years, a.shares, _prices(a.price))
    if a.save:
        result = plan_documents.save(
            ctx.uow, ctx.actor, spec, request_id=request_id(a), doc_date=a.doc_date
        )
        if a.json:
            view = plan_queries.show(ctx.uow, ctx.actor, result.doc_no)
            print(json.dumps(plan_json(view), ensure_ascii=False, indent=1))
        else:
            posted(a, result)
        return EXIT_OK
    print_plan(a, plan_generate.generate(ctx.uow, ctx.actor, spec))
    return EXIT_OK


def _doc_no(a: argparse.Namespace) -> str:
    if not a.doc_no:
        raise InvalidInput("document", "required")
    return str(a.doc_no)


def _list(ctx: Context, a: argparse.Namespace) -> int:
    columns = ["doc_no", "state", "version", "revises", "target", "persons", "years"]
    emit(a, plan_queries.list_plans(ctx.uow, ctx.actor), [*columns, "total_amount", "approved_by"])
    return EXIT_OK


def _show(ctx: Context, a: argparse.Namespace) -> int:
    print_plan(a, plan_queries.show(ctx.uow, ctx.actor, _doc_no(a)))
    return EXIT_OK


def _posting(fn: Callable[..., Any]) -> Callable[[Context, argparse.Namespace], int]:
    def run(ctx: Context, a: argparse.Namespace) -> int:
        posted(a, fn(ctx.uow, ctx.actor, doc_no=_doc_no(a), request_id=request_id(a)))
        return EXIT_OK

    return run


def _edit(ctx: Context, a: argparse.Namespace) -> int:
    prices = _prices(a.price)
    if not a.item:
        raise InvalidInput("item", "required")
    result = plan_documents.edit(
        ctx.uow,
        ctx.actor,
        doc_no=_doc_no(a),
        item_code=a.item,
        year=a.year,
        quantity=a.qty,
        unit_price=prices.get(a.item) if prices else None,
        request_id=request_id(a),
    )
    posted(a, result)
    return EXIT_OK


def _targets(ctx: Context, a: argparse.Namespace) -> int:
    columns = ["name", "level", "owner_name", "persons", "norm_set", "yearly_ceiling"]
    emit(a, plan_setup.targets(ctx.uow, ctx.actor), [*columns, "funding_source"])
    return EXIT_OK


def _norms(ctx: Context, a: argparse.Namespace) -> int:
    sets = plan_setup.norm_sets(ctx.uow, ctx.actor)
    if a.json:
        print(json.dumps([asdict(s) for s in sets], ensure_ascii=False, default=json_default))
        return EXIT_OK
    for s in sets:
        print(f"{s.code}  {s.name}")
        print_table(
            ["", "item", "name", "basis", "value"],
            [["", n.item_code, n.item_name, n.basis, _cell(n.value)] for n in s.lines],
        )
    return EXIT_OK


def _target_set(ctx: Context, a: argparse.Namespace) -> int:
    if not a.target or a.persons is None or not a.owner:
        raise InvalidInput("reserve_target" if not a.target else "owner", "required")
    plan_setup.define_target(
        ctx.uow,
        ctx.actor,
        name=a.target,
        level=a.level,
        owner_org=a.owner,
        persons=a.persons,
        norm_set=a.norms or plan_generate.DEFAULT_NORM_SET,
        region=a.region,
        yearly_ceiling=a.ceiling,
        funding_source=a.funding or "",
    )
    print(a.target)
    return EXIT_OK


_ACTIONS: dict[str, Callable[[Context, argparse.Namespace], int]] = {
    "generate": _generate,
    "list": _list,
    "show": _show,
    "edit": _edit,
    "approve": _posting(plan_documents.approve),
    "revise": _posting(plan_documents.revise),
    "cancel": _posting(plan_documents.cancel),
    "targets": _targets,
    "norms": _norms,
    "target-set": _target_set,
}


_COVERAGE_COLUMNS = (
    "item_code",
    "item_name",
    "unit",
    "held",
    "required",
    "persons_covered",
    "agreement_24h",
    "agreement_72h",
    "persons_with_agreements",
    "capacity_72h",
)


def cmd_coverage(ctx: Context) -> int:
    a = ctx.args
    cov = coverage.coverage(
        ctx.uow, ctx.actor, target=a.target, depot=a.depot, region=a.region, norm_set=a.norms
    )
    if a.json:
        print(json.dumps(asdict(cov), ensure_ascii=False, default=json_default, indent=1))
        return EXIT_OK
    zh = _zh(a)
    print(
        f"{cov.scope}: {cov.persons_covered} / {cov.persons_target}  "
        f"{'限制物资' if zh else 'limited by'} {cov.limiting_item_name}"
    )
    emit(
        a,
        cov.items,
        _COVERAGE_COLUMNS,
    )
    label = "含协议储备（24 小时 / 72 小时）" if zh else "with agreements (24 h / 72 h)"
    print(f"{label}: {cov.persons_with_agreements_24h} / {cov.persons_with_agreements_72h}")
    for year in cov.by_year:
        print(f"  {year.year}: {year.persons_covered}  ({year.limiting_item or ''})")
    return EXIT_OK


def add_parsers(
    sub: argparse._SubParsersAction, add_doc: Callable[[argparse.ArgumentParser], None]
) -> None:
    p = sub.add_parser("plan", help="储备计划: generate, list, show, edit, approve, revise")
    p.add_argument("action", choices=sorted(_ACTIONS))
    p.add_argument("doc_no", nargs="?", help="(show, edit, approve, revise, cancel) the plan JH-…")
    p.add_argument("--target", help="reserve target name, e.g. 中卫市本级")
    p.add_argument("--persons", type=int, help="persons to shelter (instead of a target)")
    p.add_argument("--owner", help="owner organisation code whose stock counts")
    p.add_argument("--norms", help="norm set code (default: the target's)")
    p.add_argument("--years", help="year range, e.g. 2022-2024")
    p.add_argument("--shares", help="percent per year but the last, e.g. 33,33")
    p.add_argument("--price", action="append", metavar="ITEM=YUAN", help="unit price override")
    p.add_argument("--save", action="store_true", help="(generate) store it as a draft plan")
    p.add_argument("--item", help="(edit) the item of the line")
    p.add_argument("--year", type=int, help="(edit) the year to change")
    p.add_argument("--qty", help="(edit) the year's quantity")
    p.add_argument("--level", type=int, default=2, help="(target-set) 1 region … 5 village")
    p.add_argument("--region", help="(target-set) region code")
    p.add_argument("--ceiling", help="(target-set) yearly budget ceiling in yuan")
    p.add_argument("--funding", help="(target-set) funding source, e.g. 市本级财政")
    add_doc(p)
    p.set_defaults(fn=cmd_plan)

    p = sub.add_parser("coverage", help="保障能力: persons the stock can shelter, limiting item")
    p.add_argument("--target")
    p.add_argument("--depot", help="one depot's stock, whoever owns it")
    p.add_argument("--region", help="the stock in a region's depots (640522 海原县, 640500 全市)")
    p.add_argument("--norms")
    p.add_argument("--json", action="store_true")
    p.set_defaults(fn=cmd_coverage)


PLAN_REPORTS = ("plan", "execution", "coverage", "annual")


def plan_report(ctx: Context, out: Path) -> tuple[Path, int]:
    """`report plan|execution|coverage|annual --year Y --out FILE.pdf|.xlsx`."""
    a = ctx.args
    if a.what == "coverage":
        return plan_reports.coverage_report(ctx.uow, ctx.actor, out, target=a.target)
    if a.what == "plan":
        return plan_reports.plan_report(
            ctx.uow, ctx.actor, out, year=a.year, plan_no=a.plan, target=a.target
        )
    if a.year is None:
        raise InvalidInput("year", "required")
    if a.what == "execution":
        return plan_reports.execution_report(
            ctx.uow, ctx.actor, out, year=a.year, plan_no=a.plan, target=a.target
        )
    return annual_report.annual_report(ctx.uow, ctx.actor, out, year=a.year)
