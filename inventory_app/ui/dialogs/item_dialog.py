"""Create or edit a catalogue item (物资): code, names, category, unit, price, storage life, norms."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from ...domain.errors import (
    AlreadyExists,
    DomainError,
    HasHistory,
    InvalidInput,
    InvalidMoney,
    InvalidQuantity,
)
from ...domain.model import ReserveMode
from ...domain.quantities import MAX_DECIMALS, parse_money
from ...services import masterdata, reference_queries
from ...services.masterdata import ItemSpec
from ...services.rows import CategoryRow, ItemRow
from ..context import AppContext
from ..errors import show_domain_error
from ..models.table_models import Column, RowsTableModel
from ..widgets.shelf_life_edit import ShelfLifeEdit, shelf_life_text
from .item_fields import (
    COMMON_UNITS,
    MEASURED_UNITS,
    NormInvalid,
    check_norms,
    mode_name,
    plain_number,
)
from .masterdata_base import MasterDataDialog

# Names tests and the catalogue page have always imported from here.
__all__ = ["ItemDialog", "mode_name", "shelf_life_text"]


class ItemDialog(MasterDataDialog):
    """Collects a catalogue item and saves it with masterdata.create_item / update_item."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        item: ItemRow | None = None,
        *,
        category_code: str | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self._item = item
        self._loaded = False
        self._preset_category = item.category_code if item else category_code

        self.code_edit = QLineEdit()
        self.code_edit.setMaxLength(20)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(100)
        self.name_en_edit = QLineEdit()
        self.name_en_edit.setMaxLength(200)
        self._category_model: RowsTableModel[CategoryRow] = RowsTableModel(
            [Column("label", "", lambda c: f"{c.code} {c.name}")], self
        )
        self.category_combo = QComboBox()
        self.category_combo.setModel(self._category_model)
        self.spec_edit = QLineEdit()
        self.spec_edit.setMaxLength(200)

        self.unit_combo = QComboBox()
        self.unit_combo.setEditable(True)
        self.unit_combo.addItems(list(COMMON_UNITS))
        self.unit_combo.setCurrentIndex(-1)
        unit_edit = self.unit_combo.lineEdit()
        if unit_edit is not None:  # always, as the combo is editable
            unit_edit.setMaxLength(10)
        self.unit_combo.setMinimumContentsLength(5)
        self.decimals_spin = QSpinBox()
        self.decimals_spin.setRange(0, MAX_DECIMALS)
        self._decimals_label = QLabel()
        self._decimals_hint = QLabel()
        unit_row = QWidget()
        unit_layout = QHBoxLayout(unit_row)
        unit_layout.setContentsMargins(0, 0, 0, 0)
        unit_layout.addWidget(self.unit_combo)
        unit_layout.addSpacing(12)
        unit_layout.addWidget(self._decimals_label)
        unit_layout.addWidget(self.decimals_spin)
        unit_layout.addWidget(self._decimals_hint, 1)

        self.gb_code_edit = QLineEdit()
        self.gb_code_edit.setMaxLength(7)
        self.price_edit = QLineEdit()
        self.price_edit.setMaxLength(20)
        self.shelf_life_edit = ShelfLifeEdit()

        self.norm_person_edit = QLineEdit()
        self.norm_tent_edit = QLineEdit()
        self.persons_edit = QLineEdit()
        for edit in (self.norm_person_edit, self.norm_tent_edit, self.persons_edit):
            edit.setMaxLength(16)

        self.mode_checks: dict[str, QCheckBox] = {}
        modes_row = QWidget()
        modes_layout = QHBoxLayout(modes_row)
        modes_layout.setContentsMargins(0, 0, 0, 0)
        for mode in ReserveMode:
            check = QCheckBox()
            self.mode_checks[mode.value] = check
            modes_layout.addWidget(check)
        modes_layout.addStretch(1)

        self._rows: list[tuple[QWidget, str]] = [
            (self.code_edit, "code"),
            (self.name_edit, "name"),
            (self.name_en_edit, "name_en"),
            (self.category_combo, "category"),
            (self.spec_edit, "spec"),
            (unit_row, "unit"),
            (self.gb_code_edit, "gb_code"),
            (self.price_edit, "price"),
            (self.shelf_life_edit, "shelf_life"),
            (self.norm_person_edit, "norm_person"),
            (self.norm_tent_edit, "norm_tent"),
            (self.persons_edit, "persons"),
            (modes_row, "modes"),
        ]
        self._labels: dict[str, QLabel] = {}
        for widget, key in self._rows:
            self._labels[key] = QLabel()
            self._form.addRow(self._labels[key], widget)
        self.ok_button.setEnabled(False)  # until the categories are loaded
        self._lay_out()

        self.unit_combo.currentTextChanged.connect(self._unit_changed)
        for edit in (
            self.code_edit,
            self.name_edit,
            self.gb_code_edit,
            self.price_edit,
            self.norm_person_edit,
            self.norm_tent_edit,
            self.persons_edit,
        ):
            edit.textEdited.connect(self._clear_message)
        self._fill_from_item()
        self.retranslate()
        self.setMinimumWidth(600)
        self._load_categories()

    # ------------------------------------------------------------------ texts

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("编辑物资") if self._item else self.tr("新建物资"))
        labels = {
            "code": self.tr("编码"),
            "name": self.tr("名称"),
            "name_en": self.tr("英文名"),
            "category": self.tr("类别"),
            "spec": self.tr("规格"),
            "unit": self.tr("计量单位"),
            "gb_code": self.tr("国标编码"),
            "price": self.tr("参考单价（元）"),
            "shelf_life": self.tr("储存年限"),
            "norm_person": self.tr("人均定额"),
            "norm_tent": self.tr("每顶帐篷定额"),
            "persons": self.tr("每件可安置人数"),
            "modes": self.tr("储备方式"),
        }
        for key, label in self._labels.items():
            label.setText(labels[key])
        self.code_edit.setPlaceholderText(
            self.tr("如 050101（类别 2 位 + 顺序号），保存后不能修改")
        )
        self.name_en_edit.setPlaceholderText(self.tr("可留空"))
        self.spec_edit.setPlaceholderText(self.tr("如 12 m² 单层棉帐篷"))
        self._decimals_label.setText(self.tr("小数位"))
        self._decimals_hint.setText(self.tr("计件为 0；按吨、千克、升计量为 3"))
        self._decimals_hint.setStyleSheet("color: palette(placeholder-text);")
        self.gb_code_edit.setPlaceholderText(self.tr("GB/T 38565 的 7 位编码，可留空"))
        self.price_edit.setPlaceholderText(self.tr("如 1650.00，最多两位小数"))
        self.shelf_life_edit.retranslate()
        self.norm_person_edit.setPlaceholderText(self.tr("每名安置人员配备数量，如 1；可留空"))
        self.norm_tent_edit.setPlaceholderText(self.tr("每顶帐篷配备数量，如 1；可留空"))
        self.persons_edit.setPlaceholderText(self.tr("如棉帐篷每顶安置 4 人；可留空"))
        for mode, check in self.mode_checks.items():
            check.setText(self.tr("{mode}储备").format(mode=mode_name(mode)))
        self._retranslate_buttons()

    # ------------------------------------------------------------------ loading

    def _fill_from_item(self) -> None:
        item = self._item
        if item is None:
            self.mode_checks[ReserveMode.PHYSICAL.value].setChecked(True)
            return
        # The code is printed on documents and bin cards; it never changes.
        self._lock_code(self.code_edit, item.code)
        self.name_edit.setText(item.name)
        self.name_en_edit.setText(item.name_en)
        self.spec_edit.setText(item.spec)
        for edit in (self.name_edit, self.name_en_edit, self.spec_edit):
            edit.setCursorPosition(0)  # show the start of long texts, not their end
        self.unit_combo.setCurrentText(item.unit)
        self.decimals_spin.setValue(item.decimals)
        self.gb_code_edit.setText(item.gb_code or "")
        self.price_edit.setText("" if item.ref_price is None else f"{item.ref_price:f}")
        self.shelf_life_edit.set_value(item.shelf_life)
        self.norm_person_edit.setText(plain_number(item.norm_per_person))
        self.norm_tent_edit.setText(plain_number(item.norm_per_tent))
        self.persons_edit.setText(plain_number(item.persons_per_unit))
        modes = set(item.reserve_modes.split(","))
        for mode, check in self.mode_checks.items():
            check.setChecked(mode in modes)

    def _unit_changed(self, unit: str) -> None:
        # Only suggested for new items: a used item's decimals cannot change anyway.
        if self._item is None:
            self.decimals_spin.setValue(MAX_DECIMALS if unit.strip() in MEASURED_UNITS else 0)

    def _load_categories(self) -> None:
        uow = self._ctx.uow
        self._ctx.tasks.run(
            lambda _task: reference_queries.categories(uow),
            on_done=self._categories_ready,
            on_error=lambda error: show_domain_error(
                self, self._ctx, error, retry=self._load_categories
            ),
            parent_widget=self,
        )

    def _categories_ready(self, rows: list[CategoryRow]) -> None:
        self._category_model.set_rows(rows)
        self.category_combo.setCurrentIndex(-1)
        for position, row in enumerate(rows):
            if row.code == self._preset_category:
                self.category_combo.setCurrentIndex(position)
        self._loaded = True
        self.ok_button.setEnabled(True)

    # ------------------------------------------------------------------ saving

    def spec(self) -> ItemSpec:
        """The entered item; raises a DomainError for anything that can be checked here."""
        code = self._required(self.code_edit, "code")
        name = self._required(self.name_edit, "name")
        category = self._category_model.row_at(
            self._category_model.index(self.category_combo.currentIndex(), 0)
        )
        if category is None:
            raise InvalidInput("category", "required")
        unit = self.unit_combo.currentText().strip()
        if not unit:
            raise InvalidInput("unit", "required")
        gb_code = self.gb_code_edit.text().strip()
        if gb_code and (len(gb_code) != 7 or not gb_code.isdigit()):
            raise InvalidInput("gb_code", "seven_digits", gb_code)
        price_text = self.price_edit.text().strip()
        if price_text:
            parse_money(price_text)  # raises InvalidMoney; the service parses it again
        norms = check_norms(
            (
                ("norm_per_person", self.norm_person_edit.text()),
                ("norm_per_tent", self.norm_tent_edit.text()),
                ("persons_per_unit", self.persons_edit.text()),
            )
        )
        modes = tuple(mode for mode, check in self.mode_checks.items() if check.isChecked())
        if not modes:
            raise InvalidInput("reserve_mode", "required")
        months, days = self.shelf_life_edit.months_and_days()
        return ItemSpec(
            code=code,
            name=name,
            category=category.code,
            unit=unit,
            decimals=self.decimals_spin.value(),
            spec=self.spec_edit.text().strip(),
            name_en=self.name_en_edit.text().strip(),
            gb_code=gb_code or None,
            ref_price=price_text or None,
            shelf_life_days=days,
            shelf_life_months=months,
            norm_per_person=norms[0],
            norm_per_tent=norms[1],
            persons_per_unit=norms[2],
            reserve_modes=modes,
        )

    def submit(self) -> None:
        if self._busy or not self._loaded:
            return
        try:
            spec = self.spec()
        except (InvalidInput, InvalidMoney, NormInvalid) as error:
            self._show_invalid(error)
            return
        self._clear_message()
        uow, actor = self._ctx.uow, self._ctx.actor
        editing = self._item is not None

        def work() -> str:
            if editing:
                masterdata.update_item(uow, actor, spec)
            else:
                masterdata.create_item(uow, actor, spec)
            return spec.code

        self._save(work)

    def _show_refusal(self, error: BaseException) -> bool:
        if isinstance(error, HasHistory):
            self._show_message(
                self.tr(
                    "该物资已有库存批次，计量单位和小数位数不能再修改（其他内容可以修改）。"
                    "如需改用其他单位，请新建一个物资，并停用本物资。"
                ),
                self.unit_combo,
            )
            return True
        if isinstance(error, InvalidInput | InvalidMoney | InvalidQuantity | AlreadyExists):
            self._show_invalid(error)
            return True
        return False

    def _show_invalid(self, error: DomainError) -> None:
        field = str(error.params.get("field", ""))
        widgets: dict[str, QWidget] = {
            "code": self.code_edit,
            "name": self.name_edit,
            "category": self.category_combo,
            "unit": self.unit_combo,
            "gb_code": self.gb_code_edit,
            "decimals": self.decimals_spin,
            "shelf_life_days": self.shelf_life_edit,
            "shelf_life_months": self.shelf_life_edit,
            "norm_per_person": self.norm_person_edit,
            "norm_per_tent": self.norm_tent_edit,
            "persons_per_unit": self.persons_edit,
            "reserve_mode": self.mode_checks[ReserveMode.PHYSICAL.value],
        }
        missing = {
            "code": self.tr("请填写物资编码。"),
            "name": self.tr("请填写物资名称。"),
            "category": self.tr("请选择类别。"),
            "unit": self.tr("请填写计量单位。"),
            "reserve_mode": self.tr("请至少选择一种储备方式。"),
        }
        if isinstance(error, AlreadyExists):
            field = "code"
            text = self._ctx.error_text(error)
        elif isinstance(error, InvalidMoney):
            widgets["money"] = self.price_edit
            field = "money"
            text = self.tr("参考单价：") + self._ctx.error_text(error)
        elif isinstance(error, NormInvalid):
            text = self._norm_label(field) + self.tr("：") + self._ctx.error_text(error.cause)
        elif error.params.get("reason") == "required" and field in missing:
            text = missing[field]
        else:
            text = self._ctx.error_text(error)
        self._show_message(text, widgets.get(field))

    def _norm_label(self, field: str) -> str:
        return {
            "norm_per_person": self.tr("人均定额"),
            "norm_per_tent": self.tr("每顶帐篷定额"),
            "persons_per_unit": self.tr("每件可安置人数"),
        }.get(field, field)
