"""签收回执: the receiving unit signs for a shipped order, line by line.

What arrived is recorded against what was shipped. A short or damaged line needs a
reason and stays on record (never silently dropped); the goods left the depot with their
出库单, so the shortage is a loss in transit on paper, not a second stock movement. The
receipt note (QS-…) is linked from every slip of the order, and the order becomes 已签收.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, insert, select

from ..domain.documents import LinkRole
from ..domain.errors import InvalidInput, InvalidState, ReasonRequired
from ..domain.model import DocState, DocType, MovementKind, PostingResult
from ..domain.orders import ReceivedLine
from ..domain.permissions import Action, Actor, require
from ..domain.quantities import from_milli, parse_quantity, to_milli
from ..persistence import repo
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from . import adjustments, documents
from .common import doc_date_or_today
from .order_queries import shipped_by_line
from .stock_moves import Move


def sign_for(
    uow: UnitOfWork,
    actor: Actor,
    *,
    order_no: str,
    signed_by: str,
    request_id: str,
    received: Sequence[ReceivedLine] | None = None,
    doc_date: date | str | None = None,
    note: str = "",
) -> PostingResult:
    """Record the receipt of shipped order `order_no`: `received` lists the lines that
    differ from what was shipped (the others arrived in full). Returns the QS document."""
    payload = {
        "order": order_no,
        "signed_by": signed_by,
        "received": list(received or ()),
        "doc_date": doc_date,
        "note": note,
    }
    who = signed_by.strip()
    if not who:
        raise InvalidInput("signed_by", "required")

    def body(conn: Connection) -> documents.Posted:
        require(actor, Action.ORDER)
        order = documents.load(conn, order_no)
        documents.require_kind(order, DocType.ORDER, "sign")
        documents.check_can(order, DocState.SIGNED)
        rows, short = _lines(conn, order.id, order.doc_no, received or ())
        day = doc_date_or_today(doc_date)
        ack = documents.create(
            conn,
            actor,
            DocType.RECEIPT_NOTE,
            repo.depot_by_id(conn, order.depot_id),
            day,
            counterparty=who[:200],
            reference=order.doc_no,
            note=note,
        )
        conn.execute(
            insert(t.document_lines),
            [
                {"document_id": ack.id, **{k: v for k, v in r.items() if k != "shipped"}}
                for r in rows
            ],
        )
        slips = _slips(conn, order.id)
        for slip_id in slips:
            documents.link(conn, actor, slip_id, ack, LinkRole.SLIP_RECEIPT)
        _book_losses(conn, actor, ack, slips, rows, day)
        summary = f"签收人 {who}，{ack.doc_no}" + (f"，短少 {short} 行" if short else "")
        documents.transition(conn, actor, order, DocState.SIGNED, summary)
        return documents.Posted(ack.id)

    return documents.post(uow, actor, "sign_for", request_id, payload, body)


def _lines(
    conn: Connection, order_id: int, order_no: str, received: Sequence[ReceivedLine]
) -> tuple[list[dict[str, Any]], int]:
    """One row per shipped order line: received quantity (thousandths) and the reason."""
    shipped = shipped_by_line(conn, order_id)
    dl = t.document_lines.c
    lines = {
        int(r.line_no): r
        for r in conn.execute(
            select(dl.line_no, dl.item_id, dl.depot_id, t.items.c.decimals)
            .join(t.items, t.items.c.id == dl.item_id)
            .where(dl.document_id == order_id)
        )
    }
    given = {int(r.line_no): r for r in received}
    unknown = set(given) - {n for n, milli in shipped.items() if milli > 0}
    if unknown:
        raise InvalidInput("line", "not_shipped", min(unknown))
    rows, short = [], 0
    for line_no in sorted(n for n, milli in shipped.items() if milli > 0):
        line, sent = lines[line_no], shipped[line_no]
        got, reason = sent, ""
        if line_no in given:
            got = to_milli(parse_quantity(given[line_no].quantity, line.decimals, allow_zero=True))
            reason = given[line_no].reason.strip()
        if got > sent:
            raise InvalidInput("quantity", "more_than_shipped", from_milli(got, line.decimals))
        if got < sent:
            if not reason:
                raise ReasonRequired()
            short += 1
        rows.append(
            {
                "shipped": sent,
                "line_no": line_no,
                "item_id": line.item_id,
                "lot_id": None,
                "quantity": got,
                "note": reason[:500],
                "depot_id": line.depot_id,
            }
        )
    if not rows:
        raise InvalidInput("line", "not_shipped", order_no)
    return rows, short


def _book_losses(
    conn: Connection,
    actor: Actor,
    ack: documents.DocHead,
    slips: list[int],
    rows: list[dict[str, Any]],
    day: date,
) -> None:
    """Goods shipped to one of our depots arrived there on a transfer (received in full):
    what the receiver found short is booked off the lots it arrived in, as a 途损 adjustment
    at that depot, with the line's reason, linked from the receipt note. (Goods issued to
    an outside unit left our books with their 出库单; their shortage is on paper only.)"""
    transfers = [documents.load_by_id(conn, s) for s in slips]
    transfers = [d for d in transfers if d.kind == DocType.TRANSFER]
    short = [r for r in rows if r["shipped"] > r["quantity"]]
    if not transfers or not short:
        return
    for slip in transfers:
        if slip.state != DocState.RECEIVED:
            raise InvalidState(slip.doc_no, slip.state, "sign")  # receive it first
    dst = repo.depot_by_id(conn, int(transfers[0].other_depot_id or 0))
    require(actor, Action.ADJUST, dst.id, dst.code)
    arrived = {
        int(r.id): r
        for r in conn.execute(
            select(t.lots.c.id, t.lots.c.item_id)
            .where(
                t.lots.c.document_id.in_([s.id for s in transfers]),
                t.lots.c.depot_id == dst.id,
            )
            .order_by(t.lots.c.id)
        )
    }
    moves: list[Move] = []
    reasons = []
    for row in short:
        item = repo.item_by_id(conn, int(row["item_id"]))
        left = int(row["shipped"]) - int(row["quantity"])
        reasons.append(f"{item.name} {row['note']}")
        for lot_id, lot in arrived.items():
            if left <= 0:
                break
            if int(lot.item_id) != item.id:
                continue
            on_hand = int(
                conn.execute(
                    select(t.lot_balances.c.on_hand).where(t.lot_balances.c.lot_id == lot_id)
                ).scalar_one()
            )
            part = min(left, on_hand)
            if part > 0:
                moves.append(Move(lot_id, item, dst, -part, MovementKind.ADJUST, len(moves) + 1))
                left -= part
    adjustments.book_transit_loss(conn, actor, ack, dst, day, moves, reasons, LinkRole.RECEIPT_LOSS)


def _slips(conn: Connection, order_id: int) -> list[int]:
    k = t.document_links.c
    return [
        int(x)
        for x in conn.execute(
            select(k.child_id)
            .where(k.parent_id == order_id, k.role == LinkRole.ORDER_SLIP.value)
            .order_by(k.child_id)
        ).scalars()
    ]
