"""关于: version, database, folders, and the licences of the bundled font and of Qt/PySide6."""

from __future__ import annotations

import platform
from html import escape

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ... import __version__, paths
from ...services import database
from ..context import AppContext
from ..crash import log_file_path
from ..open_path import open_path


class AboutDialog(QDialog):
    """Everything support asks for first, selectable, plus the licence notices."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("关于"))
        self.resize(620, 480)
        kinds = {
            "frozen": self.tr("安装版"),
            "installed": self.tr("Python 包"),
            "source": self.tr("源代码"),
        }
        db_kind = self.tr("内置 SQLite 文件") if database.is_sqlite(ctx.uow) else "PostgreSQL"
        rows = [
            (self.tr("版本"), f"{__version__} · {kinds[paths.how_installed()]}"),
            (self.tr("数据库"), f"{db_kind} · {ctx.database_label}"),
            (self.tr("数据目录"), str(paths.data_dir())),
            (self.tr("日志文件"), str(log_file_path())),
            (
                self.tr("运行环境"),
                f"Python {platform.python_version()} · Qt {qVersion()} · "
                f"PySide6 {PySide6.__version__} · {platform.system()} {platform.release()}",
            ),
        ]
        table = "".join(
            f"<tr><td style='padding-right:12px'><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>"
            for k, v in rows
        )
        licences = self.tr(
            "<p><b>许可</b></p>"
            "<p>界面和打印使用的字体“文泉驿微米黑”按 Apache 2.0 许可或带字体嵌入例外的 "
            "GPLv3 许可发布。</p>"
            "<p>本程序使用 Qt 和 Qt for Python（PySide6），依据 GNU 宽通用公共许可证第 3 版"
            "（LGPLv3）使用；它们以独立的共享库形式随程序提供，未经修改，可以替换。"
            "源代码见 https://code.qt.io/ 。许可证全文在程序的 resources/licenses 文件夹中。</p>"
        )
        title = escape(self.tr("应急物资储备管理系统"))
        self.text = QLabel(f"<h3>{title}</h3><table>{table}</table>{licences}")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.logs_button = QPushButton(self.tr("打开日志文件夹"))
        self.logs_button.clicked.connect(lambda: open_path(paths.log_dir()))
        self.data_button = QPushButton(self.tr("打开数据目录"))
        self.data_button.clicked.connect(lambda: open_path(paths.data_dir()))
        self.licences_button = QPushButton(self.tr("许可证文件"))
        self.licences_button.clicked.connect(lambda: open_path(paths.licenses_dir()))
        for button in (self.logs_button, self.data_button, self.licences_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)

    def plain_text(self) -> str:
        return self.text.text()
