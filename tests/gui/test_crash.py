"""The crash hook: bugs are logged to the rotating file and shown in a CrashDialog."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QPlainTextEdit
from pytestqt.qtbot import QtBot

from inventory_app.ui import crash
from inventory_app.ui.crash import CrashDialog


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("INVENTORY_DATA_DIR", str(tmp_path))
    return tmp_path


@pytest.fixture
def hook(qapp: QApplication, data_dir: Path) -> Iterator[Path]:
    log_path = crash.setup_logging()
    crash.install_excepthook()
    yield log_path
    crash.uninstall_excepthook()
    crash.shutdown_logging()


def _raise_bug() -> None:
    raise RuntimeError("库存计算错误")


def _call_hook() -> None:
    try:
        _raise_bug()
    except RuntimeError:
        sys.excepthook(*sys.exc_info())


def test_setup_logging_writes_rotating_file_in_log_dir(data_dir: Path) -> None:
    path = crash.setup_logging()
    try:
        assert path == data_dir / "logs" / "inventory-app.log"
        logging.getLogger("inventory_app.test").warning("入库 %s", 5)
        assert "入库 5" in path.read_text(encoding="utf-8")
    finally:
        crash.shutdown_logging()


def test_excepthook_logs_and_shows_dialog(hook: Path, qtbot: QtBot) -> None:
    _call_hook()
    qtbot.waitUntil(lambda: crash.crash_dialog() is not None)

    log_text = hook.read_text(encoding="utf-8")
    assert "Unhandled exception" in log_text
    assert "库存计算错误" in log_text and "_raise_bug" in log_text

    dialog = crash.crash_dialog()
    assert dialog is not None and dialog.isVisible()
    assert "库存计算错误" in dialog.details_text()
    details = dialog.findChild(QPlainTextEdit)
    assert details is not None and details.isReadOnly()
    assert any(str(hook) in label.text() for label in dialog.findChildren(QLabel))
    dialog.close()


def test_threading_excepthook_reaches_the_gui_thread(hook: Path, qtbot: QtBot) -> None:
    thread = threading.Thread(target=_raise_bug, name="worker-1")
    thread.start()
    thread.join()

    qtbot.waitUntil(lambda: crash.crash_dialog() is not None)
    dialog = crash.crash_dialog()
    assert dialog is not None
    assert "库存计算错误" in dialog.details_text()
    assert "worker-1" in hook.read_text(encoding="utf-8")
    dialog.close()


def test_repeated_errors_go_into_one_dialog(hook: Path, qtbot: QtBot) -> None:
    _call_hook()
    qtbot.waitUntil(lambda: crash.crash_dialog() is not None)
    first = crash.crash_dialog()
    _call_hook()
    qtbot.waitUntil(lambda: first is not None and first.details_text().count("库存计算错误") == 2)
    assert crash.crash_dialog() is first
    assert first is not None
    first.close()


def test_keyboard_interrupt_is_not_a_crash(hook: Path, qtbot: QtBot) -> None:
    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt:
        sys.excepthook(*sys.exc_info())
    qtbot.wait(50)
    assert crash.crash_dialog() is None


def test_uninstall_restores_previous_hooks(qapp: QApplication, data_dir: Path) -> None:
    before = (sys.excepthook, threading.excepthook)
    crash.install_excepthook()
    assert sys.excepthook is not before[0]
    crash.uninstall_excepthook()
    assert (sys.excepthook, threading.excepthook) == before


def test_crash_dialog_copy_and_close(qtbot: QtBot, tmp_path: Path) -> None:
    log_path = tmp_path / "inventory-app.log"
    dialog = CrashDialog("Traceback: 测试", log_path)
    qtbot.addWidget(dialog)
    dialog.show()

    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert "Traceback: 测试" in copied
    assert str(log_path) in copied

    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    close = buttons.button(QDialogButtonBox.StandardButton.Close)
    assert close is not None
    close.click()
    assert not dialog.isVisible()
