"""打印预览: pages of a document, the paper form, 另存为 PDF, printing, the 出库单 paper setting."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from inventory_app.services import settings
from inventory_app.ui.context import AppContext
from inventory_app.ui.dialogs.print_preview_dialog import PrintPreviewDialog
from inventory_app.ui.dialogs.settings_dialog import SettingsDialog
from inventory_app.ui.print_jobs import document_job
from tests.factories import World
from tests.gui.dialog_support import MakeCtx, settle
from tests.gui.print_support import close_previews, page_sizes_mm, pdf_pages, shipped_slip

pytestmark = pytest.mark.usefixtures("popups_quiet")


@pytest.fixture
def preview(qtbot: QtBot, world: World, make_ctx: MakeCtx) -> Iterator[PrintPreviewDialog]:
    """The preview of a shipped 出库单 (three copies), rendered."""
    _order, slip = shipped_slip(world)
    ctx = make_ctx(world.keeper_a)
    dialog = PrintPreviewDialog(ctx, None, document_job(ctx, slip))
    qtbot.addWidget(dialog)
    dialog.show()
    settle(ctx)
    yield dialog
    close_previews()


def test_preview_shows_every_page_of_the_document(preview: PrintPreviewDialog) -> None:
    assert preview.data is not None
    assert preview.page_count() == pdf_pages(preview.data) >= 3  # 一式三联
    assert preview.job.title.startswith("CK-")
    assert preview.form == "a4" and preview.form_combo.isVisible()
    assert preview.page_label.text() == f"第 1 页 / 共 {preview.page_count()} 页"
    assert preview.print_button.isEnabled() and preview.save_button.isEnabled()
    assert page_sizes_mm(preview.data)[0] == (210, 297)


def test_choosing_the_continuous_form_renders_again(preview: PrintPreviewDialog) -> None:
    with_a4 = preview.data
    preview.form_combo.setCurrentIndex(preview.form_combo.findData("continuous"))
    settle(preview.ctx)
    assert preview.form == "continuous" and preview.data != with_a4
    assert preview.data is not None
    assert set(page_sizes_mm(preview.data)) == {(241, 140)}
    assert preview.page_count() == pdf_pages(preview.data)


def test_save_as_writes_the_same_pdf(
    preview: PrintPreviewDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "出库单"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), ""))
    )
    saved: list[Path] = []
    preview.saved.connect(saved.append)
    preview.save_button.click()
    settle(preview.ctx)
    written = target.with_suffix(".pdf")
    assert saved == [written]
    assert written.read_bytes() == preview.data
    assert pdf_pages(written.read_bytes()) == preview.page_count()
    assert str(written) in preview.status_label.text()


def test_cancelled_save_as_writes_nothing(
    preview: PrintPreviewDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: ("", "")))
    saved: list[Path] = []
    preview.saved.connect(saved.append)
    preview.save_as()
    settle(preview.ctx)
    assert saved == [] and not list(tmp_path.glob("*.pdf"))


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


@pytest.mark.parametrize("form", ["a4", "continuous"])
def test_printing_to_a_pdf_printer_prints_every_page_on_its_paper(
    preview: PrintPreviewDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, form: str
) -> None:
    if form != preview.form:
        preview.form_combo.setCurrentIndex(preview.form_combo.findData(form))
        settle(preview.ctx)
    out = tmp_path / "printed.pdf"
    monkeypatch.setattr(preview, "ask_printer", lambda: _pdf_printer(out))
    printed: list[int] = []
    preview.printed.connect(printed.append)
    preview.print_button.click()
    settle(preview.ctx)
    assert preview.data is not None
    assert printed == [preview.page_count()]
    data = out.read_bytes()
    assert pdf_pages(data) == preview.page_count()
    assert page_sizes_mm(data) == page_sizes_mm(preview.data)
    assert preview.print_button.isEnabled()


def test_printing_honours_the_page_range(
    preview: PrintPreviewDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "second.pdf"
    printer = _pdf_printer(out)
    printer.setFromTo(2, 2)
    monkeypatch.setattr(preview, "ask_printer", lambda: printer)
    preview.print_pdf()
    settle(preview.ctx)
    assert pdf_pages(out.read_bytes()) == 1


def test_a_cancelled_print_dialog_prints_nothing(
    preview: PrintPreviewDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(preview, "ask_printer", lambda: None)
    printed: list[int] = []
    preview.printed.connect(printed.append)
    preview.print_pdf()
    settle(preview.ctx)
    assert printed == []


def test_the_paper_setting_is_saved_and_used(
    qtbot: QtBot, world: World, admin_ctx: AppContext
) -> None:
    dialog = SettingsDialog(admin_ctx)
    qtbot.addWidget(dialog)
    settle(admin_ctx)
    assert dialog.slip_form.currentData() == "a4"
    dialog.slip_form.setCurrentIndex(dialog.slip_form.findData("continuous"))
    dialog.save()
    settle(admin_ctx)
    assert settings.get_settings(world.uow)["slip_form"] == "continuous"

    again = SettingsDialog(admin_ctx)
    qtbot.addWidget(again)
    settle(admin_ctx)
    assert again.slip_form.currentData() == "continuous"

    _order, slip = shipped_slip(world)
    preview = PrintPreviewDialog(admin_ctx, None, document_job(admin_ctx, slip))
    qtbot.addWidget(preview)
    settle(admin_ctx)
    assert preview.form == "continuous"
    assert preview.form_combo.currentData() == "continuous"
