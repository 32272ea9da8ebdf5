"""How the command line prints: aligned text tables, JSON, and the outcome of a posting."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from ..domain.documents import kind_of_number
from ..domain.model import PostingResult
from ..messages import state_name
from ..services.count_workbook import REASON_TEXT


def json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    raise TypeError(type(value).__name__)


# Column headers of the text tables in Chinese (JSON keeps the field names).
_HEADERS = {
    "accepted": "验收合格",
    "accepted_amount": "验收金额",
    "amount": "金额",
    "contract_no": "合同号",
    "contracted": "已签合同",
    "contracted_amount": "合同金额",
    "delivered_on": "到货日期",
    "delivery_due": "交货期限",
    "late": "逾期",
    "ordered": "合同数量",
    "paid_amount": "已付款",
    "plan_no": "计划单号",
    "planned": "计划数量",
    "planned_amount": "计划金额",
    "qc_report_no": "质检报告号",
    "reason": "原因",
    "receipt_no": "入库单号",
    "rejected": "拒收",
    "result": "验收结论",
    "supplier": "供应商",
    "year": "年度",
    "action": "建议",
    "due_on": "轮入期限",
    "grade": "等级",
    "harvest_year": "收获年度",
    "out_doc_no": "轮出单号",
    "rotated_in": "已轮入",
    "shortfall": "待轮入",
    "status": "状态",
    "window_id": "窗口",
    "capacity_72h": "产能72小时",
    "daily_capacity": "日产能",
    "mobilisation_days": "动员天数",
    "agreement_24h": "协议24小时",
    "agreement_72h": "协议72小时",
    "agreement_no": "协议号",
    "approved_by": "批准人",
    "funding_source": "资金来源",
    "held": "现有",
    "norm_set": "定额",
    "owner_name": "所有权单位",
    "persons_covered": "可安置人数",
    "persons_with_agreements": "含协议可安置",
    "required": "需储备",
    "revises": "修订自",
    "target": "储备目标",
    "total_amount": "金额合计",
    "version": "版本",
    "yearly_ceiling": "年度预算上限",
    "years": "年度",
    "at": "时间",
    "available": "可用",
    "batch_no": "批号",
    "book": "账面",
    "counted": "实盘",
    "counted_lines": "已盘行数",
    "location": "库位",
    "scope": "范围",
    "since_snapshot": "快照后变动",
    "variance": "差异",
    "called": "已调用",
    "category_code": "类别编码",
    "category_name": "类别",
    "delivered": "已供货",
    "delta": "数量",
    "stock_after": "结存",
    "depot_code": "仓库编码",
    "depot_name": "仓库",
    "doc_date": "日期",
    "doc_no": "单据号",
    "emergency": "紧急",
    "enterprise": "协议企业",
    "expiry_date": "有效期至",
    "expiry_status": "有效期状态",
    "from_state": "原状态",
    "host": "录入电脑",
    "in_transit": "在途",
    "item_code": "物资编码",
    "item_name": "物资名称",
    "items": "品种",
    "kind": "类型",
    "name": "名称",
    "locked_until": "锁定至",
    "last_failed_at": "最近输错",
    "failures": "连续输错次数",
    "line_no": "行号",
    "lines": "行数",
    "lot_id": "批次",
    "lots": "批次数",
    "meets_target": "达标",
    "minutes": "车程(分)",
    "missing": "短缺",
    "movement_id": "流水号",
    "nearest_expiry": "最近到期",
    "note": "说明",
    "on_hand": "库存",
    "owners_to_ask": "需征得同意",
    "paperwork": "书面审批",
    "paperwork_due_at": "补办期限",
    "persons": "安置人数",
    "place": "地点",
    "price": "协议单价",
    "purpose": "用途",
    "quantity": "数量",
    "receiver": "接收人",
    "receiving_unit": "接收单位",
    "requesting_unit": "申请单位",
    "reserved": "已预留",
    "response_hours": "时限(小时)",
    "returned": "已回收",
    "reversed_by_movement_id": "被冲销流水",
    "reverses_movement_id": "冲销流水",
    "road_km": "里程(km)",
    "shipped": "已出库",
    "spec": "规格",
    "state": "状态",
    "to_state": "新状态",
    "unit": "单位",
    "user": "经办人",
    "valid_from": "有效期自",
    "valid_to": "有效期至",
    "value": "金额",
}
# Coded values shown in words in Chinese.
_KINDS = {
    "RECEIVE": "入库",
    "ISSUE": "出库",
    "TRANSFER_OUT": "调出",
    "TRANSFER_IN": "调入",
    "ADJUST": "调整",
    "SCRAP": "报废",
    "REVERSAL": "冲销",
}
_RESULTS = {"pass": "合格", "fail": "不合格"}
_ROTATION = {
    "rotate": "轮出轮入",
    "renew": "更新轮换",
    "open": "进行中",
    "overdue": "已超期",
    "closed": "已轮入",
}
_EXPIRY = {"ok": "正常", "near": "临期", "expired": "已过期", "none": "无"}
_COUNT_REASONS = {str(code): text for code, text in REASON_TEXT.items()}


def _header(column: str, zh: bool) -> str:
    return _HEADERS.get(column, column) if zh else column


def _value(column: str, value: Any, zh: bool) -> str:
    if zh and isinstance(value, str):
        if column == "kind":
            return _KINDS.get(value, value)
        if column in ("state", "from_state", "to_state"):
            return state_name(value) if value else ""
        if column == "result":
            return _RESULTS.get(value, value)
        if column in ("action", "status"):
            return _ROTATION.get(value, value)
        if column == "expiry_status":
            return _EXPIRY.get(value, value)
        if column == "reason":
            return _COUNT_REASONS.get(value, value)
    if zh and isinstance(value, bool):
        return "是" if value else "否"
    return _cell(value)


def emit(args: argparse.Namespace, rows: Sequence[Any], columns: Sequence[str]) -> None:
    """Print rows as JSON (--json) or as an aligned text table (headers and coded values in
    the user's language)."""
    if args.json:
        print(
            json.dumps(
                [asdict(r) for r in rows], ensure_ascii=False, default=json_default, indent=1
            )
        )
        return
    zh = not getattr(args, "lang", "zh").startswith("en")
    heads = [_header(c, zh) for c in columns]
    print_table(heads, [[_value(c, getattr(r, c), zh) for c in columns] for r in rows])


def print_table(heads: Sequence[str], table: Sequence[Sequence[str]]) -> None:
    """Aligned columns (CJK glyphs count double)."""
    widths = [max([_width(h)] + [_width(row[i]) for row in table]) for i, h in enumerate(heads)]
    print("  ".join(_pad(h, w) for h, w in zip(heads, widths, strict=True)))
    for row in table:
        print("  ".join(_pad(v, w) for v, w in zip(row, widths, strict=True)))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:,f}"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, tuple | list):
        return "、".join(_cell(v) for v in value)
    return str(value)


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)  # CJK glyphs are double width


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def posted(args: argparse.Namespace, result: PostingResult) -> None:
    if args.json:
        print(json.dumps(asdict(result), ensure_ascii=False, default=json_default))
        return
    zh = not args.lang.startswith("en")
    again = ("（重复请求，返回原结果）" if zh else " (replayed)") if result.replayed else ""
    label = "单据" if zh else "document"
    moves = "流水" if zh else "movements"
    kind = kind_of_number(result.doc_no)
    state = state_name(result.state, kind=kind) if zh else result.state
    print(
        f"{label} {result.doc_no} [{state}] {moves} "
        f"{', '.join(map(str, result.movement_ids))}{again}"
    )
