"""Permissions: the role/action matrix, keepers' depot scope and the four-eyes rule."""

from __future__ import annotations

import pytest

from inventory_app.domain.errors import DepotNotAllowed, PermissionDenied, SelfApproval
from inventory_app.domain.model import Role
from inventory_app.domain.permissions import (
    DEPOT_SCOPED,
    Action,
    Actor,
    require,
    require_other_approver,
)

A = Action
EXPECTED: dict[Role, set[Action]] = {
    Role.KEEPER: {
        A.VIEW,
        A.RECEIVE,
        A.TRANSFER,
        A.ADJUST,
        A.REQUEST_SCRAP,
        A.REVERSE,
        A.SHIP,
        A.ORDER,
        A.COUNT,
    },
    Role.APPROVER: {A.VIEW, A.APPROVE, A.ORDER, A.APPROVE_COUNT},
    Role.PLANNER: {A.VIEW, A.MANAGE_CATALOG, A.ORDER},
    Role.AUDITOR: {A.VIEW, A.VERIFY, A.COUNT, A.APPROVE_COUNT},
    Role.ADMIN: set(Action),
}

DEPOT_1, DEPOT_2 = 1, 2


def actor(role: Role, user_id: int = 10, depots: frozenset[int] = frozenset()) -> Actor:
    return Actor(user_id, f"u{user_id}", role, depots)


MATRIX = [(role, action) for role in Role for action in Action]


@pytest.mark.parametrize(("role", "action"), MATRIX)
def test_role_action_matrix(role: Role, action: Action) -> None:
    who = actor(role, depots=frozenset({DEPOT_1}))
    allowed = action in EXPECTED[role]
    assert who.can(action) is allowed
    assert who.can(action, DEPOT_1) is allowed
    if allowed:
        require(who, action)
        require(who, action, DEPOT_1, "A")
    else:
        with pytest.raises(PermissionDenied) as excinfo:
            require(who, action, DEPOT_1, "A")
        assert excinfo.value.params == {"action": action.value, "role": role.value}


@pytest.mark.parametrize("action", sorted(EXPECTED[Role.KEEPER] - {A.ORDER}))
def test_keeper_is_bound_to_their_depots(action: Action) -> None:
    keeper = actor(Role.KEEPER, depots=frozenset({DEPOT_1}))
    assert keeper.can(action, DEPOT_1)
    assert not keeper.can(action, DEPOT_2)
    require(keeper, action, DEPOT_1, "A")
    with pytest.raises(DepotNotAllowed) as excinfo:
        require(keeper, action, DEPOT_2, "B")
    assert excinfo.value.params == {"depot": "B"}


def test_depot_not_allowed_falls_back_to_the_id() -> None:
    keeper = actor(Role.KEEPER, depots=frozenset({DEPOT_1}))
    with pytest.raises(DepotNotAllowed) as excinfo:
        require(keeper, Action.RECEIVE, DEPOT_2)
    assert excinfo.value.params == {"depot": "2"}


def test_keeper_with_no_depots_can_post_nowhere() -> None:
    keeper = actor(Role.KEEPER)
    assert not keeper.all_depots
    for dep in (DEPOT_1, DEPOT_2):
        with pytest.raises(DepotNotAllowed):
            require(keeper, Action.RECEIVE, dep)


def test_keeper_of_several_depots() -> None:
    keeper = actor(Role.KEEPER, depots=frozenset({DEPOT_1, DEPOT_2}))
    require(keeper, Action.TRANSFER, DEPOT_1)
    require(keeper, Action.TRANSFER, DEPOT_2)
    assert not keeper.can(Action.TRANSFER, 3)


def test_a_missing_permission_is_reported_before_the_depot() -> None:
    keeper = actor(Role.KEEPER, depots=frozenset({DEPOT_1}))
    with pytest.raises(PermissionDenied):
        require(keeper, Action.APPROVE, DEPOT_2)


@pytest.mark.parametrize("role", [r for r in Role if r != Role.KEEPER])
def test_other_roles_see_every_depot(role: Role) -> None:
    who = actor(role)
    assert who.all_depots
    assert who.can(Action.VIEW, DEPOT_2)
    assert who.can(Action.VIEW, 12345)


def test_admin_posts_in_any_depot() -> None:
    admin = actor(Role.ADMIN)
    for action in DEPOT_SCOPED:
        require(admin, action, DEPOT_2, "B")


def test_depot_scope_covers_exactly_the_keeper_stock_actions() -> None:
    # Filing a request or an order is not bound to a depot: a county asks the city. The
    # free-standing 出库 is the admin's (keepers ship against orders) yet stays depot-scoped.
    assert set(DEPOT_SCOPED) == (EXPECTED[Role.KEEPER] - {A.ORDER}) | {A.ISSUE}


def test_four_eyes_other_approver_passes() -> None:
    require_other_approver(requester_id=3, approver=actor(Role.APPROVER, user_id=4))
    require_other_approver(requester_id=3, approver=actor(Role.ADMIN, user_id=5))


@pytest.mark.parametrize("role", [Role.APPROVER, Role.ADMIN])
def test_four_eyes_refuses_self_approval(role: Role) -> None:
    with pytest.raises(SelfApproval):
        require_other_approver(requester_id=4, approver=actor(role, user_id=4))


@pytest.mark.parametrize("role", [Role.KEEPER, Role.PLANNER, Role.AUDITOR])
def test_four_eyes_needs_the_approve_permission(role: Role) -> None:
    with pytest.raises(PermissionDenied):
        require_other_approver(
            requester_id=3, approver=actor(role, user_id=4, depots=frozenset({DEPOT_1}))
        )
