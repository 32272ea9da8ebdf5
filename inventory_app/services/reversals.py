"""冲销 (reversal): a new document cancels movements of an earlier one; nothing is edited.

A movement is reversed once, a reversal never; a transfer is always reversed whole (while
in transit the goods return to the source lots, after receipt they must still be at the
destination). The original is linked to its reversal, and becomes 已冲销 once every one
of its movements is reversed.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, Row, select

from ..domain.documents import LinkRole, check_reversible
from ..domain.errors import AlreadyReversed, InvalidInput, NotFound
from ..domain.ledger import require_reason
from ..domain.model import DocState, DocType, MovementKind, PostingResult
from ..domain.permissions import Action, Actor, require
from ..persistence import repo
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from . import documents, stock_moves
from .common import doc_date_or_today
from .documents import DocHead
from .stock_moves import Move


def reverse(
    uow: UnitOfWork,
    actor: Actor,
    *,
    reason: str,
    request_id: str,
    movement_id: int | None = None,
    doc_no: str | None = None,
    doc_date: date | str | None = None,
) -> PostingResult:
    """冲销: a reversing document cancels a movement (or a whole document)."""
    if (movement_id is None) == (doc_no is None):
        raise InvalidInput("target", "movement_or_document")
    payload = {"movement_id": movement_id, "doc_no": doc_no, "reason": reason, "doc_date": doc_date}

    def body(conn: Connection) -> documents.Posted:
        why = require_reason(reason)
        doc = documents.load(conn, _doc_no_of(conn, movement_id) if doc_no is None else doc_no)
        all_moves = stock_moves.document_movements(conn, doc.id)
        chosen = _chosen(doc, all_moves, movement_id)
        depots = {m.depot_id: repo.depot_by_id(conn, m.depot_id) for m in chosen}
        for dep in depots.values():
            require(actor, Action.REVERSE, dep.id, dep.code)
        day = doc_date_or_today(doc_date)
        rev = documents.create(
            conn,
            actor,
            DocType.REVERSAL,
            repo.depot_by_id(conn, doc.depot_id),
            day,
            reason=why,
            reverses_document_id=doc.id,
            reference=doc.doc_no,
        )
        documents.link(conn, actor, doc, rev, LinkRole.REVERSAL)
        moves = [
            Move(
                m.lot_id,
                repo.item_by_id(conn, m.item_id),
                depots[m.depot_id],
                -m.delta,
                MovementKind.REVERSAL,
                line_no,
                reverses=m.id,
            )
            for line_no, m in enumerate(chosen, 1)
        ]
        transit: list[stock_moves.Delta] = []
        if doc.state == DocState.IN_TRANSIT:
            assert doc.other_depot_id is not None
            outs = [
                mv
                for mv, m in zip(moves, chosen, strict=True)
                if m.kind == MovementKind.TRANSFER_OUT
            ]
            # Reversal deltas of out-moves are positive: take them off the in-transit figure.
            dst = repo.depot_by_id(conn, doc.other_depot_id)
            transit = stock_moves.in_transit(dst, outs, sign=-1)
        ids = stock_moves.apply(conn, actor, rev.id, day, moves, extra=transit)
        done = {c.id for c in chosen}
        if all(m.reversed_by is not None or m.id in done for m in all_moves):
            documents.transition(conn, actor, doc, DocState.REVERSED, why)
        return documents.Posted(rev.id, ids)

    return documents.post(uow, actor, "reverse", request_id, payload, body)


def _doc_no_of(conn: Connection, movement_id: int | None) -> str:
    target = conn.execute(
        select(t.documents.c.doc_no)
        .join(t.movements, t.movements.c.document_id == t.documents.c.id)
        .where(t.movements.c.id == int(movement_id or 0))
    ).scalar()
    if target is None:
        raise NotFound("movement", movement_id)
    return str(target)


def _chosen(doc: DocHead, all_moves: list[Row], movement_id: int | None) -> list[Row]:
    """The movements to reverse: the one asked for, or every one not yet reversed (always
    the whole document for a transfer)."""
    if movement_id is not None and doc.kind != DocType.TRANSFER:
        (move,) = [m for m in all_moves if m.id == int(movement_id)]
        check_reversible(doc.doc_no, doc.kind, doc.state, move.id, move.kind, move.reversed_by)
        return [move]
    first = movement_id or (all_moves[0].id if all_moves else 0)
    check_reversible(doc.doc_no, doc.kind, doc.state, int(first))
    chosen = [m for m in all_moves if m.reversed_by is None]
    if not chosen:
        raise AlreadyReversed(int(first))
    return chosen
