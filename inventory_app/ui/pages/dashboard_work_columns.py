"""Rows and columns of the 首页 work panels: 待审批, 在途调拨 sent, own write-off requests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from ...domain.model import DocType
from ...services.inbox_queries import TransitRow
from ...services.order_queries import OrderRow
from ...services.rows import DocumentRow
from .. import depot_names
from ..labels import doc_state_label, doc_type_label
from ..models.table_models import Column

TRANSIT_AMBER_DAYS = 2  # a transfer still on the road after this many days deserves a look
AMBER_BG = QColor("#fff1c2")
AMBER_FG = QColor("#8a5300")


@dataclass(frozen=True)
class PendingRow:
    """One thing waiting for a decision: a write-off (``scrap`` set) or an order."""

    doc_no: str
    doc_type: str
    depot: str
    subject: str  # the write-off's reason, the order's receiving unit
    requested_by: str
    doc_date: date
    scrap: DocumentRow | None = None


def pending_rows(scraps: list[DocumentRow], orders: list[OrderRow]) -> list[PendingRow]:
    rows = [
        PendingRow(d.doc_no, d.doc_type, d.depot_name, d.reason, d.created_by, d.doc_date, d)
        for d in scraps
    ]
    rows += [
        PendingRow(
            o.doc_no, DocType.ORDER.value, o.depot_code, o.receiving_unit, o.created_by, o.doc_date
        )
        for o in orders
    ]
    return sorted(rows, key=lambda r: (r.doc_date, r.doc_no))


def pending_columns() -> list[Column[PendingRow]]:
    return [
        Column(
            "doc_no",
            lambda: QCoreApplication.translate("DashboardPage", "单号"),
            lambda r: r.doc_no,
        ),
        Column(
            "kind",
            lambda: QCoreApplication.translate("DashboardPage", "类别"),
            lambda r: doc_type_label(r.doc_type),
        ),
        Column(
            "depot",
            lambda: QCoreApplication.translate("DashboardPage", "仓库"),
            lambda r: depot_names.short(r.depot),
            tooltip=lambda r: depot_names.tooltip(r.depot),
        ),
        Column(
            "subject",
            lambda: QCoreApplication.translate("DashboardPage", "事由"),
            lambda r: r.subject,
        ),
        Column(
            "requested_by",
            lambda: QCoreApplication.translate("DashboardPage", "申请人"),
            lambda r: r.requested_by,
        ),
        Column(
            "doc_date",
            lambda: QCoreApplication.translate("DashboardPage", "日期"),
            lambda r: r.doc_date,
            kind="date",
        ),
    ]


def transit_text(days: int) -> str:
    return QCoreApplication.translate("DashboardPage", "在途 {days} 天").format(days=days)


def _late(row: TransitRow) -> bool:
    return row.days > TRANSIT_AMBER_DAYS


def transit_columns() -> list[Column[TransitRow]]:
    return [
        Column(
            "doc_no",
            lambda: QCoreApplication.translate("DashboardPage", "单号"),
            lambda r: r.doc.doc_no,
        ),
        Column(
            "to",
            lambda: QCoreApplication.translate("DashboardPage", "调入仓库"),
            lambda r: depot_names.short(r.doc.other_depot_name or ""),
            tooltip=lambda r: depot_names.tooltip(r.doc.other_depot_name or ""),
        ),
        Column(
            "from",
            lambda: QCoreApplication.translate("DashboardPage", "调出仓库"),
            lambda r: depot_names.short(r.doc.depot_name),
            tooltip=lambda r: depot_names.tooltip(r.doc.depot_name),
        ),
        Column(
            "doc_date",
            lambda: QCoreApplication.translate("DashboardPage", "发出日期"),
            lambda r: r.doc.doc_date,
            kind="date",
        ),
        Column(
            "age",
            lambda: QCoreApplication.translate("DashboardPage", "在途时间"),
            lambda r: transit_text(r.days),
            foreground=lambda r: AMBER_FG if _late(r) else None,
            background=lambda r: AMBER_BG if _late(r) else None,
        ),
    ]


def scrap_columns() -> list[Column[DocumentRow]]:
    return [
        Column(
            "doc_no",
            lambda: QCoreApplication.translate("DashboardPage", "单号"),
            lambda r: r.doc_no,
        ),
        Column(
            "depot",
            lambda: QCoreApplication.translate("DashboardPage", "仓库"),
            lambda r: depot_names.short(r.depot_name),
            tooltip=lambda r: depot_names.tooltip(r.depot_name),
        ),
        Column(
            "reason",
            lambda: QCoreApplication.translate("DashboardPage", "报废原因"),
            lambda r: r.reason,
        ),
        Column(
            "doc_date",
            lambda: QCoreApplication.translate("DashboardPage", "日期"),
            lambda r: r.doc_date,
            kind="date",
        ),
        Column(
            "state",
            lambda: QCoreApplication.translate("DashboardPage", "状态"),
            lambda r: doc_state_label(r.state),
        ),
    ]
