"""The document-kind registry: states, transitions, reversal rules, number prefixes."""

from __future__ import annotations

import pytest

from inventory_app import messages
from inventory_app.domain.documents import (
    KINDS,
    ReversalBlock,
    check_initial,
    check_reversible,
    check_transition,
    reversal_blocker,
)
from inventory_app.domain.errors import (
    AlreadyReversed,
    CannotReverseReversal,
    InvalidInput,
    InvalidState,
)
from inventory_app.domain.model import DocState, DocType, MovementKind


def test_every_kind_is_registered_with_a_distinct_prefix() -> None:
    assert set(KINDS) == set(DocType)
    prefixes = [spec.prefix for spec in KINDS.values()]
    assert len(set(prefixes)) == len(prefixes)


@pytest.mark.parametrize("kind", list(DocType))
def test_every_state_is_reachable_from_an_initial_one(kind: DocType) -> None:
    spec = KINDS[kind]
    reached = set(spec.initial)
    changed = True
    while changed:
        changed = False
        for move in spec.transitions:
            if move.source in reached and move.target not in reached:
                reached.add(move.target)
                changed = True
    assert reached == spec.states
    assert spec.holding <= spec.states
    assert spec.reversible == any(m.target == DocState.REVERSED for m in spec.transitions)


def test_every_transition_action_has_a_message_in_both_languages() -> None:
    actions = {m.action for spec in KINDS.values() for m in spec.transitions} | {"create"}
    for action in actions:
        error = InvalidState("X-1", "POSTED", action)
        # An action without a text would show its raw key in the sentence.
        assert f"不能{action}。" not in messages.error_message(error, "zh")
        assert f"be {action}." not in messages.error_message(error, "en")


@pytest.mark.parametrize(
    ("kind", "source", "target", "action"),
    [
        (DocType.TRANSFER, DocState.RECEIVED, DocState.RECEIVED, "receive"),
        (DocType.TRANSFER, DocState.REVERSED, DocState.RECEIVED, "receive"),
        (DocType.SCRAP, DocState.POSTED, DocState.POSTED, "approve"),
        (DocType.SCRAP, DocState.REJECTED, DocState.POSTED, "approve"),
        (DocType.SCRAP, DocState.POSTED, DocState.REJECTED, "reject"),
        (DocType.SCRAP, DocState.PENDING_APPROVAL, DocState.REVERSED, "reverse"),
        (DocType.REVERSAL, DocState.POSTED, DocState.REVERSED, "REVERSED"),
        (DocType.RECEIPT, DocState.REVERSED, DocState.POSTED, "POSTED"),
    ],
)
def test_illegal_transitions_are_refused_with_the_attempted_action(
    kind: DocType, source: DocState, target: DocState, action: str
) -> None:
    with pytest.raises(InvalidState) as excinfo:
        check_transition(kind, source, target, "DOC-1")
    assert excinfo.value.params == {"document": "DOC-1", "state": source, "action": action}


def test_legal_transitions() -> None:
    assert check_transition(DocType.TRANSFER, "IN_TRANSIT", "RECEIVED").action == "receive"
    assert check_transition(DocType.SCRAP, "PENDING_APPROVAL", "REJECTED").action == "reject"
    assert check_transition(DocType.ISSUE, "POSTED", "REVERSED").action == "reverse"


def test_documents_start_only_in_an_initial_state() -> None:
    check_initial(DocType.SCRAP, DocState.PENDING_APPROVAL)
    with pytest.raises(InvalidState):
        check_initial(DocType.SCRAP, DocState.POSTED)  # a write-off is never born approved
    with pytest.raises(InvalidState):
        check_initial(DocType.TRANSFER, DocState.RECEIVED)


@pytest.mark.parametrize(
    ("doc_type", "state", "kind", "reversed_by", "expected"),
    [
        (DocType.ISSUE, DocState.POSTED, MovementKind.ISSUE, None, None),
        (DocType.ISSUE, DocState.POSTED, MovementKind.ISSUE, 9, ReversalBlock.ALREADY_REVERSED),
        (DocType.ISSUE, DocState.REVERSED, None, None, ReversalBlock.ALREADY_REVERSED),
        (DocType.REVERSAL, DocState.POSTED, MovementKind.REVERSAL, None, ReversalBlock.IS_REVERSAL),
        (DocType.TRANSFER, DocState.IN_TRANSIT, MovementKind.TRANSFER_OUT, None, None),
        (DocType.TRANSFER, DocState.RECEIVED, MovementKind.TRANSFER_IN, None, None),
        (DocType.SCRAP, DocState.PENDING_APPROVAL, None, None, ReversalBlock.NOT_REVERSIBLE_STATE),
        (DocType.SCRAP, DocState.REJECTED, None, None, ReversalBlock.NOT_REVERSIBLE_STATE),
        (DocType.SCRAP, DocState.POSTED, MovementKind.SCRAP, None, None),
    ],
)
def test_reversal_blocker(
    doc_type: DocType,
    state: DocState,
    kind: MovementKind | None,
    reversed_by: int | None,
    expected: ReversalBlock | None,
) -> None:
    assert reversal_blocker(doc_type, state, kind, reversed_by) == expected


def test_check_reversible_raises_the_typed_error() -> None:
    check_reversible("CK-1", DocType.ISSUE, DocState.POSTED, 11, MovementKind.ISSUE, None)
    with pytest.raises(AlreadyReversed) as already:
        check_reversible("CK-1", DocType.ISSUE, DocState.POSTED, 11, MovementKind.ISSUE, 12)
    assert already.value.params == {"movement_id": 11}
    with pytest.raises(CannotReverseReversal) as reversal:
        check_reversible("CX-1", DocType.REVERSAL, DocState.POSTED, 12, MovementKind.REVERSAL)
    assert reversal.value.params == {"movement_id": 12}
    with pytest.raises(InvalidState) as pending:
        check_reversible("BF-1", DocType.SCRAP, DocState.PENDING_APPROVAL, 0)
    assert pending.value.params["action"] == "reverse"


@pytest.mark.parametrize("state", list(DocState))
def test_every_state_has_a_name_in_both_languages(state: DocState) -> None:
    for lang in messages.LANGUAGES:
        assert messages.state_name(state, lang) != state.value


def test_every_input_refusal_in_the_code_has_words_in_both_languages() -> None:
    """Each InvalidInput("field", "reason") written in the package reads as a sentence."""
    import re
    from pathlib import Path

    package = Path(messages.__file__).parent.parent  # the whole inventory_app package
    pairs = set()
    for path in package.rglob("*.py"):
        pairs |= set(re.findall(r'InvalidInput\("([a-z_]+)", "([a-z_]+)"', path.read_text("utf-8")))
    assert pairs
    for field, reason in sorted(pairs):
        # Unknown keys would be shown raw; the catalogue must know both, in both languages.
        assert field in messages._FIELDS and reason in messages._REASONS, (field, reason)
        for lang in messages.LANGUAGES:
            text = messages.error_message(InvalidInput(field, reason, "x"), lang)
            assert "{" not in text and text.strip(), (field, reason, lang)


def test_user_titles_do_not_repeat_the_role() -> None:
    assert messages.user_title("市级库保管员", "keeper") == "市级库保管员"
    assert messages.user_title("审计员（监盘人）", "auditor") == "审计员（监盘人）"
    assert messages.user_title("ka", "keeper") == "ka（保管员）"
    assert messages.user_title("审计员（监盘人）", "auditor", "en") == "审计员（监盘人）"
    assert messages.user_title("ka", "keeper", "en") == "ka (keeper)"
