"""Ledger benchmarks: the service layer against raw sqlite3 doing the same work, same run.

Run: .venv/bin/python bench/bench_ledger.py [--quick]
Prints a markdown table (median of several runs); copy it into bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from inventory_app.domain.model import OutLine, ReceiptLine
from inventory_app.persistence import chain
from inventory_app.persistence.engine import sqlite_url
from inventory_app.services import issues, ledger_queries, receipts, stock_queries
from inventory_app.services.database import open_database
from tests.factories import build_world

# Built databases are kept between runs; INVENTORY_BENCH_CACHE moves them (tests use a temp dir).
CACHE = (
    Path(os.environ["INVENTORY_BENCH_CACHE"])
    if os.environ.get("INVENTORY_BENCH_CACHE")
    else Path(__file__).resolve().parent / ".cache"
)


def median_time(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def fresh_world(tmp: Path, name: str):  # type: ignore[no-untyped-def]
    uow = open_database(sqlite_url(tmp / f"{name}.sqlite3"), create=True)
    return uow, build_world(uow)


def raw_connection(path: Path) -> sqlite3.Connection:
    """The same durability as the app: WAL, synchronous=FULL, one commit per write."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute(
        "CREATE TABLE IF NOT EXISTS movements (id INTEGER PRIMARY KEY, document_id INTEGER, "
        "line_no INTEGER, kind TEXT, lot_id INTEGER, item_id INTEGER, depot_id INTEGER, "
        "delta INTEGER, reverses_movement_id INTEGER UNIQUE, doc_date TEXT, created_by INTEGER, "
        "created_at TEXT)"
    )
    conn.execute("CREATE INDEX IF NOT EXISTS ix_lot ON movements(lot_id)")
    conn.execute("CREATE INDEX IF NOT EXISTS ix_item ON movements(item_id, id)")
    conn.execute("CREATE INDEX IF NOT EXISTS ix_depot ON movements(depot_id, id)")
    conn.execute("CREATE INDEX IF NOT EXISTS ix_doc ON movements(document_id)")
    return conn


@contextmanager
def without_chain() -> Iterator[None]:
    """The history chain switched off, to measure what it costs (never in the app)."""
    sealing = chain.seal
    chain.seal = lambda conn: len(conn.info.pop(chain.TOUCHED, ()))  # type: ignore[assignment]
    try:
        yield
    finally:
        chain.seal = sealing  # type: ignore[assignment]


def bench_single(tmp: Path, n: int) -> list[tuple[str, str, str, str]]:
    uow, world = fresh_world(tmp, "single")
    issue_uow, issue_world = fresh_world(tmp, "single-issue")
    receipts.receive(
        issue_uow,
        issue_world.keeper_a,
        depot="A",
        request_id="seed",
        lines=[ReceiptLine("050101", Decimal(10**6))],
    )
    counter = iter(range(10**9))

    def service_receive() -> None:
        for _ in range(n):
            receipts.receive(
                uow,
                world.keeper_a,
                depot="A",
                request_id=f"r{next(counter)}",
                lines=[ReceiptLine("050101", Decimal(5), batch_no="B")],
            )

    def service_issue() -> None:
        for _ in range(n):
            issues.issue(
                issue_uow,
                issue_world.admin,
                depot="A",
                request_id=f"i{next(counter)}",
                lines=[OutLine("050101", Decimal(1))],
            )

    raw = raw_connection(tmp / "raw-single.sqlite3")

    def raw_inserts() -> None:
        for i in range(n):
            raw.execute("BEGIN IMMEDIATE")
            raw.execute(
                "INSERT INTO movements (document_id, line_no, kind, lot_id, item_id, "
                "depot_id, delta, doc_date, created_by, created_at) VALUES "
                "(?, 1, 'RECEIVE', 1, 1, 1, 5000, '2026-11-23', 1, '2026-11-23')",
                (i,),
            )
            raw.execute("COMMIT")

    # The same rows a one-line receipt writes (request, counter, document, event, lot,
    # lot balance, stock balance, movement), as hand-written SQL in one durable commit.
    same = sqlite3.connect(str(tmp / "single.sqlite3"), isolation_level=None)
    same.execute("PRAGMA synchronous=FULL")

    def raw_same_writes() -> None:
        for _ in range(n):
            i = next(counter)
            same.execute("BEGIN IMMEDIATE")
            same.execute(
                "INSERT INTO requests VALUES (?, 'receive', 'h', NULL, 1, '2026-11-23 00:00:00')",
                (f"raw{i}",),
            )
            seq = same.execute(
                "UPDATE doc_counters SET last_no = last_no + 1 WHERE depot_id = 1 "
                "AND doc_type = 'RECEIPT' AND year = 2026 RETURNING last_no"
            ).fetchone()[0]
            doc = same.execute(
                "INSERT INTO documents (doc_type, doc_no, depot_id, year, seq, state, doc_date, "
                "counterparty, reference, purpose, reason, note, created_by, created_at, host) "
                "VALUES ('RECEIPT', ?, 1, 2026, ?, 'POSTED', '2026-11-23', '', '', '', '', '', "
                "1, '2026-11-23 00:00:00', 'h') RETURNING id",
                (f"RAW-{i}", seq),
            ).fetchone()[0]
            same.execute(
                "INSERT INTO document_events (document_id, to_state, user_id, at, host, "
                "note) VALUES (?, 'POSTED', 1, '2026-11-23 00:00:00', 'h', '')",
                (doc,),
            )
            lot = same.execute(
                "INSERT INTO lots (item_id, depot_id, batch_no, received_date, source, supplier, "
                "reserve_mode, owner_org_id, owner_level, custodian_org_id, unit_price_fen, "
                "document_id) VALUES (1, 1, '', '2026-11-23', 'purchase', '', 'physical', 1, 2, "
                "1, 0, ?) RETURNING id",
                (doc,),
            ).fetchone()[0]
            same.execute("INSERT INTO lot_balances VALUES (?, 1, 1, 5000, 0)", (lot,))
            same.execute(
                "UPDATE stock_balances SET on_hand = on_hand + 5000 WHERE item_id = 1 "
                "AND depot_id = 1"
            )
            same.execute(
                "INSERT INTO movements (document_id, line_no, kind, lot_id, item_id, "
                "depot_id, delta, doc_date, created_by, created_at) VALUES "
                "(?, 1, 'RECEIVE', ?, 1, 1, 5000, '2026-11-23', 1, "
                "'2026-11-23 00:00:00')",
                (doc, lot),
            )
            same.execute(
                "UPDATE requests SET document_id = ? WHERE request_id = ?", (doc, f"raw{i}")
            )
            same.execute("COMMIT")

    t_raw = median_time(raw_inserts, 3) / n
    t_rec = median_time(service_receive, 3) / n
    t_same = median_time(raw_same_writes, 3) / n
    t_iss = median_time(service_issue, 3) / n
    with without_chain():
        t_rec_plain = median_time(service_receive, 3) / n
        t_iss_plain = median_time(service_issue, 3) / n
    same.close()
    uow.engine.dispose()
    issue_uow.engine.dispose()
    raw.close()
    return [
        (
            "durable single postings: receive (1 line) vs one-row commits",
            f"{1 / t_rec:,.0f} /s",
            f"{1 / t_raw:,.0f} /s",
            f"{t_raw / t_rec:.0%}",
        ),
        (
            "durable single postings: receive (1 line) vs the same rows by hand",
            f"{1 / t_rec:,.0f} /s",
            f"{1 / t_same:,.0f} /s",
            f"{t_same / t_rec:.0%}",
        ),
        (
            "durable single postings: issue (1 line, FEFO) vs one-row commits",
            f"{1 / t_iss:,.0f} /s",
            f"{1 / t_raw:,.0f} /s",
            f"{t_raw / t_iss:.0%}",
        ),
        (
            "history chain's cost: receive with the chain vs without",
            f"{1 / t_rec:,.0f} /s",
            f"{1 / t_rec_plain:,.0f} /s",
            f"{t_rec_plain / t_rec:.0%}",
        ),
        (
            "history chain's cost: issue with the chain vs without",
            f"{1 / t_iss:,.0f} /s",
            f"{1 / t_iss_plain:,.0f} /s",
            f"{t_iss_plain / t_iss:.0%}",
        ),
    ]


def bench_bulk(tmp: Path, n: int) -> list[tuple[str, str, str, str]]:
    lines = [
        ReceiptLine(
            "050101" if i % 2 else "140201", Decimal(7), batch_no=f"B{i}", location_code="A-01"
        )
        for i in range(n)
    ]

    def service_runs(name: str) -> float:
        runs = []
        for run in range(3):
            uow, world = fresh_world(tmp, f"{name}{run}")
            start = time.perf_counter()
            receipts.receive(uow, world.keeper_a, depot="A", lines=lines, request_id="bulk")
            runs.append(time.perf_counter() - start)
            uow.engine.dispose()
        return statistics.median(runs)

    t_service = service_runs("bulk")
    with without_chain():
        t_plain = service_runs("bulk-plain")
    raw_runs = []
    for run in range(3):
        raw = raw_connection(tmp / f"raw-bulk{run}.sqlite3")
        rows = [
            (1, i, "RECEIVE", i, 1 + i % 2, 1, 7000, "2026-11-23", 1, "2026-11-23")
            for i in range(n)
        ]
        start = time.perf_counter()
        raw.execute("BEGIN IMMEDIATE")
        raw.executemany(
            "INSERT INTO movements (document_id, line_no, kind, lot_id, item_id, "
            "depot_id, delta, doc_date, created_by, created_at) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        raw.execute("COMMIT")
        raw_runs.append(time.perf_counter() - start)
        raw.close()
    t_raw = statistics.median(raw_runs)
    same_runs = []
    for run in range(3):
        uow, _world = fresh_world(tmp, f"bulk-same{run}")
        uow.engine.dispose()
        conn = sqlite3.connect(str(tmp / f"bulk-same{run}.sqlite3"), isolation_level=None)
        conn.execute("PRAGMA synchronous=FULL")
        lots = [
            (
                i + 1,
                1 + i % 2,
                1,
                1,
                f"B{i}",
                "2026-11-23",
                "purchase",
                "",
                "physical",
                1,
                2,
                1,
                0,
                1,
            )
            for i in range(n)
        ]
        balances = [(i + 1, 1 + i % 2, 1, 7000, 0) for i in range(n)]
        moves = [
            (1, i, "RECEIVE", i + 1, 1 + i % 2, 1, 7000, "2026-11-23", 1, "2026-11-23")
            for i in range(n)
        ]
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO documents (doc_type, doc_no, depot_id, year, seq, state, "
            "doc_date, counterparty, reference, purpose, reason, note, created_by, "
            "created_at, host) VALUES ('RECEIPT', 'X', 1, 2026, 1, 'POSTED', "
            "'2026-11-23', '', '', '', '', '', 1, '2026-11-23', 'h')"
        )
        conn.executemany(
            "INSERT INTO lots (id, item_id, depot_id, location_id, batch_no, "
            "received_date, source, supplier, reserve_mode, owner_org_id, "
            "owner_level, custodian_org_id, unit_price_fen, document_id) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            lots,
        )
        conn.executemany("INSERT INTO lot_balances VALUES (?, ?, ?, ?, ?)", balances)
        conn.executemany(
            "INSERT INTO movements (document_id, line_no, kind, lot_id, item_id, "
            "depot_id, delta, doc_date, created_by, created_at) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            moves,
        )
        conn.execute("COMMIT")
        same_runs.append(time.perf_counter() - start)
        conn.close()
    t_same = statistics.median(same_runs)
    return [
        (
            f"bulk import of {n:,} movements (one receipt) vs movement rows only",
            f"{t_service:.2f} s",
            f"{t_raw:.2f} s",
            f"{t_raw / t_service:.0%}",
        ),
        (
            f"bulk import of {n:,} movements vs the same lot, balance and movement rows",
            f"{t_service:.2f} s",
            f"{t_same:.2f} s",
            f"{t_same / t_service:.0%}",
        ),
        (
            f"history chain's cost: bulk import of {n:,} movements with the chain vs without",
            f"{t_service:.2f} s",
            f"{t_plain:.2f} s",
            f"{t_plain / t_service:.0%}",
        ),
    ]


def build_large(path: Path, lots: int, movements: int) -> None:
    """`lots` lots received, then issues of one unit per lot until `movements` exist."""
    uow = open_database(sqlite_url(path), create=True, durable=False)
    world = build_world(uow)
    per = (movements - lots) // lots + 1
    receipts.receive(
        uow,
        world.keeper_a,
        depot="A",
        request_id="big",
        lines=[
            ReceiptLine("050101" if i % 2 else "050104", Decimal(per + 5), batch_no=f"L{i}")
            for i in range(lots)
        ],
    )
    lot_ids = list(range(1, lots + 1))
    done, doc = lots, 0
    while done < movements:
        chunk = [
            OutLine("050101" if lot % 2 == 0 else "050104", Decimal(1), lot) for lot in lot_ids
        ][: movements - done]
        for start in range(0, len(chunk), 1000):
            issues.issue(
                uow,
                world.admin,
                depot="A",
                lines=chunk[start : start + 1000],
                request_id=f"big-{doc}",
            )
            doc += 1
        done += len(chunk)
        print(f"  built {done:,} movements", file=sys.stderr)
    uow.engine.dispose()


def bench_listing(movements: int, lots: int) -> list[tuple[str, str, str, str]]:
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"ledger-{movements}.sqlite3"
    if not path.exists():
        build_large(path.with_suffix(".partial"), lots, movements)
        for suffix in ("-wal", "-shm"):
            Path(str(path.with_suffix(".partial")) + suffix).unlink(missing_ok=True)
        path.with_suffix(".partial").rename(path)
    uow = open_database(sqlite_url(path))
    from inventory_app.services import auth

    admin = auth.authenticate(uow, "admin", "secret-pass")
    raw = sqlite3.connect(str(path))
    raw.execute("CREATE INDEX IF NOT EXISTS bench_cover_lot ON movements(lot_id, delta)")
    raw.execute(
        "CREATE INDEX IF NOT EXISTS bench_cover_item ON movements(item_id, depot_id, delta)"
    )
    count = raw.execute("SELECT count(*) FROM movements").fetchone()[0]

    t_lot = median_time(lambda: stock_queries.stock_by_lot(uow, admin), 5)
    t_lot_raw = median_time(
        lambda: raw.execute("SELECT lot_id, sum(delta) FROM movements GROUP BY lot_id").fetchall(),
        5,
    )
    t_item = median_time(lambda: stock_queries.stock_by_item(uow, admin, per_depot=True), 5)
    t_item_raw = median_time(
        lambda: raw.execute(
            "SELECT item_id, depot_id, sum(delta) FROM movements GROUP BY item_id, depot_id"
        ).fetchall(),
        5,
    )
    t_one = median_time(lambda: stock_queries.balance(uow, admin, "050101", "A"), 50)
    t_one_raw = median_time(
        lambda: raw.execute(
            "SELECT sum(delta) FROM movements WHERE item_id = 1 AND depot_id = 1"
        ).fetchall(),
        20,
    )
    t_page = median_time(lambda: stock_queries.stock_by_lot(uow, admin, limit=500), 10)
    t_ledger_new = median_time(lambda: ledger_queries.ledger(uow, admin, limit=200), 10)
    t_ledger_old = median_time(
        lambda: ledger_queries.ledger(uow, admin, limit=200, descending=False), 10
    )
    t_ledger_mid = median_time(
        lambda: ledger_queries.ledger(uow, admin, offset=count // 2, limit=200), 5
    )
    raw.close()
    uow.engine.dispose()
    return [
        (
            f"balance listing per lot ({lots:,} lots, {count:,} movements)",
            f"{t_lot * 1000:.0f} ms",
            f"{t_lot_raw * 1000:.0f} ms",
            f"{t_lot / t_lot_raw:.2f}×",
        ),
        (
            "balance listing per (item, depot)",
            f"{t_item * 1000:.0f} ms",
            f"{t_item_raw * 1000:.0f} ms",
            f"{t_item / t_item_raw:.2f}×",
        ),
        ("first page (500 lots) of the stock-by-lot list", f"{t_page * 1000:.1f} ms", "—", "—"),
        (
            "ledger page (200 movements) with 结存, newest first",
            f"{t_ledger_new * 1000:.1f} ms",
            "—",
            "—",
        ),
        ("the same, oldest first", f"{t_ledger_old * 1000:.1f} ms", "—", "—"),
        ("the same, from the middle of the ledger", f"{t_ledger_mid * 1000:.1f} ms", "—", "—"),
        (
            "single balance lookup (item, depot)",
            f"{t_one * 1000:.2f} ms",
            f"{t_one_raw * 1000:.2f} ms",
            f"{t_one / t_one_raw:.2f}×",
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="smaller sizes for a smoke run")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-ledger-"))
    try:
        rows = bench_single(tmp, 50 if args.quick else 200)
        rows += bench_bulk(tmp, 10_000 if args.quick else 100_000)
        rows += bench_listing(50_000 if args.quick else 1_000_000, 500 if args.quick else 5_000)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("| measurement | service layer | raw sqlite3 | ratio |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
