"""Requests, allocation orders and receipt notes as printable documents (no lots yet:
what is asked, ordered or signed for, line by line)."""

from __future__ import annotations

from sqlalchemy import Connection, select

from ..domain.model import DocType
from ..domain.quantities import from_milli, money_amount
from ..persistence import tables as t
from ..reports.pdf_base import Column, format_fen
from ..reports.printable import PrintableDocument
from . import agreements, drills
from .common import local_time
from .order_queries import shipped_by_line
from .print_heads import PURPOSES, Head, document


def planned_document(conn: Connection, head: Head, printed: str) -> PrintableDocument:
    """Requests and orders: what is asked or ordered, line by line (no lots yet)."""
    dl, item = t.document_lines.c, t.items.c
    rows = conn.execute(
        select(
            dl.line_no,
            dl.quantity,
            item.code,
            item.name,
            item.spec,
            item.unit,
            item.decimals,
            t.depots.c.name.label("depot"),
        )
        .join(t.items, item.id == dl.item_id)
        .outerjoin(t.depots, t.depots.c.id == dl.depot_id)
        .where(dl.document_id == head.id)
        .order_by(dl.line_no)
    ).all()
    columns = [
        Column("序号", 0.45, "center"),
        Column("物资编码", 0.85, "center"),
        Column("物资名称", 1.3, wrap=True),
        Column("规格型号", 1.4, wrap=True),
        Column("单位", 0.5, "center"),
        Column("数量", 0.8, "right"),
    ]
    if head.kind == DocType.ORDER:
        columns.append(Column("调出库点", 2.4, wrap=True))
    lines = []
    for r in rows:
        cells = [
            str(r.line_no),
            r.code,
            r.name,
            r.spec,
            r.unit,
            f"{from_milli(r.quantity, r.decimals):,f}",
        ]
        if head.kind == DocType.ORDER:
            cells.append(r.depot or "")
        lines.append(cells)
    fields = (
        _order_fields(conn, head) if head.kind == DocType.ORDER else _request_fields(conn, head)
    )
    return document(
        head,
        printed,
        fields=fields,
        columns=columns,
        lines=lines,
        notes=head.note,
    )


def receipt_note_document(conn: Connection, head: Head, printed: str) -> PrintableDocument:
    """签收回执: shipped, received and short per order line, with the reasons."""
    order_id = conn.execute(
        select(t.documents.c.id).where(t.documents.c.doc_no == head.reference)
    ).scalar_one()
    shipped = shipped_by_line(conn, int(order_id))
    dl, item = t.document_lines.c, t.items.c
    rows = conn.execute(
        select(
            dl.line_no,
            dl.quantity,
            dl.note,
            item.code,
            item.name,
            item.spec,
            item.unit,
            item.decimals,
        )
        .join(t.items, item.id == dl.item_id)
        .where(dl.document_id == head.id)
        .order_by(dl.line_no)
    ).all()
    lines = []
    for r in rows:
        sent = shipped.get(int(r.line_no), 0)
        cells = [int(r.quantity), sent - int(r.quantity)]
        lines.append(
            [
                str(r.line_no),
                r.code,
                r.name,
                r.spec,
                r.unit,
                f"{from_milli(sent, r.decimals):,f}",
                *(f"{from_milli(c, r.decimals):,f}" for c in cells),
                r.note,
            ]
        )
    columns = [
        Column("行号", 0.45, "center"),
        Column("物资编码", 0.85, "center"),
        Column("物资名称", 1.2, wrap=True),
        Column("规格型号", 1.3, wrap=True),
        Column("单位", 0.45, "center"),
        Column("实发", 0.7, "right"),
        Column("实收", 0.7, "right"),
        Column("短少/破损", 0.8, "right"),
        Column("原因", 1.8, wrap=True),
    ]
    return document(
        head,
        printed,
        fields=[
            ("调拨指令", head.reference),
            ("签收人", head.counterparty),
            ("登记人", head.creator),
        ],
        columns=columns,
        lines=lines,
        notes=head.note,
    )


def _order_fields(conn: Connection, head: Head) -> list[tuple[str, str]]:
    o = conn.execute(
        select(t.order_details, t.users.c.display_name.label("approver"))
        .outerjoin(t.users, t.users.c.id == t.order_details.c.approved_by)
        .where(t.order_details.c.document_id == head.id)
    ).one()
    approval = f"{o.approver} {local_time(o.approved_at):%Y-%m-%d %H:%M}" if o.approved_at else ""
    if o.oral_approved_at:
        when = local_time(o.oral_approved_at)
        approval = f"{o.oral_approver}（{o.oral_method}）{when:%Y-%m-%d %H:%M}"
    return [
        ("接收单位", o.receiving_unit),
        ("接收地点", o.place),
        ("用途", PURPOSES.get(head.purpose, head.purpose)),  # type: ignore[call-overload]
        ("紧急调拨", "是（先调后补，48 小时内补办书面手续）" if o.emergency else "否"),
        ("运费承担", o.transport_payer),
        ("调拨申请", head.reference),
        ("调出方联系人", f"{o.sender} {o.sender_phone}".strip()),
        ("接收方联系人", f"{o.receiver} {o.receiver_phone}".strip()),
        ("审批人 / 时间", approval),
    ]


def _request_fields(conn: Connection, head: Head) -> list[tuple[str, str]]:
    r = conn.execute(
        select(t.request_details).where(t.request_details.c.document_id == head.id)
    ).one()
    return [
        ("申请单位", r.requesting_unit),
        ("灾害类型", r.disaster_type),
        ("转移安置人数", str(r.persons)),
        ("送达地点", f"{r.county} {r.place}".strip()),
        ("接收人", f"{r.receiver} {r.phone}".strip()),
        ("首批到达时限", f"{r.response_hours} 小时"),
    ]


_CONDITIONS = {"good": "完好", "cleaned": "清洗消毒", "repair": "维修", "scrap": "报废"}


def return_document(conn: Connection, head: Head, printed: str) -> PrintableDocument:
    """回收单: every line with its condition; only 完好 / 清洗消毒 went back into stock."""
    r, item = t.return_lines.c, t.items.c
    rows = conn.execute(
        select(
            r.order_line_no,
            r.quantity,
            r.condition,
            r.note,
            item.code,
            item.name,
            item.spec,
            item.unit,
            item.decimals,
            t.lots.c.batch_no,
        )
        .join(t.items, item.id == r.item_id)
        .outerjoin(t.lots, t.lots.c.id == r.lot_id)
        .where(r.document_id == head.id)
        .order_by(r.id)
    ).all()
    lines = [
        [
            str(n),
            str(x.order_line_no),
            x.code,
            x.name,
            x.spec,
            x.unit,
            f"{from_milli(x.quantity, x.decimals):,f}",
            _CONDITIONS.get(x.condition, x.condition),
            "入库" if x.batch_no is not None else "未入库",
            x.note,
        ]
        for n, x in enumerate(rows, 1)
    ]
    columns = [
        Column("序号", 0.45, "center"),
        Column("原行号", 0.55, "center"),
        Column("物资编码", 0.85, "center"),
        Column("物资名称", 1.2, wrap=True),
        Column("规格型号", 1.3, wrap=True),
        Column("单位", 0.45, "center"),
        Column("数量", 0.7, "right"),
        Column("状况", 0.75, "center"),
        Column("处理", 0.6, "center"),
        Column("说明", 1.4, wrap=True),
    ]
    return document(
        head,
        printed,
        fields=[
            ("原调拨指令", head.reference),
            ("交回单位", head.counterparty),
            ("经办人", head.creator),
        ],
        columns=columns,
        lines=lines,
        notes=head.note,
    )


def drill_document(conn: Connection, head: Head, printed: str) -> PrintableDocument:
    """The drill report: the three questions answered, the steps timed, the sources."""
    report = drills.report_in(conn, head.doc_no)
    yes = {True: "是", False: "否"}
    elapsed = (
        f"{report.elapsed_minutes // 60} 小时 {report.elapsed_minutes % 60} 分"
        if report.elapsed_minutes is not None
        else "尚未到达"
    )
    fields = [
        ("调拨申请", report.request_no),
        ("响应目标", f"{report.target_hours} 小时内首批到达"),
        ("拿得出", yes[report.available] + ("" if report.available else "（有短缺）")),
        (
            "调动快",
            f"{yes[report.fast]}（计划 {report.planned_minutes} 分钟，含装卸 "
            f"{report.handling_minutes} 分钟）",
        ),
        ("用得上", yes[report.usable]),
        ("实际用时", elapsed),
        ("出动仓库", "、".join(report.depots)),
    ]
    steps = "；".join(f"{name} {local_time(at):%m-%d %H:%M}" for name, at in report.steps)
    problems = "；".join(report.problems) or "无过期、临期批次，库位齐全"
    shortages = "；".join(f"{name} 缺 {qty:,f}" for _code, name, qty in report.shortages)
    lines = [
        [
            str(n),
            s.item_name,
            s.depot_name,
            s.batch_no,
            s.location_code or "（无）",
            str(s.expiry_date or ""),
            f"{s.quantity:,f}",
            f"{s.minutes}",
        ]
        for n, s in enumerate(report.sources, 1)
    ]
    columns = [
        Column("序号", 0.45, "center"),
        Column("物资", 1.1, wrap=True),
        Column("出动仓库", 2.0, wrap=True),
        Column("批号", 1.3, "center", wrap=True),
        Column("库位", 0.6, "center"),
        Column("有效期至", 0.9, "center"),
        Column("数量", 0.7, "right"),
        Column("车程(分)", 0.7, "right"),
    ]
    return document(
        head,
        printed,
        title="应急物资调拨演练报告",
        fields=fields,
        columns=columns,
        lines=lines,
        notes=f"步骤：{steps}。用得上：{problems}。"
        + (f"短缺：{shortages}。" if shortages else ""),
    )


def settlement_document(conn: Connection, head: Head, printed: str) -> PrintableDocument:
    """结算单: deliveries × agreed price, with the total in words, against the invoice."""
    total, rows = agreements.settlement_total_fen(conn, head.id)
    lines = []
    for r in rows:
        qty = from_milli(int(r.quantity), r.decimals)
        amount = money_amount(qty, int(r.price_fen))
        lines.append(
            [
                str(r.line_no),
                r.agreement_no,
                r.code,
                r.name,
                r.spec,
                r.unit,
                f"{qty:,f}",
                _yuan(int(r.price_fen)),
                _yuan(amount),
            ]
        )
    columns = [
        Column("序号", 0.45, "center"),
        Column("协议号", 1.2, "center"),
        Column("物资编码", 0.85, "center"),
        Column("物资名称", 1.1, wrap=True),
        Column("规格型号", 1.2, wrap=True),
        Column("单位", 0.45, "center"),
        Column("供货数量", 0.8, "right"),
        Column("协议单价", 0.9, "right"),
        Column("金额(元)", 1.1, "right"),
    ]
    return document(
        head,
        printed,
        title="协议储备结算单",
        fields=[
            ("协议企业", head.counterparty),
            ("发票号", head.reference),
            ("经办人", head.creator),
        ],
        columns=columns,
        lines=lines,
        totals=["合计", "", "", "", "", "", "", "", _yuan(total)],
        money_total_fen=total,
        notes=head.note + "。按协议价结算：有灾情先使用后结算，不使用不付费。",
    )


def _yuan(fen: int) -> str:
    return format_fen(fen, symbol=False)
