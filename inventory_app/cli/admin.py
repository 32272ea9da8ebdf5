"""The administration commands: init, backup, restore, user-add."""

from __future__ import annotations

import sys
from pathlib import Path

from ..services import auth, auto_backup, backup, building, database, first_run
from .context import EXIT_OK, Context, announce_upgrade, ask_password


def cmd_init(ctx: Context) -> int:
    args = ctx.args
    url = database.resolve_url(args.db)
    zh = not args.lang.startswith("en")
    if args.demo:
        progress = lambda text: print(text, file=sys.stderr)  # noqa: E731
        ctx.uow, summary = first_run.demo_database(url, progress=progress)
        if summary is None:
            summary = (
                "数据库已有数据，未重复载入演示数据。"
                if zh
                else "The database already has data; demo data not loaded again."
            )
        print(summary)
    elif args.admin_user and building.is_new_file(database.sqlite_path(url)):
        password = ask_password("INVENTORY_PASSWORD", "管理员密码 / Password: ")
        ctx.uow = first_run.create_empty(url, args.admin_user, password)
    else:
        uow = ctx.uow = database.open_database(url, create=True)
        announce_upgrade(uow, args.lang)
        if args.admin_user and database.is_empty(uow):
            password = ask_password("INVENTORY_PASSWORD", "管理员密码 / Password: ")
            auth.create_user(
                uow,
                auth.system_actor(uow),
                username=args.admin_user,
                password=password,
                role="admin",
                display_name=args.admin_user,
            )
    print(database.describe(url))
    return EXIT_OK


def cmd_backup(ctx: Context) -> int:
    a = ctx.args
    if a.auto:
        policy = auto_backup.Policy(Path(a.path), a.keep_daily, a.keep_monthly)
        print(auto_backup.run(ctx.uow, policy, ctx.actor))
    else:
        print(backup.backup(ctx.uow, ctx.actor, a.path))
    return EXIT_OK


def cmd_restore(ctx: Context) -> int:
    kept = backup.restore(
        ctx.uow, ctx.actor, ctx.args.path, require_checksum=not ctx.args.without_checksum
    )
    zh = not ctx.args.lang.startswith("en")
    print(
        f"已恢复；原数据库另存为 {kept}"
        if zh
        else f"Restored; the previous database is kept as {kept}"
    )
    return EXIT_OK


def cmd_user_add(ctx: Context) -> int:
    a = ctx.args
    password = ask_password("INVENTORY_NEW_PASSWORD", "新用户密码 / Password: ")
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
