"""Reports of the reserve plan: 年度购置计划, 执行情况, 保障能力 (with charts), and the
年度储存情况报告 (per category and depot: opening, in, out, closing for a calendar year).
PDF or Excel by the suffix of the output file; the figures are those of the services."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ..domain.errors import InvalidInput
from ..domain.money_words import capital_yuan
from ..domain.permissions import Actor
from ..persistence.uow import UnitOfWork
from ..reports.sectioned_report import Chart, Section, SectionedReport, render_pdf, write_xlsx
from . import coverage, plan_generate, plan_progress, plan_queries
from .plan_generate import PlanSpec

_RESERVE_MODE = "实物储备"
_PLAN_HEADERS = (
    "序号",
    "物资名称",
    "规格型号",
    "单位",
    "数量",
    "单价(元)",
    "金额(元)",
    "储备方式",
    "资金来源",
)
_PLAN_NUMERIC = frozenset({0, 4, 5, 6})


def write_report(report: SectionedReport, out: Path) -> Path:
    suffix = out.suffix.lower()
    if suffix == ".pdf":
        render_pdf(report, out)
        return out
    if suffix == ".xlsx":
        return write_xlsx(report, out)
    raise InvalidInput("file", "format", out.name)


def _plan_view(
    uow: UnitOfWork, actor: Actor, plan_no: str | None, target: str | None
) -> plan_generate.PlanView:
    """The named plan; else the target's approved plan; else the plan generated now."""
    if plan_no:
        return plan_queries.show(uow, actor, plan_no)
    cov = coverage.coverage(uow, actor, target=target)
    if cov.plan_no:
        return plan_queries.show(uow, actor, cov.plan_no)
    return plan_generate.generate(uow, actor, PlanSpec(target=target or cov.scope))


def _plan_meta(plan: plan_generate.PlanView) -> list[tuple[str, str]]:
    state = {"DRAFT": "草稿", "APPROVED": "已批准", "SUPERSEDED": "已修订"}.get(plan.state, "")
    return [
        ("储备目标", plan.target or plan.owner_name),
        ("安置人数", f"{plan.persons:,}"),
        ("所有权单位", plan.owner_name),
        ("定额", plan.norm_set),
        (
            "计划单号",
            f"{plan.doc_no} 第{plan.version}版 {state}" if plan.doc_no else "按当前库存生成",
        ),
        ("批准人", plan.approved_by),
    ]


def plan_report(
    uow: UnitOfWork,
    actor: Actor,
    out: Path,
    *,
    year: int | None = None,
    plan_no: str | None = None,
    target: str | None = None,
) -> tuple[Path, int]:
    """年度购置计划: per year, item, spec, unit, quantity, unit price, amount, mode, funding."""
    plan = _plan_view(uow, actor, plan_no, target)
    years = [year] if year is not None else list(plan.years)
    if year is not None and year not in plan.years:
        raise InvalidInput("year", "not_in_plan", year)
    sections = []
    for y in years:
        lines = [ln for ln in plan.lines if ln.years.get(y)]
        rows = [
            (
                n,
                ln.item_name,
                ln.spec,
                ln.unit,
                ln.years[y],
                ln.unit_price,
                ln.year_amounts[y],
                _RESERVE_MODE,
                plan.funding_source,
            )
            for n, ln in enumerate(lines, 1)
        ]
        totals = ("合计", "", "", "", "", "", plan.year_totals[y], "", "")
        sections.append(
            Section(
                f"{y} 年度购置计划",
                _PLAN_HEADERS,
                rows,
                _PLAN_NUMERIC,
                (0.4, 1, 2.4, 0.5, 0.8, 0.9, 1.2, 0.8, 1),
                totals,
            )
        )
    ceiling = [float(plan.yearly_ceiling or 0)] * len(plan.years)
    charts = [
        Chart(
            "年度预算与上限（元）",
            "bar",
            [str(y) for y in plan.years],
            [("预算", [float(a) for a in plan.year_totals.values()])]
            + ([("年度上限", ceiling)] if plan.yearly_ceiling is not None else []),
        )
    ]
    total = sum((plan.year_totals[y] for y in years), Decimal("0.00"))
    notes = [
        f"合计金额：{total:,f} 元（大写：{capital_yuan(int(total * 100))}）。资金来源：{plan.funding_source}。"
    ]
    if plan.yearly_ceiling is not None:
        over = "、".join(str(y) for y in plan.over_ceiling if y in years) or "无"
        notes.append(f"年度预算上限 {plan.yearly_ceiling:,f} 元；超出上限的年度：{over}。")
    title = (
        f"{year}年度应急物资购置计划"
        if year
        else f"{plan.years[0]}—{plan.years[-1]}年应急物资购置计划"
    )
    report = SectionedReport(
        title, _plan_meta(plan), sections, charts, notes, ("编制", "审核", "批准")
    )
    return write_report(report, out), sum(len(s.rows) for s in sections)


def execution_report(
    uow: UnitOfWork,
    actor: Actor,
    out: Path,
    *,
    year: int,
    plan_no: str | None = None,
    target: str | None = None,
) -> tuple[Path, int]:
    """Per line of the year: planned / contracted / delivered / accepted / rejected, money; the
    year's contracts with their payments and lateness."""
    plan = _plan_view(uow, actor, plan_no, target)
    if not plan.doc_no:
        raise InvalidInput("document", "required")
    prog = plan_progress.progress(uow, actor, plan.doc_no)
    rows = [r for r in prog.rows if r.year == year]
    line_rows = [
        (
            r.item_name,
            r.unit,
            r.planned,
            r.contracted,
            r.delivered,
            r.accepted,
            r.rejected,
            r.planned_amount,
            r.contracted_amount,
            r.accepted_amount,
        )
        for r in rows
    ]
    money = [
        sum((getattr(r, f) for r in rows), Decimal("0.00"))
        for f in ("planned_amount", "contracted_amount", "accepted_amount")
    ]
    contracts = [c for c in prog.contracts if c.year == year]
    contract_rows = [
        (
            c.contract_no,
            c.supplier,
            c.delivery_due,
            c.amount,
            c.accepted_amount,
            c.paid_amount,
            "逾期" if c.late else "",
        )
        for c in contracts
    ]
    paid = sum((c.paid_amount for c in contracts), Decimal("0.00"))
    sections = [
        Section(
            f"{year} 年度执行进度",
            (
                "物资名称",
                "单位",
                "计划",
                "已签合同",
                "已到货",
                "验收合格",
                "拒收",
                "计划金额",
                "合同金额",
                "验收金额",
            ),
            line_rows,
            frozenset(range(2, 10)),
            (1.2, 0.5, 0.8, 0.8, 0.8, 0.8, 0.6, 1.1, 1.1, 1.1),
            ("合计", "", "", "", "", "", "", *money),
        ),
        Section(
            f"{year} 年度采购合同",
            ("合同号", "供应商", "交货期限", "合同金额", "验收金额", "已付款", "逾期"),
            contract_rows,
            frozenset({3, 4, 5}),
            (1, 2, 0.9, 1, 1, 1, 0.5),
            (
                "合计",
                "",
                "",
                sum((c.amount for c in contracts), Decimal("0.00")),
                sum((c.accepted_amount for c in contracts), Decimal("0.00")),
                paid,
                "",
            ),
        ),
    ]
    charts = [
        Chart(
            "计划、合同与验收数量",
            "bar",
            [r.item_name for r in rows],
            [
                (name, [float(getattr(r, f)) for r in rows])
                for name, f in (
                    ("计划", "planned"),
                    ("已签合同", "contracted"),
                    ("验收合格", "accepted"),
                )
            ],
        )
    ]
    report = SectionedReport(
        f"{year}年度应急物资储备计划执行情况", _plan_meta(plan), sections, charts
    )
    return write_report(report, out), len(line_rows) + len(contract_rows)


def coverage_report(
    uow: UnitOfWork, actor: Actor, out: Path, *, target: str | None = None
) -> tuple[Path, int]:
    """Coverage per item, the limiting item, agreements apart, growth by plan year; charts."""
    cov = coverage.coverage(uow, actor, target=target)
    items = [
        (
            i.item_name,
            i.unit,
            i.held,
            i.required,
            _persons(i.persons_covered),
            i.agreement_24h,
            i.agreement_72h,
            i.capacity_72h,
        )
        for i in cov.items
    ]
    growth = [("现在", cov.persons_covered, cov.limiting_item_name)] + [
        (str(y.year), y.persons_covered, _item_name(cov, y.limiting_item)) for y in cov.by_year
    ]
    sections = [
        Section(
            "按物资的保障能力（实物储备）",
            (
                "物资名称",
                "单位",
                "现有",
                "需储备",
                "可安置人数",
                "协议储备24小时",
                "协议储备72小时",
                "产能储备72小时",
            ),
            items,
            frozenset(range(2, 8)),
        ),
        Section("按计划逐年保障能力", ("年度", "可安置人数", "限制物资"), growth, frozenset({1})),
    ]
    charts = [
        Chart(
            "现有与需储备",
            "bar",
            [i.item_name for i in cov.items],
            [
                ("现有", [float(i.held) for i in cov.items]),
                ("需储备", [float(i.required) for i in cov.items]),
            ],
        ),
        Chart(
            "可安置人数（按计划逐年）",
            "line",
            [g[0] for g in growth],
            [
                ("可安置人数", [float(g[1]) for g in growth]),
                ("目标", [float(cov.persons_target)] * len(growth)),
            ],
        ),
    ]
    notes = [
        f"现有实物储备可安置 {cov.persons_covered:,} 人（目标 {cov.persons_target:,} 人），限制物资：{cov.limiting_item_name or '无'}。",
        f"协议储备不计入实物：计入 24 小时内可交付的协议储备可安置 {cov.persons_with_agreements_24h:,} 人，72 小时内 {cov.persons_with_agreements_72h:,} 人。",
    ]
    report = SectionedReport(
        "应急物资保障能力报告",
        [("储备目标", cov.scope), ("计划", cov.plan_no or "按当前库存生成")],
        sections,
        charts,
        notes,
    )
    return write_report(report, out), len(items)


def _persons(value: int | None) -> int | str:
    return "不计" if value is None else value


def _item_name(cov: coverage.Coverage, code: str | None) -> str:
    return next((i.item_name for i in cov.items if i.item_code == code), "")
