"""The maintenance actions of the main window: backup settings, restore, about, log folder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from .. import paths
from .dialogs.about_dialog import AboutDialog
from .dialogs.backup_settings_dialog import BackupSettingsDialog
from .dialogs.restore_dialog import RestoreDialog
from .open_path import open_path
from .widgets.backup_banner import refresh_dashboard_banner

if TYPE_CHECKING:
    from .main_window import MainWindow


def _open(dialog: QDialog) -> QDialog:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def open_about(window: MainWindow) -> QDialog:
    return _open(AboutDialog(window.ctx, window))


def open_backup_settings(window: MainWindow) -> QDialog:
    dialog = BackupSettingsDialog(window)
    dialog.accepted.connect(lambda: refresh_dashboard_banner(window))
    return _open(dialog)


def open_restore(window: MainWindow) -> QDialog:
    dialog = RestoreDialog(window.ctx, window)
    dialog.restored.connect(lambda kept: after_restore(window, kept))
    return _open(dialog)


def after_restore(window: MainWindow, kept: Path) -> None:
    """Users and rights come from the restored database: everyone signs in again."""
    QMessageBox.information(
        window,
        QCoreApplication.translate("Maintenance", "已恢复"),
        QCoreApplication.translate(
            "Maintenance", "数据库已从备份恢复。恢复前的数据库另存为：\n{path}\n\n请重新登录。"
        ).format(path=kept),
    )
    window.switch_user()


def open_log_folder() -> bool:
    return open_path(paths.log_dir())
