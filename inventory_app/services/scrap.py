"""报废 (write-off): requested by a keeper, approved by someone else, then posted.

While a request waits, its quantity is reserved on the lot, so it cannot be shipped twice;
approval turns the reservation into a SCRAP movement, rejection releases it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import Connection, insert, select

from ..domain.errors import EmptyDocument, InvalidState, LotMismatch
from ..domain.ledger import require_reason
from ..domain.model import DocState, DocType, MovementKind, OutLine, PostingResult
from ..domain.permissions import Action, Actor, require, require_other_approver
from ..persistence import repo
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from .common import begin_request, doc_date_or_today, finish_request, new_document, result_for
from .common import set_state as change_state
from .posting import _document, _insert_movements, _Move, _plan_withdrawals


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

    def tx(conn: Connection) -> PostingResult:
        replay = begin_request(conn, actor, request_id, "request_scrap", payload)
        if replay:
            return replay
        dep = repo.depot_by_code(conn, depot)
        require(actor, Action.REQUEST_SCRAP, dep.id, dep.code)
        why = require_reason(reason)
        if not lines:
            raise EmptyDocument()
        day = doc_date_or_today(doc_date)
        if any(line.lot_id is None for line in lines):
            raise LotMismatch("", "lot")  # a write-off names the lots it condemns
        # The same line checks as an issue (item, quantity, lot belongs to item and depot).
        planned = _plan_withdrawals(conn, dep, lines, day, MovementKind.SCRAP)
        doc_id, _ = new_document(
            conn, actor, DocType.SCRAP, dep, day, DocState.PENDING_APPROVAL, reason=why
        )
        for move in sorted(planned, key=lambda m: m.lot_id):
            milli = -move.delta
            repo.change_lot_balance(
                conn,
                move.lot_id,
                0,
                reserved_delta=milli,
                item=move.item.label,
                depot=dep.label,
                decimals=move.item.decimals,
            )
            repo.change_stock_balance(
                conn,
                move.item.id,
                dep.id,
                reserved=milli,
                item=move.item.label,
                depot=dep.label,
                decimals=move.item.decimals,
            )
            conn.execute(
                insert(t.document_lines).values(
                    document_id=doc_id,
                    line_no=move.line_no,
                    item_id=move.item.id,
                    lot_id=move.lot_id,
                    quantity=milli,
                )
            )
        finish_request(conn, request_id, doc_id)
        return result_for(conn, doc_id)

    return uow.write(tx)


def _pending(conn: Connection, doc_no: str):
    doc = _document(conn, doc_no)
    if doc.doc_type != DocType.SCRAP or doc.state != DocState.PENDING_APPROVAL:
        raise InvalidState(doc.doc_no, doc.state, "approve")
    lines = list(
        conn.execute(
            select(t.document_lines)
            .where(t.document_lines.c.document_id == doc.id)
            .order_by(t.document_lines.c.lot_id)
        )
    )
    return doc, lines


def decide_scrap(
    uow: UnitOfWork, actor: Actor, *, doc_no: str, approve: bool, request_id: str, note: str = ""
) -> PostingResult:
    """审批: approve (post the write-off) or reject (release the reservation).

    Nobody decides on their own request (四眼原则)."""
    payload = {"doc_no": doc_no, "approve": approve, "note": note}

    def tx(conn: Connection) -> PostingResult:
        replay = begin_request(conn, actor, request_id, "decide_scrap", payload)
        if replay:
            return replay
        doc, lines = _pending(conn, doc_no)
        require_other_approver(doc.created_by, actor)
        dep = repo.depot_by_id(conn, doc.depot_id)
        moves = []
        for line in lines:
            item = repo.item_by_id(conn, line.item_id)
            withdrawal = -line.quantity if approve else 0
            repo.change_lot_balance(
                conn,
                line.lot_id,
                withdrawal,
                reserved_delta=-line.quantity,
                item=item.label,
                depot=dep.label,
                decimals=item.decimals,
            )
            repo.change_stock_balance(
                conn,
                item.id,
                dep.id,
                on_hand=withdrawal,
                reserved=-line.quantity,
                item=item.label,
                depot=dep.label,
                decimals=item.decimals,
            )
            if approve:
                moves.append(
                    _Move(line.lot_id, item, dep, -line.quantity, MovementKind.SCRAP, line.line_no)
                )
        ids = (
            _insert_movements(conn, actor, doc.id, doc_date_or_today(None), moves) if moves else ()
        )
        change_state(
            conn, actor, doc.id, doc.state, DocState.POSTED if approve else DocState.REJECTED, note
        )
        finish_request(conn, request_id, doc.id)
        return result_for(conn, doc.id, movement_ids=ids)

    return uow.write(tx)
