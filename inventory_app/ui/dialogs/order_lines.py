"""An allocation order's lines as typed: item, quantity, source depot, optional lot, available."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ...domain.errors import DomainError
from ...domain.orders import OrderLine
from ...domain.quantities import parse_quantity, plain_decimal
from ...services.rows import DepotRow, ItemRow, LotStockRow
from ..models.table_models import format_quantity
from ..widgets.depot_combo import RowListModel, depot_label
from ..widgets.item_picker import ItemPicker, item_label
from ..widgets.lines_model import lot_label

AnyIndex = QModelIndex | QPersistentModelIndex
ITEM, QUANTITY, DEPOT, LOT, AVAILABLE = range(5)
ERROR_BG = QColor("#fde0dc")
SHORT_BG = QColor("#fff1cc")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass
class OrderEditLine:
    item: ItemRow | None = None
    quantity: str = ""
    depot: DepotRow | None = None
    lot: LotStockRow | None = None

    def is_blank(self) -> bool:
        return self.item is None and not self.quantity.strip()


class OrderLinesModel(QAbstractTableModel):
    """Rows of OrderEditLine and a trailing blank one; a source depot per line."""

    def __init__(self, parent: Any = None, *, needs_depot: bool = True) -> None:
        super().__init__(parent)
        self.needs_depot = needs_depot
        self._lines: list[OrderEditLine] = [OrderEditLine()]
        self._items: dict[str, ItemRow] = {}
        self._depots: list[DepotRow] = []
        self._lots: list[LotStockRow] = []
        self.default_depot: DepotRow | None = None

    # ------------------------------------------------------------ reference data

    def set_reference(
        self, items: Sequence[ItemRow], depots: Sequence[DepotRow], lots: Sequence[LotStockRow]
    ) -> None:
        self._items = {i.code: i for i in items}
        self._depots = list(depots)
        self._lots = list(lots)
        self._refresh_all()

    def items(self) -> list[ItemRow]:
        return list(self._items.values())

    def depots(self) -> list[DepotRow]:
        return list(self._depots)

    def lots_for(self, line: OrderEditLine) -> list[LotStockRow]:
        if line.item is None or line.depot is None:
            return []
        code, depot = line.item.code, line.depot.code
        return [x for x in self._lots if x.item_code == code and x.depot_code == depot]

    def available(self, line: OrderEditLine) -> Decimal | None:
        if line.item is None or line.depot is None:
            return None
        if line.lot is not None:
            return line.lot.available
        return sum((x.available for x in self.lots_for(line)), Decimal(0))

    # ------------------------------------------------------------ lines

    def lines(self) -> list[OrderEditLine]:
        return [replace(x) for x in self._lines if not x.is_blank()]

    def line_at(self, row: int) -> OrderEditLine:
        return self._lines[row]

    def set_lines(self, lines: Sequence[tuple[str, Decimal] | tuple[str, Decimal, str]]) -> None:
        """Replace every line with (item code, quantity[, source depot code]); without a
        depot code at the default source depot."""
        self.beginResetModel()
        depots = {d.code: d for d in self._depots}
        self._lines = []
        for code, qty, *depot in lines:
            line = OrderEditLine(self._items.get(code), format_quantity(qty).replace(",", ""))
            line.depot = depots.get(depot[0]) if depot else self.default_depot
            self._lines.append(line)
        self._lines.append(OrderEditLine())
        self.endResetModel()

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self._lines) - 1:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._lines[row]
            self.endRemoveRows()

    def line_problem(self, line: OrderEditLine, error_text: Callable[[DomainError], str]) -> str:
        if line.item is None:
            return self.tr("未选择物资")
        try:
            parse_quantity(line.quantity, line.item.decimals)
        except DomainError as error:
            return error_text(error)
        if line.depot is None and self.needs_depot:
            return self.tr("未选择调出仓库")
        return ""

    def problems(self, error_text: Callable[[DomainError], str]) -> list[str]:
        found = []
        for row, line in enumerate(self._lines):
            if line.is_blank():
                continue
            problem = self.line_problem(line, error_text)
            if problem:
                found.append(self.tr("第 {0} 行：{1}").format(row + 1, problem))
        return found

    def shortages(self) -> list[str]:
        """Lines asking for more than is available at their depot (approval would refuse)."""
        found = []
        for row, line in enumerate(self.lines()):
            have = self.available(line)
            want = plain_decimal(line.quantity)
            if want is None:
                continue
            if have is not None and want > have and line.item is not None:
                found.append(
                    self.tr("第 {0} 行：{1} 在该仓库可用 {2}").format(
                        row + 1, line.item.name, format_quantity(have)
                    )
                )
        return found

    def order_lines(self) -> list[OrderLine]:
        result = []
        for line in self.lines():
            assert line.item is not None and line.depot is not None  # problems() came first
            qty = parse_quantity(line.quantity, line.item.decimals)
            lot = line.lot.lot_id if line.lot else None
            result.append(OrderLine(line.item.code, qty, line.depot.code, lot))
        return result

    # ------------------------------------------------------------ Qt model

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = [
                self.tr("物资"),
                self.tr("数量"),
                self.tr("调出仓库"),
                self.tr("批次"),
                self.tr("可用库存"),
            ]
            return headers[section] if 0 <= section < len(headers) else None
        return super().headerData(section, orientation, role)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line, column = self._lines[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, column)
        if role == Qt.ItemDataRole.EditRole:
            return self._display(line, column) if column == QUANTITY else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (QUANTITY, AVAILABLE):
            return _RIGHT
        if role == Qt.ItemDataRole.BackgroundRole and not line.is_blank():
            if column == QUANTITY and line.item is not None:
                try:
                    parse_quantity(line.quantity, line.item.decimals)
                except DomainError:
                    return ERROR_BG
            if column == AVAILABLE:
                have = self.available(line)
                want = plain_decimal(line.quantity)
                short = have is not None and want is not None and want > have
                return SHORT_BG if short else None
        return None

    def _display(self, line: OrderEditLine, column: int) -> str:
        if column == ITEM:
            if line.item is None:
                return ""
            return item_label(line.item)
        if column == QUANTITY:
            return line.quantity
        if column == DEPOT:
            return depot_label(line.depot) if line.depot else ""
        if column == LOT:
            if line.lot is not None:
                return lot_label(line.lot)
            return self.tr("先到期先出（自动）") if line.item else ""
        have = self.available(line)
        return format_quantity(have) if have is not None else ""

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() != AVAILABLE else flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row, column = index.row(), index.column()
        if not 0 <= row < len(self._lines):
            return False
        line = self._lines[row]
        if column == ITEM:
            item = value if isinstance(value, ItemRow) else self._items.get(str(value or ""))
            if item is None and value:
                return False
            line.item, line.lot = item, None
            if item is not None and line.depot is None:
                line.depot = self.default_depot
        elif column == QUANTITY:
            line.quantity = str(value or "").strip()
        elif column == DEPOT:
            code = value.code if isinstance(value, DepotRow) else str(value or "")
            line.depot = next((d for d in self._depots if d.code == code), None)
            line.lot = None
        elif column == LOT:
            lot_id = value.lot_id if isinstance(value, LotStockRow) else value
            line.lot = next((x for x in self.lots_for(line) if x.lot_id == lot_id), None)
        else:
            return False
        self._refresh_row(row)
        if row == len(self._lines) - 1 and not line.is_blank():
            self.beginInsertRows(QModelIndex(), row + 1, row + 1)
            self._lines.append(OrderEditLine())
            self.endInsertRows()
        return True

    def _refresh_row(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, 4))

    def _refresh_all(self) -> None:
        if self._lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._lines) - 1, 4))


class OrderLinesDelegate(QStyledItemDelegate):
    """Item picker, quantity field, depot and lot lists."""

    def __init__(self, model: OrderLinesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        column = index.column()
        line = self._model.line_at(index.row())
        if column == ITEM:
            picker = ItemPicker(parent=parent, items=self._model.items())
            picker.setClearButtonEnabled(False)
            picker.picked.connect(lambda _code: self._commit(picker))
            return picker
        if column == QUANTITY:
            edit = QLineEdit(parent)
            edit.setAlignment(_RIGHT)
            return edit
        combo = QComboBox(parent)
        if column == DEPOT:
            depots: RowListModel[DepotRow] = RowListModel(depot_label, combo)
            depots.set_rows(self._model.depots())
            combo.setModel(depots)
            combo.setCurrentIndex(
                depots.position_of(lambda d: line.depot is not None and d.code == line.depot.code)
            )
        else:
            lots: RowListModel[LotStockRow] = RowListModel(
                lot_label, combo, none_label=lambda: self.tr("先到期先出（自动）")
            )
            lots.set_rows(self._model.lots_for(line))
            combo.setModel(lots)
            chosen = line.lot.lot_id if line.lot else None
            combo.setCurrentIndex(max(lots.position_of(lambda x: x.lot_id == chosen), 0))
        combo.activated.connect(lambda _row: self._commit(combo))
        return combo

    def _commit(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        line = self._model.line_at(index.row())
        if isinstance(editor, ItemPicker):
            editor.set_item(line.item)
        elif isinstance(editor, QLineEdit):
            editor.setText(line.quantity)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, ItemPicker):
            item = editor.resolve()
            if item is not None or not editor.text().strip():
                model.setData(index, item)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text())
        elif isinstance(editor, QComboBox):
            rows = editor.model()
            assert isinstance(rows, RowListModel)
            model.setData(index, rows.row_at(editor.currentIndex()))
