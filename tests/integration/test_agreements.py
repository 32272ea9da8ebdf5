"""协议储备: the register, order lines that call an agreement instead of a depot, the
enterprise's deliveries, and the 结算单 at the agreed price. Never physical stock."""

from __future__ import annotations

import io
from datetime import date, timedelta
from decimal import Decimal

from pypdf import PdfReader

from inventory_app.domain.errors import AgreementShort, InvalidInput, InvalidState
from inventory_app.domain.model import DocState, ReceiptLine
from inventory_app.domain.orders import OrderLine
from inventory_app.services import (
    agreements,
    approvals,
    order_queries,
    orders,
    printing,
    receipts,
    shipping,
    stock_queries,
)
from inventory_app.services.verify import verify
from tests.factories import World
from tests.integration.helpers import refused, rid

TENT, QUILT = "050101", "050104"
D = Decimal


def _register(world: World, qty: int = 100, valid_to: date | None = None) -> None:
    agreements.register(
        world.uow,
        world.admin,
        agreement_no="XY-2026-01",
        enterprise="宁夏某被服厂",
        item_code=QUILT,
        quantity=D(qty),
        price=D("128.50"),
        response_hours=24,
        valid_from=date.today() - timedelta(days=30),
        valid_to=valid_to or date.today() + timedelta(days=365),
    )


def _order(world: World, qty: int, *extra: OrderLine) -> str:
    doc = orders.create_order(
        world.uow,
        world.keeper_b,
        depot="B",
        lines=[OrderLine(QUILT, D(qty), "", None, "XY-2026-01"), *extra],
        receiving_unit="海原县应急管理局",
        submit=True,
        request_id=rid(),
    )
    return doc.doc_no


def _approve(world: World, doc_no: str) -> None:
    approvals.approve_order(world.uow, world.approver, doc_no=doc_no, request_id=rid())


def _deliver(world: World, doc_no: str, line: int, qty: int) -> None:
    agreements.deliver(
        world.uow, world.keeper_b, order_no=doc_no, line_no=line, quantity=D(qty), request_id=rid()
    )


def test_order_calls_the_agreement_then_delivery_and_settlement(world: World) -> None:
    _register(world, 100)
    receipts.receive(
        world.uow, world.admin, depot="A", request_id=rid(), lines=[ReceiptLine(TENT, D(10))]
    )
    order = _order(world, 60, OrderLine(TENT, D(2), "A"))
    _approve(world, order)
    (row,) = agreements.agreements(world.uow, world.admin)
    assert (row.quantity, row.called, row.delivered, row.available) == (100, 60, 0, 40)
    assert stock_queries.balance(world.uow, world.admin, QUILT, "A")[0] == 0  # never stock
    second = _order(world, 50)
    refused(world.uow, AgreementShort, _approve, world, second)  # only 40 left to call
    shipping.ship(world.uow, world.keeper_a, order_no=order, depot="A", request_id=rid())
    assert order_queries.order_view(world.uow, world.admin, order).order.state == (
        DocState.PARTIALLY_SHIPPED
    )  # the firm has not delivered yet
    _deliver(world, order, 1, 45)
    refused(world.uow, InvalidInput, _deliver, world, order, 1, 16)  # only 15 left on the line
    _deliver(world, order, 1, 15)
    view = order_queries.order_view(world.uow, world.admin, order)
    assert view.order.state == DocState.SHIPPED
    assert (view.lines[0].depot_name, view.lines[0].shipped) == ("宁夏某被服厂", 60)
    settled = agreements.settle(
        world.uow, world.admin, agreement_no="XY-2026-01", invoice_no="FP-0001", request_id=rid()
    )
    assert settled.doc_no.startswith("JS-B-")  # numbered where the order was
    text = "".join(
        p.extract_text()
        for p in PdfReader(
            io.BytesIO(printing.print_document(world.uow, world.admin, settled.doc_no))
        ).pages
    )
    for expected in ("协议储备结算单", "宁夏某被服厂", "FP-0001", "7,710.00", "柒仟柒佰壹拾元整"):
        assert expected in text, expected
    refused(
        world.uow,
        InvalidInput,
        agreements.settle,
        world.uow,
        world.admin,
        agreement_no="XY-2026-01",
        invoice_no="FP-0002",
        request_id=rid(),
    )  # all settled
    (row,) = agreements.agreements(world.uow, world.admin)
    assert (row.called, row.delivered, row.available) == (0, 60, 40)
    assert verify(world.uow).ok


def test_expired_agreements_and_wrong_states_are_refused(world: World) -> None:
    _register(world, 100, valid_to=date.today() - timedelta(days=1))
    order = _order(world, 10)
    refused(world.uow, InvalidInput, _approve, world, order)  # past its validity
    refused(world.uow, InvalidState, _deliver, world, order, 1, 1)  # not approved
    refused(
        world.uow,
        InvalidInput,
        orders.create_order,
        world.uow,
        world.keeper_b,
        lines=[OrderLine(TENT, D(1), "", None, "XY-2026-01")],  # agreement is for quilts
        receiving_unit="x",
        request_id=rid(),
    )


def test_verify_notices_deliveries_beyond_the_order(world: World) -> None:
    _register(world, 100)
    order = _order(world, 10)
    _approve(world, order)
    _deliver(world, order, 1, 10)
    assert verify(world.uow).ok
    world.uow.write(lambda c: c.exec_driver_sql("UPDATE agreement_deliveries SET quantity = 11000"))
    assert any("delivered" in p for p in verify(world.uow).problems)
