"""The read-only commands: stock, ledger, verify."""

from __future__ import annotations

import json
from dataclasses import asdict

from ..domain.errors import VerificationFailed
from ..services import ledger_queries, stock_queries, verify
from .context import EXIT_OK, Context
from .output import emit, json_default


def cmd_stock(ctx: Context) -> int:
    a = ctx.args
    flt = stock_queries.StockFilter(
        depot_codes=tuple(a.depot or ()),
        item_code=a.item,
        category_code=a.category,
        text=a.text or "",
        expiring_within_days=a.expiring,
        expired_only=a.expired,
    )
    uow, actor = ctx.uow, ctx.actor
    if a.by == "lot":
        emit(
            a,
            stock_queries.stock_by_lot(uow, actor, flt),
            [
                "lot_id",
                "depot_code",
                "item_code",
                "item_name",
                "batch_no",
                "expiry_date",
                "on_hand",
                "reserved",
                "unit",
                "expiry_status",
            ],
        )
    elif a.by in ("item", "depot"):
        rows = stock_queries.stock_by_item(
            uow,
            actor,
            flt,
            per_depot=a.by == "depot",
            sort="depot_code" if a.by == "depot" else "item_code",
        )
        cols = [
            "item_code",
            "item_name",
            "spec",
            "on_hand",
            "reserved",
            "in_transit",
            "unit",
            "lots",
            "nearest_expiry",
        ]
        emit(a, rows, ["depot_code", "depot_name", *cols] if a.by == "depot" else cols)
    else:
        emit(
            a,
            stock_queries.stock_by_category(uow, actor, flt),
            ["category_code", "category_name", "on_hand", "unit", "items", "lots", "value"],
        )
    return EXIT_OK


def cmd_ledger(ctx: Context) -> int:
    a = ctx.args
    flt = ledger_queries.LedgerFilter(
        depot_codes=tuple(a.depot or ()),
        item_code=a.item,
        doc_no=a.document,
        kind=a.kind,
        date_from=a.date_from,
        date_to=a.date_to,
        text=a.text or "",
    )
    rows = ledger_queries.ledger(ctx.uow, ctx.actor, flt, limit=a.limit)
    emit(
        a,
        rows,
        [
            "movement_id",
            "doc_date",
            "doc_no",
            "kind",
            "depot_code",
            "item_code",
            "item_name",
            "batch_no",
            "delta",
            "stock_after",
            "unit",
            "user",
            "reverses_movement_id",
            "reversed_by_movement_id",
        ],
    )
    return EXIT_OK


def cmd_verify(ctx: Context) -> int:
    report = verify.verify(ctx.uow, ctx.actor)
    zh = not ctx.args.lang.startswith("en")
    if ctx.args.json:
        print(json.dumps(asdict(report), ensure_ascii=False, default=json_default))
    else:
        print(
            (f"已核对 {report.movements} 条流水、{report.lots} 个批次、{report.documents} 张单据。")
            if zh
            else (
                f"Checked {report.movements} movements, {report.lots} lots, "
                f"{report.documents} documents."
            )
        )
        for problem in report.problems:
            print(problem)
        print(
            "账链校验码（请另行保存，用于日后比对）："
            if zh
            else "History chain heads (keep a copy elsewhere):"
        )
        for head in report.heads:
            print(f"  {head.depot_code}  #{head.seq}  {head.hash}")
        print(
            ("总校验码（打印在报表页脚）：" if zh else "Combined code (printed on reports): ")
            + report.anchor
        )
    problems = list(report.problems)
    if ctx.args.against is not None:
        anchor = verify.read_anchor(ctx.args.against)
        against = verify.check_anchor(ctx.uow, ctx.actor, anchor)
        problems += against
        if not ctx.args.json:
            for problem in against:
                print(problem)
            if not against:
                print(
                    f"与 {ctx.args.against} 中的 {len(anchor)} 个校验码比对一致：此前的记录未被改动。"
                    if zh
                    else f"Matches the {len(anchor)} anchored heads in {ctx.args.against}:"
                    " the history up to them is unchanged."
                )
    if ctx.args.heads_out is not None:
        verify.write_anchor(report, ctx.args.heads_out)
    if not problems:
        if not ctx.args.json:
            print("校验通过：账账相符。" if zh else "All invariants hold.")
        return EXIT_OK
    raise VerificationFailed(problems=len(problems), first=problems[0])
