"""The snapshot under concurrent work, on SQLite and PostgreSQL: what happens to counted
lots between opening and approval stays booked, and only the variance is adjusted."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from inventory_app.domain.errors import InsufficientStock
from inventory_app.domain.model import OutLine
from inventory_app.services import count_workbook, counts, issues, reversals, transfers
from inventory_app.services.counts import CountEntry
from inventory_app.services.verify import verify
from tests.factories import World
from tests.integration.count_support import COUNT_TABLES, open_count, stock
from tests.integration.helpers import dump, lot_on_hand, rid
from tests.integration.workbook_support import edit, fill


def _approve(world: World, auditor: object, doc_no: str, *entries: CountEntry) -> None:
    counts.enter_counts(world.uow, world.keeper_a, doc_no=doc_no, entries=entries, request_id=rid())
    counts.submit_count(world.uow, world.keeper_a, doc_no=doc_no, request_id=rid())
    counts.approve_count(world.uow, auditor, doc_no=doc_no, request_id=rid())  # type: ignore[arg-type]


def test_issue_reversal_and_transfer_after_the_snapshot(db_world: World, tmp_path: Path) -> None:
    world = db_world
    s = stock(world)
    doc_no = open_count(world, category="05")  # tents (line 1: 10) and quilts (line 2: 40)
    out = tmp_path / "count.xlsx"
    count_workbook.export_workbook(world.uow, world.keeper_a, doc_no, out)
    # Work goes on: 3 tents issued, the issue reversed (+3 back), then 4 sent to depot B;
    # 5 quilts issued.
    issued = issues.issue(
        world.uow,
        world.admin,
        depot="A",
        lines=[OutLine("050101", Decimal(3), s.tents)],
        request_id=rid(),
        receiver="x",
    )
    reversals.reverse(
        world.uow, world.keeper_a, doc_no=issued.doc_no, reason="录错", request_id=rid()
    )
    transfers.transfer_send(
        world.uow,
        world.keeper_a,
        from_depot="A",
        to_depot="B",
        lines=[OutLine("050101", Decimal(4), s.tents)],
        request_id=rid(),
    )
    issues.issue(
        world.uow,
        world.admin,
        depot="A",
        lines=[OutLine("050104", Decimal(5), s.quilts)],
        request_id=rid(),
        receiver="x",
    )
    # The shelf at the snapshot held 9 tents and 40 quilts.
    filled = edit(out, tmp_path / "filled.xlsx", lambda sheet, _m: fill(sheet, {1: (9, "盗失")}))
    count_workbook.import_workbook(world.uow, world.keeper_a, filled, request_id=rid())
    counts.approve_count(world.uow, s.auditor, doc_no=doc_no, request_id=rid())
    assert lot_on_hand(world.uow, s.tents) == (10 - 4 - 1) * 1000
    assert lot_on_hand(world.uow, s.quilts) == (40 - 5) * 1000
    assert verify(world.uow, world.admin).ok


def test_a_variance_larger_than_what_is_left_is_refused_whole(db_world: World) -> None:
    world = db_world
    s = stock(world)
    doc_no = open_count(world, category="05")
    issues.issue(
        world.uow,
        world.admin,
        depot="A",
        lines=[OutLine("050101", Decimal(9), s.tents)],
        request_id=rid(),
        receiver="x",
    )
    counts.enter_counts(
        world.uow,
        world.keeper_a,
        doc_no=doc_no,
        entries=[CountEntry(1, 7, "theft"), CountEntry(2, 41, "booking")],
        request_id=rid(),
    )
    counts.submit_count(world.uow, world.keeper_a, doc_no=doc_no, request_id=rid())
    before = dump(world.uow, COUNT_TABLES)
    with pytest.raises(InsufficientStock):  # 10 − 9 issued = 1 left; the count says −3
        counts.approve_count(world.uow, s.auditor, doc_no=doc_no, request_id=rid())
    assert dump(world.uow, COUNT_TABLES) == before
    assert verify(world.uow, world.admin).ok
