"""Write-offs: the request reserves stock, someone else decides, rejection releases it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from inventory_app.domain.errors import InsufficientStock, LotMismatch, SelfApproval
from inventory_app.domain.model import DocState, OutLine, ReceiptLine
from inventory_app.services import issues, receipts, stock_queries, writeoffs
from inventory_app.services.verify import verify
from tests.factories import World
from tests.integration.helpers import dump


def _stock(world: World) -> int:
    result = receipts.receive(
        world.uow,
        world.keeper_a,
        depot="A",
        request_id="rk",
        lines=[ReceiptLine("050101", Decimal(10))],
    )
    return int(
        world.uow.read(
            lambda c: c.exec_driver_sql(
                "SELECT lot_id FROM movements WHERE id = ?", (result.movement_ids[0],)
            ).scalar_one()
        )
    )


def test_request_reserves_and_approval_posts(world: World) -> None:
    lot = _stock(world)
    req = writeoffs.request_scrap(
        world.uow,
        world.keeper_a,
        depot="A",
        reason="霉变",
        request_id="s1",
        lines=[OutLine("050101", Decimal(4), lot)],
    )
    assert req.state == DocState.PENDING_APPROVAL
    assert stock_queries.balance(world.uow, world.admin, "050101", "A")[:2] == (10, 4)
    with pytest.raises(InsufficientStock):  # the reserved 4 cannot be shipped meanwhile
        issues.issue(
            world.uow,
            world.admin,
            depot="A",
            request_id="i1",
            lines=[OutLine("050101", Decimal(7))],
        )
    done = writeoffs.decide_scrap(
        world.uow, world.approver, doc_no=req.doc_no, approve=True, request_id="d1"
    )
    assert done.state == DocState.POSTED and len(done.movement_ids) == 1
    assert stock_queries.balance(world.uow, world.admin, "050101", "A")[:2] == (6, 0)
    assert verify(world.uow).ok


def test_rejection_releases_the_reservation(world: World) -> None:
    lot = _stock(world)
    req = writeoffs.request_scrap(
        world.uow,
        world.keeper_a,
        depot="A",
        reason="破损",
        request_id="s1",
        lines=[OutLine("050101", Decimal(3), lot)],
    )
    writeoffs.decide_scrap(
        world.uow, world.approver, doc_no=req.doc_no, approve=False, request_id="d1"
    )
    assert stock_queries.balance(world.uow, world.admin, "050101", "A")[:2] == (10, 0)
    assert verify(world.uow).ok


def test_nobody_approves_their_own_request(world: World) -> None:
    lot = _stock(world)
    req = writeoffs.request_scrap(
        world.uow,
        world.admin,
        depot="A",
        reason="过期",
        request_id="s1",
        lines=[OutLine("050101", Decimal(1), lot)],
    )
    before = dump(world.uow)
    with pytest.raises(SelfApproval):
        writeoffs.decide_scrap(
            world.uow, world.admin, doc_no=req.doc_no, approve=True, request_id="d1"
        )
    assert dump(world.uow) == before


@pytest.mark.parametrize("lot_id", [None, "other-item"])
def test_lines_must_name_a_lot_of_that_item(world: World, lot_id: object) -> None:
    lot = _stock(world)
    receipts.receive(
        world.uow,
        world.keeper_a,
        depot="A",
        request_id="rk2",
        lines=[ReceiptLine("050104", Decimal(5))],
    )
    before = dump(world.uow)
    line = OutLine("050104", Decimal(1), None if lot_id is None else lot)
    with pytest.raises(LotMismatch):
        writeoffs.request_scrap(
            world.uow, world.keeper_a, depot="A", reason="x", request_id="s1", lines=[line]
        )
    assert dump(world.uow) == before
