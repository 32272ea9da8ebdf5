"""Last-resort handling of bugs: log the traceback to a rotating file and show a crash dialog."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inventory_app import paths

from .open_path import open_path

LOG_FILE_NAME = "inventory-app.log"
_LOG_MAX_BYTES = 2_000_000
_LOG_BACKUPS = 5

_log = logging.getLogger(__name__)
_handler: RotatingFileHandler | None = None
_previous_hooks: tuple[Callable[..., object], Callable[..., object]] | None = None
_reporter: _CrashReporter | None = None


def log_file_path() -> Path:
    return paths.log_dir() / LOG_FILE_NAME


def setup_logging(level: int = logging.INFO) -> Path:
    """Send log records to ``paths.log_dir()/inventory-app.log`` (rotated); returns that path.

    Calling it again replaces the handler, so a changed data dir is honoured.
    """
    global _handler
    path = log_file_path()
    shutdown_logging()
    handler = RotatingFileHandler(
        path, maxBytes=_LOG_MAX_BYTES, backupCount=_LOG_BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s")
    )
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    _handler = handler
    return path


def shutdown_logging() -> None:
    """Detach and close the file handler (at exit, and between tests)."""
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None


def _report_text(details: str, log_path: Path | None) -> str:
    """What Copy puts on the clipboard: the traceback plus where the full log is."""
    if log_path is None:
        return details
    where = QCoreApplication.translate("CrashDialog", "日志文件：{path}").format(path=log_path)
    return f"{where}\n\n{details}"


class CrashDialog(QDialog):
    """Tells the user that a bug happened and lets them copy the details for support."""

    def __init__(self, details: str, log_path: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self._log_path = log_path
        self.setWindowTitle(self.tr("程序出错"))
        self.setModal(True)
        self.resize(640, 420)

        message = QLabel(
            self.tr(
                "程序遇到了一个意外错误。已保存的数据不受影响，未完成的操作没有写入数据库。\n"
                "请复制下面的详细信息并连同日志文件一起发给技术支持人员。"
            )
        )
        message.setWordWrap(True)

        self._log_label = QLabel()
        self._log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._log_label.setWordWrap(True)
        if log_path is not None:
            self._log_label.setText(self.tr("日志文件：{path}").format(path=log_path))
        else:
            self._log_label.hide()

        self._details = QPlainTextEdit()
        self._details.setReadOnly(True)
        self._details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self._details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self._details.setPlainText(details)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("复制"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.logs_button = QPushButton(self.tr("打开日志文件夹"))
        buttons.addButton(self.logs_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.logs_button.clicked.connect(self.open_log_folder)
        self.logs_button.setVisible(log_path is not None)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(self._log_label)
        layout.addWidget(self._details, 1)
        layout.addWidget(buttons)

    def details_text(self) -> str:
        return self._details.toPlainText()

    def add_details(self, details: str) -> None:
        """Append a further traceback: a bug often repeats while the dialog is open."""
        self._details.appendPlainText("\n" + details)

    @Slot()
    def open_log_folder(self) -> None:
        if self._log_path is not None:
            open_path(self._log_path.parent)

    @Slot()
    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(_report_text(self.details_text(), self._log_path))
        self.copy_button.setText(self.tr("已复制"))


class _CrashReporter(QObject):
    """Lives on the GUI thread; hooks on any thread post tracebacks to it."""

    crashed = Signal(str)

    def __init__(self, log_path_fn: Callable[[], Path]) -> None:
        super().__init__()
        self._log_path_fn = log_path_fn
        self._showing = False
        self.dialog: CrashDialog | None = None
        # Always queued: showing a dialog from inside arbitrary code (a paint event,
        # a worker thread) is unsafe; the event loop shows it at the next chance.
        self.crashed.connect(self._show, Qt.ConnectionType.QueuedConnection)

    @Slot(str)
    def _show(self, details: str) -> None:
        if QApplication.instance() is None or self._showing:
            return  # already logged; a bug in the dialog itself must not loop forever
        self._showing = True
        try:
            if self.dialog is not None and self.dialog.isVisible():
                self.dialog.add_details(details)
                return
            try:
                log_path: Path | None = self._log_path_fn()
            except Exception:
                _log.exception("Could not determine the log path")
                log_path = None
            self.dialog = CrashDialog(details, log_path, QApplication.activeWindow())
            self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.dialog.destroyed.connect(self._forget_dialog)
            # open(), not exec(): no nested event loop inside an exception hook.
            self.dialog.open()
        finally:
            self._showing = False

    @Slot()
    def _forget_dialog(self) -> None:
        self.dialog = None


def _report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    _log.critical("Unhandled exception", exc_info=(exc_type, exc, tb))
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    if sys.stderr is not None:  # None in a windowed (no console) frozen app
        sys.stderr.write(details)
    if _reporter is not None:
        _reporter.crashed.emit(details)


def _excepthook(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    _report(exc_type, exc, tb)


def _threading_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:  # what threading's default hook ignores too
        return
    exc = args.exc_value if args.exc_value is not None else args.exc_type()
    _report(args.exc_type, exc, args.exc_traceback)


def install_excepthook(log_path_fn: Callable[[], Path] = log_file_path) -> None:
    """Route uncaught exceptions (bugs) to the log and a ``CrashDialog``.

    Call on the GUI thread after creating the QApplication. Expected errors (domain
    errors, bad files) are handled where they occur and never get here.
    ``log_path_fn`` gives the log file shown to the user.
    """
    global _previous_hooks, _reporter
    if _previous_hooks is None:
        _previous_hooks = (sys.excepthook, threading.excepthook)
    _reporter = _CrashReporter(log_path_fn)
    sys.excepthook = _excepthook
    threading.excepthook = _threading_excepthook


def uninstall_excepthook() -> None:
    """Restore the hooks that were there before ``install_excepthook`` (for tests)."""
    global _previous_hooks, _reporter
    if _previous_hooks is not None:
        sys.excepthook, threading.excepthook = _previous_hooks
        _previous_hooks = None
    if _reporter is not None:
        if _reporter.dialog is not None:
            _reporter.dialog.close()
        _reporter.deleteLater()
        _reporter = None


def crash_dialog() -> CrashDialog | None:
    """The crash dialog currently open, if any."""
    return _reporter.dialog if _reporter is not None else None
