"""Read side of the home page and status bar: what needs the signed-in user's attention."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import ColumnElement, Connection, func, select

from ..domain.model import DocState, DocType
from ..domain.permissions import Actor
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from . import ledger_queries, reference_queries, settings, stock_queries
from .common import today
from .rows import CategoryStockRow, DocumentRow, LedgerRow, LotStockRow
from .stock_queries import StockFilter

RECENT_MOVEMENTS = 20
EXPIRING_LOTS_LIMIT = 200


@dataclass(frozen=True)
class DashboardData:
    """Everything the 首页 shows, read in one go so the page fills at once."""

    as_of: date
    near_expiry_days: int
    depots: int
    categories: tuple[CategoryStockRow, ...]
    expiring_lots: tuple[LotStockRow, ...]  # expired first, then by expiry date
    expired_count: int
    near_count: int
    awaiting_receipt: tuple[DocumentRow, ...]
    recent: tuple[LedgerRow, ...]

    @property
    def total_value(self) -> Decimal:
        return sum((row.value for row in self.categories), Decimal("0.00"))

    @property
    def lots(self) -> int:
        return sum(row.lots for row in self.categories)


@dataclass(frozen=True)
class SetupProgress:
    """How far a new deployment is: what the first-start guide on the 首页 ticks off."""

    depots: int
    locations: int
    items: int
    users: int  # besides administrators and the system account
    movements: int

    @property
    def complete(self) -> bool:
        return min(self.depots, self.locations, self.items, self.users, self.movements) > 0


def setup_progress(uow: UnitOfWork) -> SetupProgress:
    def count(conn: Connection, table: t.Table, *conds: ColumnElement[bool]) -> int:
        query = select(func.count()).select_from(table).where(*conds)
        return int(conn.execute(query).scalar() or 0)

    def tx(conn: Connection) -> SetupProgress:
        u = t.users.c
        return SetupProgress(
            depots=count(conn, t.depots),
            locations=count(conn, t.locations),
            items=count(conn, t.items),
            users=count(conn, t.users, u.role != "admin", u.username != "system"),
            movements=int(conn.execute(select(func.max(t.movements.c.id))).scalar() or 0),
        )

    return uow.read(tx)


def _depot_codes(conn: Connection, ids: frozenset[int]) -> set[str]:
    if not ids:
        return set()
    return set(
        conn.execute(select(t.depots.c.code).where(t.depots.c.id.in_(sorted(ids)))).scalars()
    )


def transfers_awaiting_receipt(uow: UnitOfWork, actor: Actor) -> list[DocumentRow]:
    """Transfers in transit to the actor's depots (to every depot for roles that see all).

    ``ledger_queries.documents`` also returns transfers the keeper *sent*; those wait
    for the other side, not for them, so only the destination counts here.
    """
    docs = ledger_queries.documents(
        uow,
        actor,
        states=(DocState.IN_TRANSIT.value,),
        doc_types=(DocType.TRANSFER.value,),
        limit=1000,
    )
    if actor.all_depots:
        return docs
    mine = uow.read(lambda conn: _depot_codes(conn, actor.depot_ids))
    return [doc for doc in docs if doc.other_depot_code in mine]


def near_expiry_days(uow: UnitOfWork) -> int:
    """The editable 临期 threshold (系统设置), falling back to the built-in default."""
    try:
        days = int(settings.get_settings(uow).get("near_expiry_days", ""))
    except ValueError:
        return stock_queries.NEAR_EXPIRY_DAYS
    return days if days > 0 else stock_queries.NEAR_EXPIRY_DAYS


def dashboard(uow: UnitOfWork, actor: Actor) -> DashboardData:
    days = near_expiry_days(uow)
    now = today()
    lots = stock_queries.stock_by_lot(
        uow,
        actor,
        StockFilter(expiring_within_days=days),
        sort="expiry_date",
        limit=EXPIRING_LOTS_LIMIT,
    )
    expiring_total = stock_queries.count_stock_by_lot(
        uow, actor, StockFilter(expiring_within_days=days)
    )
    expired_total = stock_queries.count_stock_by_lot(uow, actor, StockFilter(expired_only=True))
    return DashboardData(
        as_of=now,
        near_expiry_days=days,
        depots=len(reference_queries.depots(uow, actor, include_inactive=False)),
        categories=tuple(stock_queries.stock_by_category(uow, actor)),
        expiring_lots=tuple(lots),
        expired_count=expired_total,
        near_count=expiring_total - expired_total,
        awaiting_receipt=tuple(transfers_awaiting_receipt(uow, actor)),
        recent=tuple(ledger_queries.ledger(uow, actor, limit=RECENT_MOVEMENTS)),
    )
