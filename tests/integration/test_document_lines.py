"""document_lines: both ends of a document the actor may see, and nothing else."""

from __future__ import annotations

from decimal import Decimal

import pytest

from inventory_app.domain.errors import NotFound
from inventory_app.domain.model import OutLine, ReceiptLine
from inventory_app.services import issues, receipts, reversals, transfers
from inventory_app.services.document_lines import (
    document_lines,
    document_of_movement,
    linked_documents,
)
from tests.factories import World
from tests.integration.helpers import rid


def _stock(world: World) -> None:
    receipts.receive(
        world.uow,
        world.admin,
        depot="A",
        request_id=rid(),
        lines=[ReceiptLine("050101", Decimal(10))],
    )


def test_the_receiving_keeper_sees_the_send_side_of_a_transfer(world: World) -> None:
    _stock(world)
    sent = transfers.transfer_send(
        world.uow,
        world.admin,
        from_depot="A",
        to_depot="B",
        lines=[OutLine("050101", Decimal(4))],
        request_id=rid(),
    )
    header, rows = document_lines(world.uow, world.keeper_b, sent.doc_no)
    assert header.doc_no == sent.doc_no and header.other_depot_code == "B"
    assert [(r.kind, r.depot_code, r.delta) for r in rows] == [("TRANSFER_OUT", "A", Decimal(-4))]
    assert document_of_movement(world.uow, world.keeper_b, sent.movement_ids[0]) == sent.doc_no


def test_documents_of_other_depots_stay_hidden(world: World) -> None:
    _stock(world)
    issued = issues.issue(
        world.uow,
        world.admin,
        depot="A",
        request_id=rid(),
        receiver="x",
        lines=[OutLine("050101", Decimal(3))],
    )
    with pytest.raises(NotFound):
        document_lines(world.uow, world.keeper_b, issued.doc_no)
    with pytest.raises(NotFound):
        document_of_movement(world.uow, world.keeper_b, issued.movement_ids[0])
    with pytest.raises(NotFound):
        document_of_movement(world.uow, world.keeper_a, 999_999)
    header, rows = document_lines(world.uow, world.keeper_a, issued.doc_no)
    assert header.doc_type == "ISSUE" and [r.delta for r in rows] == [Decimal(-3)]


def test_a_reversed_movement_carries_its_reversal(world: World) -> None:
    _stock(world)
    issued = issues.issue(
        world.uow,
        world.admin,
        depot="A",
        request_id=rid(),
        receiver="x",
        lines=[OutLine("050101", Decimal(3))],
    )
    reversals.reverse(world.uow, world.admin, reason="错", request_id=rid(), doc_no=issued.doc_no)
    _header, rows = document_lines(world.uow, world.keeper_a, issued.doc_no)
    assert rows[0].reversed_by_movement_id is not None


def test_linked_documents_both_ways_and_only_what_the_actor_sees(world: World) -> None:
    _stock(world)
    issued = issues.issue(
        world.uow,
        world.admin,
        depot="A",
        request_id=rid(),
        lines=[OutLine("050101", Decimal(1)), OutLine("050101", Decimal(2))],
    )
    first = reversals.reverse(
        world.uow,
        world.keeper_a,
        movement_id=issued.movement_ids[0],
        reason="录错",
        request_id=rid(),
    )
    second = reversals.reverse(
        world.uow,
        world.keeper_a,
        movement_id=issued.movement_ids[1],
        reason="录错",
        request_id=rid(),
    )
    links = linked_documents(world.uow, world.keeper_a, issued.doc_no)
    assert [(r.role, r.is_parent, r.doc_no, r.state) for r in links] == [
        ("reversal", False, first.doc_no, "POSTED"),
        ("reversal", False, second.doc_no, "POSTED"),
    ]
    back = linked_documents(world.uow, world.keeper_a, second.doc_no)
    assert [(r.role, r.is_parent, r.doc_no, r.state) for r in back] == [
        ("reversal", True, issued.doc_no, "REVERSED")
    ]
    with pytest.raises(NotFound):  # depot B's keeper sees neither end
        linked_documents(world.uow, world.keeper_b, issued.doc_no)
