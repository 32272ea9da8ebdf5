"""The lines table of a stock document: cell editors, keyboard handling and the totals line."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRegularExpression,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import parse_day
from ...services.rows import LotStockRow, OrganisationRow
from .depot_combo import LocationCombo, RowListModel
from .item_picker import ItemPicker
from .lines_model import LINE_ROLE, Col, Line, LinesModel, Problem, lot_label

AnyIndex = QModelIndex | QPersistentModelIndex

COLUMN_WIDTHS = {
    Col.ITEM: 300,
    Col.LOT: 300,
    Col.QUANTITY: 100,
    Col.AVAILABLE: 100,
    Col.BOOK: 100,
    Col.AFTER: 100,
    Col.BATCH: 120,
    Col.PRODUCTION: 110,
    Col.EXPIRY: 110,
    Col.LOCATION: 130,
    Col.PRICE: 100,
    Col.AMOUNT: 120,
    Col.OWNER: 170,
}
ROW_HEIGHT = 30


def quantity_pattern(decimals: int, signed: bool) -> str:
    """Digits only, at most `decimals` after the point (and a sign for adjustments)."""
    sign = "[+-]?" if signed else ""
    fraction = rf"(\.\d{{0,{decimals}}})?" if decimals > 0 else ""
    return rf"^{sign}\d{{0,12}}{fraction}$"


MONEY_PATTERN = r"^\d{0,10}(\.\d{0,2})?$"


class LinesDelegate(QStyledItemDelegate):
    """One editor per kind of cell: item picker, quantity, dates, location, lot, owner."""

    item_chosen = Signal(QModelIndex)  # an item was picked from the list: go to its quantity
    quantity_entered = Signal(QModelIndex)  # Enter in a quantity: go to the next line

    def __init__(self, model: LinesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        col = self._model.col_at(index.column())
        line: Line = index.data(LINE_ROLE)
        if col == Col.ITEM:
            picker = ItemPicker(parent=parent, items=self._model.items())
            picker.setClearButtonEnabled(False)
            persistent = QPersistentModelIndex(index)
            picker.picked.connect(lambda _code: self._finish(picker, persistent, chosen=True))
            return picker
        if col in (Col.QUANTITY, Col.PRICE, Col.BATCH):
            edit = QLineEdit(parent)
            if col == Col.QUANTITY:
                decimals = line.item.decimals if line.item else 3
                pattern = quantity_pattern(decimals, self._model.signed)
                edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                persistent = QPersistentModelIndex(index)
                # The view commits and closes the editor on Enter by itself (queued);
                # moving on is queued after that.
                edit.returnPressed.connect(
                    lambda: QTimer.singleShot(
                        0, lambda: self.quantity_entered.emit(self._plain(persistent))
                    )
                )
            elif col == Col.PRICE:
                pattern = MONEY_PATTERN
                edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            else:
                pattern = ""
                edit.setMaxLength(60)
            if pattern:
                edit.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), edit))
            return edit
        if col in (Col.PRODUCTION, Col.EXPIRY):
            # Typed as keepers type dates: 2026-10-15, 2026/10/15, 20261015, 10-15 …
            dates = QLineEdit(parent)
            dates.setObjectName("dateEdit")
            dates.setPlaceholderText("2026-10-15")
            dates.setMaxLength(16)
            return dates
        if col == Col.LOCATION:
            locations = LocationCombo(parent)
            locations.set_locations(self._model.locations())
            return self._popup_combo(locations, index)
        if col == Col.OWNER:
            owners: RowListModel[OrganisationRow] = RowListModel(
                lambda o: o.name, None, none_label=lambda: self.tr("（仓库所属单位）")
            )
            owners.set_rows(self._model.organisations())
            combo = QComboBox(parent)
            owners.setParent(combo)
            combo.setModel(owners)
            return self._popup_combo(combo, index)
        if col == Col.LOT:
            none = None if self._model.lot_required else (lambda: self.tr("先到期先出（自动）"))
            lots: RowListModel[LotStockRow] = RowListModel(lot_label, None, none_label=none)
            lots.set_rows(self._model.lots_for(line.item.code if line.item else None))
            combo = QComboBox(parent)
            lots.setParent(combo)
            combo.setModel(lots)
            return self._popup_combo(combo, index)
        return super().createEditor(parent, option, index)

    def _popup_combo(self, combo: QComboBox, index: AnyIndex) -> QComboBox:
        persistent = QPersistentModelIndex(index)
        combo.activated.connect(lambda _row: self._finish(combo, persistent))
        # One click to open the list, not two: the keeper came here to choose.
        QTimer.singleShot(0, combo.showPopup)
        return combo

    def _finish(
        self, editor: QWidget, index: QPersistentModelIndex, *, chosen: bool = False
    ) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        if chosen:
            self.item_chosen.emit(self._plain(index))

    def _plain(self, index: QPersistentModelIndex) -> QModelIndex:
        return self._model.index(index.row(), index.column())

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        col = self._model.col_at(index.column())
        value = index.data(Qt.ItemDataRole.EditRole)
        line: Line = index.data(LINE_ROLE)
        # A key that opened the editor arrives after this and replaces the selected text.
        if isinstance(editor, ItemPicker):
            editor.set_item(value or None)
        elif isinstance(editor, QLineEdit) and editor.objectName() == "dateEdit":
            day = value if isinstance(value, date) else self._default_date(col, line)
            editor.setText(day.isoformat())
            editor.selectAll()
        elif isinstance(editor, QLineEdit):
            editor.setText(str(value or ""))
        elif isinstance(editor, LocationCombo):
            editor.set_current_code(value)
        elif isinstance(editor, QComboBox):
            model = editor.model()
            assert isinstance(model, RowListModel)
            if col == Col.LOT:
                position = model.position_of(lambda lot: lot.lot_id == value)
            else:
                position = model.position_of(lambda org: org.code == value)
            editor.setCurrentIndex(max(position, 0))

    @staticmethod
    def _default_date(col: Col, line: Line) -> date:
        life = line.item.shelf_life if line.item else None
        if col == Col.EXPIRY and line.production_date and life:
            return life.expiry(line.production_date)
        return date.today()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        col = self._model.col_at(index.column())
        if isinstance(editor, ItemPicker):
            item = editor.resolve()
            if item is not None or not editor.text().strip():
                model.setData(index, item)
        elif isinstance(editor, QLineEdit) and editor.objectName() == "dateEdit":
            day = parse_day(editor.text(), date.today())
            if day is not None or not editor.text().strip():
                model.setData(index, day)  # an unreadable date keeps what was there
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text())
        elif isinstance(editor, LocationCombo):
            model.setData(index, editor.current_code())
        elif isinstance(editor, QComboBox):
            rows = editor.model()
            assert isinstance(rows, RowListModel)
            row = rows.row_at(editor.currentIndex())
            if col == Col.LOT:
                model.setData(index, row.lot_id if isinstance(row, LotStockRow) else None)
            else:
                model.setData(index, row.code if isinstance(row, OrganisationRow) else None)


class LinesView(QTableView):
    """A spreadsheet-like table: type to edit, Insert adds a line, Delete removes lines."""

    insert_pressed = Signal()
    delete_pressed = Signal()
    backspace_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setStretchLastSection(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Only reached when no cell editor is open, so Delete in an editor still
        # deletes characters; handled before the "any key starts editing" rule.
        if event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            signal = {
                Qt.Key.Key_Insert: self.insert_pressed,
                Qt.Key.Key_Delete: self.delete_pressed,
                Qt.Key.Key_Backspace: self.backspace_pressed,
            }.get(Qt.Key(event.key()))
            if signal is not None:
                signal.emit()
                event.accept()
                return
        super().keyPressEvent(event)


class LinesEditor(QWidget):
    """Table of document lines with add / remove buttons and a running total underneath."""

    changed = Signal()

    def __init__(self, model: LinesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        model.setParent(self)
        self.view = LinesView(self)
        self.view.setModel(model)
        self.delegate = LinesDelegate(model, self.view)
        self.view.setItemDelegate(self.delegate)
        self.delegate.item_chosen.connect(self._after_item_chosen)
        self.delegate.quantity_entered.connect(self._after_quantity_entered)

        header = self.view.horizontalHeader()
        for position, col in enumerate(model.columns):
            header.resizeSection(position, COLUMN_WIDTHS.get(col, 110))
        if Col.ITEM in model.columns:
            header.setSectionResizeMode(model.column_of(Col.ITEM), QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)

        self.add_button = QPushButton(self.tr("添加行 (Insert)"), self)
        self.remove_button = QPushButton(self.tr("删除行 (Delete)"), self)
        self.add_button.setAutoDefault(False)
        self.remove_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_line)
        self.remove_button.clicked.connect(self.remove_selected)
        self.summary_label = QLabel(self)
        self.summary_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.view.insert_pressed.connect(self.add_line)
        self.view.delete_pressed.connect(self.remove_selected)
        self.view.backspace_pressed.connect(self.clear_current_cell)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.summary_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

        model.changed.connect(self._on_changed)
        self._on_changed()

    def _on_changed(self) -> None:
        self.summary_label.setText(self.model.summary())
        self.changed.emit()

    # ------------------------------------------------------------ actions

    def add_line(self) -> None:
        """Go to a new line's first cell and start typing there."""
        current = self.view.currentIndex()
        lines = self.model.lines()
        if (
            current.isValid()
            and not lines[current.row()].is_blank()
            and (current.row() < len(lines) - 2)
        ):
            row = self.model.insert_line(current.row() + 1)
        else:
            row = len(lines) - 1  # the blank line at the end
        self.edit_cell(row, self.model.columns[0])

    def remove_selected(self) -> None:
        rows = {index.row() for index in self.view.selectionModel().selectedIndexes()}
        if not rows and self.view.currentIndex().isValid():
            rows = {self.view.currentIndex().row()}
        if rows:
            first = min(rows)
            self.model.remove_lines(sorted(rows))
            target = min(first, self.model.rowCount() - 1)
            self.view.setCurrentIndex(
                self.model.index(
                    target,
                    self.view.currentIndex().column() if self.view.currentIndex().isValid() else 0,
                )
            )

    def clear_current_cell(self) -> None:
        for index in self.view.selectionModel().selectedIndexes() or [self.view.currentIndex()]:
            self.model.clear_cell(index)

    def edit_cell(self, row: int, col: Col) -> None:
        if col not in self.model.columns:
            return
        index = self.model.index(row, self.model.column_of(col))
        self.view.setFocus()
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        if self.model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            self.view.edit(index)

    def focus_cell(self, row: int, col: Col) -> None:
        """Put the cursor on a cell without selecting it, so a red marker stays visible."""
        index = self.model.index(row, self.model.column_of(col))
        self.view.setFocus()
        self.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.Clear)
        self.view.scrollTo(index)

    def _after_item_chosen(self, index: QModelIndex) -> None:
        # Deferred: the picker's editor is still closing when this arrives.
        row = index.row()
        line = self.model.line_at(row)
        nxt = Col.LOT if (self.model.lot_required and line and line.lot is None) else Col.QUANTITY
        QTimer.singleShot(0, lambda: self.edit_cell(row, nxt))

    def _after_quantity_entered(self, index: QModelIndex) -> None:
        row = index.row() + 1
        if row < self.model.rowCount():
            QTimer.singleShot(0, lambda: self.focus_cell(row, self.model.columns[0]))

    # ------------------------------------------------------------ problems

    def problem_text(self, row: int, col: Col, problem: Problem) -> str:
        return self.tr("第 {row} 行「{column}」：{text}").format(
            row=row + 1, column=self.model.header(col), text=problem.text
        )
