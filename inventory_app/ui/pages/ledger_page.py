"""台账 page: every movement, newest first, with reversals linked and the document on the side."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.documents import reversal_blocker
from ...domain.permissions import Action
from ...services import reference_queries
from ...services.ledger_queries import LEDGER_SORT_KEYS, LedgerFilter, count_ledger, ledger
from ...services.rows import LedgerRow
from ..context import AppContext
from ..print_jobs import ledger_job
from ..tasks import TaskContext
from ..widgets.filter_bar import PagedSource, export_in_background, set_sort_indicator
from ..widgets.print_button import PrintReportButton
from .ledger_columns import (
    NEGATIVE_FG,
    REVERSED_FG,
    LedgerModel,
    apply_widths,
    find_movement,
    ledger_columns,
    linked_movement,
    summary_text,
)
from .ledger_detail import DocumentDetail, DocumentInfo, LotChip, read_document
from .ledger_filters import LedgerFilters
from .page_base import QueryPage, query_table

__all__ = ["NEGATIVE_FG", "REVERSED_FG", "LedgerModel", "LedgerPage"]

LEDGER_PAGE_SIZE = 300
DEFAULT_SORT = ("movement_id", True)  # newest first
# When jumping to a linked movement, pages fetched at most while looking for it.
_MAX_JUMP_PAGES = 20


class LedgerPage(QueryPage):
    """The append-only ledger: filters, SQL-side sorting, linked reversals, document detail."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, load_when_shown=False)
        self._sort: tuple[str, bool] = DEFAULT_SORT
        self._generation = 0
        self._loaded_filter: LedgerFilter | None = None
        self._total: int | None = None
        self._lot_focus: tuple[int, str] | None = None  # (lot id, batch) after a jump
        self._pending_select: int | None = None
        self._select_first = False  # after a jump to a linked document
        self._documents: dict[str, DocumentInfo] = {}
        self._posted_during_dialog = False

        self._source = PagedSource()
        self.model = LedgerModel(
            ledger_columns(),
            self._source.fetch_page,
            self._source.count,
            self,
            page_size=LEDGER_PAGE_SIZE,
        )
        self._build_ui()
        self.retranslate()
        ctx.events.stock_changed.connect(self._on_stock_changed)
        ctx.events.master_data_changed.connect(self._load_depots)
        self.refresh()
        self._load_depots()

    # ------------------------------------------------------------------ layout

    def _build_ui(self) -> None:
        self.filters = LedgerFilters(self, self._filters_changed)
        # The filter widgets under the names the page (and its tests) have always used.
        f = self.filters
        self.search, self.doc_edit, self.depot_combo = f.search, f.doc_edit, f.depot_combo
        self.kind_combo, self.date_from, self.date_to = f.kind_combo, f.date_from, f.date_to
        f.clear_button.clicked.connect(self.clear_filters)

        # Shown after a jump to a linked movement: the list is narrowed to one lot.
        self.lot_chip = LotChip(self)
        self.lot_chip.closed.connect(self.clear_lot_focus)

        self.jump_button = QPushButton(self)
        self.jump_button.clicked.connect(self.jump_to_linked)
        self.reverse_button = QPushButton(self)
        self.reverse_button.clicked.connect(self.reverse_selected)
        self.reverse_button.setVisible(self.ctx.can(Action.REVERSE))
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.export_excel)
        self.print_button = PrintReportButton(
            self.ctx, self, lambda: ledger_job(self.ctx, self.current_filter())
        )
        # The dates share the second row with the actions, so the bar fits in English too.
        actions = QHBoxLayout()
        actions.setSpacing(6)
        self.filters.add_dates(actions)
        actions.addSpacing(6)
        actions.addWidget(self.lot_chip)
        actions.addStretch(1)
        actions.addWidget(self.jump_button)
        actions.addWidget(self.reverse_button)
        actions.addWidget(self.refresh_button)
        actions.addWidget(self.export_button)
        actions.addWidget(self.print_button)

        self.table = query_table(
            self,
            self.model,
            selection=QAbstractItemView.SelectionMode.SingleSelection,
            stretch_last=True,
        )
        header = self.table.horizontalHeader()
        set_sort_indicator(header, self.model.column_index(DEFAULT_SORT[0]), descending=True)
        header.sortIndicatorChanged.connect(self._on_sort)
        self.table.doubleClicked.connect(lambda _index: self.jump_to_linked())
        # selectionChanged, not currentRowChanged: selectRow() moves the current index
        # before it selects, so at currentRowChanged nothing is selected yet.
        self.table.selectionModel().selectionChanged.connect(
            lambda _selected, _deselected: self._selection_changed()
        )
        self.model.modelReset.connect(self._selection_changed)

        self.detail_box = DocumentDetail(self.ctx, self)
        self.detail_box.links.activated.connect(self.show_document_no)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setCollapsible(0, False)

        self.summary_label = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(self.filters.top_row())
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary_label)

        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self._focus_search)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh)
        self._update_buttons()

    # ------------------------------------------------------------------ filters

    def current_filter(self) -> LedgerFilter:
        return self.filters.current(self._lot_focus[0] if self._lot_focus else None)

    def apply_navigation(self, depot_code: str | None, category_code: str | None) -> None:
        """Show one depot (the ledger has no category column, so a category is ignored)."""
        del category_code
        self.depot_combo.set_current_code(depot_code)
        self._filters_changed()

    def clear_filters(self) -> None:
        self.filters.clear()
        self._set_lot_focus(None)
        self._filters_changed()

    def show_document_no(self, doc_no: str) -> None:
        """Show only this document's movements (every other filter cleared), its first selected."""
        self.filters.clear()
        self.doc_edit.set_value(doc_no)
        self._set_lot_focus(None)
        self._pending_select, self._select_first = None, True
        self._reload()

    def clear_lot_focus(self) -> None:
        self._set_lot_focus(None)
        self._filters_changed()

    def _set_lot_focus(self, focus: tuple[int, str] | None) -> None:
        self._lot_focus = focus
        self.lot_chip.show_batch(focus[1] if focus else None)

    def _filters_changed(self) -> None:
        self._reload()

    # ------------------------------------------------------------------ loading

    def refresh(self) -> None:
        self._documents.clear()
        self._reload()

    def _on_stock_changed(self) -> None:
        self._posted_during_dialog = True
        self._refresh_when_visible()

    def _reload(self) -> None:
        flt = self.current_filter()
        self._loaded_filter = flt
        self._generation += 1
        generation = self._generation
        uow, actor = self.ctx.uow, self.ctx.actor
        sort_key, descending = self._sort
        self._total = None
        self.summary_label.setText(self.tr("正在查询…"))

        def fetch(offset: int, limit: int, key: str | None, desc: bool) -> list[LedgerRow]:
            return ledger(
                uow,
                actor,
                flt,
                offset=offset,
                limit=limit,
                sort=key or DEFAULT_SORT[0],
                descending=desc,
            )

        def work(_task: TaskContext) -> tuple[int, list[LedgerRow]]:
            return count_ledger(uow, actor, flt), fetch(0, LEDGER_PAGE_SIZE, sort_key, descending)

        def done(result: tuple[int, list[LedgerRow]]) -> None:
            if generation != self._generation:
                return
            total, first = result
            self._source.show_first_page(self.model, fetch, total, first, sort_key, descending)
            self._total = total
            self._show_summary()
            if self._pending_select is not None:
                target, self._pending_select = self._pending_select, None
                self.select_movement(target, fetch_pages=_MAX_JUMP_PAGES)
            elif self._select_first:
                self._select_first = False
                if self.model.rowCount():
                    self.table.selectRow(0)

        self.ctx.tasks.run(
            work,
            on_done=done,
            on_error=self._on_error,
            progress_label=self.tr("正在查询台账…"),
            parent_widget=self,
        )

    def _load_depots(self) -> None:
        uow, actor = self.ctx.uow, self.ctx.actor

        def done(depots: list[Any]) -> None:
            self.filters.set_depots(depots)
            if self._loaded_filter != self.current_filter():
                self._reload()

        self.ctx.tasks.run(
            lambda _task: reference_queries.depots(uow, actor),
            on_done=done,
            on_error=self._on_error,
        )

    def _on_sort(self, section: int, order: Qt.SortOrder) -> None:
        columns = self.model.columns
        key = columns[section].key if 0 <= section < len(columns) else None
        if key not in LEDGER_SORT_KEYS:
            # Only columns the database can order by are sortable; keep the current order.
            set_sort_indicator(
                self.table.horizontalHeader(), self.model.column_index(self._sort[0]), self._sort[1]
            )
            return
        self._sort = (key, order == Qt.SortOrder.DescendingOrder)
        self._reload()

    def _show_summary(self) -> None:
        if self._total is None:
            return
        self.summary_label.setText(summary_text(self._total, self.model, *self._sort))

    # ------------------------------------------------------------------ selection, links

    def selected_row(self) -> LedgerRow | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.row_at(index)

    def select_movement(self, movement_id: int, *, fetch_pages: int = 0) -> bool:
        """Select the movement if it is loaded (fetching up to ``fetch_pages`` more pages)."""
        position = find_movement(self.model, movement_id, fetch_pages=fetch_pages)
        if position is None:
            return False
        self.table.selectRow(position)
        self.table.scrollTo(
            self.model.index(position, 0), QAbstractItemView.ScrollHint.PositionAtCenter
        )
        return True

    def jump_to_linked(self) -> None:
        """Select the reversal of this movement, or the movement this reversal cancels."""
        row = self.selected_row()
        target = linked_movement(row) if row is not None else None
        if row is None or target is None:
            return
        if self.select_movement(target):
            return
        # Not among the loaded rows: both are movements of the same lot, so show that
        # lot's history (without the other filters, which may hide the target).
        self.filters.clear(keep_depot=True)
        self._set_lot_focus((row.lot_id, row.batch_no))
        self._pending_select = target
        self._reload()

    def _selection_changed(self) -> None:
        self._update_buttons()
        row = self.selected_row()
        if row is None:
            self.detail_box.show_info(None)
            return
        cached = self._documents.get(row.doc_no)
        if cached is not None:
            self.detail_box.show_info(cached)
            return
        self.detail_box.show_info(None, loading=True)
        doc_no, uow, actor = row.doc_no, self.ctx.uow, self.ctx.actor

        def done(info: DocumentInfo) -> None:
            if info[0] is not None:
                self._documents[doc_no] = info
            current = self.selected_row()
            if current is not None and current.doc_no == doc_no:
                self.detail_box.show_info(info)

        self.ctx.tasks.run(
            lambda _task: read_document(uow, actor, doc_no), on_done=done, on_error=self._on_error
        )

    def _update_buttons(self) -> None:
        row = self.selected_row()
        self.jump_button.setEnabled(row is not None and linked_movement(row) is not None)
        reversible = (
            row is not None
            and reversal_blocker(row.doc_type, row.doc_state, row.kind, row.reversed_by_movement_id)
            is None
        )
        self.reverse_button.setEnabled(reversible and self.ctx.can(Action.REVERSE))

    def reverse_selected(self) -> None:
        row = self.selected_row()
        if row is None or not self.ctx.can(Action.REVERSE):
            return
        from ..dialogs.reverse_dialog import ReverseDialog  # its own module, loaded on use

        self._posted_during_dialog = False
        dialog = ReverseDialog(self.ctx, self, movement_id=row.movement_id)
        if dialog.exec() == QDialog.DialogCode.Accepted and not self._posted_during_dialog:
            self.refresh()  # in case the dialog did not announce its posting

    # ------------------------------------------------------------------ export

    def default_export_name(self) -> str:
        name = self.tr("台账")
        return f"{name}_{date.today():%Y%m%d}.xlsx"

    def export_to(self, path: str) -> None:
        """Write every movement matching the current filters, in the current order."""
        uow, actor, flt = self.ctx.uow, self.ctx.actor, self.current_filter()
        key, desc = self._sort

        def fetch_all() -> Sequence[LedgerRow]:
            return ledger(uow, actor, flt, sort=key, descending=desc)

        export_in_background(
            self.ctx, self, path, self.tr("台账"), self.model.columns, fetch_all, self._exported
        )

    # ------------------------------------------------------------------ language

    def retranslate(self) -> None:
        self.filters.retranslate()
        self.jump_button.setText(self.tr("跳到关联流水"))
        self.jump_button.setToolTip(self.tr("在冲销流水与被冲销的原流水之间跳转（也可双击该行）"))
        self.reverse_button.setText(self.tr("冲销…"))
        self.reverse_button.setToolTip(self.tr("用一张冲销单抵消选中的流水；原流水保留不变"))
        self.refresh_button.setText(self.tr("刷新"))
        self.export_button.setText(self.tr("导出 Excel…"))
        self.export_button.setToolTip(self.tr("按当前筛选条件导出全部流水"))
        self.detail_box.retranslate()
        self.lot_chip.retranslate()
        self.model.retranslate()
        apply_widths(self.table.horizontalHeader(), self.model.columns, self.fontMetrics())
        self._show_summary()
