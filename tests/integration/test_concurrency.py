"""Many processes issuing from one lot at once never oversell, lose or half-write anything."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from inventory_app.persistence import tables as t
from tests.factories import World
from tests.integration.helpers import assert_ledger_sound, lot_on_hand, receive, stock_row
from tests.integration.procs import run_parallel
from tests.integration.workers import issue_from_lot

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("fast_passwords")]

WORKERS = 8
ROUNDS = 3
STOCK = 100
EACH = 15


def test_concurrent_issues_from_one_lot(db_world: World, db_url: str) -> None:
    world = db_world
    _, lot = receive(world.uow, world.admin, "A", "050101", STOCK)
    results = run_parallel(
        issue_from_lot,
        [(db_url, world.admin, i, lot, "050101", str(EACH), ROUNDS) for i in range(WORKERS)],
    )

    outcomes = [o for i in sorted(results) for o in results[i]]
    assert len(outcomes) == WORKERS * ROUNDS
    errors = [o for o in outcomes if o[0] == "error"]
    assert not errors, errors[0][2]
    refusals = [o for o in outcomes if o[0] == "refused"]
    assert {o[1] for o in refusals} <= {"InsufficientStock"}, refusals
    assert all(o[2]["available"] < EACH for o in refusals), refusals
    successes = [o[1] for o in outcomes if o[0] == "ok"]
    # Serialised, the first STOCK // EACH attempts fit and every later one finds too little.
    assert len(successes) == STOCK // EACH
    shipped = EACH * len(successes)
    assert shipped <= STOCK
    assert lot_on_hand(world.uow, lot) == (STOCK - shipped) * 1000
    assert stock_row(world.uow, "050101", "A")["on_hand"] == (STOCK - shipped) * 1000

    # Every success is in the ledger, exactly as reported; nothing else was written.
    reported = {m for r in successes for m in r.movement_ids}
    assert len(reported) == len(successes)

    def tx(conn):  # type: ignore[no-untyped-def]
        moves = list(conn.execute(select(t.movements).where(t.movements.c.kind == "ISSUE")))
        docs = list(
            conn.execute(
                select(t.documents.c.id, t.documents.c.seq).where(t.documents.c.doc_type == "ISSUE")
            )
        )
        requests = conn.execute(select(func.count()).select_from(t.requests)).scalar_one()
        return moves, docs, requests

    moves, docs, requests = world.uow.read(tx)
    assert {m.id for m in moves} == reported
    assert all((m.lot_id, m.delta) == (lot, -EACH * 1000) for m in moves)
    assert (
        {m.document_id for m in moves} == {r.document_id for r in successes} == {d.id for d in docs}
    )
    assert sorted(d.seq for d in docs) == list(range(1, len(successes) + 1))  # no gaps
    assert requests == 1 + len(successes)  # the receipt, and the successful issues only
    assert len({r.doc_no for r in successes}) == len(successes)
    assert sum(Decimal(-m.delta) for m in moves) == shipped * 1000
    assert_ledger_sound(world.uow)
