"""Audit workbook benchmarks: export and import of a 50,000-line count workbook against raw
openpyxl write_only / read_only on the same rows, same run; peak memory of the import.

Run: .venv/bin/python bench/bench_counts.py [--quick]
Prints a markdown table (median of 3 runs). The app's export adds the manifest, the
checksum, cell protection and data validation; its import checks the file before parsing
(size, zip members, macros, links), every row against the count, then writes the counts
and submits the count in one transaction. The raw side only writes / reads the values.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
import tracemalloc
import uuid
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openpyxl import Workbook, load_workbook

from inventory_app.domain.model import ReceiptLine, Role
from inventory_app.persistence.engine import sqlite_url
from inventory_app.persistence.uow import UnitOfWork
from inventory_app.reports.count_workbook import HEADERS
from inventory_app.services import auth, count_queries, count_workbook, counts, receipts
from inventory_app.services.database import open_database
from tests.factories import PASSWORD, build_world

SHEET_XML = "xl/worksheets/sheet1.xml"


def median_time(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def build(tmp: Path, lines: int) -> tuple[UnitOfWork, object, str]:
    uow = open_database(sqlite_url(tmp / "bench.sqlite3"), create=True)
    world = build_world(uow)
    auth.create_user(uow, world.admin, username="audit", password=PASSWORD, role=Role.AUDITOR)
    auditor = auth.authenticate(uow, "audit", PASSWORD)
    items = ("050101", "050104", "140201")
    receipts.receive(
        uow,
        world.keeper_a,
        depot="A",
        request_id=uuid.uuid4().hex,
        lines=[
            ReceiptLine(
                items[n % 3], Decimal(5 + n % 7), batch_no=f"B{n:06d}", location_code="A-01"
            )
            for n in range(lines)
        ],
    )
    doc_no = counts.open_count(uow, auditor, depot="A", request_id=uuid.uuid4().hex).doc_no
    return uow, auditor, doc_no


def fill(src: Path, dst: Path, lines: int) -> None:
    """Put a counted quantity in every line, as the auditor's spreadsheet would save it."""

    def counted(match: re.Match[bytes]) -> bytes:
        row = int(match.group(1))
        if not 2 <= row <= lines + 1:
            return match.group(0)
        return match.group(0)[: -len(b"</row>")] + b'<c r="J%d" t="n"><v>5</v></c></row>' % row

    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == SHEET_XML:
                data = re.sub(rb'<row r="(\d+)"[^>]*>.*?</row>', counted, data, flags=re.S)
            zout.writestr(info.filename, data)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2,000 lines, one run")
    args = parser.parse_args()
    lines, runs = (2_000, 1) if args.quick else (50_000, 3)
    with tempfile.TemporaryDirectory(prefix="bench-counts-") as tmp_name:
        tmp = Path(tmp_name)
        uow, auditor, doc_no = build(tmp, lines)
        detail = count_queries.count_detail(uow, auditor, doc_no)  # type: ignore[arg-type]
        rows = [
            [
                line.line_no,
                line.lot_id,
                line.location,
                line.item_code,
                line.item_name,
                line.spec,
                line.batch_no,
                line.unit,
                line.book,
            ]
            for line in detail.lines
        ]
        out = tmp / "count.xlsx"

        def app_export() -> None:
            count_workbook.export_workbook(uow, auditor, doc_no, out)  # type: ignore[arg-type]

        def raw_export() -> None:
            book = Workbook(write_only=True)
            sheet = book.create_sheet("盘点表")
            sheet.append(list(HEADERS))
            for row in rows:
                sheet.append([*row, None, None, None])
            book.save(tmp / "raw.xlsx")

        export_app = median_time(app_export, runs)
        export_raw = median_time(raw_export, runs)
        app_export()
        filled = tmp / "filled.xlsx"
        fill(out, filled, lines)

        def raw_import() -> None:
            book = load_workbook(filled, read_only=True, data_only=False)
            for _row in book["盘点表"].iter_rows(values_only=True):
                pass
            book.close()

        def app_check() -> None:
            count_workbook.import_workbook(
                uow,
                auditor,
                filled,
                request_id=uuid.uuid4().hex,
                dry_run=True,  # type: ignore[arg-type]
            )

        import_raw = median_time(raw_import, runs)
        check_app = median_time(app_check, runs)
        start = time.perf_counter()
        result = count_workbook.import_workbook(
            uow,
            auditor,
            filled,
            request_id=uuid.uuid4().hex,  # type: ignore[arg-type]
        )
        import_app = time.perf_counter() - start
        # Peak memory on a second count of the same lines (tracemalloc slows the run).
        second = counts.open_count(uow, auditor, depot="A", request_id=uuid.uuid4().hex)  # type: ignore[arg-type]
        count_workbook.export_workbook(uow, auditor, second.doc_no, out)  # type: ignore[arg-type]
        fill(out, filled, lines)
        tracemalloc.start()
        count_workbook.import_workbook(uow, auditor, filled, request_id=uuid.uuid4().hex)  # type: ignore[arg-type]
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert result.applied and result.lines == lines
        size = filled.stat().st_size
        print(f"{lines:,} lines, workbook {size / 1e6:.1f} MB; median of {runs}")
        print()
        print("| measurement | app | raw openpyxl | ratio | target |")
        print("|---|---|---|---|---|")
        for name, app, raw in (
            ("export (write_only)", export_app, export_raw),
            ("import, check only (dry run) vs read_only read", check_app, import_raw),
            (
                "import: check, write the counts, submit (once) vs read",
                import_app,
                import_raw,
            ),
        ):
            ratio = app / raw
            verdict = "met" if ratio <= 2 else "**not met**"
            print(f"| {name} | {app:.2f} s | {raw:.2f} s | {ratio:.2f}× | ≤ 2× — {verdict} |")
        print(f"| peak Python memory of the import (tracemalloc) | {peak / 1e6:.0f} MB | | | |")
        uow.engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
