"""Every document kind, state, movement, purpose, source and link role has a label in both languages."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication

from inventory_app.domain.counts import CountReason
from inventory_app.domain.documents import LinkRole
from inventory_app.domain.model import DocState, DocType, MovementKind, Purpose, Source
from inventory_app.ui import i18n, labels

LABELLED: list[tuple[type[enum.StrEnum], Callable[[str], str]]] = [
    (DocType, labels.doc_type_label),
    (DocState, labels.doc_state_label),
    (MovementKind, labels.movement_kind_label),
    (Purpose, labels.purpose_label),
    (Source, labels.source_label),
    (LinkRole, labels.link_role_label),
    (CountReason, labels.count_reason_label),
]
CASES = [
    pytest.param(kind, label, member, id=f"{kind.__name__}.{member.name}")
    for kind, label in LABELLED
    for member in kind
]


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    i18n.install_language(qapp, i18n.DEFAULT_LANGUAGE)


@pytest.mark.parametrize(("kind", "label", "member"), CASES)
def test_every_value_has_a_chinese_and_an_english_label(
    app: QApplication, kind: type[enum.StrEnum], label: Callable[[str], str], member: enum.StrEnum
) -> None:
    del kind
    i18n.install_language(app, "zh_CN")
    chinese = label(member.value)
    assert chinese and chinese != member.value, "no label: add it to ui/labels.py"
    i18n.install_language(app, "en")
    english = label(member.value)
    assert english and english != chinese, "no English: run tools/i18n.py update and translate"


def test_unknown_values_are_shown_as_they_are() -> None:
    assert labels.doc_type_label("NO_SUCH_KIND") == "NO_SUCH_KIND"
    assert labels.purpose_or_source_label("") == ""


def test_receipts_keep_their_source_where_other_documents_keep_their_purpose() -> None:
    assert labels.purpose_or_source_label("drill") == "演练"
    assert labels.purpose_or_source_label("donation") == "捐赠"
