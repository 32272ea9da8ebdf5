"""The one place where the GUI turns an error from a task into a message (or a crash report)."""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from ..domain.errors import DatabaseUnavailable, DomainError
from .context import AppContext

# While the "connection lost" box is up, further failures (every open page refreshes
# at once after a posting) join it instead of stacking one box per task.
_unavailable_box: QMessageBox | None = None
_pending_retries: list[Callable[[], None]] = []


def show_domain_error(
    parent: QWidget | None,
    ctx: AppContext,
    error: BaseException,
    retry: Callable[[], None] | None = None,
) -> None:
    """Show an expected error as a translated message; anything else goes to the crash hook.

    ``DatabaseUnavailable`` gets a 重试 button when ``retry`` is given; pressing it calls
    ``retry()`` (the caller re-submits its task). The box is opened, not exec()'d, so no
    nested event loop runs inside a task callback.
    """
    if isinstance(error, DatabaseUnavailable):
        _show_unavailable(parent, ctx, error, retry)
        return
    if not isinstance(error, DomainError):
        show_unexpected(error)
        return
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("ErrorMessages", "无法完成"),
        ctx.error_text(error),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def _show_unavailable(
    parent: QWidget | None,
    ctx: AppContext,
    error: DatabaseUnavailable,
    retry: Callable[[], None] | None,
) -> None:
    global _unavailable_box
    if retry is not None:
        _pending_retries.append(retry)
    box = _unavailable_box
    if box is not None and box.isVisible():
        if retry is not None and box.property("retry_button") is None:
            _add_retry_button(box)
        return

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("ErrorMessages", "数据库连接中断"))
    box.setText(
        QCoreApplication.translate(
            "ErrorMessages", "暂时无法连接数据库，刚才的操作没有完成，已保存的数据不受影响。"
        )
    )
    box.setInformativeText(ctx.error_text(error))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    close = box.addButton(
        QCoreApplication.translate("ErrorMessages", "关闭"), QMessageBox.ButtonRole.RejectRole
    )
    box.setEscapeButton(close)
    if retry is not None:
        _add_retry_button(box)
    box.buttonClicked.connect(_on_unavailable_clicked)
    box.destroyed.connect(_forget_unavailable_box)
    _unavailable_box = box
    box.open()


def _add_retry_button(box: QMessageBox) -> None:
    button = box.addButton(
        QCoreApplication.translate("ErrorMessages", "重试"), QMessageBox.ButtonRole.AcceptRole
    )
    box.setDefaultButton(button)
    box.setProperty("retry_button", True)


def _on_unavailable_clicked(button: QAbstractButton) -> None:
    box = _unavailable_box
    retries = list(_pending_retries)
    _pending_retries.clear()
    if box is None or box.buttonRole(button) != QMessageBox.ButtonRole.AcceptRole:
        return
    for retry in retries:
        retry()


def _forget_unavailable_box() -> None:
    global _unavailable_box
    _unavailable_box = None
    _pending_retries.clear()


def unavailable_box() -> QMessageBox | None:
    """The "connection lost" message currently shown, if any (for tests)."""
    return _unavailable_box


def show_unexpected(error: BaseException) -> None:
    """A bug: hand it to ``sys.excepthook`` so it is logged and the crash dialog appears."""
    sys.excepthook(type(error), error, error.__traceback__)
