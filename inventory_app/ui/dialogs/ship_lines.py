"""The ship dialog's lines: an order's open lines at one depot with an editable quantity each."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ...domain.errors import DomainError, InvalidQuantity
from ...domain.quantities import parse_quantity, plain_decimal
from ...services.order_queries import OrderLineRow
from ..models.table_models import ROW_ROLE, format_quantity
from .line_inputs import decimals_of

AnyIndex = QModelIndex | QPersistentModelIndex
ERROR_BG = QColor("#fde0dc")
EDIT_BG = QColor("#fffbe6")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
QTY_COLUMN = 6


class ShipLinesModel(QAbstractTableModel):
    """One row per open order line; the last column (本次出库) is typed in, all by default."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[OrderLineRow] = []
        self._texts: list[str] = []

    def _headers(self) -> list[str]:
        return [
            self.tr("行"),
            self.tr("物资"),
            self.tr("规格"),
            self.tr("调拨数量"),
            self.tr("已出库"),
            self.tr("待出库"),
            self.tr("本次出库"),
            self.tr("单位"),
        ]

    def set_lines(self, lines: Sequence[OrderLineRow]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self._texts = [format_quantity(line.reserved).replace(",", "") for line in self._lines]
        self.endResetModel()

    def entries(self) -> list[tuple[OrderLineRow, str]]:
        return list(zip(self._lines, self._texts, strict=True))

    def _parse(self, row: int) -> Decimal:
        line, text = self._lines[row], self._texts[row].strip() or "0"
        qty = parse_quantity(text, decimals_of(line.reserved), allow_zero=True)
        if qty > line.reserved:
            raise InvalidQuantity(text, "too_large")
        return qty

    def quantities(self) -> dict[int, Decimal]:
        """Order line number → quantity to ship (raises the first invalid one)."""
        return {line.line_no: self._parse(row) for row, line in enumerate(self._lines)}

    def problems(self, error_text: Callable[[DomainError], str]) -> list[str]:
        """What is wrong with the typed quantities, one text per line."""
        found = []
        for row, line in enumerate(self._lines):
            try:
                self._parse(row)
            except DomainError as error:
                if self._over(row):
                    found.append(
                        self.tr("第 {0} 行：本次出库超过待出库数量 {1}").format(
                            line.line_no, format_quantity(line.reserved)
                        )
                    )
                else:
                    found.append(self.tr("第 {0} 行：").format(line.line_no) + error_text(error))
        if self._lines and not found and not any(self.quantities().values()):
            found.append(self.tr("请至少填写一行本次出库数量"))
        return found

    def _over(self, row: int) -> bool:
        typed = plain_decimal(self._texts[row].strip() or "0")
        return typed is not None and typed > self._lines[row].reserved

    def _valid(self, row: int) -> bool:
        try:
            self._parse(row)
        except DomainError:
            return False
        return True

    # ------------------------------------------------------------ Qt model

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line, column = self._lines[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            values = [
                str(line.line_no),
                f"{line.item_name} {line.item_code}",
                line.spec,
                format_quantity(line.quantity),
                format_quantity(line.shipped),
                format_quantity(line.reserved),
                self._texts[index.row()],
                line.unit,
            ]
            return values[column] if 0 <= column < len(values) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 3, 4, 5, 6):
            return _RIGHT
        if role == Qt.ItemDataRole.BackgroundRole and column == QTY_COLUMN:
            return EDIT_BG if self._valid(index.row()) else ERROR_BG
        if role == ROW_ROLE:
            return line
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = self._headers()
            return headers[section] if 0 <= section < len(headers) else None
        return super().headerData(section, orientation, role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == QTY_COLUMN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or index.column() != QTY_COLUMN
            or role != Qt.ItemDataRole.EditRole
            or not 0 <= index.row() < len(self._lines)
        ):
            return False
        self._texts[index.row()] = str(value if value is not None else "").strip()
        self.dataChanged.emit(index, index)
        return True


def ship_lines_view(parent: QWidget, model: ShipLinesModel) -> QTableView:
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
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(False)
    return view
