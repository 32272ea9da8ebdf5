"""The ledger table: its columns, colours, reversal links and the struck-through model."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView

from ...services.rows import LedgerRow
from .. import depot_names
from ..labels import MOVEMENT_KINDS, movement_kind_label
from ..models.table_models import Column, LazyTableModel, format_quantity

NEGATIVE_FG = QColor("#a31515")  # outgoing quantities
REVERSED_FG = QColor("#9a9a9a")  # a movement cancelled by a reversal: still shown, greyed
LINK_FG = QColor("#1a5fb4")  # the reversal-relation text, which double-click follows
RELATION_KEY = "relation"

AnyIndex = QModelIndex | QPersistentModelIndex

# The texts keep the context "LedgerPage" they had as the page's own self.tr() calls, spelled
# out as literal QCoreApplication.translate("LedgerPage", …): lupdate extracts only literals.


def relation_text(row: LedgerRow) -> str:
    if row.reversed_by_movement_id is not None:
        return QCoreApplication.translate("LedgerPage", "已被流水 {0} 冲销").format(
            row.reversed_by_movement_id
        )
    if row.reverses_movement_id is not None:
        return QCoreApplication.translate("LedgerPage", "冲销流水 {0}").format(
            row.reverses_movement_id
        )
    return ""


def linked_movement(row: LedgerRow) -> int | None:
    return row.reversed_by_movement_id or row.reverses_movement_id


def as_utc(value: datetime) -> datetime:
    # Stored as naive UTC; marking it lets the formatter show the PC's local time.
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


class LedgerModel(LazyTableModel[LedgerRow]):
    """The lazily paged ledger, with struck-through text for reversed movements."""

    RELATION_KEY = RELATION_KEY

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.FontRole:
            row = self.row_at(index)
            if row is None or row.reversed_by_movement_id is None:
                return None
            if self.columns[index.column()].key == self.RELATION_KEY:
                return None  # the explanation itself stays readable
            font = QFont()
            font.setStrikeOut(True)
            return font
        return super().data(index, role)


def _foreground(row: LedgerRow) -> QColor | None:
    return REVERSED_FG if row.reversed_by_movement_id is not None else None


def _quantity_foreground(row: LedgerRow) -> QColor | None:
    if row.reversed_by_movement_id is not None:
        return REVERSED_FG
    return NEGATIVE_FG if row.delta < 0 else None


def _relation_foreground(row: LedgerRow) -> QColor | None:
    return LINK_FG if linked_movement(row) else None


def ledger_columns() -> list[Column[LedgerRow]]:
    fg = _foreground
    return [
        Column(
            "movement_id",
            lambda: QCoreApplication.translate("LedgerPage", "流水号"),
            lambda r: r.movement_id,
            alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            foreground=fg,
        ),
        Column(
            "doc_date",
            lambda: QCoreApplication.translate("LedgerPage", "日期"),
            lambda r: r.doc_date,
            kind="date",
            foreground=fg,
        ),
        Column(
            "doc_no",
            lambda: QCoreApplication.translate("LedgerPage", "单据号"),
            lambda r: r.doc_no,
            foreground=fg,
        ),
        Column(
            "kind",
            lambda: QCoreApplication.translate("LedgerPage", "类型"),
            lambda r: movement_kind_label(r.kind),
            foreground=fg,
        ),
        Column(
            "depot_code",
            lambda: QCoreApplication.translate("LedgerPage", "仓库"),
            lambda r: depot_names.short(r.depot_name),
            foreground=fg,
            tooltip=lambda r: depot_names.tooltip(r.depot_name, r.depot_code),
        ),
        Column(
            "item_name",
            lambda: QCoreApplication.translate("LedgerPage", "物资"),
            lambda r: r.item_name,
            foreground=fg,
            tooltip=lambda r: f"{r.item_code} {r.item_name}",
        ),
        Column(
            "batch_no",
            lambda: QCoreApplication.translate("LedgerPage", "批号"),
            lambda r: r.batch_no,
            foreground=fg,
        ),
        Column(
            "delta",
            lambda: QCoreApplication.translate("LedgerPage", "数量"),
            lambda r: r.delta,
            kind="quantity",
            foreground=_quantity_foreground,
        ),
        Column(
            "unit",
            lambda: QCoreApplication.translate("LedgerPage", "单位"),
            lambda r: r.unit,
            foreground=fg,
        ),
        Column(
            "stock_after",
            lambda: QCoreApplication.translate("LedgerPage", "结存"),
            lambda r: r.stock_after,
            kind="quantity",
            foreground=fg,
            tooltip=lambda r: QCoreApplication.translate(
                "LedgerPage", "本笔之后，{item}在本库的结存；本批次结存 {lot}"
            ).format(item=r.item_name, lot=format_quantity(r.lot_after or 0)),
        ),
        # Right after the quantity, so the link is on screen without scrolling sideways.
        Column(
            RELATION_KEY,
            lambda: QCoreApplication.translate("LedgerPage", "冲销关系"),
            relation_text,
            foreground=_relation_foreground,
            tooltip=lambda r: (
                QCoreApplication.translate("LedgerPage", "双击跳到关联流水")
                if linked_movement(r)
                else None
            ),
        ),
        Column(
            "user",
            lambda: QCoreApplication.translate("LedgerPage", "经办人"),
            lambda r: r.user,
            foreground=fg,
        ),
        Column(
            "created_at",
            lambda: QCoreApplication.translate("LedgerPage", "录入时间"),
            lambda r: as_utc(r.created_at),
            kind="datetime",
            foreground=fg,
        ),
        Column(
            "counterparty",
            lambda: QCoreApplication.translate("LedgerPage", "对方单位"),
            lambda r: r.counterparty,
            foreground=fg,
            tooltip=lambda r: r.counterparty or None,
        ),
        Column(
            "reason",
            lambda: QCoreApplication.translate("LedgerPage", "原因/备注"),
            lambda r: r.reason,
            foreground=fg,
            tooltip=lambda r: r.reason or None,
        ),
    ]


def width_samples(metrics: QFontMetrics) -> dict[str, str]:
    """The widest text a column usually holds, by column key."""
    return {
        "movement_id": "1234567",
        "doc_date": "2026-01-01",
        "created_at": "2026-01-01 00:00",
        "doc_no": "RK-ZW-SJ-01-2026-00001",
        "kind": max(
            (movement_kind_label(kind) for kind in MOVEMENT_KINDS), key=metrics.horizontalAdvance
        ),
        "depot_code": "自然资源地灾库",
        "item_name": "折叠床（钢木）",
        "batch_no": "SPT2017-0501-01",
        "delta": "-123,456.789",
        "unit": "单位",
        "stock_after": "123,456.789",
        "user": "海原县保管员",
        "counterparty": "海原县西安镇人民政府",
        "reason": "盘点差异调整",
        "relation": max(
            QCoreApplication.translate("LedgerPage", "已被流水 {0} 冲销").format(12345),
            QCoreApplication.translate("LedgerPage", "冲销流水 {0}").format(12345),
            key=metrics.horizontalAdvance,
        ),
    }


def apply_widths(
    header: QHeaderView, columns: list[Column[LedgerRow]], metrics: QFontMetrics
) -> None:
    """Width per column from a typical value or its header, whichever is wider."""
    samples = width_samples(metrics)
    for section, column in enumerate(columns):
        width = max(
            metrics.horizontalAdvance(samples.get(column.key, "一二三四")),
            metrics.horizontalAdvance(column.header_text()) + 14,
        )
        header.resizeSection(section, width + 18)


def find_movement(model: LedgerModel, movement_id: int, *, fetch_pages: int = 0) -> int | None:
    """The row showing the movement, fetching up to ``fetch_pages`` more pages to find it."""
    for _attempt in range(fetch_pages + 1):
        for position in range(model.rowCount()):
            row = model.row_at(model.index(position, 0))
            if row is not None and row.movement_id == movement_id:
                return position
        if not model.canFetchMore(QModelIndex()):
            break
        model.fetchMore(QModelIndex())
    return None


def summary_text(total: int, model: LazyTableModel[Any], sort_key: str, descending: bool) -> str:
    """共 1,234 条流水（按流水号降序）."""
    text = QCoreApplication.translate("LedgerPage", "共 {0} 条流水").format(f"{total:,}")
    if total:
        text += QCoreApplication.translate("LedgerPage", "（按{0}{1}）").format(
            model.columns[model.column_index(sort_key)].header_text(),
            QCoreApplication.translate("LedgerPage", "降序")
            if descending
            else QCoreApplication.translate("LedgerPage", "升序"),
        )
    return text
