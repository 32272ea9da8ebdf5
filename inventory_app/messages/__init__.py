"""User-facing text for domain errors, in Chinese (default) and English.

One catalogue serves the command line and the GUI: domain errors carry codes and data,
and this module turns them into a sentence in the user's language.
"""

from __future__ import annotations

from decimal import Decimal

from ..domain.errors import DomainError
from ..domain.quantities import grouped_text
from .catalog import FIELDS as _FIELDS
from .catalog import KINDS as _KINDS
from .catalog import MESSAGES as _MESSAGES
from .catalog import REASONS as _REASONS

LANGUAGES = ("zh", "en")

_ROLES = {
    "keeper": ("保管员", "keeper"),
    "approver": ("审批人", "approver"),
    "planner": ("计划员", "planner"),
    "auditor": ("审计员", "auditor"),
    "admin": ("管理员", "administrator"),
}
_STATES = {
    "POSTED": ("已过账", "posted"),
    "IN_TRANSIT": ("在途", "in transit"),
    "RECEIVED": ("已接收", "received"),
    "PENDING_APPROVAL": ("待审批", "pending approval"),
    "REJECTED": ("已驳回", "rejected"),
    "REVERSED": ("已冲销", "reversed"),
    "DRAFT": ("草稿", "draft"),
    "SUBMITTED": ("已提交", "submitted"),
    "APPROVED": ("已批准", "approved"),
    "PARTIALLY_SHIPPED": ("部分出库", "partly shipped"),
    "SHIPPED": ("已出库", "shipped"),
    "SIGNED": ("已签收", "signed for"),
    "COMPLETED": ("已完成", "completed"),
    "CANCELLED": ("已作废", "cancelled"),
    "SUPERSEDED": ("已修订", "superseded"),
    "COUNTING": ("盘点中", "counting"),
    "ENTERED": ("已录入", "entered"),
}
_ACTIONS = {
    "receive": ("接收", "received"),
    "reverse": ("冲销", "reversed"),
    "approve": ("审批", "approved"),
    "reject": ("驳回", "rejected"),
    "create": ("创建", "created"),
    "submit": ("提交", "submitted"),
    "answer": ("据此下达调拨指令", "answered by an order"),
    "ship": ("出库", "shipped"),
    "sign": ("签收", "signed for"),
    "complete": ("完成", "completed"),
    "cancel": ("作废", "cancelled"),
    "return": ("回收", "returned"),
    "deliver": ("登记协议供货", "delivered against"),
    "report": ("生成报告", "reported on"),
    "depart": ("发车", "departed"),
    "arrive": ("登记到达", "marked arrived"),
    "revise": ("修订", "revised"),
    "show": ("作为储备计划查看", "shown as a plan"),
    "contract": ("据此签订合同", "contracted against"),
    "accept_delivery": ("登记到货", "delivered against"),
    "pay": ("登记付款", "paid against"),
    "rotate_in": ("轮入", "rotated in"),
    "edit": ("修改", "edited"),
    "recount": ("复盘", "recounted"),
}


# What is wrong with an imported audit workbook (WorkbookRejected problems).
_WORKBOOK = {
    "empty": ("文件是空的", "the file is empty"),
    "not_a_workbook": ("不是 .xlsx 工作簿", "is not an .xlsx workbook"),
    "too_big": ("文件过大", "the file is too large"),
    "too_many_rows": ("行数过多", "has too many rows"),
    "zip_bomb": ("解压后过大", "expands too far when unpacked"),
    "macros": ("含有宏（xlsm）", "contains macros (xlsm)"),
    "external_links": ("含有外部链接", "contains external links"),
    "xml_entities": ("含有 XML 实体定义", "declares XML entities"),
    "sheet_missing": ("缺少盘点表或清单页", "lacks the count sheet or its manifest"),
    "manifest_tampered": ("清单页被改动", "its manifest was altered"),
    "other_database": ("来自另一个数据库", "comes from another database"),
    "other_count": ("不属于该盘点单", "belongs to another count"),
    "already_imported": ("已经导入过一次", "was already imported"),
    "not_counting": ("盘点单不在盘点中", "its count is no longer being counted"),
    "header_changed": ("表头被改动", "its header row was changed"),
    "fixed_edited": ("该列被改动（只能填实盘数量、差异原因、备注）", "may not be edited"),
    "duplicate_row": ("重复的行", "is a duplicate row"),
    "missing_row": ("缺少这一行", "is missing"),
    "formula": ("含有公式", "holds a formula"),
    "text_in_number": ("应为数字，不是文本", "must be a number, not text"),
    "blank_count": ("实盘数量为空（没有就填 0）", "has no counted quantity (enter 0)"),
    "found_incomplete": ("新增行须有物资编码、数量和原因", "needs item, quantity and reason"),
    "unknown_item": ("物资编码不存在", "names an unknown item"),
    "unknown_location": ("库位不存在", "names an unknown location"),
    "bad_reason": ("不是可选的差异原因", "is not a variance reason"),
    "too_many_decimals": ("小数位数超过该物资允许的位数", "has more decimals than the item allows"),
}


def workbook_problems_text(problems: object, lang: str) -> str:
    """The first 20 problems of a refused workbook, each naming its row and column."""
    zh, listed = lang == "zh", list(problems) if isinstance(problems, list | tuple) else []
    parts = []
    for row, column, reason, value in listed[:20]:
        text = _pick(_WORKBOOK if reason in _WORKBOOK else _REASONS, reason, lang)
        where = (f"第 {row} 行“{column}”：" if zh else f"row {row} ({column}): ") if row else ""
        parts.append(where + text + (f"“{value}”" if value else ""))
    return ("；" if zh else "; ").join(parts) + ("…" if len(listed) > 20 else "")


def _pick(table: dict[str, tuple[str, str]], key: object, lang: str) -> str:
    pair = table.get(str(key))
    if pair is None:
        return str(key)
    return pair[1] if lang == "en" else pair[0]


def _fmt(value: object) -> str:
    if isinstance(value, Decimal):
        return grouped_text(value)
    return "" if value is None else str(value)


def role_name(role: str, lang: str = "zh") -> str:
    return _pick(_ROLES, role, lang)


def user_title(name: str, role: str, lang: str = "zh") -> str:
    """ "市级库保管员（保管员）" → "市级库保管员": the role is added only when the name does not
    already say it (a display name such as 审计员（监盘人） carries it)."""
    if _pick(_ROLES, role, "zh") in name or role_name(role, lang) in name:
        return name
    return (
        f"{name}（{role_name(role, lang)}）"
        if lang != "en"
        else f"{name} ({role_name(role, lang)})"
    )


_POSTED_BY_KIND = {
    "RECEIPT": ("已入库", "received into stock"),
    "ISSUE": ("已出库", "issued"),
    "TRANSFER": ("已调出", "sent"),
    "ADJUST": ("已调整", "adjusted"),
    "SCRAP": ("已报废", "written off"),
    "REVERSAL": ("已生效", "in effect"),
    "RETURN": ("已回收入库", "returned into stock"),
}


def state_name(state: str, lang: str = "zh", kind: str | None = None) -> str:
    """A state's word; a posted document of a known kind reads as keepers say it (已入库)."""
    if state == "POSTED" and kind in _POSTED_BY_KIND:
        return _pick(_POSTED_BY_KIND, kind, lang)
    return _pick(_STATES, state, lang)


def error_message(error: DomainError, lang: str = "zh") -> str:
    lang = "en" if lang.startswith("en") else "zh"
    params = {k: _fmt(v) for k, v in error.params.items()}
    params["kind_text"] = _pick(_KINDS, error.params.get("kind", ""), lang)
    params["field_text"] = _pick(_FIELDS, error.params.get("field", ""), lang)
    params["reason_text"] = _pick(_REASONS, error.params.get("reason", ""), lang).format(**params)
    params["role_text"] = role_name(str(error.params.get("role", "")), lang)
    params["state_text"] = state_name(str(error.params.get("state", "")), lang)
    params["action_text"] = _pick(_ACTIONS, error.params.get("action", ""), lang)
    lot = params.get("lot", "")
    params["lot_text"] = (f"（批次 {lot}）" if lang == "zh" else f" (lot {lot})") if lot else ""
    if "problems" in error.params:
        params["problems_text"] = workbook_problems_text(error.params["problems"], lang)
    template = _pick(_MESSAGES, error.code, lang)
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return f"{template} {error.params}"
