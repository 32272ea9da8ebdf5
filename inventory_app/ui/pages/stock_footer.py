"""The stock page's footer: the summary line of each view, the lot counts behind it, the legend."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ...domain.permissions import Actor
from ...services.database import Database
from ...services.stock_queries import StockFilter, count_stock_by_lot
from ..models.table_models import format_money
from ..widgets.filter_bar import legend_item
from .stock_columns import EXPIRED_BG, EXPIRED_FG, NEAR_BG, NEAR_FG, StockView

# The texts keep the page's context "StockPage", where they were first translated.


def lot_counts(
    uow: Database, actor: Actor, flt: StockFilter, near_days: int, total: int
) -> dict[str, Any]:
    """Expired and near-expiry lots among those the filter shows; run off the GUI thread."""
    expired = count_stock_by_lot(
        uow, actor, replace(flt, expired_only=True, expiring_within_days=None)
    )
    if flt.expired_only:
        near = 0
    else:
        window = min(near_days, flt.expiring_within_days or near_days)
        near = count_stock_by_lot(uow, actor, replace(flt, expiring_within_days=window)) - expired
    # Two indexed counts only: a value total would aggregate every lot, which at
    # 100,000 lots takes long enough to bring up a progress dialog after the rows.
    return {"total": total, "expired": expired, "near": near}


def summary_text(view: StockView, data: dict[str, Any], near_days: int) -> str:
    """共 12 个批次，其中已过期 1 个… for the lots; counts and value for the other views."""
    total = f"{data['total']:,}"
    if view == StockView.LOT:
        text = QCoreApplication.translate("StockPage", "共 {0} 个批次").format(total)
        if "expired" in data:
            if data["expired"] or data["near"]:
                text += QCoreApplication.translate(
                    "StockPage", "，其中已过期 {0} 个，{1} 天内到期 {2} 个"
                ).format(f"{data['expired']:,}", near_days, f"{data['near']:,}")
            else:
                text += QCoreApplication.translate(
                    "StockPage", "，没有已过期或 {0} 天内到期的批次"
                ).format(near_days)
        return text
    value = format_money(data["value"])
    if view == StockView.ITEM:
        return QCoreApplication.translate("StockPage", "共 {0} 种物资，金额合计 {1}").format(
            total, value
        )
    if view == StockView.DEPOT:
        return QCoreApplication.translate("StockPage", "{0} 个仓库共 {1} 行，金额合计 {2}").format(
            f"{data['depots']:,}", total, value
        )
    return QCoreApplication.translate("StockPage", "共 {0} 个类别，金额合计 {1}").format(
        total, value
    )


class StockFooter:
    """The summary label and the colour legend (children of the page), in one row."""

    def __init__(self, page: QWidget) -> None:
        self.summary_label = QLabel(page)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.legend_title = QLabel(page)
        self.legend_expired = legend_item("", EXPIRED_BG, EXPIRED_FG, page)
        self.legend_near = legend_item("", NEAR_BG, NEAR_FG, page)

    def row(self) -> QHBoxLayout:
        footer = QHBoxLayout()
        footer.addWidget(self.summary_label, 1)
        footer.addWidget(self.legend_title)
        footer.addWidget(self.legend_expired)
        footer.addWidget(self.legend_near)
        return footer

    def retranslate_legend(self, near_days: int) -> None:
        self.legend_title.setText(QCoreApplication.translate("StockPage", "颜色："))
        self.legend_expired.setText(QCoreApplication.translate("StockPage", "已过期"))
        self.legend_near.setText(
            QCoreApplication.translate("StockPage", "{0} 天内到期").format(near_days)
        )
