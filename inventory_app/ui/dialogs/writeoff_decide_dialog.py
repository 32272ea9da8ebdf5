"""审批报废: approve (post) or reject (release) one pending write-off, with a note."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.model import PostingResult
from ...services import writeoffs
from ...services.rows import DocumentRow
from ..context import AppContext
from ..errors import show_domain_error
from .posting_base import MESSAGE_STYLE, mark_invalid

MAX_NOTE = 500


class WriteoffDecideDialog(QDialog):
    """Shows what is to be written off and why; 驳回 needs a reason, 批准 may carry one."""

    def __init__(self, ctx: AppContext, doc: DocumentRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.doc = doc
        # One id per decision: a retry after a lost connection replays, never posts twice.
        self._request_ids = {True: str(uuid.uuid4()), False: str(uuid.uuid4())}
        self._busy = False
        self.result_doc: PostingResult | None = None
        self.setWindowTitle(self.tr("审批报废申请"))

        self.summary = QLabel(
            self.tr("{doc_no}　{depot}　{lines} 行　申请人 {user}　日期 {date}").format(
                doc_no=doc.doc_no,
                depot=doc.depot_name,
                lines=doc.lines,
                user=doc.created_by,
                date=doc.doc_date.isoformat(),
            ),
            self,
        )
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason = QLabel(doc.reason, self)
        self.reason.setWordWrap(True)
        self.note_edit = QLineEdit(self)
        self.note_edit.setMaxLength(MAX_NOTE)
        self.note_edit.setPlaceholderText(self.tr("驳回时必填"))
        self.message = QLabel(self)
        self.message.setStyleSheet(MESSAGE_STYLE)
        self.message.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.approve_button = QPushButton(self.tr("批准报废"), self)
        self.reject_button = QPushButton(self.tr("驳回…"), self)
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.buttons.addButton(self.approve_button, role)
        self.buttons.addButton(self.reject_button, role)
        self.buttons.rejected.connect(self.reject)
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.reject_button.clicked.connect(lambda: self.decide(False))

        form = QFormLayout()
        form.addRow(self.tr("报废单"), self.summary)
        form.addRow(self.tr("报废原因"), self.reason)
        form.addRow(self.tr("审批意见"), self.note_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(560, 200)

    def decide(self, approve: bool) -> None:
        if self._busy:
            return
        note = self.note_edit.text().strip()
        if not approve and not note:
            why = self.tr("驳回须填写理由")
            mark_invalid(self.note_edit, why)
            self.message.setText(why)
            self.message.show()
            self.note_edit.setFocus()
            return
        mark_invalid(self.note_edit, None)
        self.message.hide()
        self._set_busy(True)
        uow, actor, doc_no = self.ctx.uow, self.ctx.actor, self.doc.doc_no
        request_id = self._request_ids[approve]
        self.ctx.tasks.run(
            lambda _task: writeoffs.decide_scrap(
                uow, actor, doc_no=doc_no, approve=approve, request_id=request_id, note=note
            ),
            on_done=self._decided,
            on_error=lambda error: self._failed(error, approve),
            progress_label=self.tr("正在办理…"),
            parent_widget=self,
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.approve_button.setEnabled(not busy)
        self.reject_button.setEnabled(not busy)

    def _decided(self, result: PostingResult) -> None:
        self._set_busy(False)
        self.result_doc = result
        self.ctx.events.stock_changed.emit()
        self.accept()

    def _failed(self, error: BaseException, approve: bool) -> None:
        self._set_busy(False)
        show_domain_error(self, self.ctx, error, retry=lambda: self.decide(approve))

    def reject(self) -> None:
        if not self._busy:
            super().reject()
