"""The registers and the order list as reports: the pages' filters, PDF and Excel."""

from __future__ import annotations

import uuid
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from inventory_app.domain.orders import OrderLine
from inventory_app.services import orders, page_reports
from tests.factories import World

from .pdf_support import page_texts, squeeze


def _text(path: Path) -> str:
    return squeeze("".join(page_texts(path.read_bytes())))


def test_depots_report_lists_the_depots_matching_the_filter(world: World, tmp_path: Path) -> None:
    out, count = page_reports.depots_report(world.uow, world.admin, tmp_path / "d.pdf")
    assert count >= 2 and "仓库名录" in _text(out)
    _out, only_a = page_reports.depots_report(world.uow, world.admin, tmp_path / "a.pdf", " a ")
    assert 1 <= only_a < count
    _out, none = page_reports.depots_report(world.uow, world.admin, tmp_path / "n.pdf", "不存在")
    assert none == 0


def test_catalogue_report_by_category_and_text(world: World, tmp_path: Path) -> None:
    out, count = page_reports.catalogue_report(world.uow, world.admin, tmp_path / "c.xlsx")
    sheet = load_workbook(out).active
    assert sheet is not None and count >= 2
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "物资编码" in values and "050101" in values
    out, count = page_reports.catalogue_report(
        world.uow, world.keeper_a, tmp_path / "c.pdf", text="050104"
    )
    assert count == 1 and "050104" in _text(out) and "物资目录" in _text(out)


def test_orders_report_by_state(world: World, tmp_path: Path) -> None:
    doc_no = orders.create_order(
        world.uow,
        world.admin,
        lines=[OrderLine("050101", Decimal(5), "A")],
        receiving_unit="海原县应急管理局",
        emergency=True,
        submit=True,
        request_id=uuid.uuid4().hex,
    ).doc_no
    out, count = page_reports.orders_report(world.uow, world.admin, tmp_path / "o.pdf")
    text = _text(out)
    assert count == 1 and doc_no in text and "已提交" in text and "紧急" in text
    _out, none = page_reports.orders_report(
        world.uow, world.admin, tmp_path / "x.pdf", states=("COMPLETED",)
    )
    assert none == 0
