"""The ledger's side widgets: the document a selected movement belongs to, the lot chip."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QWidget,
)

from ...services.rows import DocumentRow
from ..labels import doc_state_label, doc_type_label, purpose_or_source_label
from ..models.table_models import format_datetime
from .ledger_columns import as_utc

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
        QCoreApplication.translate("LedgerPage", "{name}（{host}）").format(
            name=doc.created_by, host=doc.host
        )
        if doc.host
        else doc.created_by
    )
    return {
        "doc_no": doc.doc_no,
        "doc_type": doc_type_label(doc.doc_type),
        "state": doc_state_label(doc.state),
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


class DocumentDetail(QGroupBox):
    """Label–value pairs, four to a row, with a hint while nothing (or loading) is shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
            grid.addWidget(name, row, pair * 2, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(value, row, pair * 2 + 1)
            self.labels[key] = name
            self.values[key] = value
        for column in (1, 3, 5, 7):
            grid.setColumnStretch(column, 1)
        self.hint = QLabel(self)
        self.hint.setStyleSheet("color: #777;")
        grid.addWidget(self.hint, 3, 0, 1, 8)

    def show_document(self, doc: DocumentRow | None, *, loading: bool = False) -> None:
        self.doc, self._loading = doc, loading
        for value in self.values.values():
            value.setText("")
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
