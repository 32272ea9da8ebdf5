"""User management for the administrator: list, activate, reset passwords, roles and depots."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from ..domain.errors import CannotDeactivateSelf, LastActiveAdmin, NotFound
from ..domain.model import Role
from ..domain.permissions import Action, Actor, require
from ..persistence import repo
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from .auth import SYSTEM_USER, check_new_password, hash_password
from .common import audit


@dataclass(frozen=True)
class UserRow:
    """One account as the users page lists it (never the password hash)."""

    id: int
    username: str
    display_name: str
    role: str
    depot_codes: tuple[str, ...]
    active: bool


def list_users(uow: UnitOfWork, actor: Actor) -> list[UserRow]:
    """Every account but the built-in system one, by user name."""

    def tx(conn: Connection) -> list[UserRow]:
        require(actor, Action.MANAGE_USERS)
        depots: dict[int, list[str]] = {}
        pairs = conn.execute(
            select(t.user_depots.c.user_id, t.depots.c.code)
            .join(t.depots, t.depots.c.id == t.user_depots.c.depot_id)
            .order_by(t.depots.c.code)
        )
        for user_id, code in pairs:
            depots.setdefault(int(user_id), []).append(str(code))
        rows = conn.execute(
            select(t.users).where(t.users.c.username != SYSTEM_USER).order_by(t.users.c.username)
        )
        return [
            UserRow(
                id=int(row.id),
                username=row.username,
                display_name=row.display_name,
                role=row.role,
                depot_codes=tuple(depots.get(int(row.id), ())),
                active=bool(row.active),
            )
            for row in rows
        ]

    return uow.read(tx)


def _user(conn: Connection, username: str) -> Any:
    row = conn.execute(select(t.users).where(t.users.c.username == username)).first()
    if row is None or row.username == SYSTEM_USER:
        raise NotFound("user", username)
    return row


def _keep_an_admin(conn: Connection, row: Any) -> None:
    """Refuse a change that takes away the last active administrator."""
    if not (row.active and row.role == Role.ADMIN.value):
        return
    others = conn.execute(
        select(func.count())
        .select_from(t.users)
        .where(
            t.users.c.role == Role.ADMIN.value,
            t.users.c.active.is_(True),
            t.users.c.id != row.id,
            t.users.c.username != SYSTEM_USER,
        )
    ).scalar_one()
    if not others:
        raise LastActiveAdmin(row.username)


def set_active(uow: UnitOfWork, actor: Actor, username: str, active: bool) -> None:
    """Deactivate (the account can no longer sign in; its history stays) or re-activate."""

    def tx(conn: Connection) -> None:
        require(actor, Action.MANAGE_USERS)
        row = _user(conn, username)
        if not active:
            if row.id == actor.user_id:
                raise CannotDeactivateSelf(username)
            _keep_an_admin(conn, row)
        if bool(row.active) == active:
            return
        conn.execute(update(t.users).where(t.users.c.id == row.id).values(active=active))
        audit(conn, actor, "activate" if active else "deactivate", "user", int(row.id))

    uow.write(tx)


def reset_password(uow: UnitOfWork, actor: Actor, username: str, new_password: str) -> None:
    """Set a new password for a user who forgot theirs (the old one is not needed)."""
    check_new_password(new_password, username)
    new_hash = hash_password(new_password)  # slow on purpose: outside the transaction

    def tx(conn: Connection) -> None:
        require(actor, Action.MANAGE_USERS)
        row = _user(conn, username)
        conn.execute(update(t.users).where(t.users.c.id == row.id).values(password_hash=new_hash))
        audit(conn, actor, "reset_password", "user", int(row.id))

    uow.write(tx)


def set_role_and_depots(
    uow: UnitOfWork,
    actor: Actor,
    username: str,
    *,
    role: Role | str,
    depots: Iterable[str],
    display_name: str | None = None,
) -> None:
    """Change what a user may do and where; takes effect at their next sign-in."""
    role = Role(role)
    codes = sorted(set(depots))

    def tx(conn: Connection) -> None:
        require(actor, Action.MANAGE_USERS)
        row = _user(conn, username)
        if role != Role(row.role):
            _keep_an_admin(conn, row)
        values: dict[str, Any] = {"role": role.value}
        if display_name is not None:
            values["display_name"] = display_name.strip() or row.username
        conn.execute(update(t.users).where(t.users.c.id == row.id).values(**values))
        conn.execute(delete(t.user_depots).where(t.user_depots.c.user_id == row.id))
        for code in codes:
            dep = repo.depot_by_code(conn, code, for_posting=False)
            conn.execute(insert(t.user_depots).values(user_id=row.id, depot_id=dep.id))
        audit(
            conn,
            actor,
            "set_role_and_depots",
            "user",
            int(row.id),
            {"role": role.value, "depots": codes, "was": row.role},
        )

    uow.write(tx)
