"""Request ids: a replay returns the first result and writes nothing, even from two processes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from inventory_app.domain.errors import InsufficientStock, InvalidInput, RequestIdReused
from inventory_app.domain.model import AdjustLine, OutLine, ReceiptLine
from inventory_app.persistence import tables as t
from inventory_app.services import adjustments, issues, receipts, reversals, transfers
from tests.factories import World
from tests.integration.helpers import assert_ledger_sound, dump, receive, refused, rid
from tests.integration.procs import run_parallel
from tests.integration.workers import post_same_request

pytestmark = pytest.mark.usefixtures("fast_passwords")
D = Decimal


def _replays(world: World, call, **kwargs):  # type: ignore[no-untyped-def]
    """Post once, then again with the same request id: same result, nothing more written."""
    first = call(world.uow, world.admin, **kwargs)
    assert not first.replayed
    before = dump(world.uow)
    again = call(world.uow, world.admin, **kwargs)
    assert dump(world.uow) == before
    assert again.replayed
    assert (again.document_id, again.doc_no, again.movement_ids) == (
        first.document_id,
        first.doc_no,
        first.movement_ids,
    )
    return first


def test_every_posting_kind_replays(world: World) -> None:
    lines = [ReceiptLine("050101", D(10), batch_no="T1"), ReceiptLine("140201", D("2.5"))]
    received = _replays(world, receipts.receive, depot="A", lines=lines, request_id="r-1")
    lot = int(
        world.uow.read(
            lambda c: (
                c.execute(
                    select(t.lots.c.id)
                    .where(t.lots.c.document_id == received.document_id)
                    .order_by(t.lots.c.id)
                )
                .scalars()
                .first()
            )
        )
    )
    issued = _replays(
        world, issues.issue, depot="A", lines=[OutLine("050101", D(2))], request_id="r-2"
    )
    sent = _replays(
        world,
        transfers.transfer_send,
        from_depot="A",
        to_depot="B",
        lines=[OutLine("050101", D(3))],
        request_id="r-3",
    )
    got = _replays(world, transfers.transfer_receive, doc_no=sent.doc_no, request_id="r-4")
    assert got.state == "RECEIVED"
    _replays(
        world,
        adjustments.adjust,
        depot="A",
        lines=[AdjustLine(lot, D(1))],
        reason="盘盈",
        request_id="r-5",
    )
    rev = _replays(world, reversals.reverse, doc_no=issued.doc_no, reason="错", request_id="r-6")
    # A replayed reversal does not fail as "already reversed": it returns the first reversal.
    assert rev.doc_no.startswith("CX-A-")
    assert_ledger_sound(world.uow)


def test_replay_after_later_changes_returns_the_original(world: World) -> None:
    receive(world.uow, world.admin, "A", "050101", 5)
    request = {"depot": "A", "lines": [OutLine("050101", D(5))], "request_id": "issue-once"}
    issued = issues.issue(world.uow, world.admin, **request)
    receive(world.uow, world.admin, "A", "050101", 5)
    again = issues.issue(world.uow, world.admin, **request)
    assert again.replayed and again.document_id == issued.document_id
    assert (
        int(world.uow.read(lambda c: c.execute(select(t.stock_balances.c.on_hand)).scalar()))
        == 5_000
    )  # shipped once, not twice


@pytest.mark.parametrize(
    "changed",
    [
        {"lines": [ReceiptLine("050101", D(11))]},
        {"lines": [ReceiptLine("050101", D(10), batch_no="other")]},
        {"depot": "B"},
        {"supplier": "另一家"},
        {"doc_date": date(2020, 1, 1)},
    ],
)
def test_same_request_id_with_different_content_is_refused(world: World, changed: dict) -> None:
    request = {"depot": "A", "lines": [ReceiptLine("050101", D(10))], "request_id": "same-id"}
    receipts.receive(world.uow, world.admin, **request)
    error = refused(
        world.uow,
        RequestIdReused,
        receipts.receive,
        world.uow,
        world.admin,
        **{**request, **changed},
    )
    assert error.params == {"request_id": "same-id"}


def test_same_request_id_for_another_action_is_refused(world: World) -> None:
    receipts.receive(
        world.uow, world.admin, depot="A", request_id="shared", lines=[ReceiptLine("050101", D(10))]
    )
    refused(
        world.uow,
        RequestIdReused,
        issues.issue,
        world.uow,
        world.admin,
        depot="A",
        request_id="shared",
        lines=[OutLine("050101", D(1))],
    )


def test_a_refused_request_can_be_retried_with_its_id(world: World) -> None:
    request = {"depot": "A", "lines": [OutLine("050101", D(4))], "request_id": "retry-me"}
    refused(world.uow, InsufficientStock, issues.issue, world.uow, world.admin, **request)
    receive(world.uow, world.admin, "A", "050101", 4)
    result = issues.issue(world.uow, world.admin, **request)
    assert not result.replayed


@pytest.mark.parametrize("request_id", ["", "   ", "x" * 81])
def test_request_id_must_be_present_and_short(world: World, request_id: str) -> None:
    refused(
        world.uow,
        InvalidInput,
        receipts.receive,
        world.uow,
        world.admin,
        depot="A",
        request_id=request_id,
        lines=[ReceiptLine("050101", D(1))],
    )


def test_request_ids_are_trimmed(world: World) -> None:
    lines = [ReceiptLine("050101", D(1))]
    first = receipts.receive(world.uow, world.admin, depot="A", request_id="abc", lines=lines)
    again = receipts.receive(world.uow, world.admin, depot="A", request_id=" abc ", lines=lines)
    assert again.replayed and again.document_id == first.document_id


@pytest.mark.slow
def test_two_processes_posting_the_same_request_make_one_document(
    db_world: World, db_url: str
) -> None:
    world = db_world
    request_ids = [f"twin-{k}-{rid()[:8]}" for k in range(4)]
    results = run_parallel(
        post_same_request, [(db_url, world.keeper_a, i, request_ids) for i in range(2)]
    )
    for k, request_id in enumerate(request_ids):
        pair = [results[0][k], results[1][k]]
        assert all(o[0] == "ok" for o in pair), pair
        one, two = (o[1] for o in pair)
        assert (one.document_id, one.doc_no, one.movement_ids) == (
            two.document_id,
            two.doc_no,
            two.movement_ids,
        ), request_id
        assert sorted([one.replayed, two.replayed]) == [False, True]

    def tx(conn):  # type: ignore[no-untyped-def]
        docs = list(
            conn.execute(
                select(t.documents.c.id, t.documents.c.seq).where(
                    t.documents.c.doc_type == "RECEIPT"
                )
            )
        )
        moves = list(conn.execute(select(t.movements.c.document_id)))
        return docs, moves

    docs, moves = world.uow.read(tx)
    assert len(docs) == len(request_ids)
    assert sorted(d.seq for d in docs) == list(range(1, len(request_ids) + 1))
    assert len(moves) == 2 * len(request_ids)
    assert_ledger_sound(world.uow)
