"""Ledger rules: first-expiring-first allocation, withdrawal checks, reversal rules, numbering."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inventory_app.domain.documents import format_doc_no
from inventory_app.domain.errors import (
    InsufficientStock,
    ReasonRequired,
)
from inventory_app.domain.ledger import (
    allocate_fefo,
    check_withdrawal,
    fefo_order,
    require_reason,
)
from inventory_app.domain.model import Allocation, DocType, LotStock

TODAY = date(2026, 6, 1)
D = Decimal


def lot(
    lot_id: int,
    available: str,
    expiry: date | None = None,
    received: date | None = date(2026, 1, 1),
) -> LotStock:
    return LotStock(lot_id, D(available), expiry, received)


# ---------------------------------------------------------------- FEFO order


def test_fefo_orders_by_expiry_then_received_then_id() -> None:
    lots = [
        lot(1, "5", expiry=None, received=date(2020, 1, 1)),  # no expiry: last, however old
        lot(2, "5", expiry=date(2027, 1, 1), received=date(2026, 3, 1)),
        lot(3, "5", expiry=date(2026, 9, 1), received=date(2026, 5, 1)),
        lot(4, "5", expiry=date(2027, 1, 1), received=date(2026, 2, 1)),  # same expiry, older
        lot(5, "5", expiry=date(2027, 1, 1), received=date(2026, 2, 1)),  # tie: id decides
        lot(6, "5", expiry=date(2026, 9, 1), received=None),  # no received date: after lot 3
    ]
    assert [x.lot_id for x in fefo_order(lots)] == [3, 6, 4, 5, 2, 1]


def test_fefo_id_breaks_ties_regardless_of_input_order() -> None:
    lots = [
        lot(9, "1", date(2027, 1, 1)),
        lot(2, "1", date(2027, 1, 1)),
        lot(5, "1", date(2027, 1, 1)),
    ]
    assert [x.lot_id for x in fefo_order(lots)] == [2, 5, 9]


def test_allocate_takes_earliest_expiry_first_and_splits() -> None:
    lots = [
        lot(1, "10", date(2027, 6, 1)),
        lot(2, "4", date(2026, 7, 1)),
        lot(3, "8", date(2026, 12, 1)),
    ]
    result = allocate_fefo(lots, D("15"), item="050101", depot="A", today=TODAY)
    assert result == [Allocation(2, D("4")), Allocation(3, D("8")), Allocation(1, D("3"))]


def test_allocate_stops_when_covered() -> None:
    lots = [lot(1, "10", date(2027, 1, 1)), lot(2, "10", date(2028, 1, 1))]
    assert allocate_fefo(lots, D("10"), item="x", depot="A", today=TODAY) == [
        Allocation(1, D("10"))
    ]


def test_allocate_uses_received_date_when_expiry_equal() -> None:
    lots = [
        lot(1, "3", date(2027, 1, 1), received=date(2026, 4, 1)),
        lot(2, "3", date(2027, 1, 1), received=date(2026, 2, 1)),
    ]
    assert allocate_fefo(lots, D("4"), item="x", depot="A", today=TODAY) == [
        Allocation(2, D("3")),
        Allocation(1, D("1")),
    ]


def test_allocate_skips_expired_lots() -> None:
    lots = [
        lot(1, "100", date(2026, 5, 31)),  # expired yesterday: never shipped
        lot(2, "5", date(2026, 6, 1)),  # expires today: still usable
        lot(3, "5", None),
    ]
    result = allocate_fefo(lots, D("7"), item="x", depot="A", today=TODAY)
    assert result == [Allocation(2, D("5")), Allocation(3, D("2"))]


def test_allocate_skips_empty_lots() -> None:
    lots = [
        lot(1, "0", date(2026, 7, 1)),
        lot(2, "-1", date(2026, 7, 1)),
        lot(3, "2", date(2026, 8, 1)),
    ]
    assert allocate_fefo(lots, D("2"), item="x", depot="A", today=TODAY) == [Allocation(3, D("2"))]


def test_insufficient_stock_reports_usable_total_not_counting_expired() -> None:
    lots = [lot(1, "100", date(2026, 1, 1)), lot(2, "2.5", date(2027, 1, 1)), lot(3, "1.25", None)]
    with pytest.raises(InsufficientStock) as excinfo:
        allocate_fefo(lots, D("4"), item="140201", depot="B", today=TODAY)
    params = excinfo.value.params
    assert params["available"] == D("3.75")
    assert params["requested"] == D("4")
    assert params["item"] == "140201"
    assert params["depot"] == "B"


def test_insufficient_stock_with_no_lots() -> None:
    with pytest.raises(InsufficientStock) as excinfo:
        allocate_fefo([], D("1"), item="x", depot="A", today=TODAY)
    assert excinfo.value.params["available"] == 0


def test_without_today_nothing_counts_as_expired() -> None:
    lots = [lot(1, "3", date(2000, 1, 1))]
    assert allocate_fefo(lots, D("3"), item="x", depot="A") == [Allocation(1, D("3"))]


_lots = st.lists(
    st.builds(
        LotStock,
        lot_id=st.integers(1, 10_000),
        available=st.decimals(min_value=0, max_value=50, places=3),
        expiry_date=st.none() | st.dates(date(2026, 1, 1), date(2027, 12, 31)),
        received_date=st.none() | st.dates(date(2025, 1, 1), date(2026, 6, 1)),
    ),
    max_size=8,
    unique_by=lambda x: x.lot_id,
)


@given(lots=_lots, qty=st.decimals(min_value=D("0.001"), max_value=200, places=3))
def test_allocation_properties(lots: list[LotStock], qty: Decimal) -> None:
    usable = [x for x in lots if x.available > 0 and not (x.expiry_date and x.expiry_date < TODAY)]
    total = sum((x.available for x in usable), D(0))
    if total < qty:
        with pytest.raises(InsufficientStock) as excinfo:
            allocate_fefo(lots, qty, item="x", depot="A", today=TODAY)
        assert excinfo.value.params["available"] == total
        return
    result = allocate_fefo(lots, qty, item="x", depot="A", today=TODAY)
    by_id = {x.lot_id: x for x in lots}
    assert sum(a.quantity for a in result) == qty
    assert all(0 < a.quantity <= by_id[a.lot_id].available for a in result)
    assert len({a.lot_id for a in result}) == len(result)
    ordered = [x.lot_id for x in fefo_order(usable)]
    taken = [a.lot_id for a in result]
    # A prefix of the FEFO order, every lot but the last emptied completely.
    assert taken == ordered[: len(taken)]
    assert all(a.quantity == by_id[a.lot_id].available for a in result[:-1])


# ---------------------------------------------------------------- withdrawals


def test_check_withdrawal_allows_down_to_reserved() -> None:
    check_withdrawal(D("10"), D("3"), D("-7"), item="x", depot="A")
    check_withdrawal(D("10"), D("0"), D("-10"), item="x", depot="A")
    check_withdrawal(D("0"), D("0"), D("5"), item="x", depot="A")  # receipts always fine


def test_check_withdrawal_refuses_reserved_stock() -> None:
    with pytest.raises(InsufficientStock) as excinfo:
        check_withdrawal(D("10"), D("3"), D("-8"), item="050101", depot="A", lot="7")
    assert excinfo.value.params == {
        "item": "050101",
        "depot": "A",
        "requested": D("8"),
        "available": D("7"),
        "lot": "7",
    }


def test_check_withdrawal_refuses_below_zero() -> None:
    with pytest.raises(InsufficientStock) as excinfo:
        check_withdrawal(D("2"), D("0"), D("-2.001"), item="x", depot="A")
    assert excinfo.value.params["available"] == D("2")


def test_check_withdrawal_available_never_negative() -> None:
    with pytest.raises(InsufficientStock) as excinfo:
        check_withdrawal(D("2"), D("5"), D("-1"), item="x", depot="A")
    assert excinfo.value.params["available"] == 0


# ---------------------------------------------------------------- reasons and reversals


@pytest.mark.parametrize("reason", [None, "", "   ", "\t\n", "　"])
def test_require_reason_refuses_blank(reason: str | None) -> None:
    with pytest.raises(ReasonRequired):
        require_reason(reason)


def test_require_reason_strips() -> None:
    assert require_reason("  盘点差异 ") == "盘点差异"


# ---------------------------------------------------------------- document numbers


@pytest.mark.parametrize(
    ("doc_type", "depot", "year", "seq", "expected"),
    [
        (DocType.RECEIPT, "ZW-SJ-01", 2026, 12, "RK-ZW-SJ-01-2026-00012"),
        (DocType.ISSUE, "A", 2025, 1, "CK-A-2025-00001"),
        (DocType.TRANSFER, "B", 2026, 99999, "DB-B-2026-99999"),
        (DocType.ADJUST, "A", 2026, 100000, "TZ-A-2026-100000"),
        (DocType.SCRAP, "A", 2026, 7, "BF-A-2026-00007"),
        (DocType.REVERSAL, "A", 2026, 3, "CX-A-2026-00003"),
    ],
)
def test_format_doc_no(doc_type: DocType, depot: str, year: int, seq: int, expected: str) -> None:
    assert format_doc_no(doc_type, depot, year, seq) == expected


def test_every_doc_type_has_a_distinct_prefix() -> None:
    numbers = {format_doc_no(dt, "A", 2026, 1) for dt in DocType}
    assert len(numbers) == len(DocType)
