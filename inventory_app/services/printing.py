"""Any document as a printable PDF: the 出库单 in three copies, receipts, transfers,
adjustments, write-offs, reversals, requests and allocation orders.

The rows come from the database; `reports.printable` lays them out (embedded CJK font,
QR code of the document number, 大写 money total, 第 x 页 共 y 页, signature blocks).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from ..domain.errors import InvalidInput, NotFound
from ..domain.model import DocState, DocType, MovementKind
from ..domain.permissions import Action, Actor, require
from ..domain.quantities import from_milli, money_amount
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from ..reports import printable
from ..reports.pdf_base import Column, format_fen
from ..reports.printable import PrintableDocument
from . import count_print, print_orders
from .common import host, local_time
from .ledger_queries import documents
from .print_heads import PURPOSES, Head, document, load_head
from .settings import get_settings

FORMS = ("a4", "continuous")
_COPIES = {
    DocType.ISSUE: ("第一联 接收单位", "第二联 仓库留存", "第三联 记账"),
    DocType.RECEIPT: ("第一联 送货单位", "第二联 仓库留存", "第三联 记账"),
    DocType.TRANSFER: ("第一联 调入仓库", "第二联 调出仓库", "第三联 记账"),
}
_STOCK_COLUMNS = (
    Column("序号", 0.45, "center"),
    Column("物资编码", 0.85, "center"),
    Column("物资名称", 1.2, wrap=True),
    Column("规格型号", 1.3, wrap=True),
    Column("单位", 0.45, "center"),
    Column("批号", 1.45, "center", wrap=True),
    Column("库位", 0.6, "center"),
    Column("数量", 0.75, "right"),
    Column("单价(元)", 0.9, "right"),
    Column("金额(元)", 1.1, "right"),
)


def print_document(
    uow: UnitOfWork, actor: Actor, doc_no: str, out: Path | None = None, form: str | None = None
) -> bytes:
    """The PDF of `doc_no` (written to `out` if given). `form`: "a4" or "continuous"
    (241 × 140 mm for dot-matrix printers); by default the 出库单 form of the settings."""
    chosen = form or get_settings(uow).get("slip_form", "a4")
    if chosen not in FORMS:
        raise InvalidInput("form", "format", chosen)
    doc = printable_document(uow, actor, doc_no)
    return printable.render(doc, out, form=chosen)  # type: ignore[arg-type]


def printable_document(uow: UnitOfWork, actor: Actor, doc_no: str) -> PrintableDocument:
    """What a document prints, as plain data (the GUI preview renders the same)."""
    require(actor, Action.VIEW)
    if not documents(uow, actor, doc_no=doc_no.strip(), limit=1):
        raise NotFound("document", doc_no)  # unknown, or none of the actor's depots
    printed = f"打印于 {datetime.now():%Y-%m-%d %H:%M} · 打印人 {actor.display_name or actor.username} · PC {host()}"

    def tx(conn: Connection) -> PrintableDocument:
        head = load_head(conn, doc_no.strip())
        if head.kind in (DocType.ORDER, DocType.REQUEST):
            return print_orders.planned_document(conn, head, printed)
        if head.kind == DocType.RECEIPT_NOTE:
            return print_orders.receipt_note_document(conn, head, printed)
        if head.kind == DocType.RETURN:
            return print_orders.return_document(conn, head, printed)
        if head.kind == DocType.DRILL:
            return print_orders.drill_document(conn, head, printed)
        if head.kind == DocType.SETTLEMENT:
            return print_orders.settlement_document(conn, head, printed)
        if head.kind == DocType.COUNT:
            return count_print.count_document(conn, head, printed, actor)
        return _stock(conn, head, printed)

    return uow.read(tx)


def _stock(conn: Connection, head: Head, printed: str) -> PrintableDocument:
    """Documents whose lines are movements (or, for a waiting write-off, reserved lots)."""
    lines, total_milli, total_fen = _stock_lines(conn, head)
    fields = _stock_fields(conn, head)
    notes = head.reason or head.note
    return document(
        head,
        printed,
        fields=fields,
        columns=list(_STOCK_COLUMNS),
        lines=lines,
        totals=["合计", "", "", "", "", "", "", _qty_text(total_milli), "", _yuan(total_fen)],
        money_total_fen=abs(total_fen) if head.kind in (DocType.ISSUE, DocType.RECEIPT) else None,
        notes=notes,
        copies=list(_COPIES.get(head.kind, ())),
    )


def _stock_lines(conn: Connection, head: Head) -> tuple[list[list[str]], int, int]:
    m, lot, item = t.movements.c, t.lots.c, t.items.c
    query: Any
    if head.kind == DocType.SCRAP and head.state == DocState.PENDING_APPROVAL:
        dl = t.document_lines.c
        query = select(dl.line_no, dl.quantity.label("qty"), dl.lot_id).where(
            dl.document_id == head.id
        )
    else:
        query = select(m.line_no, m.delta.label("qty"), m.lot_id, m.kind).where(
            m.document_id == head.id
        )
        if head.kind == DocType.TRANSFER:
            query = query.where(m.kind == MovementKind.TRANSFER_OUT)  # what was sent
    sub = query.subquery()
    rows = conn.execute(
        select(
            sub.c.qty,
            item.code,
            item.name,
            item.spec,
            item.unit,
            item.decimals,
            lot.batch_no,
            lot.unit_price_fen,
            t.locations.c.code.label("location"),
        )
        .join(t.lots, lot.id == sub.c.lot_id)
        .join(t.items, item.id == lot.item_id)
        .outerjoin(t.locations, t.locations.c.id == lot.location_id)
        .order_by(sub.c.line_no, sub.c.lot_id)
    ).all()
    lines, total_milli, total_fen = [], 0, 0
    for n, r in enumerate(rows, 1):
        milli = abs(int(r.qty)) if head.kind != DocType.ADJUST else int(r.qty)
        qty = from_milli(milli, r.decimals)
        amount = money_amount(qty, int(r.unit_price_fen))
        total_milli += milli
        total_fen += amount
        lines.append(
            [
                str(n),
                r.code,
                r.name,
                r.spec,
                r.unit,
                r.batch_no or "",
                r.location or "",
                f"{qty:,f}",
                _yuan(int(r.unit_price_fen)),
                _yuan(amount),
            ]
        )
    return lines, total_milli, total_fen


def _stock_fields(conn: Connection, head: Head) -> list[tuple[str, str]]:
    purpose = PURPOSES.get(head.purpose, head.purpose)  # type: ignore[call-overload]
    fields: list[tuple[str, str]] = []
    if head.kind == DocType.ISSUE:
        fields += [("接收单位", head.counterparty), ("调拨指令", head.reference), ("用途", purpose)]
    elif head.kind == DocType.RECEIPT:
        fields += [
            ("供货单位", head.counterparty),
            ("合同/订单号", head.reference),
            ("来源", head.purpose),
        ]
    elif head.kind == DocType.TRANSFER:
        fields += [
            ("调出仓库", head.depot_name),
            ("调入仓库", head.other_name),
            ("用途", purpose),
            ("依据", head.reference),
        ]
    elif head.kind == DocType.REVERSAL:
        fields += [("冲销原单", head.reference)]
    fields += _carrier_fields(conn, head.id)
    fields += [
        ("制单人", head.creator),
        ("制单时间", f"{local_time(head.created_at):%Y-%m-%d %H:%M}"),
    ]
    return fields


def _carrier_fields(conn: Connection, document_id: int) -> list[tuple[str, str]]:
    """A slip shipped against an order: where it goes and who carries it."""
    slip = conn.execute(
        select(
            t.slip_details,
            t.order_details.c.place,
            t.order_details.c.receiver,
            t.order_details.c.receiver_phone,
        )
        .join(t.order_details, t.order_details.c.document_id == t.slip_details.c.order_document_id)
        .where(t.slip_details.c.document_id == document_id)
    ).first()
    if slip is None:
        return []
    return [
        ("接收地点", slip.place),
        ("接收人", f"{slip.receiver} {slip.receiver_phone}".strip()),
        ("承运单位", slip.carrier),
        ("驾驶员", f"{slip.driver} {slip.driver_phone}".strip()),
        ("车牌号", slip.plate),
    ]


def _yuan(fen: int) -> str:
    return format_fen(fen, symbol=False)


def _qty_text(milli: int) -> str:
    return f"{from_milli(milli, 3).normalize():,f}"
