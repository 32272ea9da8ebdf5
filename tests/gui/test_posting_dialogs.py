"""The posting dialogs driven like a keeper would: fill in, press OK, check the ledger."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from inventory_app.domain.errors import DatabaseUnavailable
from inventory_app.domain.model import DocState, OutLine
from inventory_app.domain.shelf_life import add_months
from inventory_app.services import (
    document_lines,
    issues,
    ledger_queries,
    receipts,
    reversals,
    stock_queries,
    transfers,
    verify,
)
from inventory_app.services.ledger_queries import LedgerFilter
from inventory_app.services.stock_queries import StockFilter
from inventory_app.ui.dialogs.adjust_dialog import AdjustDialog
from inventory_app.ui.dialogs.issue_dialog import IssueDialog
from inventory_app.ui.dialogs.receive_dialog import ReceiveDialog
from inventory_app.ui.dialogs.reverse_dialog import ReverseDialog
from inventory_app.ui.dialogs.sign_dialog import REASON, RECEIVED
from inventory_app.ui.dialogs.transfer_dialog import TransferDialog
from inventory_app.ui.dialogs.transfer_receive_dialog import TransferReceiveDialog
from inventory_app.ui.widgets.lines_model import ERROR_BACKGROUND, Col, LinesModel
from tests.factories import World
from tests.gui.dialog_support import (
    MakeCtx,
    available,
    close_message_boxes,
    issue,
    message_boxes,
    only_box,
    receive,
    settle,
)
from tests.integration.helpers import dump

pytestmark = pytest.mark.usefixtures("popups_quiet")


def put(model: LinesModel, row: int, col: Col, value: object) -> None:
    assert model.setData(model.index(row, model.column_of(col)), value), (row, col, value)


def click_ok(qtbot: QtBot, dialog: QDialog) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)  # type: ignore[attr-defined]
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def documents(world: World) -> list[str]:
    return [d.doc_no for d in ledger_queries.documents(world.uow, world.admin)]


# ---------------------------------------------------------------- receive


def test_receive_posts_the_lines_and_shows_the_document_number(
    qtbot: QtBot, world: World, make_ctx: MakeCtx
) -> None:
    ctx = make_ctx(world.keeper_a)
    changed: list[bool] = []
    ctx.events.stock_changed.connect(lambda: changed.append(True))
    dialog = ReceiveDialog(ctx, depot_code="A")
    qtbot.addWidget(dialog)
    dialog.show()
    settle(ctx)
    assert dialog.depot_combo.current_code() == "A"

    dialog.supplier_edit.setText("中卫市沙坡头被服帐篷厂")
    dialog.reference_edit.setText("ZWCG-2026-018")
    model = dialog.model
    put(model, 0, Col.ITEM, "050101")
    put(model, 0, Col.QUANTITY, "10")
    put(model, 0, Col.BATCH, "MZP-2611")
    put(model, 0, Col.PRODUCTION, date.today() - timedelta(days=30))
    put(model, 0, Col.LOCATION, "A-01")
    assert model.rowCount() == 2  # a fresh blank line to type the next one
    click_ok(qtbot, dialog)
    settle(ctx)

    box = only_box()
    year = date.today().year
    assert f"已入库：RK-A-{year}-00001" in box.text()
    assert changed == [True]
    rows = ledger_queries.ledger(world.uow, world.admin, LedgerFilter(depot_codes=("A",)))
    assert [(r.item_code, r.delta, r.batch_no, r.kind) for r in rows] == [
        ("050101", Decimal(10), "MZP-2611", "RECEIVE")
    ]
    lot = stock_queries.stock_by_lot(world.uow, world.admin, StockFilter(depot_codes=("A",)))[0]
    assert lot.location_code == "A-01"
    assert lot.unit_price == Decimal("1650.00")  # the item's reference price by default
    assert lot.expiry_date == add_months(date.today() - timedelta(days=30), 96)  # 8 年
    box.button(QMessageBox.StandardButton.Ok).click()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_double_click_on_ok_posts_once(qtbot: QtBot, world: World, make_ctx: MakeCtx) -> None:
    ctx = make_ctx(world.keeper_a)
    dialog = ReceiveDialog(ctx, depot_code="A")
    qtbot.addWidget(dialog)
    dialog.show()
    settle(ctx)
    put(dialog.model, 0, Col.ITEM, "050101")
    put(dialog.model, 0, Col.QUANTITY, "10")

    click_ok(qtbot, dialog)
    assert dialog.busy and not dialog.ok_button.isEnabled()
    click_ok(qtbot, dialog)
    dialog.submit()  # even a direct second submit is ignored while posting
    settle(ctx)

    assert len(documents(world)) == 1
    assert available(world, "A", "050101") == 10
    first = dialog.posting_result
    assert first is not None
    # A retry with the dialog's request id replays instead of posting again.
    dialog._posted = False  # as if the first answer had been lost on the way back
    dialog._post()
    settle(ctx)
    assert dialog.posting_result is not None and dialog.posting_result.replayed
    assert dialog.posting_result.doc_no == first.doc_no
    assert len(documents(world)) == 1


def test_retry_after_a_lost_answer_does_not_post_twice(
    qtbot: QtBot, world: World, make_ctx: MakeCtx, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = receipts.receive
    calls: list[str] = []

    def flaky(*args: object, **kwargs: object) -> object:
        result = real(*args, **kwargs)  # type: ignore[arg-type]
        calls.append(str(kwargs["request_id"]))
        if len(calls) == 1:  # committed, but the answer never came back
            raise DatabaseUnavailable("connection reset")
        return result

    monkeypatch.setattr(receipts, "receive", flaky)
    ctx = make_ctx(world.keeper_a)
    dialog = ReceiveDialog(ctx, depot_code="A")
    qtbot.addWidget(dialog)
    dialog.show()
    settle(ctx)
    put(dialog.model, 0, Col.ITEM, "050101")
    put(dialog.model, 0, Col.QUANTITY, "10")
    dialog.submit()
    settle(ctx)
    lost = only_box()
    assert not dialog.posted and dialog.ok_button.isEnabled()
    retry = next(b for b in lost.buttons() if b.text() == "重试")
    retry.click()
    settle(ctx)

    assert calls == [dialog.request_id, dialog.request_id]
    assert dialog.posting_result is not None and dialog.posting_result.replayed
    assert len(documents(world)) == 1 and available(world, "A", "050101") == 10
    close_message_boxes()


def test_quantity_with_too_many_decimals_is_blocked_before_posting(
    qtbot: QtBot, world: World, make_ctx: MakeCtx
) -> None:
    ctx = make_ctx(world.keeper_a)
    dialog = ReceiveDialog(ctx, depot_code="A")
    qtbot.addWidget(dialog)
    dialog.show()
    settle(ctx)
    model = dialog.model
    put(model, 0, Col.ITEM, "050101")
    put(model, 0, Col.QUANTITY, "1.5")

    index = model.index(0, model.column_of(Col.QUANTITY))
    assert index.data(Qt.ItemDataRole.BackgroundRole) == ERROR_BACKGROUND
    assert "整数" in index.data(Qt.ItemDataRole.ToolTipRole)
    before = dump(world.uow)
    click_ok(qtbot, dialog)
    settle(ctx)

    assert ctx.tasks.active_count() == 0 and not dialog.posted
    assert dialog.message_label.isVisibleTo(dialog)
    assert "第 1 行「数量」" in dialog.message_label.text()
    assert dump(world.uow) == before
    assert message_boxes() == []
    # Fixing the cell clears the marker and lets the document through.
    put(model, 0, Col.QUANTITY, "2")
    assert index.data(Qt.ItemDataRole.BackgroundRole) != ERROR_BACKGROUND
    click_ok(qtbot, dialog)
    settle(ctx)
    assert available(world, "A", "050101") == 2


def test_receive_requires_item_and_quantity_only_once_posting_is_tried(
    qtbot: QtBot, world: World, make_ctx: MakeCtx
) -> None:
    ctx = make_ctx(world.keeper_a)
    dialog = ReceiveDialog(ctx, depot_code="A")
    qtbot.addWidget(dialog)
    settle(ctx)
    model = dialog.model
    put(model, 0, Col.ITEM, "050104")
    assert model.problem(0, Col.QUANTITY) is None  # still typing: not red yet
    dialog.submit()
    problem = model.problem(0, Col.QUANTITY)
    assert problem is not None and problem.is_error
    assert "请填写数量" in dialog.message_label.text()


def test_production_date_after_document_date_is_marked(
    qtbot: QtBot, world: World, make_ctx: MakeCtx
) -> None:
    ctx = make_ctx(world.keeper_a)
    dialog = ReceiveDialog(ctx, depot_code="A")
    qtbot.addWidget(dialog)
    settle(ctx)
    model = dialog.model
    put(model, 0, Col.ITEM, "050104")
    put(model, 0, Col.QUANTITY, "5")
    put(model, 0, Col.PRODUCTION, date.today() - timedelta(days=3))
    dialog.date_edit.setDate(QDate(date.today() - timedelta(days=10)))
    assert model.problem(0, Col.PRODUCTION) is not None
    dialog.submit()
    settle(ctx)
    assert not dialog.posted and documents(world) == []


def test_document_date_cannot_be_in_the_future(
    qtbot: QtBot, world: World, make_ctx: MakeCtx
) -> None:
    ctx = make_ctx(world.keeper_a)
    dialog = ReceiveDialog(ctx)
    qtbot.addWidget(dialog)
    settle(ctx)
    dialog.date_edit.setDate(QDate(date.today() + timedelta(days=5)))
    assert dialog.date_edit.date().toPython() == date.today()


def test_keeper_cannot_pick_another_keepers_depot(
    qtbot: QtBot, world: World, make_ctx: MakeCtx
) -> None:
    ctx = make_ctx(world.keeper_b)
    for dialog in (
        ReceiveDialog(ctx, depot_code="A"),
        AdjustDialog(ctx, depot_code="A"),
        TransferDialog(ctx, from_depot="A"),
    ):
        qtbot.addWidget(dialog)
        settle(ctx)
        assert [d.code for d in dialog.depot_combo.depots()] == ["B"]
        assert not dialog.depot_combo.set_current_code("A")
        assert dialog.depot_combo.current_code() == "B"


def test_closing_with_typed_lines_asks_first(qtbot: QtBot, world: World, make_ctx: MakeCtx) -> None:
    ctx = make_ctx(world.keeper_a)
    empty = ReceiveDialog(ctx, depot_code="A")
    qtbot.addWidget(empty)
    empty.show()
    settle(ctx)
    empty.reject()  # nothing typed: closes at once
    assert not empty.isVisible() and message_boxes() == []

    dialog = ReceiveDialog(ctx, depot_code="A")
    qtbot.addWidget(dialog)
    dialog.show()
    settle(ctx)
    put(dialog.model, 0, Col.ITEM, "050101")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    box = only_box()
    assert "已录入 1 行明细" in box.text()
    box.button(QMessageBox.StandardButton.No).click()  # 继续填写
    assert dialog.isVisible() and dialog.model.line_at(0).item is not None  # type: ignore[union-attr]
    dialog.reject()
    only_box().button(QMessageBox.StandardButton.Yes).click()  # 放弃并关闭
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_user_without_depots_cannot_post(qtbot: QtBot, world: World, make_ctx: MakeCtx) -> None:
    ctx = make_ctx(world.approver)
    dialog = ReceiveDialog(ctx)
    qtbot.addWidget(dialog)
    settle(ctx)
    assert dialog.depot_combo.depots() == []
    assert not dialog.ok_button.isEnabled()
    assert "没有可办理入库的仓库" in dialog.message_label.text()


# ---------------------------------------------------------------- issue


def test_issue_reduces_the_balance(qtbot: QtBot, world: World, make_ctx: MakeCtx) -> None:
    receive(world, "A", "050101", "10")
    ctx = make_ctx(world.admin)  # the free-standing 出库 is the admin's
    dialog = IssueDialog(ctx, depot_code="A")
    qtbot.addWidget(dialog)
    dialog.show()
    settle(ctx)
    model = dialog.model
    put(model, 0, Col.ITEM, "050101")
    assert model.index(0, model.column_of(Col.AVAILABLE)).data() == "10 顶"
    put(model, 0, Col.QUANTITY, "3")
    dialog.receiver_edit.setText("海原县三河镇人民政府")
    click_ok(qtbot, dialog)
    settle(ctx)

    assert "已出库：CK-A-" in only_box().text()
    assert available(world, "A", "050101") == 7
    doc = ledger_queries.documents(world.uow, world.admin, doc_types=("ISSUE",))[0]
    assert doc.counterparty == "海原县三河镇人民政府" and doc.purpose == "relief"


def test_issue_needs_a_receiver(qtbot: QtBot, world: World, make_ctx: MakeCtx) -> None:
    receive(world, "A", "050101", "10")
    ctx = make_ctx(world.admin)  # the free-standing 出库 is the admin's
    dialog = IssueDialog(ctx, depot_code="A")
    qtbot.addWidget(dialog)
    settle(ctx)
    put(dialog.model, 0, Col.ITEM, "050101")
    put(dialog.model, 0, Col.QUANTITY, "3")
    dialog.submit()
    settle(ctx)
    assert "请填写接收单位" in dialog.message_label.text()
    assert dialog.receiver_edit.styleSheet()  # marked red
    assert available(world, "A", "050101") == 10


def test_issue_more_than_available_warns_then_shows_the_refusal(
    qtbot: QtBot, world: World, make_ctx: MakeCtx
) -> None:
    receive(world, "A", "050101", "10")
    ctx = make_ctx(world.admin)  # the free-standing 出库 is the admin's
    dialog = IssueDialog(ctx, depot_code="A")
    qtbot.addWidget(dialog)
    dialog.show()
    settle(ctx)
    model = dialog.model
    dialog.receiver_edit.setText("三河镇")
    put(model, 0, Col.ITEM, "050101")
    put(model, 0, Col.QUANTITY, "15")
    warning = model.problem(0, Col.QUANTITY)
    assert warning is not None and not warning.is_error and "可用 10 顶" in warning.text
    before = dump(world.uow)

    click_ok(qtbot, dialog)
    confirm = only_box()
    assert "超过可用库存" in confirm.text()
    confirm.button(QMessageBox.StandardButton.No).click()  # 返回修改
    settle(ctx)
    assert dump(world.uow) == before and not dialog.posted

    click_ok(qtbot, dialog)
    only_box().button(QMessageBox.StandardButton.Yes).click()  # 仍然提交: the service decides
    settle(ctx)
    refusal = only_box()
    assert "库存不足" in refusal.text() and "可用仅 10" in refusal.text()
    assert dump(world.uow) == before
    assert dialog.isVisible() and not dialog.posted and dialog.ok_button.isEnabled()
    assert model.line_at(0).quantity == "15"  # input intact
    close_message_boxes()


def test_issue_from_a_named_lot(qtbot: QtBot, world: World, make_ctx: MakeCtx) -> None:
    soon = date.today() + timedelta(days=200)
    later = date.today() + timedelta(days=900)
    receive(world, "A", "050104", "5", batch="OLD", expiry=soon)
    receive(world, "A", "050104", "5", batch="NEW", expiry=later)
    ctx = make_ctx(world.admin)  # the free-standing 出库 is the admin's
    dialog = IssueDialog(ctx, depot_code="A")
    qtbot.addWidget(dialog)
    settle(ctx)
    model = dialog.model
    put(model, 0, Col.ITEM, "050104")
    lots = model.lots_for("050104")
    assert [lot.batch_no for lot in lots] == ["OLD", "NEW"]  # first-expiring-first
    assert model.index(0, model.column_of(Col.LOT)).data() == "先到期先出（自动）"
    put(model, 0, Col.LOT, lots[1].lot_id)
    assert model.index(0, model.column_of(Col.AVAILABLE)).data() == "5 套"
    put(model, 0, Col.QUANTITY, "2")
    dialog.receiver_edit.setText("镇罗镇")
    dialog.submit()
    settle(ctx)

    rows = ledger_queries.ledger(world.uow, world.admin, LedgerFilter(kind="ISSUE"))
    assert [(r.batch_no, r.delta) for r in rows] == [("NEW", Decimal(-2))]


# ---------------------------------------------------------------- transfer


def test_transfer_then_receive_at_the_other_depot(
    qtbot: QtBot, world: World, make_ctx: MakeCtx
) -> None:
    receive(world, "A", "050101", "10")
    ctx_a = make_ctx(world.keeper_a)
    send = TransferDialog(ctx_a, from_depot="A")
    qtbot.addWidget(send)
    send.show()
    settle(ctx_a)
    assert "A" not in [d.code for d in send.to_combo.depots()]
    assert send.to_combo.current_code() == ""  # the destination is a conscious choice
    put(send.model, 0, Col.ITEM, "050101")
    put(send.model, 0, Col.QUANTITY, "4")
    send.submit()
    assert "请选择调入仓库" in send.message_label.text()
    assert send.to_combo.set_current_code("B")
    send.submit()
    settle(ctx_a)
    text = only_box().text()
    assert "已调出：DB-A-" in text and "在途，待调入仓库“海原县库”接收" in text
    close_message_boxes()
    assert available(world, "A", "050101") == 6
    doc_no = send.posting_result.doc_no  # type: ignore[union-attr]

    ctx_b = make_ctx(world.keeper_b)
    dialog = TransferReceiveDialog(ctx_b)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(ctx_b)
    assert [d.doc_no for d in dialog.docs_model.rows()] == [doc_no]
    # The send-side lines are at depot A, which keeper B cannot normally see.
    model = dialog.lines_model
    assert [(r.item_code, r.shipped) for r in model.lines()] == [("050101", Decimal(4))]
    assert model.index(0, model.column_of("shipped")).data() == "4"
    assert model.index(0, model.column_of(RECEIVED)).data() == "4"  # all arrived, by default
    dialog.location_combo.set_current_code("B-01")
    assert dialog.ok_button.isEnabled()
    click_ok(qtbot, dialog)
    settle(ctx_b)

    assert "已接收" in only_box().text()
    assert available(world, "B", "050101") == 4
    lot = stock_queries.stock_by_lot(world.uow, world.admin, StockFilter(depot_codes=("B",)))[0]
    assert lot.location_code == "B-01"
    state = ledger_queries.documents(world.uow, world.admin, doc_no=doc_no)[0].state
    assert state == DocState.RECEIVED


def test_transfer_received_short_books_the_loss_with_its_reason(
    qtbot: QtBot, world: World, make_ctx: MakeCtx
) -> None:
    """4 顶 sent, 3 arrive: the reason is required, the 1 顶 is a 途损 adjustment linked to
    the transfer, and the receiving depot holds 3."""
    receive(world, "A", "050101", "10")
    sent = transfers.transfer_send(
        world.uow,
        world.admin,
        from_depot="A",
        to_depot="B",
        lines=[OutLine("050101", Decimal(4))],
        request_id="t-short",
    )
    ctx = make_ctx(world.keeper_b)
    dialog = TransferReceiveDialog(ctx, doc_no=sent.doc_no)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(ctx)
    model = dialog.lines_model
    model.setData(model.index(0, model.column_of(RECEIVED)), "3")
    dialog.submit()
    assert "原因" in dialog.message_label.text() and not dialog.posted
    model.setData(model.index(0, model.column_of(REASON)), "运输途中破损 1 顶")
    model.setData(model.index(0, model.column_of(RECEIVED)), "5")
    dialog.submit()
    assert "不能多于" in dialog.message_label.text() and not dialog.posted
    model.setData(model.index(0, model.column_of(RECEIVED)), "3")
    dialog.location_combo.set_current_code("B-01")
    dialog.submit()
    settle(ctx)
    assert "1 行短少或损坏" in only_box().text()
    close_message_boxes()
    assert available(world, "B", "050101") == 3
    links = document_lines.linked_documents(world.uow, world.admin, sent.doc_no)
    assert [(link.role, link.doc_type) for link in links] == [("transit_loss", "ADJUST")]
    assert verify.verify(world.uow, world.admin).ok


def test_transfer_receive_lists_only_transfers_to_my_depots(
    qtbot: QtBot, world: World, make_ctx: MakeCtx
) -> None:
    receive(world, "A", "050101", "10")
    transfers.transfer_send(
        world.uow,
        world.admin,
        from_depot="A",
        to_depot="B",
        lines=[OutLine("050101", Decimal(2))],
        request_id="t-1",
    )
    ctx = make_ctx(world.keeper_a)  # the sender: nothing to receive
    dialog = TransferReceiveDialog(ctx)
    qtbot.addWidget(dialog)
    settle(ctx)
    assert dialog.docs_model.rows() == []
    assert dialog.empty_label.isVisibleTo(dialog) and not dialog.ok_button.isEnabled()


# ---------------------------------------------------------------- adjust


def test_adjust_requires_a_reason(qtbot: QtBot, world: World, make_ctx: MakeCtx) -> None:
    lot_id = stock_lot(world, receive(world, "A", "050101", "10").doc_no)
    ctx = make_ctx(world.keeper_a)
    dialog = AdjustDialog(ctx, lot_id=lot_id)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(ctx)
    assert dialog.depot_combo.current_code() == "A"  # found from the lot
    model = dialog.model
    line = model.line_at(0)
    assert line is not None and line.lot is not None and line.lot.lot_id == lot_id
    assert model.index(0, model.column_of(Col.BOOK)).data() == "10 顶"
    put(model, 0, Col.QUANTITY, "-2")
    assert model.index(0, model.column_of(Col.AFTER)).data() == "8 顶"

    assert not dialog.ok_button.isEnabled()
    click_ok(qtbot, dialog)
    settle(ctx)
    assert available(world, "A", "050101") == 10
    dialog.reason_combo.setEditText("年度盘点盘亏 2 顶")
    assert dialog.ok_button.isEnabled()
    click_ok(qtbot, dialog)
    settle(ctx)

    assert "已调整：TZ-A-" in only_box().text()
    assert available(world, "A", "050101") == 8
    doc = ledger_queries.documents(world.uow, world.admin, doc_types=("ADJUST",))[0]
    assert doc.reason == "年度盘点盘亏 2 顶"


def test_adjust_below_zero_is_marked(qtbot: QtBot, world: World, make_ctx: MakeCtx) -> None:
    receive(world, "A", "050101", "3")
    ctx = make_ctx(world.keeper_a)
    dialog = AdjustDialog(ctx, depot_code="A")
    qtbot.addWidget(dialog)
    settle(ctx)
    model = dialog.model
    put(model, 0, Col.ITEM, "050101")  # its only lot is picked at once
    put(model, 0, Col.QUANTITY, "-4")
    problem = model.problem(0, Col.QUANTITY)
    assert problem is not None and problem.is_error and "账面 3 顶" in problem.text
    dialog.reason_combo.setEditText("破损")
    dialog.submit()
    settle(ctx)
    assert not dialog.posted and available(world, "A", "050101") == 3


def stock_lot(world: World, doc_no: str) -> int:
    rows = ledger_queries.ledger(world.uow, world.admin, LedgerFilter(doc_no=doc_no))
    return rows[0].lot_id


# ---------------------------------------------------------------- reverse


def test_reversing_an_issue_restores_the_balance(
    qtbot: QtBot, world: World, make_ctx: MakeCtx
) -> None:
    receive(world, "A", "050101", "10")
    issued = issue(world, "A", "050101", "3")
    ctx = make_ctx(world.keeper_a)
    dialog = ReverseDialog(ctx, movement_id=issued.movement_ids[0])
    qtbot.addWidget(dialog)
    dialog.show()
    settle(ctx)
    assert issued.doc_no in dialog.doc_no_label.text()
    assert [r.movement_id for r in dialog.chosen_rows()] == list(issued.movement_ids)
    assert "原单据仍保留在台账中" in dialog.note_label.text()
    assert not dialog.ok_button.isEnabled()  # reason first

    dialog.reason_edit.setText("数量录错")
    click_ok(qtbot, dialog)
    settle(ctx)
    assert "已冲销：CX-A-" in only_box().text()
    assert available(world, "A", "050101") == 10
    kinds = [
        r.kind
        for r in ledger_queries.ledger(world.uow, world.admin, LedgerFilter(depot_codes=("A",)))
    ]
    assert sorted(kinds) == ["ISSUE", "RECEIVE", "REVERSAL"]  # the original stays


def test_reversing_a_transfer_explains_it_is_reversed_whole(
    qtbot: QtBot, world: World, make_ctx: MakeCtx
) -> None:
    receive(world, "A", "050101", "10")
    sent = transfers.transfer_send(
        world.uow,
        world.admin,
        from_depot="A",
        to_depot="B",
        lines=[OutLine("050101", Decimal(4))],
        request_id="t-2",
    )
    ctx = make_ctx(world.keeper_a)
    dialog = ReverseDialog(ctx, doc_no=sent.doc_no)
    qtbot.addWidget(dialog)
    settle(ctx)
    assert "整单冲销" in dialog.note_label.text()
    assert not dialog.scope_box.isVisibleTo(dialog)
    dialog.reason_edit.setText("调错仓库")
    dialog.submit()
    settle(ctx)
    assert available(world, "A", "050101") == 10
    state = ledger_queries.documents(world.uow, world.admin, doc_no=sent.doc_no)[0].state
    assert state == DocState.REVERSED


def test_a_reversal_cannot_be_reversed(qtbot: QtBot, world: World, make_ctx: MakeCtx) -> None:
    receive(world, "A", "050101", "10")
    issued = issue(world, "A", "050101", "3")
    reversal = reversals.reverse(
        world.uow, world.admin, reason="x", request_id="r-1", doc_no=issued.doc_no
    )
    ctx = make_ctx(world.keeper_a)
    dialog = ReverseDialog(ctx, doc_no=reversal.doc_no)
    qtbot.addWidget(dialog)
    settle(ctx)
    dialog.reason_edit.setText("再冲一次")
    assert not dialog.ok_button.isEnabled()
    assert "冲销单不能再冲销" in dialog.message_label.text()


def test_reverse_one_line_or_the_whole_document(
    qtbot: QtBot, world: World, make_ctx: MakeCtx
) -> None:
    receive(world, "A", "050101", "10")
    receive(world, "A", "050104", "10")
    issued = issues.issue(
        world.uow,
        world.admin,
        depot="A",
        request_id="i-2",
        receiver="x",
        lines=[OutLine("050101", Decimal(3)), OutLine("050104", Decimal(2))],
    )
    ctx = make_ctx(world.keeper_a)
    dialog = ReverseDialog(ctx, movement_id=issued.movement_ids[1])
    qtbot.addWidget(dialog)
    settle(ctx)
    assert dialog.scope_box.isVisibleTo(dialog)
    assert [r.item_code for r in dialog.rows_model.rows()] == ["050104"]
    dialog.document_radio.setChecked(True)
    assert [r.item_code for r in dialog.rows_model.rows()] == ["050101", "050104"]
    dialog.line_radio.setChecked(True)
    dialog.reason_edit.setText("棉被发错")
    dialog.submit()
    settle(ctx)
    assert available(world, "A", "050104") == 10
    assert available(world, "A", "050101") == 7


def test_refused_reversal_leaves_the_dialog_open(
    qtbot: QtBot, world: World, make_ctx: MakeCtx
) -> None:
    received = receive(world, "A", "050101", "10")
    issue(world, "A", "050101", "8")
    ctx = make_ctx(world.keeper_a)
    dialog = ReverseDialog(ctx, doc_no=received.doc_no)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(ctx)
    before = dump(world.uow)
    dialog.reason_edit.setText("供应商退货")
    dialog.submit()
    settle(ctx)
    assert "库存不足" in only_box().text()  # 8 of the 10 have already left
    assert dump(world.uow) == before
    assert dialog.isVisible() and not dialog.posted
    close_message_boxes()


def test_enter_in_a_field_never_posts_ctrl_enter_does(
    qtbot: QtBot, world: World, make_ctx: MakeCtx
) -> None:
    ctx = make_ctx(world.keeper_a)
    dialog = ReceiveDialog(ctx, depot_code="A")
    qtbot.addWidget(dialog)
    dialog.show()
    settle(ctx)
    field = dialog.findChildren(QLineEdit)[0]
    field.setFocus()
    with qtbot.assertNotEmitted(dialog.buttons.accepted, wait=100):
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.buttons.accepted, timeout=2000):
        qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(ctx)
    dialog.reject()
