"""Render one of each printed document from a real flow on a fresh demo database.

Run: .venv/bin/python tools/render_documents.py   (needs pdftoppm from poppler-utils)

Writes docs/documents/<kind>.pdf and the first page of each as a 60 dpi PNG, so the
README tour shows what the app really prints (not a mock-up).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from inventory_app.domain.orders import Condition, OrderLine, ReceivedLine, ReturnLine
from inventory_app.persistence.engine import sqlite_url
from inventory_app.services import (
    agreements,
    approvals,
    auth,
    demo,
    drills,
    list_reports,
    orders,
    printing,
    receipt_notes,
    requests,
    returns,
    shipping,
    suggestions,
)
from inventory_app.services.database import open_database
from inventory_app.services.stock_queries import StockFilter

OUT = Path(__file__).resolve().parent.parent / "docs" / "documents"


def main() -> None:
    work = Path(tempfile.mkdtemp())
    os.environ["INVENTORY_DATA_DIR"] = str(work)
    uow = open_database(sqlite_url(work / "demo.sqlite3"), create=True)
    demo.load_demo(uow)
    who = {
        name: auth.authenticate(uow, name, "demo1234")
        for name in ("keeper_haiyuan", "planner", "approver", "admin")
    }
    rid = iter(f"docs-{n}" for n in range(1000))
    asked = requests.file_request(
        uow,
        who["keeper_haiyuan"],
        depot="HY-XJ-01",
        requesting_unit="海原县应急管理局",
        persons=300,
        disaster_type="地震",
        place="海原县海城镇",
        receiver="马明",
        phone="13909551234",
        response=6,
        request_id=next(rid),
        lines=requests.lines_for_persons(uow, who["planner"], 300),
    )
    found = suggestions.suggest(uow, who["planner"], asked.doc_no)
    order = orders.create_order(
        uow,
        who["planner"],
        lines=found.order_lines(),
        request_no=asked.doc_no,
        receiving_unit="海原县应急管理局",
        place="海原县海城镇",
        receiver="马明",
        receiver_phone="13909551234",
        sender="海原县储备库 李保管",
        sender_phone="13909550001",
        transport_payer="调出方",
        submit=True,
        request_id=next(rid),
    )
    approvals.approve_order(
        uow,
        who["approver"],
        doc_no=order.doc_no,
        request_id=next(rid),
        owner_consent="市应急管理局 张科长（电话）",
    )
    slip = shipping.ship(
        uow,
        who["keeper_haiyuan"],
        order_no=order.doc_no,
        depot="HY-XJ-01",
        carrier="中卫顺达物流有限公司",
        driver="李强",
        driver_phone="13909552222",
        plate="宁E·12345",
        request_id=next(rid),
    )
    for depot in sorted({line.depot_code for line in found.order_lines()} - {"HY-XJ-01"}):
        shipping.ship(
            uow,
            who["keeper_haiyuan"],
            order_no=order.doc_no,
            depot=depot,
            plate="宁E·23456",
            request_id=next(rid),
        )
    ack = receipt_notes.sign_for(
        uow,
        who["keeper_haiyuan"],
        order_no=order.doc_no,
        signed_by="马明",
        request_id=next(rid),
        received=[ReceivedLine(1, Decimal(74), "一顶帐篷途中破损")],
    )
    back = returns.record_return(
        uow,
        who["keeper_haiyuan"],
        order_no=order.doc_no,
        depot="HY-XJ-01",
        request_id=next(rid),
        lines=[
            ReturnLine(1, Decimal(60), Condition.GOOD),
            ReturnLine(1, Decimal(10), Condition.CLEANED),
            ReturnLine(1, Decimal(3), Condition.REPAIR, "撑杆弯折"),
            ReturnLine(1, Decimal(1), Condition.SCRAP, "烧毁"),
        ],
    )
    drill = drills.start_drill(
        uow,
        who["planner"],
        request_no=requests.file_request(
            uow,
            who["keeper_haiyuan"],
            depot="HY-XJ-01",
            requesting_unit="海原县李旺镇",
            persons=120,
            disaster_type="演练",
            place="海原县李旺镇",
            response=6,
            lines=requests.lines_for_persons(uow, who["planner"], 120),
            request_id=next(rid),
        ).doc_no,
        request_id=next(rid),
    )
    for step in ("approve", "print", "depart", "arrive"):
        drills.drill_step(uow, who["planner"], doc_no=drill.doc_no, step=step, request_id=next(rid))
    agreements.register(
        uow,
        who["admin"],
        agreement_no="XY-2026-007",
        enterprise="宁夏某被服厂",
        item_code="050104",
        quantity=Decimal(500),
        price=Decimal("128.50"),
        response_hours=24,
        valid_from=date.today() - timedelta(days=30),
        valid_to=date.today() + timedelta(days=335),
    )
    called = orders.create_order(
        uow,
        who["planner"],
        depot="HY-XJ-01",
        lines=[OrderLine("050104", Decimal(120), "", None, "XY-2026-007")],
        receiving_unit="海原县应急管理局",
        submit=True,
        request_id=next(rid),
    )
    approvals.approve_order(uow, who["approver"], doc_no=called.doc_no, request_id=next(rid))
    agreements.deliver(
        uow,
        who["planner"],
        order_no=called.doc_no,
        line_no=1,
        quantity=Decimal(120),
        request_id=next(rid),
    )
    bill = agreements.settle(
        uow,
        who["admin"],
        agreement_no="XY-2026-007",
        invoice_no="6400231130-0042",
        request_id=next(rid),
    )
    OUT.mkdir(parents=True, exist_ok=True)
    docs = {
        "request": asked.doc_no,
        "order": order.doc_no,
        "dispatch_slip": slip.doc_no,
        "receipt_note": ack.doc_no,
        "return": back.doc_no,
        "drill_report": drill.doc_no,
        "settlement": bill.doc_no,
    }
    for name, doc_no in docs.items():
        printing.print_document(uow, who["admin"], doc_no, OUT / f"{name}.pdf")
    printing.print_document(
        uow, who["admin"], slip.doc_no, OUT / "dispatch_slip_continuous.pdf", form="continuous"
    )
    list_reports.stock_report(uow, who["admin"], "category", StockFilter(), OUT / "stock.pdf")
    uow.engine.dispose()
    shutil.rmtree(work, ignore_errors=True)
    for pdf in sorted(OUT.glob("*.pdf")):
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "60",
                "-png",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(pdf),
                str(pdf.with_suffix("")),
            ],
            check=True,
        )
        print(pdf.with_suffix(".png"))


if __name__ == "__main__":
    main()
