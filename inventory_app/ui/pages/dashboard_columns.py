"""The dashboard's four tables: their columns, colours and cell texts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from ...services.rows import CategoryStockRow, DocumentRow, LedgerRow, LotStockRow
from .. import depot_names
from ..labels import movement_kind_label
from ..models.table_models import Column, format_quantity

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

# Calm colours that still read at a glance, and print legibly in grey.
EXPIRED_BG = QColor("#fde4e1")
EXPIRED_FG = QColor("#a4262c")
NEAR_BG = QColor("#fff1cc")
NEAR_FG = QColor("#8a5300")
INCREASE_FG = QColor("#1e6b34")
DECREASE_FG = QColor("#a4262c")

# The texts keep the context of the page they were written in ("DashboardPage").


def quantity_with_unit(value: Decimal, unit: str) -> str:
    return f"{format_quantity(value)} {unit}".strip()


def category_quantity_text(row: CategoryStockRow) -> str:
    """One unit: "548 顶"; two: "10 个 / 5 台"; more would not fit the card: "4 种单位"
    (the tooltip lists them). Tents and quilts are never added up."""
    if not row.mixed:
        return quantity_with_unit(row.on_hand, row.unit)
    if len(row.by_unit) == 2:
        return row.quantities_text()
    return QCoreApplication.translate("DashboardPage", "{n} 种单位").format(n=len(row.by_unit))


def category_columns() -> list[Column[CategoryStockRow]]:
    return [
        Column(
            "category",
            lambda: QCoreApplication.translate("DashboardPage", "类别"),
            lambda r: f"{r.category_code} {r.category_name}",
        ),
        Column(
            "items",
            lambda: QCoreApplication.translate("DashboardPage", "品种"),
            lambda r: r.items,
            "int",
        ),
        Column(
            "lots",
            lambda: QCoreApplication.translate("DashboardPage", "批次"),
            lambda r: r.lots,
            "int",
        ),
        Column(
            "on_hand",
            lambda: QCoreApplication.translate("DashboardPage", "库存数量"),
            category_quantity_text,
            alignment=_RIGHT,
            tooltip=lambda r: r.quantities_text(limit=99) if r.mixed else None,
        ),
        Column(
            "value",
            lambda: QCoreApplication.translate("DashboardPage", "金额"),
            lambda r: r.value,
            "money",
        ),
    ]


def expiring_columns(as_of: Callable[[], date]) -> list[Column[LotStockRow]]:
    """Lots near or past expiry; `as_of` is the day the loaded figures were taken on."""
    fg: Callable[[LotStockRow], QColor | None] = lambda r: tone(r, as_of())[0]  # noqa: E731
    bg: Callable[[LotStockRow], QColor | None] = lambda r: tone(r, as_of())[1]  # noqa: E731
    tip = lot_tooltip
    return [
        Column(
            "status",
            lambda: QCoreApplication.translate("DashboardPage", "状态"),
            lambda r: expiry_text(r, as_of()),
            foreground=fg,
            background=bg,
            tooltip=tip,
        ),
        Column(
            "expiry_date",
            lambda: QCoreApplication.translate("DashboardPage", "有效期至"),
            lambda r: r.expiry_date,
            "date",
            background=bg,
            tooltip=tip,
        ),
        Column(
            "item",
            lambda: QCoreApplication.translate("DashboardPage", "物资"),
            lambda r: r.item_name,
            background=bg,
            tooltip=tip,
        ),
        Column(
            "quantity",
            lambda: QCoreApplication.translate("DashboardPage", "数量"),
            lambda r: quantity_with_unit(r.on_hand, r.unit),
            alignment=_RIGHT,
            background=bg,
            tooltip=tip,
        ),
        Column(
            "depot",
            lambda: QCoreApplication.translate("DashboardPage", "仓库"),
            lambda r: depot_names.short(r.depot_name),
            background=bg,
            tooltip=tip,
        ),
    ]


def lot_tooltip(row: LotStockRow) -> str:
    return QCoreApplication.translate(
        "DashboardPage", "{item}（{spec}）\n仓库：{depot} {location}\n批号：{batch}"
    ).format(
        item=row.item_name,
        spec=row.spec or "-",
        depot=row.depot_name,
        location=row.location_code,
        batch=row.batch_no or "-",
    )


def waiting_columns() -> list[Column[DocumentRow]]:
    return [
        Column(
            "doc_no",
            lambda: QCoreApplication.translate("DashboardPage", "调拨单号"),
            lambda r: r.doc_no,
        ),
        Column(
            "doc_date",
            lambda: QCoreApplication.translate("DashboardPage", "发出日期"),
            lambda r: r.doc_date,
            "date",
        ),
        Column(
            "from",
            lambda: QCoreApplication.translate("DashboardPage", "调出仓库"),
            lambda r: depot_names.short(r.depot_name),
            tooltip=lambda r: depot_names.tooltip(r.depot_name),
        ),
        Column(
            "to",
            lambda: QCoreApplication.translate("DashboardPage", "调入仓库"),
            lambda r: depot_names.short(r.other_depot_name or ""),
            tooltip=lambda r: depot_names.tooltip(r.other_depot_name or ""),
        ),
        Column(
            "lines",
            lambda: QCoreApplication.translate("DashboardPage", "明细行"),
            lambda r: r.lines,
            "int",
        ),
    ]


def recent_columns() -> list[Column[LedgerRow]]:
    def delta_colour(row: LedgerRow) -> QColor:
        return INCREASE_FG if row.delta > 0 else DECREASE_FG

    def tip(row: LedgerRow) -> str:
        return QCoreApplication.translate("DashboardPage", "单号：{doc_no}\n经办人：{user}").format(
            doc_no=row.doc_no, user=row.user
        )

    return [
        Column(
            "doc_date",
            lambda: QCoreApplication.translate("DashboardPage", "日期"),
            lambda r: r.doc_date,
            "date",
            tooltip=tip,
        ),
        Column(
            "kind",
            lambda: QCoreApplication.translate("DashboardPage", "业务"),
            lambda r: movement_kind_label(r.kind),
            tooltip=tip,
        ),
        Column(
            "item",
            lambda: QCoreApplication.translate("DashboardPage", "物资"),
            lambda r: r.item_name,
            tooltip=tip,
        ),
        Column(
            "delta",
            lambda: QCoreApplication.translate("DashboardPage", "数量"),
            delta_text,
            alignment=_RIGHT,
            foreground=delta_colour,
            tooltip=tip,
        ),
        Column(
            "depot",
            lambda: QCoreApplication.translate("DashboardPage", "仓库"),
            lambda r: depot_names.short(r.depot_name),
            tooltip=tip,
        ),
    ]


def tone(row: LotStockRow, as_of: date) -> tuple[QColor | None, QColor | None]:
    days = days_left(row, as_of)
    if days is None:
        return None, None
    return (EXPIRED_FG, EXPIRED_BG) if days < 0 else (NEAR_FG, NEAR_BG)


def days_left(row: LotStockRow, as_of: date) -> int | None:
    if row.expiry_date is None:
        return None
    return (row.expiry_date - as_of).days


def expiry_text(row: LotStockRow, as_of: date) -> str:
    days = days_left(row, as_of)
    if days is None:
        return ""
    if days < 0:
        return QCoreApplication.translate("DashboardPage", "已过期 {days} 天").format(days=-days)
    if days == 0:
        return QCoreApplication.translate("DashboardPage", "今天到期")
    return QCoreApplication.translate("DashboardPage", "还剩 {days} 天").format(days=days)


def delta_text(row: LedgerRow) -> str:
    sign = "+" if row.delta > 0 else ""
    return f"{sign}{format_quantity(row.delta)} {row.unit}"
