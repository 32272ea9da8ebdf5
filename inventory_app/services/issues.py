"""出库 (issue): stock leaves a depot for a receiver, lots named or first-expiring-first."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import Connection

from ..domain.model import DocType, MovementKind, OutLine, PostingResult, Purpose
from ..domain.permissions import Action, Actor
from ..persistence.repo import DepotRec
from ..persistence.uow import UnitOfWork
from . import documents, stock_moves
from .common import doc_date_or_today


def issue(
    uow: UnitOfWork,
    actor: Actor,
    *,
    depot: str,
    lines: Sequence[OutLine],
    request_id: str,
    doc_date: date | str | None = None,
    receiver: str = "",
    reference: str = "",
    purpose: Purpose | str = Purpose.RELIEF,
    note: str = "",
) -> PostingResult:
    """出库: ship stock out of `depot` (lots named, or first-expiring-first)."""
    payload = {
        "depot": depot,
        "lines": list(lines),
        "doc_date": doc_date,
        "receiver": receiver,
        "reference": reference,
        "purpose": purpose,
        "note": note,
    }
    why = Purpose(purpose)

    def body(conn: Connection) -> documents.Posted:
        dep = documents.depot_for(conn, actor, Action.ISSUE, depot)
        day = doc_date_or_today(doc_date)
        return post_issue(conn, actor, dep, lines, day, why, receiver, reference, note)

    return documents.post(uow, actor, "issue", request_id, payload, body)


def post_issue(
    conn: Connection,
    actor: Actor,
    depot: DepotRec,
    lines: Sequence[OutLine],
    day: date,
    purpose: Purpose,
    receiver: str = "",
    reference: str = "",
    note: str = "",
) -> documents.Posted:
    """The 出库 itself, in the caller's transaction, at a depot the caller has checked (a
    rotation 轮出 posts one too)."""
    moves = stock_moves.plan_withdrawals(conn, depot, lines, day, MovementKind.ISSUE)
    doc = documents.create(
        conn,
        actor,
        DocType.ISSUE,
        depot,
        day,
        counterparty=receiver.strip()[:200],
        reference=reference.strip()[:100],
        purpose=purpose.value,
        note=note,
    )
    return documents.Posted(doc.id, stock_moves.apply(conn, actor, doc.id, day, moves))
