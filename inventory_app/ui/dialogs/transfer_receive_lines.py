"""调拨接收's lines: what was sent per line and what arrived; a shortfall needs a reason and
is booked as a 途损 adjustment linked to the transfer, never silently dropped."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication

from ...domain.model import MovementKind
from ...services.order_queries import OrderLineRow
from ...services.rows import LedgerRow
from ..models.table_models import format_quantity
from .line_inputs import InputColumn
from .sign_dialog import REASON, RECEIVED, SignLinesModel


@dataclass(frozen=True)
class SentLine(OrderLineRow):
    """One transfer line as sent (several lots of one line add up), with its batch numbers."""

    batches: str = ""


def sent_lines(movements: Sequence[LedgerRow]) -> list[SentLine]:
    """The transfer's outgoing, unreversed movements as one row per document line."""
    by_line: dict[int, list[LedgerRow]] = {}
    for row in movements:
        if row.kind == MovementKind.TRANSFER_OUT and row.reversed_by_movement_id is None:
            by_line.setdefault(row.line_no, []).append(row)
    lines = []
    for line_no, rows in sorted(by_line.items()):
        first = rows[0]
        sent = sum((-r.delta for r in rows), Decimal(0))
        batches = "、".join(dict.fromkeys(r.batch_no for r in rows if r.batch_no))
        lines.append(
            SentLine(
                line_no,
                first.item_code,
                first.item_name,
                "",
                first.unit,
                first.depot_code,
                first.depot_name,
                sent,
                Decimal(0),
                sent,
                batches=batches,
            )
        )
    return lines


def _batches(line: OrderLineRow) -> str:
    return line.batches if isinstance(line, SentLine) else ""


def receive_columns() -> list[InputColumn]:
    return [
        InputColumn(
            "line_no",
            lambda: QCoreApplication.translate("TransferReceiveDialog", "行"),
            lambda r: str(r.line_no),
            numeric=True,
        ),
        InputColumn(
            "item",
            lambda: QCoreApplication.translate("TransferReceiveDialog", "物资"),
            lambda r: f"{r.item_name} {r.item_code}",
        ),
        InputColumn(
            "batch_no",
            lambda: QCoreApplication.translate("TransferReceiveDialog", "批号"),
            _batches,
        ),
        InputColumn(
            "shipped",
            lambda: QCoreApplication.translate("TransferReceiveDialog", "发出"),
            lambda r: format_quantity(r.shipped),
            numeric=True,
        ),
        InputColumn(
            RECEIVED,
            lambda: QCoreApplication.translate("TransferReceiveDialog", "实收"),
            numeric=True,
        ),
        InputColumn(
            "unit",
            lambda: QCoreApplication.translate("TransferReceiveDialog", "单位"),
            lambda r: r.unit,
        ),
        InputColumn(
            REASON,
            lambda: QCoreApplication.translate(
                "TransferReceiveDialog", "短少或损坏原因（实收少于发出时必填）"
            ),
        ),
    ]


class ReceiveLinesModel(SignLinesModel):
    """实收 defaults to what was sent; less needs a reason, more is refused."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent, receive_columns())
