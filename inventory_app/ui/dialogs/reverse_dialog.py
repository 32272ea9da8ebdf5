"""冲销: cancel a wrong movement or document with a reversing document; the original stays."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.documents import ReversalBlock, reversal_blocker
from ...domain.model import DocType, PostingResult
from ...services import reversals
from ...services.document_lines import document_lines, document_of_movement
from ...services.rows import DocumentRow, LedgerRow
from ..context import AppContext
from ..errors import show_domain_error
from ..labels import doc_state_label, doc_type_label, movement_kind_label, purpose_label
from ..models.table_models import Column, RowsTableModel, format_quantity
from .posting_base import NOTE_STYLE, PostingDialog, mark_invalid

_CTX = "ReverseDialog"
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_GREY = QColor("#9aa0a6")
MAX_REASON = 500

Loaded = tuple[int | None, DocumentRow, list[LedgerRow]]


def _signed(value: Decimal, unit: str) -> str:
    text = format_quantity(value)
    return f"{'+' if value > 0 else ''}{text} {unit}"


class ReverseDialog(PostingDialog):
    """Shows exactly what will be cancelled, asks for a reason, posts a reversing document."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        movement_id: int | None = None,
        doc_no: str | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("冲销"))
        self.ok_button.setText(self.tr("确认冲销"))
        self._movement_id = movement_id
        self._doc_no = doc_no
        self.document: DocumentRow | None = None
        self._rows: list[LedgerRow] = []
        self._scope_offered = False

        # The original document, as key/value pairs in two columns.
        self.doc_no_label = self._value_label(bold=True)
        self.date_label = self._value_label()
        self.depot_label = self._value_label()
        self.party_label = self._value_label()
        self.user_label = self._value_label()
        self.purpose_label = self._value_label()
        header = self.header_grid(
            [
                (self.tr("原单据"), self.doc_no_label),
                (self.tr("单据日期"), self.date_label),
                (self.tr("仓库"), self.depot_label),
                (self.tr("对方"), self.party_label),
                (self.tr("经办人"), self.user_label),
                (self.tr("用途"), self.purpose_label),
            ]
        )

        self.line_radio = QRadioButton(self.tr("只冲销所选的这一行"), self)
        self.document_radio = QRadioButton(self.tr("冲销整张单据"), self)
        self.scope_group = QButtonGroup(self)
        self.scope_group.addButton(self.line_radio)
        self.scope_group.addButton(self.document_radio)
        self.line_radio.setChecked(True)
        scope = QHBoxLayout()
        scope.addWidget(self.line_radio)
        scope.addWidget(self.document_radio)
        scope.addStretch(1)
        self.scope_box = QWidget(self)
        self.scope_box.setLayout(scope)
        scope.setContentsMargins(0, 0, 0, 0)
        self.scope_box.hide()

        self.rows_model: RowsTableModel[LedgerRow] = RowsTableModel(self._columns(), self)
        self.rows_view = QTableView(self)
        self.rows_view.setModel(self.rows_model)
        self.rows_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.rows_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows_view.verticalHeader().hide()
        self.rows_view.setWordWrap(False)
        self.rows_view.horizontalHeader().setStretchLastSection(True)
        self.rows_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        self.note_label = QLabel(self)
        self.note_label.setStyleSheet(NOTE_STYLE)
        self.note_label.setWordWrap(True)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setMaxLength(MAX_REASON)
        self.reason_edit.setPlaceholderText(self.tr("必填：如 数量录错，应为 8 顶"))

        reason = QGridLayout()
        reason.addWidget(QLabel(self.tr("冲销原因"), self), 0, 0)
        reason.addWidget(self.reason_edit, 0, 1)
        reason.setColumnStretch(1, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.scope_box)
        layout.addWidget(QLabel(self.tr("将被冲销的流水"), self))
        layout.addWidget(self.rows_view, 1)
        layout.addWidget(self.note_label)
        layout.addLayout(reason)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        self.resize(900, 520)

        self.reason_edit.setFocus()
        self.reason_edit.textChanged.connect(self._reason_changed)
        self.scope_group.buttonToggled.connect(lambda *_: self._show_scope())
        self.set_ready(False)
        self._load()

    def _value_label(self, *, bold: bool = False) -> QLabel:
        label = QLabel(self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if bold:
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        return label

    @staticmethod
    def _columns() -> list[Column[LedgerRow]]:
        return [
            Column(
                "item_name",
                lambda: QCoreApplication.translate("ReverseDialog", "物资"),
                lambda r: f"{r.item_name} {r.item_code}",
            ),
            Column(
                "batch_no",
                lambda: QCoreApplication.translate("ReverseDialog", "批号"),
                lambda r: r.batch_no,
            ),
            Column(
                "depot_name",
                lambda: QCoreApplication.translate("ReverseDialog", "仓库"),
                lambda r: r.depot_name,
            ),
            Column(
                "kind",
                lambda: QCoreApplication.translate("ReverseDialog", "类型"),
                lambda r: movement_kind_label(r.kind),
            ),
            Column(
                "delta",
                lambda: QCoreApplication.translate("ReverseDialog", "原数量"),
                lambda r: _signed(r.delta, r.unit),
                alignment=_RIGHT,
            ),
            Column(
                "reverse",
                lambda: QCoreApplication.translate("ReverseDialog", "冲销数量"),
                lambda r: "" if r.reversed_by_movement_id else _signed(-r.delta, r.unit),
                alignment=_RIGHT,
            ),
            Column(
                "status",
                lambda: QCoreApplication.translate("ReverseDialog", "状态"),
                lambda r: (
                    QCoreApplication.translate("ReverseDialog", "已冲销")
                    if r.reversed_by_movement_id
                    else ""
                ),
                foreground=lambda r: _GREY if r.reversed_by_movement_id else None,
            ),
        ]

    def reason(self) -> str:
        return self.reason_edit.text().strip()

    def can_submit(self) -> bool:
        return bool(self.reason()) and bool(self.chosen_rows())

    def _reason_changed(self) -> None:
        if self.reason():
            mark_invalid(self.reason_edit, None)
        self.update_ok()

    # ------------------------------------------------------------ loading

    def _load(self) -> None:
        ctx, movement_id, doc_no = self.ctx, self._movement_id, self._doc_no

        def fetch(_task: object) -> Loaded:
            number = doc_no or document_of_movement(ctx.uow, ctx.actor, int(movement_id or 0))
            header, rows = document_lines(ctx.uow, ctx.actor, number)
            return movement_id, header, rows

        ctx.tasks.run(fetch, on_done=self._loaded, on_error=self._load_failed)

    def _load_failed(self, error: BaseException) -> None:
        self.set_ready(False)
        show_domain_error(self, self.ctx, error)

    def _loaded(self, result: Loaded) -> None:
        _movement, doc, rows = result
        self.document = doc
        self._rows = rows
        self.doc_no_label.setText(
            self.tr("{doc_no}（{type}，{state}）").format(
                doc_no=doc.doc_no,
                type=doc_type_label(doc.doc_type),
                state=doc_state_label(doc.state, doc.doc_type),
            )
        )
        self.date_label.setText(doc.doc_date.isoformat())
        self.depot_label.setText(
            doc.depot_name + (f" → {doc.other_depot_name}" if doc.other_depot_name else "")
        )
        self.party_label.setText(doc.counterparty or "—")
        self.user_label.setText(doc.created_by)
        shows_purpose = doc.doc_type in (DocType.ISSUE, DocType.TRANSFER) and doc.purpose
        self.purpose_label.setText(purpose_label(doc.purpose) if shows_purpose else "—")
        unreversed = [r for r in rows if r.reversed_by_movement_id is None]
        self._scope_offered = (
            self._movement_id is not None
            and doc.doc_type != DocType.TRANSFER
            and len(unreversed) > 1
        )
        self.scope_box.setVisible(self._scope_offered)
        self._show_scope()
        self.set_ready(self._blocker() is None)

    def _blocker(self) -> str | None:
        """Why this cannot be reversed at all, or None (the rule is domain.documents')."""
        doc = self.document
        if doc is None:
            return self.tr("正在读取单据…")
        block = reversal_blocker(doc.doc_type, doc.state)
        if block is ReversalBlock.IS_REVERSAL:
            return self.tr("冲销单不能再冲销。如有错误，请重新录入正确的单据。")
        if block is ReversalBlock.NOT_REVERSIBLE_STATE:
            return self.tr("该单据尚未过账，不能冲销。")
        # Left: None or ALREADY_REVERSED. For one chosen line, ask about that movement.
        if self._single_line():
            row = next((r for r in self._rows if r.movement_id == self._movement_id), None)
            if row is not None:
                block = reversal_blocker(
                    doc.doc_type, doc.state, row.kind, row.reversed_by_movement_id
                )
            if block is ReversalBlock.ALREADY_REVERSED and self.line_radio.isChecked():
                return self.tr("这一行已经冲销过了。")
        if block is not None or not self.chosen_rows():
            return self.tr("该单据已全部冲销。")
        return None

    def chosen_rows(self) -> list[LedgerRow]:
        """The movements the reversal will cancel."""
        doc = self.document
        if doc is None:
            return []
        unreversed = [r for r in self._rows if r.reversed_by_movement_id is None]
        if self._single_line():
            return [r for r in unreversed if r.movement_id == self._movement_id]
        return unreversed

    def _single_line(self) -> bool:
        doc = self.document
        return (
            doc is not None
            and self._movement_id is not None
            and doc.doc_type != DocType.TRANSFER
            and (self.line_radio.isChecked() or not self._scope_offered)
        )

    def _show_scope(self) -> None:
        doc = self.document
        if doc is None:
            return
        if self._single_line():
            shown = [r for r in self._rows if r.movement_id == self._movement_id]
        else:
            shown = list(self._rows)
        self.rows_model.set_rows(shown)
        self.rows_view.resizeColumnsToContents()
        note = self.tr(
            "冲销不会修改或删除原单据：原单据仍保留在台账中，系统另行生成一张冲销单（CX-…），"
            "按相反的数量抵消上表中的流水。冲销单过账后不能撤销。"
        )
        if doc.doc_type == DocType.TRANSFER:
            note += "\n" + self.tr(
                "调拨单只能整单冲销：在途的调拨，货物退回调出仓库；已接收的调拨，"
                "调入仓库必须仍有这些货物。"
            )
        self.note_label.setText(note)
        blocker = self._blocker()
        self.show_message(blocker or "")
        self.update_ok()

    # ------------------------------------------------------------ posting

    def check(self) -> tuple[list[str], list[str]]:
        blocker = self._blocker()
        if blocker:
            return [blocker], []
        if not self.reason():
            mark_invalid(self.reason_edit, self.tr("请填写冲销原因"))
            return [self.tr("请填写冲销原因")], []
        return [], []

    def build_call(self) -> Callable[[], PostingResult]:
        doc = self.document
        assert doc is not None
        uow, actor = self.ctx.uow, self.ctx.actor
        kwargs: dict[str, object] = {"reason": self.reason(), "request_id": self.request_id}
        if self._single_line():
            kwargs["movement_id"] = self._movement_id
        else:
            kwargs["doc_no"] = doc.doc_no
        return lambda: reversals.reverse(uow, actor, **kwargs)  # type: ignore[arg-type]

    def success_text(self, result: PostingResult) -> str:
        return self.tr("已冲销：{doc_no}\n原单据 {original} 保留在台账中，已被冲销。").format(
            doc_no=result.doc_no, original=self.document.doc_no if self.document else ""
        )
