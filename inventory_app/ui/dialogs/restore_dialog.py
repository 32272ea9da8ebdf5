"""从备份恢复: list the backups of a folder (date, size, movements), restore the chosen one.

The restore itself checks the file (checksum, integrity, ledger) and refuses a broken one
with one line; the current database is kept beside the restored one. Afterwards everyone
signs in again, since users and rights come from the restored database.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services import backup, backup_files
from ...services.backup_files import BackupEntry
from ..backup_schedule import policy
from ..context import AppContext
from ..errors import show_domain_error
from ..models.table_models import ROW_ROLE, Column, RowsTableModel


def _size(entry: BackupEntry) -> str:
    return f"{entry.size / 1_048_576:,.1f} MB" if entry.size >= 104_858 else f"{entry.size:,} B"


def backup_columns() -> list[Column[BackupEntry]]:
    return [
        Column(
            "created",
            lambda: QCoreApplication.translate("RestoreDialog", "备份时间"),
            lambda e: e.created,
            "datetime",
        ),
        Column(
            "size",
            lambda: QCoreApplication.translate("RestoreDialog", "大小"),
            _size,
            alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        ),
        Column(
            "movements",
            lambda: QCoreApplication.translate("RestoreDialog", "流水条数"),
            lambda e: e.movements,
            "int",
        ),
        Column(
            "kind",
            lambda: QCoreApplication.translate("RestoreDialog", "类型"),
            lambda e: (
                QCoreApplication.translate("RestoreDialog", "自动")
                if e.automatic
                else QCoreApplication.translate("RestoreDialog", "手动")
            ),
        ),
        Column(
            "checksum",
            lambda: QCoreApplication.translate("RestoreDialog", "校验和"),
            lambda e: (
                QCoreApplication.translate("RestoreDialog", "有")
                if e.movements is not None
                else QCoreApplication.translate("RestoreDialog", "无（不能直接恢复）")
            ),
        ),
        Column(
            "file",
            lambda: QCoreApplication.translate("RestoreDialog", "文件"),
            lambda e: e.path.name,
        ),
    ]


class RestoreDialog(QDialog):
    """Choose a backup and restore it; ``restored(kept_path)`` after a restore."""

    restored = Signal(Path)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("从备份恢复"))
        self.resize(760, 420)
        self.folder = policy().folder
        self.folder_label = QLabel()
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        choose = QPushButton(self.tr("选择文件夹…"))
        choose.clicked.connect(self.choose_folder)
        top = QHBoxLayout()
        top.addWidget(self.folder_label, 1)
        top.addWidget(choose)

        self.model: RowsTableModel[BackupEntry] = RowsTableModel(backup_columns(), self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)

        note = QLabel(
            self.tr(
                "恢复前会校验备份（校验和、完整性、账账相符），有问题的备份不会恢复。"
                "当前数据库另存在原位置旁边。恢复后请重新登录。"
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton(self.tr("恢复所选备份"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.load()

    def load(self) -> None:
        self.folder_label.setText(self.tr("备份文件夹：{folder}").format(folder=self.folder))
        self.model.set_rows(backup_files.list_backups(self.folder))
        self.view.resizeColumnsToContents()
        if self.model.rowCount():
            self.view.selectRow(0)

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("备份文件夹"), str(self.folder))
        if chosen:
            self.folder = Path(chosen)
            self.load()

    def selected(self) -> BackupEntry | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def confirm(self, entry: BackupEntry) -> bool:
        """Ask before replacing the data (a seam for tests)."""
        answer = QMessageBox.question(
            self,
            self.tr("从备份恢复"),
            self.tr("用 {when} 的备份替换当前数据库？当前数据库会另存一份。").format(
                when=f"{entry.created:%Y-%m-%d %H:%M}"
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore_selected(self) -> None:
        entry = self.selected()
        if entry is None or not self.confirm(entry):
            return
        uow, actor = self.ctx.uow, self.ctx.actor
        self.restore_button.setEnabled(False)
        self.ctx.tasks.run(
            lambda _task: backup.restore(uow, actor, entry.path),
            on_done=self._done,
            on_error=self._failed,
            progress_label=self.tr("正在校验并恢复备份…"),
            parent_widget=self,
        )

    def _done(self, kept: Path) -> None:
        self.restore_button.setEnabled(True)
        self.restored.emit(kept)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.restore_button.setEnabled(True)
        show_domain_error(self, self.ctx, error)
