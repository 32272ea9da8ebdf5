"""The one place for the words shown for document kinds, states, movements, purposes, sources."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..domain.counts import CountReason
from ..domain.documents import LinkRole
from ..domain.model import DocState, DocType, MovementKind, Purpose, Source

# Every table is keyed by the enum's stored value; the texts are marked for lupdate here,
# in context "Labels", and translated when asked for (so a language switch takes effect).
# The stubs type QT_TRANSLATE_NOOP as object, hence the str() in _translate.

DOC_TYPES: Mapping[str, object] = {
    DocType.RECEIPT: QT_TRANSLATE_NOOP("Labels", "入库单"),
    DocType.ISSUE: QT_TRANSLATE_NOOP("Labels", "出库单"),
    DocType.TRANSFER: QT_TRANSLATE_NOOP("Labels", "调拨单"),
    DocType.ADJUST: QT_TRANSLATE_NOOP("Labels", "调整单"),
    DocType.SCRAP: QT_TRANSLATE_NOOP("Labels", "报废单"),
    DocType.REVERSAL: QT_TRANSLATE_NOOP("Labels", "冲销单"),
    DocType.REQUEST: QT_TRANSLATE_NOOP("Labels", "调拨申请"),
    DocType.ORDER: QT_TRANSLATE_NOOP("Labels", "调拨指令"),
    DocType.RECEIPT_NOTE: QT_TRANSLATE_NOOP("Labels", "签收回执"),
    DocType.RETURN: QT_TRANSLATE_NOOP("Labels", "回收单"),
    DocType.DRILL: QT_TRANSLATE_NOOP("Labels", "演练"),
    DocType.SETTLEMENT: QT_TRANSLATE_NOOP("Labels", "结算单"),
    DocType.PLAN: QT_TRANSLATE_NOOP("Labels", "储备计划"),
    DocType.CONTRACT: QT_TRANSLATE_NOOP("Labels", "采购合同"),
    DocType.COUNT: QT_TRANSLATE_NOOP("Labels", "盘点单"),
}
DOC_STATES: Mapping[str, object] = {
    DocState.POSTED: QT_TRANSLATE_NOOP("Labels", "已过账"),
    DocState.IN_TRANSIT: QT_TRANSLATE_NOOP("Labels", "在途"),
    DocState.RECEIVED: QT_TRANSLATE_NOOP("Labels", "已接收"),
    DocState.PENDING_APPROVAL: QT_TRANSLATE_NOOP("Labels", "待审批"),
    DocState.REJECTED: QT_TRANSLATE_NOOP("Labels", "已驳回"),
    DocState.REVERSED: QT_TRANSLATE_NOOP("Labels", "已冲销"),
    DocState.DRAFT: QT_TRANSLATE_NOOP("Labels", "草稿"),
    DocState.SUBMITTED: QT_TRANSLATE_NOOP("Labels", "已提交"),
    DocState.APPROVED: QT_TRANSLATE_NOOP("Labels", "已批准"),
    DocState.PARTIALLY_SHIPPED: QT_TRANSLATE_NOOP("Labels", "部分出库"),
    DocState.SHIPPED: QT_TRANSLATE_NOOP("Labels", "已出库"),
    DocState.SIGNED: QT_TRANSLATE_NOOP("Labels", "已签收"),
    DocState.COMPLETED: QT_TRANSLATE_NOOP("Labels", "已完成"),
    DocState.CANCELLED: QT_TRANSLATE_NOOP("Labels", "已作废"),
    DocState.SUPERSEDED: QT_TRANSLATE_NOOP("Labels", "已修订"),
    DocState.COUNTING: QT_TRANSLATE_NOOP("Labels", "盘点中"),
    DocState.ENTERED: QT_TRANSLATE_NOOP("Labels", "已录入"),
}
MOVEMENT_KINDS: Mapping[str, object] = {
    MovementKind.RECEIVE: QT_TRANSLATE_NOOP("Labels", "入库"),
    MovementKind.ISSUE: QT_TRANSLATE_NOOP("Labels", "出库"),
    MovementKind.TRANSFER_OUT: QT_TRANSLATE_NOOP("Labels", "调出"),
    MovementKind.TRANSFER_IN: QT_TRANSLATE_NOOP("Labels", "调入"),
    MovementKind.ADJUST: QT_TRANSLATE_NOOP("Labels", "调整"),
    MovementKind.SCRAP: QT_TRANSLATE_NOOP("Labels", "报废"),
    MovementKind.REVERSAL: QT_TRANSLATE_NOOP("Labels", "冲销"),
}
PURPOSES: Mapping[str, object] = {
    Purpose.RELIEF: QT_TRANSLATE_NOOP("Labels", "救灾"),
    Purpose.PREPOSITION: QT_TRANSLATE_NOOP("Labels", "前置"),
    Purpose.DRILL: QT_TRANSLATE_NOOP("Labels", "演练"),
    Purpose.ROTATION: QT_TRANSLATE_NOOP("Labels", "轮换"),
    Purpose.OTHER: QT_TRANSLATE_NOOP("Labels", "其他"),
}
SOURCES: Mapping[str, object] = {
    Source.PURCHASE: QT_TRANSLATE_NOOP("Labels", "采购"),
    Source.TRANSFER: QT_TRANSLATE_NOOP("Labels", "调入"),
    Source.DONATION: QT_TRANSLATE_NOOP("Labels", "捐赠"),
    Source.RETURN: QT_TRANSLATE_NOOP("Labels", "回收"),
    Source.OPENING: QT_TRANSLATE_NOOP("Labels", "期初"),
    Source.COUNT_GAIN: QT_TRANSLATE_NOOP("Labels", "盘盈"),
}
COUNT_REASONS: Mapping[str, object] = {
    CountReason.NATURAL_LOSS: QT_TRANSLATE_NOOP("Labels", "自然损耗"),
    CountReason.MEASUREMENT: QT_TRANSLATE_NOOP("Labels", "计量误差"),
    CountReason.DAMAGE: QT_TRANSLATE_NOOP("Labels", "破损"),
    CountReason.THEFT: QT_TRANSLATE_NOOP("Labels", "盗失"),
    CountReason.BOOKING: QT_TRANSLATE_NOOP("Labels", "记账错误"),
    CountReason.OTHER: QT_TRANSLATE_NOOP("Labels", "其他"),
}
# The receipt form explains two of the sources a little more than a list cell can.
_SOURCE_CHOICES: Mapping[str, object] = {
    Source.RETURN: QT_TRANSLATE_NOOP("Labels", "回收（使用后退回）"),
    Source.OPENING: QT_TRANSLATE_NOOP("Labels", "期初建账"),
}
LINK_ROLES: Mapping[str, object] = {
    LinkRole.REVERSAL: QT_TRANSLATE_NOOP("Labels", "冲销"),
    LinkRole.ORDER_SLIP: QT_TRANSLATE_NOOP("Labels", "调拨指令→出库单"),
    LinkRole.SLIP_RECEIPT: QT_TRANSLATE_NOOP("Labels", "出库单→签收回执"),
    LinkRole.ORDER_RETURN: QT_TRANSLATE_NOOP("Labels", "调拨指令→回收单"),
    LinkRole.CONTRACT_DELIVERY: QT_TRANSLATE_NOOP("Labels", "合同→到货"),
    LinkRole.COUNT_ADJUSTMENT: QT_TRANSLATE_NOOP("Labels", "盘点→调整"),
    LinkRole.PLAN_REVISION: QT_TRANSLATE_NOOP("Labels", "计划→修订版"),
    LinkRole.PLAN_CONTRACT: QT_TRANSLATE_NOOP("Labels", "计划→采购合同"),
    LinkRole.REQUEST_ORDER: QT_TRANSLATE_NOOP("Labels", "调拨申请→调拨指令"),
    LinkRole.RECEIPT_LOSS: QT_TRANSLATE_NOOP("Labels", "签收回执→途损调整"),
    LinkRole.TRANSIT_LOSS: QT_TRANSLATE_NOOP("Labels", "调拨单→途损调整"),
}


def _translate(table: Mapping[str, object], value: str) -> str:
    """The label of `value`, or the value itself when the table does not know it."""
    text = table.get(value)
    return QCoreApplication.translate("Labels", str(text)) if text is not None else value


def doc_type_label(value: str) -> str:
    return _translate(DOC_TYPES, value)


# What a keeper says once a document is done: 已入库 / 已出库, not the ledger's 已过账.
POSTED_BY_KIND: Mapping[str, object] = {
    DocType.RECEIPT: QT_TRANSLATE_NOOP("Labels", "已入库"),
    DocType.ISSUE: QT_TRANSLATE_NOOP("Labels", "已出库"),
    DocType.TRANSFER: QT_TRANSLATE_NOOP("Labels", "已调出"),
    DocType.ADJUST: QT_TRANSLATE_NOOP("Labels", "已调整"),
    DocType.SCRAP: QT_TRANSLATE_NOOP("Labels", "已报废"),
    DocType.REVERSAL: QT_TRANSLATE_NOOP("Labels", "已生效"),
    DocType.RETURN: QT_TRANSLATE_NOOP("Labels", "已回收入库"),
}


def doc_state_label(value: str, kind: str | None = None) -> str:
    """The state's word; with the document's kind, a posted one reads as the keeper says
    it (an 入库单 is 已入库)."""
    if value == DocState.POSTED and kind is not None and kind in POSTED_BY_KIND:
        return _translate(POSTED_BY_KIND, kind)
    return _translate(DOC_STATES, value)


def posted_label(kind: str) -> str:
    """已入库 / 已出库 / 已调出 … for a document of `kind` just posted."""
    return doc_state_label(DocState.POSTED, kind)


def movement_kind_label(value: str) -> str:
    return _translate(MOVEMENT_KINDS, value)


def purpose_label(value: str) -> str:
    return _translate(PURPOSES, value)


def source_label(value: str) -> str:
    return _translate(SOURCES, value)


def purpose_or_source_label(value: str) -> str:
    """A document's 用途 field: receipts keep their source there, the others their purpose."""
    return purpose_label(value) if value in PURPOSES else source_label(value)


def link_role_label(value: str) -> str:
    return _translate(LINK_ROLES, value)


def count_reason_label(value: str) -> str:
    return _translate(COUNT_REASONS, value)


def purpose_choices() -> list[tuple[str, str]]:
    """(value, label) in the order a purpose combo box offers them."""
    return [(str(value), purpose_label(value)) for value in PURPOSES]


def movement_kind_choices() -> list[tuple[str, str]]:
    """(value, label) of every movement kind, for a filter combo box."""
    return [(str(value), movement_kind_label(value)) for value in MOVEMENT_KINDS]


def receipt_source_choices() -> list[tuple[str, str]]:
    """(value, label) of the sources a keeper picks from; transfers arrive by themselves."""
    chosen = (Source.PURCHASE, Source.DONATION, Source.RETURN, Source.OPENING)
    return [
        (
            str(value),
            _translate(_SOURCE_CHOICES, value) if value in _SOURCE_CHOICES else source_label(value),
        )
        for value in chosen
    ]
