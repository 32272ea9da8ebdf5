"""Posting services on a real database: receive, issue, transfer, adjust, reverse, numbering."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from inventory_app.domain.errors import (
    AlreadyReversed,
    CannotReverseReversal,
    DepotNotAllowed,
    EmptyDocument,
    InactiveRecord,
    InsufficientStock,
    InvalidDate,
    InvalidInput,
    InvalidQuantity,
    InvalidState,
    LotMismatch,
    NotFound,
    PermissionDenied,
    ReasonRequired,
    SameDepotTransfer,
)
from inventory_app.domain.model import (
    AdjustLine,
    DocState,
    MovementKind,
    OutLine,
    ReceiptLine,
)
from inventory_app.domain.orders import ReceivedLine
from inventory_app.persistence import tables as t
from inventory_app.services import adjustments, issues, masterdata, receipts, reversals, transfers
from inventory_app.services.document_lines import linked_documents
from tests.factories import World
from tests.integration.helpers import (
    assert_ledger_sound,
    document,
    dump,
    lot_on_hand,
    lots_of,
    movements_of,
    receive,
    refused,
    rid,
    stock_row,
)

pytestmark = pytest.mark.usefixtures("fast_passwords")

TENT, QUILT, FLOUR = "050101", "050104", "140201"
TODAY = date.today()
YEAR = TODAY.year
D = Decimal


def _org_id(world: World, code: str) -> int:
    return int(
        world.uow.read(
            lambda c: c.execute(
                select(t.organisations.c.id).where(t.organisations.c.code == code)
            ).scalar_one()
        )
    )


def _id(world: World, table: t.Table, code: str) -> int:
    return int(
        world.uow.read(
            lambda c: c.execute(select(table.c.id).where(table.c.code == code)).scalar_one()
        )
    )


def _issue(world: World, depot: str, *lines: OutLine, actor=None):  # type: ignore[no-untyped-def]
    return issues.issue(
        world.uow, actor or world.admin, depot=depot, lines=list(lines), request_id=rid()
    )


def _send(world: World, src: str, dst: str, *lines: OutLine):  # type: ignore[no-untyped-def]
    return transfers.transfer_send(
        world.uow, world.admin, from_depot=src, to_depot=dst, lines=list(lines), request_id=rid()
    )


def _reverse(world: World, actor=None, **target):  # type: ignore[no-untyped-def]
    return reversals.reverse(
        world.uow, actor or world.admin, reason="录入错误", request_id=rid(), **target
    )


# ---------------------------------------------------------------- receive


def test_receive_creates_lots_movements_and_balances(world: World) -> None:
    expiry = TODAY + timedelta(days=400)
    result = receipts.receive(
        world.uow,
        world.keeper_a,
        depot="A",
        request_id=rid(),
        supplier="宁夏某厂",
        reference="HT-2026-01",
        lines=[
            ReceiptLine(
                TENT,
                D(10),
                batch_no="B-001",
                expiry_date=expiry,
                location_code="A-01",
                unit_price=D("1600.50"),
                supplier="宁夏某厂",
            ),
            ReceiptLine(FLOUR, D("2.5"), batch_no="F-7"),
        ],
    )
    assert result.doc_no == f"RK-A-{YEAR}-00001"
    assert result.state == DocState.POSTED
    assert not result.replayed
    assert len(result.movement_ids) == 2
    moves = movements_of(world.uow, result.document_id)
    assert [m.id for m in moves] == list(result.movement_ids)
    assert [(m.kind, m.delta, m.line_no) for m in moves] == [
        (MovementKind.RECEIVE, 10_000, 1),
        (MovementKind.RECEIVE, 2_500, 2),
    ]
    tent_lot, flour_lot = lots_of(world.uow, result.document_id)
    assert (tent_lot.batch_no, tent_lot.expiry_date, tent_lot.unit_price_fen) == (
        "B-001",
        expiry,
        160050,
    )
    assert tent_lot.location_id == _id(world, t.locations, "A-01")
    assert tent_lot.owner_org_id == tent_lot.custodian_org_id == _org_id(world, "ZW-EMB")
    assert tent_lot.owner_level == 2
    assert tent_lot.received_date == TODAY
    assert flour_lot.unit_price_fen == 360000  # the item's reference price
    assert lot_on_hand(world.uow, tent_lot.id) == 10_000
    assert lot_on_hand(world.uow, flour_lot.id) == 2_500
    assert stock_row(world.uow, TENT, "A")["on_hand"] == 10_000
    assert stock_row(world.uow, FLOUR, "A")["on_hand"] == 2_500
    doc = document(world.uow, result.doc_no)
    assert (doc.counterparty, doc.reference, doc.created_by) == (
        "宁夏某厂",
        "HT-2026-01",
        world.keeper_a.user_id,
    )
    assert_ledger_sound(world.uow)


def test_receive_derives_expiry_from_shelf_life(world: World) -> None:
    made = TODAY - timedelta(days=30)
    result = receipts.receive(
        world.uow,
        world.admin,
        depot="A",
        request_id=rid(),
        lines=[ReceiptLine(FLOUR, D("1.125"), production_date=made)],
    )
    (lot,) = lots_of(world.uow, result.document_id)
    assert lot.expiry_date == made.replace(year=made.year + 1)  # 1 年: the calendar date


def test_receive_eight_years_lands_on_the_anniversary(world: World) -> None:
    """8 年 from 2016-10-15 is 2024-10-15, not 2,920 days later (2024-10-13)."""
    made = date(2016, 10, 15)
    result = receipts.receive(
        world.uow,
        world.admin,
        depot="A",
        request_id=rid(),
        lines=[ReceiptLine(TENT, D("2"), production_date=made)],
    )
    (lot,) = lots_of(world.uow, result.document_id)
    assert lot.expiry_date == date(2024, 10, 15)


def test_receive_into_the_same_item_twice_makes_two_lots(world: World) -> None:
    _, lot1 = receive(world.uow, world.admin, "A", TENT, 3)
    _, lot2 = receive(world.uow, world.admin, "A", TENT, 4)
    assert lot1 != lot2
    assert stock_row(world.uow, TENT, "A")["on_hand"] == 7_000
    assert_ledger_sound(world.uow)


# ---------------------------------------------------------------- validation: nothing written


@pytest.mark.parametrize(("item", "qty"), [(TENT, "1.5"), (QUILT, "0.001"), (FLOUR, "1.0005")])
def test_receive_refuses_too_many_decimals(world: World, item: str, qty: str) -> None:
    error = refused(
        world.uow,
        InvalidQuantity,
        receipts.receive,
        world.uow,
        world.admin,
        depot="A",
        request_id=rid(),
        lines=[ReceiptLine(item, D(qty))],
    )
    assert error.params["reason"] == "too_many_decimals"


@pytest.mark.parametrize("qty", ["0", "-3", "abc", "1,5"])
def test_receive_refuses_bad_quantities(world: World, qty: str) -> None:
    refused(
        world.uow,
        InvalidQuantity,
        receipts.receive,
        world.uow,
        world.admin,
        depot="A",
        request_id=rid(),
        lines=[ReceiptLine(TENT, qty)],
    )  # type: ignore[arg-type]


def test_a_bad_later_line_writes_nothing(world: World) -> None:
    refused(
        world.uow,
        InvalidQuantity,
        receipts.receive,
        world.uow,
        world.admin,
        depot="A",
        request_id=rid(),
        lines=[ReceiptLine(TENT, D(5)), ReceiptLine(FLOUR, D("0.0001"))],
    )


@pytest.mark.parametrize(
    ("kwargs", "kind"),
    [
        ({"depot": "ZZ", "lines": [ReceiptLine(TENT, D(1))]}, "depot"),
        ({"depot": "A", "lines": [ReceiptLine("999999", D(1))]}, "item"),
        ({"depot": "A", "lines": [ReceiptLine(TENT, D(1), location_code="B-01")]}, "location"),
        ({"depot": "A", "lines": [ReceiptLine(TENT, D(1), owner_org_code="NOPE")]}, "organisation"),
    ],
)
def test_receive_refuses_unknown_references(world: World, kwargs: dict, kind: str) -> None:
    error = refused(
        world.uow, NotFound, receipts.receive, world.uow, world.admin, request_id=rid(), **kwargs
    )
    assert error.params["kind"] == kind


def test_unknown_item_on_issue_and_unknown_depot_on_transfer(world: World) -> None:
    receive(world.uow, world.admin, "A", TENT, 5)
    assert (
        refused(world.uow, NotFound, _issue, world, "A", OutLine("999999", D(1))).params["kind"]
        == "item"
    )
    assert (
        refused(world.uow, NotFound, _send, world, "A", "ZZ", OutLine(TENT, D(1))).params["kind"]
        == "depot"
    )
    assert (
        refused(world.uow, NotFound, _issue, world, "A", OutLine(TENT, D(1), lot_id=9999)).params[
            "kind"
        ]
        == "lot"
    )


def test_receive_refuses_future_doc_date(world: World) -> None:
    error = refused(
        world.uow,
        InvalidDate,
        receipts.receive,
        world.uow,
        world.admin,
        depot="A",
        request_id=rid(),
        doc_date=TODAY + timedelta(days=1),
        lines=[ReceiptLine(TENT, D(1))],
    )
    assert error.params["field"] == "doc_date"


def test_future_doc_date_refused_on_every_kind(world: World) -> None:
    _, lot = receive(world.uow, world.admin, "A", TENT, 5)
    tomorrow = (TODAY + timedelta(days=1)).isoformat()
    refused(
        world.uow,
        InvalidDate,
        issues.issue,
        world.uow,
        world.admin,
        depot="A",
        lines=[OutLine(TENT, D(1))],
        request_id=rid(),
        doc_date=tomorrow,
    )
    refused(
        world.uow,
        InvalidDate,
        adjustments.adjust,
        world.uow,
        world.admin,
        depot="A",
        lines=[AdjustLine(lot, D(1))],
        reason="盘盈",
        request_id=rid(),
        doc_date=tomorrow,
    )
    refused(
        world.uow,
        InvalidDate,
        receipts.receive,
        world.uow,
        world.admin,
        depot="A",
        lines=[ReceiptLine(TENT, D(1))],
        request_id=rid(),
        doc_date="not-a-date",
    )


def test_receive_refuses_expiry_before_production(world: World) -> None:
    error = refused(
        world.uow,
        InvalidDate,
        receipts.receive,
        world.uow,
        world.admin,
        depot="A",
        request_id=rid(),
        lines=[
            ReceiptLine(
                FLOUR,
                D(1),
                production_date=TODAY - timedelta(days=5),
                expiry_date=TODAY - timedelta(days=6),
            )
        ],
    )
    assert error.params["field"] == "expiry_date"


def test_receive_refuses_production_after_doc_date(world: World) -> None:
    error = refused(
        world.uow,
        InvalidDate,
        receipts.receive,
        world.uow,
        world.admin,
        depot="A",
        request_id=rid(),
        doc_date=TODAY - timedelta(days=10),
        lines=[ReceiptLine(FLOUR, D(1), production_date=TODAY - timedelta(days=5))],
    )
    assert error.params["field"] == "production_date"


def test_receive_refuses_empty_and_non_physical(world: World) -> None:
    refused(
        world.uow,
        EmptyDocument,
        receipts.receive,
        world.uow,
        world.admin,
        depot="A",
        request_id=rid(),
        lines=[],
    )
    refused(
        world.uow,
        InvalidInput,
        receipts.receive,
        world.uow,
        world.admin,
        depot="A",
        request_id=rid(),
        lines=[ReceiptLine(TENT, D(1), reserve_mode="agreement")],
    )


def test_receive_refuses_inactive_item(world: World) -> None:
    masterdata.set_item_active(world.uow, world.admin, QUILT, False)
    refused(
        world.uow,
        InactiveRecord,
        receipts.receive,
        world.uow,
        world.admin,
        depot="A",
        request_id=rid(),
        lines=[ReceiptLine(QUILT, D(1))],
    )


# ---------------------------------------------------------------- permissions


def test_keeper_of_b_cannot_post_in_a(world: World) -> None:
    _, lot = receive(world.uow, world.admin, "A", TENT, 5)
    refused(
        world.uow,
        DepotNotAllowed,
        receipts.receive,
        world.uow,
        world.keeper_b,
        depot="A",
        request_id=rid(),
        lines=[ReceiptLine(TENT, D(1))],
    )
    refused(
        world.uow, PermissionDenied, _issue, world, "A", OutLine(TENT, D(1)), actor=world.keeper_b
    )
    refused(
        world.uow,
        DepotNotAllowed,
        adjustments.adjust,
        world.uow,
        world.keeper_b,
        depot="A",
        lines=[AdjustLine(lot, D(1))],
        reason="x",
        request_id=rid(),
    )
    refused(
        world.uow,
        DepotNotAllowed,
        transfers.transfer_send,
        world.uow,
        world.keeper_b,
        from_depot="A",
        to_depot="B",
        lines=[OutLine(TENT, D(1))],
        request_id=rid(),
    )
    refused(
        world.uow,
        DepotNotAllowed,
        _reverse,
        world,
        actor=world.keeper_b,
        movement_id=movements_of(world.uow, 1)[0].id,
    )
    # The keeper of A may post there.
    adjustments.adjust(
        world.uow,
        world.keeper_a,
        depot="A",
        lines=[AdjustLine(lot, D(1))],
        reason="盘盈",
        request_id=rid(),
    )


def test_approver_cannot_receive_or_issue(world: World) -> None:
    receive(world.uow, world.admin, "A", TENT, 5)
    error = refused(
        world.uow,
        PermissionDenied,
        receipts.receive,
        world.uow,
        world.approver,
        depot="A",
        request_id=rid(),
        lines=[ReceiptLine(TENT, D(1))],
    )
    assert error.params == {"action": "receive", "role": "approver"}
    refused(
        world.uow, PermissionDenied, _issue, world, "A", OutLine(TENT, D(1)), actor=world.approver
    )


# ---------------------------------------------------------------- issue


def test_issue_first_expiring_first_skipping_expired(world: World) -> None:
    _, expired = receive(world.uow, world.admin, "A", TENT, 50, expiry=TODAY - timedelta(days=1))
    _, late = receive(world.uow, world.admin, "A", TENT, 10, expiry=TODAY + timedelta(days=300))
    _, none = receive(world.uow, world.admin, "A", TENT, 10)
    _, early = receive(world.uow, world.admin, "A", TENT, 4, expiry=TODAY + timedelta(days=30))
    _, today_lot = receive(world.uow, world.admin, "A", TENT, 3, expiry=TODAY)
    result = _issue(world, "A", OutLine(TENT, D(12)))
    assert result.doc_no == f"CK-A-{YEAR}-00001"
    moves = movements_of(world.uow, result.document_id)
    assert [(m.lot_id, m.delta, m.kind) for m in moves] == [
        (today_lot, -3_000, "ISSUE"),
        (early, -4_000, "ISSUE"),
        (late, -5_000, "ISSUE"),
    ]
    assert lot_on_hand(world.uow, expired) == 50_000
    assert lot_on_hand(world.uow, none) == 10_000
    assert stock_row(world.uow, TENT, "A")["on_hand"] == (50 + 10 + 10 + 4 + 3 - 12) * 1000
    # Only 15 usable remain (5 + 10): the expired 50 do not count.
    error = refused(world.uow, InsufficientStock, _issue, world, "A", OutLine(TENT, D(16)))
    assert error.params["available"] == D(15)
    assert_ledger_sound(world.uow)


def test_issue_named_lot_and_decimals(world: World) -> None:
    _, first = receive(
        world.uow, world.admin, "A", FLOUR, "2.000", expiry=TODAY + timedelta(days=10)
    )
    _, second = receive(world.uow, world.admin, "A", FLOUR, "3.250")
    result = _issue(world, "A", OutLine(FLOUR, D("1.125"), lot_id=second))
    assert [(m.lot_id, m.delta) for m in movements_of(world.uow, result.document_id)] == [
        (second, -1_125)
    ]
    assert lot_on_hand(world.uow, first) == 2_000
    assert lot_on_hand(world.uow, second) == 2_125
    refused(world.uow, InvalidQuantity, _issue, world, "A", OutLine(FLOUR, D("0.0001")))
    refused(world.uow, InvalidQuantity, _issue, world, "A", OutLine(TENT, D("0.5")))


def test_issue_refusals_change_nothing(world: World) -> None:
    _, lot_a = receive(world.uow, world.admin, "A", TENT, 5)
    _, lot_b = receive(world.uow, world.admin, "B", TENT, 5)
    refused(world.uow, InsufficientStock, _issue, world, "A", OutLine(TENT, D(6)))
    refused(world.uow, InsufficientStock, _issue, world, "A", OutLine(TENT, D(6), lot_id=lot_a))
    # Two lines that each fit but not together.
    refused(
        world.uow,
        InsufficientStock,
        _issue,
        world,
        "A",
        OutLine(TENT, D(3), lot_id=lot_a),
        OutLine(TENT, D(3), lot_id=lot_a),
    )
    refused(
        world.uow, InsufficientStock, _issue, world, "A", OutLine(TENT, D(3)), OutLine(TENT, D(3))
    )
    refused(world.uow, LotMismatch, _issue, world, "A", OutLine(TENT, D(1), lot_id=lot_b))
    refused(world.uow, LotMismatch, _issue, world, "A", OutLine(QUILT, D(1), lot_id=lot_a))
    refused(world.uow, EmptyDocument, _issue, world, "A")
    refused(world.uow, InsufficientStock, _issue, world, "A", OutLine(QUILT, D(1)))


def test_mixed_named_and_fefo_lines_share_the_lot(world: World) -> None:
    _, lot = receive(world.uow, world.admin, "A", TENT, 5)
    result = _issue(world, "A", OutLine(TENT, D(2)), OutLine(TENT, D(3), lot_id=lot))
    assert lot_on_hand(world.uow, lot) == 0
    assert sorted(m.delta for m in movements_of(world.uow, result.document_id)) == [-3000, -2000]


# ---------------------------------------------------------------- transfer


def test_transfer_send_and_receive(world: World) -> None:
    expiry = TODAY + timedelta(days=90)
    made = TODAY - timedelta(days=20)
    src = receipts.receive(
        world.uow,
        world.admin,
        depot="A",
        request_id=rid(),
        lines=[
            ReceiptLine(
                FLOUR,
                D("4.000"),
                batch_no="F-1",
                expiry_date=expiry,
                production_date=made,
                unit_price=D("3500"),
                supplier="中粮",
                owner_org_code="HY-EMB",
            ),
            ReceiptLine(TENT, D(20), batch_no="T-9"),
        ],
    )
    flour_lot, tent_lot = (lot.id for lot in lots_of(world.uow, src.document_id))
    sent = _send(world, "A", "B", OutLine(FLOUR, D("1.5")), OutLine(TENT, D(8)))
    assert sent.doc_no == f"DB-A-{YEAR}-00001"
    assert sent.state == DocState.IN_TRANSIT
    assert stock_row(world.uow, FLOUR, "A")["on_hand"] == 2_500
    assert stock_row(world.uow, FLOUR, "B") == {"on_hand": 0, "reserved": 0, "in_transit_in": 1_500}
    assert stock_row(world.uow, TENT, "B")["in_transit_in"] == 8_000
    assert stock_row(world.uow, TENT, "A")["in_transit_in"] == 0
    assert [m.kind for m in movements_of(world.uow, sent.document_id)] == ["TRANSFER_OUT"] * 2
    assert_ledger_sound(world.uow)

    # The keeper of A cannot receive at B; the keeper of B can.
    refused(
        world.uow,
        DepotNotAllowed,
        transfers.transfer_receive,
        world.uow,
        world.keeper_a,
        doc_no=sent.doc_no,
        request_id=rid(),
    )
    got = transfers.transfer_receive(
        world.uow, world.keeper_b, doc_no=sent.doc_no, request_id=rid(), location="B-01"
    )
    assert got.document_id == sent.document_id
    assert got.state == DocState.RECEIVED
    assert document(world.uow, sent.doc_no).state == DocState.RECEIVED
    assert stock_row(world.uow, FLOUR, "B") == {"on_hand": 1_500, "reserved": 0, "in_transit_in": 0}
    assert stock_row(world.uow, TENT, "B") == {"on_hand": 8_000, "reserved": 0, "in_transit_in": 0}
    new_lots = {lot.origin_lot_id: lot for lot in lots_of(world.uow, sent.document_id)}
    assert set(new_lots) == {flour_lot, tent_lot}
    src_lots = {lot.id: lot for lot in lots_of(world.uow, src.document_id)}
    b_id = _id(world, t.depots, "B")
    for origin, lot in new_lots.items():
        orig = src_lots[origin]
        assert lot.depot_id == b_id
        assert lot.source == "transfer"
        assert lot.location_id == _id(world, t.locations, "B-01")
        for col in (
            "item_id",
            "batch_no",
            "production_date",
            "expiry_date",
            "owner_org_id",
            "owner_level",
            "custodian_org_id",
            "unit_price_fen",
            "supplier",
            "reserve_mode",
        ):
            assert getattr(lot, col) == getattr(orig, col), col
    assert new_lots[flour_lot].owner_org_id == _org_id(world, "HY-EMB")
    assert lot_on_hand(world.uow, new_lots[flour_lot].id) == 1_500
    ins = [m for m in movements_of(world.uow, sent.document_id) if m.kind == "TRANSFER_IN"]
    assert sorted(m.delta for m in ins) == [1_500, 8_000]
    assert {m.line_no for m in ins} == {3, 4}
    assert_ledger_sound(world.uow)
    # Received once only.
    refused(
        world.uow,
        InvalidState,
        transfers.transfer_receive,
        world.uow,
        world.admin,
        doc_no=sent.doc_no,
        request_id=rid(),
    )


def test_transfer_refusals(world: World) -> None:
    receive(world.uow, world.admin, "A", TENT, 5)
    refused(world.uow, SameDepotTransfer, _send, world, "A", "A", OutLine(TENT, D(1)))
    refused(world.uow, InsufficientStock, _send, world, "A", "B", OutLine(TENT, D(6)))
    issued = _issue(world, "A", OutLine(TENT, D(1)))
    refused(
        world.uow,
        InvalidState,
        transfers.transfer_receive,
        world.uow,
        world.admin,
        doc_no=issued.doc_no,
        request_id=rid(),
    )
    refused(
        world.uow,
        NotFound,
        transfers.transfer_receive,
        world.uow,
        world.admin,
        doc_no="DB-A-1999-00001",
        request_id=rid(),
    )
    sent = _send(world, "A", "B", OutLine(TENT, D(2)))
    refused(
        world.uow,
        NotFound,
        transfers.transfer_receive,
        world.uow,
        world.admin,
        doc_no=sent.doc_no,
        request_id=rid(),
        location="A-01",
    )  # A's location, not B's
    refused(
        world.uow,
        InvalidDate,
        transfers.transfer_receive,
        world.uow,
        world.admin,
        doc_no=sent.doc_no,
        request_id=rid(),
        doc_date=TODAY - timedelta(days=1),
    )


# ---------------------------------------------------------------- adjust


def test_adjust_needs_a_reason(world: World) -> None:
    _, lot = receive(world.uow, world.admin, "A", TENT, 5)
    for reason in ("", "   "):
        refused(
            world.uow,
            ReasonRequired,
            adjustments.adjust,
            world.uow,
            world.admin,
            depot="A",
            lines=[AdjustLine(lot, D(-1))],
            reason=reason,
            request_id=rid(),
        )


def test_adjust_up_and_down(world: World) -> None:
    _, lot = receive(world.uow, world.admin, "A", FLOUR, "1.000")
    up = adjustments.adjust(
        world.uow,
        world.keeper_a,
        depot="A",
        reason="盘盈",
        request_id=rid(),
        lines=[AdjustLine(lot, D("0.250"))],
    )
    assert up.doc_no == f"TZ-A-{YEAR}-00001"
    assert document(world.uow, up.doc_no).reason == "盘盈"
    down = adjustments.adjust(
        world.uow,
        world.keeper_a,
        depot="A",
        reason="  鼠害  ",
        request_id=rid(),
        lines=[AdjustLine(lot, D("-1.125"))],
    )
    assert document(world.uow, down.doc_no).reason == "鼠害"
    assert [m.kind for m in movements_of(world.uow, down.document_id)] == ["ADJUST"]
    assert lot_on_hand(world.uow, lot) == 125
    refused(
        world.uow,
        InsufficientStock,
        adjustments.adjust,
        world.uow,
        world.admin,
        depot="A",
        reason="x",
        request_id=rid(),
        lines=[AdjustLine(lot, D("-0.126"))],
    )
    refused(
        world.uow,
        InvalidQuantity,
        adjustments.adjust,
        world.uow,
        world.admin,
        depot="A",
        reason="x",
        request_id=rid(),
        lines=[AdjustLine(lot, D(0))],
    )
    refused(
        world.uow,
        LotMismatch,
        adjustments.adjust,
        world.uow,
        world.admin,
        depot="B",
        reason="x",
        request_id=rid(),
        lines=[AdjustLine(lot, D(1))],
    )
    refused(
        world.uow,
        EmptyDocument,
        adjustments.adjust,
        world.uow,
        world.admin,
        depot="A",
        reason="x",
        request_id=rid(),
        lines=[],
    )
    assert_ledger_sound(world.uow)


# ---------------------------------------------------------------- reverse


def test_reverse_single_movement(world: World) -> None:
    _, lot1 = receive(world.uow, world.admin, "A", TENT, 5, expiry=TODAY + timedelta(days=5))
    _, lot2 = receive(world.uow, world.admin, "A", TENT, 5, expiry=TODAY + timedelta(days=50))
    issued = _issue(world, "A", OutLine(TENT, D(8)))
    m1, m2 = movements_of(world.uow, issued.document_id)
    rev = _reverse(world, movement_id=m2.id)
    assert rev.doc_no == f"CX-A-{YEAR}-00001"
    (rm,) = movements_of(world.uow, rev.document_id)
    assert (rm.kind, rm.lot_id, rm.delta, rm.reverses_movement_id) == (
        "REVERSAL",
        lot2,
        3_000,
        m2.id,
    )
    assert lot_on_hand(world.uow, lot2) == 5_000
    assert lot_on_hand(world.uow, lot1) == 0
    rev_doc = document(world.uow, rev.doc_no)
    assert (rev_doc.reverses_document_id, rev_doc.reference, rev_doc.reason) == (
        issued.document_id,
        issued.doc_no,
        "录入错误",
    )
    assert document(world.uow, issued.doc_no).state == DocState.POSTED  # one line still stands
    refused(world.uow, AlreadyReversed, _reverse, world, movement_id=m2.id)
    _reverse(world, movement_id=m1.id)
    assert document(world.uow, issued.doc_no).state == DocState.REVERSED
    assert stock_row(world.uow, TENT, "A")["on_hand"] == 10_000
    refused(world.uow, AlreadyReversed, _reverse, world, doc_no=issued.doc_no)
    assert_ledger_sound(world.uow)


def test_reverse_whole_document(world: World) -> None:
    result = receipts.receive(
        world.uow,
        world.admin,
        depot="A",
        request_id=rid(),
        lines=[ReceiptLine(TENT, D(4)), ReceiptLine(FLOUR, D("0.5"))],
    )
    rev = _reverse(world, doc_no=result.doc_no)
    moves = movements_of(world.uow, rev.document_id)
    assert sorted(m.reverses_movement_id for m in moves) == sorted(result.movement_ids)
    assert all(m.kind == "REVERSAL" for m in moves)
    for lot in lots_of(world.uow, result.document_id):
        assert lot_on_hand(world.uow, lot.id) == 0
    assert document(world.uow, result.doc_no).state == DocState.REVERSED
    assert stock_row(world.uow, TENT, "A")["on_hand"] == 0
    refused(world.uow, AlreadyReversed, _reverse, world, doc_no=result.doc_no)
    refused(world.uow, AlreadyReversed, _reverse, world, movement_id=result.movement_ids[0])
    assert_ledger_sound(world.uow)


def test_reversing_a_shipped_receipt_is_refused(world: World) -> None:
    received, lot = receive(world.uow, world.admin, "A", TENT, 10)
    _issue(world, "A", OutLine(TENT, D(4)))
    error = refused(world.uow, InsufficientStock, _reverse, world, doc_no=received.doc_no)
    assert error.params["available"] == D(6)
    refused(world.uow, InsufficientStock, _reverse, world, movement_id=received.movement_ids[0])
    assert lot_on_hand(world.uow, lot) == 6_000


def test_a_reversal_cannot_be_reversed(world: World) -> None:
    received, _ = receive(world.uow, world.admin, "A", TENT, 10)
    rev = _reverse(world, doc_no=received.doc_no)
    refused(world.uow, CannotReverseReversal, _reverse, world, doc_no=rev.doc_no)
    refused(world.uow, CannotReverseReversal, _reverse, world, movement_id=rev.movement_ids[0])


def test_reverse_needs_reason_and_one_target(world: World) -> None:
    received, _ = receive(world.uow, world.admin, "A", TENT, 10)
    refused(
        world.uow,
        ReasonRequired,
        reversals.reverse,
        world.uow,
        world.admin,
        reason=" ",
        request_id=rid(),
        doc_no=received.doc_no,
    )
    refused(
        world.uow,
        InvalidInput,
        reversals.reverse,
        world.uow,
        world.admin,
        reason="x",
        request_id=rid(),
    )
    refused(
        world.uow,
        InvalidInput,
        reversals.reverse,
        world.uow,
        world.admin,
        reason="x",
        request_id=rid(),
        doc_no=received.doc_no,
        movement_id=received.movement_ids[0],
    )
    refused(world.uow, NotFound, _reverse, world, movement_id=987654)
    refused(world.uow, NotFound, _reverse, world, doc_no="RK-A-1999-00001")


def test_reverse_in_transit_transfer(world: World) -> None:
    _, lot = receive(world.uow, world.admin, "A", TENT, 10)
    sent = _send(world, "A", "B", OutLine(TENT, D(6)))
    assert stock_row(world.uow, TENT, "B")["in_transit_in"] == 6_000
    # A movement id of a transfer reverses the whole transfer.
    rev = _reverse(world, actor=world.keeper_a, movement_id=sent.movement_ids[0])
    assert lot_on_hand(world.uow, lot) == 10_000
    assert stock_row(world.uow, TENT, "A")["on_hand"] == 10_000
    assert stock_row(world.uow, TENT, "B")["in_transit_in"] == 0
    assert document(world.uow, sent.doc_no).state == DocState.REVERSED
    assert rev.doc_no == f"CX-A-{YEAR}-00001"
    refused(
        world.uow,
        InvalidState,
        transfers.transfer_receive,
        world.uow,
        world.admin,
        doc_no=sent.doc_no,
        request_id=rid(),
    )
    refused(world.uow, AlreadyReversed, _reverse, world, doc_no=sent.doc_no)
    assert_ledger_sound(world.uow)


def test_reverse_received_transfer(world: World) -> None:
    _, lot = receive(world.uow, world.admin, "A", TENT, 10)
    sent = _send(world, "A", "B", OutLine(TENT, D(6)))
    transfers.transfer_receive(world.uow, world.admin, doc_no=sent.doc_no, request_id=rid())
    (b_lot,) = lots_of(world.uow, sent.document_id)
    # The keeper of A alone may not undo what arrived at B.
    refused(world.uow, DepotNotAllowed, _reverse, world, actor=world.keeper_a, doc_no=sent.doc_no)
    _issue(world, "B", OutLine(TENT, D(1)))
    refused(world.uow, InsufficientStock, _reverse, world, doc_no=sent.doc_no)
    adj = adjustments.adjust(
        world.uow,
        world.admin,
        depot="B",
        reason="找回",
        lines=[AdjustLine(b_lot.id, D(1))],
        request_id=rid(),
    )
    assert adj.state == DocState.POSTED
    rev = _reverse(world, doc_no=sent.doc_no)
    assert len(rev.movement_ids) == 2
    assert lot_on_hand(world.uow, lot) == 10_000
    assert lot_on_hand(world.uow, b_lot.id) == 0
    assert stock_row(world.uow, TENT, "B") == {"on_hand": 0, "reserved": 0, "in_transit_in": 0}
    assert document(world.uow, sent.doc_no).state == DocState.REVERSED
    assert_ledger_sound(world.uow)


# ---------------------------------------------------------------- numbering


def _numbers(world: World) -> dict[tuple[int, str, int], list[int]]:
    rows = world.uow.read(
        lambda c: list(
            c.execute(
                select(
                    t.documents.c.depot_id,
                    t.documents.c.doc_type,
                    t.documents.c.year,
                    t.documents.c.seq,
                ).order_by(t.documents.c.seq)
            )
        )
    )
    out: dict[tuple[int, str, int], list[int]] = {}
    for row in rows:
        out.setdefault((row.depot_id, row.doc_type, row.year), []).append(row.seq)
    return out


def _assert_gapless(world: World) -> None:
    counters = world.uow.read(
        lambda c: {
            (r.depot_id, r.doc_type, r.year): r.last_no for r in c.execute(select(t.doc_counters))
        }
    )
    numbers = _numbers(world)
    for key, seqs in numbers.items():
        assert seqs == list(range(1, len(seqs) + 1)), key
        assert counters[key] == len(seqs), key
    assert set(counters) == set(numbers)


def test_document_numbers_are_gapless_even_after_failed_postings(world: World) -> None:
    received, lot = receive(world.uow, world.admin, "A", TENT, 5)
    before = dump(world.uow)
    # These fail after their number was drawn (the overdraw is found when balances move).
    with pytest.raises(InsufficientStock):
        _issue(world, "A", OutLine(TENT, D(9), lot_id=lot))
    with pytest.raises(InsufficientStock):
        adjustments.adjust(
            world.uow,
            world.admin,
            depot="A",
            reason="x",
            request_id=rid(),
            lines=[AdjustLine(lot, D(-9))],
        )
    _issue(world, "A", OutLine(TENT, D(1)))
    with pytest.raises(InsufficientStock):
        _reverse(world, doc_no=received.doc_no)
    assert dump(world.uow)["doc_counters"] != before["doc_counters"]  # the issue's counter only
    issued = _issue(world, "A", OutLine(TENT, D(1), lot_id=lot))
    assert issued.doc_no == f"CK-A-{YEAR}-00002"
    adj = adjustments.adjust(
        world.uow,
        world.admin,
        depot="A",
        reason="x",
        request_id=rid(),
        lines=[AdjustLine(lot, D(1))],
    )
    assert adj.doc_no == f"TZ-A-{YEAR}-00001"
    rev = _reverse(world, doc_no=issued.doc_no)
    assert rev.doc_no == f"CX-A-{YEAR}-00001"
    # Per depot and per year.
    b_receipt, _ = receive(world.uow, world.admin, "B", TENT, 1)
    assert b_receipt.doc_no == f"RK-B-{YEAR}-00001"
    last_year = receipts.receive(
        world.uow,
        world.admin,
        depot="A",
        request_id=rid(),
        doc_date=date(YEAR - 1, 12, 31),
        lines=[ReceiptLine(TENT, D(1))],
    )
    assert last_year.doc_no == f"RK-A-{YEAR - 1}-00001"
    assert receive(world.uow, world.admin, "A", TENT, 1)[0].doc_no == f"RK-A-{YEAR}-00002"
    _assert_gapless(world)
    assert_ledger_sound(world.uow)


# ---------------------------------------------------------------- SQLite and PostgreSQL


def test_basic_posting_on_each_backend(db_world: World) -> None:
    """The same end-to-end flow on SQLite and PostgreSQL, refusals included."""
    world = db_world
    received, lot = receive(
        world.uow,
        world.keeper_a,
        "A",
        FLOUR,
        "10.500",
        expiry=TODAY + timedelta(days=60),
        batch="F-1",
    )
    assert received.doc_no == f"RK-A-{YEAR}-00001"
    issued = _issue(world, "A", OutLine(FLOUR, D("2.250")))
    assert issued.doc_no == f"CK-A-{YEAR}-00001"
    refused(world.uow, InsufficientStock, _issue, world, "A", OutLine(FLOUR, D("8.251")))
    refused(
        world.uow, InsufficientStock, _issue, world, "A", OutLine(FLOUR, D("8.251"), lot_id=lot)
    )
    refused(world.uow, InvalidQuantity, _issue, world, "A", OutLine(FLOUR, D("0.0001")))
    # Keepers ship only against approved orders: the free-standing 出库 is the admin's.
    refused(
        world.uow, PermissionDenied, _issue, world, "A", OutLine(FLOUR, D(1)), actor=world.keeper_b
    )
    sent = _send(world, "A", "B", OutLine(FLOUR, D("3")))
    assert stock_row(world.uow, FLOUR, "B")["in_transit_in"] == 3_000
    transfers.transfer_receive(world.uow, world.keeper_b, doc_no=sent.doc_no, request_id=rid())
    assert stock_row(world.uow, FLOUR, "B") == {"on_hand": 3_000, "reserved": 0, "in_transit_in": 0}
    refused(world.uow, InsufficientStock, _reverse, world, doc_no=received.doc_no)
    _reverse(world, doc_no=issued.doc_no)
    assert lot_on_hand(world.uow, lot) == 7_500
    adj = adjustments.adjust(
        world.uow,
        world.admin,
        depot="A",
        reason="盘亏",
        request_id=rid(),
        lines=[AdjustLine(lot, D("-0.500"))],
    )
    assert adj.doc_no == f"TZ-A-{YEAR}-00001"
    assert _issue(world, "A", OutLine(FLOUR, D(1))).doc_no == f"CK-A-{YEAR}-00002"
    assert stock_row(world.uow, FLOUR, "A")["on_hand"] == 6_000
    _assert_gapless(world)
    assert_ledger_sound(world.uow)


def test_a_transfer_received_short_books_the_loss_with_its_reason(world: World) -> None:
    receive(world.uow, world.admin, "A", TENT, 3, expiry=TODAY + timedelta(days=100))
    receive(world.uow, world.admin, "A", TENT, 5, expiry=TODAY + timedelta(days=200))
    sent = _send(world, "A", "B", OutLine(TENT, D(6)))  # one line over two lots
    short = [ReceivedLine(1, D(4), "两顶途中损毁")]
    refused(
        world.uow,
        ReasonRequired,
        transfers.transfer_receive,
        world.uow,
        world.keeper_b,
        doc_no=sent.doc_no,
        request_id=rid(),
        received=[ReceivedLine(1, D(4))],
    )
    refused(
        world.uow,
        InvalidInput,
        transfers.transfer_receive,
        world.uow,
        world.keeper_b,
        doc_no=sent.doc_no,
        request_id=rid(),
        received=[ReceivedLine(1, D(7), "x")],
    )
    transfers.transfer_receive(
        world.uow, world.keeper_b, doc_no=sent.doc_no, request_id=rid(), received=short
    )
    assert stock_row(world.uow, TENT, "B") == {"on_hand": 4_000, "reserved": 0, "in_transit_in": 0}
    (loss,) = [
        r for r in linked_documents(world.uow, world.admin, sent.doc_no) if r.role == "transit_loss"
    ]
    assert loss.doc_no.startswith("TZ-B-")
    assert "两顶途中损毁" in document(world.uow, loss.doc_no).reason
    assert_ledger_sound(world.uow)
