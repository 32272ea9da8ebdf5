"""Enumerations and value objects of the reserve domain."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


class Level(enum.IntEnum):
    """Government level that owns or holds a reserve."""

    REGION = 1  # 自治区
    CITY = 2  # 市
    COUNTY = 3  # 县(区)
    TOWNSHIP = 4  # 乡镇(街道)
    VILLAGE = 5  # 村(社区)


class ReserveMode(enum.StrEnum):
    PHYSICAL = "physical"  # 实物储备: counts as stock
    AGREEMENT = "agreement"  # 协议储备: capacity, not stock
    CAPACITY = "capacity"  # 产能储备: planning only


class Role(enum.StrEnum):
    KEEPER = "keeper"  # 保管员
    APPROVER = "approver"  # 审批人
    PLANNER = "planner"  # 计划员
    AUDITOR = "auditor"  # 审计员
    ADMIN = "admin"  # 管理员


class DocType(enum.StrEnum):
    RECEIPT = "RECEIPT"  # 入库单
    ISSUE = "ISSUE"  # 出库单
    TRANSFER = "TRANSFER"  # 调拨单 (two sides, in transit between)
    ADJUST = "ADJUST"  # 调整单
    SCRAP = "SCRAP"  # 报废单
    REVERSAL = "REVERSAL"  # 冲销单
    REQUEST = "REQUEST"  # 调拨申请 (from an affected area)
    ORDER = "ORDER"  # 调拨指令 (allocation order; shipped by 出库单 = ISSUE documents)
    RECEIPT_NOTE = "RECEIPT_NOTE"  # 签收回执 (what the receiving unit actually got)
    RETURN = "RETURN"  # 回收单 (goods back after use, against the order)
    DRILL = "DRILL"  # 演练: an allocation run on paper, timed and scored, moving nothing
    SETTLEMENT = "SETTLEMENT"  # 结算单: agreement deliveries × agreed price, against an invoice
    PLAN = "PLAN"  # 储备计划: a version of a reserve purchase plan (draft, approved, superseded)
    CONTRACT = "CONTRACT"  # 采购合同 against an approved plan; deliveries are 入库单 linked to it
    COUNT = "COUNT"  # 盘点单: a stocktake; its variances are posted as ADJUST documents


class DocState(enum.StrEnum):
    POSTED = "POSTED"
    IN_TRANSIT = "IN_TRANSIT"
    RECEIVED = "RECEIVED"
    PENDING_APPROVAL = "PENDING_APPROVAL"
    REJECTED = "REJECTED"
    REVERSED = "REVERSED"
    DRAFT = "DRAFT"  # 草稿
    SUBMITTED = "SUBMITTED"  # 已提交
    APPROVED = "APPROVED"  # 已批准
    PARTIALLY_SHIPPED = "PARTIALLY_SHIPPED"  # 部分出库
    SHIPPED = "SHIPPED"  # 已出库 (在途)
    SIGNED = "SIGNED"  # 已签收
    COMPLETED = "COMPLETED"  # 已完成
    CANCELLED = "CANCELLED"  # 已作废
    SUPERSEDED = "SUPERSEDED"  # 已被修订 (an approved plan replaced by its approved revision)
    COUNTING = "COUNTING"  # 盘点进行中
    ENTERED = "ENTERED"  # 盘点已录入 (waiting for review and approval)


class MovementKind(enum.StrEnum):
    RECEIVE = "RECEIVE"
    ISSUE = "ISSUE"
    TRANSFER_OUT = "TRANSFER_OUT"
    TRANSFER_IN = "TRANSFER_IN"
    ADJUST = "ADJUST"
    SCRAP = "SCRAP"
    REVERSAL = "REVERSAL"


class Source(enum.StrEnum):
    PURCHASE = "purchase"
    TRANSFER = "transfer"
    DONATION = "donation"
    RETURN = "return"
    OPENING = "opening"  # 期初: stock found when the system was introduced
    COUNT_GAIN = "count_gain"  # 盘盈: a lot found at a stocktake that the books did not know


class ResponseLevel(enum.IntEnum):
    """Emergency response level of a request: the first batch must arrive within N hours."""

    COUNTY = 6  # 县级响应
    CITY = 8  # 市级响应
    PROVINCE = 10  # 省级响应


class Purpose(enum.StrEnum):
    RELIEF = "relief"  # 救灾
    PREPOSITION = "preposition"  # 前置
    DRILL = "drill"  # 演练
    ROTATION = "rotation"  # 轮换
    OTHER = "other"


@dataclass(frozen=True)
class ReceiptLine:
    """One line of a 入库单: what arrived, into which lot attributes."""

    item_code: str
    quantity: Decimal
    batch_no: str = ""
    production_date: date | None = None
    expiry_date: date | None = None
    location_code: str | None = None
    unit_price: Decimal | None = None  # yuan; defaults to the item's reference price
    reserve_mode: ReserveMode = ReserveMode.PHYSICAL
    owner_org_code: str | None = None  # defaults to the depot's owner
    custodian_org_code: str | None = None  # defaults to the depot's owner
    supplier: str = ""


@dataclass(frozen=True)
class OutLine:
    """One line leaving stock: from a named lot, or first-expiring-first when lot_id is None."""

    item_code: str
    quantity: Decimal
    lot_id: int | None = None


@dataclass(frozen=True)
class AdjustLine:
    """A signed correction of one lot (count differences, found damage)."""

    lot_id: int
    delta: Decimal


@dataclass(frozen=True)
class LotStock:
    """What an allocation rule needs to know about a candidate lot."""

    lot_id: int
    available: Decimal
    expiry_date: date | None
    received_date: date | None
    batch_no: str = ""


@dataclass(frozen=True)
class Allocation:
    lot_id: int
    quantity: Decimal


@dataclass(frozen=True)
class PostingResult:
    """What a posted (or replayed) document produced."""

    document_id: int
    doc_no: str
    movement_ids: tuple[int, ...] = field(default_factory=tuple)
    state: str = DocState.POSTED
    replayed: bool = False
