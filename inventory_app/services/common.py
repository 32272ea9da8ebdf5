"""Helpers shared by the services: clock, host, dates, payload digests, the audit log."""

from __future__ import annotations

import hashlib
import json
import socket
from dataclasses import fields, is_dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, insert

from ..domain.errors import InvalidDate
from ..domain.permissions import Actor
from ..persistence import tables as t


def utcnow() -> datetime:
    """Naive UTC timestamps in storage; the UI converts to local time for display."""
    return datetime.now(UTC).replace(tzinfo=None)


def local_time(stored: datetime) -> datetime:
    """A stored (naive UTC) time as this PC's local wall-clock time, for print and display."""
    return stored.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


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
