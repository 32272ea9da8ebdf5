"""The document kernel: request ids, numbering, states, events and links of every document.

Each document kind's service module (receipts, issues, transfers, adjustments, reversals,
write-offs …) describes only what is particular to it; this module does what they all
share, in the caller's transaction:

- `post` claims the request id (a replay returns the first result), runs the kind's body
  and records which document answered the request;
- `create` numbers a document without gaps and records its first event;
- `transition` moves it between states the kind's registry allows, as an event;
- `link` relates two documents (original → reversal, order → slip …).

Stock movements and reservations are in `stock_moves` and `reservations`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from ..domain.documents import (
    LinkRole,
    action_for,
    check_initial,
    check_transition,
    format_doc_no,
    spec,
)
from ..domain.errors import (
    InvalidInput,
    InvalidState,
    NotFound,
    RequestIdOtherUser,
    RequestIdReused,
)
from ..domain.model import DocState, DocType, PostingResult
from ..domain.permissions import Action, Actor, require
from ..persistence import chain, repo
from ..persistence import tables as t
from ..persistence.repo import DepotRec, next_doc_seq
from ..persistence.uow import UnitOfWork
from .common import host, payload_hash, utcnow

MAX_REQUEST_ID = 80


@dataclass(frozen=True)
class DocHead:
    """A document header as the kernel and the kinds' services use it."""

    id: int
    doc_no: str
    kind: DocType
    state: DocState
    depot_id: int
    other_depot_id: int | None
    doc_date: date
    created_by: int


@dataclass(frozen=True)
class Posted:
    """What a kind's body produced: the document, and its movements if just written."""

    document_id: int
    movement_ids: tuple[int, ...] | None = None


# ------------------------------------------------------------------ requests


_DOC_HEAD = select(t.documents.c.doc_no, t.documents.c.state).where(
    t.documents.c.id == bindparam("p_id")
)
_REQUEST = select(t.requests).where(t.requests.c.request_id == bindparam("p_rid"))
_FINISH = (
    update(t.requests)
    .where(t.requests.c.request_id == bindparam("p_rid"))
    .values(document_id=bindparam("p_doc"))
)


def result_for(
    conn: Connection,
    document_id: int,
    *,
    replayed: bool = False,
    movement_ids: tuple[int, ...] | None = None,
) -> PostingResult:
    doc = conn.execute(_DOC_HEAD, {"p_id": document_id}).one()
    ids = (
        movement_ids
        if movement_ids is not None
        else tuple(
            conn.execute(
                select(t.movements.c.id)
                .where(t.movements.c.document_id == document_id)
                .order_by(t.movements.c.id)
            ).scalars()
        )
    )
    return PostingResult(document_id, doc.doc_no, ids, doc.state, replayed)


def _claim(
    conn: Connection, actor: Actor, request_id: str, action: str, payload: dict[str, Any]
) -> PostingResult | None:
    """Idempotency: a known request id returns the first result; a new one is claimed.

    The claim is the first write of the transaction, so a concurrent twin on PostgreSQL
    blocks on the primary key until we commit, then fails, retries and replays.
    """
    if not request_id or len(request_id) > MAX_REQUEST_ID:
        raise InvalidInput("request_id", "length", request_id)
    digest = payload_hash({"action": action, **payload})
    row = conn.execute(_REQUEST, {"p_rid": request_id}).first()
    if row is not None:
        if row.user_id != actor.user_id:
            # Answering would hand another user's document (and its number) to someone who
            # may not see it, and make them look like its author: refuse.
            raise RequestIdOtherUser(request_id)
        if row.payload_hash != digest or row.document_id is None:
            raise RequestIdReused(request_id)
        return result_for(conn, row.document_id, replayed=True)
    conn.execute(
        insert(t.requests),
        {
            "request_id": request_id,
            "action": action,
            "payload_hash": digest,
            "document_id": None,
            "user_id": actor.user_id,
            "created_at": utcnow(),
        },
    )
    return None


def post(
    uow: UnitOfWork,
    actor: Actor,
    action: str,
    request_id: str,
    payload: dict[str, Any],
    body: Callable[[Connection], Posted],
) -> PostingResult:
    """Run one document use case in one write transaction, exactly once per request id.

    `payload` is everything the caller asked for: the same id with different content is
    refused. `body` validates, writes and returns what it posted; if it raises, nothing
    of the request (not even the claim) remains.
    """
    rid = (request_id or "").strip()

    def tx(conn: Connection) -> PostingResult:
        replay = _claim(conn, actor, rid, action, payload)
        if replay is not None:
            return replay
        posted = body(conn)
        conn.execute(_FINISH, {"p_rid": rid, "p_doc": posted.document_id})
        return result_for(conn, posted.document_id, movement_ids=posted.movement_ids)

    return uow.write(tx)


# ------------------------------------------------------------------ documents and states


def depot_for(conn: Connection, actor: Actor, action: Action, code: str) -> DepotRec:
    """The active depot a document is posted at, if the actor may do `action` there."""
    depot = repo.depot_by_code(conn, code)
    require(actor, action, depot.id, depot.code)
    return depot


_NEW_DOC = insert(t.documents).returning(t.documents.c.id)
_NEW_EVENT = insert(t.document_events)


def create(
    conn: Connection,
    actor: Actor,
    kind: DocType,
    depot: DepotRec,
    doc_date: date,
    state: DocState | None = None,
    **fields: Any,
) -> DocHead:
    """A new document of `kind`, numbered without gaps per (depot, kind, year).

    `state` defaults to the kind's only initial state. The number is taken in the
    caller's transaction, so a rolled-back posting gives it back.
    """
    if state is None:
        (state,) = spec(kind).initial
    check_initial(kind, state)
    seq = next_doc_seq(conn, depot.id, kind.value, doc_date.year)
    doc_no = format_doc_no(kind, depot.code, doc_date.year, seq)
    values = {
        "other_depot_id": None,
        "counterparty": "",
        "reference": "",
        "purpose": "",
        "reason": "",
        "note": "",
        "reverses_document_id": None,
        **fields,
    }
    doc_id = conn.execute(
        _NEW_DOC,
        {
            "doc_type": kind.value,
            "doc_no": doc_no,
            "depot_id": depot.id,
            "year": doc_date.year,
            "seq": seq,
            "state": state.value,
            "doc_date": doc_date,
            "created_by": actor.user_id,
            "created_at": utcnow(),
            "host": host(),
            **values,
        },
    ).scalar_one()
    _record_event(conn, actor, int(doc_id), None, state)
    return DocHead(
        int(doc_id),
        doc_no,
        kind,
        state,
        depot.id,
        values["other_depot_id"],
        doc_date,
        actor.user_id,
    )


def _record_event(
    conn: Connection,
    actor: Actor,
    document_id: int,
    from_state: str | None,
    to_state: str,
    note: str = "",
) -> None:
    chain.touch(conn, document_id)  # its new rows join the depot's history chain at commit
    conn.execute(
        _NEW_EVENT,
        {
            "document_id": document_id,
            "from_state": from_state,
            "to_state": to_state,
            "user_id": actor.user_id,
            "at": utcnow(),
            "host": host(),
            "note": note,
        },
    )


def _head(row: Any) -> DocHead:
    return DocHead(
        int(row.id),
        row.doc_no,
        DocType(row.doc_type),
        DocState(row.state),
        int(row.depot_id),
        row.other_depot_id,
        row.doc_date,
        int(row.created_by),
    )


def load(conn: Connection, doc_no: str) -> DocHead:
    """The document, locked against concurrent transitions (PostgreSQL; SQLite writers
    already hold the database lock)."""
    query = select(t.documents).where(t.documents.c.doc_no == doc_no.strip())
    if conn.dialect.name == "postgresql":
        query = query.with_for_update()
    row = conn.execute(query).first()
    if row is None:
        raise NotFound("document", doc_no)
    return _head(row)


def load_by_id(conn: Connection, document_id: int) -> DocHead:
    row = conn.execute(select(t.documents.c.doc_no).where(t.documents.c.id == document_id)).first()
    if row is None:
        raise NotFound("document", document_id)
    return load(conn, row.doc_no)


def require_kind(doc: DocHead, kind: DocType, action: str) -> None:
    """The action belongs to another kind of document: refuse it as a state error."""
    if doc.kind != kind:
        raise InvalidState(doc.doc_no, doc.state, action)


def check_can(doc: DocHead, target: DocState) -> None:
    """Refuse early (before any write) what `transition` would refuse later."""
    check_transition(doc.kind, doc.state, target, doc.doc_no)


def transition(
    conn: Connection, actor: Actor, doc: DocHead, target: DocState, note: str = ""
) -> DocHead:
    """Move `doc` to `target` if its kind allows it from its current state, as an event.

    The UPDATE is conditional on the state the caller saw, so two users deciding on the
    same document at once cannot both succeed.
    """
    check_transition(doc.kind, doc.state, target, doc.doc_no)
    changed = conn.execute(
        update(t.documents)
        .where(t.documents.c.id == doc.id, t.documents.c.state == doc.state.value)
        .values(state=target.value)
    ).rowcount
    if changed != 1:
        current = conn.execute(
            select(t.documents.c.state).where(t.documents.c.id == doc.id)
        ).scalar_one()
        raise InvalidState(doc.doc_no, current, action_for(doc.kind, target))
    _record_event(conn, actor, doc.id, doc.state, target, note)
    return DocHead(
        doc.id,
        doc.doc_no,
        doc.kind,
        target,
        doc.depot_id,
        doc.other_depot_id,
        doc.doc_date,
        doc.created_by,
    )


def note_event(conn: Connection, actor: Actor, doc: DocHead, note: str) -> None:
    """Record something that happened to a document without changing its state (e.g. the
    written approval of a phone-approved order arrived)."""
    _record_event(conn, actor, doc.id, doc.state, doc.state, note)


# ------------------------------------------------------------------ links


def link(
    conn: Connection, actor: Actor, parent: DocHead | int, child: DocHead | int, role: LinkRole
) -> None:
    """Relate two documents: `parent` → `child` in `role` (e.g. original → reversal)."""
    parent_id = parent.id if isinstance(parent, DocHead) else int(parent)
    child_id = child.id if isinstance(child, DocHead) else int(child)
    chain.touch(conn, parent_id, child_id)
    conn.execute(
        insert(t.document_links).values(
            parent_id=parent_id,
            child_id=child_id,
            role=role.value,
            created_by=actor.user_id,
            created_at=utcnow(),
        )
    )
