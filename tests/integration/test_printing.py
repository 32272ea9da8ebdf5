"""Documents and lists as files a keeper prints: the text is really in the PDF, the font is
embedded, the 出库单 has its three copies, lists carry filters and totals."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from inventory_app.domain.errors import NotFound
from inventory_app.domain.model import OutLine, ReceiptLine
from inventory_app.domain.orders import OrderLine, ReceivedLine
from inventory_app.persistence import chain
from inventory_app.services import (
    approvals,
    documents,
    list_reports,
    orders,
    printing,
    receipt_notes,
    receipts,
    shipping,
    verify,
    writeoffs,
)
from inventory_app.services.ledger_queries import LedgerFilter
from inventory_app.services.stock_queries import StockFilter
from tests.factories import World
from tests.integration.helpers import rid
from tests.integration.pdf_support import fonts_of

TENT = "050101"
D = Decimal


def _text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def _shipped_order(world: World) -> tuple[str, str]:
    receipts.receive(
        world.uow,
        world.admin,
        depot="A",
        request_id=rid(),
        lines=[
            ReceiptLine(
                TENT, D(10), batch_no="ZW2026-0501-09", location_code="A-01", unit_price=D("1650")
            )
        ],
    )
    order = orders.create_order(
        world.uow,
        world.keeper_b,
        lines=[OrderLine(TENT, D(4), "A")],
        receiving_unit="海原县应急管理局",
        place="海原县海城镇",
        submit=True,
        request_id=rid(),
    ).doc_no
    approvals.approve_order(world.uow, world.approver, doc_no=order, request_id=rid())
    slip = shipping.ship(
        world.uow,
        world.keeper_a,
        order_no=order,
        depot="A",
        plate="宁E·12345",
        driver="李强",
        request_id=rid(),
    ).doc_no
    return order, slip


def test_dispatch_slip_in_three_copies_with_everything_on_it(world: World) -> None:
    order, slip = _shipped_order(world)
    data = printing.print_document(world.uow, world.keeper_a, slip)
    pages = _text(data)
    assert len(pages) == 3
    for page, copy in zip(pages, ("第一联", "第二联", "第三联"), strict=True):
        for expected in (
            slip,
            order,
            "出 库 单",
            "棉帐篷",
            "ZW2026-0501-09",
            "A-01",
            "宁E·12345",
            "海原县应急管理局",
            "陆仟陆佰元整",
            copy,
            "第 1 页 共 1 页",
        ):
            assert expected in page.replace("\n", ""), (expected, page)
    fonts = fonts_of(data)
    assert fonts and all("WenQuanYi" in str(f["/BaseFont"]) for f in fonts)
    assert all("/FontFile2" in f["/FontDescriptor"].get_object() for f in fonts)
    # The slip's own place in the history chain: the paper can be matched to the database.
    code = world.uow.read(
        lambda conn: chain.row_chain_hash(conn, "document", documents.load(conn, slip).id)
    )
    assert code and all(f"校验码 {code[:16]}" in page.replace("\n", "") for page in pages)


def test_continuous_form_is_241_by_140_mm(world: World, tmp_path: Path) -> None:
    _order, slip = _shipped_order(world)
    out = tmp_path / "slip.pdf"
    printing.print_document(world.uow, world.keeper_a, slip, out, form="continuous")
    box = PdfReader(out).pages[0].mediabox
    assert float(box.width) == pytest.approx(241 / 25.4 * 72, abs=0.5)
    assert float(box.height) == pytest.approx(140 / 25.4 * 72, abs=0.5)


def test_order_request_and_waiting_write_off_print(world: World) -> None:
    order, _slip = _shipped_order(world)
    text = "".join(_text(printing.print_document(world.uow, world.admin, order)))
    assert order in text and "调拨指令" in text and "市级柔远库" in text
    pending = writeoffs.request_scrap(
        world.uow,
        world.keeper_a,
        depot="A",
        reason="霉变",
        lines=[OutLine(TENT, D(1), 1)],
        request_id=rid(),
    ).doc_no
    text = "".join(_text(printing.print_document(world.uow, world.keeper_a, pending)))
    assert pending in text and "霉变" in text and "棉帐篷" in text


def test_receipt_note_prints_shipped_received_and_the_reason(world: World) -> None:
    order, _slip = _shipped_order(world)
    ack = receipt_notes.sign_for(
        world.uow,
        world.keeper_b,
        order_no=order,
        signed_by="马明",
        received=[ReceivedLine(1, D(3), "途中一顶破损")],
        request_id=rid(),
    ).doc_no
    text = "".join(_text(printing.print_document(world.uow, world.admin, ack)))
    for expected in (ack, "签 收 回 执", order, "马明", "途中一顶破损", "棉帐篷"):
        assert expected in text.replace("\n", ""), expected


def test_a_keeper_cannot_print_another_depots_document(world: World) -> None:
    _order, slip = _shipped_order(world)
    with pytest.raises(NotFound):
        printing.printable_document(world.uow, world.keeper_b, slip)


def test_lists_as_pdf_and_excel(world: World, tmp_path: Path) -> None:
    _shipped_order(world)
    pdf, rows = list_reports.stock_report(
        world.uow, world.admin, "lot", StockFilter(depot_codes=("A",)), tmp_path / "s.pdf"
    )
    text = "".join(_text(pdf.read_bytes()))
    assert rows == 1 and "库存明细" in text and "仓库: A" in text.replace("：", ": ")
    assert "合计" in text and "第 1 页 共 1 页" in text
    anchor = verify.verify(world.uow, world.admin).anchor
    assert f"总校验码 {anchor}" in text.replace("\n", "")  # as verify prints it
    xlsx, rows = list_reports.ledger_report(
        world.uow, world.admin, LedgerFilter(), tmp_path / "l.xlsx"
    )
    sheet = load_workbook(xlsx).active
    assert rows == 2 and sheet is not None and sheet.max_row == 3  # header + receipt + issue
