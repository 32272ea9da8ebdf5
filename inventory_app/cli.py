"""Command line: `inventory-app COMMAND` drives the same services as the GUI."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import uuid
from collections.abc import Sequence
from dataclasses import asdict, fields, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, NoReturn

from .domain.errors import DomainError, InvalidInput, VerificationFailed
from .domain.model import AdjustLine, OutLine, PostingResult, ReceiptLine
from .domain.permissions import Actor
from .messages import error_message
from .persistence.uow import UnitOfWork
from .services import (
    adjustments,
    auth,
    backup,
    database,
    issues,
    ledger_queries,
    receipts,
    reversals,
    stock_queries,
    transfers,
    verify,
    writeoffs,
)

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_VERIFY = 0, 1, 2, 3


class UsageError(Exception):
    """Bad command-line usage, reported as one translated line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _lang(argv: Sequence[str]) -> str:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return os.environ.get("INVENTORY_LANG", "zh")


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    raise TypeError(type(value).__name__)


def _emit(args: argparse.Namespace, rows: Sequence[Any], columns: Sequence[str]) -> None:
    """Print rows as JSON (--json) or as an aligned text table."""
    if args.json:
        print(
            json.dumps(
                [asdict(r) for r in rows], ensure_ascii=False, default=_json_default, indent=1
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
    return str(value)


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)  # CJK glyphs are double width


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _posted(args: argparse.Namespace, result: PostingResult) -> None:
    if args.json:
        print(json.dumps(asdict(result), ensure_ascii=False, default=_json_default))
        return
    zh = not args.lang.startswith("en")
    again = ("（重复请求，返回原结果）" if zh else " (replayed)") if result.replayed else ""
    label = "单据" if zh else "document"
    moves = "流水" if zh else "movements"
    print(
        f"{label} {result.doc_no} [{result.state}] {moves} "
        f"{', '.join(map(str, result.movement_ids))}{again}"
    )


class Context:
    """Opens the database and signs the user in, lazily, for the commands that need it."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._uow: UnitOfWork | None = None
        self._actor: Actor | None = None

    @property
    def uow(self) -> UnitOfWork:
        if self._uow is None:
            self._uow = database.open_database(database.resolve_url(self.args.db))
        return self._uow

    @property
    def actor(self) -> Actor:
        if self._actor is None:
            username = self.args.user or os.environ.get("INVENTORY_USER")
            if not username:
                raise InvalidInput("username", "required")
            password = os.environ.get("INVENTORY_PASSWORD")
            if password is None:
                password = getpass.getpass("密码 / Password: ")
            self._actor = auth.authenticate(self.uow, username, password)
        return self._actor

    def close(self) -> None:
        if self._uow is not None:
            self._uow.engine.dispose()


def _request_id(args: argparse.Namespace) -> str:
    return args.request_id or f"cli-{uuid.uuid4()}"


def _load_lines(path: str, factory: type[Any]) -> list[Any]:
    """A JSON list of objects whose keys are the line's field names."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise InvalidInput("file", "unreadable", path) from error
    if not isinstance(data, list) or not all(isinstance(x, dict) for x in data):
        raise InvalidInput("file", "unreadable", path)
    allowed = {f.name for f in fields(factory)}
    lines = []
    for entry in data:
        unknown = set(entry) - allowed
        if unknown:
            raise InvalidInput("file", "unknown_field", ",".join(sorted(unknown)))
        lines.append(factory(**entry))
    return lines


def cmd_init(ctx: Context) -> int:
    from .services import demo

    args = ctx.args
    url = database.resolve_url(args.db)
    uow = database.open_database(url, create=True, durable=not args.demo)
    ctx._uow = uow
    if args.demo:
        if not database.is_empty(uow):
            print(
                "数据库已有数据，未重复载入演示数据。"
                if not args.lang.startswith("en")
                else "The database already has data; demo data not loaded again."
            )
        else:
            summary = demo.load_demo(uow, progress=lambda text: print(text, file=sys.stderr))
            print(summary)
    elif args.admin_user and database.is_empty(uow):
        password = os.environ.get("INVENTORY_PASSWORD") or getpass.getpass(
            "管理员密码 / Password: "
        )
        system = auth.system_actor(uow)
        auth.create_user(
            uow,
            system,
            username=args.admin_user,
            password=password,
            role="admin",
            display_name=args.admin_user,
        )
    print(database.describe(url))
    return EXIT_OK


def cmd_receive(ctx: Context) -> int:
    a = ctx.args
    lines = (
        _load_lines(a.lines, ReceiptLine)
        if a.lines
        else [
            ReceiptLine(
                item_code=_need(a.item, "item"),
                quantity=_need(a.qty, "quantity"),
                batch_no=a.batch or "",
                production_date=a.production_date,
                expiry_date=a.expiry,
                location_code=a.location,
                unit_price=a.price,
                owner_org_code=a.owner,
                custodian_org_code=a.custodian,
                supplier=a.supplier or "",
            )
        ]
    )
    _posted(
        a,
        receipts.receive(
            ctx.uow,
            ctx.actor,
            depot=a.depot,
            lines=lines,
            request_id=_request_id(a),
            doc_date=a.doc_date,
            source=a.source,
            supplier=a.supplier or "",
            reference=a.reference or "",
            note=a.note or "",
        ),
    )
    return EXIT_OK


def _need(value: Any, field: str) -> Any:
    if value in (None, ""):
        raise InvalidInput(field, "required")
    return value


def _out_lines(a: argparse.Namespace) -> list[OutLine]:
    if a.lines:
        return _load_lines(a.lines, OutLine)
    return [
        OutLine(item_code=_need(a.item, "item"), quantity=_need(a.qty, "quantity"), lot_id=a.lot)
    ]


def cmd_issue(ctx: Context) -> int:
    a = ctx.args
    _posted(
        a,
        issues.issue(
            ctx.uow,
            ctx.actor,
            depot=a.depot,
            lines=_out_lines(a),
            request_id=_request_id(a),
            doc_date=a.doc_date,
            receiver=a.receiver or "",
            reference=a.reference or "",
            purpose=a.purpose,
            note=a.note or "",
        ),
    )
    return EXIT_OK


def cmd_transfer(ctx: Context) -> int:
    a = ctx.args
    _posted(
        a,
        transfers.transfer_send(
            ctx.uow,
            ctx.actor,
            from_depot=a.from_depot,
            to_depot=a.to_depot,
            lines=_out_lines(a),
            request_id=_request_id(a),
            doc_date=a.doc_date,
            reference=a.reference or "",
            purpose=a.purpose,
            note=a.note or "",
        ),
    )
    return EXIT_OK


def cmd_transfer_receive(ctx: Context) -> int:
    a = ctx.args
    _posted(
        a,
        transfers.transfer_receive(
            ctx.uow,
            ctx.actor,
            doc_no=a.doc_no,
            request_id=_request_id(a),
            location=a.location,
            doc_date=a.doc_date,
        ),
    )
    return EXIT_OK


def cmd_adjust(ctx: Context) -> int:
    a = ctx.args
    lines = (
        _load_lines(a.lines, AdjustLine)
        if a.lines
        else [AdjustLine(lot_id=_need(a.lot, "lot"), delta=_need(a.qty, "quantity"))]
    )
    _posted(
        a,
        adjustments.adjust(
            ctx.uow,
            ctx.actor,
            depot=a.depot,
            lines=lines,
            reason=a.reason,
            request_id=_request_id(a),
            doc_date=a.doc_date,
        ),
    )
    return EXIT_OK


def cmd_reverse(ctx: Context) -> int:
    a = ctx.args
    if a.movement_id is None and not a.document:
        raise InvalidInput("target", "movement_or_document")
    _posted(
        a,
        reversals.reverse(
            ctx.uow,
            ctx.actor,
            movement_id=a.movement_id,
            doc_no=a.document,
            reason=a.reason,
            request_id=_request_id(a),
            doc_date=a.doc_date,
        ),
    )
    return EXIT_OK


def cmd_scrap(ctx: Context) -> int:
    a = ctx.args
    _posted(
        a,
        writeoffs.request_scrap(
            ctx.uow,
            ctx.actor,
            depot=a.depot,
            reason=a.reason,
            request_id=_request_id(a),
            doc_date=a.doc_date,
            lines=[
                OutLine(
                    item_code=_need(a.item, "item"),
                    quantity=_need(a.qty, "quantity"),
                    lot_id=_need(a.lot, "lot"),
                )
            ],
        ),
    )
    return EXIT_OK


def cmd_decide(ctx: Context) -> int:
    a = ctx.args
    _posted(
        a,
        writeoffs.decide_scrap(
            ctx.uow,
            ctx.actor,
            doc_no=a.doc_no,
            approve=a.command == "approve",
            request_id=_request_id(a),
            note=a.note or "",
        ),
    )
    return EXIT_OK


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
        _emit(
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
        _emit(a, rows, ["depot_code", "depot_name", *cols] if a.by == "depot" else cols)
    else:
        _emit(
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
    _emit(
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
        print(json.dumps(asdict(report), ensure_ascii=False, default=_json_default))
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
    if report.ok:
        print("校验通过：账账相符。" if zh else "All invariants hold.")
        return EXIT_OK
    raise VerificationFailed(problems=len(report.problems), first=report.problems[0])


def cmd_backup(ctx: Context) -> int:
    print(backup.backup(ctx.uow, ctx.actor, ctx.args.path))
    return EXIT_OK


def cmd_restore(ctx: Context) -> int:
    kept = backup.restore(ctx.uow, ctx.actor, ctx.args.path)
    zh = not ctx.args.lang.startswith("en")
    print(
        f"已恢复；原数据库另存为 {kept}"
        if zh
        else f"Restored; the previous database is kept as {kept}"
    )
    return EXIT_OK


def cmd_user_add(ctx: Context) -> int:
    a = ctx.args
    password = os.environ.get("INVENTORY_NEW_PASSWORD") or getpass.getpass(
        "新用户密码 / Password: "
    )
    auth.create_user(
        ctx.uow,
        ctx.actor,
        username=a.username,
        password=password,
        role=a.role,
        display_name=a.display_name or "",
        depots=a.depot or (),
    )
    print(a.username)
    return EXIT_OK


def _add_doc_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--request-id", help="client request id; replaying it posts nothing twice")
    p.add_argument("--doc-date", help="document date YYYY-MM-DD (default today)")
    p.add_argument("--json", action="store_true")


def _add_out_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--item")
    p.add_argument("--qty")
    p.add_argument("--lot", type=int, help="ship from this lot (default first-expiring-first)")
    p.add_argument("--lines", help="JSON file with several lines")
    p.add_argument("--reference", help="allocation order / contract no.")
    p.add_argument(
        "--purpose",
        default="relief",
        choices=["relief", "preposition", "drill", "rotation", "other"],
    )
    p.add_argument("--note")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="inventory-app", description="应急物资储备管理系统")
    parser.add_argument("--db", help="database URL or SQLite file (env INVENTORY_DB_URL)")
    parser.add_argument(
        "--user",
        help="user name (env INVENTORY_USER); password from INVENTORY_PASSWORD or a prompt",
    )
    parser.add_argument(
        "--lang", default=os.environ.get("INVENTORY_LANG", "zh"), choices=["zh", "en"]
    )
    parser.add_argument(
        "--demo", action="store_true", help="(GUI) create the demo database first if there is none"
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    p = sub.add_parser("init", help="create or migrate the database")
    p.add_argument("--demo", action="store_true", help="load the Zhongwei demo data")
    p.add_argument("--admin-user", help="create this administrator in an empty database")
    p.set_defaults(fn=cmd_init)

    p = sub.add_parser("receive", help="入库")
    p.add_argument("--depot", required=True)
    p.add_argument("--item")
    p.add_argument("--qty")
    p.add_argument("--batch")
    p.add_argument("--production-date")
    p.add_argument("--expiry")
    p.add_argument("--location")
    p.add_argument("--price", help="unit price in yuan")
    p.add_argument("--owner", help="owner organisation code (default: the depot's owner)")
    p.add_argument("--custodian", help="custodian organisation code")
    p.add_argument("--supplier")
    p.add_argument(
        "--source",
        default="purchase",
        choices=["purchase", "donation", "return", "opening", "transfer"],
    )
    p.add_argument("--reference")
    p.add_argument("--note")
    p.add_argument("--lines", help="JSON file with several lines")
    _add_doc_options(p)
    p.set_defaults(fn=cmd_receive)

    p = sub.add_parser("issue", help="出库")
    p.add_argument("--depot", required=True)
    p.add_argument("--receiver")
    _add_out_options(p)
    _add_doc_options(p)
    p.set_defaults(fn=cmd_issue)

    p = sub.add_parser("transfer", help="调拨（发出）")
    p.add_argument("--from", dest="from_depot", required=True)
    p.add_argument("--to", dest="to_depot", required=True)
    _add_out_options(p)
    _add_doc_options(p)
    p.set_defaults(fn=cmd_transfer, purpose="preposition")

    p = sub.add_parser("transfer-receive", help="调拨（接收）")
    p.add_argument("doc_no")
    p.add_argument("--location")
    _add_doc_options(p)
    p.set_defaults(fn=cmd_transfer_receive)

    p = sub.add_parser("adjust", help="调整")
    p.add_argument("--depot", required=True)
    p.add_argument("--lot", type=int)
    p.add_argument("--qty", help="signed quantity, e.g. -2")
    p.add_argument("--reason", required=True)
    p.add_argument("--lines", help="JSON file with several lines")
    _add_doc_options(p)
    p.set_defaults(fn=cmd_adjust)

    p = sub.add_parser("reverse", help="冲销")
    p.add_argument("movement_id", nargs="?", type=int)
    p.add_argument("--document", help="reverse every open line of this document")
    p.add_argument("--reason", required=True)
    _add_doc_options(p)
    p.set_defaults(fn=cmd_reverse)

    p = sub.add_parser("scrap", help="报废申请 (needs approval by someone else)")
    p.add_argument("--depot", required=True)
    p.add_argument("--item", required=True)
    p.add_argument("--lot", type=int, required=True)
    p.add_argument("--qty", required=True)
    p.add_argument("--reason", required=True)
    _add_doc_options(p)
    p.set_defaults(fn=cmd_scrap)

    for name, text in (("approve", "批准报废申请"), ("reject", "驳回报废申请")):
        p = sub.add_parser(name, help=text)
        p.add_argument("doc_no")
        p.add_argument("--note")
        _add_doc_options(p)
        p.set_defaults(fn=cmd_decide)

    p = sub.add_parser("stock", help="库存")
    p.add_argument("--depot", action="append")
    p.add_argument("--item")
    p.add_argument("--category")
    p.add_argument("--text")
    p.add_argument("--expiring", type=int, metavar="DAYS")
    p.add_argument("--expired", action="store_true")
    p.add_argument("--by", default="item", choices=["lot", "item", "depot", "category"])
    p.add_argument("--json", action="store_true")
    p.set_defaults(fn=cmd_stock)

    p = sub.add_parser("ledger", help="台账")
    p.add_argument("--depot", action="append")
    p.add_argument("--item")
    p.add_argument("--document")
    p.add_argument("--kind")
    p.add_argument("--from", dest="date_from", type=date.fromisoformat)
    p.add_argument("--to", dest="date_to", type=date.fromisoformat)
    p.add_argument("--text")
    p.add_argument("--limit", type=int, default=200)
    p.add_argument("--json", action="store_true")
    p.set_defaults(fn=cmd_ledger)

    p = sub.add_parser("verify", help="recompute balances from the ledger and check invariants")
    p.add_argument("--json", action="store_true")
    p.set_defaults(fn=cmd_verify)

    p = sub.add_parser("backup", help="online backup of the SQLite database")
    p.add_argument("path")
    p.set_defaults(fn=cmd_backup)

    p = sub.add_parser("restore", help="restore a verified backup")
    p.add_argument("path")
    p.set_defaults(fn=cmd_restore)

    p = sub.add_parser("user-add", help="create a user (password from INVENTORY_NEW_PASSWORD)")
    p.add_argument("username")
    p.add_argument(
        "--role", required=True, choices=["keeper", "approver", "planner", "auditor", "admin"]
    )
    p.add_argument("--display-name")
    p.add_argument("--depot", action="append")
    p.set_defaults(fn=cmd_user_add)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _lang(argv)
    try:
        args = build_parser().parse_args(argv)
    except UsageError as error:
        prefix = "命令行参数错误：" if not lang.startswith("en") else "Usage error: "
        print(prefix + str(error), file=sys.stderr)
        return EXIT_USAGE
    if args.command is None:
        from .app import run_gui

        return run_gui(
            db=args.db, demo=args.demo, lang=args.lang if "--lang" in " ".join(argv) else None
        )
    ctx = Context(args)
    try:
        return int(args.fn(ctx))
    except VerificationFailed as error:
        print(error_message(error, args.lang), file=sys.stderr)
        return EXIT_VERIFY
    except DomainError as error:
        print(error_message(error, args.lang), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `inventory-app ledger | head`: the reader left; that is not an error.
        sys.stderr.close()
        return EXIT_OK
    finally:
        ctx.close()


if __name__ == "__main__":
    sys.exit(main())
