"""One step on an allocation order: load it, check its kind, run the step, in one posting."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection

from ..domain.model import DocType, PostingResult
from ..domain.permissions import Actor
from ..persistence.uow import UnitOfWork
from . import documents
from .documents import DocHead


def decide(
    uow: UnitOfWork,
    actor: Actor,
    action: str,
    doc_no: str,
    request_id: str,
    payload: dict[str, Any],
    step: Callable[[Connection, DocHead], None],
) -> PostingResult:
    """Load the order, run `step(conn, doc)` in the posting transaction."""

    def body(conn: Connection) -> documents.Posted:
        doc = documents.load(conn, doc_no)
        documents.require_kind(doc, DocType.ORDER, action)
        step(conn, doc)
        return documents.Posted(doc.id)

    return documents.post(uow, actor, f"order_{action}", request_id, payload, body)
