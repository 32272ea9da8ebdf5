"""What the lines model, its checks and its display share: columns, the line, problems, texts."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from ...services.rows import ItemRow, LotStockRow
from ..models.table_models import format_quantity

AnyIndex = QModelIndex | QPersistentModelIndex
_CTX = "LinesModel"

# data(index, LINE_ROLE) is the Line object of the row.
LINE_ROLE = int(Qt.ItemDataRole.UserRole) + 1

ERROR_BACKGROUND = QColor("#fde0dc")
ERROR_TEXT = QColor("#b71c1c")
WARNING_BACKGROUND = QColor("#fff1c2")
COMPUTED_BACKGROUND = QColor("#f4f6f8")
HINT_TEXT = QColor("#7a7f87")
ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ALIGN_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class Col(enum.StrEnum):
    ITEM = "item"
    LOT = "lot"
    QUANTITY = "quantity"
    AVAILABLE = "available"
    BOOK = "book"  # 账面 (adjust)
    AFTER = "after"  # 调整后 (adjust)
    BATCH = "batch_no"
    PRODUCTION = "production_date"
    EXPIRY = "expiry_date"
    LOCATION = "location"
    PRICE = "unit_price"
    AMOUNT = "amount"
    OWNER = "owner"


_HEADERS = {
    Col.ITEM: QT_TRANSLATE_NOOP("LinesModel", "物资"),
    Col.LOT: QT_TRANSLATE_NOOP("LinesModel", "批次"),
    Col.QUANTITY: QT_TRANSLATE_NOOP("LinesModel", "数量"),
    Col.AVAILABLE: QT_TRANSLATE_NOOP("LinesModel", "可用库存"),
    Col.BOOK: QT_TRANSLATE_NOOP("LinesModel", "账面数量"),
    Col.AFTER: QT_TRANSLATE_NOOP("LinesModel", "调整后"),
    Col.BATCH: QT_TRANSLATE_NOOP("LinesModel", "批号"),
    Col.PRODUCTION: QT_TRANSLATE_NOOP("LinesModel", "生产日期"),
    Col.EXPIRY: QT_TRANSLATE_NOOP("LinesModel", "有效期至"),
    Col.LOCATION: QT_TRANSLATE_NOOP("LinesModel", "库位"),
    Col.PRICE: QT_TRANSLATE_NOOP("LinesModel", "单价（元）"),
    Col.AMOUNT: QT_TRANSLATE_NOOP("LinesModel", "金额（元）"),
    Col.OWNER: QT_TRANSLATE_NOOP("LinesModel", "权属单位"),
}
_TEXTS = {
    "fefo_tip": QT_TRANSLATE_NOOP("LinesModel", "不指定批次时，按先到期先出的原则自动分配"),
    "fefo": QT_TRANSLATE_NOOP("LinesModel", "先到期先出（自动）"),
    "expired_on_receipt": QT_TRANSLATE_NOOP("LinesModel", "入库时已过有效期"),
    "line_count": QT_TRANSLATE_NOOP("LinesModel", "共 {n} 行"),
    "lot_available": QT_TRANSLATE_NOOP("LinesModel", "可用 {qty} {unit}"),
    "totals": QT_TRANSLATE_NOOP("LinesModel", "合计 {totals}"),
    "expiry_tip": QT_TRANSLATE_NOOP("LinesModel", "按生产日期和储存年限自动计算，可修改"),
    "no_batch": QT_TRANSLATE_NOOP("LinesModel", "无批号"),
    "expiry_before_production": QT_TRANSLATE_NOOP("LinesModel", "有效期不能早于生产日期"),
    "no_lots": QT_TRANSLATE_NOOP("LinesModel", "本仓库没有该物资的库存批次"),
    "production_after_doc": QT_TRANSLATE_NOOP("LinesModel", "生产日期不能晚于单据日期"),
    "until": QT_TRANSLATE_NOOP("LinesModel", "至 {date}"),
    "need_quantity": QT_TRANSLATE_NOOP("LinesModel", "请填写数量"),
    "need_lot": QT_TRANSLATE_NOOP("LinesModel", "请选择批次"),
    "need_item": QT_TRANSLATE_NOOP("LinesModel", "请选择物资"),
    "negative_after": QT_TRANSLATE_NOOP("LinesModel", "调整后数量不能为负（账面 {book} {unit}）"),
    "amount": QT_TRANSLATE_NOOP("LinesModel", "金额 {money}"),
    "price_tip": QT_TRANSLATE_NOOP("LinesModel", "默认为该物资的参考单价，可修改"),
    "depot_owner": QT_TRANSLATE_NOOP("LinesModel", "（仓库所属单位）"),
    "expired": QT_TRANSLATE_NOOP("LinesModel", "（已过期）"),
    "whole_units": QT_TRANSLATE_NOOP("LinesModel", "{name}以“{unit}”计，只能填整数"),
    "max_decimals": QT_TRANSLATE_NOOP("LinesModel", "{name}最多 {n} 位小数"),
    "exceeds": QT_TRANSLATE_NOOP(
        "LinesModel", "超过可用库存（共需 {asked} {unit}，可用 {have} {unit}）"
    ),
    "expired_not_fefo": QT_TRANSLATE_NOOP(
        "LinesModel", "另有 {qty} {unit} 已过期，不会自动出库；如确需发出，请指定批次"
    ),
    #: separator between the totals of different units: "20 顶、5 套"
    "list_separator": QT_TRANSLATE_NOOP("LinesModel", "、"),
}


def text(key: str) -> str:
    """One of the model's texts, translated (context "LinesModel")."""
    return QCoreApplication.translate(_CTX, str(_TEXTS[key]))


EDITABLE = frozenset(
    {
        Col.ITEM,
        Col.LOT,
        Col.QUANTITY,
        Col.BATCH,
        Col.PRODUCTION,
        Col.EXPIRY,
        Col.LOCATION,
        Col.PRICE,
        Col.OWNER,
    }
)
NUMERIC = frozenset({Col.QUANTITY, Col.AVAILABLE, Col.BOOK, Col.AFTER, Col.PRICE, Col.AMOUNT})
# Columns that may be emptied with Backspace (the others are required or computed).
CLEARABLE = frozenset(
    {Col.BATCH, Col.PRODUCTION, Col.EXPIRY, Col.LOCATION, Col.OWNER, Col.LOT, Col.PRICE}
)


def header_text(col: Col) -> str:
    return QCoreApplication.translate(_CTX, str(_HEADERS[col]))


def lot_label(lot: LotStockRow) -> str:
    """B2024-03 · 至 2031-03-01 · A-01 · 可用 40 顶 (what a keeper tells lots apart by)."""
    parts = [lot.batch_no or f"{text('no_batch')} #{lot.lot_id}"]
    if lot.expiry_date:
        until = text("until").format(date=lot.expiry_date.isoformat())
        parts.append(until + (text("expired") if lot.expiry_status == "expired" else ""))
    if lot.location_code:
        parts.append(lot.location_code)
    parts.append(text("lot_available").format(qty=format_quantity(lot.available), unit=lot.unit))
    return " · ".join(parts)


@dataclass
class Line:
    """One line as typed: text stays text until the document is checked."""

    item: ItemRow | None = None
    quantity: str = ""
    lot: LotStockRow | None = None
    batch_no: str = ""
    production_date: date | None = None
    expiry_date: date | None = None
    expiry_manual: bool = False
    location_code: str | None = None
    unit_price: str = ""
    price_manual: bool = False
    owner_code: str | None = None

    def is_blank(self) -> bool:
        return (
            self.item is None
            and self.lot is None
            and not self.quantity.strip()
            and not self.batch_no.strip()
        )


@dataclass(frozen=True)
class Problem:
    severity: str  # "error" blocks posting; "warning" asks for confirmation
    text: str

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def error(message: str) -> Problem:
    return Problem("error", message)


def warning(message: str) -> Problem:
    return Problem("warning", message)
