"""库存 page: four views over real services, filters, expiry colours, keeper scope, export."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from inventory_app.domain.model import OutLine, ReceiptLine
from inventory_app.services import issues, receipts, transfers
from inventory_app.services.rows import LotStockRow
from inventory_app.ui.models.table_models import LazyTableModel, RowsTableModel
from inventory_app.ui.pages.stock_page import (
    EXPIRED_BG,
    EXPIRED_FG,
    NEAR_BG,
    StockPage,
    StockView,
)
from tests.factories import World
from tests.gui.dialog_support import MakeCtx, MakePage, all_rows, pages, settle_page

TODAY = date.today()


def rid() -> str:
    return str(uuid.uuid4())


@pytest.fixture
def stocked(world: World) -> World:
    """Depot A: an expired, a near-expiry and a fresh lot; depot B: quilts and flour."""
    receipts.receive(
        world.uow,
        world.admin,
        depot="A",
        request_id=rid(),
        lines=[
            ReceiptLine(
                "050101",
                Decimal(10),
                batch_no="OLD-TENT",
                location_code="A-01",
                production_date=TODAY - timedelta(days=900),
                expiry_date=TODAY - timedelta(days=5),
            ),
            ReceiptLine(
                "050101",
                Decimal(20),
                batch_no="NEAR-TENT",
                location_code="A-01",
                production_date=TODAY - timedelta(days=300),
                expiry_date=TODAY + timedelta(days=30),
            ),
            ReceiptLine(
                "050104",
                Decimal(30),
                batch_no="=1+2",
                location_code="A-01",
                production_date=TODAY - timedelta(days=10),
                expiry_date=TODAY + timedelta(days=1000),
            ),
        ],
    )
    receipts.receive(
        world.uow,
        world.admin,
        depot="B",
        request_id=rid(),
        lines=[
            ReceiptLine("050104", Decimal(7), batch_no="B-QUILT", location_code="B-01"),
            ReceiptLine(
                "140201",
                Decimal("2.5"),
                batch_no="B-FLOUR",
                location_code="B-01",
                production_date=TODAY - timedelta(days=20),
            ),
        ],
    )
    issues.issue(
        world.uow, world.admin, depot="B", request_id=rid(), lines=[OutLine("050104", Decimal(2))]
    )
    return world


@pytest.fixture
def make_page(qtbot: QtBot, stocked: World) -> Iterator[MakePage[StockPage]]:
    with pages(qtbot, stocked, StockPage) as make:
        yield make


def lot_batches(page: StockPage) -> set[str]:
    return {row.batch_no for row in all_rows(page.lot_model)}


def test_every_view_model_passes_modeltester(
    make_page, qtmodeltester: ModelTester, qtbot: QtBot
) -> None:
    page, ctx = make_page()
    assert isinstance(page.lot_model, LazyTableModel)
    qtmodeltester.check(page.lot_model)
    for view in (StockView.ITEM, StockView.DEPOT, StockView.CATEGORY):
        page.set_view(view)
        settle_page(ctx, qtbot)
        model = page.model_for(view)
        assert isinstance(model, RowsTableModel) and model.rowCount() > 0
        qtmodeltester.check(model)


def test_lot_view_shows_every_lot_with_units_and_money(make_page) -> None:
    page, _ctx = make_page()
    assert lot_batches(page) == {"OLD-TENT", "NEAR-TENT", "=1+2", "B-QUILT", "B-FLOUR"}
    model = page.lot_model
    rows = all_rows(model)
    flour = next(i for i, r in enumerate(rows) if r.batch_no == "B-FLOUR")
    on_hand = model.index(flour, model.column_index("on_hand"))
    assert model.data(on_hand) == "2.5"
    assert model.data(on_hand, Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.data(model.index(flour, model.column_index("unit"))) == "吨"
    assert model.data(model.index(flour, model.column_index("unit_price"))) == "¥3,600.00"
    # The unit sits right next to the quantities it qualifies.
    assert model.column_index("unit") == model.column_index("available") + 1
    assert "共 5 个批次" in page.summary_label.text()
    assert "已过期 1 个" in page.summary_label.text()


def test_text_filter_matches_name_code_pinyin_and_batch(make_page, qtbot: QtBot) -> None:
    page, ctx = make_page()
    for text, expected in (
        ("mzp", {"OLD-TENT", "NEAR-TENT"}),
        ("棉被", {"=1+2", "B-QUILT"}),
        ("140201", {"B-FLOUR"}),
        ("near-t", {"NEAR-TENT"}),
        ("没有这个", set()),
    ):
        page.search.setText(text)
        page.search.flush()
        settle_page(ctx, qtbot)
        assert lot_batches(page) == expected, text


def test_typing_is_debounced_into_one_search(make_page, qtbot: QtBot) -> None:
    page, ctx = make_page()
    with qtbot.waitSignal(page.search.debounced, timeout=2000) as signal:
        for ch in "mzp":
            page.search.setText(page.search.text() + ch)
    assert signal.args == ["mzp"]
    settle_page(ctx, qtbot)
    assert lot_batches(page) == {"OLD-TENT", "NEAR-TENT"}


def test_depot_expiry_and_category_filters(make_page, qtbot: QtBot) -> None:
    page, ctx = make_page()
    page.depot_combo.set_current_code("B", notify=True)
    settle_page(ctx, qtbot)
    assert lot_batches(page) == {"B-QUILT", "B-FLOUR"}

    page.depot_combo.set_current_code(None, notify=True)
    page.expiry_combo.set_current_code("expired", notify=True)
    settle_page(ctx, qtbot)
    assert lot_batches(page) == {"OLD-TENT"}

    page.expiry_combo.set_current_code(90, notify=True)
    settle_page(ctx, qtbot)
    assert lot_batches(page) == {"OLD-TENT", "NEAR-TENT"}  # "within 90 days" includes expired

    page.expiry_combo.set_current_code(None, notify=True)
    page.category_combo.set_current_code("14", notify=True)
    settle_page(ctx, qtbot)
    assert lot_batches(page) == {"B-FLOUR"}

    page.clear_filters()
    settle_page(ctx, qtbot)
    assert len(lot_batches(page)) == 5


def test_apply_navigation_filters_every_view(make_page, qtbot: QtBot) -> None:
    page, ctx = make_page()
    page.apply_navigation("A", "05")
    settle_page(ctx, qtbot)
    assert page.depot_combo.current_code() == "A"
    assert lot_batches(page) == {"OLD-TENT", "NEAR-TENT", "=1+2"}
    page.set_view(StockView.ITEM)
    settle_page(ctx, qtbot)
    items = {r.item_code: r for r in all_rows(page.item_model)}
    assert set(items) == {"050101", "050104"}
    assert items["050101"].on_hand == Decimal(30)


def test_expired_lot_is_red_and_near_expiry_amber(make_page) -> None:
    page, _ctx = make_page()
    model = page.lot_model
    rows: list[LotStockRow] = all_rows(model)
    expiry_col = model.column_index("expiry_date")
    colours = {}
    for i, row in enumerate(rows):
        colours[row.batch_no] = (
            model.data(model.index(i, 0), Qt.ItemDataRole.BackgroundRole),
            model.data(model.index(i, expiry_col), Qt.ItemDataRole.ForegroundRole),
        )
    assert colours["OLD-TENT"] == (EXPIRED_BG, EXPIRED_FG)
    assert colours["NEAR-TENT"][0] == NEAR_BG
    assert colours["=1+2"] == (None, None)
    assert "已过期" in page.legend_expired.text()


def test_keeper_page_offers_and_shows_only_their_depot(make_page, stocked: World) -> None:
    page, _ctx = make_page(stocked.keeper_b)
    codes = [page.depot_combo.itemData(i) for i in range(page.depot_combo.count())]
    assert codes == [None, "B"]
    assert lot_batches(page) == {"B-QUILT", "B-FLOUR"}
    assert {r.depot_code for r in all_rows(page.lot_model)} == {"B"}


def test_by_depot_view_shows_in_transit(make_page, qtbot: QtBot, stocked: World) -> None:
    transfers.transfer_send(
        stocked.uow,
        stocked.admin,
        from_depot="A",
        to_depot="B",
        request_id=rid(),
        lines=[OutLine("050104", Decimal(5))],
    )
    page, ctx = make_page()
    page.set_view(StockView.DEPOT)
    settle_page(ctx, qtbot)
    rows = {(r.depot_code, r.item_code): r for r in all_rows(page.depot_model)}
    assert rows[("B", "050104")].in_transit == Decimal(5)
    assert rows[("A", "050104")].on_hand == Decimal(25)
    model = page.depot_model
    assert model.headerData(model.column_index("in_transit"), Qt.Orientation.Horizontal) == "在途"
    assert "2 个仓库" in page.summary_label.text()


def test_category_view_totals(make_page, qtbot: QtBot) -> None:
    page, ctx = make_page()
    page.set_view(StockView.CATEGORY)
    settle_page(ctx, qtbot)
    rows = {r.category_code: r for r in all_rows(page.category_model)}
    assert rows["14"].on_hand == Decimal("2.5") and rows["14"].unit == "吨"
    assert "共 2 个类别" in page.summary_label.text()


def test_header_click_sorts_in_sql(make_page, qtbot: QtBot) -> None:
    page, ctx = make_page()
    table = page.tables[StockView.LOT]
    section = page.lot_model.column_index("on_hand")
    table.horizontalHeader().setSortIndicator(section, Qt.SortOrder.DescendingOrder)
    settle_page(ctx, qtbot)
    assert page.lot_model.sort_key == "on_hand" and page.lot_model.descending
    quantities = [r.on_hand for r in all_rows(page.lot_model)]
    assert quantities == sorted(quantities, reverse=True)

    # A computed column the database cannot order by keeps the current order.
    table.horizontalHeader().setSortIndicator(
        page.lot_model.column_index("available"), Qt.SortOrder.AscendingOrder
    )
    settle_page(ctx, qtbot)
    assert table.horizontalHeader().sortIndicatorSection() == section


def test_stock_changed_refreshes_the_page(make_page, qtbot: QtBot, stocked: World) -> None:
    page, ctx = make_page()
    receipts.receive(
        stocked.uow,
        stocked.admin,
        depot="A",
        request_id=rid(),
        lines=[ReceiptLine("140201", Decimal(1), batch_no="NEW-FLOUR")],
    )
    ctx.events.stock_changed.emit()
    settle_page(ctx, qtbot)
    assert "NEW-FLOUR" in lot_batches(page)


def test_export_writes_current_view_with_filters(make_page, qtbot: QtBot, tmp_path: Path) -> None:
    page, ctx = make_page()
    page.depot_combo.set_current_code("A", notify=True)
    settle_page(ctx, qtbot)
    target = tmp_path / page.default_export_name()
    assert target.name.startswith("库存_按批次_") and target.suffix == ".xlsx"
    with qtbot.waitSignal(page.exported, timeout=10_000) as signal:
        page.export_to(str(target))
    assert signal.args is not None and signal.args[1] == 3
    sheet = load_workbook(target).active
    values = list(sheet.iter_rows(values_only=True))
    headers = values[0]
    assert headers[:3] == ("仓库", "物资名称", "规格")  # the view's column order
    batch = headers.index("批号")
    assert {row[batch].lstrip("'") for row in values[1:]} == {"OLD-TENT", "NEAR-TENT", "=1+2"}
    column = sheet[get_column_letter(batch + 1)]
    formula_cell = next(c for c in column if c.value and "1+2" in str(c.value))
    assert formula_cell.data_type == "s"  # text, never a live formula
    on_hand = headers.index("在库")
    assert sorted(row[on_hand] for row in values[1:]) == [10, 20, 30]

    page.set_view(StockView.CATEGORY)
    settle_page(ctx, qtbot)
    target = tmp_path / "cat.xlsx"
    with qtbot.waitSignal(page.exported, timeout=10_000):
        page.export_to(str(target))
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert rows[0][:2] == ("类别编码", "类别名称") and len(rows) == 2  # only category 05 in A


def test_export_reads_every_lot_not_only_fetched_pages(
    make_page, qtbot: QtBot, stocked: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    receipts.receive(
        stocked.uow,
        stocked.admin,
        depot="A",
        request_id=rid(),
        lines=[ReceiptLine("050104", Decimal(1), batch_no=f"P{i:03d}") for i in range(40)],
    )
    monkeypatch.setattr("inventory_app.ui.pages.stock_page.LOT_PAGE_SIZE", 10)
    page, _ctx = make_page()
    assert page.lot_model.total_count == 45
    assert page.lot_model.rowCount() < 45
    target = tmp_path / "all.xlsx"
    with qtbot.waitSignal(page.exported, timeout=10_000) as signal:
        page.export_to(str(target))
    assert signal.args is not None and signal.args[1] == 45
    assert load_workbook(target).active.max_row == 46


def test_first_rows_arrive_with_the_load_not_at_the_next_layout(
    stocked: World, qtbot: QtBot, make_ctx: MakeCtx
) -> None:
    # A view fetches after a model reset only when its delayed layout runs; the page
    # must not wait for that (it can be long, e.g. until the mouse moves).
    ctx = make_ctx(stocked.admin)
    page = StockPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert ctx.tasks.wait_all(10_000)  # delivers the callbacks, runs no timers
    assert page.lot_model.rowCount() == 5
