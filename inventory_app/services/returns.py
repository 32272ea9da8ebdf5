"""回收单 (return after use): goods of an order come back, each line with its condition.

Good and cleaned goods re-enter stock as new lots (source 回收) at the depot that takes
them back, keeping the batch, dates, owner and price of the lot they were shipped from;
goods for repair or beyond use are recorded on the return and stay out of stock (a
repaired item comes back in with an ordinary receipt). A line can never bring back more
than was shipped on that order line, less what came back before. The return (HS-…) is
linked to its order.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, insert, select

from ..domain.documents import LinkRole
from ..domain.errors import EmptyDocument, InvalidInput, InvalidState
from ..domain.model import DocState, DocType, MovementKind, PostingResult, Source
from ..domain.orders import Condition, ReturnLine
from ..domain.permissions import Action, Actor
from ..domain.quantities import from_milli, parse_quantity, to_milli
from ..persistence import repo
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from . import documents, stock_moves
from .common import doc_date_or_today
from .order_queries import returned_by_line, shipped_by_line
from .stock_moves import Move

# Goods can come back once something was shipped, and after the order is closed.
_SHIPPED_STATES = (
    DocState.PARTIALLY_SHIPPED,
    DocState.SHIPPED,
    DocState.SIGNED,
    DocState.COMPLETED,
)


def record_return(
    uow: UnitOfWork,
    actor: Actor,
    *,
    order_no: str,
    depot: str,
    lines: Sequence[ReturnLine],
    request_id: str,
    location: str | None = None,
    doc_date: date | str | None = None,
    note: str = "",
) -> PostingResult:
    """Take goods of `order_no` back into `depot` (Action.RECEIVE there)."""
    payload = {
        "order": order_no,
        "depot": depot,
        "lines": list(lines),
        "location": location,
        "doc_date": doc_date,
        "note": note,
    }

    def body(conn: Connection) -> documents.Posted:
        dep = documents.depot_for(conn, actor, Action.RECEIVE, depot)
        order = documents.load(conn, order_no)
        documents.require_kind(order, DocType.ORDER, "return")
        if order.state not in _SHIPPED_STATES:
            raise InvalidState(order.doc_no, order.state, "return")
        if not lines:
            raise EmptyDocument()
        day = doc_date_or_today(doc_date)
        location_id = repo.location_id(conn, dep.id, location)
        planned = _check(conn, order.id, lines)
        doc = documents.create(
            conn,
            actor,
            DocType.RETURN,
            dep,
            day,
            counterparty=_receiving_unit(conn, order.id)[:200],
            reference=order.doc_no,
            purpose=Source.RETURN.value,
            note=note,
        )
        documents.link(conn, actor, order, doc, LinkRole.ORDER_RETURN)
        moves: list[Move] = []
        for line, milli, origin in planned:
            lot_id = None
            if Condition(line.condition).restocks:
                item = repo.item_by_id(conn, origin.item_id)
                lot_id = _new_lot(conn, doc.id, dep, item, day, location_id, origin)
                moves.append(Move(lot_id, item, dep, milli, MovementKind.RECEIVE, len(moves) + 1))
            conn.execute(
                insert(t.return_lines).values(
                    document_id=doc.id,
                    order_document_id=order.id,
                    order_line_no=int(line.line_no),
                    item_id=origin.item_id,
                    quantity=milli,
                    condition=Condition(line.condition).value,
                    lot_id=lot_id,
                    note=line.note.strip()[:500],
                )
            )
        ids = stock_moves.apply(conn, actor, doc.id, day, moves)
        return documents.Posted(doc.id, ids)

    return documents.post(uow, actor, "record_return", request_id, payload, body)


def _check(
    conn: Connection, order_id: int, lines: Sequence[ReturnLine]
) -> list[tuple[ReturnLine, int, Any]]:
    """Every line against what was shipped and already returned, before anything is written;
    with the lot each order line was shipped from (its batch, dates and owner come back)."""
    shipped = shipped_by_line(conn, order_id)
    returned = returned_by_line(conn, order_id)
    origins: dict[int, Any] = {}
    for r in conn.execute(
        select(t.reservations.c.line_no, t.lots)
        .join(t.lots, t.lots.c.id == t.reservations.c.lot_id)
        .where(t.reservations.c.document_id == order_id, t.reservations.c.consumed > 0)
        .order_by(t.reservations.c.line_no, t.reservations.c.id)
    ):
        origins.setdefault(int(r.line_no), r)  # the first lot the line shipped from
    taken: dict[int, int] = {}
    planned = []
    for line in lines:
        line_no = int(line.line_no)
        origin = origins.get(line_no)
        if origin is None:
            raise InvalidInput("line", "not_shipped", line_no)
        item = repo.item_by_id(conn, origin.item_id)
        try:
            condition = Condition(line.condition)
        except ValueError:
            raise InvalidInput("condition", "format", line.condition) from None
        milli = to_milli(parse_quantity(line.quantity, item.decimals))
        taken[line_no] = taken.get(line_no, 0) + milli
        left = shipped.get(line_no, 0) - returned.get(line_no, 0)
        if taken[line_no] > left:
            raise InvalidInput("quantity", "more_than_shipped", from_milli(milli, item.decimals))
        planned.append((ReturnLine(line_no, line.quantity, condition, line.note), milli, origin))
    return planned


def _receiving_unit(conn: Connection, order_id: int) -> str:
    return str(
        conn.execute(
            select(t.order_details.c.receiving_unit).where(
                t.order_details.c.document_id == order_id
            )
        ).scalar_one()
    )


def _new_lot(
    conn: Connection,
    document_id: int,
    depot: repo.DepotRec,
    item: repo.ItemRec,
    day: date,
    location_id: int | None,
    origin: Any,
) -> int:
    o = origin  # the lot the goods were shipped from
    return stock_moves.new_lot(
        conn,
        item=item,
        depot=depot,
        document_id=document_id,
        received=day,
        location_id=location_id,
        batch_no=o.batch_no,
        production_date=o.production_date,
        expiry_date=o.expiry_date,
        source=Source.RETURN.value,
        supplier=o.supplier,
        reserve_mode=o.reserve_mode,
        owner_org_id=o.owner_org_id,
        owner_level=o.owner_level,
        custodian_org_id=depot.owner_org_id,
        unit_price_fen=o.unit_price_fen,
        origin_lot_id=o.id,
    )
