"""Screenshots and printed pages of a stocktake on a fresh demo database (README, docs/).

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/count_shots.py

An auditor opens a blind count of the city depot, prints sheets and bin cards, exports
the workbook, fills it as another program would (a few variances, one lot found that the
books do not know), imports it; the approver sees the 盘点 page and approves; the printed
盘点单 follows. PDFs go to docs/documents/ with a PNG of their first page.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEPOT = "ZW-SJ-01"


def _cli(env: dict[str, str], user: str, *args: str) -> str:
    command = [sys.executable, "-m", "inventory_app", "--user", user, *args]
    done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    return done.stdout


def _png(pdf: Path) -> None:
    if shutil.which("pdftoppm"):
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "80",
                "-png",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(pdf),
                str(pdf.with_suffix("")),
            ],
            check=True,
        )


def _fill(src: Path, dst: Path, books: dict[int, str]) -> None:
    """What the counter found: the book, except two short lines; plus one found lot."""
    import openpyxl

    book = openpyxl.load_workbook(src)
    sheet = book["盘点表"]
    row = 2
    short = {2: "破损", 5: "自然损耗"}
    while sheet.cell(row, 1).value is not None:
        line_no = int(sheet.cell(row, 1).value)
        found = Decimal(books[line_no]) - (1 if line_no in short else 0)
        sheet.cell(row, 10).value = int(found) if found == found.to_integral_value() else found
        if line_no in short:
            sheet.cell(row, 11).value = short[line_no]
        row += 1
    sheet.cell(row, 4).value = "050101"
    sheet.cell(row, 7).value = "账外-01"
    sheet.cell(row, 3).value = "A-01"
    sheet.cell(row, 10).value = 2
    sheet.cell(row, 11).value = "其他"
    sheet.cell(row, 12).value = "库角发现两顶未入账的棉帐篷"
    book.save(dst)


def main() -> int:
    docs = ROOT / "docs" / "documents"
    shots = ROOT / "docs" / "screenshots"
    with tempfile.TemporaryDirectory(prefix="count-shots-") as tmp_name:
        tmp = Path(tmp_name)
        env = {
            **os.environ,
            "INVENTORY_DATA_DIR": str(tmp / "data"),
            "INVENTORY_DB_URL": str(tmp / "demo.sqlite3"),
            "INVENTORY_PASSWORD": "demo1234",
        }
        subprocess.run(
            [sys.executable, "-m", "inventory_app", "init", "--demo"],
            env=env,
            check=True,
            capture_output=True,
        )
        opened = _cli(
            env,
            "auditor",
            "audit",
            "open",
            "--depot",
            DEPOT,
            "--blind",
            "--counter",
            "王敏",
            "--supervisor",
            "李审计",
            "--json",
        )
        doc_no = opened.split('"doc_no": "')[1].split('"')[0]
        _cli(env, "auditor", "audit", "sheets", doc_no, "--out", str(docs / "count_sheets.pdf"))
        _cli(env, "auditor", "bincards", "--depot", DEPOT, "--out", str(docs / "bin_cards.pdf"))
        _cli(
            env,
            "auditor",
            "bincards",
            "--depot",
            DEPOT,
            "--location",
            "A-01",
            "--label",
            "--out",
            str(docs / "bin_card_label.pdf"),
        )
        workbook = tmp / "count.xlsx"
        _cli(env, "auditor", "audit", "export", doc_no, "--out", str(workbook))
        filled = tmp / "filled.xlsx"
        shown = json.loads(_cli(env, "auditor", "audit", "show", doc_no, "--json"))
        _fill(workbook, filled, {line["line_no"]: line["book"] for line in shown["lines"]})
        _cli(env, "auditor", "audit", "import", str(filled))
        _shoot(env, doc_no, shots / "counts.png")
        _cli(env, "approver", "audit", "approve", doc_no)
        _cli(env, "approver", "audit", "print", doc_no, "--out", str(docs / "count.pdf"))
        for name in ("count_sheets", "bin_cards", "bin_card_label", "count"):
            _png(docs / f"{name}.pdf")
    return 0


def _shoot(env: dict[str, str], doc_no: str, out: Path) -> None:
    """The approver's view of the entered count, drawn by the real page."""
    os.environ.update({k: env[k] for k in ("INVENTORY_DATA_DIR", "INVENTORY_DB_URL")})
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from inventory_app.persistence.engine import sqlite_url
    from inventory_app.services import auth, database
    from inventory_app.ui.context import AppContext, DataEvents
    from inventory_app.ui.fonts import register_bundled_fonts
    from inventory_app.ui.pages.counts_page import CountsPage
    from inventory_app.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    register_bundled_fonts(app)  # type: ignore[arg-type]
    uow = database.open_database(sqlite_url(Path(env["INVENTORY_DB_URL"])))
    actor = auth.authenticate(uow, "approver", "demo1234")
    ctx = AppContext(uow, actor, TaskRunner(), DataEvents(), env["INVENTORY_DB_URL"])
    page = CountsPage(ctx)
    page.resize(1366, 700)
    page.show()
    for _ in range(3):
        ctx.tasks.wait_all(20_000)
        app.processEvents()
    page.table.selectRow(0)
    for _ in range(3):
        ctx.tasks.wait_all(20_000)
        app.processEvents()
    page.line_table.resizeColumnsToContents()
    app.processEvents()
    page.grab().save(str(out))
    assert page.detail is not None and page.detail.doc_no == doc_no


if __name__ == "__main__":
    raise SystemExit(main())
