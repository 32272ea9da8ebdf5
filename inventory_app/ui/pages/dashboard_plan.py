"""首页 lines for the reserve plan: purchase contracts past their delivery date, open or
overdue rotation windows (轮出 not yet balanced by a 轮入) with what is still missing, and
agreement reserves about to expire."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QLabel, QWidget

from ...services import agreements, plan_progress, rotation
from ...services.agreements import AgreementRow
from ...services.plan_progress import ContractRow
from ...services.rotation import RotationWindow
from ..context import AppContext
from ..models.table_models import format_quantity

MAX_NAMED = 4  # contracts or windows named in a line; the rest are counted
EXPIRING_DAYS = 30  # an agreement reserve this close to its end is flagged


Alerts = tuple[list[ContractRow], list[RotationWindow], list[AgreementRow]]


class PlanAlerts(QLabel):
    """Hidden while nothing is late or open; red lines otherwise."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.late: list[ContractRow] = []
        self.windows: list[RotationWindow] = []
        self.expiring: list[AgreementRow] = []
        self.setWordWrap(True)
        self.setStyleSheet("color: #b3261e;")
        self.hide()

    def refresh(self) -> None:
        uow, actor = self.ctx.uow, self.ctx.actor

        def fetch(_task: object) -> Alerts:
            late = plan_progress.late_contracts(uow, actor)
            soon = date.today() + timedelta(days=EXPIRING_DAYS)
            ending = [
                a for a in agreements.agreements(uow, actor) if date.today() <= a.valid_to <= soon
            ]
            return late, rotation.windows(uow, actor, open_only=True), ending

        self.ctx.tasks.run(
            fetch,
            on_done=self.show_rows,
            on_error=lambda _error: self.hide(),  # these lines never block the home page
        )

    def show_rows(self, rows: Alerts) -> None:
        self.late, self.windows, self.expiring = rows
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
        if self.expiring:
            named = "、".join(
                f"{a.agreement_no}（{a.enterprise}，{a.valid_to.isoformat()}）"
                for a in self.expiring[:MAX_NAMED]
            )
            lines.append(
                self.tr("{days} 天内到期的协议储备 {count} 份：{named}").format(
                    days=EXPIRING_DAYS, count=len(self.expiring), named=named
                )
            )
        self.setText("\n".join(lines))
        self.setVisible(bool(lines))
