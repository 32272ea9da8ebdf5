"""Every imported workbook is hostile: 40 malformed or malicious ones, each refused with
its reason, in bounded time and memory, and the database exactly as before."""

from __future__ import annotations

import os
import re
import tracemalloc
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from inventory_app.domain.errors import WorkbookRejected
from inventory_app.messages import error_message
from inventory_app.persistence import tables as t
from inventory_app.reports.count_workbook import COUNTED, HEADERS, NOTE, REASON, SHEET
from inventory_app.services import count_workbook, counts
from tests.factories import World
from tests.integration.count_support import open_count, stock
from tests.integration.helpers import dump, rid
from tests.integration.workbook_support import add_found, edit, fill, rezip

ALL_TABLES = tuple(t.metadata.tables)
SHEET_XML = "xl/worksheets/sheet1.xml"


@dataclass
class Ctx:
    world: World
    tmp: Path
    exported: Path  # a valid, untouched export of `doc_no`
    doc_no: str
    other: Path  # a valid export of a second count

    def filled(self, change: Callable[[Any, Any], None] = lambda s, m: None) -> Path:
        def both(sheet: Any, manifest: Any) -> None:
            fill(sheet, {})
            change(sheet, manifest)

        return edit(self.exported, self.tmp / "case.xlsx", both)

    def manifest(self, key: str, value: str) -> Path:
        def change(_sheet: Any, manifest: Any) -> None:
            for row in manifest.iter_rows():
                if row[0].value == key:
                    row[1].value = value

        return self.filled(change)

    def raw(self, data: bytes, name: str = "case.xlsx") -> Path:
        path = self.tmp / name
        path.write_bytes(data)
        return path

    def patched_sheet(self, pattern: bytes, replacement: bytes) -> Path:
        base = self.filled()
        with zipfile.ZipFile(base) as archive:
            xml = archive.read(SHEET_XML)
        patched, n = re.subn(pattern, replacement, xml, count=1)
        assert n == 1
        return rezip(base, self.tmp / "patched.xlsx", replace={SHEET_XML: patched})


def _cell(row: int, column: int, value: Any) -> Callable[[Any, Any], None]:
    def change(sheet: Any, _manifest: Any) -> None:
        sheet.cell(row, column + 1).value = value

    return change


def _huge(ctx: Ctx) -> Path:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(SHEET)
    sheet.append(list(HEADERS))
    for n in range(1, 60_010):
        sheet.append([n])
    book.create_sheet("manifest").append(["format", "inventory-count-1"])
    path = ctx.tmp / "huge.xlsx"
    book.save(path)
    return path


def _zip_bomb(ctx: Ctx) -> Path:
    path = ctx.tmp / "bomb.xlsx"
    with (
        zipfile.ZipFile(ctx.exported) as zin,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z,
    ):
        for info in zin.infolist():
            z.writestr(info.filename, zin.read(info.filename))
        with z.open("xl/media/bomb.xml", "w") as member:
            block = b"\0" * (1024 * 1024)
            for _ in range(120):
                member.write(block)
    return path


def _xlsm(ctx: Ctx) -> Path:
    with zipfile.ZipFile(ctx.filled()) as archive:
        types = archive.read("[Content_Types].xml")
    types = types.replace(b"spreadsheetml.sheet.main+xml", b"sheet.macroEnabled.main+xml")
    return rezip(
        ctx.tmp / "case.xlsx",
        ctx.tmp / "macro.xlsm.xlsx",
        add={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\0" * 512},
        replace={"[Content_Types].xml": types},
    )


def _macro_type_only(ctx: Ctx) -> Path:
    with zipfile.ZipFile(ctx.filled()) as archive:
        types = archive.read("[Content_Types].xml")
    types = types.replace(b"spreadsheetml.sheet.main+xml", b"sheet.macroEnabled.main+xml")
    return rezip(ctx.tmp / "case.xlsx", ctx.tmp / "m2.xlsx", replace={"[Content_Types].xml": types})


def _external_link(ctx: Ctx) -> Path:
    link = (
        b'<?xml version="1.0"?><externalLink xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><externalBook r:id="rId1"/></externalLink>'
    )
    return rezip(
        ctx.filled(), ctx.tmp / "ext.xlsx", add={"xl/externalLinks/externalLink1.xml": link}
    )


def _entities(ctx: Ctx) -> Path:
    bomb = (
        b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><worksheet'
    )
    return ctx.patched_sheet(rb"<worksheet", bomb)


def _second_import(ctx: Ctx) -> Path:
    good = ctx.filled()
    count_workbook.import_workbook(ctx.world.uow, ctx.world.keeper_a, good, request_id=rid())
    return good


def _cancelled(ctx: Ctx) -> Path:
    good = ctx.filled()
    counts.cancel_count(ctx.world.uow, ctx.world.keeper_a, doc_no=ctx.doc_no, request_id=rid())
    return good


def _other_count(ctx: Ctx) -> Path:
    with zipfile.ZipFile(ctx.other) as archive:
        other_manifest = archive.read("xl/worksheets/sheet2.xml")
    return rezip(
        ctx.filled(), ctx.tmp / "swap.xlsx", replace={"xl/worksheets/sheet2.xml": other_manifest}
    )


def _delete_row(sheet: Any, _manifest: Any) -> None:
    sheet.delete_rows(3)


def _duplicate_row(sheet: Any, _manifest: Any) -> None:
    for column in range(1, len(HEADERS) + 1):
        sheet.cell(5, column).value = sheet.cell(3, column).value


def _rename_sheet(sheet: Any, _manifest: Any) -> None:
    sheet.title = "Sheet1"


def _drop_manifest(sheet: Any, manifest: Any) -> None:
    sheet.parent.remove(manifest)


CASES: dict[str, tuple[Callable[[Ctx], Path], str]] = {
    "edited item code": (lambda c: c.filled(_cell(3, 3, "050104")), "fixed_edited"),
    "edited item name": (lambda c: c.filled(_cell(3, 4, "帐篷(改)")), "fixed_edited"),
    "edited book qty": (lambda c: c.filled(_cell(3, 8, 12)), "fixed_edited"),
    "edited batch": (lambda c: c.filled(_cell(4, 6, "Q-2")), "fixed_edited"),
    "edited lot id": (lambda c: c.filled(_cell(2, 1, 999)), "fixed_edited"),
    "edited location": (lambda c: c.filled(_cell(3, 2, "B-01")), "fixed_edited"),
    "line number not a number": (lambda c: c.filled(_cell(3, 0, "二")), "fixed_edited"),
    "unknown line number": (lambda c: c.filled(_cell(3, 0, 77)), "fixed_edited"),
    "duplicated row": (lambda c: c.filled(_duplicate_row), "duplicate_row"),
    "missing row": (lambda c: c.filled(_delete_row), "missing_row"),
    "header changed": (lambda c: c.filled(_cell(1, COUNTED, "数量")), "header_changed"),
    "formula in counted": (lambda c: c.filled(_cell(3, COUNTED, "=5+5")), "formula"),
    "formula in note": (lambda c: c.filled(_cell(3, NOTE, '=HYPERLINK("http://x")')), "formula"),
    "formula in fixed column": (lambda c: c.filled(_cell(3, 4, "=A1")), "formula"),
    "formula with cached value": (
        lambda c: c.patched_sheet(
            rb"<c r=\"J3\"([^>]*)><v>10</v></c>", rb'<c r="J3"\1><f>2*5</f><v>10</v></c>'
        ),
        "formula",
    ),
    "text in number": (lambda c: c.filled(_cell(3, COUNTED, "8")), "text_in_number"),
    "chinese number": (lambda c: c.filled(_cell(3, COUNTED, "八")), "text_in_number"),
    "boolean in number": (lambda c: c.filled(_cell(3, COUNTED, True)), "text_in_number"),
    "negative count": (lambda c: c.filled(_cell(3, COUNTED, -1)), "negative"),
    "decimals on a counted item": (lambda c: c.filled(_cell(3, COUNTED, 8.5)), "too_many_decimals"),
    "four decimals of tonnes": (lambda c: c.filled(_cell(2, COUNTED, 2.4005)), "too_many_decimals"),
    "blank count": (lambda c: c.filled(_cell(4, COUNTED, None)), "blank_count"),
    "bad reason": (lambda c: c.filled(_cell(3, REASON, "猫吃了")), "bad_reason"),
    "found row without reason": (
        lambda c: c.filled(lambda s, m: add_found(s, "050101", 2, reason="")),
        "found_incomplete",
    ),
    "found row unknown item": (
        lambda c: c.filled(lambda s, m: add_found(s, "999999", 2)),
        "unknown_item",
    ),
    "found row of nothing": (
        lambda c: c.filled(lambda s, m: add_found(s, "050101", 0)),
        "found_incomplete",
    ),
    "found row unknown location": (
        lambda c: c.filled(lambda s, m: add_found(s, "050101", 1, location="Z-99")),
        "unknown_location",
    ),
    "manifest checksum": (lambda c: c.manifest("checksum", "0" * 64), "manifest_tampered"),
    "manifest line count": (lambda c: c.manifest("line_count", "2"), "manifest_tampered"),
    "manifest blind flag": (lambda c: c.manifest("blind", "1"), "manifest_tampered"),
    "manifest format": (lambda c: c.manifest("format", "other"), "manifest_tampered"),
    "manifest export id": (lambda c: c.manifest("export_id", "f" * 32), "manifest_tampered"),
    "another database": (lambda c: c.manifest("database", "0123456789abcdef"), "other_database"),
    "manifest of another count": (_other_count, "other_count"),
    "workbook of another count": (lambda c: c.other, "other_count"),
    "count number swapped": (lambda c: c.manifest("count_no", "PD-A-2026-09999"), "other_count"),
    "manifest removed": (lambda c: c.filled(_drop_manifest), "sheet_missing"),
    "sheet renamed": (lambda c: c.filled(_rename_sheet), "sheet_missing"),
    "second import": (_second_import, "already_imported"),
    "count cancelled": (_cancelled, "not_counting"),
    "empty file": (lambda c: c.raw(b""), "empty"),
    "pdf renamed xlsx": (lambda c: c.raw(b"%PDF-1.4\n" + os.urandom(2000)), "not_a_workbook"),
    "csv renamed xlsx": (lambda c: c.raw("行号,实盘数量\n1,5\n".encode()), "not_a_workbook"),
    "corrupt zip": (lambda c: c.raw(b"PK\x03\x04" + os.urandom(4000)), "not_a_workbook"),
    "zip without a workbook": (
        lambda c: rezip(c.exported, c.tmp / "z.xlsx", replace={}) and _strip_workbook(c),
        "not_a_workbook",
    ),
    "over 20 MB": (lambda c: c.raw(b"PK\x03\x04" + b"\0" * (21 * 1024 * 1024)), "too_big"),
    "zip bomb": (_zip_bomb, "zip_bomb"),
    "huge sheet": (_huge, "too_many_rows"),
    "sheet declaring a million rows": (
        lambda c: c.patched_sheet(
            rb'<dimension ref="[^"]*"\s*/>', rb'<dimension ref="A1:L1048576"/>'
        ),
        "too_many_rows",
    ),
    "xlsm with macros": (_xlsm, "macros"),
    "macro content type": (_macro_type_only, "macros"),
    "external link": (_external_link, "external_links"),
    "xml entities": (_entities, "xml_entities"),
}


def _strip_workbook(ctx: Ctx) -> Path:
    path = ctx.tmp / "noworkbook.xlsx"
    with zipfile.ZipFile(ctx.exported) as zin, zipfile.ZipFile(path, "w") as zout:
        for info in zin.infolist():
            if info.filename != "xl/workbook.xml":
                zout.writestr(info.filename, zin.read(info.filename))
    return path


@pytest.fixture
def ctx(world: World, tmp_path: Path) -> Ctx:
    stock(world)
    other_no = open_count(world, category="14")
    doc_no = open_count(world)
    exported, other = tmp_path / "count.xlsx", tmp_path / "other.xlsx"
    count_workbook.export_workbook(world.uow, world.keeper_a, doc_no, exported)
    count_workbook.export_workbook(world.uow, world.keeper_a, other_no, other)
    return Ctx(world, tmp_path, exported, doc_no, other)


def test_there_are_at_least_thirty_hostile_workbooks() -> None:
    assert len(CASES) >= 30


@pytest.mark.timeout(600)  # a bound for a hung parser, not a timing assertion
@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_workbook_is_refused_and_nothing_changes(ctx: Ctx, name: str) -> None:
    make, reason = CASES[name]
    path = make(ctx)
    before = dump(ctx.world.uow, ALL_TABLES)
    tracemalloc.start()
    try:
        with pytest.raises(WorkbookRejected) as caught:
            count_workbook.import_workbook(
                ctx.world.uow, ctx.world.keeper_a, path, request_id=rid(), expect=ctx.doc_no
            )
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 400 * 1024 * 1024  # bounded memory, whatever the file
    assert dump(ctx.world.uow, ALL_TABLES) == before
    reasons = [p[2] for p in caught.value.params["problems"]]
    assert reason in reasons, reasons
    text = error_message(caught.value)
    assert "未做任何更改" in text and "_" not in text.split("：", 1)[1]
    assert "nothing was changed" in error_message(caught.value, "en")
