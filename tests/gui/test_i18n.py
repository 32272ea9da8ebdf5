"""Language switching, and the lupdate/lrelease tooling over Chinese source strings."""

from __future__ import annotations

import importlib.util
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from inventory_app.ui import i18n
from inventory_app.ui.crash import CrashDialog

ROOT = Path(__file__).resolve().parents[2]


def _load_tool() -> ModuleType:
    """tools/ is scripts, not a package, so import tools/i18n.py by path."""
    if "i18n_tool" in sys.modules:
        return sys.modules["i18n_tool"]
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["i18n_tool"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    i18n.install_language(qapp, i18n.DEFAULT_LANGUAGE)  # what the app runs with


def _messages(ts_file: Path) -> set[tuple[str, str]]:
    return {
        (context.findtext("name", ""), message.findtext("source", ""))
        for context in ET.parse(ts_file).getroot().iter("context")
        for message in context.iter("message")
    }


def test_english_translates_chinese_source_strings(app: QApplication, qtbot: QtBot) -> None:
    i18n.install_language(app, "en")
    assert i18n.current_language() == "en"
    assert QCoreApplication.translate("CrashDialog", "程序出错") == "Unexpected Error"

    dialog = CrashDialog("details", None)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Unexpected Error"
    assert dialog.copy_button.text() == "Copy"


def test_chinese_needs_no_file_and_translates_qt_buttons(app: QApplication, qtbot: QtBot) -> None:
    i18n.install_language(app, "en")
    i18n.install_language(app, "zh_CN")  # must also remove the English translator

    assert i18n.current_language() == "zh_CN"
    assert QCoreApplication.translate("CrashDialog", "程序出错") == "程序出错"
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(buttons)
    assert sorted(b.text() for b in buttons.buttons()) == sorted(["确定", "取消"])


def test_widgets_are_told_to_retranslate(app: QApplication, qtbot: QtBot) -> None:
    class Probe(QWidget):
        changes = 0

        def changeEvent(self, event: QEvent) -> None:
            if event.type() == QEvent.Type.LanguageChange:
                self.changes += 1
            super().changeEvent(event)

    probe = Probe()
    qtbot.addWidget(probe)
    i18n.install_language(app, "en")
    qtbot.waitUntil(lambda: probe.changes > 0)


def test_unknown_language_is_refused(app: QApplication) -> None:
    with pytest.raises(ValueError, match="fr"):
        i18n.install_language(app, "fr")


def test_language_setting_round_trip(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert i18n.saved_language(settings) == "zh_CN"
    i18n.save_language("en", settings)
    assert settings.value("ui/language") == "en"
    assert i18n.saved_language(settings) == "en"
    settings.setValue(i18n.SETTINGS_KEY, "klingon")  # hand-edited or from a newer version
    assert i18n.saved_language(settings) == "zh_CN"


def test_lupdate_extracts_tr_and_translate_with_chinese_text(tmp_path: Path) -> None:
    tool = _load_tool()
    sample = tmp_path / "ui" / "sample_page.py"
    sample.parent.mkdir()
    sample.write_text(
        "from PySide6.QtCore import QCoreApplication, QObject\n"
        "class SamplePage(QObject):\n"
        "    def texts(self):\n"
        '        return self.tr("入库单"), self.tr("数量：{qty}")\n'
        "def heading():\n"
        '    return QCoreApplication.translate("SampleContext", "出库单")\n',
        encoding="utf-8",
    )
    ts_file = tmp_path / "sample_en.ts"
    tool.update(ts_file, sample.parent)

    assert _messages(ts_file) == {
        ("SamplePage", "入库单"),
        ("SamplePage", "数量：{qty}"),
        ("SampleContext", "出库单"),
    }
    assert ET.parse(ts_file).getroot().get("sourcelanguage") == "zh_CN"


def test_lupdate_covers_our_own_modules(tmp_path: Path) -> None:
    tool = _load_tool()
    ts_file = tmp_path / "inventory_en.ts"
    tool.update(ts_file)
    messages = _messages(ts_file)
    assert ("CrashDialog", "程序出错") in messages  # self.tr in crash.py
    assert ("CrashDialog", "日志文件：{path}") in messages  # also QCoreApplication.translate
    assert ("_ProgressDialog", "取消") in messages  # self.tr in tasks.py


@pytest.mark.slow
def test_committed_english_translation_is_complete() -> None:
    problems = _load_tool().check()
    assert problems == [], "run: python tools/i18n.py update, translate, release"
