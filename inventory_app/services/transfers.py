"""调拨 (transfer): stock leaves one depot, is in transit, and becomes new lots at the other.

One document carries both sides: TRANSFER_OUT movements when sent (state 在途), and
TRANSFER_IN movements into new lots when the destination receives it (state 已接收).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from sqlalchemy import Connection

from ..domain.documents import LinkRole
from ..domain.errors import InvalidDate, InvalidInput, ReasonRequired, SameDepotTransfer
from ..domain.model import DocState, DocType, MovementKind, OutLine, PostingResult, Purpose, Source
from ..domain.orders import ReceivedLine
from ..domain.permissions import Action, Actor, require
from ..domain.quantities import parse_quantity, to_milli
from ..persistence import repo
from ..persistence.uow import UnitOfWork
from . import adjustments, documents, stock_moves
from .common import doc_date_or_today
from .stock_moves import Move


def transfer_send(
    uow: UnitOfWork,
    actor: Actor,
    *,
    from_depot: str,
    to_depot: str,
    lines: Sequence[OutLine],
    request_id: str,
    doc_date: date | str | None = None,
    reference: str = "",
    purpose: Purpose | str = Purpose.PREPOSITION,
    note: str = "",
) -> PostingResult:
    """调拨 (send side): stock leaves `from_depot` and is in transit until received."""
    payload = {
        "from": from_depot,
        "to": to_depot,
        "lines": list(lines),
        "doc_date": doc_date,
        "reference": reference,
        "purpose": purpose,
        "note": note,
    }
    why = Purpose(purpose)

    def body(conn: Connection) -> documents.Posted:
        src = documents.depot_for(conn, actor, Action.TRANSFER, from_depot)
        dst = repo.depot_by_code(conn, to_depot)
        if src.id == dst.id:
            raise SameDepotTransfer()
        day = doc_date_or_today(doc_date)
        moves = stock_moves.plan_withdrawals(conn, src, lines, day, MovementKind.TRANSFER_OUT)
        doc = documents.create(
            conn,
            actor,
            DocType.TRANSFER,
            src,
            day,
            other_depot_id=dst.id,
            counterparty=dst.name[:200],
            reference=reference.strip()[:100],
            purpose=why.value,
            note=note,
        )
        transit = stock_moves.in_transit(dst, moves, sign=-1)
        stock_moves.apply(conn, actor, doc.id, day, moves, extra=transit)
        return documents.Posted(doc.id)

    return documents.post(uow, actor, "transfer_send", request_id, payload, body)


def transfer_receive(
    uow: UnitOfWork,
    actor: Actor,
    *,
    doc_no: str,
    request_id: str,
    location: str | None = None,
    doc_date: date | str | None = None,
    received: Sequence[ReceivedLine] = (),
) -> PostingResult:
    """调拨 (receive side): the goods in transit become new lots at the destination.

    `received` lists the sent lines (by line number) that arrived short or damaged, with
    what did arrive and why: the difference is booked off the new lots as a 途损
    adjustment at the destination, linked to the transfer, never silently dropped."""
    payload: dict[str, object] = {"doc_no": doc_no, "location": location, "doc_date": doc_date}
    if received:  # kept out of the payload when empty: earlier request ids still replay
        payload["received"] = list(received)

    def body(conn: Connection) -> documents.Posted:
        doc = documents.load(conn, doc_no)
        documents.require_kind(doc, DocType.TRANSFER, "receive")
        documents.check_can(doc, DocState.RECEIVED)
        assert doc.other_depot_id is not None
        dst = repo.depot_by_id(conn, doc.other_depot_id)
        require(actor, Action.TRANSFER, dst.id, dst.code)
        day = doc_date_or_today(doc_date)
        if day < doc.doc_date:
            raise InvalidDate(day, "doc_date")
        location_id = repo.location_id(conn, dst.id, location)
        outs = [
            m
            for m in stock_moves.document_movements(conn, doc.id)
            if m.kind == MovementKind.TRANSFER_OUT and m.reversed_by is None
        ]
        moves: list[Move] = []
        arrived: list[Move] = []
        line_no = max((m.line_no for m in outs), default=0)
        for out in outs:
            item = repo.item_by_id(conn, out.item_id)
            src_lot = repo.lot_row(conn, out.lot_id)
            lot_id = stock_moves.new_lot(
                conn,
                item=item,
                depot=dst,
                document_id=doc.id,
                received=day,
                location_id=location_id,
                batch_no=src_lot.batch_no,
                production_date=src_lot.production_date,
                expiry_date=src_lot.expiry_date,
                source=Source.TRANSFER.value,
                supplier=src_lot.supplier,
                reserve_mode=src_lot.reserve_mode,
                owner_org_id=src_lot.owner_org_id,
                owner_level=src_lot.owner_level,
                custodian_org_id=src_lot.custodian_org_id,
                unit_price_fen=src_lot.unit_price_fen,
                origin_lot_id=src_lot.id,
            )
            line_no += 1
            moves.append(Move(lot_id, item, dst, -out.delta, MovementKind.TRANSFER_IN, line_no))
            arrived.append(
                Move(out.lot_id, item, dst, out.delta, MovementKind.TRANSFER_OUT, out.line_no)
            )
        transit = stock_moves.in_transit(dst, arrived, sign=1)
        stock_moves.apply(conn, actor, doc.id, day, moves, extra=transit)
        _book_transit_loss(conn, actor, doc, dst, day, outs, moves, received)
        documents.transition(conn, actor, doc, DocState.RECEIVED)
        return documents.Posted(doc.id)

    return documents.post(uow, actor, "transfer_receive", request_id, payload, body)


def _book_transit_loss(
    conn: Connection,
    actor: Actor,
    doc: documents.DocHead,
    dst: repo.DepotRec,
    day: date,
    outs: Sequence,
    arrived: Sequence[Move],
    received: Sequence[ReceivedLine],
) -> None:
    """The shortfall of each line received short, off the lot it arrived in (途损)."""
    if not received:
        return
    by_line: dict[int, list[Move]] = defaultdict(list)  # a line split over lots: several
    for out, move in zip(outs, arrived, strict=True):
        by_line[int(out.line_no)].append(move)
    losses: list[Move] = []
    reasons = []
    for line in received:
        lots = by_line.get(int(line.line_no))
        if not lots:
            raise InvalidInput("line", "not_shipped", line.line_no)
        item, sent = lots[0].item, sum(m.delta for m in lots)
        got = to_milli(parse_quantity(line.quantity, item.decimals, allow_zero=True))
        if got > sent:
            raise InvalidInput("quantity", "more_than_shipped", line.quantity)
        if got == sent:
            continue
        why = line.reason.strip()
        if not why:
            raise ReasonRequired()
        reasons.append(f"{item.name} {why}")
        short = sent - got
        for move in lots:  # off the arrived lots in order until the shortfall is booked
            part = min(short, move.delta)
            if part > 0:
                losses.append(
                    Move(move.lot_id, item, dst, -part, MovementKind.ADJUST, len(losses) + 1)
                )
                short -= part
    adjustments.book_transit_loss(
        conn, actor, doc, dst, day, losses, reasons, LinkRole.TRANSIT_LOSS
    )
