"""调拨接收: the receiving depot confirms a transfer in transit, which becomes its stock."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.model import DocState, DocType, PostingResult
from ...domain.permissions import Action
from ...services import ledger_queries, reference_queries, transfers
from ...services.document_lines import document_lines
from ...services.rows import DocumentRow, LocationRow
from .. import depot_names
from ..context import AppContext
from ..labels import purpose_label
from ..models.table_models import ROW_ROLE, Column, RowsTableModel
from ..widgets.depot_combo import LocationCombo
from .line_inputs import input_lines_view
from .posting_base import (
    NOTE_STYLE,
    PostingDialog,
    date_edit,
    hint_label,
    qdate_value,
)
from .transfer_receive_lines import ReceiveLinesModel, SentLine, sent_lines

_CTX = "TransferReceiveDialog"
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _transfer_columns() -> list[Column[DocumentRow]]:
    return [
        Column(
            "doc_no",
            lambda: QCoreApplication.translate("TransferReceiveDialog", "调拨单号"),
            lambda d: d.doc_no,
        ),
        Column(
            "doc_date",
            lambda: QCoreApplication.translate("TransferReceiveDialog", "发出日期"),
            lambda d: d.doc_date,
            "date",
        ),
        Column(
            "depot_name",
            lambda: QCoreApplication.translate("TransferReceiveDialog", "调出仓库"),
            lambda d: depot_names.short(d.depot_name),
            tooltip=lambda d: depot_names.tooltip(d.depot_name, d.depot_code),
        ),
        Column(
            "other_depot_name",
            lambda: QCoreApplication.translate("TransferReceiveDialog", "调入仓库"),
            lambda d: depot_names.short(d.other_depot_name or ""),
            tooltip=lambda d: depot_names.tooltip(d.other_depot_name or ""),
        ),
        Column(
            "purpose",
            lambda: QCoreApplication.translate("TransferReceiveDialog", "用途"),
            lambda d: purpose_label(d.purpose),
        ),
        Column(
            "reference",
            lambda: QCoreApplication.translate("TransferReceiveDialog", "依据"),
            lambda d: d.reference,
        ),
        Column(
            "created_by",
            lambda: QCoreApplication.translate("TransferReceiveDialog", "经办人"),
            lambda d: d.created_by,
        ),
    ]


class TransferReceiveDialog(PostingDialog):
    """Pick a transfer on its way to one of the user's depots, a location and a date; receive."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, doc_no: str | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("调拨接收"))
        self.ok_button.setText(self.tr("确认接收"))
        self._wanted = doc_no
        self._lines_for = ""

        self.docs_model: RowsTableModel[DocumentRow] = RowsTableModel(_transfer_columns(), self)
        self.docs_view = self._table(self.docs_model)
        self.docs_view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.lines_model = ReceiveLinesModel(self)
        self.lines_view = input_lines_view(self, self.lines_model, stretch=6)
        self.empty_label = QLabel(
            self.tr("目前没有发往您仓库的在途调拨单。调出仓库发出调拨后，会出现在这里。"), self
        )
        self.empty_label.setStyleSheet(NOTE_STYLE)
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()

        self.location_combo = LocationCombo(self)
        self.date_edit = date_edit(self)
        form = self.header_grid(
            [(self.tr("接收库位"), self.location_combo), (self.tr("接收日期"), self.date_edit)],
            stretch=(2, 1),
            spacing=None,
        )

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("待接收的调拨单"), self))
        layout.addWidget(self.docs_view, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(
            QLabel(self.tr("调拨明细（默认全部收到；短少或损坏时改写实收并填写原因）"), self)
        )
        layout.addWidget(self.lines_view, 2)
        layout.addLayout(form)
        layout.addWidget(
            hint_label(
                self.tr(
                    "接收后货物记入调入仓库库存，批号、生产日期和有效期沿用调出批次；"
                    "短少或损坏的数量作为途损调整记账，并与本调拨单关联。"
                ),
                self,
            )
        )
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        self.resize(980, 620)

        self.set_ready(False)
        self._load()

    def _table(self, model: RowsTableModel[Any]) -> QTableView:
        view = QTableView(self)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.setWordWrap(False)
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        return view

    # ------------------------------------------------------------ loading

    def _load(self) -> None:
        ctx = self.ctx

        def fetch(_task: object) -> list[DocumentRow]:
            ids = {
                d.code: d.id
                for d in reference_queries.depots(ctx.uow, ctx.actor, only_visible=False)
            }
            docs = ledger_queries.documents(
                ctx.uow, ctx.actor, states=(DocState.IN_TRANSIT,), doc_types=(DocType.TRANSFER,)
            )
            return [
                d
                for d in docs
                if d.other_depot_code in ids and ctx.can(Action.TRANSFER, ids[d.other_depot_code])
            ]

        ctx.tasks.run(fetch, on_done=self._loaded, on_error=self._load_failed)

    def _loaded(self, docs: list[DocumentRow]) -> None:
        self.docs_model.set_rows(docs)
        self.docs_view.resizeColumnsToContents()
        self.empty_label.setVisible(not docs)
        if not docs:
            self.set_ready(False)  # nothing wrong, just nothing to do
            return
        row = next((i for i, d in enumerate(docs) if d.doc_no == self._wanted), 0)
        self.docs_view.selectRow(row)
        self.docs_view.setFocus()

    def current_document(self) -> DocumentRow | None:
        rows = self.docs_view.selectionModel().selectedRows()
        row = rows[0].data(ROW_ROLE) if rows else None
        return row if isinstance(row, DocumentRow) else None

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        doc = self.current_document()
        self.lines_model.set_order_lines([])
        self.set_ready(False)
        if doc is None:
            return
        self.date_edit.setMinimumDate(
            QDate(doc.doc_date.year, doc.doc_date.month, doc.doc_date.day)
        )
        ctx, doc_no, depot = self.ctx, doc.doc_no, doc.other_depot_code
        self._lines_for = doc_no

        def fetch(_task: object) -> tuple[list[SentLine], list[LocationRow]]:
            _header, rows = document_lines(ctx.uow, ctx.actor, doc_no)
            return sent_lines(rows), reference_queries.locations(ctx.uow, depot)

        def done(result: tuple[list[SentLine], list[LocationRow]]) -> None:
            if self._lines_for != doc_no:
                return  # the user already moved on to another transfer
            self.lines_model.set_order_lines(list(result[0]))
            self.location_combo.set_locations(result[1])
            self.set_ready(bool(result[0]))
            self.show_message("")

        ctx.tasks.run(fetch, on_done=done, on_error=self._load_failed)

    # ------------------------------------------------------------ posting

    def check(self) -> tuple[list[str], list[str]]:
        if self.current_document() is None:
            return [self.tr("请选择要接收的调拨单")], []
        return self.lines_model.problems(self.ctx.error_text), []

    def build_call(self) -> Callable[[], PostingResult]:
        doc = self.current_document()
        assert doc is not None
        uow, actor = self.ctx.uow, self.ctx.actor
        kwargs = {
            "doc_no": doc.doc_no,
            "request_id": self.request_id,
            "location": self.location_combo.current_code(),
            "doc_date": qdate_value(self.date_edit),
            "received": self.lines_model.received_lines(),
        }
        return lambda: transfers.transfer_receive(uow, actor, **kwargs)  # type: ignore[arg-type]

    def success_text(self, result: PostingResult) -> str:
        doc = self.current_document()
        text = self.tr("已接收：{doc_no}\n货物已记入“{depot}”库存。").format(
            doc_no=result.doc_no, depot=doc.other_depot_name if doc else ""
        )
        short = len(self.lines_model.received_lines())
        if short:
            text += "\n" + self.tr("其中 {0} 行短少或损坏，已作为途损调整记账。").format(short)
        return text
