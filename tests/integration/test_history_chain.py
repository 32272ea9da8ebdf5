"""全程追溯: history edited behind the app's back is found by `verify`, on SQLite and
PostgreSQL — a quantity, a quantity with its balances made consistent, a deleted movement
(with and without its balances fixed), a changed user or date — and a chain recomputed by
someone holding the file is caught against an anchor kept elsewhere."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from sqlalchemy import Connection, text

from inventory_app.domain.model import OutLine, ReceiptLine
from inventory_app.persistence import chain
from inventory_app.services import issues, receipts, transfers, verify
from tests.factories import World


def rid() -> str:
    return str(uuid.uuid4())


@pytest.fixture
def history(db_world: World) -> World:
    w = db_world
    receipts.receive(
        w.uow,
        w.admin,
        depot="A",
        request_id=rid(),
        lines=[
            ReceiptLine("050101", Decimal(10), location_code="A-01"),
            ReceiptLine("050104", Decimal(20), location_code="A-01"),
        ],
    )
    issues.issue(
        w.uow,
        w.admin,
        depot="A",
        request_id=rid(),
        receiver="乡",
        lines=[OutLine("050104", Decimal(5))],
    )
    sent = transfers.transfer_send(
        w.uow,
        w.admin,
        from_depot="A",
        to_depot="B",
        request_id=rid(),
        lines=[OutLine("050101", Decimal(3))],
    )
    transfers.transfer_receive(w.uow, w.admin, doc_no=sent.doc_no, request_id=rid())
    return w


def problems(world: World) -> list[str]:
    return list(verify.verify(world.uow, world.admin).problems)


def tamper(world: World, *statements: str) -> None:
    with world.uow.engine.begin() as conn:
        for statement in statements:
            conn.execute(text(statement))


ISSUE = "(SELECT min(id) FROM movements WHERE kind = 'ISSUE')"


def test_a_clean_history_passes_and_names_its_heads(history: World) -> None:
    report = verify.verify(history.uow, history.admin)
    assert report.ok, report.problems
    assert {h.depot_code for h in report.heads} == {"A", "B"}
    assert all(len(h.hash) == 64 and h.seq > 0 for h in report.heads)


def test_an_edited_quantity_is_found(history: World) -> None:
    tamper(history, f"UPDATE movements SET delta = delta - 1000 WHERE id = {ISSUE}")
    found = problems(history)
    assert any("movement" in p and "edited" in p for p in found), found


CONSISTENT_EDIT = (
    f"UPDATE lot_balances SET on_hand = on_hand - 1000 WHERE lot_id ="
    f" (SELECT lot_id FROM movements WHERE id = {ISSUE})",
    f"UPDATE stock_balances SET on_hand = on_hand - 1000 WHERE (item_id, depot_id) ="
    f" (SELECT item_id, depot_id FROM movements WHERE id = {ISSUE})",
    f"UPDATE movements SET delta = delta - 1000 WHERE id = {ISSUE}",
)


def test_an_edited_quantity_with_its_balances_made_consistent_is_found(history: World) -> None:
    """The balances agree again, so only the chain can tell."""
    tamper(history, *CONSISTENT_EDIT)
    found = problems(history)
    assert len(found) == 1 and "edited" in found[0] and "depot A" in found[0], found


@pytest.mark.parametrize("fix_balances", [False, True])
def test_a_deleted_movement_is_found(history: World, fix_balances: bool) -> None:
    statements = []
    if fix_balances:
        statements += [
            f"UPDATE lot_balances SET on_hand = on_hand + 5000 WHERE lot_id ="
            f" (SELECT lot_id FROM movements WHERE id = {ISSUE})",
            f"UPDATE stock_balances SET on_hand = on_hand + 5000 WHERE (item_id, depot_id) ="
            f" (SELECT item_id, depot_id FROM movements WHERE id = {ISSUE})",
        ]
    statements.append(f"DELETE FROM movements WHERE id = {ISSUE}")
    tamper(history, *statements)
    found = problems(history)
    assert any("movement" in p and "deleted" in p for p in found), found


def test_a_deleted_movement_and_its_chain_entry_leave_a_gap(history: World) -> None:
    tamper(
        history,
        f"DELETE FROM ledger_chain WHERE kind = 'movement' AND row_id = {ISSUE}",
        f"DELETE FROM movements WHERE id = {ISSUE}",
    )
    found = problems(history)
    assert any("gap" in p or "link" in p for p in found), found


@pytest.mark.parametrize(
    "statement",
    [
        f"UPDATE movements SET created_by = (SELECT max(id) FROM users) WHERE id = {ISSUE}",
        f"UPDATE movements SET doc_date = '2020-01-01' WHERE id = {ISSUE}",
        "UPDATE documents SET doc_date = '2020-01-01' WHERE doc_type = 'ISSUE'",
        "UPDATE document_events SET user_id = (SELECT max(id) FROM users)"
        " WHERE id = (SELECT max(id) FROM document_events)",
        "UPDATE lots SET unit_price_fen = unit_price_fen + 1 WHERE id = 1",
    ],
)
def test_a_changed_user_date_or_price_is_found(history: World, statement: str) -> None:
    tamper(history, statement)
    found = problems(history)
    assert any("edited" in p for p in found), found


def test_a_recomputed_chain_is_caught_against_an_earlier_anchor(history: World) -> None:
    anchor = verify.verify(history.uow, history.admin).heads
    tamper(history, *CONSISTENT_EDIT)

    def recompute(conn: Connection) -> None:
        chain.rebuild(conn)

    history.uow.write(recompute)  # whoever holds the file can do this …
    assert verify.verify(history.uow, history.admin).problems == ()  # … and the file agrees
    found = verify.check_anchor(history.uow, history.admin, anchor)
    assert found and "depot A" in found[0], found  # … but not with the anchor kept elsewhere


def test_history_after_the_anchor_does_not_break_it(history: World) -> None:
    anchor = verify.verify(history.uow, history.admin).heads
    issues.issue(
        history.uow,
        history.admin,
        depot="A",
        request_id=rid(),
        receiver="乡",
        lines=[OutLine("050104", Decimal(1))],
    )
    assert verify.check_anchor(history.uow, history.admin, anchor) == []
