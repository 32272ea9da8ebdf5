"""The header every printed document starts from, and the words printed per kind."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from ..domain.model import DocType, Purpose
from ..persistence import chain
from ..persistence import tables as t
from ..reports.printable import PrintableDocument

TITLES = {
    DocType.RECEIPT: "入库单",
    DocType.ISSUE: "出库单",
    DocType.TRANSFER: "调拨单",
    DocType.ADJUST: "库存调整单",
    DocType.SCRAP: "报废单",
    DocType.REVERSAL: "冲销单",
    DocType.REQUEST: "应急物资调拨申请",
    DocType.ORDER: "应急物资调拨指令",
    DocType.RECEIPT_NOTE: "签收回执",
    DocType.RETURN: "回收单",
    DocType.DRILL: "演练报告",
    DocType.SETTLEMENT: "协议储备结算单",
    DocType.PLAN: "应急物资储备计划",
    DocType.CONTRACT: "应急物资采购合同",
    DocType.COUNT: "盘点单",
}
SIGNATURES = {
    DocType.ISSUE: ("发货人(保管员)", "负责人", "承运人", "接收人"),
    DocType.RECEIPT: ("送货人", "验收人", "保管员", "负责人"),
    DocType.TRANSFER: ("调出保管员", "承运人", "调入保管员", "负责人"),
    DocType.ORDER: ("经办人", "审核人", "批准人"),
    DocType.REQUEST: ("申请人", "单位负责人"),
    DocType.RECEIPT_NOTE: ("接收人（签字盖章）", "承运人", "经办人"),
    DocType.RETURN: ("交回人", "验收人", "保管员"),
    DocType.DRILL: ("演练组织人", "评估人"),
    DocType.SETTLEMENT: ("经办人", "财务审核", "负责人"),
}
PURPOSES = {
    Purpose.RELIEF: "救灾",
    Purpose.PREPOSITION: "前置",
    Purpose.DRILL: "演练",
    Purpose.ROTATION: "轮换",
    Purpose.OTHER: "其他",
}


@dataclass(frozen=True)
class Head:
    id: int
    doc_no: str
    kind: DocType
    state: str
    doc_date: Any
    depot_name: str
    other_name: str
    counterparty: str
    reference: str
    purpose: str
    reason: str
    note: str
    creator: str
    created_at: datetime
    chain_hash: str = ""  # the document's entry in its depot's history chain


def load_head(conn: Connection, doc_no: str) -> Head:
    d = t.documents.c
    other, users = t.depots.alias("other"), t.users
    row = conn.execute(
        select(
            d.id,
            d.doc_no,
            d.doc_type,
            d.state,
            d.doc_date,
            t.depots.c.name,
            other.c.name.label("other_name"),
            d.counterparty,
            d.reference,
            d.purpose,
            d.reason,
            d.note,
            users.c.display_name,
            d.created_at,
        )
        .join(t.depots, t.depots.c.id == d.depot_id)
        .outerjoin(other, other.c.id == d.other_depot_id)
        .join(users, users.c.id == d.created_by)
        .where(d.doc_no == doc_no)
    ).one()
    return Head(
        id=row.id,
        doc_no=row.doc_no,
        kind=DocType(row.doc_type),
        state=row.state,
        doc_date=row.doc_date,
        depot_name=row.name,
        other_name=row.other_name or "",
        counterparty=row.counterparty,
        reference=row.reference,
        purpose=row.purpose,
        reason=row.reason,
        note=row.note,
        creator=row.display_name,
        created_at=row.created_at,
        chain_hash=chain.row_chain_hash(conn, "document", row.id) or "",
    )


def document(
    head: Head, printed: str, *, title: str | None = None, **parts: Any
) -> PrintableDocument:
    """A document with the header every kind shares: its title, number, depot and date,
    the kind's signature block, and who printed it when."""
    parts.setdefault("signatures", list(SIGNATURES.get(head.kind, ("经办人", "保管员", "负责人"))))
    return PrintableDocument(
        title=title or TITLES[head.kind],
        doc_no=head.doc_no,
        issuing_unit=head.depot_name,
        doc_date=str(head.doc_date),
        # The chain hash lets an auditor match the paper to the database (verify names it).
        footer=f"{printed}　校验码 {head.chain_hash[:16]}" if head.chain_hash else printed,
        **parts,
    )
