"""The PostgreSQL password asked for at start; kept in memory for this session only."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...services import first_run
from .first_run_pages import error_label


class ServerPasswordDialog(QDialog):
    """Asks for the PostgreSQL password at start; it stays in memory for this session only."""

    def __init__(self, url: str, detail: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("连接数据库服务器"))
        self.setMinimumWidth(420)
        host, port, name, user = first_run.server_parts(url)
        info = QLabel(
            self.tr("服务器 {host}:{port} 上的数据库 {database} 需要密码。").format(
                host=host, port=port, database=name
            )
        )
        info.setWordWrap(True)
        self.user = QLabel(user)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("用户名："), self.user)
        form.addRow(self.tr("密码："), self.password)
        error = error_label()
        if detail:
            error.setText(detail)
            error.show()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addLayout(form)
        layout.addWidget(error)
        layout.addWidget(buttons)
        self.password.setFocus()

    def entered_password(self) -> str:
        return self.password.text()
