"""Filter widgets shared by the data pages: debounced search, code combos, optional dates,
sort indicators, paged loading, export."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QModelIndex,
    QStandardPaths,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from ...reports.xlsx_export import export_rows
from ..context import AppContext
from ..errors import show_domain_error
from ..models.table_models import Column, LazyTableModel
from ..tasks import TaskContext

# The functions below serve every page, so their texts use the fixed context "FilterBar":
# parent.tr() would be looked up under the page's class name, which lupdate cannot know.

# Typing pauses shorter than this are one search, so each keystroke does not hit the database.
DEBOUNCE_MS = 300


class SearchEdit(QLineEdit):
    """A search box that reports its text once the user pauses typing (or presses Enter)."""

    debounced = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, delay_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)
        self._last = ""
        self.textChanged.connect(lambda _text: self._timer.start())
        self.returnPressed.connect(self.flush)

    def value(self) -> str:
        return self.text().strip()

    def flush(self) -> None:
        """Report the text now if it differs from what was last reported."""
        self._timer.stop()
        text = self.value()
        if text != self._last:
            self._last = text
            self.debounced.emit(text)

    def set_value(self, text: str) -> None:
        """Set the text without triggering a search (the caller reloads itself)."""
        self._timer.stop()
        self.blockSignals(True)
        self.setText(text)
        self.blockSignals(False)
        self._last = text.strip()


class CodeCombo(QComboBox):
    """A combo whose first entry means "all" (data None) and whose others carry a code.

    ``changed`` fires only for a choice the user (or set_current_code) made, never
    while the entries are being refilled.
    """

    changed = Signal()

    def __init__(
        self, parent: QWidget | None = None, *, min_chars: int = 8, fit_contents: bool = False
    ) -> None:
        super().__init__(parent)
        if fit_contents:
            # A few short fixed entries: as wide as the longest, in any language.
            self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        else:
            # Long names (depots): a fixed width, the full name in the popup.
            self.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            self.setMinimumContentsLength(min_chars)
        self._pending: Any = None  # a code asked for before the entries were loaded
        self.currentIndexChanged.connect(self._on_index_changed)
        self._filling = False

    def set_entries(self, all_text: str, entries: Sequence[tuple[Any, str]]) -> None:
        """Replace the entries, keeping the current choice (or a pending one) when still offered."""
        wanted = self._pending if self._pending is not None else self.currentData()
        self._filling = True
        try:
            self.clear()
            self.addItem(all_text, None)
            for code, label in entries:
                self.addItem(label, code)
            position = self.findData(wanted) if wanted is not None else 0
            self.setCurrentIndex(max(position, 0))
        finally:
            self._filling = False
        if entries or position >= 0:
            # Keep a pending choice across a refill that did not load the real list yet.
            self._pending = None
        # Widen the popup so long depot names are never cut off.
        self.view().setMinimumWidth(self.view().sizeHintForColumn(0) + 24)

    def relabel(self, labels: Sequence[str]) -> None:
        """New texts for the same entries (after a language change)."""
        for position, text in enumerate(labels[: self.count()]):
            self.setItemText(position, text)

    def current_code(self) -> Any:
        return self._pending if self._pending is not None else self.currentData()

    def set_current_code(self, code: Any, *, notify: bool = False) -> None:
        position = 0 if code is None else self.findData(code)
        if code is not None and position < 0:
            # Not offered (yet): remember it; set_entries selects it when it arrives.
            self._pending = code
            return
        self._pending = None
        self._filling = not notify
        try:
            self.setCurrentIndex(position)
        finally:
            self._filling = False

    def _on_index_changed(self, _index: int) -> None:
        if not self._filling:
            self._pending = None
            self.changed.emit()


class OptionalDateEdit(QWidget):
    """A date that may be left out: a check box switches the date edit on."""

    changed = Signal()

    def __init__(self, text: str, default: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(text, self)
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setDate(QDate(default.year, default.month, default.day))
        self.edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        self.check.toggled.connect(self._toggled)
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())
        self.setFocusProxy(self.check)

    def _toggled(self, on: bool) -> None:
        self.edit.setEnabled(on)
        self.changed.emit()

    def value(self) -> date | None:
        if not self.check.isChecked():
            return None
        qd = self.edit.date()
        return date(qd.year(), qd.month(), qd.day())

    def set_value(self, value: date | None) -> None:
        """Set without emitting ``changed`` (the caller reloads itself)."""
        self.blockSignals(True)
        try:
            self.check.setChecked(value is not None)
            if value is not None:
                self.edit.setDate(QDate(value.year, value.month, value.day))
        finally:
            self.blockSignals(False)


def legend_item(
    text: str, background: QColor, foreground: QColor, parent: QWidget | None = None
) -> QLabel:
    """A small coloured sample with its meaning, for a table's colour legend."""
    label = QLabel(text, parent)
    label.setStyleSheet(
        f"QLabel {{ background: {background.name()}; color: {foreground.name()};"
        " border: 1px solid #d0d0d0; border-radius: 3px; padding: 1px 6px; }"
    )
    return label


def add_labelled(row: QHBoxLayout, pairs: Sequence[tuple[QLabel, QWidget]], gap: int) -> None:
    """Each filter after its caption (whose mnemonic focuses it), then a gap."""
    for label, widget in pairs:
        label.setBuddy(widget)
        row.addWidget(label)
        row.addWidget(widget)
        row.addSpacing(gap)


def set_sort_indicator(header: QHeaderView, section: int, descending: bool) -> None:
    """Show the order the rows are in without announcing it as the user's choice."""
    header.blockSignals(True)
    header.setSortIndicator(
        section, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    )
    header.blockSignals(False)


def separator(parent: QWidget | None = None) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.VLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


def report_error(
    ctx: AppContext, parent: QWidget, error: BaseException, retry: Callable[[], None] | None = None
) -> None:
    """Expected errors become a translated message; anything else is a bug for the crash hook."""
    if isinstance(error, OSError):
        # A file that cannot be written (open in Excel, read-only folder) is expected.
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("FilterBar", "无法完成"),
            QCoreApplication.translate("FilterBar", "无法写入文件：{0}").format(
                error.strerror or str(error)
            ),
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return
    show_domain_error(parent, ctx, error, retry)


def ask_export_path(parent: QWidget, default_name: str) -> str | None:
    """Ask where to save an .xlsx (starting in Documents); None when the user cancels."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path, _selected = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("FilterBar", "导出 Excel"),
        str(Path(folder) / default_name),
        QCoreApplication.translate("FilterBar", "Excel 工作簿 (*.xlsx)"),
    )
    if not path:
        return None
    return path if path.lower().endswith(".xlsx") else path + ".xlsx"


def export_values(columns: Sequence[Column[Any]], rows: Sequence[Any]) -> list[list[Any]]:
    """Raw cell values (Decimal, date, text) for the spreadsheet, in column order."""
    return [[column.getter(row) for column in columns] for row in rows]


def export_in_background(
    ctx: AppContext,
    parent: QWidget,
    path: str,
    title: str,
    columns: Sequence[Column[Any]],
    fetch_all: Callable[[], Sequence[Any]],
    on_exported: Callable[[Path, int], None],
) -> None:
    """Fetch every row (not only the pages on screen) and write the .xlsx off the GUI thread."""
    headers = [column.header_text() for column in columns]
    frozen_columns = list(columns)

    def work(task: TaskContext) -> tuple[Path, int]:
        rows = fetch_all()
        task.check_cancelled()
        values = export_values(frozen_columns, rows)
        return export_rows(path, title, headers, values), len(values)

    ctx.tasks.run(
        work,
        on_done=lambda result: on_exported(*result),
        on_error=lambda error: report_error(ctx, parent, error),
        progress_label=QCoreApplication.translate("FilterBar", "正在导出 Excel…"),
        parent_widget=parent,
    )


def show_exported(parent: QWidget, path: Path, count: int) -> None:
    """Tell the user where the file went, without blocking (the page stays usable)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("FilterBar", "导出完成"))
    box.setText(
        QCoreApplication.translate("FilterBar", "已导出 {0} 行到：\n{1}").format(
            f"{count:,}", str(path)
        )
    )
    open_button = box.addButton(
        QCoreApplication.translate("FilterBar", "打开文件"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(
        QCoreApplication.translate("FilterBar", "关闭"), QMessageBox.ButtonRole.RejectRole
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def finished() -> None:
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    box.finished.connect(finished)
    box.open()


class PagedSource:
    """What a LazyTableModel reads: a total and first page fetched in the background,
    later pages on demand as the view scrolls.

    Loading the first page off the GUI thread is what keeps the window responsive when
    a filter or a sort changes on 100,000 rows; the model then takes that page from
    here instead of querying again.
    """

    def __init__(self) -> None:
        self._fetch: Callable[[int, int, str | None, bool], Sequence[Any]] | None = None
        self._total = 0
        self._first: Sequence[Any] | None = None
        self._first_key: tuple[str | None, bool] | None = None

    def load(
        self,
        fetch: Callable[[int, int, str | None, bool], Sequence[Any]],
        total: int,
        first_page: Sequence[Any],
        sort_key: str | None,
        descending: bool,
    ) -> None:
        self._fetch = fetch
        self._total = total
        self._first = first_page
        self._first_key = (sort_key, descending)

    def count(self) -> int:
        return self._total

    def show_first_page(
        self,
        model: LazyTableModel[Any],
        fetch: Callable[[int, int, str | None, bool], Sequence[Any]],
        total: int,
        first_page: Sequence[Any],
        sort_key: str,
        descending: bool,
    ) -> None:
        """Load, then show the first page in ``model`` sorted by ``sort_key``."""
        self.load(fetch, total, first_page, sort_key, descending)
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        # sort() sets the key the model passes to fetch and resets it. The first page
        # is then taken at once (it is already here): a view only fetches after a
        # reset when its next delayed layout runs, which may not happen until the
        # user touches it.
        model.sort(model.column_index(sort_key), order)
        model.fetchMore(QModelIndex())

    def fetch_page(
        self, offset: int, limit: int, sort_key: str | None, descending: bool
    ) -> Sequence[Any]:
        if self._first is not None and offset == 0 and self._first_key == (sort_key, descending):
            page, self._first = self._first, None
            if len(page) >= limit or len(page) >= self._total:
                return list(page)[:limit]
        if self._fetch is None:
            return []
        return self._fetch(offset, limit, sort_key, descending)
