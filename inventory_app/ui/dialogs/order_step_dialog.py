"""One step of an allocation order (submit, approve, reject …): ask what it needs, post it once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.model import PostingResult
from ...domain.permissions import Actor
from ...services.database import Database
from ..context import AppContext
from .posting_base import PostingDialog, hint_label, mark_invalid

# What a step's service call receives: the database, the user, the dialog's request id,
# the order number and the values typed into the fields (by field key).
StepCall = Callable[[Database, Actor, str, str, dict[str, Any]], PostingResult]


@dataclass(frozen=True)
class Field:
    """One input of a step: ``kind`` is "text", "when" (date and time) or "method"."""

    key: str
    caption: str
    required: bool = False
    kind: str = "text"
    placeholder: str = ""


@dataclass(frozen=True)
class StepSpec:
    title: str
    ok_text: str
    question: str  # what the user confirms, e.g. "批准调拨指令 ZL-…？"
    fields: tuple[Field, ...]
    call: StepCall
    done_text: str  # shown after posting; {doc_no} is the order
    hint: str = ""


def to_utc(local: datetime) -> datetime:
    """A local wall-clock time as the services store times (naive UTC)."""
    return local.astimezone(UTC).replace(tzinfo=None)


class OrderStepDialog(PostingDialog):
    """A small form for one step on one order; the request id is made when it opens."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None, *, doc_no: str, spec: StepSpec
    ) -> None:
        super().__init__(ctx, parent)
        self.doc_no = doc_no
        self.spec = spec
        self.setWindowTitle(spec.title)
        self.ok_button.setText(spec.ok_text)
        self.inputs: dict[str, QWidget] = {}

        layout = QVBoxLayout(self)
        question = QLabel(spec.question.format(doc_no=doc_no), self)
        question.setWordWrap(True)
        layout.addWidget(question)
        form = QFormLayout()
        for field in spec.fields:
            widget = self._input(field)
            self.inputs[field.key] = widget
            caption = field.caption + ("" if not field.required else " *")
            form.addRow(caption, widget)
        layout.addLayout(form)
        if spec.hint:
            layout.addWidget(hint_label(spec.hint, self))
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        first = next(iter(self.inputs.values()), None)
        (first or self.ok_button).setFocus()

    def _input(self, field: Field) -> QWidget:
        if field.kind == "when":
            edit = QDateTimeEdit(QDateTime.currentDateTime(), self)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setMaximumDateTime(QDateTime.currentDateTime().addSecs(300))
            return edit
        if field.kind == "method":
            combo = QComboBox(self)
            combo.setEditable(True)
            combo.addItems([self.tr("电话"), self.tr("短信"), self.tr("微信"), self.tr("当面口头")])
            return combo
        line = QLineEdit(self)
        line.setMaxLength(100)
        line.setPlaceholderText(field.placeholder)
        return line

    def values(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, widget in self.inputs.items():
            if isinstance(widget, QDateTimeEdit):
                local = widget.dateTime().toPython()
                assert isinstance(local, datetime)
                result[key] = to_utc(local)
            elif isinstance(widget, QComboBox):
                result[key] = widget.currentText().strip()
            elif isinstance(widget, QLineEdit):
                result[key] = widget.text().strip()
        return result

    def check(self) -> tuple[list[str], list[str]]:
        errors = []
        values = self.values()
        for field in self.spec.fields:
            widget = self.inputs[field.key]
            missing = field.required and not values.get(field.key)
            reason = self.tr("请填写{0}").format(field.caption) if missing else None
            mark_invalid(widget, reason)
            if reason:
                errors.append(reason)
        return errors, []

    def build_call(self) -> Callable[[], PostingResult]:
        uow, actor, request_id = self.ctx.uow, self.ctx.actor, self.request_id
        doc_no, values, call = self.doc_no, self.values(), self.spec.call
        return lambda: call(uow, actor, request_id, doc_no, values)

    def success_text(self, result: PostingResult) -> str:
        return self.spec.done_text.format(doc_no=self.doc_no, result=result.doc_no)
