"""The 演练 page: a drill started from a request, every step recorded, the three answers shown."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator
from decimal import Decimal

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from inventory_app.domain.model import Role
from inventory_app.domain.orders import RequestLine
from inventory_app.services import drills, requests
from inventory_app.ui.pages.drill_report_view import DrillReportView
from inventory_app.ui.pages.drills_page import STEPS, DrillsPage
from tests.factories import World
from tests.gui.dialog_support import MakePage, all_rows, pages, receive, settle_page

pytestmark = pytest.mark.usefixtures("popups_quiet")


@pytest.fixture
def make_page(qtbot: QtBot, world: World) -> Iterator[MakePage[DrillsPage]]:
    with pages(qtbot, world, DrillsPage) as make:
        yield make


def file_request(world: World) -> str:
    return requests.file_request(
        world.uow,
        world.keeper_b,
        depot="B",
        requesting_unit="海原县应急管理局",
        lines=[RequestLine("050101", Decimal(8))],
        response=6,
        request_id=uuid.uuid4().hex,
    ).doc_no


def test_drill_runs_every_step_and_shows_the_three_answers(
    qtbot: QtBot, world: World, make_page: MakePage[DrillsPage]
) -> None:
    receive(world, "A", "050101", "20", batch="T-1", location="A-01")
    asked = file_request(world)
    page, ctx = make_page(world.keeper_b)
    assert page.request_combo.currentData() == asked
    assert not any(b.isEnabled() for b in page.step_buttons.values())
    page.start_button.click()
    settle_page(ctx, qtbot)
    (drill,) = all_rows(page.model)
    assert drill.doc_no.startswith("YL-") and page.selected_drill() == drill
    for step in STEPS:
        assert page.step_buttons[step].isEnabled(), step
        page.step_buttons[step].click()
        settle_page(ctx, qtbot)
    assert not any(b.isEnabled() for b in page.step_buttons.values())
    view = page.report_view
    assert view.report is not None and view.report.state == "COMPLETED"
    for verdict, question in (
        (view.available, "拿得出"),
        (view.fast, "调动快"),
        (view.usable, "用得上"),
    ):
        assert verdict.ok and verdict.answer.text() == f"✓ {question}"
    steps = [view.steps_model.index(r, 0).data() for r in range(view.steps_model.rowCount())]
    assert steps == ["申请", "开始（接受建议）", "批准", "出库单已打印", "发车", "到达"]
    assert "实际用时" in view.times.text() and "尚未到达" not in view.times.text()
    assert view.sources_model.rowCount() == 1


def test_viewer_sees_the_report_without_step_buttons(
    qtbot: QtBot, world: World, make_page: MakePage[DrillsPage]
) -> None:
    asked = file_request(world)  # nothing in stock: not available
    drills.start_drill(world.uow, world.keeper_b, request_no=asked, request_id=uuid.uuid4().hex)
    auditor = dataclasses.replace(world.approver, role=Role.AUDITOR)
    page, ctx = make_page(auditor)
    assert not page.start_button.isVisibleTo(page)
    assert not page.step_buttons["approve"].isVisibleTo(page)
    page.table.selectRow(0)
    settle_page(ctx, qtbot)
    view = page.report_view
    assert view.report is not None and not view.available.ok
    assert "短缺" in view.available.detail.text()


def test_report_models_pass_modeltester(
    qtmodeltester: ModelTester, qtbot: QtBot, world: World, make_page: MakePage[DrillsPage]
) -> None:
    receive(world, "A", "050101", "20", batch="T-1", location="A-01")
    asked = file_request(world)
    doc_no = drills.start_drill(
        world.uow, world.keeper_b, request_no=asked, request_id=uuid.uuid4().hex
    ).doc_no
    page, _ctx = make_page()
    qtmodeltester.check(page.model)
    view = DrillReportView()
    qtbot.addWidget(view)
    view.show_report(drills.drill_report(world.uow, world.admin, doc_no))
    qtmodeltester.check(view.steps_model)
    qtmodeltester.check(view.sources_model)
