"""回收单: goods come back against their order, good ones into stock as new lots, the rest
recorded; never more than was shipped; tents stay outstanding until back or past 12 months."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

from pypdf import PdfReader

from inventory_app.domain.errors import InvalidInput, InvalidState
from inventory_app.domain.model import ReceiptLine
from inventory_app.domain.orders import (
    Condition,
    OrderLine,
    ReturnLine,
    must_return_until,
    parse_return_rules,
)
from inventory_app.services import (
    approvals,
    order_queries,
    orders,
    printing,
    receipts,
    returns,
    shipping,
)
from inventory_app.services.verify import verify
from tests.factories import World
from tests.integration.helpers import refused, rid, stock_row

TENT, QUILT = "050101", "050104"
D = Decimal


def _shipped(world: World) -> str:
    receipts.receive(
        world.uow,
        world.admin,
        depot="A",
        request_id=rid(),
        lines=[
            ReceiptLine(TENT, D(10), batch_no="T-1", unit_price=D(1650)),
            ReceiptLine(QUILT, D(10), batch_no="Q-1"),
        ],
    )
    order = orders.create_order(
        world.uow,
        world.keeper_b,
        lines=[OrderLine(TENT, D(6), "A"), OrderLine(QUILT, D(4), "A")],
        receiving_unit="海原县应急管理局",
        submit=True,
        request_id=rid(),
    ).doc_no
    approvals.approve_order(world.uow, world.approver, doc_no=order, request_id=rid())
    return order


def _return(world: World, order: str, *lines: ReturnLine, depot: str = "B") -> str:
    actor = world.keeper_b if depot == "B" else world.keeper_a
    return returns.record_return(
        world.uow, actor, order_no=order, depot=depot, lines=list(lines), request_id=rid()
    ).doc_no


def test_good_goods_come_back_as_new_lots_and_the_rest_is_recorded(world: World) -> None:
    order = _shipped(world)
    refused(world.uow, InvalidState, _return, world, order, ReturnLine(1, D(1)))  # not shipped
    shipping.ship(world.uow, world.keeper_a, order_no=order, depot="A", request_id=rid())
    back = _return(
        world,
        order,
        ReturnLine(1, D(3), Condition.GOOD),
        ReturnLine(1, D(1), Condition.CLEANED),
        ReturnLine(1, D(1), Condition.REPAIR),
        ReturnLine(1, D(1), Condition.SCRAP, "烧毁"),
    )
    assert back.startswith("HS-B-")
    assert stock_row(world.uow, TENT, "B")["on_hand"] == 4_000  # good and cleaned only
    lots = world.uow.read(
        lambda c: c.exec_driver_sql(
            "SELECT l.batch_no, l.source, l.unit_price_fen, o.code FROM lots l "
            "JOIN organisations o ON o.id = l.owner_org_id WHERE l.depot_id = "
            "(SELECT id FROM depots WHERE code = 'B')"
        ).all()
    )
    assert lots == [("T-1", "return", 165000, "ZW-EMB")] * 2  # batch, price, owner kept
    (tents, quilts) = order_queries.order_view(world.uow, world.admin, order).lines
    assert (tents.shipped, tents.returned, tents.outstanding) == (6, 6, 0)
    assert (quilts.shipped, quilts.returned, quilts.outstanding) == (4, 0, 0)  # not returnable
    refused(world.uow, InvalidInput, _return, world, order, ReturnLine(1, D(1)))  # all back
    assert verify(world.uow).ok
    text = "".join(
        p.extract_text()
        for p in PdfReader(
            io.BytesIO(printing.print_document(world.uow, world.keeper_b, back))
        ).pages
    )
    for expected in ("回 收 单", order, "完好", "清洗消毒", "维修", "报废", "烧毁", "未入库"):
        assert expected in text, expected


def test_outstanding_tents_and_over_returns(world: World) -> None:
    order = _shipped(world)
    shipping.ship(world.uow, world.keeper_a, order_no=order, depot="A", request_id=rid())
    _return(world, order, ReturnLine(1, D(2)), depot="A")
    (tents, _quilts) = order_queries.order_view(world.uow, world.admin, order).lines
    assert (tents.returned, tents.outstanding) == (2, 4)
    refused(world.uow, InvalidInput, _return, world, order, ReturnLine(1, D(5)))
    refused(world.uow, InvalidInput, _return, world, order, ReturnLine(3, D(1)))  # no line 3
    refused(world.uow, InvalidInput, _return, world, order, ReturnLine(1, D(1), "lost"))  # type: ignore[arg-type]


def test_return_rules_and_windows() -> None:
    assert parse_return_rules("050101:12, 050102:6,bad,x:0") == {"050101": 12, "050102": 6}
    assert must_return_until(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert must_return_until(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert must_return_until(date(2026, 6, 15), 6) == date(2026, 12, 15)


def test_verify_notices_a_return_that_does_not_match_its_lot(world: World) -> None:
    order = _shipped(world)
    shipping.ship(world.uow, world.keeper_a, order_no=order, depot="A", request_id=rid())
    _return(world, order, ReturnLine(1, D(3)))
    assert verify(world.uow).ok
    world.uow.write(lambda c: c.exec_driver_sql("UPDATE return_lines SET quantity = 4000"))
    assert any("return line" in p for p in verify(world.uow).problems)
