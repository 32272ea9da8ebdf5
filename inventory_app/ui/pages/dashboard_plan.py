"""首页 lines for the reserve plan: purchase contracts past their delivery date, and open or
overdue rotation windows (轮出 not yet balanced by a 轮入) with what is still missing."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ...services import plan_progress, rotation
from ...services.plan_progress import ContractRow
from ...services.rotation import RotationWindow
from ..context import AppContext
from ..models.table_models import format_quantity

MAX_NAMED = 4  # contracts or windows named in a line; the rest are counted


class PlanAlerts(QLabel):
    """Hidden while nothing is late or open; red lines otherwise."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.late: list[ContractRow] = []
        self.windows: list[RotationWindow] = []
        self.setWordWrap(True)
        self.setStyleSheet("color: #b3261e;")
        self.hide()

    def refresh(self) -> None:
        uow, actor = self.ctx.uow, self.ctx.actor

        def fetch(_task: object) -> tuple[list[ContractRow], list[RotationWindow]]:
            late = plan_progress.late_contracts(uow, actor)
            return late, rotation.windows(uow, actor, open_only=True)

        self.ctx.tasks.run(
            fetch,
            on_done=self.show_rows,
            on_error=lambda _error: self.hide(),  # these lines never block the home page
        )

    def show_rows(self, rows: tuple[list[ContractRow], list[RotationWindow]]) -> None:
        self.late, self.windows = rows
        self.retranslate()

    def retranslate(self) -> None:
        lines = []
        if self.late:
            named = "、".join(
                f"{c.contract_no}（{c.supplier}，{c.delivery_due.isoformat()}）"
                for c in self.late[:MAX_NAMED]
            )
            lines.append(
                self.tr("逾期未交货的采购合同 {count} 份：{named}").format(
                    count=len(self.late), named=named
                )
                + (self.tr(" 等") if len(self.late) > MAX_NAMED else "")
            )
        if self.windows:
            overdue = [w for w in self.windows if w.status == "overdue"]
            named = "、".join(
                f"{w.item_name} {format_quantity(w.shortfall)} {w.unit}（{w.due_on.isoformat()}）"
                for w in self.windows[:MAX_NAMED]
            )
            lines.append(
                self.tr("轮换未轮入 {count} 笔，其中超过 4 个月 {overdue} 笔：{named}").format(
                    count=len(self.windows), overdue=len(overdue), named=named
                )
            )
        self.setText("\n".join(lines))
        self.setVisible(bool(lines))
