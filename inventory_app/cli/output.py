"""How the command line prints: aligned text tables, JSON, and the outcome of a posting."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from ..domain.model import PostingResult


def json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    raise TypeError(type(value).__name__)


def emit(args: argparse.Namespace, rows: Sequence[Any], columns: Sequence[str]) -> None:
    """Print rows as JSON (--json) or as an aligned text table."""
    if args.json:
        print(
            json.dumps(
                [asdict(r) for r in rows], ensure_ascii=False, default=json_default, indent=1
            )
        )
        return
    table = [[_cell(getattr(r, c)) for c in columns] for r in rows]
    widths = [max([_width(c)] + [_width(row[i]) for row in table]) for i, c in enumerate(columns)]
    print("  ".join(_pad(c, w) for c, w in zip(columns, widths, strict=True)))
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
    print(
        f"{label} {result.doc_no} [{result.state}] {moves} "
        f"{', '.join(map(str, result.movement_ids))}{again}"
    )
