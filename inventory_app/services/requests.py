"""调拨申请 (request from an affected area): who asks, for how many people, for what.

A request is filed (submitted at once, or kept as a draft to edit), then answered by an
allocation order (`orders.create_order(..., request_no=…)`) or cancelled. Its lines can be
filled from the relief norms of the catalogue for a number of displaced persons.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, insert, select

from ..domain.errors import EmptyDocument, InvalidInput
from ..domain.model import DocState, DocType, PostingResult, ResponseLevel
from ..domain.orders import NormItem, RequestLine, norm_lines
from ..domain.permissions import Action, Actor, require
from ..domain.quantities import from_milli, parse_quantity, to_milli
from ..persistence import repo
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from . import documents
from .common import doc_date_or_today


def _norm_item(row: Any) -> NormItem:
    def dec(value: int | None) -> Decimal | None:
        return from_milli(int(value), 3) if value else None

    return NormItem(
        row.code,
        int(row.decimals),
        per_person=dec(row.norm_per_person),
        per_tent=dec(row.norm_per_tent),
        persons_per_unit=dec(row.persons_per_unit),
    )


def lines_for_persons(
    uow: UnitOfWork, actor: Actor, persons: int, tent_item: str | None = None
) -> list[RequestLine]:
    """Request lines for sheltering `persons` from the catalogue's norms: the tent item
    (default: the first active item with persons per unit, 棉帐篷 in the demo) and every
    active per-person and per-tent item. The user edits them before submitting."""
    require(actor, Action.VIEW)

    def tx(conn: Connection) -> list[RequestLine]:
        i = t.items.c
        rows = conn.execute(
            select(i.code, i.decimals, i.norm_per_person, i.norm_per_tent, i.persons_per_unit)
            .where(
                i.active.is_(True),
                (i.norm_per_person.is_not(None))
                | (i.norm_per_tent.is_not(None))
                | (i.persons_per_unit.is_not(None)),
            )
            .order_by(i.code)
        ).all()
        norms = [_norm_item(r) for r in rows]
        tents = [n for n in norms if n.persons_per_unit]
        tent = next((n for n in tents if n.code == tent_item), tents[0] if tents else None)
        if tent_item and (tent is None or tent.code != tent_item):
            raise InvalidInput("item", "not_a_tent", tent_item)
        return norm_lines(persons, tent, [n for n in norms if not n.persons_per_unit])

    return uow.read(tx)


def file_request(
    uow: UnitOfWork,
    actor: Actor,
    *,
    depot: str,
    requesting_unit: str,
    lines: Sequence[RequestLine],
    request_id: str,
    persons: int = 0,
    disaster_type: str = "",
    place: str = "",
    county: str = "",
    lat: str | None = None,
    lon: str | None = None,
    receiver: str = "",
    phone: str = "",
    response: ResponseLevel | int = ResponseLevel.PROVINCE,
    doc_date: date | str | None = None,
    draft: bool = False,
    note: str = "",
) -> PostingResult:
    """Register a request at `depot` (it numbers it: SQ-…); submitted unless `draft`."""
    payload = {
        "depot": depot,
        "unit": requesting_unit,
        "lines": list(lines),
        "persons": persons,
        "disaster": disaster_type,
        "place": place,
        "county": county,
        "lat": lat,
        "lon": lon,
        "receiver": receiver,
        "phone": phone,
        "response": int(response),
        "doc_date": doc_date,
        "draft": draft,
        "note": note,
    }
    hours = ResponseLevel(int(response))
    if not requesting_unit.strip():
        raise InvalidInput("requesting_unit", "required")
    if persons < 0:
        raise InvalidInput("persons", "negative", persons)

    def body(conn: Connection) -> documents.Posted:
        require(actor, Action.ORDER)
        dep = repo.depot_by_code(conn, depot)
        if not lines:
            raise EmptyDocument()
        day = doc_date_or_today(doc_date)
        doc = documents.create(
            conn,
            actor,
            DocType.REQUEST,
            dep,
            day,
            DocState.DRAFT if draft else DocState.SUBMITTED,
            counterparty=requesting_unit.strip()[:200],
            note=note,
            purpose="relief",
        )
        conn.execute(
            insert(t.request_details).values(
                document_id=doc.id,
                requesting_unit=requesting_unit.strip()[:200],
                disaster_type=disaster_type.strip()[:60],
                persons=int(persons),
                place=place.strip()[:200],
                county=county.strip()[:100],
                lat=(lat or "").strip() or None,
                lon=(lon or "").strip() or None,
                receiver=receiver.strip()[:100],
                phone=phone.strip()[:40],
                response_hours=int(hours),
            )
        )
        rows = []
        for line_no, line in enumerate(lines, 1):
            item = repo.item_by_code(conn, line.item_code)
            qty = parse_quantity(line.quantity, item.decimals)
            rows.append(
                {
                    "document_id": doc.id,
                    "line_no": line_no,
                    "item_id": item.id,
                    "lot_id": None,
                    "quantity": to_milli(qty),
                    "note": "",
                    "depot_id": None,
                }
            )
        conn.execute(insert(t.document_lines), rows)
        return documents.Posted(doc.id)

    return documents.post(uow, actor, "file_request", request_id, payload, body)


def submit_request(uow: UnitOfWork, actor: Actor, *, doc_no: str, request_id: str) -> PostingResult:
    """草稿 → 已提交."""

    def body(conn: Connection) -> documents.Posted:
        require(actor, Action.ORDER)
        doc = documents.load(conn, doc_no)
        documents.require_kind(doc, DocType.REQUEST, "submit")
        documents.transition(conn, actor, doc, DocState.SUBMITTED)
        return documents.Posted(doc.id)

    return documents.post(uow, actor, "submit_request", request_id, {"doc_no": doc_no}, body)


def cancel_request(
    uow: UnitOfWork, actor: Actor, *, doc_no: str, reason: str, request_id: str
) -> PostingResult:
    """作废 a request nobody has answered."""
    payload = {"doc_no": doc_no, "reason": reason}

    def body(conn: Connection) -> documents.Posted:
        require(actor, Action.ORDER)
        doc = documents.load(conn, doc_no)
        documents.require_kind(doc, DocType.REQUEST, "cancel")
        documents.transition(conn, actor, doc, DocState.CANCELLED, reason.strip())
        return documents.Posted(doc.id)

    return documents.post(uow, actor, "cancel_request", request_id, payload, body)
