"""Write plain rows to an .xlsx file: exact numbers, real dates, and no formula injection."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

# A cell text starting with one of these is run as a formula by Excel/LibreOffice
# when typed, pasted or re-edited (OWASP "CSV injection"), e.g. =HYPERLINK(...).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"

_MIN_WIDTH = 6
_MAX_WIDTH = 60
_WIDTH_SAMPLE_ROWS = 2000  # enough to size columns without a second pass over 100k rows
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def export_rows(
    path: str | os.PathLike[str],
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
) -> Path:
    """Write ``headers`` and ``rows`` as one sheet named after ``title``; returns the path.

    Cells may hold None, str, int, Decimal, float, bool, date or datetime. The file
    is written to a temporary name and renamed, so a failed export never leaves a
    half-written file where the user expects a good one.
    """
    return export_sheets(path, title, [(title, headers, rows)])


def export_sheets(
    path: str | os.PathLike[str],
    title: str,
    sheets: Sequence[tuple[str, Sequence[str], Sequence[Sequence[Any]]]],
) -> Path:
    """Several (sheet title, headers, rows) in one workbook, written atomically."""
    target = Path(path)
    workbook = Workbook(write_only=True)
    workbook.properties.title = title
    written: list[WriteOnlyWorksheet] = []
    try:
        used: set[str] = set()
        for name, headers, rows in sheets:
            sheet_name = _sheet_title(name)
            while sheet_name in used:
                sheet_name = _sheet_title(f"{sheet_name[:28]}{len(used)}")
            used.add(sheet_name)
            sheet = workbook.create_sheet(sheet_name)
            written.append(sheet)
            _write_sheet(sheet, headers, rows)
        _save_atomically(workbook, target)
    except BaseException:
        for sheet in written:
            _discard(sheet)
        raise
    return target


def _write_sheet(
    sheet: WriteOnlyWorksheet, headers: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    _set_column_widths(sheet, headers, rows)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for text in headers:
        cell = WriteOnlyCell(sheet, value=_safe_text(str(text)))
        cell.data_type = "s"
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([_cell(sheet, value) for value in row])


def _save_atomically(workbook: Workbook, target: Path) -> None:
    fd, temp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    temp = Path(temp_name)
    try:
        workbook.save(temp)
        with temp.open("rb+") as written:
            os.fsync(written.fileno())  # the rename must not outrun the data after a power cut
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _discard(sheet: WriteOnlyWorksheet) -> None:
    """After a failure, release the temporary file openpyxl streams the rows into."""
    # Private openpyxl state, hence the blanket suppress: this is best-effort
    # cleanup on a path that is already raising the real error.
    with contextlib.suppress(Exception):
        if not sheet.closed:
            sheet.close()
    with contextlib.suppress(Exception):
        writer = getattr(sheet, "_writer", None)
        if writer is not None:
            writer.cleanup()


def _safe_text(text: str) -> str:
    # The quote keeps the text inert even if a user edits the cell later; being a
    # string cell (data_type "s") alone only protects it until then.
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def _cell(sheet: WriteOnlyWorksheet, value: Any) -> WriteOnlyCell | None:
    if value is None:
        return None
    if isinstance(value, str):
        cell = WriteOnlyCell(sheet, value=_safe_text(value))
        cell.data_type = "s"  # openpyxl would otherwise store "=..." as a formula
        return cell
    if isinstance(value, Decimal):
        # Exact integers stay ints; other Decimals go in as numbers, which openpyxl
        # writes to 16 significant digits: the same double Excel would parse, so
        # values of up to 15 digits (Excel's own precision) read back unchanged.
        value = int(value) if value == value.to_integral_value() else value
        return WriteOnlyCell(sheet, value=value)
    if isinstance(value, datetime):
        if value.tzinfo is not None:  # Excel has no time zones: show local wall time
            value = value.astimezone().replace(tzinfo=None)
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATETIME_FORMAT
        return cell
    if isinstance(value, date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    if isinstance(value, bool | int | float):
        return WriteOnlyCell(sheet, value=value)
    return _cell(sheet, str(value))


def _display_width(text: str) -> int:
    # CJK and other full-width characters take two columns in Excel's default font.
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _text_for_width(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return "2026-01-01 00:00"
    if isinstance(value, date):
        return "2026-01-01"
    return str(value)


def _set_column_widths(
    sheet: WriteOnlyWorksheet, headers: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    # Write-only sheets stream rows out, so widths must be set before the first row.
    widths = [_display_width(str(h)) for h in headers]
    for row in rows[:_WIDTH_SAMPLE_ROWS]:
        for i, value in enumerate(row):
            width = _display_width(_text_for_width(value))
            if i >= len(widths):
                widths.append(width)
            elif width > widths[i]:
                widths[i] = width
    for i, width in enumerate(widths, start=1):
        letter = get_column_letter(i)
        sheet.column_dimensions[letter].width = max(_MIN_WIDTH, min(_MAX_WIDTH, width + 2))


def _sheet_title(title: str) -> str:
    # Excel refuses sheet names with []:*?/\ or longer than 31 characters.
    cleaned = _BAD_SHEET_CHARS.sub("_", title).strip("'") or "Sheet1"
    return cleaned[:31]
