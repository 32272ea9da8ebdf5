"""Thin table models over frozen dataclass rows: an in-memory one and a lazily paged one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Generic, Literal, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from ...domain.quantities import grouped_text

R = TypeVar("R")
Kind = Literal["text", "quantity", "money", "date", "datetime", "int"]
AnyIndex = QModelIndex | QPersistentModelIndex

# data(index, ROW_ROLE) is the row object itself (any column).
ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 1
# data(index, SORT_ROLE) is a value Qt can compare, for QSortFilterProxyModel.setSortRole.
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 2

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_NUMERIC_KINDS = frozenset({"quantity", "money", "int"})
_CENT = Decimal("0.01")


def _decimal(value: Decimal | int | float) -> Decimal:
    # str() first: Decimal(0.1) would show the float's binary expansion.
    return value if isinstance(value, Decimal) else Decimal(str(value))


def format_quantity(value: Decimal | int | float) -> str:
    """Exact, with thousands separators and no trailing zeros: 15,000 / 273.81 / 0.5."""
    return grouped_text(_decimal(value))


def format_money(value: Decimal | int | float) -> str:
    """Yuan with two decimals: ¥1,650.00 (more decimals are shown, never rounded away)."""
    d = _decimal(value)
    if d == d.quantize(_CENT):
        d = d.quantize(_CENT)
    sign = "-" if d < 0 else ""
    return f"{sign}¥{abs(d):,f}"


def format_date(value: date) -> str:
    if isinstance(value, datetime):
        value = _local(value).date()
    return value.isoformat()


def format_datetime(value: datetime) -> str:
    """Local time to the minute: 2026-11-23 14:05."""
    return _local(value).strftime("%Y-%m-%d %H:%M")


def _local(value: datetime) -> datetime:
    # Aware datetimes are converted to the machine's zone; naive ones are taken as
    # already local, since there is no zone to convert from.
    return value.astimezone() if value.tzinfo is not None else value


def format_value(value: Any, kind: Kind) -> str:
    if value is None:
        return ""
    if kind == "quantity":
        return format_quantity(value)
    if kind == "money":
        return format_money(value)
    if kind == "date":
        return format_date(value)
    if kind == "datetime":
        return format_datetime(value)
    if kind == "int":
        return f"{value:,}"
    return str(value)


def qt_sort_value(value: Any) -> Any:
    """Turn a raw value into one QVariant can compare (a Decimal or date inside a
    QVariant is an opaque Python object, which proxies cannot order)."""
    if isinstance(value, Decimal):
        return float(value)  # only ordering is needed; float keeps it for our magnitudes
    if isinstance(value, datetime):
        return value.timestamp()
    if isinstance(value, date):
        return value.toordinal()
    return value


@dataclass(frozen=True, slots=True)
class Column(Generic[R]):
    """How one column reads and shows a row."""

    key: str  # also the sort key handed to LazyTableModel.fetch_page
    header: str | Callable[[], str]  # a callable is re-read, so it follows language changes
    getter: Callable[[R], Any]
    kind: Kind = "text"
    alignment: Qt.AlignmentFlag | None = None  # default: numbers right, others left
    foreground: Callable[[R], QColor | None] | None = None
    background: Callable[[R], QColor | None] | None = None
    tooltip: Callable[[R], str | None] | None = None

    def header_text(self) -> str:
        return self.header() if callable(self.header) else self.header

    def display(self, row: R) -> str:
        return format_value(self.getter(row), self.kind)

    def text_alignment(self) -> Qt.AlignmentFlag:
        if self.alignment is not None:
            return self.alignment
        return _RIGHT if self.kind in _NUMERIC_KINDS else _LEFT


class _ColumnsModel(QAbstractTableModel, Generic[R]):
    """What both models share: columns, roles and headers over a list of rows."""

    def __init__(self, columns: Sequence[Column[R]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[R] = []

    @property
    def columns(self) -> list[Column[R]]:
        return list(self._columns)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def row_at(self, index: AnyIndex) -> R | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def column_index(self, key: str) -> int:
        """Position of the column with ``key`` (ValueError if there is none)."""
        for position, column in enumerate(self._columns):
            if column.key == key:
                return position
        raise ValueError(f"No column {key!r}")

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None or not 0 <= index.column() < len(self._columns):
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.text_alignment()
        if role == Qt.ItemDataRole.ForegroundRole:
            return column.foreground(row) if column.foreground else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return column.background(row) if column.background else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(row) if column.tooltip else None
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return qt_sort_value(column.getter(row))
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._columns[section].header_text()
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return self._columns[section].text_alignment()
            return None
        return super().headerData(section, orientation, role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def retranslate(self) -> None:
        """Re-read callable headers; call it from the view's LanguageChange handler."""
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)


class RowsTableModel(_ColumnsModel[R]):
    """All rows in memory (up to some thousands); sorts in Python on exact values."""

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        getter = self._columns[column].getter
        values = [getter(row) for row in self._rows]
        present = [i for i, value in enumerate(values) if value is not None]
        missing = [i for i, value in enumerate(values) if value is None]
        # Stable, and empty cells stay at the bottom in both directions.
        present.sort(key=values.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
        new_order = present + missing

        self.layoutAboutToBeChanged.emit()
        new_position = {old: new for new, old in enumerate(new_order)}
        old_indexes = self.persistentIndexList()
        new_indexes = [self.index(new_position[i.row()], i.column()) for i in old_indexes]
        self._rows = [self._rows[i] for i in new_order]
        self.changePersistentIndexList(old_indexes, new_indexes)
        self.layoutChanged.emit()


FetchPage = Callable[[int, int, str | None, bool], Sequence[R]]


class LazyTableModel(_ColumnsModel[R]):
    """Rows fetched page by page as the view scrolls, for tables of 100,000+ rows.

    ``fetch_page(offset, limit, sort_key, descending)`` and ``count()`` are supplied
    by the caller and run SQL that does the sorting and filtering; this model only
    keeps the pages already seen. They run on the GUI thread, so each page must be
    quick (an indexed query with LIMIT/OFFSET).
    """

    PAGE_SIZE = 500

    def __init__(
        self,
        columns: Sequence[Column[R]],
        fetch_page: FetchPage[R],
        count: Callable[[], int],
        parent: Any = None,
        *,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(columns, parent)
        self._fetch_page = fetch_page
        self._count = count
        self._page_size = page_size
        self._sort_key: str | None = None
        self._descending = False
        self._total = count()
        self._changing = False

    @property
    def total_count(self) -> int:
        """Rows the source reported at the last reset (for a "共 N 条" label)."""
        return self._total

    @property
    def sort_key(self) -> str | None:
        return self._sort_key

    @property
    def descending(self) -> bool:
        return self._descending

    def canFetchMore(self, parent: AnyIndex) -> bool:
        if self._changing:
            # Listeners react to our insert/reset signals synchronously; one that
            # fetched from there would insert rows in the middle of our change
            # (or before later listeners saw the reset). Views fetch right after.
            return False
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex) -> None:
        if not self.canFetchMore(parent):
            return
        offset = len(self._rows)
        limit = min(self._page_size, self._total - offset)
        page = list(self._fetch_page(offset, limit, self._sort_key, self._descending))[:limit]
        if not page:
            # The source shrank since count(): stop asking, or views would loop forever.
            self._total = offset
            return
        self._changing = True
        try:
            self.beginInsertRows(QModelIndex(), offset, offset + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        finally:
            self._changing = False

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # Column -1 is how QHeaderView asks for the source's natural order.
        in_range = 0 <= column < len(self._columns)
        self._sort_key = self._columns[column].key if in_range else None
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()

    def refresh(self) -> None:
        """Drop the fetched pages, recount and load the first page again.

        The first page is fetched here rather than left to the view: views ask for more
        rows while the reset is being announced, when canFetchMore must say no."""
        total = self._count()  # before beginResetModel: if it raises, nothing has changed
        self._changing = True
        try:
            self.beginResetModel()
            self._rows = []
            self._total = total
            self.endResetModel()
        finally:
            self._changing = False
        self.fetchMore(QModelIndex())
