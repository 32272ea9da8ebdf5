"""The argument parser: global options and one sub-command per use case."""

from __future__ import annotations

import argparse
import os
from datetime import date
from pathlib import Path
from typing import NoReturn

from . import agreements as agreement_commands
from . import audit as audit_commands
from . import capacity as capacity_commands
from . import contracts as contract_commands
from . import drills as drill_commands
from . import orders as order_commands
from . import plans as plan_commands
from . import printing as print_commands
from . import requests as request_commands
from . import rotation as rotation_commands
from . import sign_in as sign_in_commands
from .admin import cmd_backup, cmd_init, cmd_restore, cmd_user_add
from .postings import (
    cmd_adjust,
    cmd_decide,
    cmd_issue,
    cmd_receive,
    cmd_reverse,
    cmd_scrap,
    cmd_transfer,
    cmd_transfer_receive,
)
from .queries import cmd_ledger, cmd_stock, cmd_verify


class UsageError(Exception):
    """Bad command-line usage, reported as one translated line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


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
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="(GUI) check the installation: open --db, sign in from INVENTORY_USER/"
        "INVENTORY_PASSWORD, exit 0 once the main window has painted",
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
    p.add_argument("doc_no", nargs="?")
    p.add_argument(
        "--received",
        action="append",
        metavar="LINE:QTY:REASON",
        help="a line that arrived short or damaged: what arrived and why (booked as 途损)",
    )
    p.add_argument("--of-request", help="the document posted with this --request-id")
    p.add_argument("--location")
    _add_doc_options(p)
    p.set_defaults(fn=cmd_transfer_receive)

    p = sub.add_parser("adjust", help="调整")
    p.add_argument("--depot", required=True)
    p.add_argument("--lot", type=int)
    p.add_argument("--batch", help="the lot by its batch number (instead of --lot)")
    p.add_argument("--qty", help="signed quantity, e.g. -2")
    p.add_argument("--reason", required=True)
    p.add_argument("--lines", help="JSON file with several lines")
    _add_doc_options(p)
    p.set_defaults(fn=cmd_adjust)

    p = sub.add_parser("reverse", help="冲销")
    p.add_argument("movement_id", nargs="?", type=int)
    p.add_argument("--document", help="reverse every open line of this document")
    p.add_argument("--of-request", help="the document posted with this --request-id")
    p.add_argument("--reason", required=True)
    _add_doc_options(p)
    p.set_defaults(fn=cmd_reverse)

    p = sub.add_parser("scrap", help="报废申请 (needs approval by someone else)")
    p.add_argument("--depot", required=True)
    p.add_argument("--item", required=True)
    p.add_argument("--lot", type=int)
    p.add_argument("--batch", help="the lot by its batch number (instead of --lot)")
    p.add_argument("--qty", required=True)
    p.add_argument("--reason", required=True)
    _add_doc_options(p)
    p.set_defaults(fn=cmd_scrap)

    for name, text in (("approve", "批准报废申请"), ("reject", "驳回报废申请")):
        p = sub.add_parser(name, help=text)
        p.add_argument("doc_no", nargs="?")
        p.add_argument("--of-request", help="the document posted with this --request-id")
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
    p.add_argument(
        "--heads-out",
        type=Path,
        metavar="FILE",
        help="also write the history chain heads to FILE (an anchor to keep elsewhere)",
    )
    p.add_argument(
        "--against",
        type=Path,
        metavar="FILE",
        help="prove the history up to an earlier anchor (heads file or backup) is unchanged",
    )
    p.set_defaults(fn=cmd_verify)

    p = sub.add_parser("backup", help="online backup of the SQLite database, checked")
    p.add_argument("path", help="a file, or a folder for a dated name")
    p.add_argument(
        "--auto",
        action="store_true",
        help="an automatic backup into the folder PATH, then rotate the automatic ones",
    )
    p.add_argument("--keep-daily", type=int, default=7, help="with --auto (default 7)")
    p.add_argument("--keep-monthly", type=int, default=12, help="with --auto (default 12)")
    p.set_defaults(fn=cmd_backup)

    p = sub.add_parser("restore", help="restore a checked backup (the current one is kept)")
    p.add_argument("path", help="a backup file, or a folder: its newest backup")
    p.add_argument(
        "--without-checksum",
        action="store_true",
        help="accept a backup that has no checksum file (made by hand or by version 0.1)",
    )
    p.set_defaults(fn=cmd_restore)

    p = sub.add_parser("user-add", help="create a user (password from INVENTORY_NEW_PASSWORD)")
    p.add_argument("username")
    p.add_argument(
        "--role", required=True, choices=["keeper", "approver", "planner", "auditor", "admin"]
    )
    p.add_argument("--display-name")
    p.add_argument("--depot", action="append")
    p.set_defaults(fn=cmd_user_add)

    request_commands.add_parser(sub, _add_doc_options)
    order_commands.add_parsers(sub, _add_doc_options)
    drill_commands.add_drill_parser(sub, _add_doc_options)
    agreement_commands.add_parser(sub, _add_doc_options)
    print_commands.add_parsers(sub)
    plan_commands.add_parsers(sub, _add_doc_options)
    contract_commands.add_parsers(sub, _add_doc_options)
    rotation_commands.add_parser(sub, _add_doc_options)
    capacity_commands.add_parser(sub)
    audit_commands.add_parsers(sub, _add_doc_options)
    sign_in_commands.add_parsers(sub)
    return parser
