"""The stock page's category table: quantities per unit, never 顶 added to 套."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt

from ...services.rows import CategoryStockRow
from ..models.table_models import Column, format_quantity


def category_columns() -> list[Column[CategoryStockRow]]:
    return [
        Column(
            "category_code",
            lambda: QCoreApplication.translate("StockPage", "类别编码"),
            lambda r: r.category_code,
        ),
        Column(
            "category_name",
            lambda: QCoreApplication.translate("StockPage", "类别名称"),
            lambda r: r.category_name,
        ),
        Column(
            "items",
            lambda: QCoreApplication.translate("StockPage", "物资种数"),
            lambda r: r.items,
            kind="int",
        ),
        Column(
            "lots",
            lambda: QCoreApplication.translate("StockPage", "批次数"),
            lambda r: r.lots,
            kind="int",
        ),
        Column(
            "on_hand",
            lambda: QCoreApplication.translate("StockPage", "在库数量"),
            _category_quantity,
            alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            tooltip=lambda r: (
                QCoreApplication.translate(
                    "StockPage", "单位不同的物资分别计数，不相加：{list}"
                ).format(list=r.quantities_text(limit=99))
                if r.mixed
                else None
            ),
        ),
        Column("unit", lambda: QCoreApplication.translate("StockPage", "单位"), lambda r: r.unit),
        Column(
            "value",
            lambda: QCoreApplication.translate("StockPage", "金额"),
            lambda r: r.value,
            kind="money",
        ),
    ]


class _Quantities(str):
    """A category's quantity as shown ("548 顶 / 170 套 / 811 张" when units differ) that
    sorts by the amount on hand, so the column still sorts."""

    on_hand: Decimal

    def __new__(cls, text: str, on_hand: Decimal) -> _Quantities:
        obj = super().__new__(cls, text)
        obj.on_hand = on_hand
        return obj

    def __lt__(self, other: object) -> bool:
        return self.on_hand < other.on_hand if isinstance(other, _Quantities) else NotImplemented

    def __gt__(self, other: object) -> bool:
        return self.on_hand > other.on_hand if isinstance(other, _Quantities) else NotImplemented


def _category_quantity(row: CategoryStockRow) -> _Quantities:
    text = row.quantities_text() if row.mixed else format_quantity(row.on_hand)
    return _Quantities(text, row.on_hand)
