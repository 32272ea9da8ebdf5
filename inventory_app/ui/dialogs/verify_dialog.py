"""数据校验 (账账相符): the auditor's or administrator's check of the whole ledger, run in
the background, with its result in words and every problem listed to copy into a report."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services import verify
from ...services.verify import VerifyReport
from ..context import AppContext
from ..errors import show_domain_error

OK_STYLE = "QLabel { color: #1b5e20; background: #e8f5e9; border: 1px solid #a5d6a7;"
BAD_STYLE = "QLabel { color: #b71c1c; background: #fdecea; border: 1px solid #f5c2c0;"
_BOX = " border-radius: 3px; padding: 8px 10px; font-weight: bold; }"


class VerifyDialog(QDialog):
    """Shows one report: what was checked, whether the books agree, and each problem."""

    def __init__(
        self, report: VerifyReport, checked_at: datetime, database: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("数据校验结果"))
        self.verdict = QLabel(self)
        self.verdict.setWordWrap(True)
        if report.ok:
            self.verdict.setText(self.tr("校验通过：账账相符。"))
            self.verdict.setStyleSheet(OK_STYLE + _BOX)
        else:
            self.verdict.setText(
                self.tr("发现 {n} 处不一致，请保留本结果并联系管理员。").format(
                    n=len(report.problems)
                )
            )
            self.verdict.setStyleSheet(BAD_STYLE + _BOX)
        self.facts = QLabel(
            self.tr(
                "已核对 {movements:,} 条流水、{lots:,} 个批次、{documents:,} 张单据："
                "每个批次和每个仓库的结存等于台账流水之和，预留、冲销、单据关联和编号连续。\n"
                "数据库：{database}　校验时间：{at:%Y-%m-%d %H:%M}\n"
                "总校验码：{anchor}（报表页脚印有同一代码；各仓库的账链校验码见下，请另行保存）"
            ).format(
                anchor=report.anchor,
                movements=report.movements,
                lots=report.lots,
                documents=report.documents,
                database=database,
                at=checked_at,
            ),
            self,
        )
        self.facts.setWordWrap(True)
        self.problems = QPlainTextEdit(self)
        self.problems.setReadOnly(True)
        heads = [f"{h.depot_code}  #{h.seq}  {h.hash}" for h in report.heads]
        self.problems.setPlainText(
            "\n".join([*report.problems, *([""] if report.problems else []), *heads])
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("复制结果"), self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.verdict)
        layout.addWidget(self.facts)
        layout.addWidget(self.problems, 1)
        layout.addWidget(buttons)
        self.resize(680, 420)

    def text(self) -> str:
        return "\n".join(
            part
            for part in (self.verdict.text(), self.facts.text(), self.problems.toPlainText())
            if part
        )

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())


def run_verify(ctx: AppContext, parent: QWidget) -> None:
    """Check the database in the background, then show the result."""
    uow, actor = ctx.uow, ctx.actor

    def done(report: VerifyReport) -> None:
        dialog = VerifyDialog(report, datetime.now(), ctx.database_label, parent)
        dialog.setObjectName("verifyDialog")
        dialog.show()

    ctx.tasks.run(
        lambda _task: verify.verify(uow, actor),
        on_done=done,
        on_error=lambda error: show_domain_error(parent, ctx, error),
        progress_label=QCoreApplication.translate("VerifyDialog", "正在校验数据…"),
        parent_widget=parent,
    )
