"""The editable lines of a stock document: one row per line, checked as the keeper types."""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from ...domain.errors import DomainError, InvalidQuantity
from ...domain.quantities import fen_to_yuan, money_amount, parse_money, parse_quantity
from ...services.rows import ItemRow, LocationRow, LotStockRow, OrganisationRow
from ..models.table_models import format_money, format_quantity
from .depot_combo import location_label
from .item_picker import item_label

AnyIndex = QModelIndex | QPersistentModelIndex
_CTX = "LinesModel"

# data(index, LINE_ROLE) is the Line object of the row.
LINE_ROLE = int(Qt.ItemDataRole.UserRole) + 1

ERROR_BACKGROUND = QColor("#fde0dc")
ERROR_TEXT = QColor("#b71c1c")
WARNING_BACKGROUND = QColor("#fff1c2")
COMPUTED_BACKGROUND = QColor("#f4f6f8")
HINT_TEXT = QColor("#7a7f87")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class Col(enum.StrEnum):
    ITEM = "item"
    LOT = "lot"
    QUANTITY = "quantity"
    AVAILABLE = "available"
    BOOK = "book"  # 账面 (adjust)
    AFTER = "after"  # 调整后 (adjust)
    BATCH = "batch_no"
    PRODUCTION = "production_date"
    EXPIRY = "expiry_date"
    LOCATION = "location"
    PRICE = "unit_price"
    AMOUNT = "amount"
    OWNER = "owner"


_HEADERS = {
    Col.ITEM: QT_TRANSLATE_NOOP("LinesModel", "物资"),
    Col.LOT: QT_TRANSLATE_NOOP("LinesModel", "批次"),
    Col.QUANTITY: QT_TRANSLATE_NOOP("LinesModel", "数量"),
    Col.AVAILABLE: QT_TRANSLATE_NOOP("LinesModel", "可用库存"),
    Col.BOOK: QT_TRANSLATE_NOOP("LinesModel", "账面数量"),
    Col.AFTER: QT_TRANSLATE_NOOP("LinesModel", "调整后"),
    Col.BATCH: QT_TRANSLATE_NOOP("LinesModel", "批号"),
    Col.PRODUCTION: QT_TRANSLATE_NOOP("LinesModel", "生产日期"),
    Col.EXPIRY: QT_TRANSLATE_NOOP("LinesModel", "有效期至"),
    Col.LOCATION: QT_TRANSLATE_NOOP("LinesModel", "库位"),
    Col.PRICE: QT_TRANSLATE_NOOP("LinesModel", "单价（元）"),
    Col.AMOUNT: QT_TRANSLATE_NOOP("LinesModel", "金额（元）"),
    Col.OWNER: QT_TRANSLATE_NOOP("LinesModel", "权属单位"),
}
_TEXTS = {
    "fefo_tip": QT_TRANSLATE_NOOP("LinesModel", "不指定批次时，按先到期先出库的原则自动分配"),
    "fefo": QT_TRANSLATE_NOOP("LinesModel", "先进先出（自动）"),
    "expired_on_receipt": QT_TRANSLATE_NOOP("LinesModel", "入库时已过有效期"),
    "line_count": QT_TRANSLATE_NOOP("LinesModel", "共 {n} 行"),
    "lot_available": QT_TRANSLATE_NOOP("LinesModel", "可用 {qty} {unit}"),
    "totals": QT_TRANSLATE_NOOP("LinesModel", "合计 {totals}"),
    "expiry_tip": QT_TRANSLATE_NOOP("LinesModel", "按生产日期和储存年限自动计算，可修改"),
    "no_batch": QT_TRANSLATE_NOOP("LinesModel", "无批号"),
    "expiry_before_production": QT_TRANSLATE_NOOP("LinesModel", "有效期不能早于生产日期"),
    "no_lots": QT_TRANSLATE_NOOP("LinesModel", "本仓库没有该物资的库存批次"),
    "production_after_doc": QT_TRANSLATE_NOOP("LinesModel", "生产日期不能晚于单据日期"),
    "until": QT_TRANSLATE_NOOP("LinesModel", "至 {date}"),
    "need_quantity": QT_TRANSLATE_NOOP("LinesModel", "请填写数量"),
    "need_lot": QT_TRANSLATE_NOOP("LinesModel", "请选择批次"),
    "need_item": QT_TRANSLATE_NOOP("LinesModel", "请选择物资"),
    "negative_after": QT_TRANSLATE_NOOP("LinesModel", "调整后数量不能为负（账面 {book} {unit}）"),
    "amount": QT_TRANSLATE_NOOP("LinesModel", "金额 {money}"),
    "price_tip": QT_TRANSLATE_NOOP("LinesModel", "默认为该物资的参考单价，可修改"),
    "depot_owner": QT_TRANSLATE_NOOP("LinesModel", "（仓库所属单位）"),
    "expired": QT_TRANSLATE_NOOP("LinesModel", "（已过期）"),
    "whole_units": QT_TRANSLATE_NOOP("LinesModel", "{name}以“{unit}”计，只能填整数"),
    "max_decimals": QT_TRANSLATE_NOOP("LinesModel", "{name}最多 {n} 位小数"),
    "exceeds": QT_TRANSLATE_NOOP(
        "LinesModel", "超过可用库存（共需 {asked} {unit}，可用 {have} {unit}）"
    ),
    "expired_not_fefo": QT_TRANSLATE_NOOP(
        "LinesModel", "另有 {qty} {unit} 已过期，不会自动出库；如确需发出，请指定批次"
    ),
    #: separator between the totals of different units: "20 顶、5 套"
    "list_separator": QT_TRANSLATE_NOOP("LinesModel", "、"),
}


def _text(key: str) -> str:
    return QCoreApplication.translate(_CTX, str(_TEXTS[key]))


EDITABLE = frozenset(
    {
        Col.ITEM,
        Col.LOT,
        Col.QUANTITY,
        Col.BATCH,
        Col.PRODUCTION,
        Col.EXPIRY,
        Col.LOCATION,
        Col.PRICE,
        Col.OWNER,
    }
)
NUMERIC = frozenset({Col.QUANTITY, Col.AVAILABLE, Col.BOOK, Col.AFTER, Col.PRICE, Col.AMOUNT})
# Columns that may be emptied with Backspace (the others are required or computed).
CLEARABLE = frozenset(
    {Col.BATCH, Col.PRODUCTION, Col.EXPIRY, Col.LOCATION, Col.OWNER, Col.LOT, Col.PRICE}
)


def header_text(col: Col) -> str:
    return QCoreApplication.translate(_CTX, str(_HEADERS[col]))


def lot_label(lot: LotStockRow) -> str:
    """B2024-03 · 至 2031-03-01 · A-01 · 可用 40 顶 (what a keeper tells lots apart by)."""
    parts = [lot.batch_no or f"{_text('no_batch')} #{lot.lot_id}"]
    if lot.expiry_date:
        until = _text("until").format(date=lot.expiry_date.isoformat())
        parts.append(until + (_text("expired") if lot.expiry_status == "expired" else ""))
    if lot.location_code:
        parts.append(lot.location_code)
    parts.append(_text("lot_available").format(qty=format_quantity(lot.available), unit=lot.unit))
    return " · ".join(parts)


def fefo_key(lot: LotStockRow) -> tuple[bool, date, date, int]:
    """First-expiring-first, then oldest received: the order the service allocates in."""
    return (lot.expiry_date is None, lot.expiry_date or date.max, lot.received_date, lot.lot_id)


@dataclass
class Line:
    """One line as typed: text stays text until the document is checked."""

    item: ItemRow | None = None
    quantity: str = ""
    lot: LotStockRow | None = None
    batch_no: str = ""
    production_date: date | None = None
    expiry_date: date | None = None
    expiry_manual: bool = False
    location_code: str | None = None
    unit_price: str = ""
    price_manual: bool = False
    owner_code: str | None = None

    def is_blank(self) -> bool:
        return (
            self.item is None
            and self.lot is None
            and not self.quantity.strip()
            and not self.batch_no.strip()
        )


@dataclass(frozen=True)
class Problem:
    severity: str  # "error" blocks posting; "warning" asks for confirmation
    text: str

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def _error(text: str) -> Problem:
    return Problem("error", text)


def _warning(text: str) -> Problem:
    return Problem("warning", text)


class LinesModel(QAbstractTableModel):
    """Rows of `Line` under the chosen columns; the last row is always a blank one to type in.

    Checks run on every change, so a wrong cell turns red while the keeper types;
    missing required values are shown only after ``set_reveal_missing(True)`` (the
    first attempt to post), so a half-typed line is not red before it is finished.
    """

    changed = Signal()

    def __init__(
        self,
        columns: Sequence[Col],
        *,
        error_text: Callable[[DomainError], str],
        signed: bool = False,
        lot_required: bool = False,
        headers: dict[Col, Callable[[], str]] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._headers = dict(headers or {})
        self._error_text = error_text
        self.signed = signed
        self.lot_required = lot_required
        self._lines: list[Line] = [Line()]
        self._problems: list[dict[Col, Problem]] = [{}]
        self._reveal_missing = False
        self._items: dict[str, ItemRow] = {}
        self._locations: list[LocationRow] = []
        self._lots: list[LotStockRow] = []
        self._organisations: list[OrganisationRow] = []
        self._doc_date = date.today()

    # ------------------------------------------------------------ reference data

    @property
    def columns(self) -> list[Col]:
        return list(self._columns)

    def column_of(self, col: Col) -> int:
        return self._columns.index(col)

    def header(self, col: Col) -> str:
        override = self._headers.get(col)
        return override() if override else header_text(col)

    def col_at(self, column: int) -> Col:
        return self._columns[column]

    def set_items(self, items: Sequence[ItemRow]) -> None:
        self._items = {item.code: item for item in items}

    def items(self) -> list[ItemRow]:
        return list(self._items.values())

    def set_locations(self, locations: Sequence[LocationRow]) -> None:
        """The depot's locations; lines pointing elsewhere lose their location."""
        self._locations = [loc for loc in locations if loc.active]
        codes = {loc.code for loc in self._locations}
        for line in self._lines:
            if line.location_code and line.location_code not in codes:
                line.location_code = None
        self._recheck()

    def locations(self) -> list[LocationRow]:
        return list(self._locations)

    def set_lots(self, lots: Sequence[LotStockRow]) -> None:
        """The depot's lots; chosen lots are refreshed, or dropped if gone."""
        self._lots = sorted(lots, key=fefo_key)
        by_id = {lot.lot_id: lot for lot in self._lots}
        for line in self._lines:
            if line.lot is not None:
                line.lot = by_id.get(line.lot.lot_id)
        self._recheck()

    def lots_for(self, item_code: str | None) -> list[LotStockRow]:
        return [lot for lot in self._lots if item_code is None or lot.item_code == item_code]

    def lot_by_id(self, lot_id: int) -> LotStockRow | None:
        return next((lot for lot in self._lots if lot.lot_id == lot_id), None)

    def is_expired(self, lot: LotStockRow) -> bool:
        """Expired on the document date: first-expiring-first skips such lots."""
        return lot.expiry_date is not None and lot.expiry_date < self._doc_date

    def available_for(self, line: Line) -> Decimal | None:
        """What the line can take: its named lot, or the item's unexpired lots (FEFO)."""
        if line.lot is not None:
            return line.lot.available
        if line.item is None:
            return None
        return sum(
            (lot.available for lot in self.lots_for(line.item.code) if not self.is_expired(lot)),
            Decimal(0),
        )

    def expired_available(self, item_code: str) -> Decimal:
        return sum(
            (lot.available for lot in self.lots_for(item_code) if self.is_expired(lot)), Decimal(0)
        )

    def set_organisations(self, organisations: Sequence[OrganisationRow]) -> None:
        self._organisations = list(organisations)

    def organisations(self) -> list[OrganisationRow]:
        return list(self._organisations)

    def set_doc_date(self, day: date) -> None:
        self._doc_date = day
        self._recheck()

    def set_reveal_missing(self, reveal: bool) -> None:
        self._reveal_missing = reveal
        self._recheck()

    # ------------------------------------------------------------ lines

    def lines(self) -> list[Line]:
        """Every row, including the trailing blank one (copies: edit through setData)."""
        return [replace(line) for line in self._lines]

    def filled_lines(self) -> list[tuple[int, Line]]:
        """(row, line) for lines with content: blank rows are ignored when posting."""
        return [(row, replace(line)) for row, line in enumerate(self._lines) if not line.is_blank()]

    def line_at(self, row: int) -> Line | None:
        return replace(self._lines[row]) if 0 <= row < len(self._lines) else None

    def insert_line(self, row: int) -> int:
        row = max(0, min(row, len(self._lines)))
        self.beginInsertRows(QModelIndex(), row, row)
        self._lines.insert(row, Line())
        self._problems.insert(row, {})
        self.endInsertRows()
        self._after_change()
        return row

    def remove_lines(self, rows: Sequence[int]) -> None:
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self._lines):
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._lines[row]
                del self._problems[row]
                self.endRemoveRows()
        self._after_change()

    def set_lines(self, lines: Sequence[Line]) -> None:
        self.beginResetModel()
        self._lines = [replace(line) for line in lines]
        self._problems = [{} for _ in self._lines]
        self.endResetModel()
        self._after_change()

    def add_lot_line(self, lot: LotStockRow, quantity: str = "") -> None:
        """Fill the first blank row with a lot (the adjust dialog's preset)."""
        row = next(i for i, line in enumerate(self._lines) if line.is_blank())
        line = self._lines[row]
        line.item = self._items.get(lot.item_code)
        line.lot = lot
        line.quantity = quantity
        self._after_change()

    def _after_change(self) -> None:
        # A blank row at the end is where the next line is typed.
        if not self._lines or not self._lines[-1].is_blank():
            row = len(self._lines)
            self.beginInsertRows(QModelIndex(), row, row)
            self._lines.append(Line())
            self._problems.append({})
            self.endInsertRows()
        self._recheck()

    # ------------------------------------------------------------ checks

    def problem(self, row: int, col: Col) -> Problem | None:
        if not 0 <= row < len(self._problems):
            return None
        return self._problems[row].get(col)

    def problems(self) -> list[tuple[int, Col, Problem]]:
        """Every shown problem as (row, column, problem), in reading order."""
        found = []
        for row, problems in enumerate(self._problems):
            for col in self._columns:
                if col in problems:
                    found.append((row, col, problems[col]))
        return found

    def errors(self) -> list[tuple[int, Col, Problem]]:
        return [p for p in self.problems() if p[2].is_error]

    def warnings(self) -> list[tuple[int, Col, Problem]]:
        return [p for p in self.problems() if not p[2].is_error]

    def _recheck(self) -> None:
        self._problems = [self._check(line) for line in self._lines]
        self._check_availability()
        if self._lines and self._columns:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._lines) - 1, len(self._columns) - 1)
            )
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self._lines) - 1)
        self.changed.emit()

    def parsed_quantity(self, line: Line) -> Decimal | None:
        """The line's quantity if it is valid for its item, else None."""
        try:
            return parse_quantity(
                line.quantity, line.item.decimals if line.item else 3, allow_negative=self.signed
            )
        except DomainError:
            return None

    def _check(self, line: Line) -> dict[Col, Problem]:
        if line.is_blank():
            return {}
        found: dict[Col, Problem] = {}
        cols = set(self._columns)
        missing = self._reveal_missing
        if Col.ITEM in cols and line.item is None and missing:
            found[Col.ITEM] = _error(_text("need_item"))
        if Col.LOT in cols and self.lot_required and line.lot is None and line.item is not None:
            if not self.lots_for(line.item.code):
                found[Col.LOT] = _error(_text("no_lots"))
            elif missing:
                found[Col.LOT] = _error(_text("need_lot"))
        quantity = self._check_quantity(line, found, missing)
        if (
            quantity is not None
            and Col.AFTER in cols
            and line.lot is not None
            and line.lot.on_hand + quantity < 0
        ):
            found[Col.QUANTITY] = _error(
                _text("negative_after").format(
                    book=format_quantity(line.lot.on_hand), unit=line.lot.unit
                )
            )
        self._check_dates(line, found, cols)
        if Col.PRICE in cols and line.unit_price.strip():
            try:
                parse_money(line.unit_price.strip())
            except DomainError as err:
                found[Col.PRICE] = _error(self._error_text(err))
        return found

    def _check_quantity(
        self, line: Line, found: dict[Col, Problem], missing: bool
    ) -> Decimal | None:
        if Col.QUANTITY not in self._columns:
            return None
        if not line.quantity.strip():
            if missing:
                found[Col.QUANTITY] = _error(_text("need_quantity"))
            return None
        try:
            return parse_quantity(
                line.quantity, line.item.decimals if line.item else 3, allow_negative=self.signed
            )
        except InvalidQuantity as err:
            found[Col.QUANTITY] = _error(self._quantity_error(line, err))
            return None

    def _quantity_error(self, line: Line, err: InvalidQuantity) -> str:
        if err.params.get("reason") == "too_many_decimals" and line.item is not None:
            if line.item.decimals == 0:
                return _text("whole_units").format(name=line.item.name, unit=line.item.unit)
            return _text("max_decimals").format(name=line.item.name, n=line.item.decimals)
        return self._error_text(err)

    def _check_dates(self, line: Line, found: dict[Col, Problem], cols: set[Col]) -> None:
        if (
            Col.PRODUCTION in cols
            and line.production_date
            and (line.production_date > self._doc_date)
        ):
            found[Col.PRODUCTION] = _error(_text("production_after_doc"))
        if Col.EXPIRY in cols and line.expiry_date:
            if line.production_date and line.expiry_date < line.production_date:
                found[Col.EXPIRY] = _error(_text("expiry_before_production"))
            elif line.expiry_date < self._doc_date:
                found[Col.EXPIRY] = _warning(_text("expired_on_receipt"))

    def _check_availability(self) -> None:
        """Warn when lines together ask for more than the depot (or the lot) can give."""
        if Col.AVAILABLE not in self._columns:
            return
        per_item: dict[str, Decimal] = defaultdict(Decimal)
        per_lot: dict[int, Decimal] = defaultdict(Decimal)
        named_expired: dict[str, dict[int, Decimal]] = defaultdict(dict)
        quantities: list[Decimal | None] = []
        for line in self._lines:
            qty = self.parsed_quantity(line) if line.item and line.quantity.strip() else None
            quantities.append(qty)
            if qty is None or line.item is None:
                continue
            per_item[line.item.code] += qty
            if line.lot is not None:
                per_lot[line.lot.lot_id] += qty
                if self.is_expired(line.lot):  # named on purpose: it may still be shipped
                    named_expired[line.item.code][line.lot.lot_id] = line.lot.available
        for row, line in enumerate(self._lines):
            if quantities[row] is None or line.item is None or Col.QUANTITY in self._problems[row]:
                continue
            code = line.item.code
            usable = (self.available_for(Line(item=line.item)) or Decimal(0)) + sum(
                named_expired[code].values(), Decimal(0)
            )
            if line.lot is not None and per_lot[line.lot.lot_id] > line.lot.available:
                asked, have = per_lot[line.lot.lot_id], line.lot.available
            elif per_item[code] > usable:
                asked, have = per_item[code], usable
            else:
                continue
            self._problems[row][Col.QUANTITY] = _warning(
                _text("exceeds").format(
                    asked=format_quantity(asked), have=format_quantity(have), unit=line.item.unit
                )
            )

    # ------------------------------------------------------------ Qt model

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._columns):
                return None
            col = self._columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return self.header(col)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _RIGHT if col in NUMERIC else _LEFT
            return None
        if not 0 <= section < len(self._lines):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        if role == Qt.ItemDataRole.ForegroundRole and any(
            p.is_error for p in self._problems[section].values()
        ):
            return ERROR_TEXT
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        col = self._columns[index.column()]
        if col not in EDITABLE:
            return base
        if col == Col.LOT and self._lines[index.row()].item is None:
            return base  # a lot is chosen among the item's lots
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        col = self._columns[index.column()]
        problem = self._problems[index.row()].get(col)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, col)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(line, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if col in NUMERIC else _LEFT
        if role == Qt.ItemDataRole.BackgroundRole:
            if problem is not None:
                return ERROR_BACKGROUND if problem.is_error else WARNING_BACKGROUND
            return COMPUTED_BACKGROUND if col not in EDITABLE else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if problem is not None and problem.is_error:
                return ERROR_TEXT
            return HINT_TEXT if self._is_hint(line, col) else None
        if role == Qt.ItemDataRole.FontRole and self._is_hint(line, col):
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if problem is not None:
                return problem.text
            return self._tooltip(line, col)
        if role == LINE_ROLE:
            return replace(line)
        return None

    def _is_hint(self, line: Line, col: Col) -> bool:
        """Defaults filled in by the program look different from what the keeper typed."""
        if line.item is None:
            return False
        if col == Col.EXPIRY:
            return line.expiry_date is not None and not line.expiry_manual
        if col == Col.LOT:
            return line.lot is None and not self.lot_required
        if col == Col.OWNER:
            return line.owner_code is None
        if col == Col.PRICE:
            return not line.price_manual
        return False

    def _unit(self, line: Line) -> str:
        if line.item is not None:
            return line.item.unit
        return line.lot.unit if line.lot is not None else ""

    def _qty_text(self, value: Decimal | None, line: Line, *, signed: bool = False) -> str:
        if value is None:
            return ""
        text = format_quantity(value)
        if signed and value > 0:
            text = "+" + text
        unit = self._unit(line)
        return f"{text} {unit}" if unit else text

    def _display(self, line: Line, col: Col) -> str:
        if col == Col.ITEM:
            if line.item is None:
                return ""
            return f"{line.item.name} {line.item.code}" + (
                f" · {line.item.spec}" if line.item.spec else ""
            )
        if col == Col.QUANTITY:
            qty = self.parsed_quantity(line) if line.quantity.strip() else None
            return (
                self._qty_text(qty, line, signed=self.signed) if qty is not None else line.quantity
            )
        if col == Col.LOT:
            if line.lot is not None:
                return lot_label(line.lot)
            return _text("fefo") if line.item and not self.lot_required else ""
        if col == Col.AVAILABLE:
            return self._qty_text(self.available_for(line), line)
        if col == Col.BOOK:
            return self._qty_text(line.lot.on_hand if line.lot else None, line)
        if col == Col.AFTER:
            qty = self.parsed_quantity(line) if line.quantity.strip() else None
            if line.lot is None or qty is None:
                return ""
            return self._qty_text(line.lot.on_hand + qty, line)
        if col == Col.BATCH:
            return line.batch_no
        if col == Col.PRODUCTION:
            return line.production_date.isoformat() if line.production_date else ""
        if col == Col.EXPIRY:
            return line.expiry_date.isoformat() if line.expiry_date else ""
        if col == Col.LOCATION:
            location = next(
                (loc for loc in self._locations if loc.code == line.location_code), None
            )
            return location_label(location) if location else (line.location_code or "")
        if col == Col.PRICE:
            return self._money_text(line.unit_price)
        if col == Col.AMOUNT:
            amount = self.amount(line)
            return format_money(amount) if amount is not None else ""
        if col == Col.OWNER:
            if line.owner_code is None:
                return _text("depot_owner") if line.item else ""
            org = next((o for o in self._organisations if o.code == line.owner_code), None)
            return org.name if org else line.owner_code
        return ""

    @staticmethod
    def _money_text(text: str) -> str:
        try:
            return format_money(fen_to_yuan(parse_money(text.strip()))) if text.strip() else ""
        except DomainError:
            return text

    def amount(self, line: Line) -> Decimal | None:
        """Quantity × unit price, rounded to the fen; None when either is not valid yet."""
        qty = self.parsed_quantity(line) if line.quantity.strip() else None
        if qty is None or not line.unit_price.strip():
            return None
        try:
            fen = parse_money(line.unit_price.strip())
        except DomainError:
            return None
        return fen_to_yuan(money_amount(qty, fen))

    def _edit_value(self, line: Line, col: Col) -> Any:
        if col == Col.ITEM:
            return line.item.code if line.item else ""
        if col == Col.QUANTITY:
            return line.quantity
        if col == Col.LOT:
            return line.lot.lot_id if line.lot else None
        if col == Col.BATCH:
            return line.batch_no
        if col == Col.PRODUCTION:
            return line.production_date
        if col == Col.EXPIRY:
            return line.expiry_date
        if col == Col.LOCATION:
            return line.location_code
        if col == Col.PRICE:
            return line.unit_price
        if col == Col.OWNER:
            return line.owner_code
        return self._display(line, col)

    def _tooltip(self, line: Line, col: Col) -> str | None:
        if col == Col.ITEM and line.item is not None:
            return item_label(line.item)
        if col == Col.EXPIRY and self._is_hint(line, col):
            return _text("expiry_tip")
        if col == Col.LOT and line.lot is None and line.item and not self.lot_required:
            return _text("fefo_tip")
        if col == Col.LOT and line.lot is not None:
            return lot_label(line.lot)
        if col == Col.AVAILABLE and line.item is not None and line.lot is None:
            expired = self.expired_available(line.item.code)
            if expired:
                return _text("expired_not_fefo").format(
                    qty=format_quantity(expired), unit=line.item.unit
                )
        if col == Col.PRICE and self._is_hint(line, col):
            return _text("price_tip")
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        line = self._lines[index.row()]
        col = self._columns[index.column()]
        if col == Col.ITEM:
            self._set_item(line, value)
        elif col == Col.QUANTITY:
            line.quantity = str(value or "").strip()
        elif col == Col.LOT:
            self._set_lot(line, value)
        elif col == Col.BATCH:
            line.batch_no = str(value or "").strip()
        elif col == Col.PRODUCTION:
            line.production_date = _as_date(value)
            self._auto_expiry(line)
        elif col == Col.EXPIRY:
            line.expiry_date = _as_date(value)
            line.expiry_manual = line.expiry_date is not None
            self._auto_expiry(line)
        elif col == Col.LOCATION:
            line.location_code = str(value) if value else None
        elif col == Col.PRICE:
            line.unit_price = str(value or "").strip().replace("¥", "").replace(",", "")
            line.price_manual = bool(line.unit_price)
            self._default_price(line)
        elif col == Col.OWNER:
            line.owner_code = str(value) if value else None
        self._after_change()
        return True

    def _set_item(self, line: Line, value: Any) -> None:
        item = value if isinstance(value, ItemRow) else self._items.get(str(value or "").strip())
        if (item.code if item else None) == (line.item.code if line.item else None):
            return
        line.item = item
        line.lot = None
        if item is not None and self.lot_required:
            lots = self.lots_for(item.code)
            line.lot = lots[0] if len(lots) == 1 else None
        self._default_price(line)
        self._auto_expiry(line)

    def _set_lot(self, line: Line, value: Any) -> None:
        if isinstance(value, LotStockRow):
            lot: LotStockRow | None = value
        else:
            lot = self.lot_by_id(int(value)) if value not in (None, "") else None
        if lot is not None and line.item is not None and lot.item_code != line.item.code:
            return
        line.lot = lot

    def _default_price(self, line: Line) -> None:
        if not line.price_manual:
            ref = line.item.ref_price if line.item else None
            line.unit_price = f"{ref:.2f}" if ref is not None else ""

    @staticmethod
    def _auto_expiry(line: Line) -> None:
        if line.expiry_manual:
            return
        life = line.item.shelf_life_days if line.item else None
        line.expiry_date = (
            line.production_date + timedelta(days=life) if line.production_date and life else None
        )

    def clear_cell(self, index: AnyIndex) -> bool:
        """Empty an optional cell (Backspace); an emptied expiry goes back to automatic."""
        if not index.isValid() or self._columns[index.column()] not in CLEARABLE:
            return False
        line = self._lines[index.row()]
        col = self._columns[index.column()]
        if col == Col.EXPIRY:
            line.expiry_manual = False
            self._auto_expiry(line)
            self._after_change()
            return True
        if col == Col.PRICE:
            line.price_manual = False
            self._default_price(line)
            self._after_change()
            return True
        return self.setData(index, None)

    # ------------------------------------------------------------ totals

    def summary(self) -> str:
        """合计 13 顶、2 套 · 金额 ¥21,720.00 (valid lines only)."""
        per_unit: dict[str, Decimal] = defaultdict(Decimal)
        money = Decimal(0)
        count = 0
        for _row, line in self.filled_lines():
            count += 1
            qty = self.parsed_quantity(line) if line.quantity.strip() else None
            unit = self._unit(line)
            if qty is not None and unit:
                per_unit[unit] += qty
            amount = self.amount(line)
            if amount is not None:
                money += amount
        parts = [_text("line_count").format(n=count)]
        if per_unit:
            sign = "+" if self.signed else ""
            totals = _text("list_separator").join(
                f"{sign if qty > 0 else ''}{format_quantity(qty)} {unit}"
                for unit, qty in per_unit.items()
            )
            parts.append(_text("totals").format(totals=totals))
        if Col.AMOUNT in self._columns and money:
            parts.append(_text("amount").format(money=format_money(money)))
        return "  ·  ".join(parts)

    def retranslate(self) -> None:
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        self._recheck()


def _as_date(value: Any) -> date | None:
    if isinstance(value, QDate):
        result = value.toPython() if value.isValid() else None
        return result if isinstance(result, date) else None
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
