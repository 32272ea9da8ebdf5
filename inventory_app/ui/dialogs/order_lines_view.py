"""The table that edits request and order lines, with a button to drop a line."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .order_lines import AVAILABLE, DEPOT, ITEM, LOT, QUANTITY, OrderLinesDelegate, OrderLinesModel


class OrderLinesEditor(QWidget):
    """Type to edit; the last row is always blank for a new line. ``with_source`` shows the
    source depot, lot and availability columns (orders), otherwise item and quantity only."""

    def __init__(
        self, model: OrderLinesModel, parent: QWidget | None = None, *, with_source: bool = True
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.view = QTableView(self)
        self.view.setModel(model)
        self.delegate = OrderLinesDelegate(model, self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.verticalHeader().setDefaultSectionSize(28)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        widths = {ITEM: 300, QUANTITY: 90, DEPOT: 210, LOT: 220, AVAILABLE: 90}
        for column, width in widths.items():
            header.resizeSection(column, width)
            if not with_source and column in (DEPOT, LOT, AVAILABLE):
                self.view.setColumnHidden(column, True)
        header.setSectionResizeMode(ITEM, QHeaderView.ResizeMode.Stretch)

        self.remove_button = QPushButton(self.tr("删除所选行"), self)
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_selected)
        self.count_label = QLabel(self)
        model.modelReset.connect(self._count)
        model.rowsInserted.connect(self._count)
        model.rowsRemoved.connect(self._count)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._count()

    def remove_selected(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.model.remove_row(index.row())

    def _count(self) -> None:
        self.count_label.setText(self.tr("共 {0} 行").format(len(self.model.lines())))
