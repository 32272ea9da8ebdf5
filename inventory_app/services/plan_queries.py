"""Saved plans: the list of versions, one plan with its lines, and a revision's differences."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import Connection, select

from ..domain.errors import NotFound
from ..domain.model import DocState, DocType
from ..domain.permissions import Action, Actor, require
from ..domain.quantities import from_milli
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from . import documents
from .plan_generate import PlanChange, PlanLine, PlanView, assemble, make_line

APPROVER = t.users.alias("approver")


@dataclass(frozen=True)
class PlanRow:
    doc_no: str
    state: str
    version: int
    revises: str
    target: str
    owner_name: str
    persons: int
    years: str
    total_amount: Decimal
    approved_by: str
    approved_at: datetime | None


def list_plans(uow: UnitOfWork, actor: Actor) -> list[PlanRow]:
    require(actor, Action.VIEW)

    def tx(conn: Connection) -> list[PlanRow]:
        d = t.documents.c
        ids = conn.execute(
            select(d.doc_no).where(d.doc_type == DocType.PLAN.value).order_by(d.id.desc())
        ).scalars()
        rows = []
        for doc_no in list(ids):
            view = load_view(conn, doc_no)
            rows.append(
                PlanRow(
                    view.doc_no,
                    view.state,
                    view.version,
                    view.revises,
                    view.target,
                    view.owner_name,
                    view.persons,
                    f"{view.years[0]}–{view.years[-1]}",
                    view.total_amount,
                    view.approved_by,
                    view.approved_at,
                )
            )
        return rows

    return uow.read(tx)


def show(uow: UnitOfWork, actor: Actor, doc_no: str) -> PlanView:
    require(actor, Action.VIEW)
    return uow.read(lambda conn: load_view(conn, doc_no))


def current_plan(conn: Connection, owner_id: int) -> str | None:
    """The owner's approved (current) plan, newest first."""
    d, pd = t.documents.c, t.plan_details.c
    return conn.execute(
        select(d.doc_no)
        .join(t.plan_details, pd.document_id == d.id)
        .where(pd.owner_org_id == owner_id, d.state == DocState.APPROVED.value)
        .order_by(d.id.desc())
    ).scalar()


def load_view(conn: Connection, doc_no: str, with_changes: bool = True) -> PlanView:
    doc = _head(conn, doc_no)
    documents.require_kind(doc, DocType.PLAN, "show")
    pd, o = t.plan_details.c, t.organisations.c
    head = conn.execute(
        select(
            t.plan_details,
            o.code.label("owner_code"),
            o.name.label("owner_name"),
            t.norm_sets.c.code.label("set_code"),
            t.documents.c.counterparty,
            APPROVER.c.display_name.label("approver_name"),
            APPROVER.c.username.label("approver_user"),
        )
        .join(t.documents, t.documents.c.id == pd.document_id)
        .join(t.organisations, o.id == pd.owner_org_id)
        .join(t.norm_sets, t.norm_sets.c.id == pd.norm_set_id)
        .outerjoin(APPROVER, APPROVER.c.id == pd.approved_by)
        .where(pd.document_id == doc.id)
    ).one()
    years = tuple(range(int(head.first_year), int(head.last_year) + 1))
    lines = [
        make_line(
            conn,
            int(r.item_id),
            required=int(r.required),
            held=int(r.held),
            contracted=int(r.contracted),
            need=int(r.need),
            years=_years(conn, doc.id, int(r.item_id), years),
            price_fen=int(r.unit_price_fen),
        )
        for r in conn.execute(
            select(t.plan_lines)
            .where(t.plan_lines.c.document_id == doc.id)
            .order_by(t.plan_lines.c.line_no)
        )
    ]
    revises = ""
    changes: tuple[PlanChange, ...] = ()
    if head.revises_document_id is not None:
        revises = str(
            conn.execute(
                select(t.documents.c.doc_no).where(t.documents.c.id == head.revises_document_id)
            ).scalar_one()
        )
        if with_changes:
            changes = differences(load_view(conn, revises, with_changes=False).lines, lines)
    view = assemble(
        lines,
        target=head.counterparty,
        owner=(head.owner_code, head.owner_name),
        persons=int(head.persons),
        norm_set=head.set_code,
        years=years,
        shares=tuple(Decimal(s) for s in head.shares.split(",") if s),
        ceiling_fen=head.yearly_ceiling_fen,
        funding_source=head.funding_source,
        doc_no=doc.doc_no,
        state=doc.state.value,
        version=int(head.version),
        revises=revises,
        approved_by=head.approver_name or head.approver_user or "",
        approved_at=head.approved_at,
        changes=changes,
    )
    return view


def _head(conn: Connection, doc_no: str) -> documents.DocHead:
    """Read without locking (a query must not take row locks on PostgreSQL)."""
    d = conn.execute(select(t.documents).where(t.documents.c.doc_no == doc_no.strip())).first()
    if d is None:
        raise NotFound("document", doc_no)
    return documents.DocHead(
        int(d.id),
        d.doc_no,
        DocType(d.doc_type),
        DocState(d.state),
        int(d.depot_id),
        d.other_depot_id,
        d.doc_date,
        int(d.created_by),
    )


def _years(
    conn: Connection, doc_id: int, item_id: int, years: tuple[int, ...]
) -> dict[int, Decimal]:
    py = t.plan_line_years.c
    found = dict(
        conn.execute(
            select(py.year, py.quantity).where(py.document_id == doc_id, py.item_id == item_id)
        ).all()
    )
    dec = int(conn.execute(select(t.items.c.decimals).where(t.items.c.id == item_id)).scalar_one())
    return {y: from_milli(int(found.get(y, 0)), dec) for y in years}


def differences(before: Sequence[PlanLine], after: Sequence[PlanLine]) -> tuple[PlanChange, ...]:
    """Per item: changed yearly quantities and unit prices; items added or dropped."""
    old = {ln.item_code: ln for ln in before}
    new = {ln.item_code: ln for ln in after}
    changes = []
    for code in sorted(set(old) | set(new)):
        a, b = old.get(code), new.get(code)
        name = b.item_name if b else a.item_name if a else ""
        years = sorted(set(a.years if a else {}) | set(b.years if b else {}))
        for year in years:
            x = a.years.get(year, Decimal(0)) if a else Decimal(0)
            y = b.years.get(year, Decimal(0)) if b else Decimal(0)
            if x != y:
                changes.append(PlanChange(code, name, str(year), x, y))
        pa = a.unit_price if a else Decimal(0)
        pb = b.unit_price if b else Decimal(0)
        if pa != pb:
            changes.append(PlanChange(code, name, "unit_price", pa, pb))
    return tuple(changes)
