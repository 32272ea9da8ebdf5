"""库存 page: stock by lot (paged, sorted in SQL), by item, by depot and by category."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTableView, QVBoxLayout, QWidget

from ...services import reference_queries, settings
from ...services.rows import CategoryStockRow, ItemStockRow, LotStockRow
from ...services.stock_queries import (
    LOT_SORT_KEYS,
    NEAR_EXPIRY_DAYS,
    StockFilter,
    count_stock_by_lot,
    stock_by_lot,
)
from ..context import AppContext
from ..models.table_models import LazyTableModel, RowsTableModel
from ..print_jobs import stock_job
from ..tasks import TaskContext
from ..widgets.filter_bar import PagedSource, export_in_background, set_sort_indicator
from ..widgets.print_button import PrintReportButton
from .page_base import QueryPage
from .stock_category_columns import category_columns
from .stock_columns import (
    EXPIRED_BG,
    EXPIRED_FG,
    NEAR_BG,
    ExpiryTone,
    StockView,
    item_columns,
    lot_columns,
    view_names,
)
from .stock_filters import StockFilters
from .stock_footer import StockFooter, lot_counts, summary_text
from .stock_views import StockViews, view_rows
from .stock_writeoff import WriteoffButton

__all__ = ["EXPIRED_BG", "EXPIRED_FG", "NEAR_BG", "StockPage", "StockView"]

LOT_PAGE_SIZE = 300  # rows per SQL page; a screen shows ~30, so one page covers many scrolls
DEFAULT_LOT_SORT = ("expiry_date", False)  # first-expiring first, the order stock leaves in


class StockPage(QueryPage):
    """Stock on hand, four ways; the filters apply to every view."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, load_when_shown=False)
        self._tone = ExpiryTone()
        self._lot_sort: tuple[str, bool] = DEFAULT_LOT_SORT
        self._rows_sort: dict[StockView, tuple[int, Qt.SortOrder] | None] = {}
        self._generation = dict.fromkeys(StockView, 0)
        self._loaded: dict[StockView, StockFilter | None] = dict.fromkeys(StockView)
        self._summary_data: dict[StockView, dict[str, Any]] = {}

        self._lot_source = PagedSource()
        self.lot_model: LazyTableModel[LotStockRow] = LazyTableModel(
            lot_columns(self._tone),
            self._lot_source.fetch_page,
            self._lot_source.count,
            self,
            page_size=LOT_PAGE_SIZE,
        )
        self.item_model: RowsTableModel[ItemStockRow] = RowsTableModel(
            item_columns(self._tone, per_depot=False), self
        )
        self.depot_model: RowsTableModel[ItemStockRow] = RowsTableModel(
            item_columns(self._tone, per_depot=True), self
        )
        self.category_model: RowsTableModel[CategoryStockRow] = RowsTableModel(
            category_columns(), self
        )

        self._build_ui()
        self.retranslate()
        ctx.events.stock_changed.connect(self._refresh_when_visible)
        ctx.events.master_data_changed.connect(self._load_reference)
        # Rows first: the reference lists only fill the combos and arrive a moment later.
        self.refresh()
        self._load_reference()

    # ------------------------------------------------------------------ layout

    def _build_ui(self) -> None:
        self.views = StockViews(self)
        self.view_group, self.view_buttons = self.views.group, self.views.buttons
        self.view_group.idClicked.connect(lambda view_id: self.set_view(StockView(view_id)))

        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.export_excel)
        self.print_button = PrintReportButton(
            self.ctx, self, lambda: stock_job(self.ctx, self.view, self.current_filter())
        )

        self.filters = StockFilters(self, self._filters_changed, lambda: self.ctx.lang == "en")
        # The filter widgets under the names the page (and its tests) have always used.
        f = self.filters
        self.search, self.depot_combo = f.search, f.depot_combo
        self.category_combo, self.expiry_combo = f.category_combo, f.expiry_combo
        self.mode_combo, self.level_combo = f.mode_combo, f.level_combo
        f.clear_button.clicked.connect(self.clear_filters)

        # Two rows, so the bar fits beside the navigation pane even in English.
        top = QHBoxLayout()
        top.addLayout(self.views.switch)
        top.addSpacing(16)
        f.add_search(top)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.export_button)
        top.addWidget(self.print_button)

        self.views.add_tables(
            {
                StockView.LOT: self.lot_model,
                StockView.ITEM: self.item_model,
                StockView.DEPOT: self.depot_model,
                StockView.CATEGORY: self.category_model,
            },
            self._on_sort,
        )
        self.stack, self.tables = self.views.stack, self.views.tables
        self.writeoff_button = WriteoffButton(self.ctx, self.views, self)
        top.insertWidget(top.count() - 3, self.writeoff_button)  # before 刷新, 导出, 打印
        set_sort_indicator(
            self.tables[StockView.LOT].horizontalHeader(),
            self.lot_model.column_index(DEFAULT_LOT_SORT[0]),
            descending=False,
        )

        self.footer = StockFooter(self)
        self.summary_label = self.footer.summary_label
        self.legend_expired = self.footer.legend_expired

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(f.combo_row())
        layout.addWidget(self.stack, 1)
        layout.addLayout(self.footer.row())

        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self._focus_search)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh)

    # ------------------------------------------------------------------ state

    @property
    def view(self) -> StockView:
        return StockView(self.stack.currentIndex())

    def table(self, view: StockView | None = None) -> QTableView:
        return self.tables[self.view if view is None else view]

    def model_for(self, view: StockView) -> Any:
        return self.tables[view].model()

    def current_filter(self) -> StockFilter:
        return self.filters.current()

    def set_view(self, view: StockView) -> None:
        self.view_buttons[view].setChecked(True)
        self.stack.setCurrentIndex(int(view))
        if self._loaded[view] != self.current_filter():
            self._reload(view)
        self._show_summary()

    def apply_navigation(self, depot_code: str | None, category_code: str | None) -> None:
        """Show one depot and/or category, as chosen in the navigation pane."""
        self.depot_combo.set_current_code(depot_code)
        self.category_combo.set_current_code(category_code)
        self._filters_changed()

    def clear_filters(self) -> None:
        self.filters.clear()
        self._filters_changed()

    # ------------------------------------------------------------------ loading

    def refresh(self) -> None:
        """Reload the view on screen; the others reload when they are next shown."""
        self._tone.today = date.today()
        for view in StockView:
            self._loaded[view] = None
        self._reload(self.view)

    def _filters_changed(self) -> None:
        self._reload(self.view)

    def _next_generation(self, view: StockView) -> int:
        # A reply is applied only if no newer request for the same view was made since.
        self._generation[view] += 1
        return self._generation[view]

    def _reload(self, view: StockView) -> None:
        flt = self.current_filter()
        self._loaded[view] = flt
        generation = self._next_generation(view)
        self._summary_data.pop(view, None)
        if view == self.view:
            self.summary_label.setText(self.tr("正在查询…"))
        if view == StockView.LOT:
            self._reload_lots(flt, generation)
        else:
            self._reload_rows(view, flt, generation)

    def _reload_lots(self, flt: StockFilter, generation: int) -> None:
        uow, actor = self.ctx.uow, self.ctx.actor
        sort_key, descending = self._lot_sort

        def fetch(offset: int, limit: int, key: str | None, desc: bool) -> list[LotStockRow]:
            # Later pages, as the user scrolls: one indexed LIMIT/OFFSET query each.
            return stock_by_lot(
                uow,
                actor,
                flt,
                offset=offset,
                limit=limit,
                sort=key or DEFAULT_LOT_SORT[0],
                descending=desc,
            )

        def work(_task: TaskContext) -> tuple[int, list[LotStockRow]]:
            total = count_stock_by_lot(uow, actor, flt)
            return total, fetch(0, LOT_PAGE_SIZE, sort_key, descending)

        def done(result: tuple[int, list[LotStockRow]]) -> None:
            if generation != self._generation[StockView.LOT]:
                return
            total, first = result
            self._lot_source.show_first_page(
                self.lot_model, fetch, total, first, sort_key, descending
            )
            self._summary_data[StockView.LOT] = {"total": total}
            self._show_summary()
            self._load_lot_summary(flt, generation, total)

        self.ctx.tasks.run(
            work,
            on_done=done,
            on_error=self._on_error,
            progress_label=self.tr("正在查询库存…"),
            parent_widget=self,
        )

    def _load_lot_summary(self, flt: StockFilter, generation: int, total: int) -> None:
        """Expired / near-expiry counts and the value: after the rows, so they show first."""
        uow, actor, near_days = self.ctx.uow, self.ctx.actor, self._tone.near_days

        def work(_task: TaskContext) -> dict[str, Any]:
            return lot_counts(uow, actor, flt, near_days, total)

        def done(data: dict[str, Any]) -> None:
            if generation == self._generation[StockView.LOT]:
                self._summary_data[StockView.LOT] = data
                self._show_summary()

        self.ctx.tasks.run(
            work,
            on_done=done,
            on_error=self._on_error,
            progress_label=self.tr("正在统计过期批次…"),
            parent_widget=self,
        )

    def _reload_rows(self, view: StockView, flt: StockFilter, generation: int) -> None:
        uow, actor = self.ctx.uow, self.ctx.actor

        def work(_task: TaskContext) -> Sequence[Any]:
            return view_rows(uow, actor, view, flt)

        def done(rows: Sequence[Any]) -> None:
            if generation != self._generation[view]:
                return
            model = self.model_for(view)
            model.set_rows(rows)
            chosen = self._rows_sort.get(view)
            if chosen is not None:
                model.sort(*chosen)
            value = sum((row.value for row in rows), Decimal(0))
            data: dict[str, Any] = {"total": len(rows), "value": value}
            if view == StockView.DEPOT:
                data["depots"] = len({row.depot_code for row in rows})
            self._summary_data[view] = data
            self._show_summary()

        self.ctx.tasks.run(
            work,
            on_done=done,
            on_error=self._on_error,
            progress_label=self.tr("正在查询库存…"),
            parent_widget=self,
        )

    def _load_reference(self) -> None:
        uow, actor = self.ctx.uow, self.ctx.actor

        def work(_task: TaskContext) -> tuple[list[Any], list[Any], dict[str, str]]:
            return (
                reference_queries.depots(uow, actor),
                reference_queries.categories(uow),
                settings.get_settings(uow),
            )

        def done(result: tuple[list[Any], list[Any], dict[str, str]]) -> None:
            depots, categories, values = result
            self.filters.set_reference(depots, categories)
            try:
                near_days = int(values.get("near_expiry_days", NEAR_EXPIRY_DAYS))
            except ValueError:
                near_days = NEAR_EXPIRY_DAYS
            if near_days != self._tone.near_days:
                self._tone.near_days = near_days
                self.footer.retranslate_legend(self._tone.near_days)
                for table in self.tables.values():
                    table.viewport().update()
            # A depot asked for before the list arrived may not be offered (not visible).
            if self._loaded[self.view] != self.current_filter():
                self._reload(self.view)

        self.ctx.tasks.run(work, on_done=done, on_error=self._on_error)

    # ------------------------------------------------------------------ sorting

    def _on_sort(self, view: StockView, section: int, order: Qt.SortOrder) -> None:
        if view != StockView.LOT:
            self._rows_sort[view] = (section, order) if section >= 0 else None
            if section >= 0:
                self.model_for(view).sort(section, order)
            return
        columns = self.lot_model.columns
        key = columns[section].key if 0 <= section < len(columns) else None
        if key not in LOT_SORT_KEYS:
            # The database cannot sort on a computed column; keep the current order.
            current_key, current_desc = self._lot_sort
            set_sort_indicator(
                self.tables[StockView.LOT].horizontalHeader(),
                self.lot_model.column_index(current_key),
                current_desc,
            )
            return
        self._lot_sort = (key, order == Qt.SortOrder.DescendingOrder)
        self._reload(StockView.LOT)

    # ------------------------------------------------------------------ summary

    def _show_summary(self) -> None:
        data = self._summary_data.get(self.view)
        if data is not None:
            self.summary_label.setText(summary_text(self.view, data, self._tone.near_days))

    # ------------------------------------------------------------------ export

    def default_export_name(self) -> str:
        name = self.tr("库存")
        return f"{name}_{view_names()[self.view]}_{date.today():%Y%m%d}.xlsx"

    def export_to(self, path: str) -> None:
        """Write the current view with the current filters (every row) to ``path``."""
        view = self.view
        model = self.model_for(view)
        title = self.tr("库存（{view}）").format(view=view_names()[view])
        if view == StockView.LOT:
            uow, actor, flt = self.ctx.uow, self.ctx.actor, self.current_filter()
            key, desc = self._lot_sort

            def fetch_all() -> Sequence[Any]:
                return stock_by_lot(uow, actor, flt, sort=key, descending=desc)
        else:
            rows = model.rows()

            def fetch_all() -> Sequence[Any]:
                return rows

        export_in_background(self.ctx, self, path, title, model.columns, fetch_all, self._exported)

    # ------------------------------------------------------------------ language

    def retranslate(self) -> None:
        self.views.retranslate()
        self.refresh_button.setText(self.tr("刷新"))
        self.refresh_button.setToolTip(self.tr("重新读取库存（F5）"))
        self.export_button.setText(self.tr("导出 Excel…"))
        self.export_button.setToolTip(self.tr("把当前视图按当前筛选条件全部导出"))
        self.filters.retranslate()
        self.writeoff_button.retranslate()
        self.footer.retranslate_legend(self._tone.near_days)
        for model in (self.lot_model, self.item_model, self.depot_model, self.category_model):
            model.retranslate()
        self.views.apply_widths()
        self._show_summary()
