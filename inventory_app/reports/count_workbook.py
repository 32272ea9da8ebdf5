"""The offline audit workbook of a count (.xlsx): a protected sheet of lines, one editable
counted column (plus reason and notes), and a hidden manifest that makes edits detectable.

Plain rows in, file out: the service decides what the rows and the manifest say.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from .xlsx_export import _discard, _display_width, _safe_text, _save_atomically

SHEET = "盘点表"
MANIFEST = "manifest"
HEADERS = (
    "行号",
    "批次ID",
    "库位",
    "物资编码",
    "物资名称",
    "规格型号",
    "批号",
    "单位",
    "账面数量",
    "实盘数量",
    "差异原因",
    "备注",
)
FIXED = len(HEADERS) - 3  # the first nine columns are the count's, never the auditor's
COUNTED, REASON, NOTE = FIXED, FIXED + 1, FIXED + 2  # 0-based column indexes
FOUND_ROWS = 200  # blank rows left open for stock found that no line names (盘盈)
_MAX_VALIDATION_RUNS = 2000  # beyond this many runs of one decimals value: one rule for all
_WIDTHS = (6, 9, 10, 10, 20, 18, 14, 6, 11, 11, 11, 24)
_OPEN = Protection(locked=False)
_EDIT_FILL = PatternFill("solid", fgColor="FFF2CC")
_FIXED_FILL = PatternFill("solid", fgColor="EDEDED")
_CENTER = Alignment(horizontal="center")
_FOUND_COLUMNS = (2, 3, 6)  # 库位, 物资编码, 批号


def write_count_workbook(
    path: str | os.PathLike[str],
    *,
    rows: Sequence[Sequence[Any]],
    decimals: Sequence[int],
    reasons: Sequence[str],
    manifest: Sequence[tuple[str, str]],
    progress: Callable[[int], None] | None = None,
) -> Path:
    """Write the count sheet (``rows`` hold the FIXED columns of each line, already in
    sheet order) and the manifest; the file appears atomically or not at all."""
    target = Path(path)
    workbook = Workbook(write_only=True)
    workbook.properties.title = SHEET
    sheet = workbook.create_sheet(SHEET)
    hidden = workbook.create_sheet(MANIFEST)
    try:
        _layout(sheet, len(rows), decimals, reasons)
        bold = Font(bold=True)
        header = []
        for text in HEADERS:
            cell = WriteOnlyCell(sheet, value=text)
            cell.font, cell.fill, cell.alignment = bold, _FIXED_FILL, _CENTER
            header.append(cell)
        sheet.append(header)
        for n, row in enumerate(rows, 1):
            # Only the fixed cells are written: the auditor's cells take their column's
            # style (unlocked, tinted), which keeps a 50,000-line export near raw speed.
            sheet.append([_plain(value) for value in row])
            if progress is not None and n % 5000 == 0:
                progress(n)
        hidden.sheet_state = "veryHidden"
        for key, value in manifest:
            hidden.append([_text(hidden, key), _text(hidden, value)])
        _save_atomically(workbook, target)
    except BaseException:
        _discard(sheet)
        _discard(hidden)
        raise
    return target


def _text(sheet: Any, value: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=_safe_text(value))
    cell.data_type = "s"
    return cell


def _plain(value: Any) -> Any:
    """A fixed cell's value as openpyxl stores it without a cell object: text made inert
    (it then never starts with "="), whole Decimals as ints."""
    if isinstance(value, str):
        return _safe_text(value)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else value
    if value is None or isinstance(value, int):
        return value
    return _safe_text(str(value))


def _layout(sheet: Any, count: int, decimals: Sequence[int], reasons: Sequence[str]) -> None:
    """Widths, frozen header, sheet protection and the input rules, before the first row."""
    for i, width in enumerate(_WIDTHS, 1):
        header_width = _display_width(HEADERS[i - 1]) + 2
        column = sheet.column_dimensions[get_column_letter(i)]
        column.width = max(width, header_width)
        if i - 1 in (COUNTED, REASON, NOTE):
            column.protection, column.fill = _OPEN, _EDIT_FILL
        elif i - 1 in _FOUND_COLUMNS:  # found rows (below the lines) name item, batch, place
            column.protection = _OPEN
    sheet.freeze_panes = "A2"
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # allow widening columns
    sheet.protection.autoFilter = False
    counted = get_column_letter(COUNTED + 1)
    last = count + 1 + FOUND_ROWS
    for rule in _number_rules(counted, decimals, count):
        sheet.data_validations.append(rule)
    found = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
    found.add(f"{counted}{count + 2}:{counted}{last}")
    sheet.data_validations.append(found)
    listed = DataValidation(type="list", formula1='"' + ",".join(reasons) + '"', allow_blank=True)
    listed.add(f"{get_column_letter(REASON + 1)}2:{get_column_letter(REASON + 1)}{last}")
    sheet.data_validations.append(listed)


def _number_rules(column: str, decimals: Sequence[int], count: int) -> list[DataValidation]:
    """A number ≥ 0 with at most the item's decimals, per run of lines of one item kind.

    Excel has no "at most N decimals" rule, hence a custom formula; each run gets its own
    rule since a formula's relative reference counts from its range's first cell."""
    runs: list[tuple[int, int, int]] = []  # first row, last row, decimals
    for i, dec in enumerate(decimals[:count]):
        row = i + 2
        if runs and runs[-1][2] == dec and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row, dec)
        else:
            runs.append((row, row, dec))
    if not runs:
        return []
    if len(runs) > _MAX_VALIDATION_RUNS:
        rule = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
        rule.add(f"{column}2:{column}{count + 1}")
        return [rule]
    rules = []
    for first, last, dec in runs:
        cell = f"{column}{first}"
        formula = f"AND(ISNUMBER({cell}),{cell}>=0,ROUND({cell},{dec})={cell})"
        rule = DataValidation(type="custom", formula1=formula, allow_blank=True)
        rule.error = f"请填写不小于 0 的数字，最多 {dec} 位小数"
        rule.errorTitle = "实盘数量"
        rule.showErrorMessage = True
        rule.add(f"{column}{first}:{column}{last}")
        rules.append(rule)
    return rules
