"""自动备份设置: the folder of this PC's automatic backups and how many are kept."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...services import auto_backup
from ..backup_schedule import policy, save_policy


class BackupSettingsDialog(QDialog):
    """Saved in this PC's settings; the next automatic backup uses them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("自动备份设置"))
        self.setMinimumWidth(600)
        current = policy()
        self.folder = QLineEdit(str(current.folder))
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.keep_daily = QSpinBox()
        self.keep_daily.setRange(1, 365)
        self.keep_daily.setValue(current.keep_daily)
        self.keep_monthly = QSpinBox()
        self.keep_monthly.setRange(0, 120)
        self.keep_monthly.setValue(current.keep_monthly)
        last = auto_backup.newest(current.folder)
        self.last = QLabel(
            f"{last:%Y-%m-%d %H:%M}" if last is not None else self.tr("还没有自动备份")
        )

        form = QFormLayout()
        form.addRow(self.tr("备份文件夹"), row)
        form.addRow(self.tr("保留每日备份（天）"), self.keep_daily)
        form.addRow(self.tr("保留每月备份（月）"), self.keep_monthly)
        form.addRow(self.tr("最近一次自动备份"), self.last)
        hint = QLabel(
            self.tr(
                "程序运行时每天备份一次，退出时再备份一次；每份备份写完后都会校验。"
                "建议选择另一块硬盘或 U 盘上的文件夹，这样电脑硬盘损坏时数据仍在。"
            )
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("备份文件夹"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def chosen_policy(self) -> auto_backup.Policy:
        return auto_backup.Policy(
            Path(self.folder.text().strip()), self.keep_daily.value(), self.keep_monthly.value()
        )

    def accept(self) -> None:
        if not self.folder.text().strip():
            self.folder.setFocus()
            return
        save_policy(self.chosen_policy())
        super().accept()
