"""The order dialog answers a request: its lines, then the suggested sources with travel times."""

from __future__ import annotations

import dataclasses
import uuid
from decimal import Decimal

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from inventory_app.domain.orders import RequestLine
from inventory_app.services import order_queries, requests, suggestions
from inventory_app.ui.dialogs.order_dialog import OrderDialog
from inventory_app.ui.dialogs.order_lines import DEPOT, ITEM, QUANTITY
from inventory_app.ui.dialogs.order_suggest import SuggestionPanel, owners_text
from tests.factories import World
from tests.gui.dialog_support import MakeCtx, only_box, settle
from tests.gui.order_support import stock_up

pytestmark = pytest.mark.usefixtures("popups_quiet")


def file_request(world: World) -> str:
    return requests.file_request(
        world.uow,
        world.keeper_b,
        depot="B",
        requesting_unit="海原县应急管理局",
        place="海原县三河镇安置点",
        receiver="马主任",
        phone="13900000000",
        lines=[RequestLine("050101", Decimal(8)), RequestLine("050104", Decimal(5))],
        response=6,
        request_id=uuid.uuid4().hex,
    ).doc_no


def lines_of(dialog: OrderDialog) -> list[tuple[str, str, str]]:
    model = dialog.model
    return [
        (
            model.index(row, ITEM).data(),
            model.index(row, QUANTITY).data(),
            model.index(row, DEPOT).data(),
        )
        for row in range(model.rowCount() - 1)  # the last row is the blank one
    ]


def test_order_dialog_fills_from_the_request_and_the_suggestion(
    qtbot: QtBot, world: World, make_ctx: MakeCtx
) -> None:
    stock_up(world)
    asked = file_request(world)
    ctx = make_ctx(world.admin)
    dialog = OrderDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(ctx)
    assert not dialog.suggest_button.isEnabled()
    dialog.request_combo.setCurrentIndex(dialog.request_combo.findData(asked))
    settle(ctx)
    lines = lines_of(dialog)
    assert [q for _i, q, _d in lines] == ["8", "5"]
    assert "050101" in lines[0][0] and "050104" in lines[1][0]
    assert dialog.unit_edit.text() == "海原县应急管理局"
    assert dialog.place_edit.text() == "海原县三河镇安置点"
    assert dialog.receiver_edit.text() == "马主任"
    assert dialog.suggest_button.isEnabled() and not dialog.suggestion_panel.isVisible()

    dialog.suggest_button.click()
    settle(ctx)
    assert [d.endswith("· A") for _i, _q, d in lines_of(dialog)] == [True, True]
    panel = dialog.suggestion_panel
    assert panel.isVisible() and panel.model.rowCount() == 2
    assert panel.model.index(0, panel.model.column_index("minutes")).data() == "2 小时 41 分"
    assert panel.model.index(0, panel.model.column_index("target")).data() == "✓ 达标"
    assert "时限 6 小时" in panel.caption.text()
    dialog.submit()
    settle(ctx)
    assert "已保存并提交审批" in only_box().text()
    only_box().accept()
    (order,) = order_queries.orders(world.uow, world.admin)
    assert order.request_no == asked and order.lines == 2


def test_suggestion_model_passes_modeltester(
    qtmodeltester: ModelTester, qtbot: QtBot, world: World
) -> None:
    stock_up(world)
    panel = SuggestionPanel()
    qtbot.addWidget(panel)
    qtmodeltester.check(panel.model)
    panel.show_suggestion(suggestions.suggest(world.uow, world.admin, file_request(world)))
    qtmodeltester.check(panel.model)
    assert not panel.shortage_label.text()
    source = dataclasses.replace(panel.model.rows()[0], owners_to_ask=("中卫市应急管理局",))
    assert owners_text(source) == "需征得 中卫市应急管理局 同意"
