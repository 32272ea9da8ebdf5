"""盘点 page: counts of the depots on top, the selected count's lines and variances below."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.model import DocState
from ...domain.permissions import Action
from ...domain.quantities import fen_to_yuan
from ...services import count_queries, reference_queries
from ...services.count_queries import CountDetail, CountLineRow, CountRow
from ...services.rows import CategoryRow
from ..context import AppContext
from ..errors import show_domain_error
from ..models.table_models import RowsTableModel, format_money
from ..widgets.depot_combo import DepotCombo
from .counts_actions import CountActions
from .counts_columns import count_columns, line_columns
from .page_base import query_table

# Action buttons and the count states they apply to.
BUTTON_STATES = {
    "sheets": None,
    "export": (DocState.COUNTING,),
    "import": (DocState.COUNTING,),
    "enter": (DocState.COUNTING,),
    "found": (DocState.COUNTING,),
    "submit": (DocState.COUNTING,),
    "recount": (DocState.ENTERED,),
    "approve": (DocState.ENTERED,),
    "cancel": (DocState.COUNTING, DocState.ENTERED),
    "print": None,
    "cards": None,
    "history": None,
}

# Buttons that change the count, and the right each needs (the others only read).
BUTTON_RIGHTS = {
    **dict.fromkeys(("export", "import", "enter", "found", "submit", "recount"), Action.COUNT),
    "cancel": Action.COUNT,
    "approve": Action.APPROVE_COUNT,
}


class CountsPage(CountActions):
    """Open a count, print its sheets, take the workbook out and back, review, approve."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, load_when_shown=True)
        self._generation = 0
        self._wanted: str | None = None
        self._busy = False
        self.detail: CountDetail | None = None
        self.model: RowsTableModel[CountRow] = RowsTableModel(count_columns(), self)
        self.lines: RowsTableModel[CountLineRow] = RowsTableModel(line_columns(), self)
        self._build_ui()
        self.retranslate()
        ctx.events.stock_changed.connect(self._refresh_when_visible)

    def _build_ui(self) -> None:
        self.depot_caption = QLabel(self)
        self.depot_combo = DepotCombo(self.ctx, Action.COUNT, self)
        self.category_combo = QComboBox(self)
        self.locations_edit = QLineEdit(self)
        self.locations_edit.setMaximumWidth(220)
        self.blind_check = QCheckBox(self)
        self.open_button = QPushButton(self)
        self.open_button.clicked.connect(self.open_count)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        may_count = self.ctx.can(Action.COUNT)
        scope = (
            self.depot_caption,
            self.depot_combo,
            self.category_combo,
            self.locations_edit,
            self.blind_check,
            self.open_button,
        )
        top = QHBoxLayout()
        for widget in scope:
            widget.setVisible(may_count)
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.refresh_button)

        single = QAbstractItemView.SelectionMode.SingleSelection
        self.table = query_table(self, self.model, selection=single, stretch_last=True)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selected())
        many = QAbstractItemView.SelectionMode.ExtendedSelection
        self.line_table = query_table(self, self.lines, selection=many, stretch_last=True)
        self.line_table.doubleClicked.connect(lambda _i: self.enter_count())
        self.line_table.selectionModel().selectionChanged.connect(lambda *_a: self._update())

        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for n, (key, handler) in enumerate(self.handlers().items()):
            button = QPushButton(self)
            button.setObjectName(f"count_{key}")
            button.clicked.connect(handler)
            grid.addWidget(button, n // 6, n % 6)
            self.buttons[key] = button
        self.header_label = QLabel(self)
        self.header_label.setWordWrap(True)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.header_label)
        lower_layout.addLayout(grid)
        lower_layout.addWidget(self.line_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([150, 500])
        self.summary_label = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary_label)
        self._update()

    # ------------------------------------------------------------------ loading

    def _fill_categories(self, rows: list[CategoryRow]) -> None:
        current = self.category_combo.currentData()
        self.category_combo.clear()
        self.category_combo.addItem(self.tr("全部类别"), None)
        for row in rows:
            self.category_combo.addItem(f"{row.code} {row.name}", row.code)
        self.category_combo.setCurrentIndex(max(self.category_combo.findData(current), 0))

    def scope(self) -> tuple[str | None, list[str]]:
        """The category and the locations the next count covers (none: the whole depot)."""
        text = self.locations_edit.text().replace("，", ",")
        return self.category_combo.currentData(), [p.strip() for p in text.split(",") if p.strip()]

    def refresh(self) -> None:
        self._generation += 1
        generation, ctx = self._generation, self.ctx
        current = self.selected_count()
        if self._wanted is None and current is not None:
            self._wanted = current.doc_no
        self.summary_label.setText(self.tr("正在查询…"))

        def loaded(rows: list[CountRow]) -> None:
            if generation != self._generation:
                return
            self.model.set_rows(rows)
            self.table.resizeColumnsToContents()
            self.summary_label.setText(self.tr("共 {0} 张盘点单").format(len(rows)))
            wanted, self._wanted = self._wanted, None
            position = next((i for i, r in enumerate(rows) if r.doc_no == wanted), None)
            if position is not None:
                self.table.selectRow(position)
            else:
                self._selected()

        if self.category_combo.count() == 0:
            ctx.tasks.run(
                lambda _task: reference_queries.categories(ctx.uow),
                on_done=self._fill_categories,
                on_error=self.failed,
                show_progress=False,
            )
        ctx.tasks.run(
            lambda _task: count_queries.list_counts(ctx.uow, ctx.actor),
            on_done=loaded,
            on_error=self.failed,
            show_progress=False,
        )

    def failed(self, error: BaseException) -> None:
        self.summary_label.setText("")
        self._busy = False
        self._update()
        show_domain_error(self, self.ctx, error)

    def selected_count(self) -> CountRow | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.row_at(index)

    def selected_lines(self) -> list[CountLineRow]:
        rows = self.line_table.selectionModel().selectedRows()
        found = [self.lines.row_at(index) for index in rows]
        return sorted((r for r in found if r is not None), key=lambda r: r.line_no)

    def _selected(self) -> None:
        row = self.selected_count()
        if row is None:
            self.show_detail(None)
            return
        doc_no, ctx = row.doc_no, self.ctx

        def done(detail: CountDetail) -> None:
            current = self.selected_count()
            if current is not None and current.doc_no == detail.doc_no:
                self.show_detail(detail)

        ctx.tasks.run(
            lambda _task: count_queries.count_detail(ctx.uow, ctx.actor, doc_no),
            on_done=done,
            on_error=self.failed,
            show_progress=False,
        )

    def show_detail(self, detail: CountDetail | None) -> None:
        self.detail = detail
        hide_book = detail is not None and detail.blind and detail.state == DocState.COUNTING
        if [c.key for c in self.lines.columns] != [c.key for c in line_columns(hide_book)]:
            self.lines = RowsTableModel(line_columns(hide_book), self)
            self.line_table.setModel(self.lines)
            self.line_table.selectionModel().selectionChanged.connect(lambda *_a: self._update())
        self.lines.set_rows(list(detail.lines) if detail else [])
        self.line_table.resizeColumnsToContents()
        if detail is None:
            self.header_label.setText("")
        else:
            self.header_label.setText(
                self.tr(
                    "{doc}　{depot}　范围：{scope}　快照：{at:%Y-%m-%d %H:%M}　差异金额：{value}"
                ).format(
                    doc=detail.doc_no,
                    depot=detail.depot_name,
                    scope=detail.scope,
                    at=detail.snapshot_at,
                    value=format_money(fen_to_yuan(detail.variance_fen)) if not hide_book else "—",
                )
            )
        self._update()

    def _update(self) -> None:
        state = self.detail.state if self.detail else None
        for key, button in self.buttons.items():
            states = BUTTON_STATES[key]
            allowed = self.detail is not None and not self._busy
            allowed = allowed and (states is None or state in states)
            if key in ("enter", "recount"):
                allowed = allowed and bool(self.selected_lines())
            if key in BUTTON_RIGHTS:
                allowed = allowed and self.ctx.can(BUTTON_RIGHTS[key])
            button.setEnabled(allowed)
        self.open_button.setEnabled(not self._busy and self.depot_combo.current_depot() is not None)

    # ------------------------------------------------------------------ language

    def retranslate(self) -> None:
        self.depot_caption.setText(self.tr("仓库："))
        self.blind_check.setText(self.tr("盲盘（盘点表不显示账面数）"))
        self.locations_edit.setPlaceholderText(self.tr("库位，如 A-01,A-02（留空为全部）"))
        if self.category_combo.count():
            self.category_combo.setItemText(0, self.tr("全部类别"))
        self.open_button.setText(self.tr("开始盘点"))
        self.open_button.setToolTip(self.tr("冻结该仓库各批次的账面数；盘点期间可照常收发"))
        self.refresh_button.setText(self.tr("刷新"))
        texts = {
            "sheets": self.tr("打印盘点表"),
            "export": self.tr("导出盘点工作簿"),
            "import": self.tr("导入盘点工作簿"),
            "enter": self.tr("录入实盘数"),
            "found": self.tr("登记盘盈"),
            "submit": self.tr("录入完成"),
            "recount": self.tr("复盘所选行"),
            "approve": self.tr("审核过账"),
            "cancel": self.tr("作废"),
            "print": self.tr("打印盘点单"),
            "cards": self.tr("打印货位卡"),
            "history": self.tr("历史记录"),
        }
        for key, button in self.buttons.items():
            button.setText(texts[key])
        self.model.retranslate()
        self.lines.retranslate()
