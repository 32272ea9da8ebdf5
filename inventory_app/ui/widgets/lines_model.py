"""The editable lines of a stock document: one row per line, checked as the keeper types."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from ...domain.errors import DomainError
from ...domain.quantities import fen_to_yuan, money_amount, parse_money, parse_quantity
from ...services.rows import LotStockRow
from .lines_checks import check_availability, check_line
from .lines_common import (
    ALIGN_LEFT,
    ALIGN_RIGHT,
    CLEARABLE,
    COMPUTED_BACKGROUND,
    EDITABLE,
    ERROR_BACKGROUND,
    ERROR_TEXT,
    HINT_TEXT,
    LINE_ROLE,
    NUMERIC,
    WARNING_BACKGROUND,
    AnyIndex,
    Col,
    Line,
    Problem,
    header_text,
    lot_label,
)
from .lines_display import display, edit_value, is_hint, summary, tooltip
from .lines_edit import apply_edit, auto_expiry, default_price
from .lines_reference import LineReference

# The names the dialogs and the editor have always imported from here.
__all__ = [
    "ERROR_BACKGROUND",
    "LINE_ROLE",
    "WARNING_BACKGROUND",
    "Col",
    "Line",
    "LinesModel",
    "Problem",
    "lot_label",
]


class LinesModel(LineReference, QAbstractTableModel):
    """Rows of `Line` under the chosen columns; the last row is always a blank one to type in.

    Checks run on every change, so a wrong cell turns red while the keeper types;
    missing required values are shown only after ``set_reveal_missing(True)`` (the
    first attempt to post), so a half-typed line is not red before it is finished.
    """

    changed = Signal()

    def __init__(
        self,
        columns: Sequence[Col],
        *,
        error_text: Callable[[DomainError], str],
        signed: bool = False,
        lot_required: bool = False,
        headers: dict[Col, Callable[[], str]] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._headers = dict(headers or {})
        self._error_text = error_text
        self.signed = signed
        self.lot_required = lot_required
        self._lines: list[Line] = [Line()]
        self._problems: list[dict[Col, Problem]] = [{}]
        self._reveal_missing = False
        self._init_reference()

    # ------------------------------------------------------------ reference data

    @property
    def columns(self) -> list[Col]:
        return list(self._columns)

    def column_of(self, col: Col) -> int:
        return self._columns.index(col)

    def header(self, col: Col) -> str:
        override = self._headers.get(col)
        return override() if override else header_text(col)

    def col_at(self, column: int) -> Col:
        return self._columns[column]

    @property
    def reveal_missing(self) -> bool:
        return self._reveal_missing

    def error_text(self, error: DomainError) -> str:
        return self._error_text(error)

    def set_reveal_missing(self, reveal: bool) -> None:
        self._reveal_missing = reveal
        self._recheck()

    # ------------------------------------------------------------ lines

    def lines(self) -> list[Line]:
        """Every row, including the trailing blank one (copies: edit through setData)."""
        return [replace(line) for line in self._lines]

    def filled_lines(self) -> list[tuple[int, Line]]:
        """(row, line) for lines with content: blank rows are ignored when posting."""
        return [(row, replace(line)) for row, line in enumerate(self._lines) if not line.is_blank()]

    def line_at(self, row: int) -> Line | None:
        return replace(self._lines[row]) if 0 <= row < len(self._lines) else None

    def insert_line(self, row: int) -> int:
        row = max(0, min(row, len(self._lines)))
        self.beginInsertRows(QModelIndex(), row, row)
        self._lines.insert(row, Line())
        self._problems.insert(row, {})
        self.endInsertRows()
        self._after_change()
        return row

    def remove_lines(self, rows: Sequence[int]) -> None:
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self._lines):
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._lines[row]
                del self._problems[row]
                self.endRemoveRows()
        self._after_change()

    def set_lines(self, lines: Sequence[Line]) -> None:
        self.beginResetModel()
        self._lines = [replace(line) for line in lines]
        self._problems = [{} for _ in self._lines]
        self.endResetModel()
        self._after_change()

    def add_lot_line(self, lot: LotStockRow, quantity: str = "") -> None:
        """Fill the first blank row with a lot (the adjust dialog's preset)."""
        row = next(i for i, line in enumerate(self._lines) if line.is_blank())
        line = self._lines[row]
        line.item = self._items.get(lot.item_code)
        line.lot = lot
        line.quantity = quantity
        self._after_change()

    def _after_change(self) -> None:
        # A blank row at the end is where the next line is typed.
        if not self._lines or not self._lines[-1].is_blank():
            row = len(self._lines)
            self.beginInsertRows(QModelIndex(), row, row)
            self._lines.append(Line())
            self._problems.append({})
            self.endInsertRows()
        self._recheck()

    # ------------------------------------------------------------ checks

    def problem(self, row: int, col: Col) -> Problem | None:
        if not 0 <= row < len(self._problems):
            return None
        return self._problems[row].get(col)

    def problems(self) -> list[tuple[int, Col, Problem]]:
        """Every shown problem as (row, column, problem), in reading order."""
        found = []
        for row, problems in enumerate(self._problems):
            for col in self._columns:
                if col in problems:
                    found.append((row, col, problems[col]))
        return found

    def errors(self) -> list[tuple[int, Col, Problem]]:
        return [p for p in self.problems() if p[2].is_error]

    def warnings(self) -> list[tuple[int, Col, Problem]]:
        return [p for p in self.problems() if not p[2].is_error]

    def _recheck(self) -> None:
        self._problems = [check_line(self, line) for line in self._lines]
        check_availability(self, self._lines, self._problems)
        if self._lines and self._columns:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._lines) - 1, len(self._columns) - 1)
            )
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self._lines) - 1)
        self.changed.emit()

    def parsed_quantity(self, line: Line) -> Decimal | None:
        """The line's quantity if it is valid for its item, else None."""
        try:
            return parse_quantity(
                line.quantity, line.item.decimals if line.item else 3, allow_negative=self.signed
            )
        except DomainError:
            return None

    # ------------------------------------------------------------ Qt model

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._columns):
                return None
            col = self._columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return self.header(col)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return ALIGN_RIGHT if col in NUMERIC else ALIGN_LEFT
            return None
        if not 0 <= section < len(self._lines):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        if role == Qt.ItemDataRole.ForegroundRole and any(
            p.is_error for p in self._problems[section].values()
        ):
            return ERROR_TEXT
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        col = self._columns[index.column()]
        if col not in EDITABLE:
            return base
        if col == Col.LOT and self._lines[index.row()].item is None:
            return base  # a lot is chosen among the item's lots
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        col = self._columns[index.column()]
        problem = self._problems[index.row()].get(col)
        if role == Qt.ItemDataRole.DisplayRole:
            return display(self, line, col)
        if role == Qt.ItemDataRole.EditRole:
            return edit_value(self, line, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return ALIGN_RIGHT if col in NUMERIC else ALIGN_LEFT
        if role == Qt.ItemDataRole.BackgroundRole:
            if problem is not None:
                return ERROR_BACKGROUND if problem.is_error else WARNING_BACKGROUND
            return COMPUTED_BACKGROUND if col not in EDITABLE else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if problem is not None and problem.is_error:
                return ERROR_TEXT
            return HINT_TEXT if is_hint(self, line, col) else None
        if role == Qt.ItemDataRole.FontRole and is_hint(self, line, col):
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if problem is not None:
                return problem.text
            return tooltip(self, line, col)
        if role == LINE_ROLE:
            return replace(line)
        return None

    def amount(self, line: Line) -> Decimal | None:
        """Quantity × unit price, rounded to the fen; None when either is not valid yet."""
        qty = self.parsed_quantity(line) if line.quantity.strip() else None
        if qty is None or not line.unit_price.strip():
            return None
        try:
            fen = parse_money(line.unit_price.strip())
        except DomainError:
            return None
        return fen_to_yuan(money_amount(qty, fen))

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        line = self._lines[index.row()]
        col = self._columns[index.column()]
        apply_edit(self, line, col, value)
        self._after_change()
        return True

    def clear_cell(self, index: AnyIndex) -> bool:
        """Empty an optional cell (Backspace); an emptied expiry goes back to automatic."""
        if not index.isValid() or self._columns[index.column()] not in CLEARABLE:
            return False
        line = self._lines[index.row()]
        col = self._columns[index.column()]
        if col == Col.EXPIRY:
            line.expiry_manual = False
            auto_expiry(line)
            self._after_change()
            return True
        if col == Col.PRICE:
            line.price_manual = False
            default_price(line)
            self._after_change()
            return True
        return self.setData(index, None)

    def summary(self) -> str:
        """合计 13 顶、2 套 · 金额 ¥21,720.00 (valid lines only)."""
        return summary(self)

    def retranslate(self) -> None:
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        self._recheck()
