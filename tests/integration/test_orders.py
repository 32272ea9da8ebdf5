"""Requests and allocation orders: the workflow, every refused move, reservations, shipping,
the emergency branch and two approvals racing for the last units."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from inventory_app.domain.errors import (
    DepotNotAllowed,
    InsufficientStock,
    InvalidInput,
    InvalidState,
    NotEmergency,
    NothingToShip,
    OverShipment,
    PermissionDenied,
    ReasonRequired,
    SelfApproval,
)
from inventory_app.domain.model import DocState, OutLine, ReceiptLine
from inventory_app.domain.orders import OrderLine, ReceivedLine, RequestLine, ShipLine
from inventory_app.services import (
    approvals,
    issues,
    order_queries,
    orders,
    receipt_notes,
    receipts,
    request_queries,
    requests,
    reversals,
    shipping,
    transfers,
)
from inventory_app.services.common import utcnow
from inventory_app.services.document_lines import linked_documents
from inventory_app.services.verify import verify
from tests.factories import World
from tests.integration import workers
from tests.integration.helpers import assert_ledger_sound, refused, rid, stock_row
from tests.integration.procs import run_parallel

TENT, QUILT = "050101", "050104"
D = Decimal


def _stock(world: World, item: str = TENT, qty: int = 10, **kw: object) -> None:
    receipts.receive(
        world.uow,
        world.admin,
        depot="A",
        request_id=rid(),
        lines=[ReceiptLine(item, D(qty), **kw)],  # type: ignore[arg-type]
    )


def _order(world: World, *lines: OrderLine, emergency: bool = False, submit: bool = True) -> str:
    return orders.create_order(
        world.uow,
        world.keeper_b,
        lines=list(lines) or [OrderLine(TENT, D(6), "A")],
        receiving_unit="海原县应急管理局",
        place="海原县海城镇",
        emergency=emergency,
        submit=submit,
        request_id=rid(),
    ).doc_no


def _approve(world: World, doc_no: str) -> None:
    approvals.approve_order(world.uow, world.approver, doc_no=doc_no, request_id=rid())


def _ship(world: World, doc_no: str, *lines: ShipLine) -> str:
    return shipping.ship(
        world.uow,
        world.keeper_a,
        order_no=doc_no,
        depot="A",
        lines=list(lines) or None,
        plate="宁E·12345",
        request_id=rid(),
    ).doc_no


def _view(world: World, doc_no: str) -> order_queries.OrderView:
    return order_queries.order_view(world.uow, world.admin, doc_no)


def test_request_lines_follow_the_norms(world: World) -> None:
    lines = requests.lines_for_persons(world.uow, world.keeper_b, 300)
    assert lines == [RequestLine(TENT, D(75)), RequestLine(QUILT, D(75))]
    assert requests.lines_for_persons(world.uow, world.keeper_b, 301)[0].quantity == 76


def test_the_whole_way_from_request_to_completion(world: World) -> None:
    _stock(world, TENT, 10)
    asked = requests.file_request(
        world.uow,
        world.approver,  # an approver may file a request too: then they may not approve
        depot="B",
        requesting_unit="海原县应急管理局",
        persons=24,
        disaster_type="地震",
        place="海原县海城镇",
        lines=requests.lines_for_persons(world.uow, world.keeper_b, 24)[:1],
        request_id=rid(),
    )
    assert asked.state == DocState.SUBMITTED and asked.doc_no.startswith("SQ-B-")
    head, asked_lines = request_queries.request_view(world.uow, world.keeper_a, asked.doc_no)
    assert (head.persons, head.requesting_unit, head.created_by_id) == (
        24,
        "海原县应急管理局",
        world.approver.user_id,
    )
    assert [(x.item_code, x.quantity) for x in asked_lines] == [(TENT, 6)]
    order_no = orders.create_order(
        world.uow,
        world.keeper_b,
        lines=[OrderLine(TENT, D(6), "A")],
        receiving_unit="海原县应急管理局",
        request_no=asked.doc_no,
        submit=True,
        request_id=rid(),
    ).doc_no
    assert order_no.startswith("ZL-A-")
    # The requester may not approve the order that answers them, nor its creator.
    row = order_queries.orders(world.uow, world.admin)[0]
    assert (row.created_by_id, row.requested_by_id) == (
        world.keeper_b.user_id,
        world.approver.user_id,
    )
    refused(world.uow, SelfApproval, _approve_as, world, world.approver, order_no)
    refused(world.uow, InvalidState, _ship, world, order_no)  # not approved yet
    _approve_as(world, world.admin, order_no)
    assert stock_row(world.uow, TENT, "A")["reserved"] == 6_000
    # Reserved units are not free for anyone else.
    refused(
        world.uow,
        InsufficientStock,
        issues.issue,
        world.uow,
        world.admin,
        depot="A",
        lines=[OutLine(TENT, D(5))],
        request_id=rid(),
    )
    first = _ship(world, order_no, ShipLine(1, D(2)))
    assert _view(world, order_no).order.state == DocState.PARTIALLY_SHIPPED
    refused(world.uow, OverShipment, _ship, world, order_no, ShipLine(1, D(5)))
    second = _ship(world, order_no)
    view = _view(world, order_no)
    assert view.order.state == DocState.SHIPPED
    assert view.slips == [first, second] and first.startswith("CK-A-")
    (line,) = view.lines
    assert (line.quantity, line.reserved, line.shipped) == (6, 0, 6)
    assert stock_row(world.uow, TENT, "A") == {"on_hand": 4_000, "reserved": 0, "in_transit_in": 0}
    refused(world.uow, InvalidState, _cancel, world, order_no)  # goods are on the road
    refused(  # a short line needs its reason
        world.uow,
        ReasonRequired,
        receipt_notes.sign_for,
        world.uow,
        world.keeper_b,
        order_no=order_no,
        signed_by="马明",
        received=[ReceivedLine(1, D(5))],
        request_id=rid(),
    )
    refused(
        world.uow,
        InvalidInput,
        receipt_notes.sign_for,
        world.uow,
        world.keeper_b,
        order_no=order_no,
        signed_by="马明",
        received=[ReceivedLine(1, D(7))],
        request_id=rid(),
    )
    ack = receipt_notes.sign_for(
        world.uow,
        world.keeper_b,
        order_no=order_no,
        signed_by="马明",
        received=[ReceivedLine(1, D(5), "途中一顶破损")],
        request_id=rid(),
    )
    assert ack.doc_no.startswith("QS-A-") and ack.movement_ids == ()
    noted = world.uow.read(
        lambda c: c.exec_driver_sql(
            "SELECT quantity, note FROM document_lines WHERE document_id = ?", (ack.document_id,)
        ).all()
    )
    assert noted == [(5000, "途中一顶破损")]
    orders.complete_order(world.uow, world.keeper_b, doc_no=order_no, request_id=rid())
    view = _view(world, order_no)
    assert view.order.state == DocState.COMPLETED and view.order.request_no == asked.doc_no
    assert [e.to_state for e in view.events] == [
        "DRAFT",
        "SUBMITTED",
        "APPROVED",
        "PARTIALLY_SHIPPED",
        "SHIPPED",
        "SIGNED",
        "COMPLETED",
    ]
    assert all(e.host for e in view.events)
    assert verify(world.uow).ok
    assert_ledger_sound(world.uow)


def _approve_as(world: World, who: object, doc_no: str) -> None:
    approvals.approve_order(world.uow, who, doc_no=doc_no, request_id=rid())  # type: ignore[arg-type]


def _cancel(world: World, doc_no: str, reason: str = "灾情解除") -> None:
    orders.cancel_order(world.uow, world.keeper_b, doc_no=doc_no, reason=reason, request_id=rid())


def test_refusals_before_approval(world: World) -> None:
    _stock(world, TENT, 10)
    draft = _order(world, submit=False)
    refused(world.uow, InvalidState, _approve, world, draft)  # a draft is not submitted
    orders.submit_order(world.uow, world.keeper_b, doc_no=draft, request_id=rid())
    refused(world.uow, PermissionDenied, _approve_as, world, world.keeper_b, draft)
    own = orders.create_order(
        world.uow,
        world.approver,
        lines=[OrderLine(TENT, D(1), "A")],
        receiving_unit="沙坡头区",
        submit=True,
        request_id=rid(),
    ).doc_no
    refused(world.uow, SelfApproval, _approve, world, own)  # nobody approves their own
    refused(
        world.uow,
        ReasonRequired,
        orders.reject_order,
        world.uow,
        world.approver,
        doc_no=draft,
        reason=" ",
        request_id=rid(),
    )
    orders.reject_order(
        world.uow, world.approver, doc_no=draft, reason="数量过多", request_id=rid()
    )
    refused(world.uow, InvalidState, _approve, world, draft)  # rejected: back to the requester
    orders.submit_order(world.uow, world.keeper_b, doc_no=draft, request_id=rid())
    _approve(world, draft)
    # Only a keeper of the source depot ships.
    refused(
        world.uow,
        DepotNotAllowed,
        shipping.ship,
        world.uow,
        world.keeper_b,
        order_no=draft,
        depot="A",
        request_id=rid(),
    )
    refused(
        world.uow,
        NothingToShip,
        shipping.ship,
        world.uow,
        world.admin,
        order_no=draft,
        depot="B",
        request_id=rid(),
    )


def test_approval_needs_the_free_stock_and_reserves_fefo(world: World) -> None:
    _stock(world, TENT, 3, expiry_date="2030-01-01")
    _stock(world, TENT, 3, expiry_date="2029-01-01")
    _stock(world, TENT, 5, expiry_date="2020-01-01")  # expired: never picked automatically
    too_many = _order(world, OrderLine(TENT, D(7), "A"))
    refused(world.uow, InsufficientStock, _approve, world, too_many)
    assert _view(world, too_many).order.state == DocState.SUBMITTED
    fits = _order(world, OrderLine(TENT, D(4), "A"))
    _approve(world, fits)
    lots = world.uow.read(
        lambda c: c.exec_driver_sql(
            "SELECT l.expiry_date, r.quantity FROM reservations r JOIN lots l ON l.id = r.lot_id "
            "ORDER BY l.expiry_date"
        ).all()
    )
    assert [(str(e), q) for e, q in lots] == [("2029-01-01", 3000), ("2030-01-01", 1000)]


def test_cancel_and_complete_release_exactly_the_unshipped_rest(world: World) -> None:
    _stock(world, TENT, 10)
    cancelled = _order(world, OrderLine(TENT, D(3), "A"))
    _approve(world, cancelled)
    short = _order(world, OrderLine(TENT, D(5), "A"))
    _approve(world, short)
    assert stock_row(world.uow, TENT, "A")["reserved"] == 8_000
    refused(world.uow, ReasonRequired, _cancel, world, cancelled, "")
    _cancel(world, cancelled)
    assert stock_row(world.uow, TENT, "A")["reserved"] == 5_000
    _ship(world, short, ShipLine(1, D(2)))
    orders.complete_order(world.uow, world.admin, doc_no=short, request_id=rid(), note="够用了")
    assert stock_row(world.uow, TENT, "A") == {"on_hand": 8_000, "reserved": 0, "in_transit_in": 0}
    (line,) = _view(world, short).lines
    assert (line.shipped, line.reserved) == (2, 0)
    assert verify(world.uow).ok


def test_a_reversed_slip_is_no_longer_shipped(world: World) -> None:
    _stock(world, TENT, 10)
    order_no = _order(world)
    _approve(world, order_no)
    slip = _ship(world, order_no, ShipLine(1, D(2)))
    reversals.reverse(world.uow, world.keeper_a, doc_no=slip, reason="装错车", request_id=rid())
    (line,) = _view(world, order_no).lines
    assert (line.quantity, line.reserved, line.shipped) == (6, 4, 0)
    assert verify(world.uow).ok


def test_emergency_orders_are_approved_by_phone_with_48_hours_for_the_paperwork(
    world: World,
) -> None:
    _stock(world, TENT, 10)
    normal = _order(world, OrderLine(TENT, D(1), "A"))
    refused(
        world.uow,
        NotEmergency,
        approvals.approve_by_phone,
        world.uow,
        world.keeper_b,
        doc_no=normal,
        oral_approver="张局长",
        method="电话",
        request_id=rid(),
    )
    urgent = _order(world, OrderLine(TENT, D(2), "A"), emergency=True)
    late = _order(world, OrderLine(TENT, D(2), "A"), emergency=True)
    now = utcnow()
    for doc_no, at in ((urgent, now), (late, now - timedelta(hours=49))):
        approvals.approve_by_phone(
            world.uow,
            world.keeper_b,  # the creator records it; the approver is the named official
            doc_no=doc_no,
            oral_approver="张局长",
            method="电话",
            approved_at=at,
            request_id=rid(),
        )
    _ship(world, urgent)  # shipped at once
    due = order_queries.open_emergency_orders(world.uow, world.keeper_a)
    assert [(r.doc_no, r.paperwork) for r in due] == [(late, "overdue"), (urgent, "open")]
    assert due[1].paperwork_due_at == now + timedelta(hours=48)
    refused(  # only an approver confirms the written approval
        world.uow,
        PermissionDenied,
        approvals.complete_paperwork,
        world.uow,
        world.keeper_b,
        doc_no=urgent,
        reference="中应急〔2026〕12号",
        request_id=rid(),
    )
    approvals.complete_paperwork(
        world.uow, world.approver, doc_no=urgent, reference="中应急〔2026〕12号", request_id=rid()
    )
    due = order_queries.open_emergency_orders(world.uow, world.keeper_a)
    assert [r.doc_no for r in due] == [late]
    assert _view(world, urgent).paperwork_ref == "中应急〔2026〕12号"
    assert verify(world.uow).ok


@pytest.mark.slow
def test_two_processes_approving_for_the_last_units(db_world: World, db_url: str) -> None:
    """Both orders need 6 of 10 tents: exactly one approval wins, the other is refused with
    nothing reserved; on SQLite and on PostgreSQL."""
    world = db_world
    _stock(world, TENT, 10)
    first, second = _order(world), _order(world)
    results = run_parallel(
        workers.approve_order,
        [(db_url, world.approver, 0, first), (db_url, world.approver, 1, second)],
    )
    outcomes = sorted(r[0][0] for r in results.values())
    assert outcomes == ["ok", "refused"], results
    refusal = next(r[0] for r in results.values() if r[0][0] == "refused")
    assert refusal[1] == "InsufficientStock"
    assert stock_row(world.uow, TENT, "A")["reserved"] == 6_000
    states = {_view(world, d).order.state for d in (first, second)}
    assert states == {DocState.APPROVED, DocState.SUBMITTED}
    assert verify(world.uow).ok


def test_an_order_to_one_of_our_depots_ships_as_a_transfer_in_transit(world: World) -> None:
    _stock(world, TENT, 10)
    order_no = orders.create_order(
        world.uow,
        world.keeper_b,
        lines=[OrderLine(TENT, D(4), "A")],
        receiving_unit="海原县库",
        receiving_depot="B",
        purpose="preposition",
        submit=True,
        request_id=rid(),
    ).doc_no
    _approve(world, order_no)
    slip = _ship(world, order_no)
    assert slip.startswith("DB-A-")  # a transfer, not an issue
    assert stock_row(world.uow, TENT, "B") == {"on_hand": 0, "reserved": 0, "in_transit_in": 4_000}
    assert _view(world, order_no).order.state == DocState.SHIPPED
    transfers.transfer_receive(world.uow, world.keeper_b, doc_no=slip, request_id=rid())
    assert stock_row(world.uow, TENT, "B")["on_hand"] == 4_000
    assert verify(world.uow).ok
    assert_ledger_sound(world.uow)


def test_a_short_line_on_a_transfer_shipped_order_is_booked_as_a_loss(world: World) -> None:
    _stock(world, TENT, 10)
    order_no = orders.create_order(
        world.uow,
        world.keeper_b,
        lines=[OrderLine(TENT, D(4), "A")],
        receiving_unit="海原县库",
        receiving_depot="B",
        submit=True,
        request_id=rid(),
    ).doc_no
    _approve(world, order_no)
    slip = _ship(world, order_no)
    sign = {"order_no": order_no, "signed_by": "马明", "received": [ReceivedLine(1, D(3), "破损")]}
    # Signing waits for the depot to receive the transfer.
    refused(
        world.uow,
        InvalidState,
        receipt_notes.sign_for,
        world.uow,
        world.keeper_b,
        request_id=rid(),
        **sign,
    )  # type: ignore[arg-type]
    transfers.transfer_receive(world.uow, world.keeper_b, doc_no=slip, request_id=rid())
    ack = receipt_notes.sign_for(world.uow, world.keeper_b, request_id=rid(), **sign)  # type: ignore[arg-type]
    assert stock_row(world.uow, TENT, "B")["on_hand"] == 3_000  # one tent booked off as 途损
    (loss,) = [r for r in linked_documents(world.uow, world.admin, ack.doc_no) if not r.is_parent]
    assert loss.role == "receipt_loss" and loss.doc_no.startswith("TZ-B-")
    assert verify(world.uow).ok
    assert_ledger_sound(world.uow)
