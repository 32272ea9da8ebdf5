"""Plan reports: the PDFs open and say what the services say; the workbooks hold the same
figures as the plan's JSON; the annual storage report adds up to the ledger's summary."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from inventory_app.domain.errors import InvalidInput
from inventory_app.domain.permissions import Actor
from inventory_app.persistence.uow import UnitOfWork
from inventory_app.services import (
    annual_report,
    contract_deliveries,
    contracts,
    plan_documents,
    plan_generate,
    plan_reports,
)
from inventory_app.services.contract_deliveries import DeliveryLine
from inventory_app.services.contracts import ContractLine
from inventory_app.services.period_summary import period_summary
from inventory_app.services.plan_generate import PlanSpec
from tests.integration.helpers import rid
from tests.integration.pdf_support import page_texts, squeeze
from tests.integration.plan_support import demo_db, demo_file, demo_template

__all__ = ["demo_db", "demo_file", "demo_template"]  # fixtures

pytestmark = pytest.mark.slow
D = Decimal
Demo = tuple[UnitOfWork, Actor]


def _sheet(path: Path, index: int = 0) -> list[tuple]:
    book = load_workbook(path, read_only=True)
    rows = list(book.worksheets[index].iter_rows(values_only=True))
    book.close()
    return rows


def test_plan_report_figures_equal_the_plan(demo_db: Demo, tmp_path: Path) -> None:
    uow, admin = demo_db
    plan = plan_generate.generate(uow, admin, PlanSpec(target="中卫市本级"))
    path, rows = plan_reports.plan_report(uow, admin, tmp_path / "plan.xlsx")
    assert rows == 18
    sheet = _sheet(path)  # 2022
    assert sheet[0][:7] == ("序号", "物资名称", "规格型号", "单位", "数量", "单价(元)", "金额(元)")
    body = sheet[1:-1]
    assert [(r[1], D(str(r[4])), D(str(r[6]))) for r in body] == [
        (ln.item_name, ln.years[2022], ln.year_amounts[2022]) for ln in plan.lines
    ]
    assert D(str(sheet[-1][6])) == plan.year_totals[2022] == D("1398065.00")
    pdf = tmp_path / "plan.pdf"
    plan_reports.plan_report(uow, admin, pdf)
    text = squeeze("".join(page_texts(pdf.read_bytes())))
    assert "2022—2024年应急物资购置计划" in text
    assert "肆佰贰拾肆万壹仟壹佰捌拾元整" in text
    assert "4,241,180.00" in text
    with pytest.raises(InvalidInput):
        plan_reports.plan_report(uow, admin, tmp_path / "plan.doc")
    assert not (tmp_path / "plan.doc").exists()


def test_execution_and_coverage_reports(demo_db: Demo, tmp_path: Path) -> None:
    uow, admin = demo_db
    draft = plan_documents.save(uow, admin, PlanSpec(target="中卫市本级"), request_id=rid())
    plan_documents.approve(uow, admin, doc_no=draft.doc_no, request_id=rid())
    contracts.sign(
        uow,
        admin,
        plan_no=draft.doc_no,
        contract_no="HT-2022-01",
        supplier="宁夏某被服厂（演示）",
        year=2022,
        depot="ZW-SJ-01",
        lines=[ContractLine("050105", "643")],
        delivery_due=date(2022, 9, 30),
        request_id=rid(),
    )
    contract_deliveries.deliver(
        uow,
        admin,
        contract_no="HT-2022-01",
        lines=[DeliveryLine(1, "643", "600", "43 条受潮")],
        request_id=rid(),
    )
    path, _rows = plan_reports.execution_report(uow, admin, tmp_path / "exec.xlsx", year=2022)
    progress = {r[0]: r for r in _sheet(path)[1:-1]}
    assert progress["棉褥"][2:7] == (643, 643, 643, 600, 43)
    assert D(str(progress["棉褥"][9])) == D("66000.00")  # 600 × 110
    contract_sheet = _sheet(path, 1)
    assert contract_sheet[1][0] == "HT-2022-01"
    pdf = tmp_path / "cov.pdf"
    plan_reports.coverage_report(uow, admin, pdf)
    text = squeeze("".join(page_texts(pdf.read_bytes())))
    assert "限制物资：枕头" in text  # the mattresses arrived; the pillows are now the limit
    assert "应急物资保障能力报告" in text


def test_annual_report_adds_up_to_the_ledger(demo_db: Demo, tmp_path: Path) -> None:
    uow, admin = demo_db
    path, rows = annual_report.annual_report(uow, admin, tmp_path / "annual.xlsx", year=2025)
    sheet = _sheet(path)
    assert len(sheet) == rows + 2
    summary = period_summary(uow, admin, date(2025, 1, 1), date(2025, 12, 31))
    closing = sum((r.closing_value for r in summary), D(0))
    assert D(str(sheet[-1][9])) == closing.quantize(D("0.01"))
    pdf = tmp_path / "annual.pdf"
    annual_report.annual_report(uow, admin, pdf, year=2025)
    assert "2025年度应急物资储存情况报告" in squeeze(page_texts(pdf.read_bytes())[0])
