"""Approving allocation orders: by a second user, or by phone in an emergency (48 h for
the written approval). Approval reserves every line's lots first-expiring-first at its
source depot (all or nothing), checks agreement capacity, and needs the owner's recorded
consent before releasing stock another organisation owns."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import Connection, select, update

from ..domain.errors import InvalidInput, NotEmergency, OwnerConsentRequired, SelfApproval
from ..domain.model import DocState, MovementKind, OutLine, PostingResult
from ..domain.orders import paperwork_due
from ..domain.permissions import Action, Actor, require, require_other_approver
from ..domain.quantities import from_milli
from ..persistence import repo
from ..persistence import tables as t
from ..persistence.repo import DepotRec
from ..persistence.uow import UnitOfWork
from . import agreements, documents, reservations, stock_moves
from .common import doc_date_or_today, utcnow
from .documents import DocHead
from .order_steps import decide
from .reservations import Hold


def _requester_id(conn: Connection, doc: DocHead) -> int | None:
    """Who filed the request the order answers (they may not approve it either)."""
    asked = conn.execute(
        select(t.documents.c.created_by)
        .join(t.order_details, t.order_details.c.request_document_id == t.documents.c.id)
        .where(t.order_details.c.document_id == doc.id)
    ).scalar()
    return int(asked) if asked is not None else None


def approve_order(
    uow: UnitOfWork,
    actor: Actor,
    *,
    doc_no: str,
    request_id: str,
    note: str = "",
    owner_consent: str = "",
) -> PostingResult:
    """已提交 → 已批准 by someone who neither created nor requested it; reserves the lots.

    `owner_consent` names who, for the owner, agreed to release stock another organisation
    owns (e.g. the city's tents pre-positioned in a county depot); required then."""
    payload = {"doc_no": doc_no, "note": note, "consent": owner_consent}

    def step(conn: Connection, doc: DocHead) -> None:
        require_other_approver(doc.created_by, actor)
        if _requester_id(conn, doc) == actor.user_id:
            raise SelfApproval()
        documents.check_can(doc, DocState.APPROVED)
        consent = _reserve(conn, doc, owner_consent)
        now = utcnow()
        conn.execute(
            update(t.order_details)
            .where(t.order_details.c.document_id == doc.id)
            .values(approved_by=actor.user_id, approved_at=now)
        )
        text = "；".join(x for x in (note.strip(), consent) if x)
        documents.transition(conn, actor, doc, DocState.APPROVED, text)

    return decide(uow, actor, "approve", doc_no, request_id, payload, step)


def approve_by_phone(
    uow: UnitOfWork,
    actor: Actor,
    *,
    doc_no: str,
    oral_approver: str,
    method: str,
    request_id: str,
    approved_at: datetime | None = None,
    owner_consent: str = "",
) -> PostingResult:
    """Emergency branch: record who approved an urgent order orally, when and how; the
    order is approved (its lots reserved) and may ship at once. The written approval is
    due 48 hours after the oral one (`complete_paperwork`)."""
    payload = {
        "doc_no": doc_no,
        "who": oral_approver,
        "how": method,
        "at": approved_at,
        "consent": owner_consent,
    }
    who = oral_approver.strip()
    if not who:
        raise InvalidInput("oral_approver", "required")

    def step(conn: Connection, doc: DocHead) -> None:
        require(actor, Action.ORDER)
        emergency = conn.execute(
            select(t.order_details.c.emergency).where(t.order_details.c.document_id == doc.id)
        ).scalar()
        if not emergency:
            raise NotEmergency(doc.doc_no)
        documents.check_can(doc, DocState.APPROVED)
        consent = _reserve(conn, doc, owner_consent)
        when = approved_at or utcnow()
        conn.execute(
            update(t.order_details)
            .where(t.order_details.c.document_id == doc.id)
            .values(
                oral_approver=who[:100],
                oral_approved_at=when,
                oral_method=method.strip()[:60],
                paperwork_due_at=paperwork_due(when),
            )
        )
        text = "；".join(x for x in (f"{who} / {method.strip()}", consent) if x)
        documents.transition(conn, actor, doc, DocState.APPROVED, text)

    return decide(uow, actor, "approve", doc_no, request_id, payload, step)


def complete_paperwork(
    uow: UnitOfWork, actor: Actor, *, doc_no: str, reference: str, request_id: str
) -> PostingResult:
    """The written approval of a phone-approved order arrived: an approver who did not
    create the order records it (its reference, e.g. the signed instruction's number)."""
    payload = {"doc_no": doc_no, "reference": reference}

    def step(conn: Connection, doc: DocHead) -> None:
        require_other_approver(doc.created_by, actor)
        done = conn.execute(
            update(t.order_details)
            .where(
                t.order_details.c.document_id == doc.id,
                t.order_details.c.paperwork_due_at.is_not(None),
                t.order_details.c.paperwork_done_at.is_(None),
            )
            .values(
                paperwork_done_at=utcnow(),
                paperwork_by=actor.user_id,
                paperwork_ref=reference.strip()[:100],
            )
        ).rowcount
        if done != 1:
            raise NotEmergency(doc.doc_no)
        documents.note_event(conn, actor, doc, f"书面审批 {reference.strip()}")

    return decide(uow, actor, "paperwork", doc_no, request_id, payload, step)


def _reserve(conn: Connection, doc: DocHead, consent: str) -> str:
    """Reserve every line at its source depot: named lots as given (expired ones too, on
    purpose), others first-expiring-first among unexpired lots; all or nothing.

    Stock another organisation owns (pre-positioned or held on its behalf) is released only
    with that owner's consent, recorded by name; returns the text for the event."""
    lines = conn.execute(
        select(t.document_lines)
        .where(t.document_lines.c.document_id == doc.id)
        .order_by(t.document_lines.c.line_no)
    ).all()
    per_depot: dict[int, list] = defaultdict(list)
    day = doc_date_or_today(None)
    for line in lines:
        if line.agreement_id is not None:  # capacity of an enterprise, not stock
            agreements.lock_and_check(conn, int(line.agreement_id), int(line.quantity), day)
            continue
        per_depot[int(line.depot_id)].append(line)
    holds: list[Hold] = []
    for depot_id in sorted(per_depot):
        source = repo.depot_by_id(conn, depot_id)
        holds.extend(_plan_depot(conn, source, per_depot[depot_id], day))
    owners = _other_owners(conn, holds)
    if owners and not consent.strip():
        raise OwnerConsentRequired(doc.doc_no, "、".join(owners))
    reservations.reserve(conn, doc.id, holds)
    return f"所有权单位（{'、'.join(owners)}）同意：{consent.strip()}" if owners else ""


def _other_owners(conn: Connection, holds: Sequence[Hold]) -> list[str]:
    """Names of the organisations owning reserved lots that are not their depot's owner."""
    lot_ids = [h.lot_id for h in holds if h.lot_id is not None]
    if not lot_ids:
        return []
    rows = conn.execute(
        select(t.organisations.c.name)
        .select_from(t.lots)
        .join(t.depots, t.depots.c.id == t.lots.c.depot_id)
        .join(t.organisations, t.organisations.c.id == t.lots.c.owner_org_id)
        .where(t.lots.c.id.in_(lot_ids), t.lots.c.owner_org_id != t.depots.c.owner_org_id)
        .distinct()
    ).scalars()
    return sorted(str(name) for name in rows)


def _plan_depot(conn: Connection, source: DepotRec, lines: Sequence, day: date) -> list[Hold]:
    items = {int(line.item_id): repo.item_by_id(conn, int(line.item_id)) for line in lines}
    outs = [
        OutLine(
            items[int(line.item_id)].code,
            from_milli(int(line.quantity), items[int(line.item_id)].decimals),
            line.lot_id,
        )
        for line in lines
    ]
    planned = stock_moves.plan_withdrawals(conn, source, outs, day, MovementKind.ISSUE)
    # plan_withdrawals numbers the lines it was given 1…n: map back to the order's lines.
    return [
        Hold(int(lines[m.line_no - 1].line_no), m.item, source, -m.delta, m.lot_id) for m in planned
    ]
