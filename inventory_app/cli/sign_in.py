"""Sign-in locks from the command line: list them, and lift one (administrators)."""

from __future__ import annotations

import argparse

from ..services import sign_in
from .context import EXIT_OK, Context
from .output import emit


def cmd_sign_in_locks(ctx: Context) -> int:
    rows = sign_in.throttled(ctx.uow, ctx.actor)
    emit(ctx.args, rows, ["kind", "name", "failures", "last_failed_at", "locked_until"])
    return EXIT_OK


def cmd_unlock_sign_in(ctx: Context) -> int:
    a = ctx.args
    kind, name = (sign_in.HOST, a.host) if a.host else (sign_in.USER, a.user_name)
    sign_in.lift(ctx.uow, ctx.actor, kind, name)
    zh = not a.lang.startswith("en")
    print(f"已解除 {name} 的登录锁定。" if zh else f"Sign-in lock of {name} lifted.")
    return EXIT_OK


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sign-in-locks", help="user names and PCs with wrong passwords in a row")
    p.add_argument("--json", action="store_true")
    p.set_defaults(fn=cmd_sign_in_locks)

    p = sub.add_parser("unlock-sign-in", help="lift the sign-in lock of a user or a PC")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--for-user", dest="user_name", metavar="USERNAME")
    which.add_argument("--host", metavar="PC")
    p.set_defaults(fn=cmd_unlock_sign_in)
