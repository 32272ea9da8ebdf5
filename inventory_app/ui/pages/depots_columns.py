"""The depots page's tables: depot and location columns, their texts, widths and filter proxy."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView

from ...domain.model import Level
from ...services.rows import DepotRow, LocationRow
from ..dialogs.depot_dialog import DEPOT_KINDS, kind_name, level_name
from ..models.table_models import Column
from .masterdata_base import (
    INACTIVE,
    SortedLabel,
)


class FilterProxy(QSortFilterProxyModel):
    """Filters rows; sorting is left to RowsTableModel, which compares the exact values.

    (A proxy would sort on SORT_ROLE, where a labelled level is an opaque Python object.)
    """

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)


def _grey_if_inactive(row: DepotRow | LocationRow) -> QColor | None:
    return None if row.active else INACTIVE


def status_text(active: bool) -> str:
    if active:
        return QCoreApplication.translate("DepotsPage", "启用")
    return QCoreApplication.translate("DepotsPage", "停用")


def coordinates_text(depot: DepotRow) -> str:
    if not depot.lat or not depot.lon:
        return ""
    text = f"{depot.lat}, {depot.lon}"
    if not depot.demo:
        return text
    demo = QCoreApplication.translate("DepotsPage", "（演示）")
    return f"{text} {demo}"


def _coordinates_tip(depot: DepotRow) -> str | None:
    if depot.demo and depot.lat:
        return QCoreApplication.translate(
            "DepotsPage", "演示坐标：大致位置，仅用于估算运输距离，并非实测。"
        )
    return None


def depot_columns() -> list[Column[DepotRow]]:
    grey = _grey_if_inactive
    return [
        Column(
            "code",
            lambda: QCoreApplication.translate("DepotsPage", "编码"),
            lambda d: d.code,
            foreground=grey,
        ),
        Column(
            "name",
            lambda: QCoreApplication.translate("DepotsPage", "名称"),
            lambda d: d.name,
            foreground=grey,
            tooltip=lambda d: d.note or d.name,
        ),
        Column(
            "kind",
            lambda: QCoreApplication.translate("DepotsPage", "类型"),
            lambda d: SortedLabel(0 if d.kind == "relief" else 1, kind_name(d.kind)),
            foreground=grey,
        ),
        Column(
            "level",
            lambda: QCoreApplication.translate("DepotsPage", "级别"),
            lambda d: SortedLabel(d.level, level_name(d.level)),
            foreground=grey,
        ),
        Column(
            "region",
            lambda: QCoreApplication.translate("DepotsPage", "所在区划"),
            lambda d: d.region_name,
            foreground=grey,
        ),
        Column(
            "owner",
            lambda: QCoreApplication.translate("DepotsPage", "权属单位"),
            lambda d: d.owner_name,
            foreground=grey,
            tooltip=lambda d: d.owner_name,
        ),
        Column(
            "address",
            lambda: QCoreApplication.translate("DepotsPage", "地址"),
            lambda d: d.address,
            foreground=grey,
            tooltip=lambda d: d.address or None,
        ),
        Column(
            "contact",
            lambda: QCoreApplication.translate("DepotsPage", "联系人"),
            lambda d: d.contact,
            foreground=grey,
        ),
        Column(
            "phone",
            lambda: QCoreApplication.translate("DepotsPage", "电话"),
            lambda d: d.phone,
            foreground=grey,
        ),
        Column(
            "coordinates",
            lambda: QCoreApplication.translate("DepotsPage", "坐标（纬度, 经度）"),
            coordinates_text,
            foreground=grey,
            tooltip=_coordinates_tip,
        ),
        Column(
            "lots",
            lambda: QCoreApplication.translate("DepotsPage", "在库批次"),
            lambda d: d.lots,
            kind="int",
            foreground=grey,
        ),
        Column(
            "status",
            lambda: QCoreApplication.translate("DepotsPage", "状态"),
            lambda d: SortedLabel(0 if d.active else 1, status_text(d.active)),
            foreground=grey,
        ),
    ]


def location_columns() -> list[Column[LocationRow]]:
    grey = _grey_if_inactive
    return [
        Column(
            "code",
            lambda: QCoreApplication.translate("DepotsPage", "库位编码"),
            lambda loc: loc.code,
            foreground=grey,
        ),
        Column(
            "name",
            lambda: QCoreApplication.translate("DepotsPage", "名称"),
            lambda loc: loc.name,
            foreground=grey,
        ),
        Column(
            "status",
            lambda: QCoreApplication.translate("DepotsPage", "状态"),
            lambda loc: SortedLabel(0 if loc.active else 1, status_text(loc.active)),
            foreground=grey,
        ),
    ]


# Starting widths (px) that fit the demo's longest names at 1366×768; users can drag.
DEPOT_WIDTHS = {
    "code": 92,
    "name": 276,
    "kind": 104,
    "level": 54,
    "region": 70,
    "owner": 140,
    "address": 140,
    "contact": 60,
    "phone": 100,
    "coordinates": 176,
    "lots": 64,
    "status": 44,
}
DETAIL_KEYS = (
    "name",
    "short_name",
    "kind",
    "region",
    "owner",
    "address",
    "contact",
    "coordinates",
    "note",
)


def fit_depot_columns(view: QTableView, columns: list[Column[DepotRow]]) -> None:
    """Widen the starting widths where a header or a fixed label needs more (English)."""
    metrics = view.fontMetrics()
    labels = {
        "kind": [kind_name(kind) for kind in DEPOT_KINDS],
        "level": [level_name(level) for level in Level],
        "status": [status_text(True), status_text(False)],
    }
    header = view.horizontalHeader()
    for position, column in enumerate(columns):
        texts = [column.header_text(), *labels.get(column.key, [])]
        needed = max(metrics.horizontalAdvance(text) for text in texts) + 20
        header.resizeSection(position, max(DEPOT_WIDTHS.get(column.key, 100), needed))
