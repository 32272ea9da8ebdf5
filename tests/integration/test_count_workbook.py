"""The audit workbook: round trip, dry run, and a refused second import."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from inventory_app.domain.errors import WorkbookRejected
from inventory_app.domain.model import DocState
from inventory_app.messages import error_message
from inventory_app.reports.count_workbook import MANIFEST, SHEET
from inventory_app.services import count_queries, count_workbook, counts
from inventory_app.services.verify import verify
from tests.factories import World
from tests.integration.count_support import COUNT_TABLES, open_count, stock
from tests.integration.helpers import dump, lot_on_hand, rid
from tests.integration.workbook_support import add_found, edit, fill


def test_exported_workbook_is_protected_validated_and_carries_a_hidden_manifest(
    world: World, tmp_path: Path
) -> None:
    stock(world)
    doc_no = open_count(world)
    out = tmp_path / "count.xlsx"
    assert count_workbook.export_workbook(world.uow, world.keeper_a, doc_no, out) == 3
    book = openpyxl.load_workbook(out)
    sheet = book[SHEET]
    assert sheet.protection.sheet
    assert sheet.freeze_panes == "A2"
    assert book[MANIFEST].sheet_state == "veryHidden"
    assert sheet.cell(2, 1).protection.locked
    # The auditor's columns are unlocked and tinted (the cells take their column's style).
    for letter in ("J", "K", "L", "C", "D", "G"):
        assert not sheet.column_dimensions[letter].protection.locked, letter
    for letter in ("A", "B", "E", "F", "H", "I"):
        assert sheet.column_dimensions[letter].protection.locked, letter
    assert sheet.column_dimensions["J"].fill.fgColor.rgb.endswith("FFF2CC")
    assert sheet.cell(2, 9).value == Decimal("2.5")
    rules = sheet.data_validations.dataValidation
    assert any("ROUND(J2,3)" in (r.formula1 or "") for r in rules)
    assert any("ROUND(J3,0)" in (r.formula1 or "") for r in rules)
    assert sheet.column_dimensions["E"].width >= 20
    manifest = {r[0].value: r[1].value for r in book[MANIFEST].iter_rows()}
    assert manifest["count_no"] == doc_no and manifest["line_count"] == "3"


def test_blind_workbook_has_no_book_quantities(world: World, tmp_path: Path) -> None:
    stock(world)
    doc_no = open_count(world, blind=True)
    out = tmp_path / "blind.xlsx"
    count_workbook.export_workbook(world.uow, world.keeper_a, doc_no, out)
    sheet = openpyxl.load_workbook(out)[SHEET]
    assert [sheet.cell(r, 9).value for r in (2, 3, 4)] == [None, None, None]


def test_round_trip_dry_run_then_import_then_approve(world: World, tmp_path: Path) -> None:
    s = stock(world)
    doc_no = open_count(world)
    out = tmp_path / "count.xlsx"
    count_workbook.export_workbook(world.uow, world.keeper_a, doc_no, out)

    def change(sheet, _manifest):  # type: ignore[no-untyped-def]
        fill(sheet, {1: (2.4, "计量误差"), 2: (8, "破损")})
        add_found(sheet, "050104", 3, "其他", batch="Q-X", location="A-01", note="仓库角落")

    filled = edit(out, tmp_path / "filled.xlsx", change)
    before = dump(world.uow, COUNT_TABLES)
    preview = count_workbook.import_workbook(
        world.uow, world.keeper_a, filled, request_id=rid(), dry_run=True
    )
    assert dump(world.uow, COUNT_TABLES) == before
    assert [(p.line_no, p.variance) for p in preview.changed] == [
        (1, Decimal("-0.1")),
        (2, Decimal(-2)),
    ]
    assert [(f.item_code, f.quantity) for f in preview.found] == [("050104", Decimal(3))]
    done = count_workbook.import_workbook(world.uow, world.keeper_a, filled, request_id=rid())
    assert done.applied
    detail = count_queries.count_detail(world.uow, world.keeper_a, doc_no)
    assert detail.state == DocState.ENTERED
    with pytest.raises(WorkbookRejected) as again:
        count_workbook.import_workbook(world.uow, world.keeper_a, filled, request_id=rid())
    assert again.value.params["problems"][0][2] in ("already_imported", "not_counting")
    counts.approve_count(world.uow, s.auditor, doc_no=doc_no, request_id=rid())
    assert lot_on_hand(world.uow, s.tents) == 8000
    assert lot_on_hand(world.uow, s.flour) == 2400
    assert verify(world.uow, world.admin).ok


def test_an_edited_fixed_cell_is_named_in_the_message(world: World, tmp_path: Path) -> None:
    stock(world)
    doc_no = open_count(world)
    out = tmp_path / "count.xlsx"
    count_workbook.export_workbook(world.uow, world.keeper_a, doc_no, out)

    def change(sheet, _manifest):  # type: ignore[no-untyped-def]
        fill(sheet, {})
        sheet.cell(3, 9).value = 12

    bad = edit(out, tmp_path / "bad.xlsx", change)
    before = dump(world.uow, COUNT_TABLES)
    with pytest.raises(WorkbookRejected) as caught:
        count_workbook.import_workbook(world.uow, world.keeper_a, bad, request_id=rid())
    assert dump(world.uow, COUNT_TABLES) == before
    assert caught.value.params["problems"] == ((3, "账面数量", "fixed_edited", "12"),)
    assert "第 3 行“账面数量”" in error_message(caught.value)
    assert "row 3 (账面数量)" in error_message(caught.value, "en")


def test_the_workbook_carries_the_history_anchor_verify_can_check(
    world: World, tmp_path: Path
) -> None:
    """The auditor's workbook is an anchor kept outside the database (issue 8)."""
    from inventory_app.services import verify as verifying

    stock(world)
    doc_no = open_count(world)
    out = tmp_path / "count.xlsx"
    count_workbook.export_workbook(world.uow, world.keeper_a, doc_no, out)
    book = openpyxl.load_workbook(out)
    manifest = {r[0].value: r[1].value for r in book[MANIFEST].iter_rows()}
    assert manifest["history_anchor"] and "chain_head A" in manifest
    anchor = verifying.read_anchor(out)
    assert anchor and {h.depot_code for h in anchor} >= {"A"}
    assert verifying.check_anchor(world.uow, world.admin, anchor) == []
