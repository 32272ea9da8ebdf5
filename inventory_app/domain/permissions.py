"""Who may do what: roles, actions, depot scope and the four-eyes rule."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from .errors import DepotNotAllowed, PermissionDenied, SelfApproval
from .model import Role


class Action(enum.StrEnum):
    VIEW = "view"
    RECEIVE = "receive"
    ISSUE = "issue"
    TRANSFER = "transfer"
    ADJUST = "adjust"
    REQUEST_SCRAP = "request_scrap"
    APPROVE = "approve"
    REVERSE = "reverse"
    MANAGE_DEPOTS = "manage_depots"
    MANAGE_CATALOG = "manage_catalog"
    MANAGE_USERS = "manage_users"
    VERIFY = "verify"
    BACKUP = "backup"
    ORDER = "order"  # file requests, draft / submit / cancel allocation orders, record receipt
    SHIP = "ship"  # ship against an approved order from one's own depot (出库单)
    COUNT = "count"  # open a stocktake, print its sheets, enter or import the counts
    APPROVE_COUNT = "approve_count"  # review a count and post its variances (监盘人 / 审批人)


# Stock leaves the reserve only against an approved allocation order (Action.SHIP): the
# free-standing 出库 (Action.ISSUE) is kept for the administrator's corrections.
_KEEPER = {
    Action.VIEW,
    Action.RECEIVE,
    Action.TRANSFER,
    Action.ADJUST,
    Action.REQUEST_SCRAP,
    Action.REVERSE,
    Action.SHIP,
}

ROLE_ACTIONS: dict[Role, frozenset[Action]] = {
    Role.KEEPER: frozenset(_KEEPER | {Action.ORDER, Action.COUNT}),
    Role.APPROVER: frozenset({Action.VIEW, Action.APPROVE, Action.ORDER, Action.APPROVE_COUNT}),
    Role.PLANNER: frozenset({Action.VIEW, Action.MANAGE_CATALOG, Action.ORDER}),
    # Auditors (盘点人 / 监盘人) run counts and approve other people's counts.
    Role.AUDITOR: frozenset({Action.VIEW, Action.VERIFY, Action.COUNT, Action.APPROVE_COUNT}),
    Role.ADMIN: frozenset(Action),
}

# Actions whose scope is a depot: a keeper may do them only for the depots bound to them.
# Filing a request or an order is not: a county keeper asks the city's depots for goods.
DEPOT_SCOPED = frozenset(_KEEPER | {Action.ISSUE, Action.COUNT})


@dataclass(frozen=True)
class Actor:
    """The signed-in user as the services see them."""

    user_id: int
    username: str
    role: Role
    depot_ids: frozenset[int] = field(default_factory=frozenset)
    display_name: str = ""

    @property
    def all_depots(self) -> bool:
        """Only keepers are bound to depots; other roles see every depot."""
        return self.role != Role.KEEPER

    def can(self, action: Action, depot_id: int | None = None) -> bool:
        if action not in ROLE_ACTIONS[self.role]:
            return False
        if depot_id is not None and action in DEPOT_SCOPED and not self.all_depots:
            return depot_id in self.depot_ids
        return True


def require(
    actor: Actor, action: Action, depot_id: int | None = None, depot_label: str = ""
) -> None:
    if action not in ROLE_ACTIONS[actor.role]:
        raise PermissionDenied(action=action.value, role=actor.role.value)
    if not actor.can(action, depot_id):
        raise DepotNotAllowed(depot=depot_label or str(depot_id))


def require_other_approver(requester_id: int, approver: Actor) -> None:
    """四眼原则: nobody approves their own request."""
    require(approver, Action.APPROVE)
    if requester_id == approver.user_id:
        raise SelfApproval()
