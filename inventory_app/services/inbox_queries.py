"""Work waiting for the signed-in user on 首页: write-offs to decide, own requests, sends in transit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..domain.model import DocState, DocType
from ..domain.permissions import Action, Actor
from ..persistence.uow import UnitOfWork
from . import ledger_queries, order_queries, reference_queries
from .order_queries import OrderRow
from .rows import DocumentRow

RECENT_REQUESTS = 10  # the keeper's latest write-off requests, whatever their state


@dataclass(frozen=True)
class TransitRow:
    """A transfer this user's depot sent that the other end has not received yet."""

    doc: DocumentRow
    days: int  # whole days since it was sent (its document date)


def pending_scraps(uow: UnitOfWork, actor: Actor) -> list[DocumentRow]:
    """Write-off requests waiting for a decision; empty for users who may not approve."""
    if not actor.can(Action.APPROVE):
        return []
    return ledger_queries.documents(
        uow, actor, states=(DocState.PENDING_APPROVAL.value,), doc_types=(DocType.SCRAP.value,)
    )


def submitted_orders(uow: UnitOfWork, actor: Actor) -> list[OrderRow]:
    """Allocation orders submitted for approval; empty for users who may not approve."""
    if not actor.can(Action.APPROVE):
        return []
    return order_queries.orders(uow, actor, states=(DocState.SUBMITTED.value,))


def scrap_requests(uow: UnitOfWork, actor: Actor) -> list[DocumentRow]:
    """The latest write-offs of the depots where this user may request them, any state."""
    if not actor.can(Action.REQUEST_SCRAP) or actor.all_depots:
        return []  # only keepers follow their own requests here; others have the ledger
    return ledger_queries.documents(
        uow, actor, doc_types=(DocType.SCRAP.value,), limit=RECENT_REQUESTS
    )


def sent_in_transit(uow: UnitOfWork, actor: Actor, today: date | None = None) -> list[TransitRow]:
    """Transfers sent from this user's depots and still in transit, oldest first."""
    if not actor.can(Action.TRANSFER):
        return []
    own = {d.code for d in reference_queries.depots(uow, actor) if actor.can(Action.TRANSFER, d.id)}
    docs = ledger_queries.documents(
        uow, actor, states=(DocState.IN_TRANSIT.value,), doc_types=(DocType.TRANSFER.value,)
    )
    day = today or date.today()
    rows = [TransitRow(d, (day - d.doc_date).days) for d in docs if d.depot_code in own]
    return sorted(rows, key=lambda r: (-r.days, r.doc.doc_no))
