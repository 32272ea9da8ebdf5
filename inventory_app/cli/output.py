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
    "agreement_no": "协议号",
    "at": "时间",
    "available": "可用",
    "batch_no": "批号",
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
_EXPIRY = {"ok": "正常", "near": "临期", "expired": "已过期", "none": "无"}


def _header(column: str, zh: bool) -> str:
    return _HEADERS.get(column, column) if zh else column


def _value(column: str, value: Any, zh: bool) -> str:
    if zh and isinstance(value, str):
        if column == "kind":
            return _KINDS.get(value, value)
        if column in ("state", "from_state", "to_state"):
            return state_name(value) if value else ""
        if column == "expiry_status":
            return _EXPIRY.get(value, value)
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
    table = [[_value(c, getattr(r, c), zh) for c in columns] for r in rows]
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
