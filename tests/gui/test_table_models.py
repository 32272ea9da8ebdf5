"""Table models: Qt's model contract, display formatting, and lazy paging over 100,000 rows."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from inventory_app.ui.models.table_models import (
    ROW_ROLE,
    SORT_ROLE,
    Column,
    LazyTableModel,
    RowsTableModel,
    format_date,
    format_datetime,
    format_money,
    format_quantity,
)

RED = QColor("#c62828")


@dataclass(frozen=True)
class LotRow:
    code: str
    name: str
    qty: Decimal
    price: Decimal
    expiry: date | None
    received: datetime
    lots: int


def make_rows(n: int, offset: int = 0) -> list[LotRow]:
    return [
        LotRow(
            code=f"WZ{i:06d}",
            name=f"帐篷 {i}",
            qty=Decimal(i % 997) + Decimal("0.125"),
            price=Decimal("1650.00"),
            expiry=None if i % 10 == 0 else date(2026, 1 + i % 12, 1 + i % 28),
            received=datetime(2026, 11, 23, 14, 5),
            lots=i % 7,
        )
        for i in range(offset, offset + n)
    ]


def make_columns(headers: dict[str, str] | None = None) -> list[Column[LotRow]]:
    headers = headers if headers is not None else {"name": "名称"}
    return [
        Column("code", "编码", lambda r: r.code),
        Column("name", lambda: headers["name"], lambda r: r.name, tooltip=lambda r: r.code),
        Column(
            "qty",
            "数量",
            lambda r: r.qty,
            kind="quantity",
            foreground=lambda r: RED if r.qty < 10 else None,
        ),
        Column("price", "单价", lambda r: r.price, kind="money"),
        Column(
            "expiry",
            "有效期至",
            lambda r: r.expiry,
            kind="date",
            background=lambda r: QColor("#ffe0b2") if r.expiry is None else None,
        ),
        Column("received", "入库时间", lambda r: r.received, kind="datetime"),
        Column("lots", "批次数", lambda r: r.lots, kind="int"),
    ]


class FakeSource:
    """Stands in for a SQL query: sorts and slices, and records what was asked."""

    def __init__(self, n: int) -> None:
        self.rows = make_rows(n)
        self.calls: list[tuple[int, int, str | None, bool]] = []
        self.count_calls = 0

    def count(self) -> int:
        self.count_calls += 1
        return len(self.rows)

    def fetch_page(
        self, offset: int, limit: int, sort_key: str | None, descending: bool
    ) -> Sequence[LotRow]:
        self.calls.append((offset, limit, sort_key, descending))
        rows = self.rows
        if sort_key is not None:
            rows = sorted(rows, key=lambda r: getattr(r, sort_key), reverse=descending)
        return rows[offset : offset + limit]


# --- formatting ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Decimal("1234"), "1,234"),
        (Decimal("273.81"), "273.81"),
        (Decimal("15000.000"), "15,000"),
        (Decimal("0.500"), "0.5"),
        (Decimal("1234567.125"), "1,234,567.125"),
        (Decimal("-12.50"), "-12.5"),
        (Decimal("-0.000"), "0"),
        (Decimal("0"), "0"),
        (Decimal("1E+3"), "1,000"),
        (Decimal("0.0001"), "0.0001"),  # never rounded away
        (7, "7"),
    ],
)
def test_format_quantity(value: Decimal | int, shown: str) -> None:
    assert format_quantity(value) == shown


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Decimal("1650"), "¥1,650.00"),
        (Decimal("1650.5"), "¥1,650.50"),
        (Decimal("0"), "¥0.00"),
        (Decimal("-3.5"), "-¥3.50"),
        (Decimal("1234567.89"), "¥1,234,567.89"),
        (Decimal("0.125"), "¥0.125"),  # exactness over looks
    ],
)
def test_format_money(value: Decimal, shown: str) -> None:
    assert format_money(value) == shown


def test_format_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    assert format_date(date(2026, 11, 23)) == "2026-11-23"
    assert format_datetime(datetime(2026, 11, 23, 14, 5, 59)) == "2026-11-23 14:05"
    if not hasattr(time, "tzset"):
        pytest.skip("time zone can only be switched on Unix")
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        assert format_datetime(datetime(2026, 11, 23, 6, 5, tzinfo=UTC)) == "2026-11-23 14:05"
        assert format_date(datetime(2026, 11, 23, 20, 0, tzinfo=UTC)) == "2026-11-24"
    finally:
        monkeypatch.undo()
        time.tzset()


# --- RowsTableModel -----------------------------------------------------------


@pytest.mark.parametrize("force_py", [False, True], ids=["qt-tester", "py-tester"])
def test_rows_model_passes_modeltester(qtmodeltester: ModelTester, force_py: bool) -> None:
    model = RowsTableModel(make_columns())
    model.set_rows(make_rows(1000))
    qtmodeltester.check(model, force_py=force_py)
    model.sort(2, Qt.SortOrder.DescendingOrder)
    model.set_rows(make_rows(10))
    model.set_rows([])


def test_roles(qapp: object) -> None:
    rows = make_rows(20)
    model = RowsTableModel(make_columns())
    model.set_rows(rows)
    qty = model.index(3, 2)

    assert model.data(qty) == "3.125"
    assert model.data(model.index(3, 3)) == "¥1,650.00"
    assert model.data(model.index(3, 4)) == "2026-04-04"
    assert model.data(model.index(0, 4)) == ""  # None shows empty
    assert model.data(model.index(3, 5)) == "2026-11-23 14:05"
    assert model.data(qty, Qt.ItemDataRole.TextAlignmentRole) == (
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )
    assert model.data(model.index(3, 1), Qt.ItemDataRole.TextAlignmentRole) == (
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    )
    assert model.data(qty, Qt.ItemDataRole.ForegroundRole) == RED
    assert model.data(model.index(15, 2), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(0, 4), Qt.ItemDataRole.BackgroundRole) == QColor("#ffe0b2")
    assert model.data(model.index(3, 1), Qt.ItemDataRole.ToolTipRole) == "WZ000003"
    assert model.data(qty, ROW_ROLE) is rows[3]
    assert model.data(qty, SORT_ROLE) == 3.125
    assert model.row_at(qty) is rows[3]
    assert model.row_at(QModelIndex()) is None
    assert model.column_index("price") == 3


def test_callable_headers_follow_language_changes(qtbot: QtBot) -> None:
    headers = {"name": "名称"}
    model = RowsTableModel(make_columns(headers))
    assert model.headerData(1, Qt.Orientation.Horizontal) == "名称"

    headers["name"] = "Name"
    with qtbot.waitSignal(model.headerDataChanged) as signal:
        model.retranslate()
    assert signal.args is not None and signal.args[0] == Qt.Orientation.Horizontal
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Name"


def test_rows_model_sorts_exact_values_and_keeps_selection(qapp: object) -> None:
    rows = [
        LotRow("A", "甲", Decimal("10.001"), Decimal(1), None, datetime.now(), 1),
        LotRow("B", "乙", Decimal("10.0001"), Decimal(1), None, datetime.now(), 1),
        LotRow("C", "丙", Decimal("9"), Decimal(1), None, datetime.now(), 1),
    ]
    model = RowsTableModel(make_columns())
    model.set_rows(rows)
    selected = QPersistentModelIndex(model.index(0, 0))  # row "A"

    model.sort(2, Qt.SortOrder.AscendingOrder)
    assert [r.code for r in model.rows()] == ["C", "B", "A"]
    assert selected.row() == 2 and model.row_at(model.index(selected.row(), 0)) is rows[0]

    model.sort(4, Qt.SortOrder.AscendingOrder)  # all None: order kept, nothing raised
    assert [r.code for r in model.rows()] == ["C", "B", "A"]


def test_sort_role_works_through_a_proxy(qapp: object) -> None:
    model = RowsTableModel(make_columns())
    model.set_rows(make_rows(30))
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(2, Qt.SortOrder.AscendingOrder)
    shown = [proxy.index(i, 2).data(ROW_ROLE).qty for i in range(proxy.rowCount())]
    assert shown == sorted(shown)


# --- LazyTableModel -----------------------------------------------------------


@pytest.mark.parametrize("force_py", [False, True], ids=["qt-tester", "py-tester"])
def test_lazy_model_passes_modeltester(qtmodeltester: ModelTester, force_py: bool) -> None:
    source = FakeSource(1000)
    model = LazyTableModel(make_columns(), source.fetch_page, source.count)
    qtmodeltester.check(model, force_py=force_py)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 1000
    model.sort(2, Qt.SortOrder.DescendingOrder)
    model.fetchMore(QModelIndex())
    model.refresh()


def test_lazy_model_fetches_only_needed_pages() -> None:
    source = FakeSource(100_000)
    model = LazyTableModel(make_columns(), source.fetch_page, source.count)
    assert source.calls == []  # construction only counts
    assert model.total_count == 100_000
    assert model.canFetchMore(QModelIndex())

    model.fetchMore(QModelIndex())
    assert source.calls == [(0, 500, None, False)]
    assert model.rowCount() == 500
    assert model.data(model.index(499, 0)) == "WZ000499"

    model.fetchMore(QModelIndex())
    assert source.calls[-1] == (500, 500, None, False)
    assert model.rowCount() == 1000


def test_lazy_model_in_a_view_fetches_a_page_or_two(qtbot: QtBot) -> None:
    source = FakeSource(100_000)
    model = LazyTableModel(make_columns(), source.fetch_page, source.count)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: model.rowCount() > 0)  # the view asks once it lays out

    assert len(source.calls) <= 2
    fetched = model.rowCount()
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > fetched)
    assert len(source.calls) <= 4


def test_lazy_sort_refetches_with_column_key(qtbot: QtBot) -> None:
    source = FakeSource(2000)
    model = LazyTableModel(make_columns(), source.fetch_page, source.count)
    model.fetchMore(QModelIndex())

    with qtbot.waitSignal(model.modelReset):
        model.sort(2, Qt.SortOrder.DescendingOrder)
    # The first page comes with the reset (views cannot fetch while it is announced).
    assert model.rowCount() == 500
    assert (model.sort_key, model.descending) == ("qty", True)
    assert source.calls[-1] == (0, 500, "qty", True)
    first = model.row_at(model.index(0, 0))
    assert first is not None and first.qty == max(r.qty for r in source.rows)

    model.sort(-1)  # the header's "no sort"
    assert source.calls[-1] == (0, 500, None, False)


def test_header_click_sorts_through_sql(qtbot: QtBot) -> None:
    source = FakeSource(2000)
    model = LazyTableModel(make_columns(), source.fetch_page, source.count)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    view.show()
    qtbot.waitUntil(lambda: any(call[2] == "price" for call in source.calls))
    assert (0, 500, "price", False) in source.calls


def test_refresh_recounts_and_shrinking_source_stops_fetching() -> None:
    source = FakeSource(1200)
    model = LazyTableModel(make_columns(), source.fetch_page, source.count)
    model.fetchMore(QModelIndex())

    del source.rows[600:]  # rows deleted elsewhere since count()
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 600
    model.fetchMore(QModelIndex())  # the source is exhausted: no rows, no endless fetching
    assert model.rowCount() == 600
    assert not model.canFetchMore(QModelIndex())

    model.refresh()
    assert model.total_count == 600
    assert model.rowCount() == 500  # the first page is loaded again with the reset
    assert source.count_calls == 2
