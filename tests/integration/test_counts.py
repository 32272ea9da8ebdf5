"""Stocktakes: snapshot, counts, approval by another user posting linked adjustments."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from inventory_app.domain.documents import LinkRole
from inventory_app.domain.errors import (
    EmptyDocument,
    InvalidQuantity,
    InvalidState,
    PermissionDenied,
    SelfApproval,
    UncountedLines,
    VarianceReasonRequired,
)
from inventory_app.domain.model import DocState, OutLine
from inventory_app.persistence import tables as t
from inventory_app.services import count_queries, counts, issues
from inventory_app.services.counts import CountEntry, FoundLine
from inventory_app.services.verify import verify
from tests.factories import World
from tests.integration.count_support import COUNT_TABLES, open_count, stock
from tests.integration.helpers import document, dump, lot_on_hand, receive, refused, rid


def _enter(world: World, doc_no: str, *entries: CountEntry, found: tuple = ()) -> None:
    counts.enter_counts(
        world.uow, world.keeper_a, doc_no=doc_no, entries=entries, found=found, request_id=rid()
    )


def _adjustment_movements(world: World, count_no: str) -> list[tuple[int, int]]:
    def tx(conn):  # type: ignore[no-untyped-def]
        link = t.document_links.c
        count_id = conn.execute(
            select(t.documents.c.id).where(t.documents.c.doc_no == count_no)
        ).scalar_one()
        children = list(
            conn.execute(
                select(link.child_id).where(
                    link.parent_id == count_id, link.role == LinkRole.COUNT_ADJUSTMENT.value
                )
            ).scalars()
        )
        rows = conn.execute(
            select(t.movements.c.lot_id, t.movements.c.delta, t.movements.c.kind)
            .where(t.movements.c.document_id.in_(children))
            .order_by(t.movements.c.id)
        ).all()
        assert all(r.kind == "ADJUST" for r in rows)
        return [(int(r.lot_id), int(r.delta)) for r in rows]

    return world.uow.read(tx)


def test_open_freezes_book_quantities_in_location_order(world: World) -> None:
    s = stock(world)
    doc_no = open_count(world)
    assert doc_no.startswith("PD-A-")
    detail = count_queries.count_detail(world.uow, world.keeper_a, doc_no)
    assert detail.state == DocState.COUNTING
    assert [(line.lot_id, line.book) for line in detail.lines] == [
        (s.flour, Decimal("2.500")),  # no location sorts first
        (s.tents, Decimal(10)),
        (s.quilts, Decimal(40)),
    ]
    assert all(line.counted is None for line in detail.lines)


def test_scope_by_category_and_location(world: World) -> None:
    s = stock(world)
    by_category = count_queries.count_detail(
        world.uow, world.keeper_a, open_count(world, category="14")
    )
    assert [line.lot_id for line in by_category.lines] == [s.flour]
    by_location = count_queries.count_detail(
        world.uow, world.keeper_a, open_count(world, locations=["A-01"])
    )
    assert {line.lot_id for line in by_location.lines} == {s.tents, s.quilts}
    assert by_location.scope == "库位 A-01"


def test_a_depot_without_stock_cannot_be_counted(world: World) -> None:
    stock(world)
    refused(world.uow, EmptyDocument, open_count, world, world.keeper_b, depot="B")


def test_full_flow_posts_variances_linked_and_verify_passes(world: World) -> None:
    s = stock(world)
    doc_no = open_count(world)
    _enter(
        world,
        doc_no,
        CountEntry(1, "2.4", "measurement"),
        CountEntry(2, 9, "damage", "一顶破损"),
        CountEntry(3, "40"),
        found=(FoundLine("050101", "2", "X-9", "A-01", "other", "角落发现"),),
    )
    counts.submit_count(world.uow, world.keeper_a, doc_no=doc_no, request_id=rid())
    # The counter cannot approve their own count, nor a keeper at all.
    refused(
        world.uow,
        SelfApproval,
        counts.approve_count,
        world.uow,
        world.admin.__class__(world.keeper_a.user_id, "ka", world.approver.role),
        doc_no=doc_no,
        request_id=rid(),
    )
    refused(
        world.uow,
        PermissionDenied,
        counts.approve_count,
        world.uow,
        world.keeper_b,
        doc_no=doc_no,
        request_id=rid(),
    )
    counts.approve_count(world.uow, s.auditor, doc_no=doc_no, request_id=rid())
    assert document(world.uow, doc_no).state == DocState.POSTED
    moves = _adjustment_movements(world, doc_no)
    assert moves[:2] == [(s.flour, -100), (s.tents, -1000)]
    found_lot, found_delta = moves[2]
    assert found_delta == 2000
    assert lot_on_hand(world.uow, found_lot) == 2000
    assert lot_on_hand(world.uow, s.tents) == 9000
    detail = count_queries.count_detail(world.uow, world.keeper_a, doc_no)
    assert detail.adjustment_no.startswith("TZ-A-")
    assert detail.variance_fen == -360_00 - 1650_00 + 2 * 1650_00
    assert verify(world.uow, world.admin).ok


def test_movements_after_the_snapshot_are_kept_not_double_counted(world: World) -> None:
    s = stock(world)
    doc_no = open_count(world, category="05")
    # After the snapshot: 3 tents leave, 5 more quilts arrive in the same lot? A new receipt
    # makes a new lot; an issue of the counted lot changes its balance.
    issues.issue(
        world.uow,
        world.admin,
        depot="A",
        lines=[OutLine("050101", Decimal(3), s.tents)],
        request_id=rid(),
        receiver="test",
    )
    detail = count_queries.count_detail(world.uow, world.keeper_a, doc_no)
    assert detail.lines[0].since_snapshot == Decimal(-3)
    # The shelf held 10 at the snapshot, the counter found 9: one is missing.
    _enter(world, doc_no, CountEntry(1, 9, "theft"), CountEntry(2, 40))
    counts.submit_count(world.uow, world.keeper_a, doc_no=doc_no, request_id=rid())
    counts.approve_count(world.uow, s.auditor, doc_no=doc_no, request_id=rid())
    assert lot_on_hand(world.uow, s.tents) == (10 - 3 - 1) * 1000
    assert _adjustment_movements(world, doc_no) == [(s.tents, -1000)]
    assert verify(world.uow, world.admin).ok


def test_receipt_into_a_new_lot_after_the_snapshot_is_not_in_the_count(world: World) -> None:
    s = stock(world)
    doc_no = open_count(world, category="05")
    _, late = receive(world.uow, world.keeper_a, "A", "050101", 5, batch="T-2")
    _enter(world, doc_no, CountEntry(1, 10), CountEntry(2, 40))
    counts.submit_count(world.uow, world.keeper_a, doc_no=doc_no, request_id=rid())
    counts.approve_count(world.uow, s.auditor, doc_no=doc_no, request_id=rid())
    assert _adjustment_movements(world, doc_no) == []
    assert lot_on_hand(world.uow, late) == 5000
    assert count_queries.count_detail(world.uow, world.keeper_a, doc_no).adjustment_no == ""


def test_submit_needs_every_line_and_approval_needs_reasons(world: World) -> None:
    s = stock(world)
    doc_no = open_count(world)
    _enter(world, doc_no, CountEntry(1, "2.5"))
    error = refused(
        world.uow,
        UncountedLines,
        counts.submit_count,
        world.uow,
        world.keeper_a,
        doc_no=doc_no,
        request_id=rid(),
    )
    assert error.params["count"] == 2
    _enter(world, doc_no, CountEntry(2, 8), CountEntry(3, 40))
    counts.submit_count(world.uow, world.keeper_a, doc_no=doc_no, request_id=rid())
    refused(
        world.uow,
        VarianceReasonRequired,
        counts.approve_count,
        world.uow,
        s.auditor,
        doc_no=doc_no,
        request_id=rid(),
    )
    refused(world.uow, InvalidState, _enter, world, doc_no, CountEntry(2, 8, "damage"))


def test_the_supervisor_who_opened_may_approve_what_keepers_counted(world: World) -> None:
    s = stock(world)
    doc_no = open_count(world, s.auditor, category="14")
    _enter(world, doc_no, CountEntry(1, "2.5"))
    counts.submit_count(world.uow, world.keeper_a, doc_no=doc_no, request_id=rid())
    counts.approve_count(world.uow, s.auditor, doc_no=doc_no, request_id=rid())
    assert document(world.uow, doc_no).state == DocState.POSTED


def test_recount_sends_lines_back_and_is_in_the_history(world: World) -> None:
    s = stock(world)
    doc_no = open_count(world)
    _enter(world, doc_no, CountEntry(1, "2.5"), CountEntry(2, 7, "other"), CountEntry(3, 40))
    counts.submit_count(world.uow, world.keeper_a, doc_no=doc_no, request_id=rid())
    counts.recount(world.uow, s.auditor, doc_no=doc_no, line_nos=[2], request_id=rid())
    detail = count_queries.count_detail(world.uow, world.keeper_a, doc_no)
    assert detail.state == DocState.COUNTING
    assert detail.lines[1].counted is None and detail.lines[1].recounts == 1
    _enter(world, doc_no, CountEntry(2, 10))
    counts.submit_count(world.uow, world.keeper_a, doc_no=doc_no, request_id=rid())
    counts.approve_count(world.uow, s.auditor, doc_no=doc_no, request_id=rid())
    assert _adjustment_movements(world, doc_no) == []
    history = count_queries.count_history(world.uow, world.keeper_a, doc_no)
    assert [e.to_state for e in history] == [
        "COUNTING",
        "COUNTING",
        "ENTERED",
        "COUNTING",
        "COUNTING",
        "ENTERED",
        "POSTED",
    ]
    assert "复盘第 2 行" in history[3].note


@pytest.mark.parametrize("spelling", ["1e3", "1_000", "+5", "-1", "1,5", "0x10", "", "五", "2.5.1"])
def test_counted_quantities_are_plain_decimals(world: World, spelling: str) -> None:
    stock(world)
    doc_no = open_count(world)
    before = dump(world.uow, COUNT_TABLES)
    with pytest.raises(InvalidQuantity):
        _enter(world, doc_no, CountEntry(2, spelling))
    assert dump(world.uow, COUNT_TABLES) == before


def test_too_many_decimals_refused_and_cancel_moves_nothing(world: World) -> None:
    stock(world)
    doc_no = open_count(world)
    with pytest.raises(InvalidQuantity):
        _enter(world, doc_no, CountEntry(2, "9.5"))
    before = dump(world.uow)
    counts.cancel_count(world.uow, world.keeper_a, doc_no=doc_no, request_id=rid())
    after = dump(world.uow)
    assert after["movements"] == before["movements"]
    assert document(world.uow, doc_no).state == DocState.CANCELLED
