"""What every posting dialog shares: one request id, checks, the posting task, the outcome."""

from __future__ import annotations

import uuid
from abc import abstractmethod
from collections.abc import Callable, Sequence
from datetime import date
from itertools import pairwise

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.documents import kind_of_number
from ...domain.model import PostingResult, Purpose
from ..context import AppContext
from ..errors import show_domain_error
from ..labels import posted_label, purpose_choices

_CTX = "PostingDialog"

_TEXTS = {
    "posted_no": QT_TRANSLATE_NOOP("PostingDialog", "{done}：{doc_no}"),
    "saved": QT_TRANSLATE_NOOP("PostingDialog", "已保存"),
    "more": QT_TRANSLATE_NOOP("PostingDialog", "…另有 {n} 处"),
    "fix_first": QT_TRANSLATE_NOOP("PostingDialog", "请先更正以下内容："),
    "confirm_title": QT_TRANSLATE_NOOP("PostingDialog", "请确认"),
    "still_submit_q": QT_TRANSLATE_NOOP("PostingDialog", "仍要提交吗？"),
    "still_submit": QT_TRANSLATE_NOOP("PostingDialog", "仍然提交"),
    "go_back": QT_TRANSLATE_NOOP("PostingDialog", "返回修改"),
    "posting": QT_TRANSLATE_NOOP("PostingDialog", "正在保存…"),
    "discard_title": QT_TRANSLATE_NOOP("PostingDialog", "放弃本单？"),
    "discard": QT_TRANSLATE_NOOP(
        "PostingDialog", "已录入 {n} 行明细，尚未保存。关闭后这些内容不会保存。"
    ),
    "discard_yes": QT_TRANSLATE_NOOP("PostingDialog", "放弃并关闭"),
    "keep_editing": QT_TRANSLATE_NOOP("PostingDialog", "继续填写"),
}

INVALID_STYLE = "background-color: #fde0dc; border: 1px solid #c62828;"
MESSAGE_STYLE = (
    "QLabel { color: #b71c1c; background: #fdecea; border: 1px solid #f5c2c0;"
    " border-radius: 3px; padding: 6px 8px; }"
)
NOTE_STYLE = (
    "QLabel { color: #5d4300; background: #fff6d6; border: 1px solid #f0dc8c;"
    " border-radius: 3px; padding: 6px 8px; }"
)
HINT_STYLE = "QLabel { color: #6b7280; }"
MAX_LISTED_PROBLEMS = 4


def translate(text: object) -> str:
    """Translate a string marked with QT_TRANSLATE_NOOP("PostingDialog", ...)."""
    return QCoreApplication.translate(_CTX, str(text))


def _text(key: str) -> str:
    return translate(_TEXTS[key])


def purpose_combo(parent: QWidget, default: str = Purpose.RELIEF.value) -> QComboBox:
    """用途: a handful of fixed entries, so a plain combo box is the right tool."""
    combo = QComboBox(parent)
    for value, label in purpose_choices():
        combo.addItem(label, value)
    combo.setCurrentIndex(max(combo.findData(default), 0))
    return combo


def date_edit(parent: QWidget, *, latest_today: bool = True) -> QDateEdit:
    """A document date: today by default and never in the future."""
    edit = QDateEdit(QDate.currentDate(), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if latest_today:
        edit.setMaximumDate(QDate.currentDate())
    return edit


def qdate_value(edit: QDateEdit) -> date:
    value = edit.date().toPython()
    assert isinstance(value, date)
    return value


def mark_invalid(widget: QWidget, reason: str | None) -> None:
    """Red field with the reason as tooltip; None clears the mark."""
    widget.setStyleSheet(INVALID_STYLE if reason else "")
    widget.setToolTip(reason or "")


def chain_tab_order(*widgets: QWidget) -> None:
    """Tab moves through the header in reading order (row by row), then to the lines."""
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)


def hint_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setStyleSheet(HINT_STYLE)
    label.setWordWrap(True)
    return label


class PostingDialog(QDialog):
    """Collect a document, check it, post it once, show its number.

    (Texts here use ``translate()`` with the fixed context "PostingDialog": ``self.tr``
    in a base class would look them up under the subclass's name.)

    Subclasses build their form and implement ``check()`` (problems before posting),
    ``build_call()`` (the service call with plain values, run in a task) and
    ``success_text()``. The request id is made when the dialog opens, so a double
    click, a retry after a lost connection, or pressing OK again after an error can
    never post the same document twice.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.request_id = str(uuid.uuid4())
        self.posting_result: PostingResult | None = None
        self._busy = False
        self._posted = False
        self._ready = True
        self.setSizeGripEnabled(True)

        self.message_label = QLabel(self)
        self.message_label.setStyleSheet(MESSAGE_STYLE)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        self.ok_button: QPushButton = ok
        self.ok_button.setMinimumWidth(110)
        # Enter in a field must never post the whole document: no button is the default,
        # and posting takes a click or Ctrl+Enter.
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(self.ok_button.click)
        self.ok_button.setToolTip(
            QCoreApplication.translate("PostingDialog", "确认过账（Ctrl+Enter）")
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    # ------------------------------------------------------------ for subclasses

    def header_grid(
        self,
        fields: Sequence[tuple[str, QWidget]],
        *,
        stretch: tuple[int, int] = (3, 2),
        spacing: int | None = 10,
    ) -> QGridLayout:
        """The document header: captions and their fields, two pairs to a row."""
        grid = QGridLayout()
        if spacing is not None:
            grid.setHorizontalSpacing(spacing)
        for position, (caption, field) in enumerate(fields):
            row, pair = divmod(position, 2)
            grid.addWidget(QLabel(caption, self), row, pair * 2)
            grid.addWidget(field, row, pair * 2 + 1)
        grid.setColumnStretch(1, stretch[0])
        grid.setColumnStretch(3, stretch[1])
        return grid

    def lay_out(self, header: QGridLayout, lines_title: str, lines: QWidget, hint: str) -> None:
        """The header, the lines under their title, a hint, the message and the buttons."""
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addSpacing(4)
        layout.addWidget(QLabel(lines_title, self))
        layout.addWidget(lines, 1)
        layout.addWidget(hint_label(hint, self))
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)

    def check(self) -> tuple[list[str], list[str]]:
        """(errors that block posting, warnings the keeper must confirm)."""
        return [], []

    @abstractmethod
    def build_call(self) -> Callable[[], PostingResult]:
        """Hook: every posting dialog says which service call its input makes."""

    def success_text(self, result: PostingResult) -> str:
        return _text("posted_no").format(done=self.done_word(result), doc_no=result.doc_no)

    def done_word(self, result: PostingResult) -> str:
        """已入库 / 已出库 / 已调整 … from the number's prefix (RK-, CK-, TZ- …)."""
        kind = kind_of_number(result.doc_no)
        return posted_label(kind) if kind else _text("saved")

    def can_submit(self) -> bool:
        """Whether OK is enabled right now (e.g. a required reason is filled in)."""
        return True

    def update_ok(self) -> None:
        self.ok_button.setEnabled(
            self._ready and not self._busy and not self._posted and self.can_submit()
        )

    def set_ready(self, ready: bool, why: str = "") -> None:
        """Block posting while the dialog cannot work (no depot, data still loading)."""
        self._ready = ready
        if why:
            self.show_message(why)
        self.update_ok()

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def show_problems(self, problems: Sequence[str]) -> None:
        if not problems:
            self.show_message("")
            return
        listed = list(problems[:MAX_LISTED_PROBLEMS])
        if len(problems) > MAX_LISTED_PROBLEMS:
            listed.append(_text("more").format(n=len(problems) - MAX_LISTED_PROBLEMS))
        self.show_message(_text("fix_first") + "\n" + "\n".join(listed))

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def posted(self) -> bool:
        return self._posted

    # ------------------------------------------------------------ flow

    def submit(self) -> None:
        if self._busy or self._posted or not self._ready or not self.can_submit():
            return
        errors, warnings = self.check()
        if errors:
            self.show_problems(errors)
            return
        self.show_message("")
        if warnings:
            self._confirm(warnings)
        else:
            self._post()

    def _confirm(self, warnings: Sequence[str]) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            _text("confirm_title"),
            "\n".join(warnings[:MAX_LISTED_PROBLEMS]),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setInformativeText(_text("still_submit_q"))
        box.button(QMessageBox.StandardButton.Yes).setText(_text("still_submit"))
        box.button(QMessageBox.StandardButton.No).setText(_text("go_back"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        # Without a minimum the box wraps "可用 0 个" in the middle of a quantity.
        box.setStyleSheet("QLabel { min-width: 460px; }")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setObjectName("confirm_box")
        box.accepted.connect(self._post)
        # open(), not exec(): no nested event loop, and tests can answer the box.
        box.open()

    def _post(self) -> None:
        if self._busy or self._posted:
            return
        call = self.build_call()
        self._set_busy(True)
        self.ctx.tasks.run(
            lambda _task: call(),
            on_done=self._on_posted,
            on_error=self._on_failed,
            progress_label=_text("posting"),
            parent_widget=self,
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        if busy:
            self.setCursor(Qt.CursorShape.WaitCursor)
        else:
            self.unsetCursor()
        self.update_ok()

    def _on_posted(self, result: PostingResult) -> None:
        self.posting_result = result
        self._posted = True
        self._set_busy(False)
        self.ctx.events.stock_changed.emit()
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.done_word(result),
            self.success_text(result),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setObjectName("success_box")
        self.add_success_actions(box, result)
        box.finished.connect(self.accept)
        box.open()

    def add_success_actions(self, box: QMessageBox, result: PostingResult) -> None:
        """Extra buttons for the success box (打印出库单…); any button closes the dialog."""

    def _load_failed(self, error: BaseException) -> None:
        show_domain_error(self, self.ctx, error)

    def _on_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        # Retry re-sends the same request id: if the first try did reach the
        # database, the service replays its result instead of posting again.
        show_domain_error(self, self.ctx, error, retry=self._post)

    # ------------------------------------------------------------ closing

    def unsaved_lines(self) -> int:
        """Lines typed but not posted; closing then asks first (subclasses with lines)."""
        return 0

    def reject(self) -> None:
        if self._busy:
            return  # the posting is on its way; closing now would hide its outcome
        lines = 0 if self._posted else self.unsaved_lines()
        if not lines:
            super().reject()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _text("discard_title"),
            _text("discard").format(n=lines),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(_text("discard_yes"))
        box.button(QMessageBox.StandardButton.No).setText(_text("keep_editing"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setObjectName("discard_box")
        box.accepted.connect(lambda: QDialog.reject(self))
        box.open()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter finishes a field, it never posts the document (that is Ctrl+Enter)."""
        plain = not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._busy:
            event.ignore()
            return
        super().closeEvent(event)
