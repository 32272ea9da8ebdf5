"""GUI benchmarks: opening the stock and ledger pages on 100,000+ movements, and cold start.

Run: .venv/bin/python bench/bench_gui.py [--quick] [--runs 5]

Each figure is the median of ``--runs`` runs in one process, measured from constructing
the widget to the first paint of its table with rows in it (events are processed until
the model has rows and the table's viewport has painted). The reference is a bare
PySide6 QTableView over a trivial in-memory 100,000-row QAbstractTableModel, measured the
same way in the same run. The large database is built once through the posting services
and cached in bench/.cache/. Prints a markdown table for bench/README.md.

Without a display the offscreen platform is used (QT_QPA_PLATFORM=offscreen): painting
then goes to an in-memory image, which is what a desktop does minus the compositor.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QEventLoop,
    QMessageLogContext,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView, QWidget

# Built databases are kept between runs; INVENTORY_BENCH_CACHE moves them (tests use a temp dir).
CACHE = (
    Path(os.environ["INVENTORY_BENCH_CACHE"])
    if os.environ.get("INVENTORY_BENCH_CACHE")
    else Path(__file__).resolve().parent / ".cache"
)
ROOT = Path(__file__).resolve().parent.parent
WINDOW_SIZE = (1366, 768)
BARE_ROWS = 100_000
PASSWORD = "secret-pass"  # tests.factories.PASSWORD, used by the cached database's users
DEMO_PASSWORD = "demo1234"


# ---------------------------------------------------------------- the large database


def build_large(path: Path, receipts: int, issues: int) -> None:
    """`receipts` receipts of 1,000 lines (one new lot each), then `issues` issues of
    1,000 lines naming lots: receipts × 1,000 lots and (receipts + issues) × 1,000
    movements. Multi-line documents keep the build to seconds, not minutes."""
    from inventory_app.domain.model import OutLine, ReceiptLine
    from inventory_app.persistence.engine import sqlite_url
    from inventory_app.services import issues as issue_service
    from inventory_app.services import receipts as receipt_service
    from inventory_app.services.database import open_database
    from tests.factories import build_world

    uow = open_database(sqlite_url(path), create=True, durable=False)
    world = build_world(uow)
    today = date.today()
    items = ("050101", "050104", "140201")
    for doc in range(receipts):
        received = today - timedelta(days=receipts - doc)
        lines = []
        for i in range(1000):
            n = doc * 1000 + i
            produced = received - timedelta(days=n % 1500)
            # Storage lives from 1 to 5 years: some lots expired, some near, most fine.
            expiry = produced + timedelta(days=365 * (1 + n % 5))
            lines.append(
                ReceiptLine(
                    items[n % 3],
                    Decimal(200 + n % 50),
                    batch_no=f"R{doc:03d}-{i:04d}",
                    location_code="A-01" if doc % 2 == 0 else "B-01",
                    production_date=produced,
                    expiry_date=expiry,
                )
            )
        receipt_service.receive(
            uow,
            world.admin,
            depot="A" if doc % 2 == 0 else "B",
            lines=lines,
            request_id=f"bench-r{doc}",
            doc_date=received,
            supplier="宁夏某某应急物资有限公司",
        )
        if doc % 10 == 9:
            print(f"  built {(doc + 1) * 1000:,} receipt lines", file=sys.stderr)
    for doc in range(issues):
        # Lots of even-numbered receipts are in depot A; name them one by one.
        source = 2 * (doc % (receipts // 2))
        out = [
            OutLine(items[(source * 1000 + i) % 3], Decimal(1), source * 1000 + i + 1)
            for i in range(1000)
        ]
        issue_service.issue(
            uow,
            world.admin,
            depot="A",
            lines=out,
            request_id=f"bench-i{doc}",
            receiver="海原县应急管理局",
        )
    print(f"  built {(receipts + issues) * 1000:,} movements", file=sys.stderr)
    uow.engine.dispose()


def large_database(receipts: int, issues: int) -> Path:
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"gui-{receipts}r-{issues}i.sqlite3"
    if not path.exists():
        partial = path.with_suffix(".partial")
        for suffix in ("", "-wal", "-shm"):
            Path(str(partial) + suffix).unlink(missing_ok=True)
        build_large(partial, receipts, issues)
        for suffix in ("-wal", "-shm"):
            Path(str(partial) + suffix).unlink(missing_ok=True)
        partial.rename(path)
    return path


def demo_database() -> Path:
    CACHE.mkdir(exist_ok=True)
    path = CACHE / "demo.sqlite3"
    if not path.exists():
        partial = CACHE / "demo.partial.sqlite3"
        partial.unlink(missing_ok=True)
        subprocess.run(
            [sys.executable, "-m", "inventory_app", "--db", str(partial), "init", "--demo"],
            check=True,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
        partial.rename(path)
    return path


# ---------------------------------------------------------------- measuring


def _quiet_offscreen(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    # The offscreen plugin warns on every top-level window; everything else is shown.
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


class PaintWatcher(QObject):
    """Ends `loop` once a viewport has painted while its model has rows."""

    def __init__(self, viewport: QWidget, has_rows: Callable[[], bool], loop: QEventLoop) -> None:
        super().__init__()
        self.has_rows = has_rows
        self.loop = loop
        self.painted_at: float | None = None
        viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.painted_at is None and self.has_rows():
            # Quit from a zero timer: it runs after this paint event has been handled,
            # so the time includes the painting itself.
            QTimer.singleShot(0, self._done)
        return False

    def _done(self) -> None:
        if self.painted_at is None:
            self.painted_at = time.perf_counter()
            self.loop.quit()


def time_to_rows_painted(
    make: Callable[[], tuple[QWidget, QTableView]],
    after: Callable[[], None] = lambda: None,
    timeout_s: float = 120.0,
) -> float:
    """Run a real event loop (as the app does) from construction to the first rows painted.

    A Python loop calling processEvents() would hold the GIL between events and starve
    the worker thread that loads the rows; exec() waits in C like the application does.
    """
    loop = QEventLoop()
    start = time.perf_counter()
    widget, table = make()
    watcher = PaintWatcher(table.viewport(), lambda: table.model().rowCount() > 0, loop)
    widget.resize(*WINDOW_SIZE)
    widget.show()
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    loop.exec()
    if watcher.painted_at is None:
        raise TimeoutError("no rows painted")
    elapsed = watcher.painted_at - start
    after()  # e.g. let the page's follow-up tasks end before it is closed
    widget.close()
    widget.deleteLater()
    QApplication.processEvents()
    return elapsed


def median_of(runs: int, measure: Callable[[], float]) -> tuple[float, float, float]:
    times = [measure() for _ in range(runs)]
    return statistics.median(times), min(times), max(times)


class BareModel(QAbstractTableModel):
    """The least a model can do: 100,000 rows computed on the fly."""

    HEADERS = (
        "流水号",
        "日期",
        "单据号",
        "类型",
        "仓库",
        "物资",
        "批号",
        "数量",
        "单位",
        "经办人",
        "对方单位",
        "原因/备注",
        "冲销关系",
        "录入时间",
    )

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else BARE_ROWS

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{index.row()}-{index.column()}"
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return super().headerData(section, orientation, role)


def bench_pages(db: Path, runs: int) -> list[tuple[str, float, float, float]]:
    from inventory_app.persistence.engine import sqlite_url
    from inventory_app.services import auth
    from inventory_app.services.database import open_database
    from inventory_app.ui.context import AppContext, DataEvents
    from inventory_app.ui.pages.ledger_page import LedgerPage
    from inventory_app.ui.pages.stock_page import StockPage
    from inventory_app.ui.tasks import TaskRunner

    uow = open_database(sqlite_url(db))
    actor = auth.authenticate(uow, "admin", PASSWORD)
    movements, lots = uow.read(
        lambda conn: (
            conn.exec_driver_sql("SELECT count(*) FROM movements").scalar_one(),
            conn.exec_driver_sql(
                "SELECT count(*) FROM lot_balances WHERE on_hand > 0"
            ).scalar_one(),
        )
    )
    contexts: list[AppContext] = []

    def new_ctx() -> AppContext:
        ctx = AppContext(uow, actor, TaskRunner(), DataEvents(), "bench")
        contexts.append(ctx)
        return ctx

    def bare() -> tuple[QWidget, QTableView]:
        window = QMainWindow()
        table = QTableView(window)
        table.setModel(BareModel(table))
        window.setCentralWidget(table)
        return window, table

    def stock() -> tuple[QWidget, QTableView]:
        page = StockPage(new_ctx())
        return page, page.table()

    def ledger() -> tuple[QWidget, QTableView]:
        page = LedgerPage(new_ctx())
        return page, page.table

    def drain() -> None:
        contexts[-1].tasks.wait_all(60_000)

    results = [
        (
            f"bare QTableView, in-memory model ({BARE_ROWS:,} rows)",
            *median_of(runs, lambda: time_to_rows_painted(bare)),
        ),
        (
            f"库存 page, by lot ({lots:,} lots, {movements:,} movements)",
            *median_of(runs, lambda: time_to_rows_painted(stock, drain)),
        ),
        (
            f"台账 page ({movements:,} movements)",
            *median_of(runs, lambda: time_to_rows_painted(ledger, drain)),
        ),
    ]
    uow.engine.dispose()
    return results


# ---------------------------------------------------------------- cold start


def cold_start_child(db: str, user: str, password: str) -> None:
    """Runs in a fresh interpreter: sign in directly (no login dialog), show the main
    window, print the wall-clock time of its first paint, quit."""
    from inventory_app.persistence.engine import sqlite_url
    from inventory_app.services import auth
    from inventory_app.services.database import open_database
    from inventory_app.ui import i18n
    from inventory_app.ui.context import AppContext, DataEvents
    from inventory_app.ui.fonts import register_bundled_fonts
    from inventory_app.ui.main_window import MainWindow
    from inventory_app.ui.tasks import TaskRunner

    qInstallMessageHandler(_quiet_offscreen)
    app = QApplication(sys.argv[:1])
    register_bundled_fonts(app)
    i18n.install_language(app, "zh_CN")
    tasks = TaskRunner(app)
    uow = open_database(sqlite_url(db))
    actor = auth.authenticate(uow, user, password)
    window = MainWindow(AppContext(uow, actor, tasks, DataEvents(), db))

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget)
                and watched.window() is window
                and not hasattr(self, "at")
            ):
                self.at = time.time()
                QTimer.singleShot(0, app.quit)
            return False

    watcher = FirstPaint()
    app.installEventFilter(watcher)
    window.resize(*WINDOW_SIZE)
    window.show()
    app.exec()
    print(f"PAINTED {watcher.at:.6f}")
    tasks.wait_all(30_000)
    uow.engine.dispose()


def bench_cold_start(runs: int) -> tuple[str, float, float, float] | str:
    try:
        import inventory_app.ui.main_window  # noqa: F401
    except ImportError as error:
        return f"cold start not measured: the main window is not importable ({error})"
    db = demo_database()

    def once() -> float:
        start = time.time()
        done = subprocess.run(
            [sys.executable, __file__, "--cold-start-child", str(db), "admin", DEMO_PASSWORD],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "QT_QPA_PLATFORM": os.environ["QT_QPA_PLATFORM"]},
        )
        line = next((x for x in done.stdout.splitlines() if x.startswith("PAINTED ")), None)
        if done.returncode != 0 or line is None:
            raise RuntimeError(done.stderr[-2000:])
        return float(line.split()[1]) - start

    try:
        return (
            "cold start → first painted main window (demo database, signed in "
            "directly, no login dialog)",
            *median_of(runs, once),
        )
    except (RuntimeError, subprocess.TimeoutExpired) as error:
        return f"cold start not measured: {error}"


# ---------------------------------------------------------------- main


def main() -> None:
    if len(sys.argv) == 5 and sys.argv[1] == "--cold-start-child":
        cold_start_child(*sys.argv[2:])
        return
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--quick",
        action="store_true",
        help="10,000 lots / 12,000 movements and 3 runs, for a smoke run",
    )
    parser.add_argument("--runs", type=int, default=None)
    parser.add_argument("--no-cold-start", action="store_true")
    args = parser.parse_args()
    runs = args.runs or (3 if args.quick else 5)
    # The brief's scale (thousands of lots, 100,000+ movements), then an extreme one
    # (100,000 lots) to show how the lot list behaves far beyond it.
    sizes = [(6, 6)] if args.quick else [(6, 114), (100, 20)]

    qInstallMessageHandler(_quiet_offscreen)
    app = QApplication(sys.argv[:1])
    from inventory_app.ui.fonts import register_bundled_fonts

    register_bundled_fonts(app)
    rows: list[tuple[str, float, float, float]] = []
    for receipts, issues in sizes:
        page_rows = bench_pages(large_database(receipts, issues), runs)
        rows.extend(page_rows if not rows else page_rows[1:])
    note = ""
    if not args.no_cold_start:
        cold = bench_cold_start(runs)
        if isinstance(cold, str):
            note = cold
        else:
            rows.append(cold)

    bare = rows[0][1]
    print(
        f"Platform: {os.environ['QT_QPA_PLATFORM']}, window {WINDOW_SIZE[0]}×{WINDOW_SIZE[1]}, "
        f"median of {runs} runs (min–max in brackets).\n"
    )
    print("| measurement | median | min–max | vs bare view |")
    print("|---|---|---|---|")
    for name, median, low, high in rows:
        ratio = f"{median / bare:.1f}×" if "bare" not in name and "cold" not in name else "—"
        print(
            f"| {name} | {median * 1000:,.0f} ms | {low * 1000:,.0f}–{high * 1000:,.0f} ms "
            f"| {ratio} |"
        )
    if note:
        print(f"\nNote: {note}")


if __name__ == "__main__":
    main()
