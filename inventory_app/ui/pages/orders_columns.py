"""The 调拨指令 page's tables: orders, an order's lines and its history; the 48 h countdown."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from ...domain.orders import PaperworkStatus
from ...services.order_queries import EventRow, OrderLineRow, OrderRow
from .. import depot_names
from ..labels import doc_state_label, purpose_label
from ..models.table_models import Column, format_datetime

URGENT_FG = QColor("#a4262c")  # 紧急 flag, overdue paperwork
OPEN_FG = QColor("#8a5300")  # paperwork still due
DONE_FG = QColor("#1e6b34")
OUTSTANDING_BG = QColor("#ffe7b3")  # goods that must still come back
_CENTER = Qt.AlignmentFlag.AlignCenter

# Texts are spelled out as literal QCoreApplication.translate("OrdersPage", …) calls:
# pyside6-lupdate extracts only literals.


def local_time(value: datetime | None) -> str:
    """A stored naive-UTC time in the PC's local time, to the minute."""
    if value is None:
        return ""
    return format_datetime(value.replace(tzinfo=UTC) if value.tzinfo is None else value)


def utc_now() -> datetime:
    """Now as the services store it (naive UTC), to compare with ``paperwork_due_at``."""
    return datetime.now(UTC).replace(tzinfo=None)


def countdown_text(due: datetime, now: datetime) -> tuple[str, bool]:
    """("剩余 31 小时 12 分", False) before the deadline, ("已超时 3 小时", True) after."""
    seconds = int((due - now).total_seconds())
    if seconds >= 0:
        hours, minutes = divmod(seconds // 60, 60)
        return (
            QCoreApplication.translate("OrdersPage", "剩余 {h} 小时 {m} 分").format(
                h=hours, m=minutes
            ),
            False,
        )
    late_minutes = -seconds // 60
    if late_minutes < 60:
        return (
            QCoreApplication.translate("OrdersPage", "已超时 {m} 分").format(m=late_minutes),
            True,
        )
    return (
        QCoreApplication.translate("OrdersPage", "已超时 {h} 小时").format(h=late_minutes // 60),
        True,
    )


def paperwork_label(status: str) -> str:
    if status == PaperworkStatus.OPEN:
        return QCoreApplication.translate("OrdersPage", "待补办")
    if status == PaperworkStatus.OVERDUE:
        return QCoreApplication.translate("OrdersPage", "已超时")
    if status == PaperworkStatus.DONE:
        return QCoreApplication.translate("OrdersPage", "已补办")
    return ""


def paperwork_text(row: OrderRow, now: datetime | None = None) -> str:
    """The paperwork cell: status, and while it is due the time left or overdue."""
    label = paperwork_label(row.paperwork)
    if row.paperwork in (PaperworkStatus.OPEN, PaperworkStatus.OVERDUE) and row.paperwork_due_at:
        text, _late = countdown_text(row.paperwork_due_at, now or utc_now())
        return f"{label}（{text}）"
    return label


def _paperwork_fg(row: OrderRow) -> QColor | None:
    return {
        PaperworkStatus.OVERDUE: URGENT_FG,
        PaperworkStatus.OPEN: OPEN_FG,
        PaperworkStatus.DONE: DONE_FG,
    }.get(PaperworkStatus(row.paperwork))


def emergency_text(emergency: bool) -> str:
    return QCoreApplication.translate("OrdersPage", "紧急") if emergency else ""


def order_columns() -> list[Column[OrderRow]]:
    return [
        Column(
            "doc_no",
            lambda: QCoreApplication.translate("OrdersPage", "指令号"),
            lambda r: r.doc_no,
        ),
        Column(
            "state",
            lambda: QCoreApplication.translate("OrdersPage", "状态"),
            lambda r: doc_state_label(r.state),
        ),
        Column(
            "emergency",
            lambda: QCoreApplication.translate("OrdersPage", "紧急"),
            lambda r: emergency_text(r.emergency),
            alignment=_CENTER,
            foreground=lambda r: URGENT_FG if r.emergency else None,
        ),
        Column(
            "doc_date",
            lambda: QCoreApplication.translate("OrdersPage", "日期"),
            lambda r: r.doc_date,
            "date",
        ),
        Column(
            "receiving_unit",
            lambda: QCoreApplication.translate("OrdersPage", "接收单位"),
            lambda r: r.receiving_unit,
            tooltip=lambda r: r.place or None,
        ),
        Column(
            "purpose",
            lambda: QCoreApplication.translate("OrdersPage", "用途"),
            lambda r: purpose_label(r.purpose),
        ),
        Column(
            "paperwork",
            lambda: QCoreApplication.translate("OrdersPage", "书面审批"),
            paperwork_text,
            foreground=_paperwork_fg,
        ),
        Column(
            "lines",
            lambda: QCoreApplication.translate("OrdersPage", "行数"),
            lambda r: r.lines,
            "int",
        ),
        Column(
            "request_no",
            lambda: QCoreApplication.translate("OrdersPage", "申请单号"),
            lambda r: r.request_no,
        ),
        Column(
            "created_by",
            lambda: QCoreApplication.translate("OrdersPage", "经办人"),
            lambda r: r.created_by,
        ),
    ]


def _short_fg(row: OrderLineRow) -> QColor | None:
    return OPEN_FG if row.reserved > 0 else None


def line_columns() -> list[Column[OrderLineRow]]:
    return [
        Column(
            "line_no",
            lambda: QCoreApplication.translate("OrdersPage", "行"),
            lambda r: r.line_no,
            "int",
        ),
        Column(
            "item",
            lambda: QCoreApplication.translate("OrdersPage", "物资"),
            lambda r: f"{r.item_name} {r.item_code}",
        ),
        Column(
            "spec",
            lambda: QCoreApplication.translate("OrdersPage", "规格"),
            lambda r: r.spec,
        ),
        Column(
            "depot",
            lambda: QCoreApplication.translate("OrdersPage", "调出仓库"),
            lambda r: depot_names.short(r.depot_name),
            tooltip=lambda r: depot_names.tooltip(r.depot_name, r.depot_code),
        ),
        Column(
            "quantity",
            lambda: QCoreApplication.translate("OrdersPage", "调拨数量"),
            lambda r: r.quantity,
            "quantity",
        ),
        Column(
            "reserved",
            lambda: QCoreApplication.translate("OrdersPage", "已预留"),
            lambda r: r.reserved,
            "quantity",
            foreground=_short_fg,
        ),
        Column(
            "shipped",
            lambda: QCoreApplication.translate("OrdersPage", "已出库"),
            lambda r: r.shipped,
            "quantity",
        ),
        Column(
            "returned",
            lambda: QCoreApplication.translate("OrdersPage", "已回收"),
            lambda r: r.returned,
            "quantity",
        ),
        Column(
            "outstanding",
            lambda: QCoreApplication.translate("OrdersPage", "待回收"),
            lambda r: r.outstanding,
            "quantity",
            background=lambda r: OUTSTANDING_BG if r.outstanding > 0 else None,
            tooltip=_outstanding_tip,
        ),
        Column(
            "unit",
            lambda: QCoreApplication.translate("OrdersPage", "单位"),
            lambda r: r.unit,
            alignment=_CENTER,
        ),
    ]


def _outstanding_tip(row: OrderLineRow) -> str | None:
    if row.outstanding <= 0:
        return None
    return QCoreApplication.translate("OrdersPage", "使用未满 12 个月（单帐篷 6 个月）的帐篷须回收")


def event_step(row: EventRow) -> str:
    """草稿 → 已提交; the first event (creation) shows only the state it starts in."""
    if not row.from_state:
        return doc_state_label(row.to_state)
    if row.from_state == row.to_state:
        return doc_state_label(row.to_state)
    return f"{doc_state_label(row.from_state)} → {doc_state_label(row.to_state)}"


def event_columns() -> list[Column[EventRow]]:
    return [
        Column(
            "at",
            lambda: QCoreApplication.translate("OrdersPage", "时间"),
            lambda r: local_time(r.at),
        ),
        Column(
            "step",
            lambda: QCoreApplication.translate("OrdersPage", "状态变化"),
            event_step,
        ),
        Column(
            "user",
            lambda: QCoreApplication.translate("OrdersPage", "操作人"),
            lambda r: r.user,
        ),
        Column(
            "host",
            lambda: QCoreApplication.translate("OrdersPage", "计算机"),
            lambda r: r.host,
        ),
        Column(
            "note",
            lambda: QCoreApplication.translate("OrdersPage", "说明"),
            lambda r: r.note,
            tooltip=lambda r: r.note or None,
        ),
    ]
