"""What every command receives: its arguments, the database and the signed-in user, lazily."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import uuid
from dataclasses import fields
from pathlib import Path
from typing import Any

from ..domain.errors import InvalidInput, PasswordNeeded
from ..domain.model import OutLine
from ..domain.permissions import Actor
from ..services import auth, balances, database, document_lines
from ..services.database import Database

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_VERIFY = 0, 1, 2, 3


class Context:
    """Opens the database and signs the user in, lazily, for the commands that need it."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._uow: Database | None = None
        self._actor: Actor | None = None

    @property
    def uow(self) -> Database:
        if self._uow is None:
            self._uow = database.open_database(database.resolve_url(self.args.db))
            announce_upgrade(self._uow, self.args.lang)
        return self._uow

    @uow.setter
    def uow(self, uow: Database) -> None:
        """Use this (already opened) database, e.g. the one `init` has just created."""
        self._uow = uow

    @property
    def actor(self) -> Actor:
        if self._actor is None:
            username = self.args.user or os.environ.get("INVENTORY_USER")
            if not username:
                raise InvalidInput("username", "required")
            password = ask_password("INVENTORY_PASSWORD", "密码 / Password: ")
            self._actor = auth.authenticate(self.uow, username, password)
        return self._actor

    def close(self) -> None:
        if self._uow is not None:
            database.close(self._uow)


def announce_upgrade(uow: Database, lang: str) -> None:
    """Say on stderr that opening upgraded the schema, and where the copy taken before is."""
    if uow.upgraded_from is None:
        return
    zh = not lang.startswith("en")
    if uow.upgrade_copy is not None:
        text = (
            f"数据库已从版本 {uow.upgraded_from} 升级；升级前的副本：{uow.upgrade_copy}"
            if zh
            else f"The database was upgraded from version {uow.upgraded_from}; "
            f"a copy taken before: {uow.upgrade_copy}"
        )
    else:
        text = (
            f"数据库已从版本 {uow.upgraded_from} 升级。"
            if zh
            else f"The database was upgraded from version {uow.upgraded_from}."
        )
    print(text, file=sys.stderr)


def ask_password(variable: str, prompt: str) -> str:
    """The password from `variable`, else typed at the terminal; no terminal: one clear line."""
    password = os.environ.get(variable)
    if password is not None:
        return password
    if sys.stdin is None or not sys.stdin.isatty():
        raise PasswordNeeded(variable)
    return getpass.getpass(prompt)


def request_id(args: argparse.Namespace) -> str:
    return args.request_id or f"cli-{uuid.uuid4()}"


def load_lines(path: str, factory: type[Any]) -> list[Any]:
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


def need(value: Any, field: str) -> Any:
    if value in (None, ""):
        raise InvalidInput(field, "required")
    return value


def out_lines(a: argparse.Namespace) -> list[OutLine]:
    if a.lines:
        return load_lines(a.lines, OutLine)
    return [OutLine(item_code=need(a.item, "item"), quantity=need(a.qty, "quantity"), lot_id=a.lot)]


def document_no(ctx: Context) -> str:
    """The document a command is about: named, or found by the request id that posted it."""
    a = ctx.args
    if getattr(a, "of_request", None):
        return document_lines.document_of_request(ctx.uow, ctx.actor, a.of_request)
    return str(need(getattr(a, "doc_no", None), "document"))


def lot_of(ctx: Context, item: str | None = None) -> int:
    """--lot, or the lot of --batch at --depot."""
    a = ctx.args
    if getattr(a, "batch", None):
        return balances.lot_by_batch(ctx.uow, ctx.actor, a.depot, a.batch, item)
    return int(need(a.lot, "lot"))
