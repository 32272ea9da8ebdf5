"""Document kinds: what each kind does, its states, and the moves between them.

Every document (receipt, issue, transfer, adjustment, write-off, reversal, and the
orders, counts and contracts to come) is one of these kinds. The services consult this
registry instead of scattering `if state == …` checks, and the UI asks the same
questions (may this be reversed? why not?) through the same functions.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from .errors import AlreadyReversed, CannotReverseReversal, InvalidState
from .model import DocState, DocType, MovementKind


class LinkRole(enum.StrEnum):
    """How one document relates to another (parent → child)."""

    REVERSAL = "reversal"  # original → the reversing document (冲销)
    ORDER_SLIP = "order_slip"  # allocation order → dispatch slip (调拨单 → 出库单)
    SLIP_RECEIPT = "slip_receipt"  # dispatch slip → receipt (出库单 → 签收回执)
    ORDER_RETURN = "order_return"  # allocation order → return after use (回收单)
    CONTRACT_DELIVERY = "contract_delivery"  # contract → delivery (合同 → 到货验收)
    COUNT_ADJUSTMENT = "count_adjustment"  # stocktake → variance adjustment (盘点 → 调整)
    REQUEST_ORDER = "request_order"  # request → the order that answers it (申请 → 调拨指令)
    RECEIPT_LOSS = "receipt_loss"  # receipt note → the loss-in-transit adjustment (签收 → 途损)
    TRANSIT_LOSS = "transit_loss"  # transfer received short → its loss adjustment (调拨 → 途损)
    PLAN_REVISION = "plan_revision"  # approved plan → its revision (计划 → 修订版)
    PLAN_CONTRACT = "plan_contract"  # approved plan → a purchase contract (计划 → 合同)


@dataclass(frozen=True)
class Transition:
    """A legal move of a document from one state to another, named by the action."""

    source: DocState
    target: DocState
    action: str


@dataclass(frozen=True)
class KindSpec:
    """What a document kind is: number prefix, behaviour, states and transitions."""

    kind: DocType
    prefix: str
    moves_stock: bool
    reserves: bool
    needs_other_approver: bool
    reversible: bool
    initial: frozenset[DocState]
    transitions: tuple[Transition, ...]
    holding: frozenset[DocState] = frozenset()  # states in which it may hold reservations

    @property
    def states(self) -> frozenset[DocState]:
        found = set(self.initial)
        for move in self.transitions:
            found.update((move.source, move.target))
        return frozenset(found)

    def transition(self, source: str, target: str) -> Transition | None:
        return next(
            (t for t in self.transitions if t.source == source and t.target == target), None
        )


_P, _R = DocState.POSTED, DocState.REVERSED


def _posted_kind(
    kind: DocType, prefix: str, *, reversible: bool = True, moves_stock: bool = True
) -> KindSpec:
    """A kind that is posted as it is created and can only be reversed afterwards."""
    return KindSpec(
        kind,
        prefix,
        moves_stock=moves_stock,
        reserves=False,
        needs_other_approver=False,
        reversible=reversible,
        initial=frozenset({_P}),
        transitions=(Transition(_P, _R, "reverse"),) if reversible else (),
    )


_TRANSFER = KindSpec(
    DocType.TRANSFER,
    "DB",
    moves_stock=True,
    reserves=False,
    needs_other_approver=False,
    reversible=True,
    initial=frozenset({DocState.IN_TRANSIT}),
    transitions=(
        Transition(DocState.IN_TRANSIT, DocState.RECEIVED, "receive"),
        Transition(DocState.IN_TRANSIT, _R, "reverse"),
        Transition(DocState.RECEIVED, _R, "reverse"),
    ),
)

_SCRAP = KindSpec(
    DocType.SCRAP,
    "BF",
    moves_stock=True,
    reserves=True,
    needs_other_approver=True,
    reversible=True,
    initial=frozenset({DocState.PENDING_APPROVAL}),
    transitions=(
        Transition(DocState.PENDING_APPROVAL, _P, "approve"),
        Transition(DocState.PENDING_APPROVAL, DocState.REJECTED, "reject"),
        Transition(_P, _R, "reverse"),
    ),
    holding=frozenset({DocState.PENDING_APPROVAL}),
)

_DRAFT, _SUB, _APPR = DocState.DRAFT, DocState.SUBMITTED, DocState.APPROVED
_PART, _SHIP, _DONE = DocState.PARTIALLY_SHIPPED, DocState.SHIPPED, DocState.COMPLETED
_CANCEL = DocState.CANCELLED

_REQUEST = KindSpec(
    DocType.REQUEST,
    "SQ",
    moves_stock=False,
    reserves=False,
    needs_other_approver=False,
    reversible=False,
    initial=frozenset({_DRAFT, _SUB}),
    transitions=(
        Transition(_DRAFT, _SUB, "submit"),
        Transition(_SUB, _DONE, "answer"),  # an order now answers it
        Transition(_DRAFT, _CANCEL, "cancel"),
        Transition(_SUB, _CANCEL, "cancel"),
    ),
)

# 草稿 → 已提交 → 已批准 → 部分出库 → 已出库(在途) → 已签收 → 已完成, with 驳回 back to the
# requester (who may resubmit) and 作废 only before anything shipped. Approval reserves
# the lots; shipping consumes the reservations; completing or cancelling releases the rest.
_ORDER = KindSpec(
    DocType.ORDER,
    "ZL",
    moves_stock=False,  # its 出库单 (ISSUE documents) move the stock
    reserves=True,
    needs_other_approver=True,
    reversible=False,
    initial=frozenset({_DRAFT}),
    transitions=(
        Transition(_DRAFT, _SUB, "submit"),
        Transition(DocState.REJECTED, _SUB, "submit"),
        Transition(_SUB, _APPR, "approve"),
        Transition(_SUB, DocState.REJECTED, "reject"),
        Transition(_APPR, _PART, "ship"),
        Transition(_APPR, _SHIP, "ship"),
        Transition(_PART, _PART, "ship"),
        Transition(_PART, _SHIP, "ship"),
        Transition(_SHIP, DocState.SIGNED, "sign"),
        Transition(DocState.SIGNED, _DONE, "complete"),
        Transition(_PART, _DONE, "complete"),  # close short: the unshipped rest is released
        Transition(_DRAFT, _CANCEL, "cancel"),
        Transition(_SUB, _CANCEL, "cancel"),
        Transition(DocState.REJECTED, _CANCEL, "cancel"),
        Transition(_APPR, _CANCEL, "cancel"),
    ),
    holding=frozenset({_APPR, _PART}),
)

# 演练: started from a request (sources picked exactly as an approval would, nothing
# reserved), then each step is timed: approved, slip printed (an event), departed, arrived.
_DRILL = KindSpec(
    DocType.DRILL,
    "YL",
    moves_stock=False,
    reserves=False,
    needs_other_approver=False,
    reversible=False,
    initial=frozenset({_SUB}),
    transitions=(
        Transition(_SUB, _APPR, "approve"),
        Transition(_APPR, _SHIP, "depart"),
        Transition(_SHIP, _DONE, "arrive"),
        Transition(_SUB, _CANCEL, "cancel"),
        Transition(_APPR, _CANCEL, "cancel"),
    ),
)

# 储备计划: a draft is edited, then approved; it is never changed afterwards. A revision is a
# new PLAN document (version + 1); approving it supersedes the version it revises.
_PLAN = KindSpec(
    DocType.PLAN,
    "JH",
    moves_stock=False,
    reserves=False,
    needs_other_approver=False,
    reversible=False,
    initial=frozenset({_DRAFT}),
    transitions=(
        Transition(_DRAFT, _APPR, "approve"),
        Transition(_DRAFT, _CANCEL, "cancel"),
        Transition(_APPR, DocState.SUPERSEDED, "revise"),
    ),
)

# 采购合同: open (执行中, state APPROVED) until closed; deliveries only while open.
_CONTRACT = KindSpec(
    DocType.CONTRACT,
    "HT",
    moves_stock=False,  # its deliveries (入库单 linked as contract_delivery) move the stock
    reserves=False,
    needs_other_approver=False,
    reversible=False,
    initial=frozenset({_APPR}),
    transitions=(
        Transition(_APPR, _DONE, "complete"),
        Transition(_APPR, _CANCEL, "cancel"),
    ),
)

# 盘点: 进行中 → 已录入 → 已审核 (posted: the variances became an ADJUST document) / 作废;
# a recount sends an entered count back to counting.
_COUNTING, _ENTERED = DocState.COUNTING, DocState.ENTERED
_COUNT = KindSpec(
    DocType.COUNT,
    "PD",
    moves_stock=False,  # its linked adjustment (LinkRole.COUNT_ADJUSTMENT) moves the stock
    reserves=False,
    needs_other_approver=True,
    reversible=False,
    initial=frozenset({_COUNTING}),
    transitions=(
        Transition(_COUNTING, _ENTERED, "submit"),
        Transition(_ENTERED, _COUNTING, "recount"),
        Transition(_ENTERED, _P, "approve"),
        Transition(_COUNTING, _CANCEL, "cancel"),
        Transition(_ENTERED, _CANCEL, "cancel"),
    ),
)

KINDS: dict[DocType, KindSpec] = {
    spec.kind: spec
    for spec in (
        _posted_kind(DocType.RECEIPT, "RK"),
        _posted_kind(DocType.ISSUE, "CK"),
        _TRANSFER,
        _posted_kind(DocType.ADJUST, "TZ"),
        _SCRAP,
        _posted_kind(DocType.REVERSAL, "CX", reversible=False),
        _REQUEST,
        _ORDER,
        _posted_kind(DocType.RECEIPT_NOTE, "QS", reversible=False, moves_stock=False),
        _posted_kind(DocType.RETURN, "HS"),
        _DRILL,
        _posted_kind(DocType.SETTLEMENT, "JS", reversible=False, moves_stock=False),
        _PLAN,
        _CONTRACT,
        _COUNT,
    )
}


def spec(kind: str) -> KindSpec:
    return KINDS[DocType(kind)]


def check_initial(kind: str, state: str, document: str = "") -> None:
    """A document of `kind` may be created in `state`."""
    if DocState(state) not in spec(kind).initial:
        raise InvalidState(document, state, "create")


def action_for(kind: str, target: str) -> str:
    """The name of the action that leads a document of `kind` to `target` ("receive" …)."""
    return next((t.action for t in spec(kind).transitions if t.target == target), str(target))


def check_transition(kind: str, source: str, target: str, document: str = "") -> Transition:
    """The legal transition source → target of `kind`, or InvalidState naming the action.

    The action in the error is the one the user attempted (e.g. "receive" for a transfer
    that is already received), so the message reads "… is received; it cannot be received".
    """
    found = spec(kind).transition(source, target)
    if found is None:
        raise InvalidState(document, source, action_for(kind, target))
    return found


def format_doc_no(kind: DocType, depot_code: str, year: int, seq: int) -> str:
    """Human document number, gapless per (depot, kind, year): RK-ZW-SJ-01-2026-00012."""
    return f"{KINDS[kind].prefix}-{depot_code}-{year}-{seq:05d}"


def kind_of_number(doc_no: str) -> DocType | None:
    """The kind a document number was made for, from its prefix (RK-… → RECEIPT)."""
    prefix = doc_no.split("-", 1)[0]
    return next((kind for kind, spec in KINDS.items() if spec.prefix == prefix), None)


# ------------------------------------------------------------------ reversals


class ReversalBlock(enum.StrEnum):
    """Why a movement or document cannot be reversed (the UI shows it, services raise it)."""

    IS_REVERSAL = "is_reversal"  # a reversal is never reversed: post anew
    ALREADY_REVERSED = "already_reversed"
    NOT_REVERSIBLE_STATE = "not_reversible_state"  # e.g. a write-off still waiting


def reversal_blocker(
    doc_type: str, doc_state: str, movement_kind: str | None = None, reversed_by: int | None = None
) -> ReversalBlock | None:
    """None if the movement (or, with movement_kind None, the document) may be reversed."""
    if doc_type == DocType.REVERSAL or movement_kind == MovementKind.REVERSAL:
        return ReversalBlock.IS_REVERSAL
    if doc_state == DocState.REVERSED or reversed_by is not None:
        return ReversalBlock.ALREADY_REVERSED
    if spec(doc_type).transition(doc_state, DocState.REVERSED) is None:
        return ReversalBlock.NOT_REVERSIBLE_STATE
    return None


def check_reversible(
    doc_no: str,
    doc_type: str,
    doc_state: str,
    movement_id: int,
    movement_kind: str | None = None,
    reversed_by: int | None = None,
) -> None:
    """Raise the typed error for `reversal_blocker`'s answer."""
    block = reversal_blocker(doc_type, doc_state, movement_kind, reversed_by)
    if block is ReversalBlock.IS_REVERSAL:
        raise CannotReverseReversal(movement_id)
    if block is ReversalBlock.ALREADY_REVERSED:
        raise AlreadyReversed(movement_id)
    if block is ReversalBlock.NOT_REVERSIBLE_STATE:
        raise InvalidState(doc_no, doc_state, "reverse")
