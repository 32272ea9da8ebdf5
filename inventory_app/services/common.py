"""Helpers shared by the services: clock, host, request ids, document headers."""

from __future__ import annotations

import hashlib
import json
import socket
from dataclasses import fields, is_dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from ..domain.documents import format_doc_no
from ..domain.errors import InvalidDate, InvalidInput, RequestIdReused
from ..domain.model import DocType, PostingResult
from ..domain.permissions import Actor
from ..persistence import tables as t
from ..persistence.repo import DepotRec, next_doc_seq

MAX_REQUEST_ID = 80


def utcnow() -> datetime:
    """Naive UTC timestamps in storage; the UI converts to local time for display."""
    return datetime.now(UTC).replace(tzinfo=None)


def today() -> date:
    return date.today()


_HOST: str | None = None


def host() -> str:
    """The PC a change came from (domain rule: everything attributable)."""
    global _HOST
    if _HOST is None:
        _HOST = socket.gethostname()[:100]
    return _HOST


def doc_date_or_today(value: date | str | None) -> date:
    if value is None or value == "":
        return today()
    parsed = parse_date(value, "doc_date")
    assert parsed is not None
    if parsed > today():
        raise InvalidDate(value, "doc_date")
    return parsed


def parse_date(value: date | str | None, field: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise InvalidDate(value, field) from None


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    names = _FIELD_NAMES.get(cls)
    if names is None and is_dataclass(cls):
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


def _jsonable(value: Any) -> Any:
    names = _field_names(type(value))
    if names is not None:
        # Not asdict(): it deep-copies, which dominates hashing a 100,000-line document.
        return {name: _jsonable(getattr(value, name)) for name in names}
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, bool | int | str):
        return value
    return str(value)


def payload_hash(payload: dict[str, Any]) -> str:
    """A digest of what was asked, to tell a true replay from a reused request id.

    Lists of line dataclasses (which can hold 100,000 lines) are hashed line by line from
    their field values' text, without building a JSON tree first."""
    digest = hashlib.sha256()
    scalars = {}
    for key in sorted(payload):
        value = payload[key]
        if isinstance(value, list) and value and _field_names(type(value[0])) is not None:
            names = _field_names(type(value[0]))
            assert names is not None
            digest.update(f"{key}:{type(value[0]).__name__}:{len(value)}\n".encode())
            for line in value:
                digest.update("\x1f".join([str(getattr(line, n)) for n in names]).encode())
                digest.update(b"\x1e")
        else:
            scalars[key] = value
    digest.update(json.dumps(_jsonable(scalars), sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()


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


_DOC_HEAD = select(t.documents.c.doc_no, t.documents.c.state).where(
    t.documents.c.id == bindparam("p_id")
)
_REQUEST = select(t.requests).where(t.requests.c.request_id == bindparam("p_rid"))
_CLAIM = insert(t.requests)
_FINISH = (
    update(t.requests)
    .where(t.requests.c.request_id == bindparam("p_rid"))
    .values(document_id=bindparam("p_doc"))
)
_NEW_DOC = insert(t.documents).returning(t.documents.c.id)
_NEW_EVENT = insert(t.document_events)


def begin_request(
    conn: Connection, actor: Actor, request_id: str, action: str, payload: dict[str, Any]
) -> PostingResult | None:
    """Idempotency: a known request id returns the first result; a new one is claimed.

    The claim is the first write of the transaction, so a concurrent twin on PostgreSQL
    blocks on the primary key until we commit, then fails, retries and replays.
    """
    request_id = (request_id or "").strip()
    if not request_id or len(request_id) > MAX_REQUEST_ID:
        raise InvalidInput("request_id", "length", request_id)
    digest = payload_hash({"action": action, **payload})
    row = conn.execute(_REQUEST, {"p_rid": request_id}).first()
    if row is not None:
        if row.payload_hash != digest or row.document_id is None:
            raise RequestIdReused(request_id)
        return result_for(conn, row.document_id, replayed=True)
    conn.execute(
        _CLAIM,
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


def finish_request(conn: Connection, request_id: str, document_id: int) -> None:
    conn.execute(_FINISH, {"p_rid": request_id.strip(), "p_doc": document_id})


def new_document(
    conn: Connection,
    actor: Actor,
    doc_type: DocType,
    depot: DepotRec,
    doc_date: date,
    state: str,
    **fields: Any,
) -> tuple[int, str]:
    seq = next_doc_seq(conn, depot.id, doc_type.value, doc_date.year)
    doc_no = format_doc_no(doc_type, depot.code, doc_date.year, seq)
    now = utcnow()
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
            "doc_type": doc_type.value,
            "doc_no": doc_no,
            "depot_id": depot.id,
            "year": doc_date.year,
            "seq": seq,
            "state": state,
            "doc_date": doc_date,
            "created_by": actor.user_id,
            "created_at": now,
            "host": host(),
            **values,
        },
    ).scalar_one()
    record_event(conn, actor, doc_id, None, state)
    return int(doc_id), doc_no


def record_event(
    conn: Connection,
    actor: Actor,
    document_id: int,
    from_state: str | None,
    to_state: str,
    note: str = "",
) -> None:
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


def set_state(
    conn: Connection, actor: Actor, document_id: int, from_state: str, to_state: str, note: str = ""
) -> None:
    conn.execute(update(t.documents).where(t.documents.c.id == document_id).values(state=to_state))
    record_event(conn, actor, document_id, from_state, to_state, note)


def audit(
    conn: Connection,
    actor: Actor | None,
    action: str,
    entity: str,
    entity_id: int | None,
    details: dict[str, Any] | None = None,
) -> None:
    conn.execute(
        insert(t.audit_log).values(
            at=utcnow(),
            user_id=actor.user_id if actor else None,
            host=host(),
            action=action,
            entity=entity,
            entity_id=entity_id,
            details=json.dumps(_jsonable(details or {}), ensure_ascii=False, sort_keys=True),
        )
    )
