"""Random posting sequences keep the ledger, its balances and a pure-Python model in step."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import select

from inventory_app.domain.errors import (
    AlreadyReversed,
    CannotReverseReversal,
    DomainError,
    InsufficientStock,
    InvalidQuantity,
    InvalidState,
    LotMismatch,
)
from inventory_app.domain.model import AdjustLine, OutLine, ReceiptLine
from inventory_app.domain.permissions import Actor
from inventory_app.persistence import tables as t
from inventory_app.persistence.engine import sqlite_url
from inventory_app.services import adjustments, auth, issues, receipts, reversals, transfers
from inventory_app.services.database import open_database
from tests.factories import build_world
from tests.integration.conftest import CHEAP_HASHER
from tests.integration.helpers import dump, ledger_problems, rid

TODAY = date.today()
FAR = date(9999, 12, 31)
ITEMS = {"050101": 0, "140201": 3}  # code -> decimals
DEPOTS = ("A", "B")
EXPIRIES = [
    None,
    TODAY - timedelta(days=5),
    TODAY,
    TODAY + timedelta(days=10),
    TODAY + timedelta(days=20),
    TODAY + timedelta(days=40),
]


@dataclass
class MLot:
    item: str
    depot: str
    expiry: date | None
    received: date
    balance: int = 0  # thousandths


@dataclass
class MMove:
    doc_no: str
    lot: int
    delta: int
    kind: str
    reversed_by: int | None = None


@dataclass
class MDoc:
    doc_type: str
    state: str
    dst: str | None = None
    moves: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Template:
    path: Path
    admin: Actor
    item_ids: dict[str, int]
    depot_ids: dict[str, int]


class LedgerMachine(RuleBasedStateMachine):
    template: Template  # set by the test before running

    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="ledger-sm-"))
        shutil.copyfile(self.template.path, self.dir / "db.sqlite3")
        self.uow = open_database(sqlite_url(self.dir / "db.sqlite3"))
        self.actor = self.template.admin
        self.lots: dict[int, MLot] = {}
        self.moves: dict[int, MMove] = {}
        self.docs: dict[str, MDoc] = {}

    def teardown(self) -> None:
        self.uow.engine.dispose()
        shutil.rmtree(self.dir, ignore_errors=True)

    # ------------------------------------------------------------ helpers

    @staticmethod
    def _qty(item: str, units: int, frac: int) -> tuple[Decimal, int]:
        milli = units * 1000 + (frac if ITEMS[item] else 0)
        return Decimal(milli).scaleb(-3).normalize(), milli

    def _fefo(self, item: str, depot: str, milli: int) -> list[tuple[int, int]] | None:
        """Expected allocation [(lot, milli)], or None when usable stock is short."""
        usable = sorted(
            (
                lot_id
                for lot_id, lot in self.lots.items()
                if lot.item == item
                and lot.depot == depot
                and lot.balance > 0
                and not (lot.expiry and lot.expiry < TODAY)
            ),
            key=lambda i: (self.lots[i].expiry or FAR, self.lots[i].received, i),
        )
        plan, left = [], milli
        for lot_id in usable:
            if left == 0:
                break
            take = min(left, self.lots[lot_id].balance)
            plan.append((lot_id, take))
            left -= take
        return None if left else plan

    def _refused(self, error: type[DomainError], fn, **kwargs) -> None:  # type: ignore[no-untyped-def]
        before = dump(self.uow)
        with pytest.raises(error):
            fn(self.uow, self.actor, request_id=rid(), **kwargs)
        assert dump(self.uow) == before, f"refused {fn.__name__} changed the database"

    def _db_moves(self, ids: set[int]) -> list:
        return self.uow.read(
            lambda c: list(
                c.execute(
                    select(t.movements).where(t.movements.c.id.in_(ids)).order_by(t.movements.c.id)
                )
            )
        )

    def _record(
        self,
        doc_no: str,
        expected: list[tuple[int, int, str]],
        result_ids: tuple[int, ...],
        reverses: list[int] | None = None,
    ) -> list[int]:
        """Check the new movements of a posting against the model's prediction and book them."""
        new_ids = [i for i in result_ids if i not in self.moves]
        rows = self._db_moves(set(new_ids))
        assert [(r.lot_id, r.delta, r.kind) for r in rows] == expected
        if reverses is not None:
            assert [r.reverses_movement_id for r in rows] == reverses
        for row in rows:
            self.moves[row.id] = MMove(doc_no, row.lot_id, row.delta, row.kind)
            self.lots[row.lot_id].balance += row.delta
            self.docs[doc_no].moves.append(row.id)
        return new_ids

    def _new_lots(self, document_id: int) -> list:
        return self.uow.read(
            lambda c: list(
                c.execute(
                    select(t.lots).where(t.lots.c.document_id == document_id).order_by(t.lots.c.id)
                )
            )
        )

    # ------------------------------------------------------------ rules

    @rule(data=st.data(), n_lines=st.integers(1, 3))
    def receive(self, data: st.DataObject, n_lines: int) -> None:
        depot = data.draw(st.sampled_from(DEPOTS))
        lines, expected_lots = [], []
        for _ in range(n_lines):
            item = data.draw(st.sampled_from(sorted(ITEMS)))
            qty, milli = self._qty(
                item, data.draw(st.integers(1, 60)), data.draw(st.integers(0, 999))
            )
            expiry = data.draw(st.sampled_from(EXPIRIES))
            lines.append(ReceiptLine(item, qty, expiry_date=expiry, batch_no=f"b{milli}"))
            expected_lots.append((item, expiry, milli))
        result = receipts.receive(self.uow, self.actor, depot=depot, lines=lines, request_id=rid())
        self.docs[result.doc_no] = MDoc("RECEIPT", "POSTED")
        lots = self._new_lots(result.document_id)
        assert len(lots) == n_lines
        for lot, (item, expiry, _milli) in zip(lots, expected_lots, strict=True):
            assert (lot.expiry_date, lot.item_id) == (expiry, self.template.item_ids[item])
            self.lots[lot.id] = MLot(item, depot, expiry, lot.received_date)
        self._record(
            result.doc_no,
            [
                (lot.id, milli, "RECEIVE")
                for lot, (_, _, milli) in zip(lots, expected_lots, strict=True)
            ],
            result.movement_ids,
        )

    def _stocked(self) -> list[tuple[str, str]]:
        return sorted({(lot.item, lot.depot) for lot in self.lots.values() if lot.balance > 0})

    def _withdraw(self, data: st.DataObject, kind: str) -> None:
        item, depot = data.draw(st.sampled_from(self._stocked()))
        usable = sum(
            lot.balance
            for lot in self.lots.values()
            if (lot.item, lot.depot) == (item, depot) and not (lot.expiry and lot.expiry < TODAY)
        )
        # Mostly within the usable stock, sometimes just beyond it.
        if ITEMS[item]:
            milli = data.draw(st.integers(1, usable + 2000))
        else:
            milli = 1000 * data.draw(st.integers(1, usable // 1000 + 2))
        qty = Decimal(milli).scaleb(-3).normalize()
        plan = self._fefo(item, depot, milli)
        line = OutLine(item, qty)
        if kind == "ISSUE":
            call, kwargs = issues.issue, {"depot": depot, "lines": [line]}
        else:
            dst = "B" if depot == "A" else "A"
            call, kwargs = (
                transfers.transfer_send,
                {"from_depot": depot, "to_depot": dst, "lines": [line]},
            )
        if plan is None:
            self._refused(InsufficientStock, call, **kwargs)
            return
        result = call(self.uow, self.actor, request_id=rid(), **kwargs)
        doc_type = "ISSUE" if kind == "ISSUE" else "TRANSFER"
        self.docs[result.doc_no] = MDoc(doc_type, result.state, None if kind == "ISSUE" else dst)
        assert result.state == ("POSTED" if kind == "ISSUE" else "IN_TRANSIT")
        self._record(result.doc_no, [(lot, -m, kind) for lot, m in plan], result.movement_ids)

    @precondition(lambda self: self._stocked())
    @rule(data=st.data())
    def issue_fefo(self, data: st.DataObject) -> None:
        self._withdraw(data, "ISSUE")

    @precondition(lambda self: self._stocked())
    @rule(data=st.data())
    def transfer_send(self, data: st.DataObject) -> None:
        self._withdraw(data, "TRANSFER_OUT")

    @precondition(lambda self: len(self._stocked()) > 1)
    @rule(data=st.data())
    def transfer_send_two_lines(self, data: st.DataObject) -> None:
        """A transfer of two items (or two lines of one item) from one depot."""
        depot = data.draw(st.sampled_from(sorted({d for _, d in self._stocked()})))
        items = sorted({i for i, d in self._stocked() if d == depot})
        first, second = data.draw(st.sampled_from(items)), data.draw(st.sampled_from(items))
        plan: list[tuple[int, int]] = []
        lines = []
        saved = {i: lot.balance for i, lot in self.lots.items()}
        for item in (first, second):
            milli = 1000 * data.draw(st.integers(1, 5))
            lines.append(OutLine(item, Decimal(milli // 1000)))
            part = self._fefo(item, depot, milli)
            if part is None:
                plan = []
                break
            for lot_id, take in part:  # the second line sees what the first one took
                self.lots[lot_id].balance -= take
            plan += part
        for i, balance in saved.items():
            self.lots[i].balance = balance
        dst = "B" if depot == "A" else "A"
        kwargs = {"from_depot": depot, "to_depot": dst, "lines": lines}
        if not plan:
            self._refused(InsufficientStock, transfers.transfer_send, **kwargs)
            return
        result = transfers.transfer_send(self.uow, self.actor, request_id=rid(), **kwargs)
        self.docs[result.doc_no] = MDoc("TRANSFER", "IN_TRANSIT", dst)
        self._record(
            result.doc_no, [(lot, -m, "TRANSFER_OUT") for lot, m in plan], result.movement_ids
        )

    @precondition(lambda self: self.lots)
    @rule(data=st.data())
    def issue_named_lot(self, data: st.DataObject) -> None:
        lot_id = data.draw(st.sampled_from(sorted(self.lots)))
        lot = self.lots[lot_id]
        if lot.balance and data.draw(st.booleans()):
            milli = lot.balance  # empty the lot exactly
        else:
            milli = self._qty(
                lot.item, data.draw(st.integers(1, 30)), data.draw(st.integers(0, 999))
            )[1]
        kwargs = {
            "depot": lot.depot,
            "lines": [OutLine(lot.item, Decimal(milli).scaleb(-3), lot_id=lot_id)],
        }
        if milli > lot.balance:
            self._refused(InsufficientStock, issues.issue, **kwargs)
            return
        result = issues.issue(self.uow, self.actor, request_id=rid(), **kwargs)
        self.docs[result.doc_no] = MDoc("ISSUE", "POSTED")
        self._record(result.doc_no, [(lot_id, -milli, "ISSUE")], result.movement_ids)

    @precondition(lambda self: any(d.doc_type == "TRANSFER" for d in self.docs.values()))
    @rule(data=st.data())
    def transfer_receive(self, data: st.DataObject) -> None:
        doc_no = data.draw(
            st.sampled_from(sorted(n for n, d in self.docs.items() if d.doc_type == "TRANSFER"))
        )
        doc = self.docs[doc_no]
        if doc.state != "IN_TRANSIT":
            self._refused(InvalidState, transfers.transfer_receive, doc_no=doc_no)
            return
        outs = [i for i in doc.moves if self.moves[i].kind == "TRANSFER_OUT"]
        assert all(self.moves[i].reversed_by is None for i in outs)
        result = transfers.transfer_receive(self.uow, self.actor, doc_no=doc_no, request_id=rid())
        assert result.state == "RECEIVED"
        doc.state = "RECEIVED"
        assert doc.dst is not None
        new_lots = [lot for lot in self._new_lots(result.document_id) if lot.id not in self.lots]
        assert [lot.origin_lot_id for lot in new_lots] == [self.moves[i].lot for i in outs]
        for lot in new_lots:
            origin = self.lots[lot.origin_lot_id]
            assert lot.expiry_date == origin.expiry
            assert lot.depot_id == self.template.depot_ids[doc.dst]
            self.lots[lot.id] = MLot(origin.item, doc.dst, origin.expiry, lot.received_date)
        self._record(
            doc_no,
            [
                (lot.id, -self.moves[i].delta, "TRANSFER_IN")
                for lot, i in zip(new_lots, outs, strict=True)
            ],
            result.movement_ids,
        )

    @precondition(lambda self: self.lots)
    @rule(data=st.data(), up=st.booleans())
    def adjust(self, data: st.DataObject, up: bool) -> None:
        lot_id = data.draw(st.sampled_from(sorted(self.lots)))
        lot = self.lots[lot_id]
        milli = self._qty(lot.item, data.draw(st.integers(0, 15)), data.draw(st.integers(1, 999)))[
            1
        ]
        if milli == 0:
            milli = 1000
        delta = milli if up else -milli
        kwargs = {
            "depot": lot.depot,
            "reason": "盘点",
            "lines": [AdjustLine(lot_id, Decimal(delta).scaleb(-3))],
        }
        if lot.balance + delta < 0:
            self._refused(InsufficientStock, adjustments.adjust, **kwargs)
            return
        result = adjustments.adjust(self.uow, self.actor, request_id=rid(), **kwargs)
        self.docs[result.doc_no] = MDoc("ADJUST", "POSTED")
        self._record(result.doc_no, [(lot_id, delta, "ADJUST")], result.movement_ids)

    def _reverse(self, doc_no: str, movement_id: int | None) -> None:
        doc = self.docs[doc_no]
        target = {"movement_id": movement_id} if movement_id else {"doc_no": doc_no}
        if doc.doc_type == "REVERSAL":
            self._refused(CannotReverseReversal, reversals.reverse, reason="错", **target)
            return
        if movement_id is not None and doc.doc_type != "TRANSFER":
            chosen = [] if self.moves[movement_id].reversed_by else [movement_id]
        else:
            chosen = [i for i in doc.moves if self.moves[i].reversed_by is None]
        if not chosen:
            self._refused(AlreadyReversed, reversals.reverse, reason="错", **target)
            return
        change: dict[int, int] = defaultdict(int)
        for i in chosen:
            change[self.moves[i].lot] -= self.moves[i].delta
        if any(self.lots[lot].balance + d < 0 for lot, d in change.items()):
            self._refused(InsufficientStock, reversals.reverse, reason="错", **target)
            return
        before = self._db_lot_balances()
        result = reversals.reverse(self.uow, self.actor, reason="错", request_id=rid(), **target)
        self.docs[result.doc_no] = MDoc("REVERSAL", "POSTED")
        new_ids = self._record(
            result.doc_no,
            [(self.moves[i].lot, -self.moves[i].delta, "REVERSAL") for i in chosen],
            result.movement_ids,
            reverses=chosen,
        )
        for i, new in zip(chosen, new_ids, strict=True):
            self.moves[i].reversed_by = new
        if all(self.moves[i].reversed_by for i in doc.moves):
            doc.state = "REVERSED"
        # The reversal restores exactly what the reversed movements had changed.
        after = self._db_lot_balances()
        for lot_id in set(before) | set(after):
            assert after[lot_id] == before[lot_id] + change.get(lot_id, 0), lot_id

    def _pick_document(self, data: st.DataObject) -> str:
        """A document of a randomly chosen type (receipts would otherwise crowd out the rest)."""
        doc_type = data.draw(st.sampled_from(sorted({d.doc_type for d in self.docs.values()})))
        return data.draw(
            st.sampled_from(sorted(n for n, d in self.docs.items() if d.doc_type == doc_type))
        )

    @precondition(lambda self: self.docs)
    @rule(data=st.data())
    def reverse_movement(self, data: st.DataObject) -> None:
        doc_no = self._pick_document(data)
        self._reverse(doc_no, data.draw(st.sampled_from(self.docs[doc_no].moves)))

    @precondition(lambda self: self.docs)
    @rule(data=st.data())
    def reverse_document(self, data: st.DataObject) -> None:
        self._reverse(self._pick_document(data), None)

    @precondition(lambda self: self.lots)
    @rule(data=st.data())
    def invalid_lines(self, data: st.DataObject) -> None:
        """Malformed requests are refused whole and write nothing."""
        lot_id = data.draw(st.sampled_from(sorted(self.lots)))
        lot = self.lots[lot_id]
        other = "B" if lot.depot == "A" else "A"
        case = data.draw(st.sampled_from(["decimals", "wrong_depot", "second_line"]))
        if case == "decimals":
            self._refused(
                InvalidQuantity,
                issues.issue,
                depot=lot.depot,
                lines=[OutLine(lot.item, Decimal("0.0005"))],
            )
        elif case == "wrong_depot":
            self._refused(
                LotMismatch,
                issues.issue,
                depot=other,
                lines=[OutLine(lot.item, Decimal(1), lot_id=lot_id)],
            )
        else:  # a good first line does not survive a bad second one
            self._refused(
                InvalidQuantity,
                receipts.receive,
                depot=lot.depot,
                lines=[ReceiptLine(lot.item, Decimal(1)), ReceiptLine("050101", Decimal("1.5"))],
            )

    # ------------------------------------------------------------ invariants

    def _db_lot_balances(self) -> dict[int, int]:
        return self.uow.read(
            lambda c: {
                r.lot_id: r.on_hand
                for r in c.execute(select(t.lot_balances.c.lot_id, t.lot_balances.c.on_hand))
            }
        )

    @invariant()
    def ledger_is_consistent(self) -> None:
        """No negatives; lots = their movements; stock = its lots; in transit = open transfers."""
        problems = self.uow.read(ledger_problems)
        assert not problems, problems

    @invariant()
    def database_matches_model(self) -> None:
        assert self._db_lot_balances() == {i: lot.balance for i, lot in self.lots.items()}
        assert all(lot.balance >= 0 for lot in self.lots.values())
        stock: dict[tuple[int, int], int] = defaultdict(int)
        for lot in self.lots.values():
            stock[(self.template.item_ids[lot.item], self.template.depot_ids[lot.depot])] += (
                lot.balance
            )
        transit: dict[tuple[int, int], int] = defaultdict(int)
        for doc in self.docs.values():
            if doc.state == "IN_TRANSIT":
                assert doc.dst is not None
                for i in doc.moves:
                    move = self.moves[i]
                    item = self.lots[move.lot].item
                    transit[(self.template.item_ids[item], self.template.depot_ids[doc.dst])] -= (
                        move.delta
                    )

        def tx(conn):  # type: ignore[no-untyped-def]
            return (
                list(conn.execute(select(t.stock_balances))),
                {r.doc_no: r.state for r in conn.execute(select(t.documents))},
                {r.id: r.reverses_movement_id for r in conn.execute(select(t.movements))},
            )

        rows, states, links = self.uow.read(tx)
        for row in rows:
            key = (row.item_id, row.depot_id)
            assert (row.on_hand, row.in_transit_in, row.reserved) == (
                stock.get(key, 0),
                transit.get(key, 0),
                0,
            ), key
        assert {(r.item_id, r.depot_id) for r in rows} >= {k for k, v in stock.items() if v}
        assert states == {n: d.state for n, d in self.docs.items()}
        assert set(links) == set(self.moves)
        for move_id, move in self.moves.items():
            if move.reversed_by is not None:
                assert links[move.reversed_by] == move_id


def _build_template(folder: Path) -> Template:
    path = folder / "template.sqlite3"
    uow = open_database(sqlite_url(path), create=True)
    saved = auth._HASHER
    auth._HASHER = CHEAP_HASHER
    try:
        world = build_world(uow)
    finally:
        auth._HASHER = saved
    item_ids, depot_ids = uow.read(
        lambda c: (
            {r.code: r.id for r in c.execute(select(t.items.c.code, t.items.c.id))},
            {r.code: r.id for r in c.execute(select(t.depots.c.code, t.depots.c.id))},
        )
    )
    uow.engine.dispose()  # checkpoints the WAL into the file we copy
    return Template(path, world.admin, item_ids, depot_ids)


# Shrinking a failure re-runs hundreds of database-backed examples (minutes, beyond the
# pytest timeout); set INVENTORY_TEST_SHRINK=1 when investigating one.
PHASES = [Phase.explicit, Phase.reuse, Phase.generate]
if os.environ.get("INVENTORY_TEST_SHRINK") == "1":
    PHASES.append(Phase.shrink)


def test_ledger_state_machine(tmp_path: Path) -> None:
    LedgerMachine.template = _build_template(tmp_path)
    run_state_machine_as_test(
        LedgerMachine,
        settings=settings(
            max_examples=30,
            stateful_step_count=25,
            deadline=None,
            phases=PHASES,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
