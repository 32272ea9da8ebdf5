"""The ledger's side widgets: the document a selected movement belongs to, its links, the lot chip."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QWidget,
)

from ...domain.documents import LinkRole
from ...domain.permissions import Actor
from ...services.database import Database
from ...services.document_lines import linked_documents
from ...services.ledger_queries import documents
from ...services.rows import DocumentRow, LinkedDocumentRow
from ..context import AppContext
from ..dialogs.print_preview_dialog import PrintPreviewDialog, preview_document
from ..labels import doc_state_label, doc_type_label, link_role_label, purpose_or_source_label
from ..models.table_models import format_datetime
from .ledger_columns import as_utc

# A document in the side panel: its header (None if not visible) and the documents linked to it.
DocumentInfo = tuple[DocumentRow | None, list[LinkedDocumentRow]]

FIELDS = (
    "doc_no",
    "doc_type",
    "state",
    "doc_date",
    "depot",
    "other",
    "reference",
    "purpose",
    "reason",
    "created_by",
    "created_at",
    "lines",
)


def _field_names() -> dict[str, str]:
    # The context is the page's, where these texts were first translated.
    return {
        "doc_no": QCoreApplication.translate("LedgerPage", "单据号"),
        "doc_type": QCoreApplication.translate("LedgerPage", "单据类型"),
        "state": QCoreApplication.translate("LedgerPage", "状态"),
        "doc_date": QCoreApplication.translate("LedgerPage", "单据日期"),
        "depot": QCoreApplication.translate("LedgerPage", "仓库"),
        "other": QCoreApplication.translate("LedgerPage", "对方单位"),
        "reference": QCoreApplication.translate("LedgerPage", "关联单号"),
        "purpose": QCoreApplication.translate("LedgerPage", "来源/用途"),
        "reason": QCoreApplication.translate("LedgerPage", "原因/备注"),
        "created_by": QCoreApplication.translate("LedgerPage", "录入人"),
        "created_at": QCoreApplication.translate("LedgerPage", "录入时间"),
        "lines": QCoreApplication.translate("LedgerPage", "明细行数"),
    }


def document_values(doc: DocumentRow) -> dict[str, str]:
    """The panel's text per field for one document."""
    other = doc.other_depot_name or doc.counterparty
    created_by = (
        QCoreApplication.translate("LedgerPage", "{name}（录入电脑 {host}）").format(
            name=doc.created_by, host=doc.host
        )
        if doc.host
        else doc.created_by
    )
    return {
        "doc_no": doc.doc_no,
        "doc_type": doc_type_label(doc.doc_type),
        "state": doc_state_label(doc.state, doc.doc_type),
        "doc_date": doc.doc_date.isoformat(),
        "depot": doc.depot_name,
        "other": other,
        "reference": doc.reference,
        "purpose": purpose_or_source_label(doc.purpose),
        "reason": doc.reason,
        "created_by": created_by,
        "created_at": format_datetime(as_utc(doc.created_at)),
        "lines": f"{doc.lines:,}",
    }


def read_document(uow: Database, actor: Actor, doc_no: str) -> DocumentInfo:
    """The panel's data for one document; run off the GUI thread."""
    found = documents(uow, actor, doc_no=doc_no, limit=1)
    if not found:
        return None, []
    return found[0], linked_documents(uow, actor, doc_no)


def link_text(link: LinkedDocumentRow) -> str:
    """冲销单 CX-A-2026-00001（已生效）; the original of a reversal is called 原单."""
    if link.is_parent and link.role == LinkRole.REVERSAL:
        kind = QCoreApplication.translate("LedgerPage", "原单")
    else:
        kind = doc_type_label(link.doc_type)
    return QCoreApplication.translate("LedgerPage", "{kind} {doc_no}（{state}）").format(
        kind=kind, doc_no=link.doc_no, state=doc_state_label(link.state, link.doc_type)
    )


class LinkedDocuments(QWidget):
    """One flat link button per linked document; clicking one asks to show that document."""

    activated = Signal(str)  # the document number

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.links: list[LinkedDocumentRow] = []
        self.buttons: list[QPushButton] = []
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(12)
        self._layout.addStretch(1)

    def show_links(self, links: Sequence[LinkedDocumentRow]) -> None:
        self.links = list(links)
        for button in self.buttons:
            self._layout.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.buttons = []
        for position, link in enumerate(self.links):
            button = QPushButton(self)
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setStyleSheet(
                "QPushButton { border: none; padding: 0; color: palette(link);"
                " text-decoration: underline; text-align: left; }"
            )
            button.clicked.connect(lambda _checked=False, no=link.doc_no: self.activated.emit(no))
            self._layout.insertWidget(position, button)
            self.buttons.append(button)
        self.retranslate()

    def retranslate(self) -> None:
        for link, button in zip(self.links, self.buttons, strict=True):
            button.setText(link_text(link))
            button.setToolTip(
                QCoreApplication.translate(
                    "LedgerPage", "{role}，{date}：单击查看该单据的流水"
                ).format(role=link_role_label(link.role), date=link.doc_date.isoformat())
            )


class DocumentDetail(QGroupBox):
    """Label–value pairs, four to a row, with a hint while nothing (or loading) is shown,
    and 打印单据… for the document shown."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preview: PrintPreviewDialog | None = None  # the last one opened (for tests)
        self.doc: DocumentRow | None = None
        self._loading = False
        self.labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        for position, key in enumerate(FIELDS):
            row, pair = divmod(position, 4)
            name = QLabel(self)
            name.setStyleSheet("color: #555;")
            value = QLabel(self)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setMinimumWidth(120)
            value.setWordWrap(True)  # a full depot name wraps rather than clips
            grid.addWidget(
                name, row, pair * 2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
            )
            grid.addWidget(value, row, pair * 2 + 1)
            self.labels[key] = name
            self.values[key] = value
        for column in (1, 3, 5, 7):
            grid.setColumnStretch(column, 1)
        self.hint = QLabel(self)
        self.hint.setStyleSheet("color: #777;")
        grid.addWidget(self.hint, 3, 0, 1, 8)
        # Documents linked to this one (its reversal, its original …), when there are any.
        self.links_label = QLabel(self)
        self.links_label.setStyleSheet("color: #555;")
        self.links = LinkedDocuments(self)
        grid.addWidget(self.links_label, 4, 0, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.links, 4, 1, 1, 6)
        self.print_button = QPushButton(self)
        self.print_button.clicked.connect(self.print_document)
        grid.addWidget(self.print_button, 4, 7, Qt.AlignmentFlag.AlignRight)
        self.show_links([])

    def print_document(self) -> PrintPreviewDialog | None:
        """The preview of the document shown (its paper form can be changed there)."""
        if self.doc is None:
            return None
        self.preview = preview_document(self.ctx, self.window(), self.doc.doc_no)
        return self.preview

    def show_links(self, links: Sequence[LinkedDocumentRow]) -> None:
        """The current document's links; nothing is shown when there are none."""
        self.links.show_links(links)
        self.links_label.setVisible(bool(links))
        self.links.setVisible(bool(links))

    def show_info(self, info: DocumentInfo | None, *, loading: bool = False) -> None:
        """A document and its links, or (None) the hint: nothing selected, or loading."""
        doc, links = info if info is not None else (None, [])
        self.show_document(doc, loading=loading)
        self.show_links(links)

    def show_document(self, doc: DocumentRow | None, *, loading: bool = False) -> None:
        self.doc, self._loading = doc, loading
        self.print_button.setEnabled(doc is not None)
        for value in self.values.values():
            value.setText("")
        if doc is None:
            self.show_links([])
        if doc is None:
            self.hint.setText(
                QCoreApplication.translate("LedgerPage", "正在读取单据…")
                if loading
                else QCoreApplication.translate(
                    "LedgerPage", "选中一条流水，这里显示它所属单据的信息。"
                )
            )
            self.hint.setVisible(True)
            return
        self.hint.setVisible(False)
        for key, text in document_values(doc).items():
            label = self.values[key]
            label.setText(text or "—")
            label.setToolTip(text if len(text) > 16 else "")

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("LedgerPage", "单据信息"))
        colon = QCoreApplication.translate("LedgerPage", "：")
        for key, text in _field_names().items():
            self.labels[key].setText(text + colon)
        self.links_label.setText(QCoreApplication.translate("LedgerPage", "关联单据") + colon)
        self.print_button.setText(QCoreApplication.translate("LedgerPage", "打印单据…"))
        self.print_button.setToolTip(
            QCoreApplication.translate("LedgerPage", "预览并打印这张单据（出库单一式三联）")
        )
        self.links.retranslate()
        self.show_document(self.doc, loading=self._loading)


class LotChip(QFrame):
    """Shown after a jump to a linked movement: the list is narrowed to one lot; ✕ widens it."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._batch: str | None = None
        self.setStyleSheet(
            "QFrame { background: #e8f0fb; border: 1px solid #b6cbe8; border-radius: 3px; }"
        )
        self.label = QLabel(self)
        self.label.setStyleSheet("border: none;")
        self.close_button = QToolButton(self)
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.closed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 1, 2, 1)
        layout.addWidget(self.label)
        layout.addWidget(self.close_button)
        self.hide()

    def show_batch(self, batch: str | None) -> None:
        """The focused lot's batch number ("" if it has none), or None to hide the chip."""
        self._batch = batch
        self.setVisible(batch is not None)
        self.retranslate()

    def retranslate(self) -> None:
        self.close_button.setText("✕")
        self.close_button.setToolTip(QCoreApplication.translate("LedgerPage", "显示全部批次"))
        if self._batch is not None:
            batch = self._batch or QCoreApplication.translate("LedgerPage", "（无批号）")
            self.label.setText(
                QCoreApplication.translate("LedgerPage", "只显示批次 {0} 的流水").format(batch)
            )
