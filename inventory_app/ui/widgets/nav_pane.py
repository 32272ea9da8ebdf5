"""The left navigation pane: home, depots by level, catalogue categories, stock and ledger."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QVBoxLayout, QWidget

from ...services.rows import CategoryRow, DepotRow

AnyIndex = QModelIndex | QPersistentModelIndex

# data(index, TARGET_ROLE) is the NavTarget of the node.
TARGET_ROLE = int(Qt.ItemDataRole.UserRole) + 1

PAGE_DASHBOARD = "dashboard"
PAGE_ORDERS = "orders"
PAGE_DRILLS = "drills"
PAGE_PLAN = "plan"
PAGE_COUNTS = "counts"
PAGE_DEPOTS = "depots"
PAGE_CATALOGUE = "catalogue"
PAGE_STOCK = "stock"
PAGE_LEDGER = "ledger"
PAGE_USERS = "users"  # the administrator's only (set_show_users)

EXPAND_DEPOTS_UP_TO = 12  # more than this and the groups start folded
GRAIN_GROUP = "grain"  # depot kind of the 粮食承储库点, grouped apart from the levels


# Every string is spelled out in a literal QCoreApplication.translate("NavModel", …) call:
# pyside6-lupdate extracts only literal calls, never ones hidden in a helper.


def _top_label(page: str) -> str:
    if page == PAGE_DASHBOARD:
        return QCoreApplication.translate("NavModel", "首页")
    if page == PAGE_ORDERS:
        return QCoreApplication.translate("NavModel", "调拨指令")
    if page == PAGE_DRILLS:
        return QCoreApplication.translate("NavModel", "演练")
    if page == PAGE_PLAN:
        return QCoreApplication.translate("NavModel", "储备计划")
    if page == PAGE_COUNTS:
        return QCoreApplication.translate("NavModel", "盘点")
    if page == PAGE_DEPOTS:
        return QCoreApplication.translate("NavModel", "仓库")
    if page == PAGE_CATALOGUE:
        return QCoreApplication.translate("NavModel", "物资目录")
    if page == PAGE_STOCK:
        return QCoreApplication.translate("NavModel", "库存")
    if page == PAGE_USERS:
        return QCoreApplication.translate("NavModel", "用户管理")
    return QCoreApplication.translate("NavModel", "台账")


def _const(text: str) -> Callable[[], str]:
    return lambda: text


def _group_label(group: str) -> str:
    labels = {
        "1": QCoreApplication.translate("NavModel", "自治区级"),
        "2": QCoreApplication.translate("NavModel", "市级"),
        "3": QCoreApplication.translate("NavModel", "县级"),
        "4": QCoreApplication.translate("NavModel", "乡镇级"),
        "5": QCoreApplication.translate("NavModel", "村级"),
        GRAIN_GROUP: QCoreApplication.translate("NavModel", "粮食承储库点"),
    }
    return labels.get(group, group)


# Order of the depot groups under 仓库: the levels top-down, then the grain enterprises.
_GROUP_ORDER = ["1", "2", "3", "4", "5", GRAIN_GROUP]


@dataclass(frozen=True)
class NavTarget:
    """Where a navigation node leads: a page, optionally filtered to a depot or category."""

    page: str
    depot_code: str | None = None
    category_code: str | None = None


@dataclass(eq=False)
class _Node:
    node_id: int
    target: NavTarget
    label: Callable[[], str]
    tooltip: Callable[[], str] | None = None
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)
    row: int = 0
    top: bool = False


class NavModel(QAbstractItemModel):
    """A small fixed tree; depots and categories are filled in with ``set_reference``.

    Nodes are addressed by integer ids (``internalId``), not Python pointers, so an
    index never refers to a node the garbage collector may already have freed.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._nodes: dict[int, _Node] = {}
        self._roots: list[_Node] = []
        self._english = False
        self._show_users = False
        self._reference: tuple[Sequence[DepotRow], Sequence[CategoryRow]] = ([], [])
        self._build([], [])

    # -- building -------------------------------------------------------------------

    def _node(
        self,
        target: NavTarget,
        label: Callable[[], str],
        parent: _Node | None,
        tooltip: Callable[[], str] | None = None,
    ) -> _Node:
        node = _Node(next(self._ids), target, label, tooltip, parent, top=parent is None)
        siblings = parent.children if parent is not None else self._roots
        node.row = len(siblings)
        siblings.append(node)
        self._nodes[node.node_id] = node
        return node

    def _build(self, depots: Sequence[DepotRow], categories: Sequence[CategoryRow]) -> None:
        self._nodes.clear()
        self._roots = []
        for page in (
            PAGE_DASHBOARD,
            PAGE_ORDERS,
            PAGE_DRILLS,
            PAGE_PLAN,
            PAGE_DEPOTS,
            PAGE_CATALOGUE,
            PAGE_STOCK,
            PAGE_LEDGER,
            PAGE_COUNTS,
            *([PAGE_USERS] if self._show_users else []),
        ):
            top = self._node(NavTarget(page), functools.partial(_top_label, page), None)
            if page == PAGE_DEPOTS:
                self._add_depots(top, depots)
            elif page == PAGE_CATALOGUE:
                for cat in categories:
                    self._node(
                        NavTarget(PAGE_STOCK, category_code=cat.code),
                        functools.partial(self._category_label, cat),
                        top,
                    )

    def _add_depots(self, top: _Node, depots: Sequence[DepotRow]) -> None:
        groups: dict[str, list[DepotRow]] = {}
        for depot in depots:
            key = GRAIN_GROUP if depot.kind == GRAIN_GROUP else str(depot.level)
            groups.setdefault(key, []).append(depot)
        known = [g for g in _GROUP_ORDER if g in groups]
        for key in known + sorted(set(groups) - set(_GROUP_ORDER)):
            group = self._node(
                NavTarget(PAGE_DEPOTS),
                functools.partial(self._group_text, key, len(groups[key])),
                top,
            )
            for depot in groups[key]:
                self._node(
                    NavTarget(PAGE_STOCK, depot_code=depot.code),
                    _const(depot.display_name),
                    group,
                    tooltip=_const(f"{depot.code}  {depot.name}\n{depot.address}".strip()),
                )

    @staticmethod
    def _group_text(key: str, count: int) -> str:
        return QCoreApplication.translate("NavModel", "{name}（{count}）").format(
            name=_group_label(key), count=count
        )

    def _category_label(self, cat: CategoryRow) -> str:
        name = cat.name_en if self._english and cat.name_en else cat.name
        return f"{cat.code} {name}"

    def set_reference(self, depots: Sequence[DepotRow], categories: Sequence[CategoryRow]) -> None:
        """Rebuild the depot and category branches (after sign-in or a master-data change)."""
        self._reference = (depots, categories)
        self.beginResetModel()
        self._build(depots, categories)
        self.endResetModel()

    def set_show_users(self, show: bool) -> None:
        """用户管理 appears only for those who may manage users (after each sign-in)."""
        self._show_users = show
        self.set_reference(*self._reference)

    def set_english(self, english: bool) -> None:
        """Categories have an English name in the catalogue; show it in English."""
        self._english = english
        self.retranslate()

    def retranslate(self) -> None:
        """Labels are read at paint time; tell views every one of them changed."""
        for parent in [QModelIndex(), *self._all_indexes()]:
            rows = self.rowCount(parent)
            if rows:
                self.dataChanged.emit(
                    self.index(0, 0, parent),
                    self.index(rows - 1, 0, parent),
                    [Qt.ItemDataRole.DisplayRole],
                )

    # -- look-ups -------------------------------------------------------------------

    def _all_indexes(self) -> list[QModelIndex]:
        result: list[QModelIndex] = []
        pending = [self.index(row, 0) for row in range(self.rowCount())]
        while pending:
            index = pending.pop(0)
            result.append(index)
            pending.extend(self.index(row, 0, index) for row in range(self.rowCount(index)))
        return result

    def index_for(self, target: NavTarget) -> QModelIndex:
        """The first node leading to ``target`` (invalid if none)."""
        for index in self._all_indexes():
            if self.target_at(index) == target:
                return index
        return QModelIndex()

    def target_at(self, index: AnyIndex) -> NavTarget | None:
        node = self._node_at(index)
        return node.target if node is not None else None

    def _node_at(self, index: AnyIndex) -> _Node | None:
        if not index.isValid():
            return None
        return self._nodes.get(int(index.internalId()))

    # -- QAbstractItemModel ---------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if parent.isValid():
            parent_node = self._node_at(parent)
            if parent_node is None or parent.column() != 0:
                return QModelIndex()
            children = parent_node.children
        else:
            children = self._roots
        if row >= len(children):
            return QModelIndex()
        return self.createIndex(row, column, children[row].node_id)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self._node_at(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent.node_id)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._roots)
        if parent.column() != 0:
            return 0
        node = self._node_at(parent)
        return len(node.children) if node is not None else 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self._node_at(index)
        if node is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return node.label()
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.tooltip() if node.tooltip is not None else node.label()
        if role == Qt.ItemDataRole.FontRole and node.top:
            font = QFont()
            font.setBold(True)
            return font
        if role == TARGET_ROLE:
            return node.target
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class NavPane(QWidget):
    """The tree on the left; emits ``navigate`` when the user picks a node."""

    navigate = Signal(object)  # NavTarget

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = NavModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("navTree")
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Depot names differ at the end (…储备库（一）/（二）), so keep both ends visible.
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.setIndentation(14)
        self.view.setStyleSheet(
            "QTreeView#navTree { background: #f7f9fb; border: none;"
            " border-right: 1px solid #d9dee5; }"
            "QTreeView#navTree::item { padding: 3px 2px; }"
        )
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        # A click on the node already selected changes no selection; it must still
        # navigate (e.g. back to the depot's stock after filtering the page by hand).
        self.view.clicked.connect(self._on_clicked)
        self._quiet = False
        self._just_selected: int | None = None  # internalId of the node

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.expand_defaults()

    def set_reference(self, depots: Sequence[DepotRow], categories: Sequence[CategoryRow]) -> None:
        current = self.current_target()
        self.model.set_reference(depots, categories)
        self.expand_defaults()
        if current is not None:
            self.select(current, emit=False)

    def expand_defaults(self) -> None:
        """Depots open down to the groups, and to the depots themselves when there are few
        (a keeper's own two or three); the long category list stays folded."""
        depots = self.model.index_for(NavTarget(PAGE_DEPOTS))
        self.view.expand(depots)
        groups = [self.model.index(row, 0, depots) for row in range(self.model.rowCount(depots))]
        if sum(self.model.rowCount(group) for group in groups) <= EXPAND_DEPOTS_UP_TO:
            for group in groups:
                self.view.expand(group)

    def current_target(self) -> NavTarget | None:
        return self.model.target_at(self.view.currentIndex())

    def select(self, target: NavTarget, *, emit: bool = True) -> bool:
        """Select the node for ``target``; returns False if there is none."""
        index = self.model.index_for(target)
        if not index.isValid():
            return False
        self._quiet = not emit
        try:
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        finally:
            self._quiet = False
        return True

    def retranslate(self) -> None:
        self.model.retranslate()

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes or self._quiet:
            return
        self._just_selected = int(indexes[0].internalId())
        target = self.model.target_at(indexes[0])
        if target is not None:
            self.navigate.emit(target)

    def _on_clicked(self, index: QModelIndex) -> None:
        just_selected, self._just_selected = self._just_selected, None
        if just_selected is not None and just_selected == int(index.internalId()):
            return  # the selection change has navigated already
        target = self.model.target_at(index)
        if target is not None:
            self.navigate.emit(target)
