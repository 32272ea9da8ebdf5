"""调整 (adjustment): signed corrections of named lots, always with a reason."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import Connection

from ..domain.documents import LinkRole
from ..domain.errors import EmptyDocument, LotMismatch
from ..domain.ledger import require_reason
from ..domain.model import AdjustLine, DocType, MovementKind, PostingResult
from ..domain.permissions import Action, Actor
from ..domain.quantities import parse_quantity, to_milli
from ..persistence import repo
from ..persistence.uow import UnitOfWork
from . import documents, stock_moves
from .common import doc_date_or_today
from .stock_moves import Move


def adjust(
    uow: UnitOfWork,
    actor: Actor,
    *,
    depot: str,
    lines: Sequence[AdjustLine],
    reason: str,
    request_id: str,
    doc_date: date | str | None = None,
) -> PostingResult:
    """调整: signed corrections of lots (count differences, damage), with a reason."""
    payload = {"depot": depot, "lines": list(lines), "reason": reason, "doc_date": doc_date}

    def body(conn: Connection) -> documents.Posted:
        dep = documents.depot_for(conn, actor, Action.ADJUST, depot)
        why = require_reason(reason)
        if not lines:
            raise EmptyDocument()
        day = doc_date_or_today(doc_date)
        moves = []
        for line_no, line in enumerate(lines, 1):
            lot = repo.lot_row(conn, int(line.lot_id))
            if lot.depot_id != dep.id:
                raise LotMismatch(line.lot_id, dep.code)
            item = repo.item_by_id(conn, lot.item_id)
            delta = parse_quantity(line.delta, item.decimals, allow_negative=True)
            moves.append(Move(lot.id, item, dep, to_milli(delta), MovementKind.ADJUST, line_no))
        doc = documents.create(conn, actor, DocType.ADJUST, dep, day, reason=why)
        return documents.Posted(doc.id, stock_moves.apply(conn, actor, doc.id, day, moves))

    return documents.post(uow, actor, "adjust", request_id, payload, body)


def book_transit_loss(
    conn: Connection,
    actor: Actor,
    cause: documents.DocHead,
    depot: repo.DepotRec,
    day: date,
    losses: Sequence[Move],
    reasons: Sequence[str],
    role: LinkRole,
) -> None:
    """途损: goods that arrived short, booked off their lots at `depot` as an adjustment
    whose reason names the document that found it, linked from that document."""
    if not losses:
        return
    loss = documents.create(
        conn,
        actor,
        DocType.ADJUST,
        depot,
        day,
        reference=cause.doc_no,
        reason=f"途损（{cause.doc_no}）：" + "；".join(reasons),
    )
    stock_moves.apply(conn, actor, loss.id, day, losses)
    documents.link(conn, actor, cause, loss, role)
