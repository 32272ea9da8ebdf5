"""Add a storage location (库位 / 货架 / 仓号) to a depot."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from ...domain.errors import AlreadyExists, InvalidInput
from ...services import masterdata
from ..context import AppContext
from .masterdata_base import MasterDataDialog


class LocationDialog(MasterDataDialog):
    """Collects a location code and name and saves them with masterdata.add_location."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        depot_code: str,
        depot_name: str = "",
    ) -> None:
        super().__init__(ctx, parent)
        self._depot_code = depot_code

        self.depot_label = QLabel(
            self.tr("{name}（{code}）").format(name=depot_name, code=depot_code)
            if depot_name
            else depot_code
        )
        self.code_edit = QLineEdit()
        self.code_edit.setMaxLength(30)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(100)
        self._depot_caption, self._code_caption, self._name_caption = QLabel(), QLabel(), QLabel()
        self._form.addRow(self._depot_caption, self.depot_label)
        self._form.addRow(self._code_caption, self.code_edit)
        self._form.addRow(self._name_caption, self.name_edit)
        self._lay_out()
        self.code_edit.textEdited.connect(self.message_label.hide)
        self.retranslate()
        self.setMinimumWidth(420)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("新建库位"))
        self._depot_caption.setText(self.tr("仓库"))
        self._code_caption.setText(self.tr("库位编码"))
        self._name_caption.setText(self.tr("名称"))
        self.code_edit.setPlaceholderText(self.tr("如 A-01（货架）或 C-01（仓号）"))
        self.name_edit.setPlaceholderText(self.tr("如 A区01货架，可留空"))
        self._retranslate_buttons()

    def submit(self) -> None:
        if self._busy:
            return
        code = self.code_edit.text().strip()
        if not code:
            self._show_message(self.tr("请填写库位编码。"), self.code_edit)
            return
        uow, actor, depot = self._ctx.uow, self._ctx.actor, self._depot_code
        name = self.name_edit.text().strip()

        def work() -> str:
            masterdata.add_location(uow, actor, depot=depot, code=code, name=name)
            return code

        self._save(work)

    def _show_refusal(self, error: BaseException) -> bool:
        if isinstance(error, AlreadyExists | InvalidInput):
            # The user can fix these in the form: keep them next to the field.
            self._show_message(self._ctx.error_text(error), self.code_edit)
            return True
        return False
