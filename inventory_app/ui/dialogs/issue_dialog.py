"""出库单: stock leaves a depot for a receiving unit, from named lots or first-expiring-first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLineEdit, QWidget

from ...domain.model import PostingResult, Purpose
from ...domain.permissions import Action
from ...services import issues
from ..context import AppContext
from .outbound_base import OutboundDialog
from .posting_base import chain_tab_order, purpose_combo


class IssueDialog(OutboundDialog):
    """Header (depot, receiver, order reference, purpose, date, note) and the lines to ship."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, depot_code: str | None = None
    ) -> None:
        super().__init__(ctx, parent, Action.ISSUE, depot_code)
        self.setWindowTitle(self.tr("出库单"))
        self.ok_button.setText(self.tr("确认出库"))
        self.receiver_edit = QLineEdit(self)
        self.receiver_edit.setMaxLength(200)
        self.receiver_edit.setPlaceholderText(self.tr("必填，如 海原县三河镇人民政府"))
        self.reference_edit.setPlaceholderText(self.tr("调拨单号或审批依据"))
        self.purpose_combo = purpose_combo(self, Purpose.RELIEF.value)

        form = self.header_grid(
            [
                (self.tr("仓库"), self.depot_combo),
                (self.tr("单据日期"), self.date_edit),
                (self.tr("接收单位"), self.receiver_edit),
                (self.tr("用途"), self.purpose_combo),
                (self.tr("调拨单号/依据"), self.reference_edit),
                (self.tr("备注"), self.note_edit),
            ]
        )
        self.lay_out(
            form,
            self.tr("出库明细"),
            self.lines,
            self.tr(
                "不指定批次时按先到期先出自动分配；超过可用库存的行标为黄色。"
                "Insert 添加行，Delete 删除行。"
            ),
        )
        self.resize(1100, 600)
        self.receiver_edit.textChanged.connect(self._clear_receiver_mark)
        chain_tab_order(
            self.depot_combo,
            self.date_edit,
            self.receiver_edit,
            self.purpose_combo,
            self.reference_edit,
            self.note_edit,
            self.lines.view,
            self.ok_button,
        )
        self.receiver_edit.setFocus()

    def _clear_receiver_mark(self) -> None:
        if self.receiver_edit.text().strip():
            self.receiver_edit.setStyleSheet("")
            self.receiver_edit.setToolTip("")

    def check(self) -> tuple[list[str], list[str]]:
        errors, warnings = self.check_lines()
        self.require_text(self.receiver_edit, self.tr("请填写接收单位"), errors)
        return errors, warnings

    def build_call(self) -> Callable[[], PostingResult]:
        uow, actor = self.ctx.uow, self.ctx.actor
        kwargs = {
            "depot": self.depot_combo.current_code(),
            "lines": self.out_lines(),
            "request_id": self.request_id,
            "doc_date": self.doc_date(),
            "receiver": self.receiver_edit.text().strip(),
            "reference": self.reference_edit.text().strip(),
            "purpose": self.purpose_combo.currentData(),
            "note": self.note_edit.text().strip(),
        }
        return lambda: issues.issue(uow, actor, **kwargs)
