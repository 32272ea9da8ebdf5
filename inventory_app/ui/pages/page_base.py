"""What the data pages share: reloading when data changed unseen, language changes, export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

from ..context import AppContext
from ..widgets.filter_bar import SearchEdit, ask_export_path, report_error, show_exported


class DataPage(QWidget):
    """A page showing database rows; subclasses implement ``refresh()`` and ``retranslate()``.

    A change announced while the page is hidden (another page posted, a depot was edited)
    is only noted; the page reloads when it is shown again, not while nobody looks.
    """

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, load_when_shown: bool
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # True until the next show reloads: the first show of a page that loads lazily,
        # or after a change announced while the page was hidden.
        self._reload_on_show = load_when_shown

    def refresh(self) -> None:
        """Abstract hook: every concrete subclass overrides it."""
        raise NotImplementedError

    def retranslate(self) -> None:
        """Abstract hook: every concrete subclass overrides it."""
        raise NotImplementedError

    def _refresh_when_visible(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._reload_on_show = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._reload_on_show:
            self._reload_on_show = False
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class QueryPage(DataPage):
    """A filtered listing (库存, 台账) with a search box, a summary line and Excel export.

    Subclasses create ``search`` and ``summary_label`` and implement
    ``default_export_name()`` and ``export_to(path)``.
    """

    exported = Signal(object, int)  # (path, rows) after an export was written

    search: SearchEdit
    summary_label: QLabel

    def default_export_name(self) -> str:
        """Abstract hook: every concrete subclass overrides it."""
        raise NotImplementedError

    def export_to(self, path: str) -> None:
        """Abstract hook: every concrete subclass overrides it."""
        raise NotImplementedError

    def export_excel(self) -> None:
        path = ask_export_path(self, self.default_export_name())
        if path:
            self.export_to(path)

    def _exported(self, path: Path, count: int) -> None:
        self.exported.emit(path, count)
        show_exported(self, path, count)

    def _on_error(self, error: BaseException) -> None:
        """A failed read: say why, and offer 重试 when the database was unreachable."""
        self.summary_label.setText("")
        report_error(self.ctx, self, error, retry=self.refresh)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()


def query_table(
    parent: QWidget,
    model: QAbstractItemModel,
    *,
    selection: QAbstractItemView.SelectionMode,
    stretch_last: bool,
) -> QTableView:
    """A read-only listing: whole rows selected, one line per row, headers sort by SQL."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(selection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setSectionsClickable(True)
    header.setSortIndicatorShown(True)
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(stretch_last)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
    return table
