"""Depots by their 简称 in tables, with the full name in the tooltip.

Tables are narrow and two city depots share a long prefix ("中卫市应急物资储备库（柔远镇物流园区）"
and "…（宁夏红科技园）"), so a column shows 柔远镇库 and 宁夏红库; documents, headers and
tooltips keep the full name. Rows carry the full name: this directory, refreshed after sign-in
and whenever master data changes, maps it to the short one.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from ..domain.permissions import Actor
from ..services import reference_queries
from ..services.database import Database
from ..services.rows import DepotRow

_short_by_name: dict[str, str] = {}


def remember(depots: Iterable[DepotRow]) -> None:
    global _short_by_name
    _short_by_name = {d.name: d.short_name for d in depots if d.short_name}


def load(uow: Database, actor: Actor) -> None:
    """Every depot, visible or not: transfers name the other county's depot too."""
    remember(reference_queries.depots(uow, actor, only_visible=False))


def short(name: str) -> str:
    return _short_by_name.get(name, name) if name else name


def tooltip(name: str, code: str | None = None) -> str | None:
    """The full name (and code) behind a short one; None when the cell already shows it all."""
    if not name:
        return None
    if code:
        return QCoreApplication.translate("DepotNames", "{name}\n编码：{code}").format(
            name=name, code=code
        )
    return name if short(name) != name else None
