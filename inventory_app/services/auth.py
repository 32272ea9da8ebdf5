"""Users, passwords (argon2id) and sign-in."""

from __future__ import annotations

from collections.abc import Iterable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Connection, delete, insert, select, update

from ..domain import passwords
from ..domain.errors import AlreadyExists, AuthenticationFailed, InvalidInput, NotFound
from ..domain.model import Role
from ..domain.permissions import Action, Actor, require
from ..persistence import repo
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from . import sign_in
from .common import audit, utcnow

_HASHER = PasswordHasher()  # argon2id with the library's current recommended parameters
MIN_PASSWORD = passwords.MIN_PASSWORD
check_new_password = passwords.check_new_password
SYSTEM_USER = "system"


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def _actor_for(conn: Connection, user_id: int) -> Actor:
    row = conn.execute(select(t.users).where(t.users.c.id == user_id)).one()
    depot_ids = frozenset(
        conn.execute(
            select(t.user_depots.c.depot_id).where(t.user_depots.c.user_id == user_id)
        ).scalars()
    )
    return Actor(row.id, row.username, Role(row.role), depot_ids, row.display_name)


def authenticate(uow: UnitOfWork, username: str, password: str) -> Actor:
    """The same refusal for an unknown user and a wrong password (no user enumeration).

    Every try is logged; wrong passwords in a row delay, then lock, the next tries of that
    user name and of this PC (services/sign_in.py)."""
    name = username.strip()
    refused = uow.read(lambda conn: sign_in.refusal(conn, name, utcnow()))
    if refused is not None:
        uow.write(lambda conn: sign_in.record_refused(conn, name, refused))
        raise refused

    def tx(conn: Connection) -> tuple[Actor | None, int | None, str | None]:
        row = conn.execute(select(t.users).where(t.users.c.username == name)).first()
        if row is None or not row.active or row.username == SYSTEM_USER:
            return None, None, None
        try:
            _HASHER.verify(row.password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return None, int(row.id), None
        new_hash = (
            hash_password(password) if _HASHER.check_needs_rehash(row.password_hash) else None
        )
        return _actor_for(conn, row.id), int(row.id), new_hash

    actor, user_id, new_hash = uow.read(tx)
    if actor is None:
        if user_id is None:
            _HASHER.hash("timing-equaliser")  # unknown users cost the same as wrong passwords
        uow.write(lambda conn: sign_in.record_failure(conn, name, user_id, utcnow()))
        raise AuthenticationFailed()
    signed_in = actor

    def success(conn: Connection) -> None:
        if new_hash:
            conn.execute(
                update(t.users)
                .where(t.users.c.id == signed_in.user_id)
                .values(password_hash=new_hash)
            )
        sign_in.record_success(conn, signed_in)

    uow.write(success)
    return actor


def system_actor(uow: UnitOfWork) -> Actor:
    """The built-in account used by `init` and the demo loader (cannot sign in)."""

    def tx(conn: Connection) -> Actor:
        user_id = conn.execute(
            select(t.users.c.id).where(t.users.c.username == SYSTEM_USER)
        ).scalar()
        if user_id is None:
            user_id = conn.execute(
                insert(t.users)
                .values(
                    username=SYSTEM_USER,
                    display_name="系统",
                    role=Role.ADMIN.value,
                    password_hash="!",
                    active=False,
                    created_at=utcnow(),
                )
                .returning(t.users.c.id)
            ).scalar_one()
        return _actor_for(conn, int(user_id))

    return uow.write(tx)


def create_user(
    uow: UnitOfWork,
    actor: Actor,
    *,
    username: str,
    password: str,
    role: Role | str,
    display_name: str = "",
    depots: Iterable[str] = (),
) -> int:
    role = Role(role)
    username = username.strip()
    if not username or len(username) > 60:
        raise InvalidInput("username", "length", username)
    check_new_password(password, username)
    password_hash = hash_password(password)
    depot_codes = list(depots)

    def tx(conn: Connection) -> int:
        require(actor, Action.MANAGE_USERS)
        if conn.execute(select(t.users.c.id).where(t.users.c.username == username)).first():
            raise AlreadyExists("user", username)
        user_id = int(
            conn.execute(
                insert(t.users)
                .values(
                    username=username,
                    display_name=display_name.strip() or username,
                    role=role.value,
                    password_hash=password_hash,
                    active=True,
                    created_at=utcnow(),
                )
                .returning(t.users.c.id)
            ).scalar_one()
        )
        for code in depot_codes:
            dep = repo.depot_by_code(conn, code, for_posting=False)
            conn.execute(insert(t.user_depots).values(user_id=user_id, depot_id=dep.id))
        audit(
            conn,
            actor,
            "create",
            "user",
            user_id,
            {"username": username, "role": role.value, "depots": depot_codes},
        )
        return user_id

    return uow.write(tx)


def set_user_depots(uow: UnitOfWork, actor: Actor, username: str, depots: Iterable[str]) -> None:
    codes = list(depots)

    def tx(conn: Connection) -> None:
        require(actor, Action.MANAGE_USERS)
        user_id = conn.execute(select(t.users.c.id).where(t.users.c.username == username)).scalar()
        if user_id is None:
            raise NotFound("user", username)
        conn.execute(delete(t.user_depots).where(t.user_depots.c.user_id == user_id))
        for code in codes:
            dep = repo.depot_by_code(conn, code, for_posting=False)
            conn.execute(insert(t.user_depots).values(user_id=user_id, depot_id=dep.id))
        audit(conn, actor, "set_depots", "user", int(user_id), {"depots": codes})

    uow.write(tx)


def change_password(uow: UnitOfWork, actor: Actor, current: str, new: str) -> None:
    """Any signed-in user changes their own password; the current one must be right."""
    check_new_password(new, actor.username)
    authenticate(uow, actor.username, current)
    new_hash = hash_password(new)

    def tx(conn: Connection) -> None:
        conn.execute(
            update(t.users).where(t.users.c.id == actor.user_id).values(password_hash=new_hash)
        )
        audit(conn, actor, "change_password", "user", actor.user_id)

    uow.write(tx)
