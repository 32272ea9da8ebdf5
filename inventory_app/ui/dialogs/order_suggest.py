"""The order dialog's proposal: per source depot the travel time, the target, owners to ask."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services.suggestions import SuggestedSource, Suggestion
from ..models.table_models import Column, RowsTableModel, format_quantity

MET_FG = QColor("#1e6b34")
MISSED_FG = QColor("#a4262c")
ASK_FG = QColor("#8a5300")


def travel_text(minutes: int) -> str:
    """161 → "2 小时 41 分"; under an hour only minutes."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return QCoreApplication.translate("OrderSuggest", "{m} 分").format(m=rest)
    return QCoreApplication.translate("OrderSuggest", "{h} 小时 {m} 分").format(h=hours, m=rest)


def owners_text(source: SuggestedSource) -> str:
    if not source.owners_to_ask:
        return ""
    return QCoreApplication.translate("OrderSuggest", "需征得 {owners} 同意").format(
        owners="、".join(source.owners_to_ask)
    )


def _target(met: bool) -> str:
    if met:
        return QCoreApplication.translate("OrderSuggest", "✓ 达标")
    return QCoreApplication.translate("OrderSuggest", "✗ 超时")


def suggestion_columns() -> list[Column[SuggestedSource]]:
    return [
        Column(
            "line_no",
            lambda: QCoreApplication.translate("OrderSuggest", "申请行"),
            lambda s: s.line_no,
            "int",
        ),
        Column(
            "item",
            lambda: QCoreApplication.translate("OrderSuggest", "物资"),
            lambda s: f"{s.item_name} {s.item_code}",
        ),
        Column(
            "depot",
            lambda: QCoreApplication.translate("OrderSuggest", "调出仓库"),
            lambda s: s.depot_name,
            tooltip=lambda s: s.depot_code,
        ),
        Column(
            "quantity",
            lambda: QCoreApplication.translate("OrderSuggest", "数量"),
            lambda s: f"{format_quantity(s.quantity)} {s.unit}",
            alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        ),
        Column(
            "road_km",
            lambda: QCoreApplication.translate("OrderSuggest", "路程(公里)"),
            lambda s: s.road_km,
            "quantity",
        ),
        Column(
            "minutes",
            lambda: QCoreApplication.translate("OrderSuggest", "车程"),
            lambda s: travel_text(s.minutes),
            alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        ),
        Column(
            "target",
            lambda: QCoreApplication.translate("OrderSuggest", "时限"),
            lambda s: _target(s.meets_target),
            foreground=lambda s: MET_FG if s.meets_target else MISSED_FG,
            alignment=Qt.AlignmentFlag.AlignCenter,
        ),
        Column(
            "owners",
            lambda: QCoreApplication.translate("OrderSuggest", "权属"),
            owners_text,
            foreground=lambda s: ASK_FG if s.owners_to_ask else None,
            tooltip=lambda s: owners_text(s) or None,
        ),
    ]


class SuggestionPanel(QWidget):
    """Hidden until a suggestion is shown; a caption with the target, the sources, shortages."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.suggestion: Suggestion | None = None
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.model: RowsTableModel[SuggestedSource] = RowsTableModel(suggestion_columns(), self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setHighlightSections(False)
        self.shortage_label = QLabel(self)
        self.shortage_label.setWordWrap(True)
        self.shortage_label.setStyleSheet(f"color: {MISSED_FG.name()};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.shortage_label)
        self.show_suggestion(None)

    def show_suggestion(self, suggestion: Suggestion | None) -> None:
        self.suggestion = suggestion
        self.setVisible(suggestion is not None)
        self.model.set_rows(list(suggestion.sources) if suggestion else [])
        if suggestion is None:
            return
        missed = sum(1 for s in suggestion.sources if not s.meets_target)
        self.caption.setText(
            QCoreApplication.translate(
                "OrderSuggest",
                "建议来源（{request}，送达 {place}，时限 {hours} 小时）：{verdict}",
            ).format(
                request=suggestion.request_no,
                place=suggestion.destination,
                hours=suggestion.target_hours,
                verdict=QCoreApplication.translate("OrderSuggest", "全部达标")
                if not missed
                else QCoreApplication.translate("OrderSuggest", "{n} 处超时").format(n=missed),
            )
        )
        short = [
            QCoreApplication.translate("OrderSuggest", "{item} 缺 {qty}").format(
                item=s.item_name, qty=format_quantity(s.missing)
            )
            for s in suggestion.shortages
        ]
        self.shortage_label.setText(
            QCoreApplication.translate("OrderSuggest", "库存不足：") + "；".join(short)
            if short
            else ""
        )
        self.shortage_label.setVisible(bool(short))
        self.view.resizeColumnsToContents()
        self.view.horizontalHeader().setStretchLastSection(True)
