"""The depots page's detail panel: a depot's long facts (names, address, contact) shown whole."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from ...services.rows import DepotRow
from ..dialogs.depot_dialog import kind_name, level_name
from .depots_columns import DETAIL_KEYS

# The texts keep the page's context "DepotsPage", where they were first translated.


def depot_facts(depot: DepotRow) -> dict[str, str]:
    """The panel's text per detail key for one depot."""
    name = QCoreApplication.translate("DepotsPage", "{name}（{code}）").format(
        name=depot.name, code=depot.code
    )
    if not depot.active:
        name += "  " + QCoreApplication.translate("DepotsPage", "【已停用】")
    if depot.lat and depot.lon:
        coordinates = (
            QCoreApplication.translate("DepotsPage", "北纬 %1°，东经 %2°")
            .replace("%1", depot.lat or "")
            .replace("%2", depot.lon or "")
        )
    else:
        coordinates = QCoreApplication.translate("DepotsPage", "未填写")
    if depot.demo and depot.lat:
        coordinates += QCoreApplication.translate("DepotsPage", "（演示坐标，仅用于估算运输距离）")
    return {
        "name": name,
        "short_name": depot.short_name
        or QCoreApplication.translate("DepotsPage", "未填写（表格中显示全称）"),
        "kind": f"{kind_name(depot.kind)} · {level_name(depot.level)}",
        "region": depot.region_name,
        "owner": depot.owner_name,
        "address": depot.address,
        "contact": "　".join(part for part in (depot.contact, depot.phone) if part),
        "coordinates": coordinates,
        "note": depot.note,
    }


class DepotDetails(QWidget):
    """A bold title over caption–value rows that wrap, so nothing long is cut off."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.values: dict[str, QLabel] = {}
        self._captions: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for key in DETAIL_KEYS:
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            caption = QLabel()
            self.values[key] = value
            self._captions[key] = caption
            form.addRow(caption, value)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addStretch(1)

    def show_depot(self, depot: DepotRow | None) -> None:
        if depot is None:
            for label in self.values.values():
                label.clear()
            return
        facts = depot_facts(depot)
        for key, label in self.values.items():
            label.setText(facts[key])

    def retranslate(self) -> None:
        self.title.setText(QCoreApplication.translate("DepotsPage", "仓库详情"))
        captions = {
            "name": QCoreApplication.translate("DepotsPage", "名称"),
            "short_name": QCoreApplication.translate("DepotsPage", "简称"),
            "kind": QCoreApplication.translate("DepotsPage", "类型"),
            "region": QCoreApplication.translate("DepotsPage", "所在区划"),
            "owner": QCoreApplication.translate("DepotsPage", "权属单位"),
            "address": QCoreApplication.translate("DepotsPage", "地址"),
            "contact": QCoreApplication.translate("DepotsPage", "联系人"),
            "coordinates": QCoreApplication.translate("DepotsPage", "坐标"),
            "note": QCoreApplication.translate("DepotsPage", "备注"),
        }
        for key, caption in self._captions.items():
            caption.setText(captions[key])
