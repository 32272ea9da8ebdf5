"""Demo only: entry times an auditor would believe.

The demo's two years of history are posted in a few seconds, so every 录入时间 would be
the moment the demo was built. Before anyone uses the new demo database, each document,
its events, movements and request get a time on its document date during working hours
(08:30–17:30 on this PC's clock), a receipt of a transfer on the day after it was sent.
Run once, by the demo loader, on data nobody has seen: never on a real database.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import Connection, bindparam, select, update

from ..domain.model import DocState, MovementKind
from ..persistence import chain
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from .common import utcnow


def _stored(local: datetime) -> datetime:
    """A local wall-clock time as stored (naive UTC)."""
    return local.astimezone(UTC).replace(tzinfo=None)


def spread_entry_times(uow: UnitOfWork, seed: int = 2024) -> None:
    def tx(conn: Connection) -> None:
        rng = random.Random(seed)
        now = utcnow()
        d = t.documents.c
        made: dict[int, datetime] = {}
        for doc_id, day in conn.execute(select(d.id, d.doc_date).order_by(d.id)):
            start = datetime.combine(day, time(8, 30)) + timedelta(minutes=rng.randint(0, 540))
            made[int(doc_id)] = min(_stored(start), now)
        later = {k: min(v + timedelta(days=1), now) for k, v in made.items()}
        _set(conn, t.documents, t.documents.c.id, "created_at", made)
        _set(conn, t.requests, t.requests.c.document_id, "created_at", made)
        m = t.movements.c
        for mid, doc_id, kind in conn.execute(select(m.id, m.document_id, m.kind)):
            at = later if kind == MovementKind.TRANSFER_IN else made
            conn.execute(update(t.movements).where(m.id == mid).values(created_at=at[doc_id]))
        e = t.document_events.c
        for eid, doc_id, state in conn.execute(select(e.id, e.document_id, e.to_state)):
            at = later if state == DocState.RECEIVED else made
            conn.execute(update(t.document_events).where(e.id == eid).values(at=at[doc_id]))
        # The rows were chained as posted; dated now, their history chains start afresh.
        chain.rebuild(conn)

    uow.write(tx)


def _set(conn: Connection, table: t.Table, key: object, column: str, values: dict) -> None:
    conn.execute(
        update(table).where(key == bindparam("p_key")).values({column: bindparam("p_at")}),
        [{"p_key": k, "p_at": v} for k, v in values.items()],
    )
