"""Columns of the 储备计划 page: plan lines (one column per year), coverage, execution."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from ...services.coverage import CoverageItem
from ...services.plan_generate import PlanLine
from ...services.plan_progress import ContractRow, ProgressRow
from ..labels import doc_state_label
from ..models.table_models import Column

LATE = QColor("#b3261e")


def _year_qty(year: int, line: PlanLine) -> Decimal:
    return line.years.get(year, Decimal(0))


def plan_line_columns(years: Sequence[int]) -> list[Column[PlanLine]]:
    columns: list[Column[PlanLine]] = [
        Column(
            "item_code",
            lambda: QCoreApplication.translate("PlanPage", "物资编码"),
            lambda r: r.item_code,
        ),
        Column(
            "item_name",
            lambda: QCoreApplication.translate("PlanPage", "物资名称"),
            lambda r: r.item_name,
        ),
        Column("unit", lambda: QCoreApplication.translate("PlanPage", "单位"), lambda r: r.unit),
        Column(
            "required",
            lambda: QCoreApplication.translate("PlanPage", "需储备"),
            lambda r: r.required,
            "quantity",
        ),
        Column(
            "held",
            lambda: QCoreApplication.translate("PlanPage", "现有"),
            lambda r: r.held,
            "quantity",
        ),
        Column(
            "contracted",
            lambda: QCoreApplication.translate("PlanPage", "在途合同"),
            lambda r: r.contracted,
            "quantity",
        ),
        Column(
            "need",
            lambda: QCoreApplication.translate("PlanPage", "需购置"),
            lambda r: r.need,
            "quantity",
        ),
    ]
    for year in years:
        columns.append(
            Column(f"y{year}", str(year), functools.partial(_year_qty, year), "quantity")
        )
    columns += [
        Column(
            "unit_price",
            lambda: QCoreApplication.translate("PlanPage", "单价"),
            lambda r: r.unit_price,
            "money",
        ),
        Column(
            "amount",
            lambda: QCoreApplication.translate("PlanPage", "金额"),
            lambda r: r.amount,
            "money",
        ),
    ]
    return columns


def coverage_columns() -> list[Column[CoverageItem]]:
    return [
        Column(
            "item_code",
            lambda: QCoreApplication.translate("PlanPage", "物资编码"),
            lambda r: r.item_code,
        ),
        Column(
            "item_name",
            lambda: QCoreApplication.translate("PlanPage", "物资名称"),
            lambda r: r.item_name,
        ),
        Column("unit", lambda: QCoreApplication.translate("PlanPage", "单位"), lambda r: r.unit),
        Column(
            "held",
            lambda: QCoreApplication.translate("PlanPage", "现有"),
            lambda r: r.held,
            "quantity",
        ),
        Column(
            "required",
            lambda: QCoreApplication.translate("PlanPage", "需储备"),
            lambda r: r.required,
            "quantity",
        ),
        Column(
            "persons",
            lambda: QCoreApplication.translate("PlanPage", "可安置人数"),
            lambda r: r.persons_covered,
            "int",
        ),
        Column(
            "agreement_24h",
            lambda: QCoreApplication.translate("PlanPage", "协议储备（24小时）"),
            lambda r: r.agreement_24h,
            "quantity",
        ),
        Column(
            "agreement_72h",
            lambda: QCoreApplication.translate("PlanPage", "协议储备（72小时）"),
            lambda r: r.agreement_72h,
            "quantity",
        ),
        Column(
            "capacity_72h",
            lambda: QCoreApplication.translate("PlanPage", "产能储备（72小时）"),
            lambda r: r.capacity_72h,
            "quantity",
        ),
    ]


def progress_columns() -> list[Column[ProgressRow]]:
    return [
        Column(
            "year", lambda: QCoreApplication.translate("PlanPage", "年度"), lambda r: str(r.year)
        ),
        Column(
            "item_name",
            lambda: QCoreApplication.translate("PlanPage", "物资名称"),
            lambda r: r.item_name,
        ),
        Column(
            "planned",
            lambda: QCoreApplication.translate("PlanPage", "计划"),
            lambda r: r.planned,
            "quantity",
        ),
        Column(
            "contracted",
            lambda: QCoreApplication.translate("PlanPage", "已签合同"),
            lambda r: r.contracted,
            "quantity",
        ),
        Column(
            "delivered",
            lambda: QCoreApplication.translate("PlanPage", "已到货"),
            lambda r: r.delivered,
            "quantity",
        ),
        Column(
            "accepted",
            lambda: QCoreApplication.translate("PlanPage", "验收合格"),
            lambda r: r.accepted,
            "quantity",
        ),
        Column(
            "rejected",
            lambda: QCoreApplication.translate("PlanPage", "拒收"),
            lambda r: r.rejected,
            "quantity",
        ),
        Column(
            "planned_amount",
            lambda: QCoreApplication.translate("PlanPage", "计划金额"),
            lambda r: r.planned_amount,
            "money",
        ),
        Column(
            "accepted_amount",
            lambda: QCoreApplication.translate("PlanPage", "验收金额"),
            lambda r: r.accepted_amount,
            "money",
        ),
    ]


def _late_color(row: ContractRow) -> QColor | None:
    return LATE if row.late else None


def contract_columns() -> list[Column[ContractRow]]:
    return [
        Column(
            "contract_no",
            lambda: QCoreApplication.translate("PlanPage", "合同号"),
            lambda r: r.contract_no,
        ),
        Column(
            "state",
            lambda: QCoreApplication.translate("PlanPage", "状态"),
            lambda r: doc_state_label(r.state),
        ),
        Column(
            "year", lambda: QCoreApplication.translate("PlanPage", "年度"), lambda r: str(r.year)
        ),
        Column(
            "supplier",
            lambda: QCoreApplication.translate("PlanPage", "供应商"),
            lambda r: r.supplier,
        ),
        Column(
            "due",
            lambda: QCoreApplication.translate("PlanPage", "交货期限"),
            lambda r: r.delivery_due,
            "date",
            foreground=_late_color,
        ),
        Column(
            "amount",
            lambda: QCoreApplication.translate("PlanPage", "合同金额"),
            lambda r: r.amount,
            "money",
        ),
        Column(
            "accepted",
            lambda: QCoreApplication.translate("PlanPage", "验收金额"),
            lambda r: r.accepted_amount,
            "money",
        ),
        Column(
            "paid",
            lambda: QCoreApplication.translate("PlanPage", "已付款"),
            lambda r: r.paid_amount,
            "money",
        ),
        Column(
            "late",
            lambda: QCoreApplication.translate("PlanPage", "逾期"),
            lambda r: QCoreApplication.translate("PlanPage", "逾期未交货") if r.late else "",
            foreground=_late_color,
        ),
    ]
