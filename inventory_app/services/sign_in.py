"""Sign-in throttling: a growing delay after wrong passwords, then a temporary lock.

Counted per typed user name and per PC, so a guesser can neither try many passwords on
one account nor many accounts from one PC. A lock ends by itself after LOCK_MINUTES or
when an administrator lifts it (用户管理, `inventory-app unlock-sign-in`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, delete, select

from ..domain.errors import DomainError, NotFound, SignInDelayed, SignInLocked
from ..domain.permissions import Action, Actor, require
from ..persistence import repo
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from .common import audit, host, utcnow

FREE_FAILURES = 3  # typos: no delay for the first few wrong passwords of a user name
# A PC is shared by several keepers, and one keeper's typos must not slow the others down
# (nor outlast the administrator lifting that keeper's lock): its delay starts later.
FREE_FAILURES_PC = LOCK_AFTER_USER = 10
MAX_DELAY_S = 60
LOCK_AFTER = {"user": LOCK_AFTER_USER, "host": 30}
LOCK_MINUTES = 15
FORGET_AFTER = timedelta(hours=24)  # a wrong password yesterday does not count today
USER, HOST = "user", "host"


@dataclass(frozen=True)
class Throttle:
    """One user name or PC with wrong passwords in a row (for the administrator's list)."""

    kind: str  # USER or HOST
    name: str
    failures: int
    last_failed_at: datetime
    locked_until: datetime | None

    @property
    def key(self) -> str:
        return _key(self.kind, self.name)


def _key(kind: str, name: str) -> str:
    return f"{kind}:{name.strip().casefold()}"[:200]


def _keys(username: str) -> tuple[str, str]:
    return _key(USER, username), _key(HOST, host())


def delay_after(failures: int, kind: str = "user") -> int:
    """Seconds to wait after `failures` wrong passwords in a row: 0, 0, 0, 2, 4, 8 … 60
    for a user name; for a PC the same, counted from its 10th."""
    free = FREE_FAILURES if kind == USER else FREE_FAILURES_PC
    if failures <= free:
        return 0
    return int(min(2 ** (failures - free), MAX_DELAY_S))


def refusal(conn: Connection, username: str, now: datetime) -> DomainError | None:
    """Why this sign-in may not even be tried now (locked, or the delay is not over)."""
    rows = conn.execute(
        select(t.sign_in_throttle).where(t.sign_in_throttle.c.key.in_(_keys(username)))
    ).all()
    live = [r for r in rows if now - r.last_failed_at <= FORGET_AFTER]
    locked = [r.locked_until for r in live if r.locked_until is not None and r.locked_until > now]
    if locked:
        return SignInLocked(math.ceil((max(locked) - now).total_seconds() / 60))
    wait = max(
        ((r.last_failed_at + timedelta(seconds=_delay(r)) - now).total_seconds() for r in live),
        default=0.0,
    )
    return SignInDelayed(math.ceil(wait)) if wait > 0 else None


def _delay(row: Any) -> int:
    return delay_after(int(row.failures), str(row.key).split(":", 1)[0])


def record_refused(conn: Connection, username: str, error: DomainError) -> None:
    audit(conn, None, "sign_in_refused", "sign_in", None, {"username": username, **error.params})


def record_failure(conn: Connection, username: str, user_id: int | None, now: datetime) -> None:
    """Count a wrong password against the user name and this PC, and log it."""
    for key in _keys(username):
        row = conn.execute(
            select(t.sign_in_throttle).where(t.sign_in_throttle.c.key == key)
        ).first()
        fresh = row is None or now - row.last_failed_at > FORGET_AFTER
        failures = 1 if fresh else int(row.failures) + 1  # type: ignore[union-attr]
        lock = failures >= LOCK_AFTER[key.split(":", 1)[0]]
        values = {
            "failures": failures,
            "last_failed_at": now,
            "locked_until": now + timedelta(minutes=LOCK_MINUTES) if lock else None,
        }
        conn.execute(
            repo.dialect_insert(conn, t.sign_in_throttle)
            .values(key=key, **values)
            .on_conflict_do_update(index_elements=["key"], set_=values)
        )
    audit(conn, None, "sign_in_failed", "sign_in", user_id, {"username": username})


def record_success(conn: Connection, actor: Actor) -> None:
    """A right password clears the count for the user and for this PC."""
    conn.execute(
        delete(t.sign_in_throttle).where(t.sign_in_throttle.c.key.in_(_keys(actor.username)))
    )
    audit(conn, actor, "sign_in", "sign_in", actor.user_id, {"username": actor.username})


def throttled(uow: UnitOfWork, actor: Actor) -> list[Throttle]:
    """User names and PCs with wrong passwords in the last day (locked ones first)."""

    def tx(conn: Connection) -> list[Throttle]:
        require(actor, Action.MANAGE_USERS)
        since = utcnow() - FORGET_AFTER
        rows = conn.execute(
            select(t.sign_in_throttle).where(t.sign_in_throttle.c.last_failed_at >= since)
        ).all()
        found = []
        for r in rows:
            kind, name = r.key.split(":", 1)
            found.append(Throttle(kind, name, int(r.failures), r.last_failed_at, r.locked_until))
        return sorted(found, key=lambda x: (x.locked_until is None, x.kind, x.name))

    return uow.read(tx)


def lift(uow: UnitOfWork, actor: Actor, kind: str, name: str) -> None:
    """An administrator lifts the lock (and the delay) of a user name or a PC."""
    key = _key(kind, name)

    def tx(conn: Connection) -> None:
        require(actor, Action.MANAGE_USERS)
        gone = conn.execute(delete(t.sign_in_throttle).where(t.sign_in_throttle.c.key == key))
        if not gone.rowcount:
            raise NotFound("sign_in_lock", name)
        audit(conn, actor, "lift_sign_in_lock", kind, None, {"name": name.strip()})

    uow.write(tx)
