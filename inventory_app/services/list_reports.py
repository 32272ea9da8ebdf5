"""Every list as a report: stock (by lot, item, depot, category) and the ledger, written as a
PDF (title, active filters, who printed it and when, page numbers, totals) or as an Excel
workbook (formula-safe cells), chosen by the file's suffix."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..domain.errors import InvalidInput
from ..domain.permissions import Actor
from ..persistence import chain
from ..persistence.uow import UnitOfWork
from ..reports import list_report, xlsx_export
from ..reports.list_report import ListReport
from ..reports.pdf_base import Column
from .common import host
from .ledger_queries import LedgerFilter, ledger
from .period_summary import period_summary
from .stock_queries import StockFilter, stock_by_category, stock_by_item, stock_by_lot

STOCK_VIEWS = ("lot", "item", "depot", "category")
_KINDS = {
    "RECEIVE": "入库",
    "ISSUE": "出库",
    "TRANSFER_OUT": "调出",
    "TRANSFER_IN": "调入",
    "ADJUST": "调整",
    "SCRAP": "报废",
    "REVERSAL": "冲销",
}


@dataclass(frozen=True)
class Field:
    """A report column: header, how to read it from a row, alignment, relative width, and
    whether the totals row sums it."""

    header: str
    get: Callable[[Any], Any]
    align: str = "left"
    weight: float = 1.0
    total: bool = False


def _f(
    header: str, name: str, align: str = "left", weight: float = 1.0, total: bool = False
) -> Field:
    return Field(header, lambda r: getattr(r, name), align, weight, total)


_ITEM = [
    _f("物资编码", "item_code", "center", 0.8),
    _f("物资名称", "item_name", weight=1.1),
    _f("规格型号", "spec", weight=1.2),
    _f("单位", "unit", "center", 0.45),
]
_QTY = [
    _f("库存", "on_hand", "right", 0.8, True),
    _f("已预留", "reserved", "right", 0.7, True),
    _f("可用", "available", "right", 0.8, True),
]
STOCK_FIELDS: dict[str, list[Field]] = {
    "lot": [
        _f("批次", "lot_id", "right", 0.5),
        _f("仓库", "depot_name", weight=1.8),
        *_ITEM,
        _f("批号", "batch_no", "center", 1.2),
        _f("库位", "location_code", "center", 0.55),
        _f("有效期至", "expiry_date", "center", 0.85),
        *_QTY,
        _f("金额(元)", "value", "right", 1.0, True),
    ],
    "item": [
        *_ITEM,
        *_QTY,
        _f("在途", "in_transit", "right", 0.6, True),
        _f("批次数", "lots", "right", 0.5),
        _f("最近到期", "nearest_expiry", "center", 0.85),
        _f("金额(元)", "value", "right", 1.0, True),
    ],
    "depot": [
        _f("仓库", "depot_name", weight=1.8),
        *_ITEM,
        *_QTY,
        _f("在途", "in_transit", "right", 0.6, True),
        _f("批次数", "lots", "right", 0.5),
        _f("金额(元)", "value", "right", 1.0, True),
    ],
    "category": [
        _f("类别编码", "category_code", "center", 0.6),
        _f("类别", "category_name", weight=1.2),
        Field(
            "库存", lambda r: r.quantities_text(limit=99) if r.mixed else r.on_hand, "right", 1.6
        ),
        _f("单位", "unit", "center", 0.5),
        _f("物资种数", "items", "right", 0.6),
        _f("批次数", "lots", "right", 0.6),
        _f("金额(元)", "value", "right", 1.0, True),
    ],
}
LEDGER_FIELDS = [
    _f("流水号", "movement_id", "right", 0.6),
    _f("日期", "doc_date", "center", 0.8),
    _f("单据号", "doc_no", weight=1.7),
    Field("类型", lambda r: _KINDS.get(r.kind, r.kind), "center", 0.5),
    _f("仓库", "depot_name", weight=1.6),
    _f("物资编码", "item_code", "center", 0.75),
    _f("物资名称", "item_name", weight=1.0),
    _f("批号", "batch_no", "center", 1.1),
    _f("数量", "delta", "right", 0.7),
    _f("结存", "stock_after", "right", 0.7),
    _f("单位", "unit", "center", 0.4),
    _f("经办人", "user", weight=0.9),
]


def _anchor_text(uow: UnitOfWork | None) -> str:
    """总校验码 of the history chains when the report was made (verify prints the same)."""
    if uow is None:
        return ""
    return f"总校验码 {uow.read(lambda conn: chain.combined(chain.heads(conn)))}"


def stock_report(
    uow: UnitOfWork, actor: Actor, by: str, flt: StockFilter, out: Path
) -> tuple[Path, int]:
    """Write the stock list `by` lot / item / depot / category to `out` (.pdf or .xlsx)."""
    if by not in STOCK_VIEWS:
        raise InvalidInput("by", "format", by)
    rows: Sequence[Any]
    if by == "lot":
        rows = stock_by_lot(uow, actor, flt)
    elif by == "category":
        rows = stock_by_category(uow, actor, flt)
    else:
        rows = stock_by_item(
            uow,
            actor,
            flt,
            per_depot=by == "depot",
            sort="depot_code" if by == "depot" else "item_code",
        )
    titles = {
        "lot": "库存明细（按批次）",
        "item": "库存汇总（按物资）",
        "depot": "库存汇总（按仓库）",
        "category": "库存汇总（按类别）",
    }
    filters = [
        ("仓库", "、".join(flt.depot_codes)),
        ("物资", flt.item_code or ""),
        ("类别", flt.category_code or ""),
        ("查找", flt.text),
        ("到期", f"{flt.expiring_within_days} 天内" if flt.expiring_within_days else ""),
        ("仅已过期", "是" if flt.expired_only else ""),
    ]
    return write(out, titles[by], filters, STOCK_FIELDS[by], rows, actor, uow), len(rows)


def ledger_report(
    uow: UnitOfWork, actor: Actor, flt: LedgerFilter, out: Path, limit: int | None = None
) -> tuple[Path, int]:
    """Write the ledger (movements, oldest first) to `out` (.pdf or .xlsx)."""
    rows = ledger(uow, actor, flt, sort="movement_id", descending=False, limit=limit)
    filters = [
        ("仓库", "、".join(flt.depot_codes)),
        ("物资", flt.item_code or ""),
        ("单据", flt.doc_no or ""),
        ("类型", _KINDS.get(flt.kind or "", flt.kind or "")),
        ("自", str(flt.date_from or "")),
        ("至", str(flt.date_to or "")),
        ("查找", flt.text),
    ]
    return write(out, "出入库台账", filters, LEDGER_FIELDS, rows, actor, uow), len(rows)


SUMMARY_FIELDS = [
    _f("仓库", "depot_name", weight=1.7),
    _f("物资编码", "item_code", "center", 0.75),
    _f("物资名称", "item_name", weight=1.0),
    _f("单位", "unit", "center", 0.4),
    _f("期初", "opening", "right", 0.7, True),
    _f("收入", "received", "right", 0.7, True),
    _f("发出", "issued", "right", 0.7, True),
    _f("期末", "closing", "right", 0.7, True),
    _f("期初金额", "opening_value", "right", 0.95, True),
    _f("收入金额", "received_value", "right", 0.95, True),
    _f("发出金额", "issued_value", "right", 0.95, True),
    _f("期末金额", "closing_value", "right", 0.95, True),
]


def summary_report(
    uow: UnitOfWork,
    actor: Actor,
    date_from: date,
    date_to: date,
    depot_codes: tuple[str, ...],
    out: Path,
) -> tuple[Path, int]:
    """收发存汇总 for the period, per depot and item, to `out` (.pdf or .xlsx)."""
    rows = period_summary(uow, actor, date_from, date_to, depot_codes)
    filters = [("期间", f"{date_from} 至 {date_to}"), ("仓库", "、".join(depot_codes))]
    return write(out, "收发存汇总", filters, SUMMARY_FIELDS, rows, actor, uow), len(rows)


def write(
    out: Path,
    title: str,
    filters: Sequence[tuple[str, str]],
    fields: Sequence[Field],
    rows: Sequence[Any],
    actor: Actor,
    uow: UnitOfWork | None = None,
) -> Path:
    """The rows as a PDF list report or an Excel sheet, by the suffix of `out`."""
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise InvalidInput("file", "format", out.name)
    if suffix == ".xlsx":
        return xlsx_export.export_rows(
            out, title, [f.header for f in fields], [[f.get(r) for f in fields] for r in rows]
        )
    report = ListReport(
        title=title,
        filters=[(k, v) for k, v in filters if v],
        printed_by=actor.display_name or actor.username,
        printed_at=f"{datetime.now():%Y-%m-%d %H:%M}",
        columns=[_column(f) for f in fields],
        rows=[[_text(f.get(r)) for f in fields] for r in rows],
        totals=_totals(fields, rows),
        footer=" · ".join(
            part for part in ("应急物资储备管理系统", f"PC {host()}", _anchor_text(uow)) if part
        ),
    )
    list_report.render(report, out)
    return out


def _column(field: Field) -> Column:
    if field.align == "right":
        return Column(field.header, field.weight, "right")
    if field.align == "center":
        return Column(field.header, field.weight, "center")
    return Column(field.header, field.weight, "left", wrap=True)


def _totals(fields: Sequence[Field], rows: Sequence[Any]) -> list[str] | None:
    """Money always adds up; quantities only when every row counts in the same unit."""
    if not any(f.total for f in fields):
        return None
    one_unit = len({getattr(r, "unit", "") for r in rows}) <= 1
    cells = []
    for i, f in enumerate(fields):
        if f.total and (one_unit or "金额" in f.header):
            cells.append(_text(sum((Decimal(f.get(r) or 0) for r in rows), Decimal(0))))
        else:
            cells.append(f"合计 {len(rows):,} 行" if i == 0 else "")
    return cells


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value.normalize():,f}" if value == value.to_integral() else f"{value:,f}"
    return str(value)
