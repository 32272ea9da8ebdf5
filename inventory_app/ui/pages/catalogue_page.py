"""物资目录: the 14 categories and their items, searchable by name, code or pinyin initials."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.permissions import Action
from ...services import masterdata, reference_queries
from ...services.rows import CategoryRow, ItemRow
from ..context import AppContext
from ..dialogs.item_dialog import ItemDialog
from ..errors import show_domain_error
from ..models.table_models import RowsTableModel
from ..print_jobs import PrintJob, catalogue_job
from .catalogue_columns import (
    ITEM_WIDTHS,
    category_columns,
    category_name,
    item_columns,
)
from .masterdata_base import (
    INACTIVE,
    MasterDataPage,
    keep_sort,
    record_table,
    redraw,
)

SEARCH_DELAY_MS = 250  # wait for a pause in typing before asking the database
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter


__all__ = ["INACTIVE", "CataloguePage"]  # INACTIVE: tests and callers have always imported it here


class CataloguePage(MasterDataPage):
    """The catalogue: categories on the left, the selected category's items on the right."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._can_manage = ctx.can(Action.MANAGE_CATALOG)
        self._item_generation = 0  # drops results a newer search overtook
        self._category_generation = 0
        self._wanted_category: str | None = None  # "" = all items
        self._wanted_item: str | None = None

        self.category_model: RowsTableModel[CategoryRow] = RowsTableModel(category_columns(), self)
        self.item_model: RowsTableModel[ItemRow] = RowsTableModel(item_columns(), self)

        self.category_view = record_table(self.category_model)
        cat_header = self.category_view.horizontalHeader()
        cat_header.resizeSection(0, 40)
        cat_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        cat_header.resizeSection(2, 56)
        self.category_view.setMinimumWidth(190)
        self.category_view.selectionModel().selectionChanged.connect(self._category_selected)

        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(330)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._load_items)
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_edit.returnPressed.connect(self._search_now)
        self.count_label = QLabel()
        self.new_button = QPushButton()
        self.edit_button = QPushButton()
        self.toggle_button = QPushButton()
        self.new_button.clicked.connect(self.new_item)
        self.edit_button.clicked.connect(self.edit_item)
        self.toggle_button.clicked.connect(self.toggle_item)
        for button in (self.new_button, self.edit_button, self.toggle_button):
            # Planners and admins only; the services refuse everyone else anyway.
            button.setVisible(self._can_manage)

        self.item_view = record_table(self.item_model)
        self.item_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.item_view.setSortingEnabled(True)
        header = self.item_view.horizontalHeader()
        for position, column in enumerate(self.item_model.columns):
            header.resizeSection(position, ITEM_WIDTHS.get(column.key, 90))
        self.item_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.item_view.doubleClicked.connect(self._double_clicked)

        bar = QHBoxLayout()
        bar.addWidget(self.search_edit)
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        for button in (self.new_button, self.edit_button, self.toggle_button):
            bar.addWidget(button)
        bar.addWidget(self.export_button)
        bar.addWidget(self.print_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(bar)
        right_layout.addWidget(self.item_view, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.category_view)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 1140])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        ctx.events.master_data_changed.connect(self._refresh_when_visible)
        self.retranslate()
        self._update_buttons()

    # ------------------------------------------------------------------ contract

    def refresh(self) -> None:
        """Reload categories (with their counts) and then the items shown."""
        self._reload_on_show = False
        self._category_generation += 1
        generation = self._category_generation
        uow = self.ctx.uow
        self.ctx.tasks.run(
            lambda _task: reference_queries.categories(uow),
            on_done=lambda rows: self._categories_loaded(generation, rows),
            on_error=lambda error: show_domain_error(self, self.ctx, error, retry=self.refresh),
        )

    def apply_navigation(self, depot_code: str | None, category_code: str | None) -> None:
        """Show the category chosen in the navigation pane (the catalogue is not per depot)."""
        del depot_code
        self._wanted_category = category_code or ""
        if self.category_model.rowCount():
            self._select_category(self._wanted_category)

    def export_source(self) -> tuple[str, str, RowsTableModel[Any]]:
        return (self.tr("物资目录"), self.tr("物资目录"), self.item_model)

    def report_job(self) -> PrintJob:
        category = self.current_category()
        code = category.code if category is not None and category.code else None
        return catalogue_job(self.ctx, code, self.search_edit.text().strip())

    def retranslate(self) -> None:
        self._retranslate_export()
        self.search_edit.setPlaceholderText(
            self.tr("搜索：名称、编码、英文名或拼音首字母（如 mzp）")
        )
        self.new_button.setText(self.tr("新建物资…"))
        self.edit_button.setText(self.tr("编辑…"))
        self._fit_columns()
        for model in (self.category_model, self.item_model):
            model.retranslate()
            redraw(model)  # shelf life, reserve modes and status are translated when shown
        self._update_buttons()
        self._update_count()

    def _fit_columns(self) -> None:
        """Widen the starting widths where a header needs more (English is longer)."""
        metrics = self.item_view.fontMetrics()
        header = self.item_view.horizontalHeader()
        for position, column in enumerate(self.item_model.columns):
            needed = metrics.horizontalAdvance(column.header_text()) + 20
            header.resizeSection(position, max(ITEM_WIDTHS.get(column.key, 90), needed))

    # ------------------------------------------------------------------ loading

    def _categories_loaded(self, generation: int, rows: list[CategoryRow]) -> None:
        if generation != self._category_generation:
            return
        keep = self._wanted_category
        if keep is None:
            current = self.current_category()
            keep = current.code if current is not None else ""
        self._wanted_item = self._wanted_item or self._current_item_code()
        everything = CategoryRow(0, "", self.tr("全部物资"), "", sum(row.items for row in rows))
        self.category_model.set_rows([everything, *rows])
        if not self._select_category(keep):
            self._select_category("")
        self._load_items()

    def _select_category(self, code: str) -> bool:
        for position, row in enumerate(self.category_model.rows()):
            if row.code == code:
                # Selecting fires _category_selected, which reloads the items.
                self.category_view.selectRow(position)
                self._wanted_category = None
                return True
        return False

    def current_category(self) -> CategoryRow | None:
        rows = self.category_view.selectionModel().selectedRows()
        return self.category_model.row_at(rows[0]) if rows else None

    def current_item(self) -> ItemRow | None:
        rows = self.item_view.selectionModel().selectedRows()
        return self.item_model.row_at(rows[0]) if rows else None

    def _current_item_code(self) -> str | None:
        item = self.current_item()
        return item.code if item is not None else None

    def _category_selected(self, *_args: QItemSelection) -> None:
        self._load_items()

    def _search_now(self) -> None:
        self._search_timer.stop()
        self._load_items()

    def _load_items(self) -> None:
        self._search_timer.stop()
        self._item_generation += 1
        generation = self._item_generation
        category = self.current_category()
        category_code = category.code if category is not None and category.code else None
        text = self.search_edit.text().strip()
        uow = self.ctx.uow
        keep = self._wanted_item or self._current_item_code()

        def work(_task: object) -> list[ItemRow]:
            return reference_queries.items(uow, category_code=category_code, text=text)

        def done(rows: list[ItemRow]) -> None:
            if generation != self._item_generation:
                return
            self.item_model.set_rows(rows)
            keep_sort(self.item_view, self.item_model)
            self._wanted_item = None
            for position, row in enumerate(self.item_model.rows()):
                if row.code == keep:
                    self.item_view.selectRow(position)
                    self.item_view.scrollTo(self.item_model.index(position, 0))
            self._update_count()
            self._update_buttons()

        self.ctx.tasks.run(
            work, on_done=done, on_error=lambda error: show_domain_error(self, self.ctx, error)
        )

    # ------------------------------------------------------------------ labels and buttons

    def _update_count(self) -> None:
        rows = self.item_model.rows()
        inactive = sum(1 for row in rows if not row.active)
        category = self.current_category()
        scope = category_name(category) if category is not None else self.tr("全部物资")
        if self.search_edit.text().strip():
            text = self.tr("在“%1”中找到 %n 种物资", "", len(rows)).replace("%1", scope)
            if not rows and category is not None and category.code:
                text += self.tr("；可选择“全部物资”在所有类别中搜索")
        elif category is not None and category.code:
            text = self.tr("%1：共 %n 种物资", "", len(rows)).replace("%1", scope)
        else:
            text = self.tr("共 %n 种物资", "", len(rows))
        if inactive:
            text += self.tr("（%n 种已停用）", "", inactive)
        self.count_label.setText(text)

    def _update_buttons(self, *_args: QItemSelection) -> None:
        item = self.current_item()
        self.edit_button.setEnabled(item is not None)
        self.toggle_button.setEnabled(item is not None)
        self.toggle_button.setText(
            self.tr("启用", "button")
            if item is not None and not item.active
            else self.tr("停用", "button")
        )

    # ------------------------------------------------------------------ actions

    def _double_clicked(self) -> None:
        if self._can_manage:
            self.edit_item()

    def new_item(self) -> None:
        category = self.current_category()
        self._open_dialog(None, category.code if category is not None and category.code else None)

    def edit_item(self) -> None:
        item = self.current_item()
        if item is not None:
            self._open_dialog(item, item.category_code)

    def _open_dialog(self, item: ItemRow | None, category_code: str | None) -> None:
        self._show_dialog(
            ItemDialog(self.ctx, self, item=item, category_code=category_code), self._remember
        )

    def _remember(self, code: str | None) -> None:
        self._wanted_item = code
        if not self.isVisible():
            self.refresh()

    def toggle_item(self) -> None:
        item = self.current_item()
        if item is None:
            return
        activate = not item.active
        if not activate and not self._confirm(
            self.tr(
                "停用物资“%1”？\n停用后不能再入库；已有库存和历史记录不受影响，以后可以重新启用。"
            ).replace("%1", f"{item.code} {item.name}")
        ):
            return
        uow, actor, code = self.ctx.uow, self.ctx.actor, item.code
        self._wanted_item = code
        self._post(
            lambda: masterdata.set_item_active(uow, actor, code, activate), self.toggle_button
        )
