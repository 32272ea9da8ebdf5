"""调拨（发出）: stock leaves one depot for another and stays in transit until received there."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ...domain.model import PostingResult, Purpose
from ...domain.permissions import Action
from ...services import transfers
from ..context import AppContext
from ..widgets.depot_combo import DepotCombo
from .outbound_base import OutboundDialog
from .posting_base import chain_tab_order, mark_invalid, purpose_combo


class TransferDialog(OutboundDialog):
    """From one of the user's depots to any other active depot."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, from_depot: str | None = None
    ) -> None:
        super().__init__(ctx, parent, Action.TRANSFER, from_depot)
        self.setWindowTitle(self.tr("调拨单（发出）"))
        self.ok_button.setText(self.tr("确认调出"))
        self.to_combo = DepotCombo(
            ctx, None, self, all_depots=True, searchable=True, select_first=False
        )
        self.reference_edit.setPlaceholderText(self.tr("调拨指令号或审批依据"))
        self.purpose_combo = purpose_combo(self, Purpose.PREPOSITION.value)

        form = self.header_grid(
            [
                (self.tr("调出仓库"), self.depot_combo),
                (self.tr("单据日期"), self.date_edit),
                (self.tr("调入仓库"), self.to_combo),
                (self.tr("用途"), self.purpose_combo),
                (self.tr("调拨指令号/依据"), self.reference_edit),
                (self.tr("备注"), self.note_edit),
            ]
        )
        self.lay_out(
            form,
            self.tr("调拨明细"),
            self.lines,
            self.tr(
                "调出后货物处于“在途”状态，由调入仓库的保管员在“调拨接收”中确认入库。"
                "不指定批次时按先到期先出自动分配。"
            ),
        )
        self.resize(1100, 600)

        chain_tab_order(
            self.depot_combo,
            self.date_edit,
            self.to_combo,
            self.purpose_combo,
            self.reference_edit,
            self.note_edit,
            self.lines.view,
            self.ok_button,
        )
        self.to_combo.setFocus()
        self.depot_combo.depot_changed.connect(self.to_combo.set_excluded)
        self.to_combo.set_excluded(self.depot_combo.current_code() or from_depot)

    def check(self) -> tuple[list[str], list[str]]:
        errors, warnings = self.check_lines()
        to_code = self.to_combo.current_code()
        if not to_code or to_code == self.depot_combo.current_code():
            message = self.tr("请选择调入仓库")
            errors.insert(0, message)
            mark_invalid(self.to_combo, message)
        else:
            mark_invalid(self.to_combo, None)
        return errors, warnings

    def build_call(self) -> Callable[[], PostingResult]:
        uow, actor = self.ctx.uow, self.ctx.actor
        kwargs = {
            "from_depot": self.depot_combo.current_code(),
            "to_depot": self.to_combo.current_code(),
            "lines": self.out_lines(),
            "request_id": self.request_id,
            "doc_date": self.doc_date(),
            "reference": self.reference_edit.text().strip(),
            "purpose": self.purpose_combo.currentData(),
            "note": self.note_edit.text().strip(),
        }
        return lambda: transfers.transfer_send(uow, actor, **kwargs)

    def success_text(self, result: PostingResult) -> str:
        to = self.to_combo.current_depot()
        return self.tr("已调出：{doc_no}\n在途，待调入仓库“{depot}”接收。").format(
            doc_no=result.doc_no, depot=to.name if to else ""
        )
