"""年度储存情况报告: per category and depot, opening, in, out and closing for a calendar year
(due by 10 January of the next year), summed from the ledger like the 收发存汇总."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from ..domain.permissions import Actor
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from ..reports.sectioned_report import Section, SectionedReport
from .period_summary import period_summary
from .plan_reports import write_report


def annual_report(uow: UnitOfWork, actor: Actor, out: Path, *, year: int) -> tuple[Path, int]:
    """年度储存情况报告: per category and depot, opening, in, out and closing for the year."""
    rows = period_summary(uow, actor, date(year, 1, 1), date(year, 12, 31))
    categories = uow.read(
        lambda conn: {
            r.code: (r.cat_code, r.cat_name)
            for r in conn.execute(
                select(
                    t.items.c.code,
                    t.categories.c.code.label("cat_code"),
                    t.categories.c.name.label("cat_name"),
                ).join(t.categories, t.categories.c.id == t.items.c.category_id)
            )
        }
    )
    sums: dict[tuple[str, str, str], list[Decimal]] = defaultdict(lambda: [Decimal(0)] * 8)
    for r in rows:
        cat_code, cat_name = categories[r.item_code]
        acc = sums[(cat_code, cat_name, r.depot_name)]
        for i, value in enumerate(
            (
                r.opening,
                r.received,
                r.issued,
                r.closing,
                r.opening_value,
                r.received_value,
                r.issued_value,
                r.closing_value,
            )
        ):
            acc[i] += value
    cent = Decimal("0.01")
    table = [
        (f"{c} {n}", depot, *values[:4], *(v.quantize(cent) for v in values[4:]))
        for (c, n, depot), values in sorted(sums.items())
    ]
    # Quantities in different units do not add up across categories; money does.
    money = [sum((v[4 + i] for v in sums.values()), Decimal(0)).quantize(cent) for i in range(4)]
    totals = ["合计", "", "", "", "", "", *money]
    section = Section(
        f"{year} 年度分类别、分仓库收发存情况",
        (
            "类别",
            "仓库",
            "年初数量",
            "本年收入",
            "本年发出",
            "年末数量",
            "年初金额",
            "收入金额",
            "发出金额",
            "年末金额",
        ),
        table,
        frozenset(range(2, 10)),
        (1.1, 2.2, 0.8, 0.8, 0.8, 0.8, 1, 1, 1, 1),
        totals,
    )
    notes = [
        f"统计期间 {year}-01-01 至 {year}-12-31；数量按各物资计量单位合计，金额按批次单价计算。报送期限：{year + 1} 年 1 月 10 日前。"
    ]
    report = SectionedReport(
        f"{year}年度应急物资储存情况报告",
        [("统计年度", str(year))],
        [section],
        (),
        notes,
        ("填报", "审核", "负责人"),
    )
    return write_report(report, out), len(table)
