"""A posting process killed (SIGKILL) mid-transaction leaves all of the document or none."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from inventory_app.persistence import tables as t
from inventory_app.persistence.engine import sqlite_url
from inventory_app.persistence.uow import UnitOfWork
from inventory_app.services.database import open_database
from tests.factories import World
from tests.integration.helpers import assert_ledger_sound, receive

pytestmark = [
    pytest.mark.slow,
    pytest.mark.usefixtures("fast_passwords"),
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL"),
]

LINES = 2000
ROOT = Path(__file__).resolve().parents[2]

# The child posts a LINES-line receipt. An engine hook watches the statements; when the one
# named by "at" is about to run (a prefix such as "INSERT INTO movements"), the child writes
# the flag file and sleeps "pause" seconds: killed during that sleep, it dies mid-transaction.
CHILD = r"""
import json, sys, time
from decimal import Decimal
from sqlalchemy import event
from inventory_app.domain.model import ReceiptLine
from inventory_app.domain.permissions import Actor
from inventory_app.domain.model import Role
from inventory_app.services import receipts
from inventory_app.services.database import open_database

args = json.loads(sys.argv[1])
uow = open_database(args["url"])
seen = []

@event.listens_for(uow.engine, "before_cursor_execute")
def _hook(conn, cursor, statement, parameters, context, executemany):
    head = " ".join(statement.split())[:40].upper()
    seen.append(head)
    if head.startswith(args["at"].upper()) and not any(
            h.startswith(args["at"].upper()) for h in seen[:-1]):
        with open(args["flag"], "w") as f:
            f.write(head)
        time.sleep(args["pause"])

actor = Actor(args["user_id"], "ka", Role.KEEPER, frozenset(args["depots"]))
receipts.receive(uow, actor, depot="A", request_id=args["request_id"], lines=[
    ReceiptLine("050101", Decimal(1 + i % 5), batch_no=f"L{i}") for i in range(args["lines"])])
with open(args["flag"] + ".done", "w") as f:
    f.write("\n".join(seen))
"""


def _wait_for(paths: list[Path], proc: subprocess.Popen, timeout: float = 120) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for path in paths:
            if path.exists():
                return path
        if proc.poll() is not None:
            raise AssertionError(
                f"child ended early ({proc.returncode}): "
                f"{proc.stderr.read() if proc.stderr else ''}"
            )
        time.sleep(0.005)
    raise AssertionError("child never reached the kill point")


def _state(uow: UnitOfWork, request_id: str) -> tuple[int, int, int, int]:
    """(documents, lots, movements, request rows) that belong to the child's receipt."""

    def tx(conn):  # type: ignore[no-untyped-def]
        doc_ids = list(
            conn.execute(
                select(t.documents.c.id).where(
                    t.documents.c.doc_type == "RECEIPT", t.documents.c.id > 1
                )
            ).scalars()
        )
        lots = conn.execute(
            select(func.count()).select_from(t.lots).where(t.lots.c.document_id.in_(doc_ids))
        ).scalar_one()
        moves = conn.execute(
            select(func.count())
            .select_from(t.movements)
            .where(t.movements.c.document_id.in_(doc_ids))
        ).scalar_one()
        reqs = conn.execute(
            select(func.count())
            .select_from(t.requests)
            .where(t.requests.c.request_id == request_id)
        ).scalar_one()
        return len(doc_ids), lots, moves, reqs

    return uow.read(tx)


def _run_child(
    url: str, world: World, tmp: Path, run: int, at: str, pause: float, kill_delay: float
) -> str:
    """Start the child, kill it at its kill point (or right after it committed), say which."""
    flag = tmp / f"flag-{run}"
    args = {
        "url": url,
        "flag": str(flag),
        "at": at,
        "pause": pause,
        "lines": LINES,
        "request_id": f"crash-{run}",
        "user_id": world.keeper_a.user_id,
        "depots": sorted(world.keeper_a.depot_ids),
    }
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, json.dumps(args)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        reached = _wait_for([flag, Path(f"{flag}.done")], proc)
        time.sleep(kill_delay)  # lets the child run on a little (random) before the kill
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()
    return "done" if reached.name.endswith(".done") else "flag"


def test_killed_posting_is_all_or_nothing(tmp_path: Path, fast_passwords: None) -> None:
    from tests.factories import build_world

    url = sqlite_url(tmp_path / "crash.sqlite3")
    uow = open_database(url, create=True)
    world = build_world(uow)
    committed, lot = receive(uow, world.admin, "A", "050101", 9)  # document 1, must survive
    uow.engine.dispose()
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    # Every write of a receipt, in order: the child is killed just before one of them.
    writes = [
        "INSERT INTO requests",
        "UPDATE doc_counters",
        "INSERT INTO documents",
        "INSERT INTO document_events",
        "INSERT INTO lots",
        "INSERT INTO lot_balances",
        "UPDATE stock_balances",
        "INSERT INTO movements",
        "UPDATE requests",
    ]
    # (kill point, pause in the hook, delay before the kill):
    runs: list[tuple[str, float, float]] = [
        ("INSERT INTO movements", 60.0, rng.uniform(0, 0.05)),  # lots and balances, no ledger
        *[(at, 60.0, rng.uniform(0, 0.05)) for at in rng.sample(writes, 2)],
        # Free-running after the first write: killed wherever it happens to be.
        *[("INSERT INTO requests", 0.0, rng.uniform(0, 0.25)) for _ in range(3)],
        ("never", 0.0, 0.0),  # killed just after its commit: the whole document must be there
    ]
    survived = 0
    for run, (at, pause, delay) in enumerate(runs):
        outcome = _run_child(url, world, tmp_path, run, at, pause, delay)
        note = f"run {run}: at={at} pause={pause} delay={delay:.3f} outcome={outcome}"
        reopened = open_database(url)  # opens (and recovers) without complaint
        try:
            assert (
                reopened.read(lambda c: c.execute(text("PRAGMA integrity_check")).scalar()) == "ok"
            ), note
            docs, lots, moves, reqs = _state(reopened, f"crash-{run}")
            new = docs - survived
            print(note, "-> committed" if new else "-> rolled back")
            assert new in (0, 1), note
            if pause >= 1:  # killed while sleeping inside the transaction: nothing committed
                assert (outcome, new) == ("flag", 0), note
            if outcome == "done":  # killed after the commit returned: all of it is there
                assert new == 1, note
            # All of it or none of it: every line's lot and movement, and the request id.
            assert (lots, moves, reqs) == (LINES * docs, LINES * docs, new), note
            survived = docs
            assert_ledger_sound(reopened)
            stock = reopened.read(lambda c: c.execute(select(t.stock_balances.c.on_hand)).scalar())
            assert stock == 9_000 + survived * sum(1 + i % 5 for i in range(LINES)) * 1000, note
            first = reopened.read(
                lambda c: c.execute(
                    select(t.movements).where(t.movements.c.document_id == committed.document_id)
                ).one()
            )
            assert (first.lot_id, first.delta) == (lot, 9_000), note
        finally:
            reopened.engine.dispose()
    assert survived >= 1  # at least the run killed after its commit left its document
