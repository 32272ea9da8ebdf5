"""The per-line checks of the lines editor: what turns a cell red (error) or yellow (warning)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from ...domain.errors import DomainError, InvalidQuantity
from ...domain.quantities import parse_money, parse_quantity
from ..models.table_models import format_quantity
from .lines_common import Col, Line, Problem, error, text, warning

if TYPE_CHECKING:
    from .lines_editor import LinesEditor
    from .lines_model import LinesModel


def check_line(model: LinesModel, line: Line) -> dict[Col, Problem]:
    """The problems of one line by column (missing values only once revealed)."""
    if line.is_blank():
        return {}
    found: dict[Col, Problem] = {}
    cols = set(model.columns)
    missing = model.reveal_missing
    if Col.ITEM in cols and line.item is None and missing:
        found[Col.ITEM] = error(text("need_item"))
    if Col.LOT in cols and model.lot_required and line.lot is None and line.item is not None:
        if not model.lots_for(line.item.code):
            found[Col.LOT] = error(text("no_lots"))
        elif missing:
            found[Col.LOT] = error(text("need_lot"))
    quantity = _check_quantity(model, line, found, missing)
    if (
        quantity is not None
        and Col.AFTER in cols
        and line.lot is not None
        and line.lot.on_hand + quantity < 0
    ):
        found[Col.QUANTITY] = error(
            text("negative_after").format(
                book=format_quantity(line.lot.on_hand), unit=line.lot.unit
            )
        )
    _check_dates(model.doc_date, line, found, cols)
    if Col.PRICE in cols and line.unit_price.strip():
        try:
            parse_money(line.unit_price.strip())
        except DomainError as err:
            found[Col.PRICE] = error(model.error_text(err))
    return found


def _check_quantity(
    model: LinesModel, line: Line, found: dict[Col, Problem], missing: bool
) -> Decimal | None:
    if Col.QUANTITY not in model.columns:
        return None
    if not line.quantity.strip():
        if missing:
            found[Col.QUANTITY] = error(text("need_quantity"))
        return None
    try:
        return parse_quantity(
            line.quantity, line.item.decimals if line.item else 3, allow_negative=model.signed
        )
    except InvalidQuantity as err:
        found[Col.QUANTITY] = error(_quantityerror(model, line, err))
        return None


def _quantityerror(model: LinesModel, line: Line, err: InvalidQuantity) -> str:
    if err.params.get("reason") == "too_many_decimals" and line.item is not None:
        if line.item.decimals == 0:
            return text("whole_units").format(name=line.item.name, unit=line.item.unit)
        return text("max_decimals").format(name=line.item.name, n=line.item.decimals)
    return model.error_text(err)


def _check_dates(doc_date: date, line: Line, found: dict[Col, Problem], cols: set[Col]) -> None:
    if Col.PRODUCTION in cols and line.production_date and (line.production_date > doc_date):
        found[Col.PRODUCTION] = error(text("production_after_doc"))
    if Col.EXPIRY in cols and line.expiry_date:
        if line.production_date and line.expiry_date < line.production_date:
            found[Col.EXPIRY] = error(text("expiry_before_production"))
        elif line.expiry_date < doc_date:
            found[Col.EXPIRY] = warning(text("expired_on_receipt"))


def check_availability(
    model: LinesModel, lines: Sequence[Line], problems: list[dict[Col, Problem]]
) -> None:
    """Warn when lines together ask for more than the depot (or the lot) can give."""
    if Col.AVAILABLE not in model.columns:
        return
    per_item: dict[str, Decimal] = defaultdict(Decimal)
    per_lot: dict[int, Decimal] = defaultdict(Decimal)
    named_expired: dict[str, dict[int, Decimal]] = defaultdict(dict)
    quantities: list[Decimal | None] = []
    for line in lines:
        qty = model.parsed_quantity(line) if line.item and line.quantity.strip() else None
        quantities.append(qty)
        if qty is None or line.item is None:
            continue
        per_item[line.item.code] += qty
        if line.lot is not None:
            per_lot[line.lot.lot_id] += qty
            if model.is_expired(line.lot):  # named on purpose: it may still be shipped
                named_expired[line.item.code][line.lot.lot_id] = line.lot.available
    for row, line in enumerate(lines):
        if quantities[row] is None or line.item is None or Col.QUANTITY in problems[row]:
            continue
        code = line.item.code
        usable = (model.available_for(Line(item=line.item)) or Decimal(0)) + sum(
            named_expired[code].values(), Decimal(0)
        )
        if line.lot is not None and per_lot[line.lot.lot_id] > line.lot.available:
            asked, have = per_lot[line.lot.lot_id], line.lot.available
        elif per_item[code] > usable:
            asked, have = per_item[code], usable
        else:
            continue
        problems[row][Col.QUANTITY] = warning(
            text("exceeds").format(
                asked=format_quantity(asked), have=format_quantity(have), unit=line.item.unit
            )
        )


def check_depot_and_lines(
    lines: LinesEditor, errors: list[str], *, no_depot: str | None, no_lines: str
) -> tuple[list[str], list[str]]:
    """The depot and the lines of a document: appends to ``errors`` a missing depot
    (``no_depot``, None when one is chosen), ``no_lines`` when no line is filled in and
    each line's own problems (the first one focused); returns them with the warnings."""
    model = lines.model
    model.set_reveal_missing(True)
    if no_depot is not None:
        errors.append(no_depot)
    if not model.filled_lines():
        errors.append(no_lines)
    problems = model.errors()
    errors += [lines.problem_text(row, col, p) for row, col, p in problems]
    if problems:
        lines.focus_cell(problems[0][0], problems[0][1])
    warnings = [lines.problem_text(row, col, p) for row, col, p in model.warnings()]
    return errors, warnings
