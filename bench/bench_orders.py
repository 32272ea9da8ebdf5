"""Allocation-flow benchmarks on the demo database: source suggestion for a 20-line
request over every demo depot, and a whole 出库单 printed through the service layer
(query + layout + three copies) — what a keeper waits for.

Run: .venv/bin/python bench/bench_orders.py [--quick]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select

from inventory_app.domain.orders import RequestLine
from inventory_app.persistence import tables as t
from inventory_app.persistence.engine import sqlite_url
from inventory_app.services import (
    approvals,
    auth,
    demo,
    orders,
    printing,
    requests,
    shipping,
    suggestions,
)
from inventory_app.services.database import open_database

# Built databases are kept between runs; INVENTORY_BENCH_CACHE moves them (tests use a temp dir).
CACHE = Path(os.environ.get("INVENTORY_BENCH_CACHE") or Path(__file__).resolve().parent / ".cache")


def timed(fn: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def demo_database() -> Path:
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / "orders-demo.sqlite3"
    if not path.exists():
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        uow = open_database(sqlite_url(partial), create=True)
        demo.load_demo(uow)
        uow.engine.dispose()
        partial.rename(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    runs = 3 if parser.parse_args().quick else 20
    work = Path(tempfile.mkdtemp()) / "orders.sqlite3"
    work.write_bytes(demo_database().read_bytes())
    uow = open_database(sqlite_url(work))
    admin = auth.authenticate(uow, "admin", "demo1234")
    approver = auth.authenticate(uow, "approver", "demo1234")
    codes = uow.read(
        lambda c: list(
            c.execute(
                select(t.items.c.code)
                .where(t.items.c.active.is_(True))
                .order_by(t.items.c.code)
                .limit(20)
            ).scalars()
        )
    )
    asked = requests.file_request(
        uow,
        admin,
        depot="HY-XJ-01",
        requesting_unit="海原县",
        lines=[RequestLine(code, Decimal(5)) for code in codes],
        request_id="bench-sq",
    ).doc_no
    suggest = timed(lambda: suggestions.suggest(uow, admin, asked), runs)
    found = suggestions.suggest(uow, admin, asked)
    order = orders.create_order(
        uow,
        admin,
        lines=found.order_lines()[:8],
        receiving_unit="海原县",
        submit=True,
        request_id="bench-zl",
    ).doc_no
    approvals.approve_order(
        uow, approver, doc_no=order, request_id="bench-ok", owner_consent="市应急管理局"
    )
    depot = found.order_lines()[0].depot_code
    slip = shipping.ship(uow, admin, order_no=order, depot=depot, request_id="bench-ck").doc_no
    print_slip = timed(lambda: printing.print_document(uow, admin, slip), runs)
    uow.engine.dispose()
    print("| measurement | median |")
    print("|---|---|")
    print(f"| source suggestion, 20-line request over all demo depots | {suggest * 1000:,.0f} ms |")
    print(
        f"| 出库单 printed through the services (query, layout, 3 copies) | "
        f"{print_slip * 1000:,.0f} ms |"
    )


if __name__ == "__main__":
    main()
