"""收发存汇总: opening, receipts, issues and closing per depot and item, from the ledger;
a reversal counts against what it reverses."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from inventory_app.domain.model import AdjustLine, OutLine, ReceiptLine
from inventory_app.services import (
    adjustments,
    issues,
    list_reports,
    period_summary,
    receipts,
    reversals,
    transfers,
)
from tests.factories import World
from tests.integration.helpers import rid

TENT = "050101"
D = Decimal


def test_opening_in_out_closing_with_reversals_and_transfers(world: World, tmp_path: Path) -> None:
    today = date.today()
    got = receipts.receive(
        world.uow,
        world.admin,
        depot="A",
        request_id=rid(),
        doc_date=today - timedelta(days=10),
        lines=[ReceiptLine(TENT, D(10), unit_price=D(1650))],
    )
    lot = world.uow.read(
        lambda c: c.exec_driver_sql(
            "SELECT lot_id FROM movements WHERE id = ?", (got.movement_ids[0],)
        ).scalar_one()
    )
    issued = issues.issue(
        world.uow,
        world.admin,
        depot="A",
        request_id=rid(),
        doc_date=today - timedelta(days=5),
        lines=[OutLine(TENT, D(3))],
    )
    reversals.reverse(world.uow, world.admin, doc_no=issued.doc_no, reason="录错", request_id=rid())
    adjustments.adjust(
        world.uow,
        world.admin,
        depot="A",
        reason="盘盈",
        request_id=rid(),
        lines=[AdjustLine(lot, D(1))],
    )
    sent = transfers.transfer_send(
        world.uow,
        world.admin,
        from_depot="A",
        to_depot="B",
        lines=[OutLine(TENT, D(2))],
        request_id=rid(),
    )
    transfers.transfer_receive(world.uow, world.keeper_b, doc_no=sent.doc_no, request_id=rid())
    rows = period_summary.period_summary(world.uow, world.admin, today - timedelta(days=6), today)
    a, b = rows
    assert (a.depot_code, a.opening, a.received, a.issued, a.closing) == ("A", 10, 1, 2, 9)
    assert (a.opening_value, a.received_value, a.issued_value, a.closing_value) == (
        16500,
        1650,
        3300,
        14850,
    )
    assert (b.depot_code, b.opening, b.received, b.issued, b.closing) == ("B", 0, 2, 0, 2)
    # The whole history as one period: opening 0.
    (a_all, _b) = period_summary.period_summary(
        world.uow, world.admin, today - timedelta(days=30), today
    )
    assert (a_all.opening, a_all.received, a_all.issued, a_all.closing) == (0, 11, 2, 9)
    path, count = list_reports.summary_report(
        world.uow, world.admin, today - timedelta(days=6), today, ("A",), tmp_path / "收发存.xlsx"
    )
    sheet = load_workbook(path).active
    assert count == 1 and sheet is not None and sheet.max_row == 2
    # A keeper sees only their depots.
    assert [
        r.depot_code
        for r in period_summary.period_summary(
            world.uow, world.keeper_b, today - timedelta(days=6), today
        )
    ] == ["B"]
