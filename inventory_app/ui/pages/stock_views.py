"""The stock page's four views: the switch buttons and a table per view, with their widths."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QTableView,
    QWidget,
)

from ...domain.permissions import Actor
from ...services.database import Database
from ...services.stock_queries import StockFilter, stock_by_category, stock_by_item
from .page_base import query_table
from .stock_columns import WIDTH_SAMPLES, StockView, view_names


def view_rows(uow: Database, actor: Actor, view: StockView, flt: StockFilter) -> list[Any]:
    """The rows of a summary view (by item, depot or category); run off the GUI thread."""
    if view == StockView.CATEGORY:
        return list(stock_by_category(uow, actor, flt))
    rows = stock_by_item(uow, actor, flt, per_depot=view == StockView.DEPOT)
    if view == StockView.DEPOT:
        rows.sort(key=lambda r: (r.depot_code, r.item_code))
    return list(rows)


class StockViews:
    """Exclusive buttons over a stack of tables, one per `StockView` (children of the page)."""

    def __init__(self, page: QWidget) -> None:
        self._page = page
        self.models: dict[StockView, Any] = {}
        self.group = QButtonGroup(page)
        self.group.setExclusive(True)
        self.buttons: dict[StockView, QPushButton] = {}
        self.switch = QHBoxLayout()
        self.switch.setSpacing(0)
        for view in StockView:
            button = QPushButton(page)
            button.setCheckable(True)
            button.setMinimumWidth(76)
            self.group.addButton(button, int(view))
            self.buttons[view] = button
            self.switch.addWidget(button)
        self.buttons[StockView.LOT].setChecked(True)
        self.tables: dict[StockView, QTableView] = {}

    def add_tables(
        self,
        models: Mapping[StockView, Any],
        on_sort: Callable[[StockView, int, Qt.SortOrder], None],
    ) -> None:
        """The tables, created after the filter bar so the tab order follows the layout."""
        page, self.models = self._page, dict(models)
        self.stack = QStackedWidget(page)
        for view in StockView:
            table = query_table(
                page,
                models[view],
                selection=QAbstractItemView.SelectionMode.ExtendedSelection,
                stretch_last=False,
            )
            table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            table.horizontalHeader().sortIndicatorChanged.connect(
                lambda section, order, v=view: on_sort(v, section, order)
            )
            self.tables[view] = table
            self.stack.addWidget(table)

    def apply_widths(self) -> None:
        """Width per column from a typical value, so nothing important is cut off."""
        metrics = self._page.fontMetrics()
        for view, table in self.tables.items():
            header = table.horizontalHeader()
            for section, column in enumerate(self.models[view].columns):
                sample = WIDTH_SAMPLES.get(column.key, "一二三四五")
                if view == StockView.CATEGORY and column.key == "category_name":
                    sample = "一二三四五六七八九十"
                width = max(
                    metrics.horizontalAdvance(sample),
                    metrics.horizontalAdvance(column.header_text()) + 14,
                )
                header.resizeSection(section, width + 18)

    def retranslate(self) -> None:
        for view, name in view_names().items():
            self.buttons[view].setText(name)
