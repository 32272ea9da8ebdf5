"""Columns of the 盘点 page: the counts, and one count's lines with their variances."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from ...domain.quantities import fen_to_yuan
from ...services.count_queries import CountLineRow, CountRow
from ..labels import count_reason_label, doc_state_label
from ..models.table_models import Column

_LOSS = QColor("#B00020")
_GAIN = QColor("#1B5E20")


def count_columns() -> list[Column[CountRow]]:
    return [
        Column(
            "doc_no",
            lambda: QCoreApplication.translate("CountsPage", "盘点单号"),
            lambda r: r.doc_no,
        ),
        Column(
            "state",
            lambda: QCoreApplication.translate("CountsPage", "状态"),
            lambda r: doc_state_label(r.state),
        ),
        Column(
            "depot",
            lambda: QCoreApplication.translate("CountsPage", "仓库"),
            lambda r: r.depot_name,
        ),
        Column(
            "scope", lambda: QCoreApplication.translate("CountsPage", "范围"), lambda r: r.scope
        ),
        Column(
            "blind",
            lambda: QCoreApplication.translate("CountsPage", "盲盘"),
            lambda r: QCoreApplication.translate("CountsPage", "是") if r.blind else "",
        ),
        Column(
            "counted",
            lambda: QCoreApplication.translate("CountsPage", "已盘/行数"),
            lambda r: f"{r.counted_lines}/{r.lines}",
        ),
        Column(
            "doc_date",
            lambda: QCoreApplication.translate("CountsPage", "日期"),
            lambda r: r.doc_date,
            "date",
        ),
        Column(
            "created_by",
            lambda: QCoreApplication.translate("CountsPage", "开单人"),
            lambda r: r.created_by,
        ),
    ]


def _colour(row: CountLineRow) -> QColor | None:
    if row.variance is None or row.variance == 0:
        return None
    return _LOSS if row.variance < 0 else _GAIN


def line_columns(blind: bool = False) -> list[Column[CountLineRow]]:
    """``blind``: while a blind count is being counted, the book and the variance stay hidden."""
    columns: list[Column[CountLineRow]] = [
        Column(
            "line_no",
            lambda: QCoreApplication.translate("CountsPage", "行号"),
            lambda r: r.line_no,
            "int",
        ),
        Column(
            "lot_id",
            lambda: QCoreApplication.translate("CountsPage", "批次ID"),
            lambda r: r.lot_id if r.lot_id else QCoreApplication.translate("CountsPage", "新增"),
        ),
        Column(
            "location",
            lambda: QCoreApplication.translate("CountsPage", "库位"),
            lambda r: r.location,
        ),
        Column(
            "item",
            lambda: QCoreApplication.translate("CountsPage", "物资"),
            lambda r: f"{r.item_code} {r.item_name}",
        ),
        Column(
            "batch", lambda: QCoreApplication.translate("CountsPage", "批号"), lambda r: r.batch_no
        ),
        Column("unit", lambda: QCoreApplication.translate("CountsPage", "单位"), lambda r: r.unit),
    ]
    if not blind:
        columns.append(
            Column(
                "book",
                lambda: QCoreApplication.translate("CountsPage", "账面"),
                lambda r: r.book,
                "quantity",
            )
        )
    columns.append(
        Column(
            "counted",
            lambda: QCoreApplication.translate("CountsPage", "实盘"),
            lambda r: r.counted,
            "quantity",
        )
    )
    if not blind:
        columns += [
            Column(
                "variance",
                lambda: QCoreApplication.translate("CountsPage", "差异"),
                lambda r: r.variance,
                "quantity",
                foreground=_colour,
            ),
            Column(
                "value",
                lambda: QCoreApplication.translate("CountsPage", "差异金额"),
                lambda r: None if r.variance_fen is None else fen_to_yuan(r.variance_fen),
                "money",
                foreground=_colour,
            ),
            Column(
                "since",
                lambda: QCoreApplication.translate("CountsPage", "快照后变动"),
                lambda r: r.since_snapshot or None,
                "quantity",
                tooltip=lambda r: QCoreApplication.translate(
                    "CountsPage", "快照之后这一批次的收发（已记账，不计入差异）"
                ),
            ),
        ]
    columns += [
        Column(
            "reason",
            lambda: QCoreApplication.translate("CountsPage", "原因"),
            lambda r: count_reason_label(r.reason) if r.reason else "",
        ),
        Column("note", lambda: QCoreApplication.translate("CountsPage", "备注"), lambda r: r.note),
    ]
    return columns
