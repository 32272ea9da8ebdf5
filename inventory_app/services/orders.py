"""调拨指令 (allocation order): drafted, submitted, approved by someone else, then shipped.

Approval (and the emergency branch) is in `approvals`, shipping in `shipping`.

Approval reserves every line on specific lots (first-expiring-first at the line's source
depot, skipping expired lots unless one is named), so two orders can never promise the
same units. An emergency order (紧急) may be approved on a recorded phone approval and
shipped at once; its written approval is due within 48 hours. Cancelling (only before
anything shipped) or completing releases what was not shipped. Shipping is in `shipping`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, insert

from ..domain.documents import LinkRole
from ..domain.errors import (
    EmptyDocument,
    InvalidInput,
    LotMismatch,
)
from ..domain.ledger import require_reason
from ..domain.model import DocState, DocType, PostingResult, Purpose
from ..domain.orders import OrderLine
from ..domain.permissions import Action, Actor, require
from ..domain.quantities import parse_quantity, to_milli
from ..persistence import repo
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from . import agreements, documents, reservations
from .common import doc_date_or_today
from .documents import DocHead
from .order_steps import decide


def create_order(
    uow: UnitOfWork,
    actor: Actor,
    *,
    lines: Sequence[OrderLine],
    receiving_unit: str,
    request_id: str,
    depot: str | None = None,
    receiving_depot: str | None = None,
    request_no: str | None = None,
    place: str = "",
    receiver: str = "",
    receiver_phone: str = "",
    sender: str = "",
    sender_phone: str = "",
    transport_payer: str = "",
    purpose: Purpose | str = Purpose.RELIEF,
    emergency: bool = False,
    submit: bool = False,
    doc_date: date | str | None = None,
    note: str = "",
) -> PostingResult:
    """Draft an order (ZL-…, numbered at `depot`, by default the first line's source depot),
    optionally answering request `request_no`; `submit` hands it to an approver at once."""
    payload = {
        "lines": list(lines),
        "unit": receiving_unit,
        "depot": depot,
        "to_depot": receiving_depot,
        "request": request_no,
        "place": place,
        "receiver": receiver,
        "receiver_phone": receiver_phone,
        "sender": sender,
        "sender_phone": sender_phone,
        "payer": transport_payer,
        "purpose": purpose,
        "emergency": emergency,
        "submit": submit,
        "doc_date": doc_date,
        "note": note,
    }
    why = Purpose(purpose)
    if not receiving_unit.strip():
        raise InvalidInput("receiving_unit", "required")

    def body(conn: Connection) -> documents.Posted:
        require(actor, Action.ORDER)
        if not lines:
            raise EmptyDocument()
        rows = _line_rows(conn, lines)
        # Numbered at the given depot, else at the first line's source depot.
        first = depot or next((line.depot_code for line in lines if line.depot_code), "")
        if not first:
            raise InvalidInput("depot", "required")
        home = repo.depot_by_code(conn, first)
        day = doc_date_or_today(doc_date)
        doc = documents.create(
            conn,
            actor,
            DocType.ORDER,
            home,
            day,
            counterparty=receiving_unit.strip()[:200],
            reference=(request_no or "").strip()[:100],
            purpose=why.value,
            note=note,
        )
        conn.execute(insert(t.document_lines), [{"document_id": doc.id, **r} for r in rows])
        asked = _answer_request(conn, actor, doc, request_no) if request_no else None
        to_depot = repo.depot_by_code(conn, receiving_depot).id if receiving_depot else None
        conn.execute(
            insert(t.order_details).values(
                document_id=doc.id,
                request_document_id=asked,
                receiving_unit=receiving_unit.strip()[:200],
                receiving_depot_id=to_depot,
                place=place.strip()[:200],
                receiver=receiver.strip()[:100],
                receiver_phone=receiver_phone.strip()[:40],
                sender=sender.strip()[:100],
                sender_phone=sender_phone.strip()[:40],
                transport_payer=transport_payer.strip()[:100],
                emergency=bool(emergency),
                oral_approver="",
                oral_method="",
                paperwork_ref="",
            )
        )
        if submit:
            documents.transition(conn, actor, doc, DocState.SUBMITTED)
        return documents.Posted(doc.id)

    return documents.post(uow, actor, "create_order", request_id, payload, body)


def _line_rows(conn: Connection, lines: Sequence[OrderLine]) -> list[dict[str, Any]]:
    """Validate every line before anything is written."""
    rows = []
    for line_no, line in enumerate(lines, 1):
        item = repo.item_by_code(conn, line.item_code)
        qty = parse_quantity(line.quantity, item.decimals)
        if line.agreement_no:
            rows.append(
                {
                    "line_no": line_no,
                    "item_id": item.id,
                    "lot_id": None,
                    "quantity": to_milli(qty),
                    "note": "",
                    "depot_id": None,
                    "agreement_id": agreements.agreement_id(conn, line.agreement_no, item.id),
                }
            )
            continue
        source = repo.depot_by_code(conn, line.depot_code)
        if line.lot_id is not None:
            lot = repo.lot_row(conn, int(line.lot_id))
            if (lot.item_id, lot.depot_id) != (item.id, source.id):
                raise LotMismatch(line.lot_id, f"{item.code}@{source.code}")
        rows.append(
            {
                "line_no": line_no,
                "item_id": item.id,
                "lot_id": line.lot_id,
                "quantity": to_milli(qty),
                "note": "",
                "depot_id": source.id,
                "agreement_id": None,
            }
        )
    return rows


def _answer_request(conn: Connection, actor: Actor, order: DocHead, request_no: str) -> int:
    asked = documents.load(conn, request_no)
    documents.require_kind(asked, DocType.REQUEST, "answer")
    documents.transition(conn, actor, asked, DocState.COMPLETED, order.doc_no)
    documents.link(conn, actor, asked, order, LinkRole.REQUEST_ORDER)
    return asked.id


def submit_order(uow: UnitOfWork, actor: Actor, *, doc_no: str, request_id: str) -> PostingResult:
    """草稿 (or 驳回) → 已提交: hand the order to an approver."""

    def step(conn: Connection, doc: DocHead) -> None:
        require(actor, Action.ORDER)
        documents.transition(conn, actor, doc, DocState.SUBMITTED)

    return decide(uow, actor, "submit", doc_no, request_id, {"doc_no": doc_no}, step)


def reject_order(
    uow: UnitOfWork, actor: Actor, *, doc_no: str, reason: str, request_id: str
) -> PostingResult:
    """已提交 → 驳回, back to the requester with a reason (they may fix and resubmit)."""
    payload = {"doc_no": doc_no, "reason": reason}

    def step(conn: Connection, doc: DocHead) -> None:
        require(actor, Action.APPROVE)
        why = require_reason(reason)
        documents.transition(conn, actor, doc, DocState.REJECTED, why)

    return decide(uow, actor, "reject", doc_no, request_id, payload, step)


def cancel_order(
    uow: UnitOfWork, actor: Actor, *, doc_no: str, reason: str, request_id: str
) -> PostingResult:
    """作废, only before anything shipped; an approved order releases its reservations."""
    payload = {"doc_no": doc_no, "reason": reason}

    def step(conn: Connection, doc: DocHead) -> None:
        require(actor, Action.ORDER)
        why = require_reason(reason)
        documents.check_can(doc, DocState.CANCELLED)
        reservations.release_all(conn, doc.id)
        documents.transition(conn, actor, doc, DocState.CANCELLED, why)

    return decide(uow, actor, "cancel", doc_no, request_id, payload, step)


def complete_order(
    uow: UnitOfWork, actor: Actor, *, doc_no: str, request_id: str, note: str = ""
) -> PostingResult:
    """已完成: after signing, or closing a partly shipped order short (the rest is released)."""
    payload = {"doc_no": doc_no, "note": note}

    def step(conn: Connection, doc: DocHead) -> None:
        require(actor, Action.ORDER)
        documents.check_can(doc, DocState.COMPLETED)
        reservations.release_all(conn, doc.id)
        documents.transition(conn, actor, doc, DocState.COMPLETED, note.strip())

    return decide(uow, actor, "complete", doc_no, request_id, payload, step)
