"""库存 page: stock by lot (paged, sorted in SQL), by item, by depot and by category."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services import reference_queries, settings
from ...services.rows import CategoryStockRow, ItemStockRow, LotStockRow
from ...services.stock_queries import (
    LOT_SORT_KEYS,
    NEAR_EXPIRY_DAYS,
    StockFilter,
    count_stock_by_lot,
    stock_by_category,
    stock_by_item,
    stock_by_lot,
)
from ..context import AppContext
from ..models.table_models import LazyTableModel, RowsTableModel, format_money
from ..tasks import TaskContext
from ..widgets.filter_bar import (
    CodeCombo,
    PagedSource,
    SearchEdit,
    add_labelled,
    export_in_background,
    legend_item,
    set_sort_indicator,
)
from .page_base import QueryPage, query_table
from .stock_columns import (
    EXPIRED_BG,
    EXPIRED_FG,
    NEAR_BG,
    NEAR_FG,
    WIDTH_SAMPLES,
    ExpiryTone,
    StockView,
    category_columns,
    expiry_choices,
    item_columns,
    level_names,
    lot_columns,
    reserve_mode_names,
    view_names,
)

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
        self.view_group = QButtonGroup(self)
        self.view_group.setExclusive(True)
        self.view_buttons: dict[StockView, QPushButton] = {}
        switch = QHBoxLayout()
        switch.setSpacing(0)
        for view in StockView:
            button = QPushButton(self)
            button.setCheckable(True)
            button.setMinimumWidth(76)
            self.view_group.addButton(button, int(view))
            self.view_buttons[view] = button
            switch.addWidget(button)
        self.view_buttons[StockView.LOT].setChecked(True)
        self.view_group.idClicked.connect(lambda view_id: self.set_view(StockView(view_id)))

        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.export_excel)

        self.search = SearchEdit(self)
        self.search.setMinimumWidth(260)
        self.search.debounced.connect(lambda _text: self._filters_changed())
        self.depot_combo = CodeCombo(self, min_chars=13)
        self.category_combo = CodeCombo(self, fit_contents=True)
        self.expiry_combo = CodeCombo(self, fit_contents=True)
        self.mode_combo = CodeCombo(self, fit_contents=True)
        self.level_combo = CodeCombo(self, fit_contents=True)
        for combo in (
            self.depot_combo,
            self.category_combo,
            self.expiry_combo,
            self.mode_combo,
            self.level_combo,
        ):
            combo.changed.connect(self._filters_changed)
        self.clear_button = QPushButton(self)
        self.clear_button.clicked.connect(self.clear_filters)

        self.search_label = QLabel(self)
        self.depot_label = QLabel(self)
        self.category_label = QLabel(self)
        self.expiry_label = QLabel(self)
        self.mode_label = QLabel(self)
        self.level_label = QLabel(self)

        # Two rows, so the bar fits beside the navigation pane even in English.
        top = QHBoxLayout()
        top.addLayout(switch)
        top.addSpacing(16)
        top.addWidget(self.search_label)
        top.addWidget(self.search)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.export_button)

        filters = QHBoxLayout()
        filters.setSpacing(6)
        add_labelled(
            filters,
            (
                (self.depot_label, self.depot_combo),
                (self.category_label, self.category_combo),
                (self.expiry_label, self.expiry_combo),
                (self.mode_label, self.mode_combo),
                (self.level_label, self.level_combo),
            ),
            gap=8,
        )
        filters.addWidget(self.clear_button)
        filters.addStretch(1)
        self.search_label.setBuddy(self.search)

        self.stack = QStackedWidget(self)
        self.tables: dict[StockView, QTableView] = {}
        for view, model in (
            (StockView.LOT, self.lot_model),
            (StockView.ITEM, self.item_model),
            (StockView.DEPOT, self.depot_model),
            (StockView.CATEGORY, self.category_model),
        ):
            table = self._make_table(model)
            table.horizontalHeader().sortIndicatorChanged.connect(
                lambda section, order, v=view: self._on_sort(v, section, order)
            )
            self.tables[view] = table
            self.stack.addWidget(table)
        set_sort_indicator(
            self.tables[StockView.LOT].horizontalHeader(),
            self.lot_model.column_index(DEFAULT_LOT_SORT[0]),
            descending=False,
        )

        self.summary_label = QLabel(self)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.legend_title = QLabel(self)
        self.legend_expired = legend_item("", EXPIRED_BG, EXPIRED_FG, self)
        self.legend_near = legend_item("", NEAR_BG, NEAR_FG, self)
        footer = QHBoxLayout()
        footer.addWidget(self.summary_label, 1)
        footer.addWidget(self.legend_title)
        footer.addWidget(self.legend_expired)
        footer.addWidget(self.legend_near)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)
        layout.addLayout(footer)

        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self._focus_search)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh)

    def _make_table(self, model: Any) -> QTableView:
        table = query_table(
            self,
            model,
            selection=QAbstractItemView.SelectionMode.ExtendedSelection,
            stretch_last=False,
        )
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        return table

    def _apply_widths(self) -> None:
        """Width per column from a typical value, so nothing important is cut off."""
        metrics = self.fontMetrics()
        for view, table in self.tables.items():
            header = table.horizontalHeader()
            for section, column in enumerate(self.model_for(view).columns):
                sample = WIDTH_SAMPLES.get(column.key, "一二三四五")
                if view == StockView.CATEGORY and column.key == "category_name":
                    sample = "一二三四五六七八九十"
                width = max(
                    metrics.horizontalAdvance(sample),
                    metrics.horizontalAdvance(column.header_text()) + 14,
                )
                header.resizeSection(section, width + 18)

    # ------------------------------------------------------------------ state

    @property
    def view(self) -> StockView:
        return StockView(self.stack.currentIndex())

    def table(self, view: StockView | None = None) -> QTableView:
        return self.tables[self.view if view is None else view]

    def model_for(self, view: StockView) -> Any:
        return self.tables[view].model()

    def current_filter(self) -> StockFilter:
        depot = self.depot_combo.current_code()
        expiry = self.expiry_combo.current_code()
        return StockFilter(
            depot_codes=(depot,) if depot else (),
            category_code=self.category_combo.current_code(),
            text=self.search.value(),
            expiring_within_days=expiry if isinstance(expiry, int) else None,
            expired_only=expiry == "expired",
            reserve_mode=self.mode_combo.current_code(),
            owner_level=self.level_combo.current_code(),
        )

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
        self.search.set_value("")
        for combo in (
            self.depot_combo,
            self.category_combo,
            self.expiry_combo,
            self.mode_combo,
            self.level_combo,
        ):
            combo.set_current_code(None)
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
            expired = count_stock_by_lot(
                uow, actor, replace(flt, expired_only=True, expiring_within_days=None)
            )
            if flt.expired_only:
                near = 0
            else:
                window = min(near_days, flt.expiring_within_days or near_days)
                near = (
                    count_stock_by_lot(uow, actor, replace(flt, expiring_within_days=window))
                    - expired
                )
            # Two indexed counts only: a value total would aggregate every lot, which at
            # 100,000 lots takes long enough to bring up a progress dialog after the rows.
            return {"total": total, "expired": expired, "near": near}

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
            if view == StockView.CATEGORY:
                return stock_by_category(uow, actor, flt)
            rows = stock_by_item(uow, actor, flt, per_depot=view == StockView.DEPOT)
            if view == StockView.DEPOT:
                rows.sort(key=lambda r: (r.depot_code, r.item_code))
            return rows

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
            self._depots = depots
            self._categories = categories
            self._fill_reference_combos()
            try:
                near_days = int(values.get("near_expiry_days", NEAR_EXPIRY_DAYS))
            except ValueError:
                near_days = NEAR_EXPIRY_DAYS
            if near_days != self._tone.near_days:
                self._tone.near_days = near_days
                self._retranslate_legend()
                for table in self.tables.values():
                    table.viewport().update()
            # A depot asked for before the list arrived may not be offered (not visible).
            if self._loaded[self.view] != self.current_filter():
                self._reload(self.view)

        self.ctx.tasks.run(work, on_done=done, on_error=self._on_error)

    def _fill_reference_combos(self) -> None:
        depots = getattr(self, "_depots", [])
        categories = getattr(self, "_categories", [])
        self.depot_combo.set_entries(
            self.tr("全部仓库"),
            [
                (d.code, d.name if d.active else self.tr("{0}（已停用）").format(d.name))
                for d in depots
            ],
        )
        self.category_combo.set_entries(
            self.tr("全部类别"),
            [(c.code, f"{c.code} {self._category_name(c)}") for c in categories],
        )

    def _category_name(self, category: Any) -> str:
        english = self.ctx.lang == "en" and category.name_en
        return str(category.name_en) if english else str(category.name)

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
        if data is None:
            return
        total = f"{data['total']:,}"
        if self.view == StockView.LOT:
            text = self.tr("共 {0} 个批次").format(total)
            if "expired" in data:
                if data["expired"] or data["near"]:
                    text += self.tr("，其中已过期 {0} 个，{1} 天内到期 {2} 个").format(
                        f"{data['expired']:,}", self._tone.near_days, f"{data['near']:,}"
                    )
                else:
                    text += self.tr("，没有已过期或 {0} 天内到期的批次").format(
                        self._tone.near_days
                    )
        elif self.view == StockView.ITEM:
            text = self.tr("共 {0} 种物资，金额合计 {1}").format(total, format_money(data["value"]))
        elif self.view == StockView.DEPOT:
            text = self.tr("{0} 个仓库共 {1} 行，金额合计 {2}").format(
                f"{data['depots']:,}", total, format_money(data["value"])
            )
        else:
            text = self.tr("共 {0} 个类别，金额合计 {1}").format(total, format_money(data["value"]))
        self.summary_label.setText(text)

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
        for view, name in view_names().items():
            self.view_buttons[view].setText(name)
        self.refresh_button.setText(self.tr("刷新"))
        self.refresh_button.setToolTip(self.tr("重新读取库存（F5）"))
        self.export_button.setText(self.tr("导出 Excel…"))
        self.export_button.setToolTip(self.tr("把当前视图按当前筛选条件全部导出"))
        self.search_label.setText(self.tr("查找(&F)"))
        self.search.setPlaceholderText(self.tr("名称、编码、拼音首字母或批号"))
        self.search.setToolTip(self.tr("例如：棉帐篷、050101、mzp（棉帐篷的拼音首字母）或批号"))
        self.depot_label.setText(self.tr("仓库(&D)"))
        self.category_label.setText(self.tr("类别"))
        self.expiry_label.setText(self.tr("有效期"))
        self.expiry_combo.setToolTip(self.tr("“N 天内到期”也包括已过期的批次"))
        self.mode_label.setText(self.tr("储备方式"))
        self.level_label.setText(self.tr("权属级别"))
        self.clear_button.setText(self.tr("清除筛选"))
        self.expiry_combo.set_entries(self.tr("全部"), expiry_choices())
        self.mode_combo.set_entries(self.tr("全部"), reserve_mode_names())
        self.level_combo.set_entries(self.tr("全部"), level_names())
        self._fill_reference_combos()
        self._retranslate_legend()
        for model in (self.lot_model, self.item_model, self.depot_model, self.category_model):
            model.retranslate()
        self._apply_widths()
        self._show_summary()

    def _retranslate_legend(self) -> None:
        self.legend_title.setText(self.tr("颜色："))
        self.legend_expired.setText(self.tr("已过期"))
        self.legend_near.setText(self.tr("{0} 天内到期").format(self._tone.near_days))
