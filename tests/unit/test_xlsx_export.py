"""xlsx export: exact numbers, real dates, inert formula-like text, atomic writes."""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from inventory_app.reports import xlsx_export
from inventory_app.reports.xlsx_export import export_rows

HEADERS = ["物资编码", "物资名称", "数量", "金额", "有效期至", "入库时间"]


def _export(tmp_path: Path, rows: list[list[Any]], headers: list[str] | None = None) -> Any:
    path = export_rows(tmp_path / "库存.xlsx", "库存明细", headers or HEADERS, rows)
    return openpyxl.load_workbook(path).active


def test_header_row_is_bold_and_frozen(tmp_path: Path) -> None:
    sheet = _export(tmp_path, [["WZ001", "帐篷", Decimal(5), Decimal("100.00"), None, None]])
    assert sheet.title == "库存明细"
    assert [c.value for c in sheet[1]] == HEADERS
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert not sheet["A2"].font.bold


def test_numbers_are_exact(tmp_path: Path) -> None:
    values = [
        Decimal("8.2"),
        Decimal("273.81"),
        Decimal("93.719"),
        Decimal("72363435.54"),
        Decimal("99225881746.51"),
        Decimal("999999999999.999"),  # 15 significant digits: Excel's limit
        Decimal("0.001"),
        Decimal("-12.5"),
    ]
    sheet = _export(tmp_path, [[v] for v in values], ["数量"])
    for row, value in enumerate(values, start=2):
        cell = sheet.cell(row=row, column=1)
        assert cell.data_type == "n"
        assert Decimal(repr(cell.value)) == value


def test_integral_decimals_become_ints(tmp_path: Path) -> None:
    sheet = _export(tmp_path, [[Decimal("15000.000"), 7, Decimal("1E+3")]], ["a", "b", "c"])
    assert [c.value for c in sheet[2]] == [15000, 7, 1000]
    assert all(isinstance(c.value, int) for c in sheet[2])


def test_dates_are_dates(tmp_path: Path) -> None:
    received = datetime(2026, 11, 23, 14, 5)
    sheet = _export(tmp_path, [[date(2026, 11, 23), received]], ["有效期至", "入库时间"])
    expiry_cell, received_cell = sheet[2]
    assert expiry_cell.is_date and expiry_cell.value == datetime(2026, 11, 23)
    assert expiry_cell.number_format == xlsx_export.DATE_FORMAT
    assert received_cell.is_date and received_cell.value == received
    assert received_cell.number_format == xlsx_export.DATETIME_FORMAT


def test_aware_datetimes_are_written_as_local_time(tmp_path: Path) -> None:
    moment = datetime(2026, 11, 23, 6, 5, tzinfo=UTC)
    sheet = _export(tmp_path, [[moment]], ["时间"])
    assert sheet["A2"].value == moment.astimezone().replace(tzinfo=None)


@pytest.mark.parametrize(
    "text",
    [
        "=1+1",
        '=HYPERLINK("http://evil.example","点击")',
        "+1+1",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1,1)",
        "\t=1+1",
        "\r=1+1",
    ],
)
def test_formula_like_text_stays_text(tmp_path: Path, text: str) -> None:
    sheet = _export(tmp_path, [[text]], [text])
    for cell in (sheet["A1"], sheet["A2"]):  # headers come from callers too
        assert cell.data_type == "s"
        # XML parsers turn a raw \r into \n; what matters is the leading quote.
        assert cell.value == "'" + text.replace("\r", "\n")
        assert not cell.value.startswith(xlsx_export.FORMULA_TRIGGERS)


def test_plain_text_is_untouched(tmp_path: Path) -> None:
    sheet = _export(tmp_path, [["帐篷 (单帐) 3×4m", "A=B", "", None]], ["a", "b", "c", "d"])
    assert [c.value for c in sheet[2]] == ["帐篷 (单帐) 3×4m", "A=B", None, None]


def test_other_values_are_written_as_text(tmp_path: Path) -> None:
    class Level:
        def __str__(self) -> str:
            return "县(区)"

    sheet = _export(tmp_path, [[Level(), True]], ["级别", "启用"])
    assert [c.value for c in sheet[2]] == ["县(区)", True]


def test_column_widths_count_cjk_double(tmp_path: Path) -> None:
    sheet = _export(tmp_path, [["ABCDEFGHIJ", "应急物资储备管理系统"]], ["a", "b"])
    latin = sheet.column_dimensions["A"].width
    cjk = sheet.column_dimensions["B"].width
    assert cjk > latin >= 10
    long = _export(tmp_path, [["x" * 500]], ["a"])
    assert long.column_dimensions["A"].width <= 60


def test_sheet_title_is_made_valid(tmp_path: Path) -> None:
    path = export_rows(tmp_path / "a.xlsx", "2026/11 库存:明细*[全部]" * 3, ["a"], [[1]])
    title = openpyxl.load_workbook(path).active.title
    assert len(title) <= 31
    assert not set(title) & set("[]:*?/\\")


def test_replaces_existing_file_atomically(tmp_path: Path) -> None:
    target = tmp_path / "export.xlsx"
    target.write_bytes(b"old")
    result = export_rows(target, "t", ["a"], [[1]])
    assert result == target
    assert openpyxl.load_workbook(target).active["A2"].value == 1
    assert [p.name for p in tmp_path.iterdir()] == ["export.xlsx"]  # no temp file left


def test_failed_export_keeps_old_file_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "export.xlsx"
    target.write_bytes(b"old")
    scratch = tmp_path / "scratch"  # where openpyxl streams rows before zipping them
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))

    def broken_save(self: object, filename: str) -> None:
        Path(filename).write_bytes(b"partial")
        raise OSError("disk full")

    monkeypatch.setattr(openpyxl.Workbook, "save", broken_save)
    with pytest.raises(OSError, match="disk full"):
        export_rows(target, "t", ["a"], [[1]])
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.xlsx", "scratch"]
    assert list(scratch.iterdir()) == []


def test_module_does_not_import_qt() -> None:
    # reports/ serves services and the CLI; Qt must stay inside ui/.
    assert xlsx_export.__name__ in sys.modules
    source = Path(xlsx_export.__file__).read_text(encoding="utf-8")
    assert "PySide6" not in source and "QtCore" not in source
