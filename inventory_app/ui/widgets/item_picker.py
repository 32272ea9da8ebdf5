"""Type-ahead item picker: find a catalogue item by name, code or pinyin initials."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFocusEvent, QIcon, QKeyEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLineEdit, QWidget

from ...services import reference_queries
from ...services.rows import ItemRow
from ..context import AppContext
from ..errors import show_domain_error

AnyIndex = QModelIndex | QPersistentModelIndex

# data(index, ITEM_ROLE) is the ItemRow itself.
ITEM_ROLE = int(Qt.ItemDataRole.UserRole) + 1

POPUP_MIN_WIDTH = 480
POPUP_ROWS = 12


def item_label(item: ItemRow) -> str:
    """What the picker and its list show: 棉帐篷 050101 · 12㎡ · 顶."""
    parts = [f"{item.name} {item.code}"]
    if item.spec:
        parts.append(item.spec)
    parts.append(item.unit)
    return " · ".join(parts)


def item_short_label(item: ItemRow) -> str:
    """Name and code only, for narrow table cells: 棉帐篷 050101."""
    return f"{item.name} {item.code}"


def match_rank(item: ItemRow, text: str) -> int | None:
    """How well `item` matches the typed text (lower is better), or None for no match.

    Every whitespace-separated word must match the code, the name, the pinyin
    initials, the English name or the specification; the first word decides the rank,
    so "0501" lists codes starting with 0501 before names that merely contain it.
    """
    words = text.lower().split()
    if not words:
        return 0
    code, name, pinyin = item.code.lower(), item.name.lower(), item.pinyin.lower()
    haystacks = (
        code,
        name,
        pinyin,
        item.name_en.lower(),
        item.spec.lower(),
        (item.gb_code or "").lower(),
    )
    if not all(any(word in hay for hay in haystacks) for word in words):
        return None
    first = words[0]
    if code == first or name == first:
        return 0
    for rank, hay in enumerate((code, pinyin, name, item.gb_code or ""), start=1):
        if hay.startswith(first):
            return rank
    return 10


def _chevron_icon() -> QIcon:
    """A small grey ▾ for "show the whole list" (the style's arrow is too heavy in a cell)."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#6b7280"), 1.6))
    painter.drawPolyline([QPointF(4.5, 6.5), QPointF(8, 10), QPointF(11.5, 6.5)])
    painter.end()
    return QIcon(pixmap)


class ItemListModel(QAbstractListModel):
    """The catalogue, filtered and ranked by the text typed so far."""

    def __init__(self, items: Sequence[ItemRow] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[ItemRow] = list(items)
        self._rows: list[ItemRow] = list(self._all)
        self._filter = ""

    def set_items(self, items: Sequence[ItemRow]) -> None:
        self._all = list(items)
        self._apply()

    def all_items(self) -> list[ItemRow]:
        return list(self._all)

    def set_filter(self, text: str) -> None:
        self._filter = text.strip()
        self._apply()

    def _apply(self) -> None:
        ranked = [
            (rank, item.code, item)
            for item in self._all
            if (rank := match_rank(item, self._filter)) is not None
        ]
        ranked.sort(key=lambda entry: (entry[0], entry[1]))
        self.beginResetModel()
        self._rows = [item for _, _, item in ranked]
        self.endResetModel()

    def item_at(self, row: int) -> ItemRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def find(self, text: str) -> ItemRow | None:
        """The item whose code or full label is exactly `text` (any case), else None."""
        key = text.strip().lower()
        if not key:
            return None
        for item in self._all:
            if key in (item.code.lower(), item_label(item).lower(), item_short_label(item).lower()):
                return item
        return None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return item_label(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{item.category_code} {item.category_name}"
        if role == ITEM_ROLE:
            return item
        return None


class ItemPicker(QLineEdit):
    """A line edit with a drop-down of matching items: "mzp", "0501" or "帐篷" find 棉帐篷.

    Items come from ``items=`` or are loaded once in the background through ``ctx``.
    Enter, Tab or leaving the field takes the highlighted suggestion, so a keeper can
    type "mzp", press Tab and go on with the quantity.
    """

    item_selected = Signal(str)  # item code; "" when cleared
    picked = Signal(str)  # item code, when chosen from the drop-down (Enter or click)

    def __init__(
        self,
        ctx: AppContext | None = None,
        parent: QWidget | None = None,
        *,
        items: Sequence[ItemRow] | None = None,
    ) -> None:
        super().__init__(parent)
        self._item: ItemRow | None = None
        self._model = ItemListModel(items or (), self)
        self.setPlaceholderText(self.tr("输入名称、编码或拼音首字母"))
        self.setClearButtonEnabled(True)

        self._completer = QCompleter(self._model, self)
        # We filter and rank ourselves; the completer only shows our rows and
        # handles the keyboard inside the pop-up.
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setMaxVisibleItems(POPUP_ROWS)
        self._completer.setWidget(self)
        # The QModelIndex overload: the text one would give back our own label.
        self._completer.activated[QModelIndex].connect(  # type: ignore[index]
            self._on_activated
        )
        popup = self._popup()
        popup.setMinimumWidth(POPUP_MIN_WIDTH)
        popup.setStyleSheet("QListView::item { padding: 3px 4px; }")  # easier to aim at

        show_all = self.addAction(_chevron_icon(), QLineEdit.ActionPosition.TrailingPosition)
        show_all.setToolTip(self.tr("列出全部物资"))
        show_all.triggered.connect(self.show_all)

        self.textEdited.connect(self._on_text_edited)
        self.returnPressed.connect(self.resolve)
        if items is None and ctx is not None:
            self.load(ctx)

    # ------------------------------------------------------------ data

    def load(self, ctx: AppContext, on_loaded: Callable[[], None] | None = None) -> None:
        """Fetch the active catalogue in the background (once per picker)."""
        uow = ctx.uow

        def done(items: list[ItemRow]) -> None:
            self.set_items(items)
            if on_loaded is not None:
                on_loaded()

        ctx.tasks.run(
            lambda _task: reference_queries.items(uow, include_inactive=False),
            on_done=done,
            on_error=lambda err: show_domain_error(self.window(), ctx, err),
        )

    def set_items(self, items: Sequence[ItemRow]) -> None:
        self._model.set_items(items)
        if self._item is not None:
            # Keep the choice if the item is still there, with its fresh data.
            self._item = self._model.find(self._item.code)

    def items(self) -> list[ItemRow]:
        return self._model.all_items()

    def list_model(self) -> ItemListModel:
        return self._model

    # ------------------------------------------------------------ selection

    def current_item(self) -> ItemRow | None:
        return self._item

    def current_code(self) -> str:
        return self._item.code if self._item else ""

    def set_item(self, item: ItemRow | str | None) -> None:
        """Select an item (or its code); None clears. Emits item_selected on change."""
        if isinstance(item, str):
            item = self._model.find(item)
        changed = (item.code if item else "") != self.current_code()
        self._item = item
        self.setText(item_label(item) if item else "")
        self.setToolTip(item_label(item) if item else "")
        self._popup().hide()
        if changed:
            self.item_selected.emit(item.code if item else "")

    def resolve(self) -> ItemRow | None:
        """Turn the typed text into an item: an exact code or label, else the best suggestion."""
        text = self.text().strip()
        if not text:
            if self._item is not None:
                self.set_item(None)
            return None
        if self._item is not None and text == item_label(self._item):
            return self._item
        exact = self._model.find(text)
        if exact is not None:
            self.set_item(exact)
            return exact
        self._model.set_filter(text)
        popup = self._popup()
        row = popup.currentIndex().row() if popup.isVisible() else -1
        best = self._model.item_at(row if row >= 0 else 0)
        if best is not None:
            self.set_item(best)
        return best

    # ------------------------------------------------------------ pop-up

    def _popup(self) -> QAbstractItemView:
        popup = self._completer.popup()
        assert popup is not None  # a completer always makes its list view
        return popup

    def show_all(self) -> None:
        self.setFocus()
        self._model.set_filter("")
        self._show_popup()

    def _on_text_edited(self, text: str) -> None:
        if self._item is not None:
            # Typing over a chosen item starts a new search; nothing is chosen until resolved.
            self._item = None
        self._model.set_filter(text)
        if text.strip() and self._model.rowCount() > 0:
            self._show_popup()
        else:
            self._popup().hide()

    def _show_popup(self) -> None:
        rect = QRect(0, 0, max(self.width(), POPUP_MIN_WIDTH), self.height())
        self._completer.complete(rect)
        popup = self._popup()
        popup.setCurrentIndex(self._completer.completionModel().index(0, 0))

    def _on_activated(self, index: QModelIndex) -> None:
        item = index.data(ITEM_ROLE)
        if isinstance(item, ItemRow):
            self.set_item(item)
            self.picked.emit(item.code)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and not self._popup().isVisible():
            # Down on a closed field opens the list, as in a combo box.
            self._model.set_filter("" if self._item else self.text())
            self._show_popup()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        # The pop-up takes no focus, so only a real departure lands here.
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.resolve()
        super().focusOutEvent(event)
