"""How a typed value lands in a line: one setter per column, and the defaults they fill in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate

from ...services.rows import ItemRow, LotStockRow
from .lines_common import Col, Line

if TYPE_CHECKING:
    from .lines_model import LinesModel

Setter = Callable[["LinesModel", Line, Any], None]


def as_date(value: Any) -> date | None:
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


def default_price(line: Line) -> None:
    """Unless the keeper typed a price, the item's reference price."""
    if not line.price_manual:
        ref = line.item.ref_price if line.item else None
        line.unit_price = f"{ref:.2f}" if ref is not None else ""


def auto_expiry(line: Line) -> None:
    """Unless the keeper typed an expiry, production date plus the item's shelf life."""
    if line.expiry_manual:
        return
    life = line.item.shelf_life if line.item else None
    line.expiry_date = life.expiry(line.production_date) if line.production_date and life else None


def _text_value(value: Any) -> str:
    return str(value or "").strip()


def _set_item(model: LinesModel, line: Line, value: Any) -> None:
    item = value if isinstance(value, ItemRow) else model.item(_text_value(value))
    if (item.code if item else None) == (line.item.code if line.item else None):
        return
    line.item = item
    line.lot = None
    if item is not None and model.lot_required:
        lots = model.lots_for(item.code)
        line.lot = lots[0] if len(lots) == 1 else None
    default_price(line)
    auto_expiry(line)


def _set_lot(model: LinesModel, line: Line, value: Any) -> None:
    if isinstance(value, LotStockRow):
        lot: LotStockRow | None = value
    else:
        lot = model.lot_by_id(int(value)) if value not in (None, "") else None
    if lot is not None and line.item is not None and lot.item_code != line.item.code:
        return
    line.lot = lot


def _set_quantity(_model: LinesModel, line: Line, value: Any) -> None:
    line.quantity = _text_value(value)


def _set_batch(_model: LinesModel, line: Line, value: Any) -> None:
    line.batch_no = _text_value(value)


def _set_production(_model: LinesModel, line: Line, value: Any) -> None:
    line.production_date = as_date(value)
    auto_expiry(line)


def _set_expiry(_model: LinesModel, line: Line, value: Any) -> None:
    """Only a real change detaches the expiry from the production date: tabbing through
    the cell commits the same value, which must not freeze a computed expiry."""
    day = as_date(value)
    if day == line.expiry_date:
        return
    line.expiry_date = day
    line.expiry_manual = day is not None
    auto_expiry(line)


def _set_location(_model: LinesModel, line: Line, value: Any) -> None:
    line.location_code = str(value) if value else None


def _set_price(_model: LinesModel, line: Line, value: Any) -> None:
    # Commas stay: parse_money reads "1,650.00" but refuses a misplaced "1,00,000".
    line.unit_price = _text_value(value).replace("¥", "").replace("￥", "")
    line.price_manual = bool(line.unit_price)
    default_price(line)


def _set_owner(_model: LinesModel, line: Line, value: Any) -> None:
    line.owner_code = str(value) if value else None


SETTERS: dict[Col, Setter] = {
    Col.ITEM: _set_item,
    Col.QUANTITY: _set_quantity,
    Col.LOT: _set_lot,
    Col.BATCH: _set_batch,
    Col.PRODUCTION: _set_production,
    Col.EXPIRY: _set_expiry,
    Col.LOCATION: _set_location,
    Col.PRICE: _set_price,
    Col.OWNER: _set_owner,
}


def apply_edit(model: LinesModel, line: Line, col: Col, value: Any) -> None:
    setter = SETTERS.get(col)
    if setter is not None:
        setter(model, line, value)
