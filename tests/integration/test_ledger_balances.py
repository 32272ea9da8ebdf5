"""The 台账's 结存 after each movement equals the sum of everything before it, on any page."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest

from inventory_app.domain.errors import InsufficientStock
from inventory_app.domain.model import OutLine, ReceiptLine
from inventory_app.services import issues, ledger_queries, receipts, transfers
from inventory_app.services.ledger_queries import LedgerFilter
from tests.factories import World
from tests.integration.helpers import rid


@pytest.fixture
def busy(world: World) -> World:
    """Sixty postings over two items and two depots, with transfers between them (received
    at once, so both depots' ledgers carry them)."""
    rng = random.Random(7)
    for step in range(60):
        depot = rng.choice("AB")
        item = rng.choice(("050101", "050104"))
        choice = rng.random()
        if choice < 0.5:
            receipts.receive(
                world.uow,
                world.admin,
                depot=depot,
                request_id=rid(),
                lines=[ReceiptLine(item, Decimal(rng.randint(1, 30)), batch_no=f"B{step}")],
            )
        elif choice < 0.8:
            try:
                issues.issue(
                    world.uow,
                    world.admin,
                    depot=depot,
                    request_id=rid(),
                    receiver="乡镇",
                    lines=[OutLine(item, Decimal(rng.randint(1, 5)))],
                )
            except InsufficientStock:  # not enough stock yet: skip this step
                continue
        else:
            try:
                transfers.transfer_send(
                    world.uow,
                    world.admin,
                    from_depot=depot,
                    to_depot="B" if depot == "A" else "A",
                    request_id=rid(),
                    lines=[OutLine(item, Decimal(rng.randint(1, 3)))],
                )
            except InsufficientStock:
                continue
    return world


def _expected(world: World) -> dict[int, tuple[Decimal, Decimal]]:
    rows = ledger_queries.ledger(world.uow, world.admin, sort="movement_id", descending=False)
    stock: dict[tuple[str, str], Decimal] = {}
    lots: dict[int, Decimal] = {}
    out = {}
    for row in rows:
        key = (row.item_code, row.depot_code)
        stock[key] = stock.get(key, Decimal(0)) + row.delta
        lots[row.lot_id] = lots.get(row.lot_id, Decimal(0)) + row.delta
        out[row.movement_id] = (stock[key], lots[row.lot_id])
    return out


@pytest.mark.parametrize(
    ("flt", "sort", "descending", "offset", "limit"),
    [
        (LedgerFilter(), "movement_id", True, 0, 10),
        (LedgerFilter(), "movement_id", False, 0, 10),
        (LedgerFilter(), "movement_id", True, 25, 7),
        (LedgerFilter(), "item_name", False, 3, 20),
        (LedgerFilter(depot_codes=("B",)), "delta", True, 0, 50),
        (LedgerFilter(kind="ISSUE"), "movement_id", True, 0, None),
    ],
)
def test_balances_after_each_movement_match_the_sum_before_it(
    busy: World,
    flt: LedgerFilter,
    sort: str,
    descending: bool,
    offset: int,
    limit: int | None,
) -> None:
    expected = _expected(busy)
    assert len(expected) > 40
    page = ledger_queries.ledger(
        busy.uow, busy.admin, flt, sort=sort, descending=descending, offset=offset, limit=limit
    )
    assert page
    for row in page:
        assert (row.stock_after, row.lot_after) == expected[row.movement_id], row
