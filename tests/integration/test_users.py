"""User management: passwords, activation, roles and depots, and the refusals that keep an admin."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from inventory_app.domain.errors import (
    AuthenticationFailed,
    CannotDeactivateSelf,
    InvalidInput,
    LastActiveAdmin,
    NotFound,
    PermissionDenied,
)
from inventory_app.domain.model import Role
from inventory_app.messages import error_message
from inventory_app.persistence import tables as t
from inventory_app.services import auth, users
from tests.factories import PASSWORD, World


def _audit_actions(world: World) -> list[str]:
    return list(
        world.uow.read(
            lambda conn: conn.execute(
                select(t.audit_log.c.action).where(t.audit_log.c.entity == "user")
            ).scalars()
        )
    )


def test_list_users_shows_roles_depots_and_not_the_system_account(world: World) -> None:
    rows = {row.username: row for row in users.list_users(world.uow, world.admin)}
    assert set(rows) == {"admin", "ka", "kb", "appr"}
    assert rows["ka"].role == "keeper"
    assert rows["ka"].depot_codes == ("A",)
    assert rows["admin"].active


def test_only_the_admin_manages_users(world: World) -> None:
    with pytest.raises(PermissionDenied):
        users.list_users(world.uow, world.keeper_a)
    with pytest.raises(PermissionDenied):
        users.set_active(world.uow, world.keeper_a, "kb", False)
    with pytest.raises(PermissionDenied):
        users.reset_password(world.uow, world.approver, "ka", "new-secret")
    with pytest.raises(PermissionDenied):
        users.set_role_and_depots(world.uow, world.keeper_a, "ka", role="admin", depots=[])


def test_change_own_password(world: World) -> None:
    with pytest.raises(AuthenticationFailed):
        auth.change_password(world.uow, world.keeper_a, "wrong-one", "brand-new-pass")
    with pytest.raises(InvalidInput):
        auth.change_password(world.uow, world.keeper_a, PASSWORD, "short")
    auth.change_password(world.uow, world.keeper_a, PASSWORD, "brand-new-pass")
    assert auth.authenticate(world.uow, "ka", "brand-new-pass").username == "ka"
    with pytest.raises(AuthenticationFailed):
        auth.authenticate(world.uow, "ka", PASSWORD)
    assert "change_password" in _audit_actions(world)


def test_deactivate_and_activate(world: World) -> None:
    users.set_active(world.uow, world.admin, "kb", False)
    with pytest.raises(AuthenticationFailed):
        auth.authenticate(world.uow, "kb", PASSWORD)
    users.set_active(world.uow, world.admin, "kb", True)
    assert auth.authenticate(world.uow, "kb", PASSWORD).username == "kb"
    assert {"deactivate", "activate"} <= set(_audit_actions(world))


def test_refuses_deactivating_yourself_and_the_last_admin(world: World) -> None:
    with pytest.raises(CannotDeactivateSelf):
        users.set_active(world.uow, world.admin, "admin", False)
    # Another admin tries to take the only other admin away, then themselves away.
    auth.create_user(world.uow, world.admin, username="admin2", password=PASSWORD, role="admin")
    second = auth.authenticate(world.uow, "admin2", PASSWORD)
    users.set_active(world.uow, second, "admin", False)
    with pytest.raises(LastActiveAdmin) as refused:
        users.set_role_and_depots(world.uow, world.admin, "admin2", role="keeper", depots=["A"])
    assert "admin2" in error_message(refused.value, "zh")
    assert "last active administrator" in error_message(refused.value, "en")
    with pytest.raises(CannotDeactivateSelf) as self_refused:
        users.set_active(world.uow, second, "admin2", False)
    assert "自己" in error_message(self_refused.value, "zh")


def test_reset_password(world: World) -> None:
    with pytest.raises(InvalidInput):
        users.reset_password(world.uow, world.admin, "ka", "12345")
    with pytest.raises(NotFound):
        users.reset_password(world.uow, world.admin, "nobody", "long-enough")
    with pytest.raises(NotFound):
        users.reset_password(world.uow, world.admin, auth.SYSTEM_USER, "long-enough")
    users.reset_password(world.uow, world.admin, "ka", "reset-by-admin")
    assert auth.authenticate(world.uow, "ka", "reset-by-admin").username == "ka"
    assert "reset_password" in _audit_actions(world)


def test_set_role_and_depots(world: World) -> None:
    users.set_role_and_depots(
        world.uow, world.admin, "ka", role=Role.KEEPER, depots=["B", "A"], display_name="甲"
    )
    actor = auth.authenticate(world.uow, "ka", PASSWORD)
    assert len(actor.depot_ids) == 2
    assert actor.display_name == "甲"
    users.set_role_and_depots(world.uow, world.admin, "ka", role="approver", depots=[])
    row = next(r for r in users.list_users(world.uow, world.admin) if r.username == "ka")
    assert (row.role, row.depot_codes) == ("approver", ())
    assert "set_role_and_depots" in _audit_actions(world)
