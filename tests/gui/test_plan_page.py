"""The 储备计划 page on the demo database: the seed plan, coverage with charts, approval."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from inventory_app.domain.model import DocState
from inventory_app.persistence.uow import UnitOfWork
from inventory_app.services import auth, plan_queries
from inventory_app.ui.context import AppContext, DataEvents
from inventory_app.ui.pages.plan_page import PlanPage
from inventory_app.ui.tasks import TaskRunner
from tests.gui.dialog_support import settle
from tests.integration.plan_support import SEED_NEED, demo_db, demo_file, demo_template

__all__ = ["demo_db", "demo_file", "demo_template"]  # fixtures

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("popups_quiet")]


@pytest.fixture
def plan_page(qtbot: QtBot, demo_db: tuple[UnitOfWork, object]) -> Iterator[PlanPage]:
    uow, _admin = demo_db
    planner = auth.authenticate(uow, "planner", "demo1234")
    runner = TaskRunner(progress_delay_ms=60_000)
    ctx = AppContext(uow, planner, runner, DataEvents(), "test")  # type: ignore[arg-type]
    page = PlanPage(ctx)
    qtbot.addWidget(page)
    page.show()
    settle(ctx)
    yield page
    runner.wait_all(10_000)


def test_the_page_shows_the_seed_plan_and_coverage(plan_page: PlanPage, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    rows = plan_page.plan_model.rows()
    assert {r.item_code: r.need for r in rows} == SEED_NEED
    assert "肆佰贰拾肆万壹仟壹佰捌拾元整" in plan_page.plan_summary.text()
    assert plan_page.target_combo.currentText() == "中卫市本级"
    assert "棉褥" in plan_page.coverage_summary.text()
    assert len(plan_page.bar_chart.chart().series()) == 1
    assert len(plan_page.line_chart.chart().series()) == 2
    for model in (plan_page.plan_model, plan_page.coverage_model):
        qtmodeltester.check(model)


def test_a_planner_saves_and_approves_from_the_page(plan_page: PlanPage) -> None:
    ctx = plan_page.ctx
    assert plan_page.save_button.isEnabled() and not plan_page.approve_button.isEnabled()
    plan_page.save_button.click()
    settle(ctx)
    assert plan_page.data is not None and plan_page.data.plan.state == DocState.DRAFT
    doc_no = plan_page.data.plan.doc_no
    plan_page.approve_button.click()
    settle(ctx)
    assert plan_queries.show(ctx.uow, ctx.actor, doc_no).state == DocState.APPROVED
    assert plan_page.revise_button.isEnabled()
    assert "执行计划" in plan_page.execution.summary.text()
    assert plan_page.execution.sign_button.isEnabled()


def test_the_home_page_flags_late_contracts(plan_page: PlanPage, qtbot: QtBot) -> None:
    from datetime import date, timedelta

    from inventory_app.services import agreements, balances, contracts, plan_documents, rotation
    from inventory_app.services.contracts import ContractLine
    from inventory_app.services.plan_generate import PlanSpec
    from inventory_app.ui.pages.dashboard_page import DashboardPage

    ctx = plan_page.ctx
    draft = plan_documents.save(ctx.uow, ctx.actor, PlanSpec(target="中卫市本级"), request_id="d1")
    plan_documents.approve(ctx.uow, ctx.actor, doc_no=draft.doc_no, request_id="d2")
    home = DashboardPage(ctx)
    qtbot.addWidget(home)
    home.show()
    settle(ctx)
    assert home.plan_alerts.isHidden()  # nothing contracted yet
    contracts.sign(
        ctx.uow,
        ctx.actor,
        plan_no=draft.doc_no,
        contract_no="HT-LATE",
        supplier="宁夏某帐篷厂",
        year=2022,
        depot="ZW-SJ-01",
        lines=[ContractLine("050101", "10")],
        delivery_due=date(2022, 9, 30),
        request_id="d3",
    )
    admin = auth.authenticate(ctx.uow, "admin", "demo1234")
    wheat = balances.lot_by_batch(ctx.uow, admin, "ZW-LK-01", "LS2024-1401-01", None)
    rotation.rotate_out(
        ctx.uow,
        admin,
        depot="ZW-LK-01",
        lot_id=wheat,
        quantity="500",
        grade="二等",
        doc_date=date(2026, 1, 5),
        request_id="d4",
    )
    home.refresh()
    settle(ctx)
    text = home.plan_alerts.text()
    assert home.plan_alerts.isVisible() and "HT-LATE" in text
    assert "小麦 500 吨" in text and "超过 4 个月 1 笔" in text
    agreements.register(
        ctx.uow,
        admin,
        agreement_no="XY-ENDING",
        enterprise="宁夏某被服厂",
        item_code="050104",
        quantity="100",
        price="128",
        response_hours=24,
        valid_from=date(2026, 1, 1),
        valid_to=date.today() + timedelta(days=10),
    )
    home.refresh()
    settle(ctx)
    assert "XY-ENDING" in home.plan_alerts.text()


def test_contract_delivery_and_payment_dialogs(plan_page: PlanPage) -> None:
    from inventory_app.services import plan_documents, plan_progress
    from inventory_app.services.plan_generate import PlanSpec
    from inventory_app.ui.dialogs.contract_dialogs import (
        ContractDialog,
        DeliveryDialog,
        PaymentDialog,
    )

    ctx = plan_page.ctx
    draft = plan_documents.save(ctx.uow, ctx.actor, PlanSpec(target="中卫市本级"), request_id="g1")
    plan_documents.approve(ctx.uow, ctx.actor, doc_no=draft.doc_no, request_id="g2")
    plan = plan_queries.show(ctx.uow, ctx.actor, draft.doc_no)
    sign = ContractDialog(ctx, plan)
    sign.number.setText("HT-GUI-01")
    sign.supplier.setText("宁夏某被服厂")
    sign.depot.setText("ZW-SJ-01")
    assert "462" in sign.quantities["050101"].placeholderText()
    sign.quantities["050105"].setText("600")
    sign.submit()
    settle(ctx)
    assert sign.result_doc is not None and sign.result_doc.doc_no.startswith("HT-")
    lines = plan_progress.contract_line_rows(ctx.uow, ctx.actor, "HT-GUI-01")
    keeper = auth.authenticate(ctx.uow, "keeper_city", "demo1234")
    keeper_ctx = AppContext(ctx.uow, keeper, ctx.tasks, DataEvents(), "test")
    assert not plan_page.execution.deliver_button.isVisibleTo(plan_page)  # planners do not receive
    deliver = DeliveryDialog(keeper_ctx, "HT-GUI-01", lines)
    _line_no, delivered, accepted, reason = deliver.rows[0]
    delivered.setText("600")
    accepted.setText("590")
    deliver.submit()  # a refused part needs its reason: refused, the input stays
    settle(ctx)
    assert deliver.result_doc is None and delivered.text() == "600"
    reason.setText("10 条受潮")
    deliver.qc.setText("QC-GUI-1")
    deliver.submit()
    settle(ctx)
    assert deliver.result_doc is not None and deliver.result_doc.doc_no.startswith("RK-")
    pay = PaymentDialog(ctx, "HT-GUI-01")
    pay.amount.setText("30000")
    pay.voucher.setText("PZ-GUI-1")
    pay.submit()
    settle(ctx)
    assert pay.result_doc is not None
    (row,) = plan_progress.contracts_list(ctx.uow, ctx.actor)
    assert row.paid_amount == 30000 and row.accepted_amount == 590 * 110
    plan_page.refresh()
    settle(ctx)
    assert plan_page.execution.contract_model.rows()[0].contract_no == "HT-GUI-01"


def test_reports_from_the_page(
    plan_page: PlanPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: shown.append(box.text()))
    button = plan_page.report_button
    assert button.actions_["plan"].text() == "年度购置计划…"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(tmp_path / "计划.xlsx"), "")
    )
    button.actions_["plan"].trigger()  # the menu entry: asks where, writes, says where
    settle(plan_page.ctx)
    assert (tmp_path / "计划.xlsx").stat().st_size > 1000
    monkeypatch.setattr(QInputDialog, "getInt", lambda *_a, **_k: (2025, True))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(tmp_path / "年报"), "")
    )
    button.actions_["annual"].trigger()
    settle(plan_page.ctx)
    assert (tmp_path / "年报.pdf").read_bytes().startswith(b"%PDF")
    button.export("coverage", tmp_path / "保障能力.pdf", None)
    settle(plan_page.ctx)
    assert (tmp_path / "保障能力.pdf").exists() and len(shown) == 3
