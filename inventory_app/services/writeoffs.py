"""报废 (write-off): requested by a keeper, approved by someone else, then posted.

While a request waits, its quantities are reserved on the named lots (owned by the
request's lines), so they cannot be shipped twice; approval consumes the reservations
into SCRAP movements, rejection releases them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import Connection, insert

from ..domain.errors import EmptyDocument, LotMismatch
from ..domain.ledger import require_reason
from ..domain.model import DocState, DocType, MovementKind, OutLine, PostingResult
from ..domain.permissions import Action, Actor, require_other_approver
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from . import documents, reservations, stock_moves
from .common import doc_date_or_today
from .reservations import Hold
from .stock_moves import Move


def request_scrap(
    uow: UnitOfWork,
    actor: Actor,
    *,
    depot: str,
    lines: Sequence[OutLine],
    reason: str,
    request_id: str,
    doc_date: date | str | None = None,
) -> PostingResult:
    """Ask to write off named lots (expired, damaged); reserves the quantities."""
    payload = {"depot": depot, "lines": list(lines), "reason": reason, "doc_date": doc_date}

    def body(conn: Connection) -> documents.Posted:
        dep = documents.depot_for(conn, actor, Action.REQUEST_SCRAP, depot)
        why = require_reason(reason)
        if not lines:
            raise EmptyDocument()
        day = doc_date_or_today(doc_date)
        if any(line.lot_id is None for line in lines):
            raise LotMismatch("", "lot")  # a write-off names the lots it condemns
        # The same line checks as an issue (item, quantity, lot belongs to item and depot).
        planned = stock_moves.plan_withdrawals(conn, dep, lines, day, MovementKind.SCRAP)
        doc = documents.create(conn, actor, DocType.SCRAP, dep, day, reason=why)
        holds = [Hold(m.line_no, m.item, dep, -m.delta, m.lot_id) for m in planned]
        reservations.reserve(conn, doc.id, holds)
        conn.execute(
            insert(t.document_lines),
            [
                {
                    "document_id": doc.id,
                    "line_no": h.line_no,
                    "item_id": h.item.id,
                    "lot_id": h.lot_id,
                    "quantity": h.milli,
                    "note": "",
                }
                for h in holds
            ],
        )
        return documents.Posted(doc.id)

    return documents.post(uow, actor, "request_scrap", request_id, payload, body)


def decide_scrap(
    uow: UnitOfWork,
    actor: Actor,
    *,
    doc_no: str,
    approve: bool,
    request_id: str,
    note: str = "",
) -> PostingResult:
    """审批: approve (post the write-off) or reject (release the reservation).

    Nobody decides on their own request (四眼原则)."""
    payload = {"doc_no": doc_no, "approve": approve, "note": note}
    target = DocState.POSTED if approve else DocState.REJECTED

    def body(conn: Connection) -> documents.Posted:
        doc = documents.load(conn, doc_no)
        documents.require_kind(doc, DocType.SCRAP, "approve")
        documents.check_can(doc, target)
        require_other_approver(doc.created_by, actor)
        held = reservations.open_reservations(conn, doc.id)
        ids: tuple[int, ...] = ()
        if approve:
            deltas = [reservations.consume(conn, r) for r in held]
            moves = [
                Move(r.lot_id, r.item, r.depot, -r.open, MovementKind.SCRAP, r.line_no)
                for r in held
                if r.lot_id is not None
            ]
            day = doc_date_or_today(None)
            ids = stock_moves.apply(conn, actor, doc.id, day, moves, extra=deltas)
        else:
            reservations.release_all(conn, doc.id)
        documents.transition(conn, actor, doc, target, note)
        return documents.Posted(doc.id, ids)

    return documents.post(uow, actor, "decide_scrap", request_id, payload, body)
