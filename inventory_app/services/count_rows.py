"""Check every row of an imported audit workbook against its count, collecting problems.

Nothing here writes. Each problem names the sheet row and the column; the caller refuses
the whole workbook if there is any.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from sqlalchemy import Connection, select

from ..domain.counts import CountReason
from ..domain.errors import WorkbookRejected
from ..domain.quantities import decimals_of, money_amount
from ..persistence import tables as t
from ..reports.count_workbook import COUNTED, FIXED, HEADERS, NOTE, REASON
from ..reports.xlsx_export import _safe_text
from ..reports.xlsx_guard import Cell
from .count_queries import CountLineRow

MAX_PROBLEMS = 200
_ITEM, _BATCH, _LOCATION = 3, 6, 2  # columns a found row fills besides counted/reason/note


@dataclass(frozen=True)
class FoundRow:
    """A row the auditor added: stock at the depot that no line names."""

    row: int
    item_code: str
    item_name: str
    quantity: Decimal
    batch_no: str
    location: str
    reason: str
    note: str
    value_fen: int


@dataclass
class WorkbookRows:
    entries: list[tuple[CountLineRow, Decimal, str, str]] = field(default_factory=list)
    found: list[FoundRow] = field(default_factory=list)
    problems: list[tuple[int, str, str, str]] = field(default_factory=list)

    def problem(self, row: int, column: int, reason: str, value: object = "") -> None:
        if len(self.problems) < MAX_PROBLEMS:
            shown = "" if value is None else str(value)[:40]
            self.problems.append((row, HEADERS[column] if column >= 0 else "", reason, shown))


def _same(cell: Cell, expected: object) -> bool:
    if expected is None or expected == "":
        return cell.value is None or cell.value == ""
    if isinstance(expected, int | Decimal):
        return cell.kind == "n" and _number(cell) == Decimal(expected)
    return cell.kind == "s" and cell.value == _safe_text(str(expected))


def _number(cell: Cell) -> Decimal | None:
    """A numeric cell's exact value: floats by their shortest repr (what Excel shows)."""
    if cell.kind != "n" or isinstance(cell.value, bool) or cell.value is None:
        return None
    try:
        value = Decimal(repr(cell.value)) if isinstance(cell.value, float) else Decimal(cell.value)
    except (InvalidOperation, TypeError, ValueError):
        return None
    return value if value.is_finite() else None


def _quantity(rows: WorkbookRows, row: int, cell: Cell, decimals: int) -> Decimal | None:
    if cell.value is None or cell.value == "":
        rows.problem(row, COUNTED, "blank_count")
        return None
    if cell.kind == "f":
        rows.problem(row, COUNTED, "formula", cell.value)
        return None
    value = _number(cell)
    if value is None:
        rows.problem(row, COUNTED, "text_in_number", cell.value)
    elif value < 0:
        rows.problem(row, COUNTED, "negative", cell.value)
    elif decimals_of(value) > decimals:
        rows.problem(row, COUNTED, "too_many_decimals", cell.value)
    else:
        return value.quantize(Decimal(1).scaleb(-decimals))
    return None


def _text(rows: WorkbookRows, row: int, cell: Cell, column: int) -> str:
    if cell.kind == "f":
        rows.problem(row, column, "formula", cell.value)
        return ""
    if cell.value is None:
        return ""
    return str(cell.value).strip()


def _reason(rows: WorkbookRows, row: int, cell: Cell, labels: Mapping[str, str]) -> str:
    text = _text(rows, row, cell, REASON)
    if not text:
        return ""
    code = labels.get(text)
    if code is None:
        rows.problem(row, REASON, "bad_reason", text)
        return ""
    return code


def check_rows(
    conn: Connection,
    filename: str,
    depot_id: int,
    sheet: Sequence[Sequence[Cell]],
    expected: Mapping[int, list[object]],
    lines: Sequence[CountLineRow],
    reason_text: Mapping[CountReason, str],
) -> WorkbookRows:
    """Every line counted once, fixed columns untouched, numbers plain; raises
    WorkbookRejected with all problems found."""
    rows = WorkbookRows()
    labels = {text: code.value for code, text in reason_text.items()}
    labels.update({code.value: code.value for code in CountReason})
    by_no = {line.line_no: line for line in lines}
    if not sheet or [c.value for c in sheet[0]] != list(HEADERS):
        raise WorkbookRejected(filename, ((1, "", "header_changed", ""),))
    seen: set[int] = set()
    items = _items(conn)
    locations = _locations(conn, depot_id)
    for index, cells in enumerate(sheet[1:], start=2):
        for column, cell in enumerate(cells):
            if cell.kind == "f" and column not in (COUNTED, REASON, NOTE):
                rows.problem(index, column, "formula", cell.value)
        key = cells[0]
        if key.value is None or key.value == "":
            if any(c.value not in (None, "") for c in cells):
                _found(rows, index, cells, items, locations, labels)
            continue
        line_no = _number(key)
        if line_no is None or line_no != line_no.to_integral_value() or int(line_no) not in by_no:
            rows.problem(index, 0, "fixed_edited", key.value)
            continue
        number = int(line_no)
        if number in seen:
            rows.problem(index, 0, "duplicate_row", number)
            continue
        seen.add(number)
        for column, value in enumerate(expected[number][:FIXED]):
            if column and not _same(cells[column], value) and cells[column].kind != "f":
                rows.problem(index, column, "fixed_edited", cells[column].value)
        line = by_no[number]
        counted = _quantity(rows, index, cells[COUNTED], line.decimals)
        reason = _reason(rows, index, cells[REASON], labels)
        note = _text(rows, index, cells[NOTE], NOTE)
        if counted is not None:
            rows.entries.append((line, counted, reason, note))
    for number in sorted(set(by_no) - seen):
        rows.problem(number + 1, 0, "missing_row", number)
    if rows.problems:
        raise WorkbookRejected(filename, tuple(rows.problems))
    return rows


def _found(
    rows: WorkbookRows,
    index: int,
    cells: Sequence[Cell],
    items: Mapping[str, tuple[str, int, int]],
    locations: set[str],
    labels: Mapping[str, str],
) -> None:
    for column in (1, 4, 5, 7, 8):  # fixed columns stay empty on a found row
        if cells[column].value not in (None, ""):
            rows.problem(index, column, "fixed_edited", cells[column].value)
    code = _text(rows, index, cells[_ITEM], _ITEM)
    item = items.get(code)
    if not code or not _text(rows, index, cells[REASON], REASON):
        rows.problem(index, _ITEM if not code else REASON, "found_incomplete")
        return
    if item is None:
        rows.problem(index, _ITEM, "unknown_item", code)
        return
    name, decimals, price = item
    location = _text(rows, index, cells[_LOCATION], _LOCATION)
    if location and location not in locations:
        rows.problem(index, _LOCATION, "unknown_location", location)
    qty = _quantity(rows, index, cells[COUNTED], decimals)
    reason = _reason(rows, index, cells[REASON], labels)
    if qty is not None and qty == 0:
        rows.problem(index, COUNTED, "found_incomplete", "0")
        return
    if qty is None or not reason:
        return
    rows.found.append(
        FoundRow(
            index,
            code,
            name,
            qty,
            _text(rows, index, cells[_BATCH], _BATCH),
            location,
            reason,
            _text(rows, index, cells[NOTE], NOTE),
            money_amount(qty, price),
        )
    )


def _items(conn: Connection) -> dict[str, tuple[str, int, int]]:
    i = t.items.c
    return {
        r.code: (r.name, int(r.decimals), int(r.ref_price_fen or 0))
        for r in conn.execute(select(i.code, i.name, i.decimals, i.ref_price_fen))
    }


def _locations(conn: Connection, depot_id: int) -> set[str]:
    loc = t.locations.c
    return set(conn.execute(select(loc.code).where(loc.depot_id == depot_id)).scalars())
