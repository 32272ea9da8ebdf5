"""Printed stocktake papers: count sheets (blind or not), the signed 盘点单, the variance
report, and bin cards (货位卡) for a depot's lots."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from itertools import groupby
from pathlib import Path

from sqlalchemy import Connection, select

from ..domain.errors import EmptyDocument
from ..domain.model import ReserveMode
from ..domain.permissions import Action, Actor, require
from ..domain.quantities import from_milli
from ..persistence import repo
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from ..reports import bin_cards as cards_pdf
from ..reports import count_sheets as sheets_pdf
from ..reports import printable
from ..reports.pdf_base import Column, format_fen
from ..reports.printable import PrintableDocument
from .common import host
from .count_queries import CountDetail, CountLineRow, load_detail
from .count_workbook import REASON_TEXT
from .print_heads import Head

_SHEET_COLUMNS = (
    Column("序号", 0.45, "center"),
    Column("批次ID", 0.6, "center"),
    Column("物资编码", 0.8, "center"),
    Column("物资名称", 1.2, wrap=True),
    Column("规格型号", 1.1, wrap=True),
    Column("批号", 1.3, "center"),
    Column("单位", 0.45, "center"),
    Column("账面数量", 0.8, "right"),
    Column("实盘数量", 0.9, "right"),
    Column("备注", 1.2),
)
_COUNT_COLUMNS = (
    Column("行号", 0.4, "center"),
    Column("库位", 0.6, "center"),
    Column("物资名称", 1.1, wrap=True),
    Column("批号", 1.1, "center"),
    Column("单位", 0.4, "center"),
    Column("账面", 0.7, "right"),
    Column("实盘", 0.7, "right"),
    Column("差异", 0.7, "right"),
    Column("单价(元)", 0.8, "right"),
    Column("差异金额(元)", 0.95, "right"),
    Column("原因", 0.75, "center"),
)
COUNT_SIGNATURES = ("盘点人", "监盘人", "保管员", "审核人")


def _printed(actor: Actor) -> str:
    who = actor.display_name or actor.username
    return f"打印于 {datetime.now():%Y-%m-%d %H:%M} · 打印人 {who} · PC {host()}"


def _qty(value: Decimal | None) -> str:
    return "" if value is None else f"{value:,f}"


def _head_fields(detail: CountDetail) -> list[tuple[str, str]]:
    return [
        ("盘点范围", detail.scope),
        ("账面快照", f"{detail.snapshot_at:%Y-%m-%d %H:%M}"),
        ("方式", "盲盘（不显示账面数）" if detail.blind else "明盘"),
        ("盘点人", detail.counter),
        ("监盘人", detail.supervisor),
        ("开单人", detail.creator),
    ]


def count_sheets(uow: UnitOfWork, actor: Actor, doc_no: str, out: Path | None = None) -> bytes:
    """盘点表: per location, sorted by location then item; book quantities left blank on
    a blind count; an empty counted column to fill in by hand."""
    require(actor, Action.VIEW)
    detail = uow.read(lambda conn: load_detail(conn, actor, doc_no))
    sections = []
    for location, lines in groupby(detail.lines, key=lambda line: line.location):
        rows = [
            [
                str(line.line_no),
                str(line.lot_id or "新增"),
                line.item_code,
                line.item_name,
                line.spec,
                line.batch_no,
                line.unit,
                "" if detail.blind else _qty(line.book),
                "",
                "",
            ]
            for line in lines
        ]
        where = location or "未分库位"
        sections.append(
            PrintableDocument(
                title="盘点表",
                doc_no=detail.doc_no,
                issuing_unit=detail.depot_name,
                doc_date=str(detail.doc_date),
                fields=[("库位", where), *_head_fields(detail)],
                columns=_SHEET_COLUMNS,
                lines=rows,
                signatures=("盘点人", "监盘人"),
                copies=(f"库位 {where}",),
                footer=_printed(actor),
            )
        )
    return sheets_pdf.render_sections(sections, out)


def _reason(code: str) -> str:
    return REASON_TEXT.get(code, code) if code else ""  # type: ignore[call-overload]


def _count_rows(lines: Sequence[CountLineRow]) -> list[list[str]]:
    return [
        [
            str(line.line_no),
            line.location,
            f"{line.item_name}{'（盘盈新增）' if line.found else ''}",
            line.batch_no,
            line.unit,
            _qty(line.book),
            _qty(line.counted),
            _qty(line.variance),
            format_fen(line.unit_price_fen, symbol=False),
            "" if line.variance_fen is None else format_fen(line.variance_fen, symbol=False),
            _reason(line.reason),
        ]
        for line in lines
    ]


def _count_printable(detail: CountDetail, printed: str, variance_only: bool) -> PrintableDocument:
    lines = [line for line in detail.lines if not variance_only or (line.variance or 0) != 0]
    gain = sum(line.variance_fen or 0 for line in lines if (line.variance_fen or 0) > 0)
    loss = sum(line.variance_fen or 0 for line in lines if (line.variance_fen or 0) < 0)
    fields = [
        *_head_fields(detail),
        (
            "状态",
            {"COUNTING": "盘点中", "ENTERED": "已录入", "POSTED": "已审核"}.get(
                detail.state, "已作废"
            ),
        ),
        ("审核人", detail.approver),
        ("调整单", detail.adjustment_no),
        ("盘盈金额(元)", format_fen(gain, symbol=False)),
        ("盘亏金额(元)", format_fen(-loss, symbol=False)),
    ]
    notes = "；".join(f"第 {line.line_no} 行：{line.note}" for line in lines if line.note)
    totals = ["合计", "", "", "", "", "", "", "", "", format_fen(gain + loss, symbol=False), ""]
    return PrintableDocument(
        title="盘点差异报告" if variance_only else "盘点单",
        doc_no=detail.doc_no,
        issuing_unit=detail.depot_name,
        doc_date=str(detail.doc_date),
        fields=fields,
        columns=_COUNT_COLUMNS,
        lines=_count_rows(lines),
        totals=totals,
        notes=notes,
        signatures=COUNT_SIGNATURES,
        footer=printed,
    )


def count_document(conn: Connection, head: Head, printed: str, actor: Actor) -> PrintableDocument:
    """The 盘点单 as `printing.print_document` prints any document."""
    return _count_printable(load_detail(conn, actor, head.doc_no), printed, False)


def variance_report(uow: UnitOfWork, actor: Actor, doc_no: str, out: Path | None = None) -> bytes:
    """Only the lines whose count differs from the book, with their value and reason."""
    require(actor, Action.VIEW)
    detail = uow.read(lambda conn: load_detail(conn, actor, doc_no))
    return printable.render(_count_printable(detail, _printed(actor), True), out)


def bin_cards(
    uow: UnitOfWork,
    actor: Actor,
    *,
    depot: str,
    out: Path | None = None,
    locations: Sequence[str] = (),
    lot_ids: Sequence[int] = (),
    label: bool = False,
) -> int:
    """货位卡 of a depot's lots with stock (or of some locations or lots); returns how many."""
    require(actor, Action.VIEW)

    def tx(conn: Connection) -> list[cards_pdf.BinCard]:
        dep = repo.depot_by_code(conn, depot, for_posting=False)
        lot, bal, item, loc = t.lots.c, t.lot_balances.c, t.items.c, t.locations.c
        query = (
            select(
                lot.id,
                lot.batch_no,
                lot.production_date,
                lot.received_date,
                lot.supplier,
                bal.on_hand,
                item.code,
                item.name,
                item.spec,
                item.unit,
                item.decimals,
                item.gb_code,
                loc.code.label("location"),
            )
            .join(t.lot_balances, bal.lot_id == lot.id)
            .join(t.items, item.id == lot.item_id)
            .outerjoin(t.locations, loc.id == lot.location_id)
            .where(
                lot.depot_id == dep.id,
                bal.on_hand > 0,
                lot.reserve_mode == ReserveMode.PHYSICAL.value,
            )
            .order_by(loc.code, item.code, lot.batch_no, lot.id)
        )
        if locations:
            query = query.where(loc.code.in_(list(locations)))
        if lot_ids:
            query = query.where(lot.id.in_([int(i) for i in lot_ids]))
        return [
            cards_pdf.BinCard(
                lot_ref=str(r.id),
                qr_value=f"LOT:{r.id}",
                depot=dep.name,
                location=r.location or "",
                item_name=r.name,
                spec=r.spec or "",
                code=r.code + (f" / {r.gb_code}" if r.gb_code else ""),
                quantity=f"{from_milli(int(r.on_hand), int(r.decimals)):,f} {r.unit}",
                batch_no=r.batch_no or "",
                production_date=str(r.production_date or ""),
                maker=r.supplier or "",
                received_date=str(r.received_date),
            )
            for r in conn.execute(query)
        ]

    found = uow.read(tx)
    if not found:
        raise EmptyDocument()
    cards_pdf.render_cards(found, out, label=label)
    return len(found)
