"""演练: a drill picks sources like a real approval but moves and reserves nothing, times
every step, and scores 拿得出 / 调动快 / 用得上."""

from __future__ import annotations

import io
from datetime import date, timedelta
from decimal import Decimal

from pypdf import PdfReader

from inventory_app.domain.errors import InvalidState
from inventory_app.domain.model import ReceiptLine
from inventory_app.domain.orders import RequestLine
from inventory_app.services import drills, printing, receipts, requests, settings
from inventory_app.services.verify import verify
from tests.factories import World
from tests.integration.helpers import dump, refused, rid

TENT, QUILT = "050101", "050104"
D = Decimal


def _request(world: World, *lines: RequestLine, response: int = 6) -> str:
    return requests.file_request(
        world.uow,
        world.keeper_b,
        depot="B",
        requesting_unit="海原县",
        lines=list(lines),
        response=response,
        request_id=rid(),
    ).doc_no


def _step(world: World, doc_no: str, step: str) -> None:
    drills.drill_step(world.uow, world.keeper_b, doc_no=doc_no, step=step, request_id=rid())


def test_a_drill_moves_nothing_and_scores_the_three_questions(world: World) -> None:
    soon = date.today() + timedelta(days=30)  # near expiry (90-day window)
    receipts.receive(
        world.uow,
        world.admin,
        depot="A",
        request_id=rid(),
        lines=[ReceiptLine(TENT, D(10), batch_no="T-1", location_code="A-01", expiry_date=soon)],
    )
    asked = _request(world, RequestLine(TENT, D(8)), RequestLine(QUILT, D(5)))
    before = dump(world.uow, ("lot_balances", "stock_balances", "reservations", "movements"))
    drill = drills.start_drill(world.uow, world.keeper_b, request_no=asked, request_id=rid())
    assert drill.doc_no.startswith("YL-B-")
    refused(world.uow, InvalidState, _step, world, drill.doc_no, "depart")  # not approved yet
    for step in ("approve", "print", "depart", "arrive"):
        _step(world, drill.doc_no, step)
    assert dump(world.uow, ("lot_balances", "stock_balances", "reservations", "movements")) == (
        before
    )
    report = drills.drill_report(world.uow, world.admin, drill.doc_no)
    assert not report.available and report.shortages[0][:2] == (QUILT, "棉被")
    assert report.depots == ("市级柔远库",)
    assert (report.planned_minutes, report.fast) == (161 + 60, True)  # A → B 161 min + 60
    assert not report.usable and "有效期至" in report.problems[0]
    assert [name for name, _at in report.steps] == [
        "申请",
        "开始（接受建议）",
        "批准",
        "出库单已打印",
        "发车",
        "到达",
    ]
    assert report.elapsed_minutes is not None and report.elapsed_minutes >= 0
    text = "".join(
        p.extract_text()
        for p in PdfReader(
            io.BytesIO(printing.print_document(world.uow, world.admin, drill.doc_no))
        ).pages
    )
    for expected in ("演练报告", drill.doc_no, "拿得出", "调动快", "用得上", "T-1"):
        assert expected in text, expected
    assert verify(world.uow).ok


def test_slow_trucks_fail_the_target(world: World) -> None:
    receipts.receive(
        world.uow,
        world.admin,
        depot="A",
        request_id=rid(),
        lines=[ReceiptLine(TENT, D(10), location_code="A-01")],
    )
    settings.set_settings(world.uow, world.admin, {"truck_speed_kmh": "20"})
    drill = drills.start_drill(
        world.uow,
        world.keeper_b,
        request_no=_request(world, RequestLine(TENT, D(2))),
        request_id=rid(),
    )
    report = drills.drill_report(world.uow, world.admin, drill.doc_no)
    assert report.available and report.usable
    assert (report.planned_minutes, report.fast) == (442 + 60, False)
