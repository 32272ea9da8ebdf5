"""What the master-data dialogs (仓库, 物资, 库位) share: a form, a message next to it,
保存/取消, and one save at a time in a task."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import InvalidInput
from ..context import AppContext
from ..errors import show_domain_error


class MasterDataDialog(QDialog):
    """Collects one record and saves it; a refusal the user can fix is shown in the form.

    Subclasses add their rows to ``_form``, call ``_lay_out()``, implement ``submit()``
    (which hands the saving to ``_save()``) and may override ``_show_refusal()``.
    (Texts here use the fixed context "MasterDataDialog": ``self.tr`` in a base class
    would be looked up under the subclass's name.)
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._busy = False
        self.saved_code: str | None = None  # set once the record is saved

        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

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

    def _lay_out(self) -> None:
        # Called once the form is filled: widgets join the tab order as they are laid out.
        layout = QVBoxLayout(self)
        layout.addLayout(self._form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)

    def _retranslate_buttons(self) -> None:
        self.ok_button.setText(QCoreApplication.translate("MasterDataDialog", "保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("MasterDataDialog", "取消")
        )

    @staticmethod
    def _lock_code(edit: QLineEdit, code: str) -> None:
        """Show the code of a saved record: it names the record elsewhere and never changes."""
        edit.setText(code)
        edit.setReadOnly(True)
        edit.setStyleSheet("QLineEdit { background: palette(window); }")
        edit.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    # ------------------------------------------------------------------ saving

    @staticmethod
    def _required(edit: QLineEdit, field: str) -> str:
        """The entered text, trimmed; raises InvalidInput(field, "required") if there is none."""
        text = edit.text().strip()
        if not text:
            raise InvalidInput(field, "required")
        return text

    def submit(self) -> None:
        """Abstract hook: every concrete subclass overrides it."""
        raise NotImplementedError

    def _save(self, save: Callable[[], str]) -> None:
        """Run ``save`` (returns the record's code) in a task; on success announce and close."""

        def work(_task: object) -> str:
            return save()

        self._set_busy(True)
        self._ctx.tasks.run(work, on_done=self._saved, on_error=self._failed, parent_widget=self)

    def _saved(self, code: str) -> None:
        self._set_busy(False)
        self.saved_code = code
        self._ctx.events.master_data_changed.emit()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if not self._show_refusal(error):
            show_domain_error(self, self._ctx, error, retry=self.submit)

    def _show_refusal(self, error: BaseException) -> bool:
        """Show a refusal the user can fix in the form; False leaves it to a message box."""
        return False

    def _show_message(self, text: str, widget: QWidget | None) -> None:
        self.message_label.setText(text)
        self.message_label.show()
        if widget is not None:
            widget.setFocus()
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def _clear_message(self) -> None:
        self.message_label.hide()
        self.message_label.clear()

    def _set_busy(self, busy: bool) -> None:
        # One save at a time: a double click must not save the record twice.
        self._busy = busy
        self.ok_button.setEnabled(not busy)

    def reject(self) -> None:
        # Esc lands here too; closing mid-save would leave the user unsure what happened.
        if not self._busy:
            super().reject()
