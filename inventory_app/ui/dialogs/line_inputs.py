"""A table of an order's lines with a few typed-in columns (签收 实收/原因, 回收 by condition)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ...domain.errors import DomainError
from ...domain.quantities import parse_quantity
from ...services.order_queries import OrderLineRow
from ..models.table_models import ROW_ROLE, format_quantity

AnyIndex = QModelIndex | QPersistentModelIndex
ERROR_BG = QColor("#fde0dc")
EDIT_BG = QColor("#fffbe6")
AMBER_BG = QColor("#ffe7b3")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class InputColumn:
    """A column: shown from the line (``getter``) or typed in (``getter`` None)."""

    key: str
    header: Callable[[], str]
    getter: Callable[[OrderLineRow], str] | None = None
    numeric: bool = False


def qty_text(value: Decimal) -> str:
    """A quantity as typed into a cell: exact, no thousands separators."""
    return format_quantity(value).replace(",", "")


def decimals_of(value: Decimal) -> int:
    """The item's decimals, read from a quantity the services quantized to them."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def parse_cell(line: OrderLineRow, text: str) -> Decimal:
    """A typed quantity of ``line``'s item; blank is zero (raises a DomainError)."""
    return parse_quantity(text.strip() or "0", decimals_of(line.quantity), allow_zero=True)


class LineInputsModel(QAbstractTableModel):
    """Rows are order lines; typed cells are kept as text per (row, key).

    Subclasses say which typed cells are wrong (``cell_invalid``) and which shown cells to
    highlight (``cell_background``).
    """

    def __init__(self, columns: Sequence[InputColumn], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._lines: list[OrderLineRow] = []
        self._texts: list[dict[str, str]] = []

    # ------------------------------------------------------------ content

    def set_lines(
        self, lines: Sequence[OrderLineRow], defaults: Callable[[OrderLineRow], dict[str, str]]
    ) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self._texts = [defaults(line) for line in self._lines]
        self.endResetModel()

    def lines(self) -> list[OrderLineRow]:
        return list(self._lines)

    def text(self, row: int, key: str) -> str:
        return self._texts[row].get(key, "").strip()

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def cell_invalid(self, row: int, key: str) -> bool:
        return False

    def cell_background(self, row: int, key: str) -> QColor | None:
        return None

    # ------------------------------------------------------------ Qt model

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header() if 0 <= section < len(self.columns) else None
        return super().headerData(section, orientation, role)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        if not 0 <= index.column() < len(self.columns):
            return None
        row, column = index.row(), self.columns[index.column()]
        line = self._lines[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column.getter is not None:
                return column.getter(line)
            return self._texts[row].get(column.key, "")
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return _RIGHT
        if role == Qt.ItemDataRole.BackgroundRole:
            if column.getter is None:
                return ERROR_BG if self.cell_invalid(row, column.key) else EDIT_BG
            return self.cell_background(row, column.key)
        if role == ROW_ROLE:
            return line
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if 0 <= index.column() < len(self.columns) and self.columns[index.column()].getter is None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or role != Qt.ItemDataRole.EditRole
            or not 0 <= index.row() < len(self._lines)
            or not 0 <= index.column() < len(self.columns)
            or self.columns[index.column()].getter is not None
        ):
            return False
        key = self.columns[index.column()].key
        self._texts[index.row()][key] = str(value if value is not None else "").strip()
        # The whole row: a typed quantity can make another cell (a reason) required.
        self.dataChanged.emit(
            self.index(index.row(), 0), self.index(index.row(), len(self.columns) - 1)
        )
        return True

    def valid_quantity(self, row: int, key: str) -> bool:
        try:
            parse_cell(self._lines[row], self.text(row, key))
        except DomainError:
            return False
        return True


def input_lines_view(parent: QWidget, model: LineInputsModel, stretch: int = 1) -> QTableView:
    """The table of a sign or return dialog: typing into a highlighted cell edits it."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
        | QAbstractItemView.EditTrigger.SelectedClicked
    )
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(28)
    view.setWordWrap(False)
    view.setAlternatingRowColors(False)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    model.modelReset.connect(lambda: fit_columns(view, stretch))
    return view


def fit_columns(view: QTableView, stretch: int) -> None:
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(header.count()):
        header.resizeSection(column, max(header.sectionSize(column), 64))
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
