"""Where printing starts: the ledger's document panel, the orders page, the ship dialog and
打印报表… on every list page, each opening the preview of what it shows."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from inventory_app.ui.context import AppContext
from inventory_app.ui.dialogs.print_preview_dialog import PrintPreviewDialog
from inventory_app.ui.dialogs.ship_dialog import ShipDialog
from inventory_app.ui.pages.catalogue_page import CataloguePage
from inventory_app.ui.pages.depots_page import DepotsPage
from inventory_app.ui.pages.ledger_page import LedgerPage
from inventory_app.ui.pages.orders_page import OrdersPage
from inventory_app.ui.pages.stock_page import StockPage, StockView
from tests.factories import World
from tests.gui.dialog_support import MakeCtx, all_rows, only_box, pages, settle, settle_page
from tests.gui.order_support import approve, make_order, stock_up
from tests.gui.print_support import close_previews, pdf_pages, pdf_text, shipped_slip

pytestmark = pytest.mark.usefixtures("popups_quiet")


@pytest.fixture(autouse=True)
def _close_previews() -> Iterator[None]:
    yield
    close_previews()


def _page(
    qtbot: QtBot, world: World, page_type: Callable[[AppContext], QWidget]
) -> tuple[Any, AppContext]:
    with pages(qtbot, world, page_type) as make:
        return make()


def _rendered(preview: PrintPreviewDialog | None, ctx: AppContext, qtbot: QtBot) -> bytes:
    assert preview is not None and preview.isVisible()
    settle_page(ctx, qtbot)
    assert preview.data is not None and preview.page_count() == pdf_pages(preview.data)
    return preview.data


def test_ledger_panel_prints_the_document_shown(qtbot: QtBot, world: World) -> None:
    _order, slip = shipped_slip(world)
    page, ctx = _page(qtbot, world, LedgerPage)
    assert isinstance(page, LedgerPage)
    assert not page.detail_box.print_button.isEnabled()  # nothing selected yet
    rows = all_rows(page.model)
    page.table.selectRow(next(i for i, r in enumerate(rows) if r.doc_no == slip))
    settle_page(ctx, qtbot)
    assert page.detail_box.print_button.isEnabled()
    page.detail_box.print_button.click()
    preview = page.detail_box.preview
    data = _rendered(preview, ctx, qtbot)
    assert preview is not None and preview.job.title == slip and preview.job.forms
    assert slip in pdf_text(data) and "出库单" in pdf_text(data)


def test_ledger_prints_its_list_with_the_filters(qtbot: QtBot, world: World) -> None:
    _order, slip = shipped_slip(world)
    page, ctx = _page(qtbot, world, LedgerPage)
    page.show_document_no(slip)
    settle_page(ctx, qtbot)
    page.print_button.click()
    text = pdf_text(_rendered(page.print_button.preview, ctx, qtbot))
    assert "出入库台账" in text and slip in text


@pytest.mark.parametrize(
    ("view", "title"),
    [(StockView.LOT, "库存明细（按批次）"), (StockView.CATEGORY, "库存汇总（按类别）")],
)
def test_stock_page_prints_its_view(
    qtbot: QtBot, world: World, view: StockView, title: str
) -> None:
    stock_up(world)
    page, ctx = _page(qtbot, world, StockPage)
    page.set_view(view)
    settle_page(ctx, qtbot)
    page.print_button.click()
    preview = page.print_button.preview
    text = pdf_text(_rendered(preview, ctx, qtbot))
    assert title in text
    assert preview is not None and not preview.form_combo.isVisible()  # a report: no form


def test_stock_report_follows_the_depot_filter(qtbot: QtBot, world: World) -> None:
    stock_up(world)
    page, ctx = _page(qtbot, world, StockPage)
    page.apply_navigation("B", None)  # nothing stocked in B
    settle_page(ctx, qtbot)
    page.print_button.click()
    text = pdf_text(_rendered(page.print_button.preview, ctx, qtbot))
    assert "T-1" not in text and "仓库" in text


@pytest.mark.parametrize(
    ("page_type", "title"), [(DepotsPage, "仓库名录"), (CataloguePage, "物资目录")]
)
def test_registers_print_as_reports(
    qtbot: QtBot, world: World, page_type: Callable[[AppContext], QWidget], title: str
) -> None:
    page, ctx = _page(qtbot, world, page_type)
    page.print_button.click()
    assert title in pdf_text(_rendered(page.print_button.preview, ctx, qtbot))


def test_orders_page_prints_the_order_and_its_slips(qtbot: QtBot, world: World) -> None:
    order, slip = shipped_slip(world)
    page, ctx = _page(qtbot, world, OrdersPage)
    assert isinstance(page, OrdersPage)
    page.state_combo.setCurrentIndex(page.state_combo.findData("all"))
    settle_page(ctx, qtbot)
    assert not page.print_button.isEnabled()
    rows = all_rows(page.model)
    page.table.selectRow(next(i for i, r in enumerate(rows) if r.doc_no == order))
    settle_page(ctx, qtbot)
    assert page.print_button.isEnabled()
    assert [no for _text, no in page.printable_documents()] == [order, slip]
    page._fill_print_menu()
    actions = page.print_menu.actions()
    assert [a.text() for a in actions] == [f"调拨指令 {order}", f"出库单 {slip}"]
    actions[1].trigger()
    assert page.preview is not None and page.preview.job.title == slip
    assert "出库单" in pdf_text(_rendered(page.preview, ctx, qtbot))

    page.report_button.click()
    text = pdf_text(_rendered(page.report_button.preview, ctx, qtbot))
    assert "调拨指令一览" in text and order in text


def test_ship_dialog_offers_to_print_the_new_slip(
    qtbot: QtBot, world: World, make_ctx: MakeCtx
) -> None:
    stock_up(world)
    order = make_order(world)
    approve(world, order)
    ctx = make_ctx(world.keeper_a)
    dialog = ShipDialog(ctx, order_no=order)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(ctx)
    dialog.plate_edit.setText("宁E·12345")
    dialog.submit()
    settle(ctx)
    box = only_box()
    button = next(b for b in box.buttons() if b.text() == "打印出库单…")
    assert box.buttonRole(button) == QMessageBox.ButtonRole.ActionRole
    button.click()
    settle(ctx)
    slip = dialog.posting_result.doc_no if dialog.posting_result else ""
    assert slip.startswith("CK-")
    assert dialog.preview is not None and dialog.preview.job.title == slip
    assert dialog.preview.page_count() >= 3
    assert not dialog.isVisible()  # the ship dialog is done; the preview stays
