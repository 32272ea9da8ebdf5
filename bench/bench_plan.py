"""Reserve-plan benchmarks: plan generation and coverage on the demo database and on a
synthetic one with 10× the items and depots; the annual storage report over a large ledger
against the raw SQL aggregate it needs, in the same run.

Run: .venv/bin/python bench/bench_plan.py [--quick]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_ledger import CACHE, build_large
from bench_orders import demo_database, timed

from inventory_app.domain.model import ReceiptLine
from inventory_app.persistence.engine import sqlite_url
from inventory_app.services import (
    annual_report,
    auth,
    coverage,
    masterdata,
    plan_generate,
    plan_setup,
    receipts,
)
from inventory_app.services.database import open_database
from inventory_app.services.period_summary import period_summary
from inventory_app.services.plan_generate import PlanSpec


def demo_copy(tmp: Path) -> Path:
    path = tmp / "demo.sqlite3"
    shutil.copyfile(demo_database(), path)
    return path


def scale_up(path: Path, factor: int) -> None:
    """factor × the plan's 6 items (as a norm set of 6·factor items) and factor × 25 more
    depots, each holding every item, owned by the city."""
    uow = open_database(sqlite_url(path))
    admin = auth.system_actor(uow)
    codes = []
    for n in range(6 * factor):
        code = f"99{n:04d}"
        masterdata.create_item(
            uow,
            admin,
            masterdata.ItemSpec(
                code=code, name=f"测试物资{n}", category="05", unit="件", ref_price="10"
            ),
        )
        codes.append(code)
    plan_setup.define_norm_set(
        uow,
        admin,
        code="bench",
        name="bench",
        lines=[("050101", "shelter", "4"), *[(c, "per_person", "1") for c in codes]],
    )
    keeper = auth.authenticate(uow, "admin", "demo1234")
    for d in range(25 * factor):
        depot = f"BENCH-{d:04d}"
        masterdata.create_depot(
            uow,
            admin,
            masterdata.DepotSpec(code=depot, name=f"测试库{d}", level=3, owner_org="ZW-YJJ"),
        )
        receipts.receive(
            uow,
            keeper,
            depot=depot,
            lines=[ReceiptLine(c, Decimal(d % 7 + 1)) for c in codes],
            request_id=f"bench-rk-{d}",
        )
    uow.engine.dispose()


def bench_plan(tmp: Path, runs: int, factor: int) -> list[tuple[str, str]]:
    path = demo_copy(tmp)
    uow = open_database(sqlite_url(path))
    planner = auth.authenticate(uow, "planner", "demo1234")
    spec = PlanSpec(target="中卫市本级")
    rows = [
        (
            "plan generation, demo (6 items)",
            _ms(timed(lambda: plan_generate.generate(uow, planner, spec), runs)),
        ),
        (
            "coverage, demo (6 items, growth by year)",
            _ms(timed(lambda: coverage.coverage(uow, planner), runs)),
        ),
    ]
    uow.engine.dispose()
    scale_up(path, factor)
    uow = open_database(sqlite_url(path))
    planner = auth.authenticate(uow, "planner", "demo1234")
    big = PlanSpec(target="中卫市本级", norm_set="bench")
    label = f"{6 * factor + 1} items, {25 + 25 * factor} depots"
    rows += [
        (
            f"plan generation, synthetic ({label})",
            _ms(timed(lambda: plan_generate.generate(uow, planner, big), runs)),
        ),
        (
            f"coverage, synthetic ({label})",
            _ms(timed(lambda: coverage.coverage(uow, planner, norm_set="bench"), runs)),
        ),
    ]
    uow.engine.dispose()
    return rows


_RAW_ANNUAL = """
SELECT m.depot_id, m.item_id,
       SUM(CASE WHEN m.doc_date < :start THEN m.delta ELSE 0 END),
       SUM(CASE WHEN m.doc_date >= :start AND m.delta > 0 THEN m.delta ELSE 0 END),
       SUM(CASE WHEN m.doc_date >= :start AND m.delta < 0 THEN -m.delta ELSE 0 END),
       SUM(m.delta * l.unit_price_fen)
FROM movements m JOIN lots l ON l.id = m.lot_id
WHERE m.doc_date <= :end
GROUP BY m.depot_id, m.item_id
"""


def bench_annual(tmp: Path, movements: int, runs: int) -> list[tuple[str, str]]:
    CACHE.mkdir(parents=True, exist_ok=True)
    cached = CACHE / f"plan-ledger-{movements}.sqlite3"
    if not cached.exists():
        partial = cached.with_suffix(".partial")
        build_large(partial, max(movements // 200, 50), movements)
        for suffix in ("-wal", "-shm"):
            Path(str(partial) + suffix).unlink(missing_ok=True)
        partial.rename(cached)
    uow = open_database(sqlite_url(cached))
    world_admin = auth.authenticate(uow, "admin", "secret-pass")
    year = date.today().year
    out = tmp / "annual.xlsx"
    service = timed(lambda: annual_report.annual_report(uow, world_admin, out, year=year), runs)
    summary = timed(
        lambda: period_summary(uow, world_admin, date(year, 1, 1), date(year, 12, 31)), runs
    )
    uow.engine.dispose()
    raw = sqlite3.connect(str(cached))
    params = {"start": f"{year}-01-01", "end": f"{year}-12-31"}
    sql = timed(lambda: raw.execute(_RAW_ANNUAL, params).fetchall(), runs)
    raw.close()
    return [
        (f"annual storage report (.xlsx), {movements:,} movements", _ms(service)),
        (f"its ledger summary alone (period_summary), {movements:,} movements", _ms(summary)),
        (f"raw SQL aggregate (GROUP BY depot, item), {movements:,} movements", _ms(sql)),
    ]


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="smaller sizes for a smoke run")
    quick = parser.parse_args().quick
    tmp = Path(tempfile.mkdtemp(prefix="bench-plan-"))
    try:
        rows = bench_plan(tmp, 3 if quick else 10, 2 if quick else 10)
        rows += bench_annual(tmp, 20_000 if quick else 1_000_000, 1 if quick else 3)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("| measurement | median |")
    print("|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
