"""The stock page's filter bar: search, depot, category, expiry, reserve mode and owner level."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ...services.stock_queries import StockFilter
from ..widgets.filter_bar import CodeCombo, SearchEdit, add_labelled
from .stock_columns import expiry_choices, level_names, reserve_mode_names

# The texts keep the page's context "StockPage", where they were first translated.


class StockFilters:
    """The filter widgets (children of the page) and the `StockFilter` they describe."""

    def __init__(
        self, page: QWidget, changed: Callable[[], None], english: Callable[[], bool]
    ) -> None:
        self._english = english
        self._depots: Sequence[Any] = []
        self._categories: Sequence[Any] = []
        self.search = SearchEdit(page)
        self.search.setMinimumWidth(260)
        self.search.debounced.connect(lambda _text: changed())
        self.depot_combo = CodeCombo(page, min_chars=13)
        self.category_combo = CodeCombo(page, fit_contents=True)
        self.expiry_combo = CodeCombo(page, fit_contents=True)
        self.mode_combo = CodeCombo(page, fit_contents=True)
        self.level_combo = CodeCombo(page, fit_contents=True)
        for combo in self.combos():
            combo.changed.connect(changed)
        self.clear_button = QPushButton(page)

        self.search_label = QLabel(page)
        self.depot_label = QLabel(page)
        self.category_label = QLabel(page)
        self.expiry_label = QLabel(page)
        self.mode_label = QLabel(page)
        self.level_label = QLabel(page)
        self.search_label.setBuddy(self.search)

    def combos(self) -> tuple[CodeCombo, ...]:
        return (
            self.depot_combo,
            self.category_combo,
            self.expiry_combo,
            self.mode_combo,
            self.level_combo,
        )

    def add_search(self, row: QHBoxLayout) -> None:
        """The labelled search box, for the top row beside the view switch."""
        row.addWidget(self.search_label)
        row.addWidget(self.search)

    def combo_row(self) -> QHBoxLayout:
        """The combo boxes and the clear button, left-aligned."""
        row = QHBoxLayout()
        row.setSpacing(6)
        add_labelled(
            row,
            (
                (self.depot_label, self.depot_combo),
                (self.category_label, self.category_combo),
                (self.expiry_label, self.expiry_combo),
                (self.mode_label, self.mode_combo),
                (self.level_label, self.level_combo),
            ),
            gap=8,
        )
        row.addWidget(self.clear_button)
        row.addStretch(1)
        return row

    def current(self) -> StockFilter:
        depot = self.depot_combo.current_code()
        expiry = self.expiry_combo.current_code()
        return StockFilter(
            depot_codes=(depot,) if depot else (),
            category_code=self.category_combo.current_code(),
            text=self.search.value(),
            expiring_within_days=expiry if isinstance(expiry, int) else None,
            expired_only=expiry == "expired",
            reserve_mode=self.mode_combo.current_code(),
            owner_level=self.level_combo.current_code(),
        )

    def clear(self) -> None:
        """Empty every filter (without reloading); the caller reloads."""
        self.search.set_value("")
        for combo in self.combos():
            combo.set_current_code(None)

    def set_reference(self, depots: Sequence[Any], categories: Sequence[Any]) -> None:
        self._depots, self._categories = depots, categories
        self.fill_reference()

    def fill_reference(self) -> None:
        self.depot_combo.set_entries(
            QCoreApplication.translate("StockPage", "全部仓库"),
            [
                (
                    d.code,
                    d.name
                    if d.active
                    else QCoreApplication.translate("StockPage", "{0}（已停用）").format(d.name),
                )
                for d in self._depots
            ],
        )
        self.category_combo.set_entries(
            QCoreApplication.translate("StockPage", "全部类别"),
            [(c.code, f"{c.code} {self._category_name(c)}") for c in self._categories],
        )

    def _category_name(self, category: Any) -> str:
        english = self._english() and category.name_en
        return str(category.name_en) if english else str(category.name)

    def retranslate(self) -> None:
        self.search_label.setText(QCoreApplication.translate("StockPage", "查找(&F)"))
        self.search.setPlaceholderText(
            QCoreApplication.translate("StockPage", "名称、编码、拼音首字母或批号")
        )
        self.search.setToolTip(
            QCoreApplication.translate(
                "StockPage", "例如：棉帐篷、050101、mzp（棉帐篷的拼音首字母）或批号"
            )
        )
        self.depot_label.setText(QCoreApplication.translate("StockPage", "仓库(&D)"))
        self.category_label.setText(QCoreApplication.translate("StockPage", "类别"))
        self.expiry_label.setText(QCoreApplication.translate("StockPage", "有效期"))
        self.expiry_combo.setToolTip(
            QCoreApplication.translate("StockPage", "“N 天内到期”也包括已过期的批次")
        )
        self.mode_label.setText(QCoreApplication.translate("StockPage", "储备方式"))
        self.level_label.setText(QCoreApplication.translate("StockPage", "权属级别"))
        self.clear_button.setText(QCoreApplication.translate("StockPage", "清除筛选"))
        every = QCoreApplication.translate("StockPage", "全部")
        self.expiry_combo.set_entries(every, expiry_choices())
        self.mode_combo.set_entries(every, reserve_mode_names())
        self.level_combo.set_entries(every, level_names())
        self.fill_reference()
