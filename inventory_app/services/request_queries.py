"""Read side of 调拨申请: the list, and one request with its lines (to answer it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import Connection, Select, func, select

from ..domain.errors import NotFound
from ..domain.model import DocType
from ..domain.permissions import Action, Actor, require
from ..domain.quantities import from_milli
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork


@dataclass(frozen=True)
class RequestRow:
    doc_no: str
    state: str
    doc_date: date
    depot_code: str
    requesting_unit: str
    disaster_type: str
    persons: int
    place: str
    county: str
    receiver: str
    phone: str
    response_hours: int
    created_by: str
    created_by_id: int
    lines: int


@dataclass(frozen=True)
class RequestLineRow:
    line_no: int
    item_code: str
    item_name: str
    spec: str
    unit: str
    quantity: Decimal


def _query() -> Select:
    d, r = t.documents.c, t.request_details.c
    lines = (
        select(func.count())
        .where(t.document_lines.c.document_id == d.id)
        .correlate(t.documents)
        .scalar_subquery()
    )
    return (
        select(
            d.doc_no,
            d.state,
            d.doc_date,
            t.depots.c.code,
            r.requesting_unit,
            r.disaster_type,
            r.persons,
            r.place,
            r.county,
            r.receiver,
            r.phone,
            r.response_hours,
            t.users.c.display_name,
            d.created_by,
            lines.label("lines"),
        )
        .join(t.request_details, r.document_id == d.id)
        .join(t.depots, t.depots.c.id == d.depot_id)
        .join(t.users, t.users.c.id == d.created_by)
        .where(d.doc_type == DocType.REQUEST.value)
    )


def requests(
    uow: UnitOfWork, actor: Actor, *, states: tuple[str, ...] = (), limit: int = 500
) -> list[RequestRow]:
    """Requests, newest first (every role that may view sees them: they concern everyone)."""
    require(actor, Action.VIEW)

    def tx(conn: Connection) -> list[RequestRow]:
        query = _query()
        if states:
            query = query.where(t.documents.c.state.in_(states))
        query = query.order_by(t.documents.c.doc_date.desc(), t.documents.c.id.desc())
        return [RequestRow(*r) for r in conn.execute(query.limit(limit))]

    return uow.read(tx)


def request_view(
    uow: UnitOfWork, actor: Actor, doc_no: str
) -> tuple[RequestRow, list[RequestLineRow]]:
    """One request and its lines."""
    require(actor, Action.VIEW)

    def tx(conn: Connection) -> tuple[RequestRow, list[RequestLineRow]]:
        row = conn.execute(_query().where(t.documents.c.doc_no == doc_no.strip())).first()
        if row is None:
            raise NotFound("document", doc_no)
        dl, item = t.document_lines.c, t.items.c
        lines = [
            RequestLineRow(
                x.line_no, x.code, x.name, x.spec, x.unit, from_milli(x.quantity, x.decimals)
            )
            for x in conn.execute(
                select(
                    dl.line_no,
                    dl.quantity,
                    item.code,
                    item.name,
                    item.spec,
                    item.unit,
                    item.decimals,
                )
                .join(t.items, item.id == dl.item_id)
                .join(t.documents, t.documents.c.id == dl.document_id)
                .where(t.documents.c.doc_no == doc_no.strip())
                .order_by(dl.line_no)
            )
        ]
        return RequestRow(*row), lines

    return uow.read(tx)
