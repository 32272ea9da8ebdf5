"""The registers and the order list as printable reports: depots, catalogue items and
allocation orders through `list_reports.write` (PDF or Excel by the file's suffix), with
the same filters the pages apply."""

from __future__ import annotations

from pathlib import Path

from ..domain.permissions import Action, Actor, require
from ..persistence.uow import UnitOfWork
from . import order_queries, reference_queries
from .list_reports import Field, write
from .print_heads import PURPOSES
from .rows import DepotRow, ItemRow

_DEPOT_KINDS = {"relief": "应急物资储备库", "grain": "粮食承储库点"}
_LEVELS = {1: "自治区级", 2: "市级", 3: "县级", 4: "乡镇级", 5: "村级"}
_MODES = {"physical": "实物", "agreement": "协议", "capacity": "产能"}
_STATES = {
    "DRAFT": "草稿",
    "SUBMITTED": "已提交",
    "REJECTED": "已驳回",
    "APPROVED": "已批准",
    "PARTIALLY_SHIPPED": "部分出库",
    "SHIPPED": "已出库",
    "SIGNED": "已签收",
    "COMPLETED": "已完成",
    "CANCELLED": "已作废",
    "SUPERSEDED": "已修订",
}
_PURPOSES = {str(purpose): text for purpose, text in PURPOSES.items()}
_PAPERWORK = {"not_needed": "", "open": "待补办", "overdue": "已超时", "done": "已补办"}


def _status(active: bool) -> str:
    return "启用" if active else "停用"


DEPOT_FIELDS = [
    Field("编码", lambda d: d.code, "center", 0.8),
    Field("名称", lambda d: d.name, weight=2.0),
    Field("类型", lambda d: _DEPOT_KINDS.get(d.kind, d.kind), "center", 1.0),
    Field("级别", lambda d: _LEVELS.get(d.level, str(d.level)), "center", 0.55),
    Field("所在区划", lambda d: d.region_name, weight=0.9),
    Field("权属单位", lambda d: d.owner_name, weight=1.4),
    Field("地址", lambda d: d.address, weight=1.8),
    Field("联系人", lambda d: d.contact, weight=0.6),
    Field("电话", lambda d: d.phone, "center", 0.95),
    Field("在库批次", lambda d: d.lots, "right", 0.55, True),
    Field("状态", lambda d: _status(d.active), "center", 0.45),
]
ITEM_FIELDS = [
    Field("物资编码", lambda i: i.code, "center", 0.75),
    Field("物资名称", lambda i: i.name, weight=1.3),
    Field("类别", lambda i: i.category_name, weight=1.0),
    Field("规格型号", lambda i: i.spec, weight=1.6),
    Field("单位", lambda i: i.unit, "center", 0.4),
    Field("国标编码", lambda i: i.gb_code or "", "center", 0.9),
    Field("参考单价(元)", lambda i: i.ref_price, "right", 0.8),
    Field("储存年限", lambda i: i.shelf_life.chinese() if i.shelf_life else "", "center", 0.7),
    Field("储备方式", lambda i: _modes(i.reserve_modes), "center", 0.9),
    Field("状态", lambda i: _status(i.active), "center", 0.45),
]
ORDER_FIELDS = [
    Field("指令号", lambda o: o.doc_no, weight=1.5),
    Field("日期", lambda o: o.doc_date, "center", 0.8),
    Field("状态", lambda o: _STATES.get(o.state, o.state), "center", 0.65),
    Field("紧急", lambda o: "紧急" if o.emergency else "", "center", 0.4),
    Field("接收单位", lambda o: o.receiving_unit, weight=1.4),
    Field("送达地点", lambda o: o.place, weight=1.6),
    Field("用途", lambda o: _PURPOSES.get(o.purpose, o.purpose), "center", 0.45),
    Field("申请单号", lambda o: o.request_no, weight=1.4),
    Field("经办人", lambda o: o.created_by, weight=0.6),
    Field("批准人", lambda o: o.approved_by or o.oral_approver, weight=0.8),
    Field("书面审批", lambda o: _PAPERWORK.get(o.paperwork, o.paperwork), "center", 0.6),
    Field("行数", lambda o: o.lines, "right", 0.4),
]


def _modes(modes: str) -> str:
    return "、".join(_MODES.get(mode, mode) for mode in modes.split(",") if mode)


def _matches(text: str, *values: object) -> bool:
    needle = text.strip().lower()
    return not needle or any(needle in str(value or "").lower() for value in values)


def depots_report(uow: UnitOfWork, actor: Actor, out: Path, text: str = "") -> tuple[Path, int]:
    """The depots the actor sees, those matching `text` in any listed column (as the
    page's filter box does), to `out`."""
    require(actor, Action.VIEW)
    rows: list[DepotRow] = [
        d
        for d in reference_queries.depots(uow, actor, include_inactive=True)
        if _matches(
            text, d.code, d.name, d.region_name, d.owner_name, d.address, d.contact, d.phone
        )
    ]
    filters = [("筛选", text.strip())]
    return write(out, "仓库名录", filters, DEPOT_FIELDS, rows, actor, uow), len(rows)


def catalogue_report(
    uow: UnitOfWork,
    actor: Actor,
    out: Path,
    category_code: str | None = None,
    text: str = "",
) -> tuple[Path, int]:
    """Catalogue items of one category (or all) matching `text`, to `out`."""
    require(actor, Action.VIEW)
    rows: list[ItemRow] = reference_queries.items(uow, category_code=category_code, text=text)
    category = rows[0].category_name if category_code and rows else category_code or ""
    filters = [("类别", category), ("查找", text.strip())]
    return write(out, "物资目录", filters, ITEM_FIELDS, rows, actor, uow), len(rows)


def orders_report(
    uow: UnitOfWork,
    actor: Actor,
    out: Path,
    *,
    states: tuple[str, ...] = (),
    emergency_only: bool = False,
) -> tuple[Path, int]:
    """Allocation orders in `states` (all when empty), newest first, to `out`."""
    rows = order_queries.orders(uow, actor, states=states, emergency_only=emergency_only)
    filters = [
        ("状态", "、".join(_STATES.get(s, s) for s in states)),
        ("仅紧急调拨", "是" if emergency_only else ""),
    ]
    return write(out, "调拨指令一览", filters, ORDER_FIELDS, rows, actor, uow), len(rows)
