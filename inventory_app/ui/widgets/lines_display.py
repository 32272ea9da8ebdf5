"""How the lines editor shows a line: one small function per column, hints, tooltips, totals."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ...domain.errors import DomainError
from ...domain.quantities import fen_to_yuan, parse_money
from ..models.table_models import format_money, format_quantity
from .depot_combo import location_label
from .item_picker import item_label
from .lines_common import Col, Line, lot_label, text

if TYPE_CHECKING:
    from .lines_model import LinesModel

Display = Callable[["LinesModel", Line], str]


def unit_of(line: Line) -> str:
    if line.item is not None:
        return line.item.unit
    return line.lot.unit if line.lot is not None else ""


def qty_text(value: Decimal | None, line: Line, *, signed: bool = False) -> str:
    """12.5 顶, or +12.5 顶 for a signed quantity above zero; "" for no value."""
    if value is None:
        return ""
    shown = format_quantity(value)
    if signed and value > 0:
        shown = "+" + shown
    unit = unit_of(line)
    return f"{shown} {unit}" if unit else shown


def money_text(typed: str) -> str:
    """A typed price shown as money, or as typed while it is not valid."""
    try:
        return format_money(fen_to_yuan(parse_money(typed.strip()))) if typed.strip() else ""
    except DomainError:
        return typed


def _typed_quantity(model: LinesModel, line: Line) -> Decimal | None:
    return model.parsed_quantity(line) if line.quantity.strip() else None


def _item(_model: LinesModel, line: Line) -> str:
    if line.item is None:
        return ""
    spec = f" · {line.item.spec}" if line.item.spec else ""
    return f"{line.item.name} {line.item.code}{spec}"


def _quantity(model: LinesModel, line: Line) -> str:
    qty = _typed_quantity(model, line)
    return qty_text(qty, line, signed=model.signed) if qty is not None else line.quantity


def _lot(model: LinesModel, line: Line) -> str:
    if line.lot is not None:
        return lot_label(line.lot)
    return text("fefo") if line.item and not model.lot_required else ""


def _available(model: LinesModel, line: Line) -> str:
    return qty_text(model.available_for(line), line)


def _book(_model: LinesModel, line: Line) -> str:
    return qty_text(line.lot.on_hand if line.lot else None, line)


def _after(model: LinesModel, line: Line) -> str:
    qty = _typed_quantity(model, line)
    if line.lot is None or qty is None:
        return ""
    return qty_text(line.lot.on_hand + qty, line)


def _production(_model: LinesModel, line: Line) -> str:
    return line.production_date.isoformat() if line.production_date else ""


def _expiry(_model: LinesModel, line: Line) -> str:
    return line.expiry_date.isoformat() if line.expiry_date else ""


def _location(model: LinesModel, line: Line) -> str:
    location = model.location(line.location_code)
    return location_label(location) if location else (line.location_code or "")


def _amount(model: LinesModel, line: Line) -> str:
    amount = model.amount(line)
    return format_money(amount) if amount is not None else ""


def _owner(model: LinesModel, line: Line) -> str:
    if line.owner_code is None:
        return text("depot_owner") if line.item else ""
    org = model.organisation(line.owner_code)
    return org.name if org else line.owner_code


DISPLAY: dict[Col, Display] = {
    Col.ITEM: _item,
    Col.QUANTITY: _quantity,
    Col.LOT: _lot,
    Col.AVAILABLE: _available,
    Col.BOOK: _book,
    Col.AFTER: _after,
    Col.BATCH: lambda _model, line: line.batch_no,
    Col.PRODUCTION: _production,
    Col.EXPIRY: _expiry,
    Col.LOCATION: _location,
    Col.PRICE: lambda _model, line: money_text(line.unit_price),
    Col.AMOUNT: _amount,
    Col.OWNER: _owner,
}

# What an editor starts from: codes and ids, not the texts shown.
EDIT_VALUE: dict[Col, Callable[[Line], Any]] = {
    Col.ITEM: lambda line: line.item.code if line.item else "",
    Col.QUANTITY: lambda line: line.quantity,
    Col.LOT: lambda line: line.lot.lot_id if line.lot else None,
    Col.BATCH: lambda line: line.batch_no,
    Col.PRODUCTION: lambda line: line.production_date,
    Col.EXPIRY: lambda line: line.expiry_date,
    Col.LOCATION: lambda line: line.location_code,
    Col.PRICE: lambda line: line.unit_price,
    Col.OWNER: lambda line: line.owner_code,
}


def display(model: LinesModel, line: Line, col: Col) -> str:
    show = DISPLAY.get(col)
    return show(model, line) if show is not None else ""


def edit_value(model: LinesModel, line: Line, col: Col) -> Any:
    value = EDIT_VALUE.get(col)
    return value(line) if value is not None else display(model, line, col)


def is_hint(model: LinesModel, line: Line, col: Col) -> bool:
    """Defaults filled in by the program look different from what the keeper typed."""
    if line.item is None:
        return False
    if col == Col.EXPIRY:
        return line.expiry_date is not None and not line.expiry_manual
    if col == Col.LOT:
        return line.lot is None and not model.lot_required
    if col == Col.OWNER:
        return line.owner_code is None
    if col == Col.PRICE:
        return not line.price_manual
    return False


def _available_tooltip(model: LinesModel, line: Line) -> str | None:
    if line.item is None or line.lot is not None:
        return None
    expired = model.expired_available(line.item.code)
    if not expired:
        return None
    return text("expired_not_fefo").format(qty=format_quantity(expired), unit=line.item.unit)


def tooltip(model: LinesModel, line: Line, col: Col) -> str | None:
    if col == Col.ITEM and line.item is not None:
        return item_label(line.item)
    if col == Col.EXPIRY and is_hint(model, line, col):
        return text("expiry_tip")
    if col == Col.LOT and line.lot is None and line.item and not model.lot_required:
        return text("fefo_tip")
    if col == Col.LOT and line.lot is not None:
        return lot_label(line.lot)
    if col == Col.AVAILABLE:
        return _available_tooltip(model, line)
    if col == Col.PRICE and is_hint(model, line, col):
        return text("price_tip")
    return None


def summary(model: LinesModel) -> str:
    """合计 13 顶、2 套 · 金额 ¥21,720.00 (valid lines only)."""
    per_unit: dict[str, Decimal] = defaultdict(Decimal)
    money = Decimal(0)
    count = 0
    for _row, line in model.filled_lines():
        count += 1
        qty = _typed_quantity(model, line)
        unit = unit_of(line)
        if qty is not None and unit:
            per_unit[unit] += qty
        amount = model.amount(line)
        if amount is not None:
            money += amount
    parts = [text("line_count").format(n=count)]
    if per_unit:
        sign = "+" if model.signed else ""
        totals = text("list_separator").join(
            f"{sign if qty > 0 else ''}{format_quantity(qty)} {unit}"
            for unit, qty in per_unit.items()
        )
        parts.append(text("totals").format(totals=totals))
    if Col.AMOUNT in model.columns and money:
        parts.append(text("amount").format(money=format_money(money)))
    return "  ·  ".join(parts)
