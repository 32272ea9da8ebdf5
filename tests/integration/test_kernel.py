"""The document kernel: owned reservations (lot and item level), checked transitions, links,
and `verify` explaining every reserved unit."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import Connection, select, text

from inventory_app.domain.documents import LinkRole
from inventory_app.domain.errors import InsufficientStock, InvalidState
from inventory_app.domain.model import DocState, DocType, MovementKind, OutLine, ReceiptLine
from inventory_app.persistence import repo
from inventory_app.persistence import tables as t
from inventory_app.services import (
    documents,
    issues,
    receipts,
    reservations,
    reversals,
    stock_moves,
    transfers,
)
from inventory_app.services import verify as verifying
from inventory_app.services.reservations import Hold
from tests.factories import World
from tests.integration.helpers import assert_ledger_sound, refused, rid, stock_row

TENT = "050101"
D = Decimal


def _stock(world: World, qty: int = 10) -> None:
    receipts.receive(
        world.uow, world.keeper_a, depot="A", request_id=rid(), lines=[ReceiptLine(TENT, D(qty))]
    )


def _hold_item_level(world: World, milli: int) -> int:
    """A waiting document that holds `milli` tents at depot A before any lot is picked."""

    def tx(conn: Connection) -> int:
        dep = repo.depot_by_code(conn, "A")
        doc = documents.create(conn, world.keeper_a, DocType.SCRAP, dep, date.today(), reason="x")
        item = repo.item_by_code(conn, TENT)
        reservations.reserve(conn, doc.id, [Hold(1, item, dep, milli)])
        return doc.id

    return world.uow.write(tx)


def _problems(world: World) -> tuple[str, ...]:
    return verifying.verify(world.uow).problems


def test_item_level_reservation_is_not_free_for_others(world: World) -> None:
    _stock(world, 10)
    holder = _hold_item_level(world, 4_000)
    assert stock_row(world.uow, TENT, "A") == {
        "on_hand": 10_000,
        "reserved": 4_000,
        "in_transit_in": 0,
    }
    # FEFO planning already knows: the refusal names the 6 that are free, before any write.
    error = refused(
        world.uow,
        InsufficientStock,
        issues.issue,
        world.uow,
        world.admin,
        depot="A",
        request_id=rid(),
        lines=[OutLine(TENT, D(7))],
    )
    assert error.params["available"] == D(6)
    issues.issue(world.uow, world.admin, depot="A", request_id=rid(), lines=[OutLine(TENT, D(6))])
    assert _problems(world) == ()
    assert_ledger_sound(world.uow)
    # Released, the 4 are free again.
    world.uow.write(lambda conn: reservations.release_all(conn, holder))
    issues.issue(world.uow, world.admin, depot="A", request_id=rid(), lines=[OutLine(TENT, D(4))])
    assert stock_row(world.uow, TENT, "A")["reserved"] == 0
    assert _problems(world) == ()


def test_a_holder_ships_against_its_own_item_level_reservation(world: World) -> None:
    _stock(world, 10)
    holder = _hold_item_level(world, 4_000)

    def ship(conn: Connection) -> None:
        (held,) = reservations.open_reservations(conn, holder)
        dep = held.depot
        # Its own reservation is not held against it; others' would be.
        moves = stock_moves.plan_withdrawals(
            conn,
            dep,
            [OutLine(TENT, D(3))],
            date.today(),
            MovementKind.ISSUE,
            held={held.item.id: 0},
        )
        delta = reservations.consume(conn, held, 3_000)
        stock_moves.apply(conn, world.keeper_a, holder, date.today(), moves, extra=[delta])

    world.uow.write(ship)
    assert stock_row(world.uow, TENT, "A")["on_hand"] == 7_000
    assert stock_row(world.uow, TENT, "A")["reserved"] == 1_000
    (left,) = world.uow.read(lambda conn: reservations.open_reservations(conn, holder))
    assert (left.quantity, left.consumed, left.released, left.open) == (4_000, 3_000, 0, 1_000)
    assert _problems(world) == ()
    assert_ledger_sound(world.uow)


def test_reserving_more_than_is_free_is_refused(world: World) -> None:
    _stock(world, 10)
    _hold_item_level(world, 8_000)
    with pytest.raises(InsufficientStock):
        _hold_item_level(world, 3_000)
    assert stock_row(world.uow, TENT, "A")["reserved"] == 8_000


@pytest.mark.parametrize(
    "tamper",
    [
        "UPDATE stock_balances SET reserved = reserved + 1",
        "UPDATE reservations SET released = released + 1",
        "DELETE FROM reservations",
        "UPDATE documents SET state = 'REJECTED' WHERE doc_type = 'SCRAP'",
    ],
)
def test_verify_explains_every_reserved_unit(world: World, tamper: str) -> None:
    _stock(world, 10)
    _hold_item_level(world, 4_000)
    assert _problems(world) == ()
    world.uow.write(lambda conn: conn.execute(text(tamper)))
    assert _problems(world)


def test_verify_finds_lot_reservations_without_an_owner(world: World) -> None:
    _stock(world, 10)
    world.uow.write(lambda conn: conn.execute(text("UPDATE lot_balances SET reserved = 1000")))
    world.uow.write(lambda conn: conn.execute(text("UPDATE stock_balances SET reserved = 1000")))
    problems = _problems(world)
    assert any("open reservations 0" in p for p in problems), problems


def test_a_stale_transition_is_refused(world: World) -> None:
    _stock(world, 10)
    sent = transfers.transfer_send(
        world.uow,
        world.keeper_a,
        from_depot="A",
        to_depot="B",
        request_id=rid(),
        lines=[OutLine(TENT, D(2))],
    )
    stale = world.uow.read(lambda conn: documents.load(conn, sent.doc_no))
    world.uow.write(lambda conn: documents.transition(conn, world.admin, stale, DocState.RECEIVED))
    with pytest.raises(InvalidState) as excinfo:  # someone else moved it meanwhile
        world.uow.write(
            lambda conn: documents.transition(conn, world.admin, stale, DocState.REVERSED)
        )
    assert excinfo.value.params["state"] == DocState.RECEIVED
    events = world.uow.read(
        lambda conn: (
            conn.execute(
                select(t.document_events.c.to_state)
                .where(t.document_events.c.document_id == stale.id)
                .order_by(t.document_events.c.id)
            )
            .scalars()
            .all()
        )
    )
    assert events == ["IN_TRANSIT", "RECEIVED"]


def test_a_reversal_is_linked_to_its_original(world: World) -> None:
    _stock(world, 10)
    issued = issues.issue(
        world.uow, world.admin, depot="A", request_id=rid(), lines=[OutLine(TENT, D(2))]
    )
    rev = reversals.reverse(
        world.uow, world.admin, doc_no=issued.doc_no, reason="录错", request_id=rid()
    )
    links = world.uow.read(lambda conn: conn.execute(select(t.document_links)).all())
    assert [(r.parent_id, r.child_id, r.role) for r in links] == [
        (issued.document_id, rev.document_id, LinkRole.REVERSAL.value)
    ]
    assert _problems(world) == ()
    world.uow.write(lambda conn: conn.execute(text("DELETE FROM document_links")))
    assert any("without its link" in p for p in _problems(world))
