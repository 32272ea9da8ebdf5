"""Render the reserve-plan reports from a real flow on a fresh demo database.

The 2022–2024 plan for 中卫市本级 is generated (the seed's six lines), approved, one 2022
contract is signed, delivered with one line partly refused at acceptance, and paid. Writes
docs/documents/plan_2022-2024.pdf, execution_2022.pdf, coverage.pdf, annual_2025.pdf and
the first page of each as a 60 dpi PNG::

    .venv/bin/python tools/render_plan_reports.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from inventory_app.persistence.engine import sqlite_url
from inventory_app.services import (
    annual_report,
    auth,
    contract_deliveries,
    contracts,
    demo,
    plan_documents,
    plan_reports,
)
from inventory_app.services.contract_deliveries import DeliveryLine
from inventory_app.services.contracts import ContractLine
from inventory_app.services.database import open_database
from inventory_app.services.plan_generate import PlanSpec

OUT = Path(__file__).resolve().parent.parent / "docs" / "documents"


def main() -> None:
    work = Path(tempfile.mkdtemp())
    os.environ["INVENTORY_DATA_DIR"] = str(work)
    uow = open_database(sqlite_url(work / "demo.sqlite3"), create=True)
    demo.load_demo(uow)
    planner = auth.authenticate(uow, "planner", "demo1234")
    keeper = auth.authenticate(uow, "keeper_city", "demo1234")
    plan = plan_documents.save(uow, planner, PlanSpec(target="中卫市本级"), request_id="docs-plan")
    plan_documents.approve(uow, planner, doc_no=plan.doc_no, request_id="docs-approve")
    contracts.sign(
        uow,
        planner,
        plan_no=plan.doc_no,
        contract_no="ZWCG-2022-HT-01",
        supplier="宁夏某帐篷被服厂（演示）",
        year=2022,
        depot="ZW-SJ-01",
        lines=[ContractLine("050101", "462"), ContractLine("050104", "587")],
        delivery_due=date(2022, 9, 30),
        doc_date=date(2022, 5, 10),
        request_id="docs-contract",
    )
    contract_deliveries.deliver(
        uow,
        keeper,
        contract_no="ZWCG-2022-HT-01",
        lines=[DeliveryLine(1, "462"), DeliveryLine(2, "587", "580", "7 套受潮霉变")],
        qc_report_no="QC-2022-015",
        doc_date=date(2022, 8, 1),
        request_id="docs-deliver",
    )
    contracts.pay(
        uow,
        planner,
        contract_no="ZWCG-2022-HT-01",
        amount="600000",
        voucher_no="PZ-2022-0815",
        paid_on=date(2022, 8, 15),
        request_id="docs-pay",
    )
    OUT.mkdir(parents=True, exist_ok=True)
    written = [
        plan_reports.plan_report(uow, planner, OUT / "plan_2022-2024.pdf")[0],
        plan_reports.execution_report(uow, planner, OUT / "execution_2022.pdf", year=2022)[0],
        plan_reports.coverage_report(uow, planner, OUT / "coverage.pdf")[0],
        annual_report.annual_report(uow, planner, OUT / "annual_2025.pdf", year=2025)[0],
    ]
    uow.engine.dispose()
    shutil.rmtree(work, ignore_errors=True)
    for pdf in written:
        first_page = ["-f", "1", "-l", "1", "-singlefile"]
        target = str(pdf.with_suffix(""))
        subprocess.run(["pdftoppm", "-r", "60", "-png", *first_page, str(pdf), target], check=True)
        print(pdf.with_suffix(".png"))


if __name__ == "__main__":
    main()
