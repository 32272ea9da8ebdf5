"""Helpers shared by the services: clock, host, request ids, document headers."""

from __future__ import annotations

import hashlib
import json
import socket
from dataclasses import fields, is_dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from ..domain.errors import InvalidDate, InvalidInput, RequestIdReused
from ..domain.model import DocType, PostingResult, format_doc_no
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


def _jsonable(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        # Not asdict(): it deep-copies, which dominates hashing a 100,000-line document.
        return {f.name: _jsonable(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, bool | int | str):
        return value
    return str(value)


def payload_hash(payload: dict[str, Any]) -> str:
    text = json.dumps(_jsonable(payload), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def result_for(conn: Connection, document_id: int, *, replayed: bool = False,
               movement_ids: tuple[int, ...] | None = None) -> PostingResult:
    doc = conn.execute(select(t.documents.c.doc_no, t.documents.c.state).where(
        t.documents.c.id == document_id)).one()
    ids = movement_ids if movement_ids is not None else tuple(conn.execute(
        select(t.movements.c.id).where(t.movements.c.document_id == document_id)
        .order_by(t.movements.c.id)).scalars())
    return PostingResult(document_id, doc.doc_no, ids, doc.state, replayed)


def begin_request(conn: Connection, actor: Actor, request_id: str, action: str,
                  payload: dict[str, Any]) -> PostingResult | None:
    """Idempotency: a known request id returns the first result; a new one is claimed.

    The claim is the first write of the transaction, so a concurrent twin on PostgreSQL
    blocks on the primary key until we commit, then fails, retries and replays.
    """
    request_id = (request_id or "").strip()
    if not request_id or len(request_id) > MAX_REQUEST_ID:
        raise InvalidInput("request_id", "length", request_id)
    digest = payload_hash({"action": action, **payload})
    row = conn.execute(select(t.requests).where(t.requests.c.request_id == request_id)).first()
    if row is not None:
        if row.payload_hash != digest or row.document_id is None:
            raise RequestIdReused(request_id)
        return result_for(conn, row.document_id, replayed=True)
    conn.execute(insert(t.requests).values(
        request_id=request_id, action=action, payload_hash=digest, document_id=None,
        user_id=actor.user_id, created_at=utcnow()))
    return None


def finish_request(conn: Connection, request_id: str, document_id: int) -> None:
    conn.execute(update(t.requests).where(t.requests.c.request_id == request_id.strip()).values(
        document_id=document_id))


def new_document(conn: Connection, actor: Actor, doc_type: DocType, depot: DepotRec,
                 doc_date: date, state: str, **fields: Any) -> tuple[int, str]:
    seq = next_doc_seq(conn, depot.id, doc_type.value, doc_date.year)
    doc_no = format_doc_no(doc_type, depot.code, doc_date.year, seq)
    now = utcnow()
    doc_id = conn.execute(insert(t.documents).values(
        doc_type=doc_type.value, doc_no=doc_no, depot_id=depot.id, year=doc_date.year, seq=seq,
        state=state, doc_date=doc_date, created_by=actor.user_id, created_at=now, host=host(),
        **fields).returning(t.documents.c.id)).scalar_one()
    record_event(conn, actor, doc_id, None, state)
    return int(doc_id), doc_no


def record_event(conn: Connection, actor: Actor, document_id: int, from_state: str | None,
                 to_state: str, note: str = "") -> None:
    conn.execute(insert(t.document_events).values(
        document_id=document_id, from_state=from_state, to_state=to_state,
        user_id=actor.user_id, at=utcnow(), host=host(), note=note))


def set_state(conn: Connection, actor: Actor, document_id: int, from_state: str, to_state: str,
              note: str = "") -> None:
    conn.execute(update(t.documents).where(t.documents.c.id == document_id).values(state=to_state))
    record_event(conn, actor, document_id, from_state, to_state, note)


def audit(conn: Connection, actor: Actor | None, action: str, entity: str, entity_id: int | None,
          details: dict[str, Any] | None = None) -> None:
    conn.execute(insert(t.audit_log).values(
        at=utcnow(), user_id=actor.user_id if actor else None, host=host(), action=action,
        entity=entity, entity_id=entity_id,
        details=json.dumps(_jsonable(details or {}), ensure_ascii=False, sort_keys=True)))
