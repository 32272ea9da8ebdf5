"""台账 page: lazy paging, filters, linked reversals, document detail, export, keeper scope."""

from __future__ import annotations

import sys
import types
import uuid
from collections.abc import Iterator
from datetime import UTC, date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from inventory_app.domain.model import OutLine, ReceiptLine
from inventory_app.services import issues, ledger_queries, receipts, reversals
from inventory_app.services.ledger_queries import LedgerFilter
from inventory_app.ui.context import AppContext
from inventory_app.ui.models.table_models import format_datetime
from inventory_app.ui.pages.ledger_page import (
    NEGATIVE_FG,
    REVERSED_FG,
    LedgerModel,
    LedgerPage,
)
from tests.factories import World
from tests.gui.dialog_support import MakeCtx, MakePage, all_rows, pages, settle_page

TODAY = date.today()


def rid() -> str:
    return str(uuid.uuid4())


class Posted:
    """What the `history` fixture posted: ids to look for in the ledger."""

    def __init__(self, world: World) -> None:
        self.world = world
        receipt = receipts.receive(
            world.uow,
            world.admin,
            depot="A",
            request_id=rid(),
            supplier='=HYPERLINK("x")',
            doc_date=TODAY - timedelta(days=10),
            lines=[
                ReceiptLine("050101", Decimal(10), batch_no="TENT-1", location_code="A-01"),
                ReceiptLine("050104", Decimal(40), batch_no="QUILT-1", location_code="A-01"),
            ],
        )
        self.receipt_no = receipt.doc_no
        issue = issues.issue(
            world.uow,
            world.admin,
            depot="A",
            request_id=rid(),
            receiver="海原县应急管理局",
            doc_date=TODAY - timedelta(days=2),
            lines=[OutLine("050104", Decimal(4))],
        )
        self.issue_no = issue.doc_no
        receipts.receive(
            world.uow,
            world.admin,
            depot="B",
            request_id=rid(),
            lines=[ReceiptLine("140201", Decimal("1.5"), batch_no="FLOUR-B")],
        )
        reversal = reversals.reverse(
            world.uow, world.admin, doc_no=issue.doc_no, reason="数量录错", request_id=rid()
        )
        self.reversal_no = reversal.doc_no


@pytest.fixture
def history(world: World) -> Posted:
    return Posted(world)


@pytest.fixture
def make_page(qtbot: QtBot, world: World) -> Iterator[MakePage[LedgerPage]]:
    with pages(qtbot, world, LedgerPage) as make:
        yield make


def cell(model: LedgerModel, row: int, key: str, role: int = Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, model.column_index(key)), role)


def position_of(model: LedgerModel, movement_id: int) -> int:
    return next(i for i, r in enumerate(all_rows(model)) if r.movement_id == movement_id)


def test_model_passes_modeltester(history: Posted, make_page, qtmodeltester: ModelTester) -> None:
    page, _ctx = make_page()
    assert page.model.rowCount() == 5
    qtmodeltester.check(page.model)


def test_rows_newest_first_with_translated_kinds_and_signed_quantities(
    history: Posted, make_page
) -> None:
    page, _ctx = make_page()
    model = page.model
    rows = all_rows(model)
    assert [r.movement_id for r in rows] == sorted((r.movement_id for r in rows), reverse=True)
    kinds = [cell(model, i, "kind") for i in range(len(rows))]
    assert kinds == ["冲销", "入库", "出库", "入库", "入库"]
    issue = kinds.index("出库")
    assert cell(model, issue, "delta") == "-4"
    assert cell(model, issue, "unit") == "套"
    assert (
        cell(model, issue, "delta", Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    )
    flour = next(i for i, r in enumerate(rows) if r.batch_no == "FLOUR-B")
    assert cell(model, flour, "delta") == "1.5"
    assert cell(model, flour, "delta", Qt.ItemDataRole.ForegroundRole) is None
    # Entry time is stored in UTC and shown in the PC's local time.
    assert cell(model, flour, "created_at") == format_datetime(
        rows[flour].created_at.replace(tzinfo=UTC)
    )
    assert "共 5 条流水" in page.summary_label.text()


def test_each_movement_shows_the_balance_after_it(history: Posted, make_page) -> None:
    """结存: quilts at A go 40 → 36 (issue) → 40 (its reversal), whatever the filter shows."""
    page, _ctx = make_page()
    model = page.model
    rows = all_rows(model)
    quilts = [i for i, r in enumerate(rows) if r.item_code == "050104"]  # newest first
    assert [cell(model, i, "stock_after") for i in quilts] == ["40", "36", "40"]
    assert [rows[i].lot_after for i in quilts] == [Decimal(40), Decimal(36), Decimal(40)]
    tip = cell(model, quilts[1], "stock_after", Qt.ItemDataRole.ToolTipRole)
    assert "棉被" in tip and "36" in tip
    flour = next(i for i, r in enumerate(rows) if r.batch_no == "FLOUR-B")
    assert cell(model, flour, "stock_after") == "1.5"
    # Filtered to the issue's document only, the balance still counts what came before.
    (only,) = ledger_queries.ledger(
        history.world.uow, history.world.admin, LedgerFilter(doc_no=history.issue_no)
    )
    assert (only.delta, only.stock_after, only.lot_after) == (Decimal(-4), Decimal(36), Decimal(36))


def test_reversal_is_linked_to_its_original(history: Posted, make_page) -> None:
    page, _ctx = make_page()
    model = page.model
    rows = all_rows(model)
    original = next(i for i, r in enumerate(rows) if r.doc_no == history.issue_no)
    reversal = next(i for i, r in enumerate(rows) if r.doc_no == history.reversal_no)
    original_id, reversal_id = rows[original].movement_id, rows[reversal].movement_id

    assert cell(model, original, "relation") == f"已被流水 {reversal_id} 冲销"
    assert cell(model, reversal, "relation") == f"冲销流水 {original_id}"
    assert cell(model, original, "item_name", Qt.ItemDataRole.ForegroundRole) == REVERSED_FG
    assert cell(model, original, "item_name", Qt.ItemDataRole.FontRole).strikeOut()
    assert cell(model, reversal, "item_name", Qt.ItemDataRole.FontRole) is None
    assert cell(model, reversal, "delta") == "4"

    page.table.selectRow(original)
    assert page.jump_button.isEnabled()
    assert not page.reverse_button.isEnabled()  # already reversed
    page.jump_to_linked()
    assert page.selected_row() is not None and page.selected_row().movement_id == reversal_id
    page.table.doubleClicked.emit(page.table.currentIndex())
    assert page.selected_row().movement_id == original_id


def test_jump_to_a_movement_that_is_filtered_out_shows_its_lot(
    history: Posted, make_page, qtbot: QtBot
) -> None:
    page, ctx = make_page()
    page.kind_combo.set_current_code("REVERSAL", notify=True)
    settle_page(ctx, qtbot)
    rows = all_rows(page.model)
    assert [r.kind for r in rows] == ["REVERSAL"]
    page.table.selectRow(0)
    page.jump_to_linked()
    settle_page(ctx, qtbot)
    assert page.kind_combo.current_code() is None
    assert page.lot_chip.isVisible() and "QUILT-1" in page.lot_chip.label.text()
    selected = page.selected_row()
    assert selected is not None and selected.movement_id == rows[0].reverses_movement_id
    assert {r.batch_no for r in all_rows(page.model)} == {"QUILT-1"}

    page.clear_lot_focus()
    settle_page(ctx, qtbot)
    assert not page.lot_chip.isVisible() and page.model.rowCount() == 5


def test_filters(history: Posted, make_page, qtbot: QtBot) -> None:
    page, ctx = make_page()

    def shown() -> set[str]:
        settle_page(ctx, qtbot)
        return {r.batch_no for r in all_rows(page.model)}

    page.depot_combo.set_current_code("B", notify=True)
    assert shown() == {"FLOUR-B"}
    page.depot_combo.set_current_code(None, notify=True)

    page.search.setText("mzp")  # 棉帐篷 by pinyin initials
    page.search.flush()
    assert shown() == {"TENT-1"}
    page.search.set_value("")

    page.doc_edit.setText(history.issue_no.lower())  # typed in lower case
    page.doc_edit.flush()
    settle_page(ctx, qtbot)
    assert [r.doc_no for r in all_rows(page.model)] == [history.issue_no]
    page.doc_edit.set_value("")

    page.kind_combo.set_current_code("RECEIVE", notify=True)
    assert shown() == {"TENT-1", "QUILT-1", "FLOUR-B"}
    page.kind_combo.set_current_code(None, notify=True)

    page.date_to.set_value(TODAY - timedelta(days=5))
    page.date_to.changed.emit()
    assert shown() == {"TENT-1", "QUILT-1"}  # only the receipt 10 days ago
    page.date_from.set_value(TODAY - timedelta(days=3))
    page.date_from.changed.emit()
    assert shown() == set()

    page.clear_filters()
    assert len(shown()) == 3 and page.model.rowCount() == 5


def test_keeper_sees_only_their_depot(history: Posted, make_page, world: World) -> None:
    page, _ctx = make_page(world.keeper_b)
    assert {r.depot_code for r in all_rows(page.model)} == {"B"}
    assert [page.depot_combo.itemData(i) for i in range(page.depot_combo.count())] == [None, "B"]


def test_selecting_a_row_shows_its_document(history: Posted, make_page, qtbot: QtBot) -> None:
    page, ctx = make_page()
    rows = all_rows(page.model)
    page.table.selectRow(next(i for i, r in enumerate(rows) if r.doc_no == history.reversal_no))
    settle_page(ctx, qtbot)
    values = {key: label.text() for key, label in page.detail_box.values.items()}
    assert values["doc_no"] == history.reversal_no
    assert values["doc_type"] == "冲销单"
    assert values["reason"] == "数量录错"
    assert values["reference"] == history.issue_no

    page.table.selectRow(next(i for i, r in enumerate(rows) if r.doc_no == history.issue_no))
    settle_page(ctx, qtbot)
    values = {key: label.text() for key, label in page.detail_box.values.items()}
    assert values["state"] == "已冲销" and values["other"] == "海原县应急管理局"
    assert values["purpose"] == "救灾" and values["lines"] == "1"


def test_header_click_sorts_in_sql(history: Posted, make_page, qtbot: QtBot) -> None:
    issues.issue(
        history.world.uow,
        history.world.admin,
        depot="A",
        request_id=rid(),
        lines=[OutLine("050101", Decimal(6))],
    )
    page, ctx = make_page()
    header = page.table.horizontalHeader()
    header.setSortIndicator(page.model.column_index("delta"), Qt.SortOrder.AscendingOrder)
    settle_page(ctx, qtbot)
    assert page.model.sort_key == "delta" and not page.model.descending
    # Deltas are stored in thousandths: 1.5 t sorts below 4 套 and above -4 套.
    assert [r.delta for r in all_rows(page.model)] == sorted(r.delta for r in all_rows(page.model))
    assert cell(page.model, 0, "delta") == "-6"
    assert cell(page.model, 0, "delta", Qt.ItemDataRole.ForegroundRole) == NEGATIVE_FG
    # The reversed issue is negative too, but greyed like the rest of its row.
    assert cell(page.model, 1, "delta", Qt.ItemDataRole.ForegroundRole) == REVERSED_FG


def test_export_writes_every_filtered_movement(
    history: Posted, make_page, qtbot: QtBot, tmp_path: Path
) -> None:
    page, ctx = make_page()
    page.depot_combo.set_current_code("A", notify=True)
    settle_page(ctx, qtbot)
    target = tmp_path / page.default_export_name()
    assert target.name.startswith("台账_")
    with qtbot.waitSignal(page.exported, timeout=10_000) as signal:
        page.export_to(str(target))
    assert signal.args is not None and signal.args[1] == 4
    sheet = load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    headers = rows[0]
    assert headers[0] == "流水号" and "冲销关系" in headers
    kinds = [row[headers.index("类型")] for row in rows[1:]]
    assert kinds == ["冲销", "出库", "入库", "入库"]
    deltas = [row[headers.index("数量")] for row in rows[1:]]
    assert deltas == [4, -4, 40, 10]
    counterparty = headers.index("对方单位") + 1
    injected = [
        c
        for c in sheet.iter_rows(min_col=counterparty, max_col=counterparty)
        if c[0].value and "HYPERLINK" in str(c[0].value)
    ]
    assert injected and all(c[0].data_type == "s" for c in injected)


def test_reverse_button_opens_the_dialog_for_the_selected_movement(
    history: Posted, make_page, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[int] = []

    class FakeReverseDialog(QDialog):
        def __init__(
            self, ctx: AppContext, parent: QWidget | None = None, *, movement_id: int
        ) -> None:
            super().__init__(parent)
            opened.append(movement_id)

        def exec(self) -> int:
            return int(QDialog.DialogCode.Rejected)

    fake = types.ModuleType("inventory_app.ui.dialogs.reverse_dialog")
    fake.ReverseDialog = FakeReverseDialog  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "inventory_app.ui.dialogs.reverse_dialog", fake)
    page, _ctx = make_page()
    rows = all_rows(page.model)
    tent = next(i for i, r in enumerate(rows) if r.batch_no == "TENT-1")
    page.table.selectRow(tent)
    assert page.reverse_button.isVisible() and page.reverse_button.isEnabled()
    page.reverse_button.click()
    assert opened == [rows[tent].movement_id]


def test_reverse_button_hidden_without_permission(history: Posted, make_page, world: World) -> None:
    page, _ctx = make_page(world.approver)
    assert not page.reverse_button.isVisible()


def test_pages_are_fetched_only_as_the_view_scrolls(world: World, make_page, qtbot: QtBot) -> None:
    for batch in range(3):
        receipts.receive(
            world.uow,
            world.admin,
            depot="A",
            request_id=rid(),
            lines=[
                ReceiptLine("050104", Decimal(1), batch_no=f"L{batch}-{i:04d}") for i in range(1000)
            ],
        )
    page, _ctx = make_page()
    model = page.model
    assert model.total_count == 3000
    first = model.rowCount()
    assert 0 < first < 1000
    assert "共 3,000 条流水" in page.summary_label.text()

    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > first, timeout=5000)
    assert model.rowCount() < 3000
    assert all_rows(model)[-1].batch_no == "L0-0000"  # the oldest, once everything is read


def test_first_rows_arrive_with_the_load_not_at_the_next_layout(
    history: Posted, world: World, qtbot: QtBot, make_ctx: MakeCtx
) -> None:
    # A view fetches after a model reset only when its delayed layout runs; the page
    # must not wait for that (it can be long, e.g. until the mouse moves).
    ctx = make_ctx(world.admin)
    page = LedgerPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert ctx.tasks.wait_all(10_000)  # delivers the callbacks, runs no timers
    assert page.model.rowCount() == 5


def test_document_panel_links_the_reversal_and_jumps_to_it(
    history: Posted, make_page, qtbot: QtBot
) -> None:
    page, ctx = make_page()
    rows = all_rows(page.model)
    page.table.selectRow(next(i for i, r in enumerate(rows) if r.doc_no == history.issue_no))
    settle_page(ctx, qtbot)
    links = page.detail_box.links
    assert links.isVisibleTo(page.detail_box)
    [button] = links.buttons
    assert history.reversal_no in button.text()
    assert button.text() == f"冲销单 {history.reversal_no}（已生效）"

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle_page(ctx, qtbot)
    assert page.doc_edit.value() == history.reversal_no
    assert {r.doc_no for r in all_rows(page.model)} == {history.reversal_no}
    selected = page.selected_row()
    assert selected is not None and selected.doc_no == history.reversal_no
    settle_page(ctx, qtbot)
    assert page.detail_box.values["doc_no"].text() == history.reversal_no
    # The reversal points back at its original.
    assert [b.text() for b in page.detail_box.links.buttons] == [
        f"原单 {history.issue_no}（已冲销）"
    ]


def test_document_without_links_shows_none(history: Posted, make_page, qtbot: QtBot) -> None:
    page, ctx = make_page()
    rows = all_rows(page.model)
    page.table.selectRow(next(i for i, r in enumerate(rows) if r.doc_no == history.receipt_no))
    settle_page(ctx, qtbot)
    assert page.detail_box.values["doc_no"].text() == history.receipt_no
    assert page.detail_box.links.buttons == []
    assert not page.detail_box.links.isVisibleTo(page.detail_box)
    assert not page.detail_box.links_label.isVisibleTo(page.detail_box)
