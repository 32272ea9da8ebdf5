"""首页 line for the reserve plan: purchase contracts whose delivery date has passed."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ...services import plan_progress
from ...services.plan_progress import ContractRow
from ..context import AppContext

MAX_NAMED = 4  # contracts named in the line; the rest are counted


class PlanAlerts(QLabel):
    """Hidden while every open contract is on time; red with the late ones otherwise."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.late: list[ContractRow] = []
        self.setWordWrap(True)
        self.setStyleSheet("color: #b3261e;")
        self.hide()

    def refresh(self) -> None:
        uow, actor = self.ctx.uow, self.ctx.actor
        self.ctx.tasks.run(
            lambda _task: plan_progress.late_contracts(uow, actor),
            on_done=self.show_rows,
            on_error=lambda _error: self.hide(),  # the plan line never blocks the home page
        )

    def show_rows(self, rows: list[ContractRow]) -> None:
        self.late = rows
        self.retranslate()

    def retranslate(self) -> None:
        if not self.late:
            self.hide()
            return
        named = "、".join(
            f"{c.contract_no}（{c.supplier}，{c.delivery_due.isoformat()}）"
            for c in self.late[:MAX_NAMED]
        )
        more = len(self.late) - MAX_NAMED
        text = self.tr("逾期未交货的采购合同 {count} 份：{named}").format(
            count=len(self.late), named=named
        )
        if more > 0:
            text += self.tr(" 等")
        self.setText(text)
        self.show()
