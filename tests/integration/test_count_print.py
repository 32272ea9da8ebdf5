"""Printed stocktake papers and formula-safe exports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from inventory_app.reports import pdf_base
from inventory_app.services import (
    count_print,
    count_workbook,
    counts,
    list_reports,
    masterdata,
    printing,
)
from inventory_app.services.counts import CountEntry
from inventory_app.services.ledger_queries import LedgerFilter
from inventory_app.services.masterdata import ItemSpec
from inventory_app.services.stock_queries import StockFilter
from tests.factories import World
from tests.integration.count_support import open_count, stock
from tests.integration.helpers import receive, rid
from tests.integration.pdf_support import page_texts, reader, squeeze


@pytest.fixture
def qr_values(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = pdf_base.qr_code

    def spy(value: str, size: float) -> Any:
        seen.append(value)
        return real(value, size)

    monkeypatch.setattr(pdf_base, "qr_code", spy)
    return seen


def test_count_sheets_per_location_with_number_qr_and_signatures(
    world: World, qr_values: list[str]
) -> None:
    stock(world)
    doc_no = open_count(world)
    pages = [
        squeeze(p) for p in page_texts(count_print.count_sheets(world.uow, world.keeper_a, doc_no))
    ]
    assert len(pages) == 2  # 未分库位 (the flour), then A-01
    assert "库位未分库位" in pages[0] and "库位A-01" in pages[1]
    for page in pages:
        assert doc_no in page and "第1页共1页" in page
        assert "盘点人" in page and "监盘人" in page
    assert "2.500" in pages[0]
    assert qr_values == [doc_no]


def test_blind_sheets_show_no_book_quantity(world: World) -> None:
    stock(world)
    doc_no = open_count(world, blind=True)
    text = "".join(
        squeeze(p) for p in page_texts(count_print.count_sheets(world.uow, world.keeper_a, doc_no))
    )
    assert "盲盘" in text
    assert "2.500" not in text and "棉被" in text


def test_count_document_after_approval_names_adjustment_and_reasons(world: World) -> None:
    s = stock(world)
    doc_no = open_count(world, category="05")
    counts.enter_counts(
        world.uow,
        world.keeper_a,
        doc_no=doc_no,
        entries=[CountEntry(1, 9, "damage"), CountEntry(2, 40)],
        request_id=rid(),
    )
    counts.submit_count(world.uow, world.keeper_a, doc_no=doc_no, request_id=rid())
    counts.approve_count(world.uow, s.auditor, doc_no=doc_no, request_id=rid())
    text = squeeze("".join(page_texts(printing.print_document(world.uow, world.admin, doc_no))))
    assert "盘点单" in text and "TZ-A-" in text and "破损" in text
    assert "-1,650.00" in text
    for role in count_print.COUNT_SIGNATURES:
        assert role in text
    variance = squeeze(
        "".join(page_texts(count_print.variance_report(world.uow, world.admin, doc_no)))
    )
    assert "盘点差异报告" in variance and "棉被" not in variance and "棉帐篷" in variance


def test_bin_cards_carry_the_lot_id_as_text_and_qr(world: World, qr_values: list[str]) -> None:
    s = stock(world)
    assert count_print.bin_cards(world.uow, world.keeper_a, depot="A", out=None) == 3
    assert sorted(qr_values) == sorted(f"LOT:{lot}" for lot in (s.tents, s.quilts, s.flour))
    qr_values.clear()
    path = Path(world.uow.engine.url.database or "").with_name("label.pdf")
    count_print.bin_cards(
        world.uow, world.keeper_a, depot="A", out=path, lot_ids=(s.tents,), label=True
    )
    pdf = reader(path.read_bytes())
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    assert round(float(box.width)) == round(100 * 72 / 25.4)
    text = squeeze(pdf.pages[0].extract_text())
    assert f"批次ID{s.tents}" in text and "棉帐篷" in text and "T-1" in text


HOSTILE_NAMES = ('=HYPERLINK("http://x","点我")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1")


def test_every_export_keeps_formula_like_text_inert(world: World, tmp_path: Path) -> None:
    stock(world)
    for n, name in enumerate(HOSTILE_NAMES):
        code = f"09{n:04d}"
        masterdata.create_item(
            world.uow, world.admin, ItemSpec(code=code, name=name, category="05", unit="个")
        )
        receive(world.uow, world.keeper_a, "A", code, 1, batch=name[:10], location_code="A-01")
    doc_no = open_count(world)
    files = [tmp_path / "count.xlsx", tmp_path / "stock.xlsx", tmp_path / "ledger.xlsx"]
    count_workbook.export_workbook(world.uow, world.keeper_a, doc_no, files[0])
    list_reports.stock_report(world.uow, world.admin, "lot", StockFilter(), files[1])
    list_reports.ledger_report(world.uow, world.admin, LedgerFilter(), files[2])
    for path in files:
        found = 0
        for sheet in openpyxl.load_workbook(path).worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str) and cell.value.lstrip("'") in HOSTILE_NAMES:
                        assert cell.data_type == "s", (path.name, cell.value)
                        assert cell.value.startswith("'"), (path.name, cell.value)
                        found += 1
                    assert cell.data_type != "f", (path.name, cell.coordinate, cell.value)
        assert found >= len(HOSTILE_NAMES), path.name
