"""The stock page's four tables: views, columns, expiry colours, filter choices and widths."""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from ...domain.model import Level, ReserveMode
from ...services.rows import ItemStockRow, LotStockRow
from ...services.stock_queries import NEAR_EXPIRY_DAYS, expiry_status
from .. import depot_names
from ..models.table_models import Column

# Light backgrounds keep the numbers readable; the darker text marks the date itself.
EXPIRED_BG = QColor("#fde3e1")
EXPIRED_FG = QColor("#b3261e")
NEAR_BG = QColor("#fff1c9")
NEAR_FG = QColor("#8a5300")

# The texts are spelled out as literal QCoreApplication.translate("StockPage", …) calls, the
# context the page's own self.tr() uses: pyside6-lupdate extracts only literals.


class StockView(enum.IntEnum):
    LOT = 0
    ITEM = 1
    DEPOT = 2
    CATEGORY = 3


def view_names() -> dict[StockView, str]:
    return {
        StockView.LOT: QCoreApplication.translate("StockPage", "按批次"),
        StockView.ITEM: QCoreApplication.translate("StockPage", "按物资"),
        StockView.DEPOT: QCoreApplication.translate("StockPage", "按仓库"),
        StockView.CATEGORY: QCoreApplication.translate("StockPage", "按类别"),
    }


def level_names() -> list[tuple[int, str]]:
    return [
        (int(Level.REGION), QCoreApplication.translate("StockPage", "自治区级")),
        (int(Level.CITY), QCoreApplication.translate("StockPage", "市级")),
        (int(Level.COUNTY), QCoreApplication.translate("StockPage", "县级")),
        (int(Level.TOWNSHIP), QCoreApplication.translate("StockPage", "乡镇级")),
        (int(Level.VILLAGE), QCoreApplication.translate("StockPage", "村级")),
    ]


def reserve_mode_names() -> list[tuple[str, str]]:
    return [
        (ReserveMode.PHYSICAL.value, QCoreApplication.translate("StockPage", "实物储备")),
        (ReserveMode.AGREEMENT.value, QCoreApplication.translate("StockPage", "协议储备")),
        (ReserveMode.CAPACITY.value, QCoreApplication.translate("StockPage", "产能储备")),
    ]


def expiry_choices() -> list[tuple[Any, str]]:
    return [
        ("expired", QCoreApplication.translate("StockPage", "已过期")),
        (30, QCoreApplication.translate("StockPage", "30 天内到期")),
        (90, QCoreApplication.translate("StockPage", "90 天内到期")),
        (180, QCoreApplication.translate("StockPage", "180 天内到期")),
    ]


def level_text(level: int) -> str:
    return dict(level_names()).get(level, str(level))


class ExpiryTone:
    """Colours and tooltips by expiry, as of `today`, with "near" meaning within `near_days`."""

    def __init__(self) -> None:
        self.today = date.today()
        self.near_days = NEAR_EXPIRY_DAYS

    def status(self, expiry: date | None) -> str:
        return expiry_status(expiry, self.today, self.near_days)

    def lot_background(self, row: LotStockRow) -> QColor | None:
        status = self.status(row.expiry_date)
        return EXPIRED_BG if status == "expired" else NEAR_BG if status == "near" else None

    def lot_foreground(self, row: LotStockRow) -> QColor | None:
        status = self.status(row.expiry_date)
        return EXPIRED_FG if status == "expired" else NEAR_FG if status == "near" else None

    def lot_expiry_tooltip(self, row: LotStockRow) -> str | None:
        if row.expiry_date is None:
            return QCoreApplication.translate("StockPage", "无有效期")
        days = (row.expiry_date - self.today).days
        if days < 0:
            return QCoreApplication.translate("StockPage", "已过期 {0} 天").format(-days)
        return QCoreApplication.translate("StockPage", "还有 {0} 天到期").format(days)

    def nearest_background(self, row: ItemStockRow) -> QColor | None:
        status = self.status(row.nearest_expiry)
        return EXPIRED_BG if status == "expired" else NEAR_BG if status == "near" else None

    def nearest_foreground(self, row: ItemStockRow) -> QColor | None:
        status = self.status(row.nearest_expiry)
        return EXPIRED_FG if status == "expired" else NEAR_FG if status == "near" else None


def lot_columns(tone: ExpiryTone) -> list[Column[LotStockRow]]:
    bg: Callable[[LotStockRow], QColor | None] = tone.lot_background
    return [
        # What, which batch, when it expires and how much lead (visible at 1366 px
        # next to the navigation pane); bookkeeping columns follow.
        Column(
            "depot_name",
            lambda: QCoreApplication.translate("StockPage", "仓库"),
            lambda r: depot_names.short(r.depot_name),
            background=bg,
            tooltip=depot_tooltip,
        ),
        Column(
            "item_name",
            lambda: QCoreApplication.translate("StockPage", "物资名称"),
            lambda r: r.item_name,
            background=bg,
            tooltip=lambda r: f"{r.item_name}  {r.category_code} {r.category_name}",
        ),
        Column(
            "spec",
            lambda: QCoreApplication.translate("StockPage", "规格"),
            lambda r: r.spec,
            background=bg,
            tooltip=lambda r: r.spec or None,
        ),
        Column(
            "batch_no",
            lambda: QCoreApplication.translate("StockPage", "批号"),
            lambda r: r.batch_no,
            background=bg,
        ),
        Column(
            "expiry_date",
            lambda: QCoreApplication.translate("StockPage", "有效期至"),
            lambda r: r.expiry_date,
            kind="date",
            background=bg,
            foreground=tone.lot_foreground,
            tooltip=tone.lot_expiry_tooltip,
        ),
        Column(
            "on_hand",
            lambda: QCoreApplication.translate("StockPage", "在库"),
            lambda r: r.on_hand,
            kind="quantity",
            background=bg,
        ),
        Column(
            "reserved",
            lambda: QCoreApplication.translate("StockPage", "预留"),
            lambda r: r.reserved,
            kind="quantity",
            background=bg,
        ),
        Column(
            "available",
            lambda: QCoreApplication.translate("StockPage", "可用"),
            lambda r: r.available,
            kind="quantity",
            background=bg,
        ),
        Column(
            "unit",
            lambda: QCoreApplication.translate("StockPage", "单位"),
            lambda r: r.unit,
            background=bg,
        ),
        Column(
            "location_code",
            lambda: QCoreApplication.translate("StockPage", "库位"),
            lambda r: r.location_code,
            background=bg,
        ),
        Column(
            "item_code",
            lambda: QCoreApplication.translate("StockPage", "物资编码"),
            lambda r: r.item_code,
            background=bg,
        ),
        Column(
            "production_date",
            lambda: QCoreApplication.translate("StockPage", "生产日期"),
            lambda r: r.production_date,
            kind="date",
            background=bg,
        ),
        Column(
            "received_date",
            lambda: QCoreApplication.translate("StockPage", "入库日期"),
            lambda r: r.received_date,
            kind="date",
            background=bg,
        ),
        Column(
            "unit_price",
            lambda: QCoreApplication.translate("StockPage", "单价"),
            lambda r: r.unit_price,
            kind="money",
            background=bg,
        ),
        Column(
            "value",
            lambda: QCoreApplication.translate("StockPage", "金额"),
            lambda r: r.value,
            kind="money",
            background=bg,
        ),
        Column(
            "owner_name",
            lambda: QCoreApplication.translate("StockPage", "权属单位"),
            lambda r: r.owner_name,
            background=bg,
            tooltip=lambda r: QCoreApplication.translate("StockPage", "{name}（{level}）").format(
                name=r.owner_name, level=level_text(r.owner_level)
            ),
        ),
        Column(
            "custodian_name",
            lambda: QCoreApplication.translate("StockPage", "承储单位"),
            lambda r: r.custodian_name,
            background=bg,
        ),
    ]


def item_columns(tone: ExpiryTone, *, per_depot: bool) -> list[Column[ItemStockRow]]:
    columns: list[Column[ItemStockRow]] = []
    if per_depot:
        columns.append(
            Column(
                "depot_name",
                lambda: QCoreApplication.translate("StockPage", "仓库"),
                lambda r: depot_names.short(r.depot_name),
                tooltip=depot_tooltip,
            )
        )
    columns += [
        Column(
            "item_code",
            lambda: QCoreApplication.translate("StockPage", "物资编码"),
            lambda r: r.item_code,
        ),
        Column(
            "item_name",
            lambda: QCoreApplication.translate("StockPage", "物资名称"),
            lambda r: r.item_name,
        ),
        Column(
            "spec",
            lambda: QCoreApplication.translate("StockPage", "规格"),
            lambda r: r.spec,
            tooltip=lambda r: r.spec or None,
        ),
        Column(
            "category_name",
            lambda: QCoreApplication.translate("StockPage", "类别"),
            lambda r: r.category_name,
        ),
        Column(
            "lots",
            lambda: QCoreApplication.translate("StockPage", "批次数"),
            lambda r: r.lots,
            kind="int",
        ),
        Column(
            "on_hand",
            lambda: QCoreApplication.translate("StockPage", "在库"),
            lambda r: r.on_hand,
            kind="quantity",
        ),
        Column(
            "reserved",
            lambda: QCoreApplication.translate("StockPage", "预留"),
            lambda r: r.reserved,
            kind="quantity",
        ),
        Column(
            "available",
            lambda: QCoreApplication.translate("StockPage", "可用"),
            lambda r: r.available,
            kind="quantity",
        ),
        Column(
            "in_transit",
            lambda: QCoreApplication.translate("StockPage", "在途"),
            lambda r: r.in_transit,
            kind="quantity",
            tooltip=lambda r: QCoreApplication.translate(
                "StockPage", "已由其他仓库调出、尚未签收入库"
            ),
        ),
        Column("unit", lambda: QCoreApplication.translate("StockPage", "单位"), lambda r: r.unit),
        Column(
            "value",
            lambda: QCoreApplication.translate("StockPage", "金额"),
            lambda r: r.value,
            kind="money",
        ),
        Column(
            "nearest_expiry",
            lambda: QCoreApplication.translate("StockPage", "最近到期"),
            lambda r: r.nearest_expiry,
            kind="date",
            background=tone.nearest_background,
            foreground=tone.nearest_foreground,
        ),
    ]
    return columns


def depot_tooltip(row: LotStockRow | ItemStockRow) -> str | None:
    return depot_names.tooltip(row.depot_name, row.depot_code)


# The widest text a column usually holds, by column key: sets the starting widths.
WIDTH_SAMPLES = {
    "depot_name": "自然资源地灾库",
    "item_code": "0501010",
    "item_name": "折叠床（钢木）",
    "spec": "12㎡ 单层帐篷",
    "batch_no": "SPT2017-0501-01",
    "location_code": "A-01-01",
    "production_date": "2026-01-01",
    "received_date": "2026-01-01",
    "expiry_date": "2026-01-01",
    "on_hand": "123,456.789",
    "reserved": "12,345",
    "available": "123,456.789",
    "in_transit": "12,345",
    "unit": "单位",
    "unit_price": "¥12,345.00",
    "value": "¥12,345,678.00",
    "owner_name": "中卫市应急管理局",
    "custodian_name": "中卫市应急管理局",
    "category_name": "临时食宿类",
    "category_code": "类别编码",
    "lots": "批次数",
    "items": "物资种数",
    "nearest_expiry": "2026-01-01",
}
