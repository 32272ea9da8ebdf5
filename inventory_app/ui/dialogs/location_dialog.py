"""Add a storage location (库位 / 货架 / 仓号) to a depot."""

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

from ...domain.errors import AlreadyExists, InvalidInput
from ...services import masterdata
from ..context import AppContext
from ..errors import show_domain_error


class LocationDialog(QDialog):
    """Collects a location code and name and saves them with masterdata.add_location."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        depot_code: str,
        depot_name: str = "",
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._depot_code = depot_code
        self._busy = False
        self.saved_code: str | None = None

        self.depot_label = QLabel(self.tr("{name}（{code}）").format(
            name=depot_name, code=depot_code) if depot_name else depot_code)
        self.code_edit = QLineEdit()
        self.code_edit.setMaxLength(30)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(100)
        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._depot_caption, self._code_caption, self._name_caption = QLabel(), QLabel(), QLabel()
        self._form.addRow(self._depot_caption, self.depot_label)
        self._form.addRow(self._code_caption, self.code_edit)
        self._form.addRow(self._name_caption, self.name_edit)

        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #c62828;")
        self.message_label.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)

        layout = QVBoxLayout(self)
        layout.addLayout(self._form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
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
        self.ok_button.setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))

    def submit(self) -> None:
        if self._busy:
            return
        code = self.code_edit.text().strip()
        if not code:
            self._show_message(self.tr("请填写库位编码。"))
            return
        uow, actor, depot = self._ctx.uow, self._ctx.actor, self._depot_code
        name = self.name_edit.text().strip()

        def work(_task: object) -> str:
            masterdata.add_location(uow, actor, depot=depot, code=code, name=name)
            return code

        self._set_busy(True)
        self._ctx.tasks.run(work, on_done=self._saved, on_error=self._failed, parent_widget=self)

    def _saved(self, code: str) -> None:
        self._set_busy(False)
        self.saved_code = code
        self._ctx.events.master_data_changed.emit()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, AlreadyExists | InvalidInput):
            # The user can fix these in the form: keep them next to the field.
            self._show_message(self._ctx.error_text(error))
            return
        show_domain_error(self, self._ctx, error, retry=self.submit)

    def _show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.show()
        self.code_edit.setFocus()
        self.code_edit.selectAll()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.ok_button.setEnabled(not busy)

    def reject(self) -> None:
        # Esc lands here too; closing mid-save would leave the user unsure what happened.
        if not self._busy:
            super().reject()
