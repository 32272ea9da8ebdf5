"""仓库与库位: the depots, their facts and contacts, and the storage locations of each."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, Qt
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
from ...services.rows import DepotRow, LocationRow
from ..context import AppContext
from ..dialogs.depot_dialog import DepotDialog
from ..dialogs.location_dialog import LocationDialog
from ..errors import show_domain_error
from ..models.table_models import ROW_ROLE, RowsTableModel
from ..print_jobs import PrintJob, depots_job
from .depots_columns import (
    DEPOT_WIDTHS,
    FilterProxy,
    depot_columns,
    fit_depot_columns,
    location_columns,
)
from .depots_detail import DepotDetails
from .masterdata_base import (
    INACTIVE,
    MasterDataPage,
    keep_sort,
    record_table,
    redraw,
)

__all__ = ["INACTIVE", "DepotsPage"]  # INACTIVE: tests and callers have always imported it here


class DepotsPage(MasterDataPage):
    """The depot register: who owns each depot, where it is, whom to call, and its locations."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._can_manage = ctx.can(Action.MANAGE_DEPOTS)
        self._generation = 0  # drops results of a refresh that a newer one overtook
        self._location_generation = 0
        self._wanted_code: str | None = None  # select this depot once the rows arrive
        self._wanted_location: str | None = None  # and this location of it

        self.depot_model: RowsTableModel[DepotRow] = RowsTableModel(depot_columns(), self)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.depot_model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.location_model: RowsTableModel[LocationRow] = RowsTableModel(location_columns(), self)

        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(300)
        self.search_edit.textChanged.connect(self._filter_changed)
        self.count_label = QLabel()
        self.new_button = QPushButton()
        self.edit_button = QPushButton()
        self.toggle_button = QPushButton()
        self.new_button.clicked.connect(self.new_depot)
        self.edit_button.clicked.connect(self.edit_depot)
        self.toggle_button.clicked.connect(self.toggle_depot)

        self.depot_view = record_table(self.proxy)
        self.depot_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.depot_view.setSortingEnabled(True)
        header = self.depot_view.horizontalHeader()
        for position, column in enumerate(self.depot_model.columns):
            header.resizeSection(position, DEPOT_WIDTHS.get(column.key, 100))
        header.setStretchLastSection(False)
        self.depot_view.selectionModel().selectionChanged.connect(self._depot_selected)
        self.depot_view.doubleClicked.connect(self._double_clicked)

        self.location_title = QLabel()
        self.location_title.setStyleSheet("font-weight: bold;")
        self.new_location_button = QPushButton()
        self.toggle_location_button = QPushButton()
        self.new_location_button.clicked.connect(self.new_location)
        self.toggle_location_button.clicked.connect(self.toggle_location)
        self.location_view = record_table(self.location_model)
        loc_header = self.location_view.horizontalHeader()
        loc_header.resizeSection(0, 100)
        loc_header.resizeSection(1, 200)
        loc_header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.location_view.selectionModel().selectionChanged.connect(self._update_buttons)

        top_bar = QHBoxLayout()
        top_bar.addWidget(self.search_edit)
        top_bar.addWidget(self.count_label)
        top_bar.addStretch(1)
        for button in (self.new_button, self.edit_button, self.toggle_button):
            top_bar.addWidget(button)
        top_bar.addWidget(self.export_button)
        top_bar.addWidget(self.print_button)

        location_bar = QHBoxLayout()
        location_bar.addWidget(self.location_title)
        location_bar.addStretch(1)
        location_bar.addWidget(self.new_location_button)
        location_bar.addWidget(self.toggle_location_button)
        location_box = QWidget()
        location_layout = QVBoxLayout(location_box)
        location_layout.setContentsMargins(0, 6, 0, 0)
        location_layout.addLayout(location_bar)
        location_layout.addWidget(self.location_view)

        # Long names, addresses and notes do not fit the table: the details show them whole.
        self.details = DepotDetails()
        self.details_title, self.detail_labels = self.details.title, self.details.values

        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(location_box)
        bottom.addWidget(self.details)
        bottom.setSizes([560, 780])
        bottom.setChildrenCollapsible(False)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.depot_view)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top_bar)
        layout.addWidget(splitter, 1)

        for button in (
            self.new_button,
            self.edit_button,
            self.toggle_button,
            self.new_location_button,
            self.toggle_location_button,
        ):
            # Admins only; others see the register read-only (the services refuse anyway).
            button.setVisible(self._can_manage)

        # A hidden page only notes a change; it reloads when it is shown again.
        ctx.events.master_data_changed.connect(self._refresh_when_visible)
        ctx.events.stock_changed.connect(self._refresh_when_visible)  # 在库批次 follows the stock
        self.retranslate()
        self._update_buttons()

    # ------------------------------------------------------------------ contract

    def refresh(self) -> None:
        """Reload the depots (and the selected depot's locations) in the background."""
        self._reload_on_show = False
        self._generation += 1
        generation = self._generation
        uow, actor = self.ctx.uow, self.ctx.actor

        def work(_task: object) -> list[DepotRow]:
            return reference_queries.depots(uow, actor, include_inactive=True)

        self.ctx.tasks.run(
            work,
            on_done=lambda rows: self._depots_loaded(generation, rows),
            on_error=lambda error: show_domain_error(self, self.ctx, error, retry=self.refresh),
        )

    def apply_navigation(self, depot_code: str | None, category_code: str | None) -> None:
        """Select the depot chosen in the navigation pane (categories do not apply here)."""
        del category_code
        if depot_code:
            self._wanted_code = depot_code
            self._select_code(depot_code)

    def export_source(self) -> tuple[str, str, RowsTableModel[Any]]:
        return (self.tr("仓库"), self.tr("仓库名录"), self.depot_model)

    def report_job(self) -> PrintJob:
        return depots_job(self.ctx, self.search_edit.text())

    def retranslate(self) -> None:
        self._retranslate_export()
        self.search_edit.setPlaceholderText(self.tr("筛选：名称、编码、区划、权属单位、联系人"))
        self.new_button.setText(self.tr("新建仓库…"))
        self.edit_button.setText(self.tr("编辑…"))
        self.new_location_button.setText(self.tr("新建库位…"))
        self.details.retranslate()
        self.depot_model.retranslate()
        self.location_model.retranslate()
        fit_depot_columns(self.depot_view, self.depot_model.columns)
        for model in (self.depot_model, self.location_model):
            redraw(model)  # type, level and status are translated when shown
        self._update_buttons()
        self._update_counts()

    # ------------------------------------------------------------------ loading

    def _depots_loaded(self, generation: int, rows: list[DepotRow]) -> None:
        if generation != self._generation:
            return
        current = self.current_depot()
        keep = self._wanted_code or (current.code if current is not None else None)
        self.depot_model.set_rows(rows)
        keep_sort(self.depot_view, self.depot_model)
        self._update_counts()
        if not (keep and self._select_code(keep)) and self.proxy.rowCount():
            self.depot_view.selectRow(0)
        self._depot_selected()

    def _select_code(self, code: str) -> bool:
        for proxy_row in range(self.proxy.rowCount()):
            row = self.proxy.index(proxy_row, 0).data(ROW_ROLE)
            if isinstance(row, DepotRow) and row.code == code:
                self.depot_view.selectRow(proxy_row)
                self.depot_view.scrollTo(self.proxy.index(proxy_row, 0))
                self._wanted_code = None
                return True
        return False

    def current_depot(self) -> DepotRow | None:
        rows = self.depot_view.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].data(ROW_ROLE)
        return row if isinstance(row, DepotRow) else None

    def current_location(self) -> LocationRow | None:
        rows = self.location_view.selectionModel().selectedRows()
        return self.location_model.row_at(rows[0]) if rows else None

    def _depot_selected(self, *_args: QItemSelection) -> None:
        self._update_buttons()
        self._load_locations()

    def _load_locations(self) -> None:
        depot = self.current_depot()
        self._location_generation += 1
        generation = self._location_generation
        if depot is None:
            self.location_model.set_rows([])
            self._update_location_title()
            return
        uow, code = self.ctx.uow, depot.code
        location = self.current_location()
        keep = self._wanted_location or (location.code if location is not None else None)

        def work(_task: object) -> list[LocationRow]:
            return reference_queries.locations(uow, code, include_inactive=True)

        def done(rows: list[LocationRow]) -> None:
            if generation != self._location_generation:
                return
            self.location_model.set_rows(rows)
            for position, row in enumerate(rows):
                if row.code == keep:
                    self.location_view.selectRow(position)
            self._wanted_location = None
            self._update_location_title()
            self._update_buttons()

        self.ctx.tasks.run(
            work, on_done=done, on_error=lambda error: show_domain_error(self, self.ctx, error)
        )

    # ------------------------------------------------------------------ labels and buttons

    def _filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._update_counts()

    def _update_counts(self) -> None:
        rows = self.depot_model.rows()
        active = sum(1 for row in rows if row.active)
        text = self.tr("共 %n 个仓库", "", len(rows))
        if active != len(rows):
            text += self.tr("，其中 %n 个已停用", "", len(rows) - active)
        if self.proxy.rowCount() != len(rows):
            text += self.tr("（筛选后显示 %n 个）", "", self.proxy.rowCount())
        self.count_label.setText(text)

    def _update_location_title(self) -> None:
        depot = self.current_depot()
        if depot is None:
            self.location_title.setText(self.tr("库位（请先选择仓库）"))
            return
        count = self.location_model.rowCount()
        self.location_title.setText(
            self.tr("%1 的库位（%2 个）").replace("%1", depot.name).replace("%2", str(count))
        )

    def _update_buttons(self, *_args: QItemSelection) -> None:
        depot = self.current_depot()
        self.details.show_depot(depot)
        location = self.current_location()
        self.edit_button.setEnabled(depot is not None)
        self.toggle_button.setEnabled(depot is not None)
        self.toggle_button.setText(
            self.tr("启用", "button")
            if depot is not None and not depot.active
            else self.tr("停用", "button")
        )
        self.new_location_button.setEnabled(depot is not None)
        self.toggle_location_button.setEnabled(location is not None)
        self.toggle_location_button.setText(
            self.tr("启用库位")
            if location is not None and not location.active
            else self.tr("停用库位")
        )
        self._update_location_title()

    # ------------------------------------------------------------------ actions

    def _double_clicked(self) -> None:
        if self._can_manage:
            self.edit_depot()

    def new_depot(self) -> None:
        self._open_depot_dialog(None)

    def edit_depot(self) -> None:
        depot = self.current_depot()
        if depot is not None:
            self._open_depot_dialog(depot)

    def _open_depot_dialog(self, depot: DepotRow | None) -> None:
        self._show_dialog(DepotDialog(self.ctx, self, depot=depot), self._remember)

    def _remember(self, code: str | None) -> None:
        self._wanted_code = code
        if not self.isVisible():
            self.refresh()  # shown or not, the row to select must be there when it is

    def toggle_depot(self) -> None:
        depot = self.current_depot()
        if depot is None:
            return
        activate = not depot.active
        if activate:
            question = self.tr("启用仓库“%1”？启用后可重新办理入库、出库。").replace(
                "%1", depot.name
            )
        else:
            question = self.tr(
                "停用仓库“%1”？\n停用后不能再在该仓库办理入库、出库；"
                "仓库不会删除，历史记录和单据仍可查询，以后可以重新启用。"
            ).replace("%1", depot.name)
            if depot.lots:
                question += "\n\n" + self.tr("注意：该仓库仍有 %n 个在库批次。", "", depot.lots)
        if not self._confirm(question):
            return
        uow, actor, code = self.ctx.uow, self.ctx.actor, depot.code
        self._wanted_code = code
        self._post(
            lambda: masterdata.set_depot_active(uow, actor, code, activate),
            self.toggle_button,
            self.toggle_location_button,
        )

    def new_location(self) -> None:
        depot = self.current_depot()
        if depot is None:
            return
        self._show_dialog(
            LocationDialog(self.ctx, self, depot_code=depot.code, depot_name=depot.name),
            self._remember_location,
        )

    def _remember_location(self, code: str | None) -> None:
        # The depot list reloads too (master_data_changed); whichever load comes last
        # must still select the new location.
        self._wanted_location = code
        self._load_locations()

    def toggle_location(self) -> None:
        depot, location = self.current_depot(), self.current_location()
        if depot is None or location is None:
            return
        activate = not location.active
        if not activate:
            question = self.tr(
                "停用库位“%1”？\n停用后入库时不能再选择该库位；已在此库位的批次和历史记录不受影响。"
            ).replace("%1", location.code)
            if not self._confirm(question):
                return
        uow, actor = self.ctx.uow, self.ctx.actor
        depot_code, code = depot.code, location.code
        self._post(
            lambda: masterdata.set_location_active(
                uow, actor, depot=depot_code, code=code, active=activate
            ),
            self.toggle_button,
            self.toggle_location_button,
        )
