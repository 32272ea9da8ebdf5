"""The catalogue page's tables: category and item columns, their texts and widths."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from ...services.rows import CategoryRow, ItemRow
from ..dialogs.item_fields import mode_name
from ..i18n import current_language
from ..models.table_models import Column
from ..widgets.shelf_life_edit import shelf_life_text
from .masterdata_base import (
    INACTIVE,
    SortedLabel,
)

SEARCH_DELAY_MS = 250  # wait for a pause in typing before asking the database
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter


def _grey(item: ItemRow) -> QColor | None:
    return None if item.active else INACTIVE


def modes_text(modes: str) -> str:
    #: separator between the items of a list
    separator = QCoreApplication.translate("CataloguePage", "、")
    return separator.join(mode_name(mode) for mode in modes.split(",") if mode)


def category_name(category: CategoryRow) -> str:
    """The English name in English where the catalogue has one; the "all" row is ours."""
    if not category.code:
        return QCoreApplication.translate("CataloguePage", "全部物资")
    if current_language() == "en" and category.name_en:
        return category.name_en
    return category.name


def _status(item: ItemRow) -> SortedLabel:
    text = (
        QCoreApplication.translate("CataloguePage", "启用")
        if item.active
        else QCoreApplication.translate("CataloguePage", "停用")
    )
    return SortedLabel(0 if item.active else 1, text)


def _shelf_life(item: ItemRow) -> SortedLabel | None:
    life = item.shelf_life
    return None if life is None else SortedLabel(life.sort_key(), shelf_life_text(life))


def category_columns() -> list[Column[CategoryRow]]:
    return [
        Column(
            "code", lambda: QCoreApplication.translate("CataloguePage", "编码"), lambda c: c.code
        ),
        Column(
            "name",
            lambda: QCoreApplication.translate("CataloguePage", "类别"),
            category_name,
            tooltip=lambda c: c.name_en or None,
        ),
        Column(
            "items",
            lambda: QCoreApplication.translate("CataloguePage", "物资数"),
            lambda c: c.items,
            kind="int",
        ),
    ]


def item_columns() -> list[Column[ItemRow]]:
    g = _grey
    return [
        Column(
            "code",
            lambda: QCoreApplication.translate("CataloguePage", "编码"),
            lambda i: i.code,
            foreground=g,
        ),
        Column(
            "name",
            lambda: QCoreApplication.translate("CataloguePage", "名称"),
            lambda i: i.name,
            foreground=g,
            tooltip=lambda i: i.category_name,
        ),
        Column(
            "name_en",
            lambda: QCoreApplication.translate("CataloguePage", "英文名"),
            lambda i: i.name_en,
            foreground=g,
            tooltip=lambda i: i.name_en or None,
        ),
        Column(
            "spec",
            lambda: QCoreApplication.translate("CataloguePage", "规格"),
            lambda i: i.spec,
            foreground=g,
            tooltip=lambda i: i.spec or None,
        ),
        Column(
            "unit",
            lambda: QCoreApplication.translate("CataloguePage", "单位"),
            lambda i: i.unit,
            foreground=g,
            alignment=_CENTER,
        ),
        Column(
            "gb_code",
            lambda: QCoreApplication.translate("CataloguePage", "国标编码"),
            lambda i: i.gb_code,
            foreground=g,
            tooltip=lambda i: (
                QCoreApplication.translate("CataloguePage", "GB/T 38565-2020 应急物资分类及编码")
                if i.gb_code
                else None
            ),
        ),
        Column(
            "ref_price",
            lambda: QCoreApplication.translate("CataloguePage", "参考单价"),
            lambda i: i.ref_price,
            kind="money",
            foreground=g,
        ),
        Column(
            "shelf_life",
            lambda: QCoreApplication.translate("CataloguePage", "储存年限"),
            _shelf_life,
            foreground=g,
            alignment=_RIGHT,
        ),
        Column(
            "norm_per_person",
            lambda: QCoreApplication.translate("CataloguePage", "人均定额"),
            lambda i: i.norm_per_person,
            kind="quantity",
            foreground=g,
        ),
        Column(
            "norm_per_tent",
            lambda: QCoreApplication.translate("CataloguePage", "每顶帐篷定额"),
            lambda i: i.norm_per_tent,
            kind="quantity",
            foreground=g,
        ),
        Column(
            "persons_per_unit",
            lambda: QCoreApplication.translate("CataloguePage", "每件可安置人数"),
            lambda i: i.persons_per_unit,
            kind="quantity",
            foreground=g,
        ),
        Column(
            "reserve_modes",
            lambda: QCoreApplication.translate("CataloguePage", "储备方式"),
            lambda i: modes_text(i.reserve_modes),
            foreground=g,
            tooltip=lambda i: modes_text(i.reserve_modes),
        ),
        Column(
            "status",
            lambda: QCoreApplication.translate("CataloguePage", "状态"),
            _status,
            foreground=g,
            alignment=_CENTER,
        ),
    ]


# Starting widths (px) for 1366×768; users can drag them.
ITEM_WIDTHS = {
    "code": 60,
    "name": 110,
    "name_en": 96,
    "spec": 146,
    "unit": 40,
    "gb_code": 66,
    "ref_price": 86,
    "shelf_life": 64,
    "norm_per_person": 62,
    "norm_per_tent": 82,
    "persons_per_unit": 96,
    "reserve_modes": 124,
    "status": 40,
}
