"""Build audit workbooks as another program would: fill, tamper, or forge them."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl

from inventory_app.reports.count_workbook import COUNTED, NOTE, REASON, SHEET


def edit(src: Path, dst: Path, change: Callable[[Any, Any], None]) -> Path:
    """Open the exported workbook with openpyxl (as an auditor's spreadsheet would),
    let `change(sheet, manifest)` edit it, save as `dst`."""
    book = openpyxl.load_workbook(src)
    change(book[SHEET], book["manifest"])
    book.save(dst)
    return dst


def fill(sheet: Any, counts: dict[int, Any], default_from_book: bool = True) -> None:
    """Counted quantities by line number; other lines get their book quantity."""
    for row in range(2, sheet.max_row + 1):
        line_no = sheet.cell(row, 1).value
        if line_no is None:
            continue
        value = counts.get(line_no, sheet.cell(row, 9).value if default_from_book else None)
        if isinstance(value, tuple):
            value, reason = value
            sheet.cell(row, REASON + 1).value = reason
        sheet.cell(row, COUNTED + 1).value = value


def first_free_row(sheet: Any) -> int:
    row = 2
    while sheet.cell(row, 1).value is not None:
        row += 1
    return row


def add_found(
    sheet: Any,
    item: str,
    qty: Any,
    reason: str = "其他",
    batch: str = "",
    location: str = "",
    note: str = "",
) -> None:
    row = first_free_row(sheet)
    sheet.cell(row, 4).value = item
    sheet.cell(row, 7).value = batch
    sheet.cell(row, 3).value = location or None
    sheet.cell(row, COUNTED + 1).value = qty
    sheet.cell(row, REASON + 1).value = reason
    sheet.cell(row, NOTE + 1).value = note or None


def rezip(
    src: Path,
    dst: Path,
    *,
    add: dict[str, bytes] | None = None,
    replace: dict[str, bytes] | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> Path:
    """Copy a workbook's zip members, replacing or adding some."""
    add, replace = add or {}, replace or {}
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", compression) as zout:
        for info in zin.infolist():
            data = replace.get(info.filename, zin.read(info.filename))
            zout.writestr(info.filename, data)
        for name, data in add.items():
            zout.writestr(name, data)
    return dst
