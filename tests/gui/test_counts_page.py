"""The 盘点 page: open a count, export and import its workbook, submit, approve elsewhere."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from inventory_app.domain.model import DocState
from inventory_app.services import counts
from inventory_app.ui.pages.counts_page import CountsPage
from tests.factories import World
from tests.gui.dialog_support import MakePage, all_rows, pages, receive, settle_page
from tests.integration.workbook_support import add_found, fill

pytestmark = pytest.mark.usefixtures("popups_quiet")


@pytest.fixture
def make_page(qtbot: QtBot, world: World) -> Iterator[MakePage[CountsPage]]:
    with pages(qtbot, world, CountsPage) as make:
        yield make


@pytest.fixture
def answer_yes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)


def _open(page: CountsPage, ctx: Any, qtbot: QtBot, blind: bool = False) -> str:
    page.blind_check.setChecked(blind)
    page.open_button.click()
    settle_page(ctx, qtbot)
    settle_page(ctx, qtbot)
    assert page.detail is not None
    return page.detail.doc_no


def test_open_export_import_submit_then_another_user_approves(
    qtbot: QtBot,
    world: World,
    make_page: MakePage[CountsPage],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer_yes: None,
    qtmodeltester: ModelTester,
) -> None:
    receive(world, "A", "050101", "10", batch="T-1", location="A-01")
    receive(world, "A", "050104", "40", batch="Q-1", location="A-01")
    page, ctx = make_page(world.keeper_a)
    doc_no = _open(page, ctx, qtbot)
    assert [r.doc_no for r in all_rows(page.model)] == [doc_no]
    assert len(all_rows(page.lines)) == 2
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.lines)
    assert page.buttons["export"].isEnabled() and not page.buttons["approve"].isEnabled()

    out = tmp_path / "count.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    page.buttons["export"].click()
    settle_page(ctx, qtbot)
    book = openpyxl.load_workbook(out)
    fill(book["盘点表"], {1: (9, "破损")})
    add_found(book["盘点表"], "050104", 2, "其他", batch="Q-9", location="A-01")
    filled = tmp_path / "filled.xlsx"
    book.save(filled)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(filled), ""))
    page.buttons["import"].click()
    settle_page(ctx, qtbot)
    settle_page(ctx, qtbot)
    assert page.detail is not None and page.detail.state == DocState.ENTERED
    assert [line.variance for line in page.detail.lines] == [-1, 0, 2]

    other, other_ctx = make_page(world.approver)
    assert [r.doc_no for r in all_rows(other.model)] == [doc_no]
    other.table.selectRow(0)
    settle_page(other_ctx, qtbot)
    assert other.buttons["approve"].isEnabled()
    assert not other.buttons["cancel"].isEnabled()  # an approver does not count
    assert not other.open_button.isVisible()
    other.buttons["approve"].click()
    settle_page(other_ctx, qtbot)
    settle_page(other_ctx, qtbot)
    assert other.detail is not None and other.detail.state == DocState.POSTED
    assert other.detail.adjustment_no.startswith("TZ-A-")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    other.buttons["history"].click()
    settle_page(other_ctx, qtbot)
    assert "导入盘点工作簿 filled.xlsx" in shown[0] and "已过账" in shown[0]


def test_a_count_of_one_category_and_location(
    qtbot: QtBot, world: World, make_page: MakePage[CountsPage]
) -> None:
    receive(world, "A", "050101", "10", batch="T-1", location="A-01")
    receive(world, "A", "140201", "2.5", batch="F-1", location="A-01")
    receive(world, "A", "050104", "40", batch="Q-1")
    page, ctx = make_page(world.keeper_a)
    page.category_combo.setCurrentIndex(page.category_combo.findData("05"))
    page.locations_edit.setText("A-01")
    _open(page, ctx, qtbot)
    assert [line.batch_no for line in all_rows(page.lines)] == ["T-1"]
    assert page.detail is not None and "A-01" in page.detail.scope


def test_a_blind_count_hides_the_book_until_entered(
    qtbot: QtBot, world: World, make_page: MakePage[CountsPage]
) -> None:
    receive(world, "A", "050101", "10", batch="T-1", location="A-01")
    page, ctx = make_page(world.keeper_a)
    doc_no = _open(page, ctx, qtbot, blind=True)
    keys = [c.key for c in page.lines.columns]
    assert "book" not in keys and "variance" not in keys
    counts.enter_counts(
        world.uow,
        world.keeper_a,
        doc_no=doc_no,
        entries=[counts.CountEntry(1, 10)],
        request_id=uuid.uuid4().hex,
    )
    page.line_table.selectRow(0)
    assert page.buttons["enter"].isEnabled() and page.buttons["submit"].isEnabled()
    page.buttons["submit"].click()
    settle_page(ctx, qtbot)
    settle_page(ctx, qtbot)
    assert page.detail is not None and page.detail.state == DocState.ENTERED
    assert "book" in [c.key for c in page.lines.columns]
