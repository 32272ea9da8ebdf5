"""Create or edit a depot (仓库): name, type, level, region, owner, address, contact, coordinates."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ...domain.errors import AlreadyExists, DomainError, InvalidInput
from ...domain.model import Level
from ...domain.quantities import plain_decimal
from ...services import masterdata, masterdata_queries, reference_queries
from ...services.masterdata import DepotSpec
from ...services.rows import DepotRow, OrganisationRow
from ..context import AppContext
from ..errors import show_domain_error
from ..models.table_models import Column, RowsTableModel
from .masterdata_base import MasterDataDialog

# (code or None, label): one entry of the region / owner combo boxes.
Choice = tuple[str | None, str]

DEPOT_KINDS = ("relief", "grain")
LATITUDE_LIMIT = 90
LONGITUDE_LIMIT = 180


def kind_name(kind: str) -> str:
    """The depot type as users call it; unknown codes are shown as they are."""
    names = {
        "relief": QCoreApplication.translate("DepotDialog", "应急物资储备库"),
        "grain": QCoreApplication.translate("DepotDialog", "粮食承储库点"),
    }
    return names.get(kind, kind)


def level_name(level: int) -> str:
    names = {
        Level.REGION: QCoreApplication.translate("DepotDialog", "自治区级"),
        Level.CITY: QCoreApplication.translate("DepotDialog", "市级"),
        Level.COUNTY: QCoreApplication.translate("DepotDialog", "县级"),
        Level.TOWNSHIP: QCoreApplication.translate("DepotDialog", "乡镇级"),
        Level.VILLAGE: QCoreApplication.translate("DepotDialog", "村级"),
    }
    return names.get(level, str(level))  # type: ignore[call-overload]


def region_choices(regions: list[tuple[str, str, int, str | None]]) -> list[Choice]:
    """Regions as "中卫市 › 沙坡头区 › 柔远镇", in tree order, so equal town names stay apart."""
    by_code = {code: (name, parent) for code, name, _level, parent in regions}

    def path(code: str) -> str:
        names: list[str] = []
        current: str | None = code
        while current is not None and current in by_code and len(names) < 6:
            name, parent = by_code[current]
            names.append(name)
            current = parent
        # The autonomous region prefixes every path; it says nothing, so drop it.
        if len(names) > 1:
            names.pop()
        return " › ".join(reversed(names))

    # Region codes are hierarchical (640500 → 640502 → 640502103), so sorting the
    # codes as text lists every region right after its parent.
    return [(code, path(code)) for code in sorted(by_code)]


def parse_coordinate(text: str, field: str, limit: int) -> str | None:
    """Decimal degrees kept as exact text; raises InvalidInput like the service would."""
    text = text.strip()
    if not text:
        return None
    number = plain_decimal(text)
    if number is None or "," in text or "，" in text:
        raise InvalidInput(field, "not_a_number", text)
    if abs(number) > limit:
        raise InvalidInput(field, "range", text)
    return text


def _choice_model(parent: QWidget) -> RowsTableModel[Choice]:
    # A thin model rather than addItem(): dozens of entries, and no item API for data.
    return RowsTableModel([Column("label", "", lambda choice: choice[1])], parent)


class DepotDialog(MasterDataDialog):
    """Collects a depot's facts and saves them with masterdata.create_depot / update_depot."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, depot: DepotRow | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self._depot = depot
        self._choices_loaded = False

        self.code_edit = QLineEdit()
        self.code_edit.setMaxLength(20)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(200)
        self.short_name_edit = QLineEdit()
        self.short_name_edit.setMaxLength(40)
        self.kind_combo = QComboBox()
        for kind in DEPOT_KINDS:
            self.kind_combo.addItem(kind_name(kind), kind)
        self.level_combo = QComboBox()
        for level in Level:
            self.level_combo.addItem(level_name(level), int(level))
        self._region_model = _choice_model(self)
        self.region_combo = QComboBox()
        self.region_combo.setModel(self._region_model)
        self._owner_model = _choice_model(self)
        self.owner_combo = QComboBox()
        self.owner_combo.setModel(self._owner_model)
        for combo in (self.region_combo, self.owner_combo):
            combo.setMinimumContentsLength(24)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
        self.address_edit = QLineEdit()
        self.address_edit.setMaxLength(300)
        self.contact_edit = QLineEdit()
        self.contact_edit.setMaxLength(60)
        self.phone_edit = QLineEdit()
        self.phone_edit.setMaxLength(40)
        self.lat_edit = QLineEdit()
        self.lat_edit.setMaxLength(20)
        self.lon_edit = QLineEdit()
        self.lon_edit.setMaxLength(20)
        self.demo_check = QCheckBox()
        self.note_edit = QLineEdit()

        coordinates = QWidget()
        row = QHBoxLayout(coordinates)
        row.setContentsMargins(0, 0, 0, 0)
        self._lat_label = QLabel()
        self._lon_label = QLabel()
        row.addWidget(self._lat_label)
        row.addWidget(self.lat_edit, 1)
        row.addSpacing(12)
        row.addWidget(self._lon_label)
        row.addWidget(self.lon_edit, 1)
        self._coordinate_hint = QLabel()
        self._coordinate_hint.setStyleSheet("color: palette(placeholder-text);")

        self._labels: dict[str, QLabel] = {}
        for widget, key in (
            (self.code_edit, "code"),
            (self.name_edit, "name"),
            (self.short_name_edit, "short_name"),
            (self.kind_combo, "kind"),
            (self.level_combo, "level"),
            (self.region_combo, "region"),
            (self.owner_combo, "owner"),
            (self.address_edit, "address"),
            (self.contact_edit, "contact"),
            (self.phone_edit, "phone"),
            (coordinates, "coordinates"),
            (self._coordinate_hint, "hint"),
            (self.demo_check, "demo"),
            (self.note_edit, "note"),
        ):
            label = QLabel()
            self._labels[key] = label
            self._form.addRow(label, widget)
        self.ok_button.setEnabled(False)  # until regions and owners are loaded
        self._lay_out()

        for edit in (self.lat_edit, self.lon_edit, self.code_edit, self.name_edit):
            edit.textEdited.connect(self._clear_message)
        self._fill_from_depot()
        self.retranslate()
        self.setMinimumWidth(560)
        self._load_choices()

    # ------------------------------------------------------------------ texts

    def retranslate(self) -> None:
        editing = self._depot is not None
        self.setWindowTitle(self.tr("编辑仓库") if editing else self.tr("新建仓库"))
        labels = {
            "code": self.tr("编码"),
            "name": self.tr("名称"),
            "short_name": self.tr("简称"),
            "kind": self.tr("类型"),
            "level": self.tr("级别"),
            "region": self.tr("所在区划"),
            "owner": self.tr("权属单位"),
            "address": self.tr("地址"),
            "contact": self.tr("联系人"),
            "phone": self.tr("电话"),
            "coordinates": self.tr("坐标"),
            "note": self.tr("备注"),
            "hint": "",
            "demo": "",
        }
        for key, label in self._labels.items():
            label.setText(labels[key])
        self._lat_label.setText(self.tr("纬度"))
        self._lon_label.setText(self.tr("经度"))
        self.short_name_edit.setPlaceholderText(
            self.tr("如 柔远镇库；表格中显示简称，单据上打印全称")
        )
        self.lat_edit.setPlaceholderText(self.tr("如 37.5100"))
        self.lon_edit.setPlaceholderText(self.tr("如 105.1900"))
        self._coordinate_hint.setText(
            self.tr("十进制度数（北纬、东经为正），用于估算运输距离和时间；可留空。")
        )
        self.demo_check.setText(self.tr("演示坐标（大致位置，并非实测）"))
        self.code_edit.setPlaceholderText(self.tr("如 ZW-SJ-01，保存后不能修改"))
        self.phone_edit.setPlaceholderText(self.tr("如 0955-7080239"))
        for index, kind in enumerate(DEPOT_KINDS):
            self.kind_combo.setItemText(index, kind_name(kind))
        for index, level in enumerate(Level):
            self.level_combo.setItemText(index, level_name(level))
        if self._region_model.rowCount() and self._region_model.rows()[0][0] is None:
            rows = self._region_model.rows()
            self._region_model.set_rows([(None, self.tr("（未指定）")), *rows[1:]])
        self._retranslate_buttons()

    # ------------------------------------------------------------------ loading

    def _fill_from_depot(self) -> None:
        depot = self._depot
        if depot is None:
            self.level_combo.setCurrentIndex(self.level_combo.findData(int(Level.CITY)))
            return
        # The code names the depot in documents and other PCs' records; it never changes.
        self._lock_code(self.code_edit, depot.code)
        self.name_edit.setText(depot.name)
        self.short_name_edit.setText(depot.short_name)
        kind_index = self.kind_combo.findData(depot.kind)
        if kind_index < 0:  # a type this version does not know: keep it, do not rewrite it
            self.kind_combo.addItem(depot.kind, depot.kind)
            kind_index = self.kind_combo.count() - 1
        self.kind_combo.setCurrentIndex(kind_index)
        self.level_combo.setCurrentIndex(max(0, self.level_combo.findData(depot.level)))
        self.address_edit.setText(depot.address)
        self.contact_edit.setText(depot.contact)
        self.phone_edit.setText(depot.phone)
        self.lat_edit.setText(depot.lat or "")
        self.lon_edit.setText(depot.lon or "")
        self.demo_check.setChecked(depot.demo)
        self.note_edit.setText(depot.note)
        for edit in (self.name_edit, self.address_edit, self.note_edit):
            edit.setCursorPosition(0)  # show the start of long texts, not their end

    def _load_choices(self) -> None:
        uow = self._ctx.uow
        depot_code = self._depot.code if self._depot else None

        def work(
            _task: object,
        ) -> tuple[list[tuple[str, str, int, str | None]], list[OrganisationRow], str | None]:
            region = masterdata_queries.depot_region_code(uow, depot_code) if depot_code else None
            return reference_queries.regions(uow), reference_queries.organisations(uow), region

        self._ctx.tasks.run(
            work, on_done=self._choices_ready, on_error=self._load_failed, parent_widget=self
        )

    def _choices_ready(
        self,
        result: tuple[list[tuple[str, str, int, str | None]], list[OrganisationRow], str | None],
    ) -> None:
        regions, organisations, region_code = result
        self._region_model.set_rows([(None, self.tr("（未指定）")), *region_choices(regions)])
        self._owner_model.set_rows([(org.code, org.name) for org in organisations])
        self._select(self.region_combo, self._region_model, region_code)
        owner = self._depot.owner_code if self._depot else None
        if not self._select(self.owner_combo, self._owner_model, owner):
            self.owner_combo.setCurrentIndex(-1)  # a new depot: the user must choose
        self._choices_loaded = True
        self.ok_button.setEnabled(True)

    def _load_failed(self, error: BaseException) -> None:
        show_domain_error(self, self._ctx, error, retry=self._load_choices)

    @staticmethod
    def _select(combo: QComboBox, model: RowsTableModel[Choice], code: str | None) -> bool:
        for position, (choice_code, _label) in enumerate(model.rows()):
            if choice_code == code:
                combo.setCurrentIndex(position)
                return True
        return False

    @staticmethod
    def _current_code(combo: QComboBox, model: RowsTableModel[Choice]) -> str | None:
        row = model.row_at(model.index(combo.currentIndex(), 0))
        return None if row is None else row[0]

    # ------------------------------------------------------------------ saving

    def spec(self) -> DepotSpec:
        """The entered depot; raises InvalidInput for what can be checked here."""
        code = self._required(self.code_edit, "code")
        name = self._required(self.name_edit, "name")
        owner = self._current_code(self.owner_combo, self._owner_model)
        if owner is None:
            raise InvalidInput("owner", "required")
        return DepotSpec(
            code=code,
            name=name,
            level=int(self.level_combo.currentData()),
            owner_org=owner,
            kind=str(self.kind_combo.currentData()),
            region=self._current_code(self.region_combo, self._region_model),
            address=self.address_edit.text().strip(),
            contact=self.contact_edit.text().strip(),
            phone=self.phone_edit.text().strip(),
            lat=parse_coordinate(self.lat_edit.text(), "lat", LATITUDE_LIMIT),
            lon=parse_coordinate(self.lon_edit.text(), "lon", LONGITUDE_LIMIT),
            demo=self.demo_check.isChecked(),
            note=self.note_edit.text().strip(),
            short_name=self.short_name_edit.text().strip(),
        )

    def submit(self) -> None:
        if self._busy or not self._choices_loaded:
            return
        try:
            spec = self.spec()
        except InvalidInput as error:
            self._show_invalid(error)
            return
        self._clear_message()
        uow, actor = self._ctx.uow, self._ctx.actor
        save = masterdata.update_depot if self._depot is not None else masterdata.create_depot

        def work() -> str:
            save(uow, actor, spec)
            return spec.code

        self._save(work)

    def _show_refusal(self, error: BaseException) -> bool:
        if isinstance(error, InvalidInput | AlreadyExists):
            self._show_invalid(error)  # a field the user can fix: say so next to the form
            return True
        return False

    def _show_invalid(self, error: DomainError) -> None:
        # A duplicate code is the only AlreadyExists a depot can raise.
        field = "code" if isinstance(error, AlreadyExists) else str(error.params.get("field", ""))
        missing = {
            "code": self.tr("请填写仓库编码。"),
            "name": self.tr("请填写仓库名称。"),
            "owner": self.tr("请选择权属单位。"),
        }
        if error.params.get("reason") == "required" and field in missing:
            text = missing[field]
        else:
            text = self._ctx.error_text(error)
        widget: QWidget | None = {
            "code": self.code_edit,
            "name": self.name_edit,
            "short_name": self.short_name_edit,
            "owner": self.owner_combo,
            "lat": self.lat_edit,
            "lon": self.lon_edit,
            "level": self.level_combo,
        }.get(field)
        self._show_message(text, widget)
