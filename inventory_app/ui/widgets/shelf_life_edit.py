"""Storage life typed as the label on the goods states it: a number and 年 / 个月 / 天."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSpinBox, QWidget

from ...domain.shelf_life import MAX_DAYS, ShelfLife

YEARS, MONTHS, DAYS = "years", "months", "days"


def shelf_life_text(life: ShelfLife | None) -> str:
    """96 months → "8 年"; 18 → "18 个月"; 90 days → "90 天"."""
    if life is None:
        return ""
    if life.years is not None:
        amount, word = life.years, QCoreApplication.translate("ItemDialog", "%1 年")
    elif life.months is not None:
        amount, word = life.months, QCoreApplication.translate("ItemDialog", "%1 个月")
    else:
        amount, word = life.days or 0, QCoreApplication.translate("ItemDialog", "%1 天")
    return word.replace("%1", str(amount))


class ShelfLifeEdit(QWidget):
    """A spin box (0 = none) and its unit; `value()` is a ShelfLife or None."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.amount = QSpinBox()
        self.amount.setRange(0, MAX_DAYS)
        self.unit = QComboBox()
        for key in (YEARS, MONTHS, DAYS):
            self.unit.addItem("", key)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.amount)
        layout.addWidget(self.unit)
        layout.addStretch(1)
        self.setFocusProxy(self.amount)
        self.amount.valueChanged.connect(self.changed)
        self.unit.currentIndexChanged.connect(self.changed)
        self.retranslate()

    def retranslate(self) -> None:
        words = {
            YEARS: QCoreApplication.translate("ItemDialog", "年"),
            MONTHS: QCoreApplication.translate("ItemDialog", "个月"),
            DAYS: QCoreApplication.translate("ItemDialog", "天"),
        }
        for index in range(self.unit.count()):
            self.unit.setItemText(index, words[self.unit.itemData(index)])
        self.amount.setSpecialValueText(QCoreApplication.translate("ItemDialog", "不设定"))

    def set_value(self, life: ShelfLife | None) -> None:
        if life is None:
            unit, amount = YEARS, 0
        elif life.years is not None:
            unit, amount = YEARS, life.years
        elif life.months is not None:
            unit, amount = MONTHS, life.months
        else:
            unit, amount = DAYS, life.days or 0
        self.unit.setCurrentIndex(self.unit.findData(unit))
        self.amount.setValue(amount)

    def months_and_days(self) -> tuple[int | None, int | None]:
        """What the item stores: (months, None), (None, days) or (None, None)."""
        amount, unit = self.amount.value(), self.unit.currentData()
        if not amount:
            return None, None
        if unit == DAYS:
            return None, amount
        return (amount * 12 if unit == YEARS else amount), None

    def value(self) -> ShelfLife | None:
        return ShelfLife.of(*self.months_and_days())
