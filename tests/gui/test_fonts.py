"""The bundled WenQuanYi Micro Hei font is registered and used for Chinese text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase, QFontInfo, QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from inventory_app import paths
from inventory_app.ui import fonts


def test_family_is_registered(bundled_font: str) -> None:
    assert bundled_font == "WenQuanYi Micro Hei"
    assert bundled_font in QFontDatabase.families()
    assert QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(
        bundled_font
    )


def test_application_default_font(qapp: QApplication, bundled_font: str) -> None:
    font = qapp.font()
    assert font.family() == bundled_font
    assert font.pointSize() == fonts.DEFAULT_POINT_SIZE


def test_label_with_chinese_text_uses_it(bundled_font: str, qtbot: QtBot) -> None:
    label = QLabel("应急物资储备管理系统")
    qtbot.addWidget(label)
    label.show()

    assert QFontInfo(label.font()).family() == bundled_font  # the font actually matched
    metrics = QFontMetrics(label.font())
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "应急物资储备管理系统")


def test_registering_twice_returns_same_family(qapp: QApplication, bundled_font: str) -> None:
    assert fonts.register_bundled_fonts(qapp) == bundled_font


def test_missing_font_file_is_a_clear_error(
    qapp: QApplication, bundled_font: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "nope.ttc"
    monkeypatch.setattr(paths, "cjk_font_path", lambda: missing)
    with pytest.raises(fonts.FontLoadError, match="not found"):
        fonts.register_bundled_fonts(qapp)
    assert qapp.font().family() == bundled_font  # the failed call changed nothing
