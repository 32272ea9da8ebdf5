"""录入实盘数: the counted quantity of one line (or of found stock), a reason, a note."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ...domain.counts import CountReason
from ..labels import count_reason_label


class CountEntryDialog(QDialog):
    """Collects the values; the page calls the service and shows any refusal."""

    def __init__(
        self, parent: QWidget | None, title: str, *, found: bool = False, quantity: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("录入实盘数"))
        form = QFormLayout(self)
        form.addRow(QLabel(title, self))
        self.item_edit = QLineEdit(self)
        self.batch_edit = QLineEdit(self)
        self.location_edit = QLineEdit(self)
        if found:
            self.item_edit.setPlaceholderText(self.tr("物资编码，如 050101"))
            form.addRow(self.tr("物资编码"), self.item_edit)
            form.addRow(self.tr("批号"), self.batch_edit)
            form.addRow(self.tr("库位"), self.location_edit)
        self.qty_edit = QLineEdit(quantity, self)
        self.qty_edit.setPlaceholderText(self.tr("只填数字，如 12 或 2.5"))
        form.addRow(self.tr("实盘数量"), self.qty_edit)
        self.reason_combo = QComboBox(self)
        self.reason_combo.addItem("", "")
        for reason in CountReason:
            self.reason_combo.addItem(count_reason_label(reason), reason.value)
        form.addRow(self.tr("差异原因"), self.reason_combo)
        self.note_edit = QLineEdit(self)
        form.addRow(self.tr("备注"), self.note_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @property
    def quantity(self) -> str:
        return self.qty_edit.text().strip()

    @property
    def reason(self) -> str:
        return str(self.reason_combo.currentData() or "")

    @property
    def note(self) -> str:
        return self.note_edit.text().strip()
