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


def _posted_kind(kind: DocType, prefix: str, *, reversible: bool = True) -> KindSpec:
    """A kind that is posted as it is created and can only be reversed afterwards."""
    return KindSpec(
        kind,
        prefix,
        moves_stock=True,
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

KINDS: dict[DocType, KindSpec] = {
    spec.kind: spec
    for spec in (
        _posted_kind(DocType.RECEIPT, "RK"),
        _posted_kind(DocType.ISSUE, "CK"),
        _TRANSFER,
        _posted_kind(DocType.ADJUST, "TZ"),
        _SCRAP,
        _posted_kind(DocType.REVERSAL, "CX", reversible=False),
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
