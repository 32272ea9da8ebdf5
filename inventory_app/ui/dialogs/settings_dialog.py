"""系统设置: the editable planning defaults (persons target, road factor, truck speed, 临期)
and the paper the 出库单 prints on."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.quantities import plain_decimal
from ...services import settings
from ..context import AppContext
from ..errors import show_domain_error

ROAD_FACTOR_MIN = Decimal("1.0")
ROAD_FACTOR_MAX = Decimal("3.0")


class SettingsDialog(QDialog):
    """Loads the values in a task, saves them in a task, then tells open pages."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("系统设置"))
        self.setMinimumWidth(460)

        self.persons = QSpinBox()
        self.persons.setRange(1, 10_000_000)
        self.persons.setGroupSeparatorShown(True)
        self.persons.setSuffix(self.tr(" 人"))
        self.persons.setAlignment(Qt.AlignmentFlag.AlignRight)
        # A road factor is a ratio, not a quantity, but it is still kept exact: typed
        # text parsed as Decimal (a QDoubleSpinBox would hand us a float).
        self.road_factor = QLineEdit()
        self.road_factor.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"^\d(\.\d{1,2})?$"), self.road_factor)
        )
        self.road_factor.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.speed = QSpinBox()
        self.speed.setRange(10, 120)
        self.speed.setSuffix(" km/h")
        self.speed.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.near_days = QSpinBox()
        self.near_days.setRange(1, 3650)
        self.near_days.setSuffix(self.tr(" 天"))
        self.near_days.setAlignment(Qt.AlignmentFlag.AlignRight)
        # Dot-matrix printers take 241 × 140 mm continuous forms (three carbon copies).
        self.slip_form = QComboBox()
        self.slip_form.addItem(self.tr("A4"), "a4")
        self.slip_form.addItem(self.tr("针式打印连续纸 241×140 mm"), "continuous")

        form = QFormLayout()
        form.addRow(self.tr("安置人口目标："), self.persons)
        form.addRow(self.tr("道路系数："), self.road_factor)
        form.addRow(self.tr("货车平均时速："), self.speed)
        form.addRow(self.tr("临期预警天数："), self.near_days)
        form.addRow(self.tr("出库单纸张："), self.slip_form)
        hint = QLabel(
            self.tr(
                "道路系数：实际道路里程约为直线距离的倍数（默认 1.3）。\n"
                "临期预警：有效期在这么多天内的批次在首页和库存中标为临期。\n"
                "出库单纸张：打印单据时默认的纸张，预览中仍可改选。"
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5b6675;")

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        self.save_button.setEnabled(False)  # until the current values are loaded
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.load()

    def load(self) -> None:
        uow = self.ctx.uow
        self.ctx.tasks.run(
            lambda _task: settings.get_settings(uow),
            on_done=self._loaded,
            on_error=lambda error: show_domain_error(self, self.ctx, error, retry=self.load),
        )

    def _loaded(self, values: dict[str, str]) -> None:
        def number(key: str) -> int:
            try:
                return int(values.get(key) or settings.DEFAULTS[key])
            except ValueError:
                return int(settings.DEFAULTS[key])

        self.persons.setValue(number("persons_target"))
        self.road_factor.setText(values.get("road_factor") or settings.DEFAULTS["road_factor"])
        self.speed.setValue(number("truck_speed_kmh"))
        self.near_days.setValue(number("near_expiry_days"))
        position = self.slip_form.findData(values.get("slip_form") or "a4")
        self.slip_form.setCurrentIndex(max(position, 0))
        self.save_button.setEnabled(True)

    def values(self) -> dict[str, object] | None:
        """The entered values, or None (after telling the user) if the road factor is off."""
        factor = plain_decimal(self.road_factor.text()) or Decimal(0)
        if not ROAD_FACTOR_MIN <= factor <= ROAD_FACTOR_MAX:
            QMessageBox.warning(
                self,
                self.tr("无法保存"),
                self.tr("道路系数应在 {low} 到 {high} 之间。").format(
                    low=ROAD_FACTOR_MIN, high=ROAD_FACTOR_MAX
                ),
            )
            self.road_factor.setFocus()
            return None
        return {
            "persons_target": self.persons.value(),
            "road_factor": factor,
            "truck_speed_kmh": self.speed.value(),
            "near_expiry_days": self.near_days.value(),
            "slip_form": self.slip_form.currentData(),
        }

    def save(self) -> None:
        values = self.values()
        if values is None:
            return
        uow, actor = self.ctx.uow, self.ctx.actor
        self.buttons.setEnabled(False)
        self.ctx.tasks.run(
            lambda _task: settings.set_settings(uow, actor, values),
            on_done=self._saved,
            on_error=self._failed,
            parent_widget=self,
        )

    def _saved(self, _result: object) -> None:
        self.ctx.events.master_data_changed.emit()  # pages re-read 临期 and planning values
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        show_domain_error(self, self.ctx, error, retry=self.save)
