"""The ledger's filter bar: search, document number, depot, kind and date range."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ...services.ledger_queries import LedgerFilter
from ..labels import movement_kind_choices
from ..widgets.filter_bar import CodeCombo, OptionalDateEdit, SearchEdit, add_labelled

# The texts keep the page's context "LedgerPage", where they were first translated.


class LedgerFilters:
    """The filter widgets (children of the page) and the `LedgerFilter` they describe."""

    def __init__(self, page: QWidget, changed: Callable[[], None]) -> None:
        self._depots: Sequence[Any] = []
        self.search = SearchEdit(page)
        self.search.setMinimumWidth(200)
        self.search.debounced.connect(lambda _t: changed())
        self.doc_edit = SearchEdit(page)
        self.doc_edit.setMinimumWidth(170)
        self.doc_edit.debounced.connect(lambda _t: changed())
        self.depot_combo = CodeCombo(page, min_chars=14)
        self.kind_combo = CodeCombo(page, min_chars=4)
        for combo in (self.depot_combo, self.kind_combo):
            combo.changed.connect(changed)
        today = date.today()
        self.date_from = OptionalDateEdit("", today.replace(day=1), page)
        self.date_to = OptionalDateEdit("", today, page)
        for edit in (self.date_from, self.date_to):
            edit.changed.connect(changed)
        self.clear_button = QPushButton(page)

        self.search_label = QLabel(page)
        self.doc_label = QLabel(page)
        self.depot_label = QLabel(page)
        self.kind_label = QLabel(page)
        self.date_label = QLabel(page)
        self.date_dash = QLabel("—", page)

    def top_row(self) -> QHBoxLayout:
        """Search, document number, depot and kind, left-aligned."""
        row = QHBoxLayout()
        row.setSpacing(6)
        add_labelled(
            row,
            (
                (self.search_label, self.search),
                (self.doc_label, self.doc_edit),
                (self.depot_label, self.depot_combo),
                (self.kind_label, self.kind_combo),
            ),
            gap=6,
        )
        row.addStretch(1)
        return row

    def add_dates(self, row: QHBoxLayout) -> None:
        """The date range and the clear button, at the start of the actions row."""
        row.addWidget(self.date_label)
        row.addWidget(self.date_from)
        row.addWidget(self.date_dash)
        row.addWidget(self.date_to)
        row.addSpacing(6)
        row.addWidget(self.clear_button)

    def current(self, lot_id: int | None) -> LedgerFilter:
        depot = self.depot_combo.current_code()
        doc_no = self.doc_edit.value()
        return LedgerFilter(
            depot_codes=(depot,) if depot else (),
            doc_no=doc_no.upper() or None,
            kind=self.kind_combo.current_code(),
            lot_id=lot_id,
            date_from=self.date_from.value(),
            date_to=self.date_to.value(),
            text=self.search.value(),
        )

    def clear(self, *, keep_depot: bool = False) -> None:
        """Empty every filter (without reloading); the caller reloads."""
        self.search.set_value("")
        self.doc_edit.set_value("")
        if not keep_depot:
            self.depot_combo.set_current_code(None)
        self.kind_combo.set_current_code(None)
        self.date_from.set_value(None)
        self.date_to.set_value(None)

    def set_depots(self, depots: Sequence[Any]) -> None:
        self._depots = depots
        self.fill_depots()

    def fill_depots(self) -> None:
        self.depot_combo.set_entries(
            QCoreApplication.translate("LedgerPage", "全部仓库"),
            [
                (
                    d.code,
                    d.name
                    if d.active
                    else QCoreApplication.translate("LedgerPage", "{0}（已停用）").format(d.name),
                )
                for d in self._depots
            ],
        )

    def retranslate(self) -> None:
        self.search_label.setText(QCoreApplication.translate("LedgerPage", "查找(&F)"))
        self.search.setPlaceholderText(
            QCoreApplication.translate("LedgerPage", "物资、批号、对方单位")
        )
        self.search.setToolTip(
            QCoreApplication.translate(
                "LedgerPage", "例如：棉被、mb、批号或收货单位；也可输入部分单据号"
            )
        )
        self.doc_label.setText(QCoreApplication.translate("LedgerPage", "单据号"))
        self.doc_edit.setPlaceholderText(QCoreApplication.translate("LedgerPage", "完整单据号"))
        self.doc_edit.setToolTip(
            QCoreApplication.translate(
                "LedgerPage", "只看这一张单据的流水，例如 RK-ZW-SJ-01-2026-00001"
            )
        )
        self.depot_label.setText(QCoreApplication.translate("LedgerPage", "仓库(&D)"))
        self.kind_label.setText(QCoreApplication.translate("LedgerPage", "类型"))
        self.kind_combo.set_entries(
            QCoreApplication.translate("LedgerPage", "全部"), movement_kind_choices()
        )
        self.date_label.setText(QCoreApplication.translate("LedgerPage", "日期"))
        self.date_from.check.setText(QCoreApplication.translate("LedgerPage", "从"))
        self.date_to.check.setText(QCoreApplication.translate("LedgerPage", "至"))
        self.clear_button.setText(QCoreApplication.translate("LedgerPage", "清除筛选"))
        self.fill_depots()
