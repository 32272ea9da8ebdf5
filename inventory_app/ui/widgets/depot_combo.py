"""Combo boxes over depots and storage locations, limited to what the user may post to."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from ...domain.permissions import Action
from ...services import reference_queries
from ...services.rows import DepotRow, LocationRow
from ..context import AppContext
from ..errors import show_domain_error

R = TypeVar("R")
AnyIndex = QModelIndex | QPersistentModelIndex

# data(index, ROW_ROLE) is the row object (None for the "none" entry).
ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 1


class RowListModel(QAbstractListModel, Generic[R]):
    """A read-only list of rows for a combo box, with an optional leading "none" entry."""

    def __init__(
        self,
        label: Callable[[R], str],
        parent: Any = None,
        *,
        none_label: Callable[[], str] | None = None,
        tooltip: Callable[[R], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._label = label
        self._none_label = none_label
        self._tooltip = tooltip
        self._rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    @property
    def has_none(self) -> bool:
        return self._none_label is not None

    def row_at(self, position: int) -> R | None:
        """The row shown at combo position `position` (None for the "none" entry)."""
        position -= 1 if self.has_none else 0
        return self._rows[position] if 0 <= position < len(self._rows) else None

    def position_of(self, predicate: Callable[[R], bool]) -> int:
        for position, row in enumerate(self._rows):
            if predicate(row):
                return position + (1 if self.has_none else 0)
        return -1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return len(self._rows) + (1 if self.has_none else 0)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        row = self.row_at(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if row is None:
                return self._none_label() if self._none_label else ""
            return self._label(row)
        if role == Qt.ItemDataRole.ToolTipRole and row is not None and self._tooltip:
            return self._tooltip(row)
        if role == ROW_ROLE:
            return row
        return None


def depot_label(depot: DepotRow) -> str:
    return f"{depot.name} · {depot.code}"


def location_label(location: LocationRow) -> str:
    if location.name and location.name != location.code:
        return f"{location.code} {location.name}"
    return location.code


class DepotCombo(QComboBox):
    """Depots the user may post to with `action` (a keeper sees only their own).

    With ``all_depots=True`` it lists every active depot (a transfer's destination).
    ``searchable=True`` lets the user type any part of the name to narrow the list;
    ``select_first=False`` starts with nothing chosen, so the user must decide.
    """

    depot_changed = Signal(str)  # depot code, "" when none
    loaded = Signal()

    def __init__(
        self,
        ctx: AppContext,
        action: Action | None,
        parent: QWidget | None = None,
        *,
        preferred_code: str | None = None,
        all_depots: bool = False,
        searchable: bool = False,
        select_first: bool = True,
        load: bool = True,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._action = action
        self._all_depots = all_depots
        self._preferred = preferred_code
        self._select_first = select_first
        self._excluded: str | None = None
        self._loaded: list[DepotRow] = []
        self._last_code: str | None = None
        self._model: RowListModel[DepotRow] = RowListModel(depot_label, self, tooltip=self._tooltip)
        self.setModel(self._model)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(18)
        if searchable:
            self.setEditable(True)
            self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            completer = QCompleter(self._model, self)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            self.setCompleter(completer)
            line_edit = self.lineEdit()
            assert line_edit is not None  # editable combos always have one
            line_edit.setPlaceholderText(self.tr("输入名称或编码查找"))
            line_edit.editingFinished.connect(self._resolve_text)
        self.currentIndexChanged.connect(self._emit_changed)
        if load:
            self.reload()

    @staticmethod
    def _tooltip(depot: DepotRow) -> str:
        return " · ".join(p for p in (depot.region_name, depot.owner_name, depot.address) if p)

    def reload(self) -> None:
        ctx, include_all = self._ctx, self._all_depots

        def fetch(_task: object) -> list[DepotRow]:
            return reference_queries.depots(
                ctx.uow, ctx.actor, include_inactive=False, only_visible=not include_all
            )

        ctx.tasks.run(
            fetch,
            on_done=self.set_depots,
            on_error=lambda err: show_domain_error(self.window(), ctx, err),
        )

    def set_depots(self, depots: Sequence[DepotRow]) -> None:
        previous = self.current_code() or self._preferred
        self._loaded = [
            d
            for d in depots
            if d.active
            and (self._action is None or self._all_depots or self._ctx.can(self._action, d.id))
        ]
        self._refill(previous)
        self.loaded.emit()

    def _refill(self, wanted: str | None) -> None:
        self.blockSignals(True)
        try:
            self._model.set_rows([d for d in self._loaded if d.code != self._excluded])
            position = self._model.position_of(lambda d: d.code == wanted) if wanted else -1
            fallback = 0 if self._select_first and self.count() else -1
            self.setCurrentIndex(position if position >= 0 else fallback)
        finally:
            self.blockSignals(False)
        self._emit_changed()

    def set_preferred_code(self, code: str | None) -> None:
        """The depot to select once the list is (re)loaded."""
        self._preferred = code
        if code:
            self.set_current_code(code)

    def set_excluded(self, code: str | None) -> None:
        """Hide one depot (the transfer's source from its destination list)."""
        if code == self._excluded:
            return
        self._excluded = code
        self._refill(self.current_code() or self._preferred)

    def depots(self) -> list[DepotRow]:
        return self._model.rows()

    def current_depot(self) -> DepotRow | None:
        row = self._model.row_at(self.currentIndex())
        return row if isinstance(row, DepotRow) else None

    def current_code(self) -> str:
        depot = self.current_depot()
        return depot.code if depot else ""

    def set_current_code(self, code: str) -> bool:
        """Select `code`; False (and no change) when it is not in the list."""
        position = self._model.position_of(lambda d: d.code == code)
        if position < 0:
            return False
        self.setCurrentIndex(position)
        return True

    def _emit_changed(self, *_args: object) -> None:
        code = self.current_code()
        if self._last_code != code:
            self._last_code = code
            self.depot_changed.emit(code)

    def _resolve_text(self) -> None:
        """Enter or leaving the field takes the first depot containing the typed text.

        Half-typed text that matches nothing must not look like a choice, so the
        field then shows the depot that is really selected.
        """
        text = self.currentText().strip().lower()
        if text and text != self.itemText(self.currentIndex()).lower():
            for position in range(self.count()):
                if text in self.itemText(position).lower():
                    self.setCurrentIndex(position)
                    break
        if self.currentText() != self.itemText(self.currentIndex()):
            self.setEditText(self.itemText(self.currentIndex()))


class LocationCombo(QComboBox):
    """The active storage locations of one depot, with a leading "not specified" entry."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model: RowListModel[LocationRow] = RowListModel(
            location_label, self, none_label=lambda: self.tr("（不指定）")
        )
        self.setModel(self._model)

    def set_locations(self, locations: Sequence[LocationRow]) -> None:
        wanted = self.current_code()
        self._model.set_rows([loc for loc in locations if loc.active])
        self.set_current_code(wanted)

    def current_code(self) -> str | None:
        row = self._model.row_at(self.currentIndex())
        return row.code if isinstance(row, LocationRow) else None

    def set_current_code(self, code: str | None) -> None:
        position = self._model.position_of(lambda loc: loc.code == code) if code else -1
        self.setCurrentIndex(max(position, 0))
