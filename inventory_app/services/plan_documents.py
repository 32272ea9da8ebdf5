"""储备计划 as documents: save a generated plan as a draft, edit it, approve it, revise it.

An approved plan is never changed: a revision is a new PLAN document (version + 1, pointing
at the version it revises) that starts as a copy; approving it supersedes the old version.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from decimal import Decimal

from sqlalchemy import Connection, func, insert, select, update

from ..domain.documents import LinkRole
from ..domain.errors import InvalidInput, InvalidState, NotFound, PermissionDenied
from ..domain.model import DocState, DocType, PostingResult
from ..domain.permissions import Action, Actor, require
from ..domain.quantities import parse_money, parse_quantity, to_milli
from ..persistence import repo
from ..persistence import tables as t
from ..persistence.repo import DepotRec
from ..persistence.uow import UnitOfWork
from . import documents, plan_generate
from .common import audit, doc_date_or_today, utcnow
from .plan_generate import PlanSpec


def plan_depot(conn: Connection, owner_id: int) -> DepotRec:
    """Plans are numbered at the owner's first active depot (JH-ZW-SJ-01-2026-00001)."""
    d = t.depots.c
    code = conn.execute(
        select(d.code).where(d.owner_org_id == owner_id, d.active.is_(True)).order_by(d.code)
    ).scalar()
    if code is None:
        raise InvalidInput("owner", "no_depot", owner_id)
    return repo.depot_by_code(conn, code)


def save(
    uow: UnitOfWork,
    actor: Actor,
    spec: PlanSpec,
    *,
    request_id: str,
    doc_date: date | str | None = None,
) -> PostingResult:
    """Generate the plan now and store it as a draft PLAN document."""
    payload = {**asdict(spec), "prices": dict(spec.prices), "doc_date": doc_date}

    def body(conn: Connection) -> documents.Posted:
        require(actor, Action.MANAGE_CATALOG)
        inputs = plan_generate.resolve(conn, spec)
        view = plan_generate.compute(conn, inputs, spec.prices)
        doc = documents.create(
            conn,
            actor,
            DocType.PLAN,
            plan_depot(conn, inputs.owner_id),
            doc_date_or_today(doc_date),
            counterparty=inputs.target,
            reference=f"{inputs.years[0]}-{inputs.years[-1]}",
        )
        conn.execute(
            insert(t.plan_details).values(
                document_id=doc.id,
                target_id=inputs.target_id,
                owner_org_id=inputs.owner_id,
                norm_set_id=inputs.norm_set_id,
                persons=inputs.persons,
                first_year=inputs.years[0],
                last_year=inputs.years[-1],
                shares=",".join(str(s) for s in inputs.shares),
                yearly_ceiling_fen=inputs.ceiling_fen,
                funding_source=inputs.funding_source,
                version=1,
            )
        )
        _write_lines(conn, doc.id, view)
        return documents.Posted(doc.id)

    return documents.post(uow, actor, "plan_save", request_id, payload, body)


def _write_lines(conn: Connection, document_id: int, view: plan_generate.PlanView) -> None:
    for n, line in enumerate(view.lines, 1):
        item = repo.item_by_code(conn, line.item_code, for_posting=False)
        conn.execute(
            insert(t.plan_lines).values(
                document_id=document_id,
                item_id=item.id,
                line_no=n,
                required=to_milli(line.required),
                held=to_milli(line.held),
                contracted=to_milli(line.contracted),
                need=to_milli(line.need),
                unit_price_fen=parse_money(line.unit_price),
            )
        )
        conn.execute(
            insert(t.document_lines).values(
                document_id=document_id,
                line_no=n,
                item_id=item.id,
                quantity=to_milli(line.need),
                note="",
            )
        )
        rows = [
            {"document_id": document_id, "item_id": item.id, "year": y, "quantity": to_milli(q)}
            for y, q in line.years.items()
        ]
        if rows:
            conn.execute(insert(t.plan_line_years), rows)


def _require_planner(actor: Actor, approving: bool = False) -> None:
    """Planners (and administrators) write plans; an approver may approve them too."""
    try:
        require(actor, Action.MANAGE_CATALOG)
    except PermissionDenied:
        if not approving:
            raise
        require(actor, Action.APPROVE)


def _plan(conn: Connection, doc_no: str) -> documents.DocHead:
    doc = documents.load(conn, doc_no)
    documents.require_kind(doc, DocType.PLAN, "edit")
    return doc


def edit(
    uow: UnitOfWork,
    actor: Actor,
    *,
    doc_no: str,
    item_code: str,
    request_id: str,
    year: int | None = None,
    quantity: Decimal | str | None = None,
    unit_price: Decimal | str | None = None,
) -> PostingResult:
    """Change one line of a draft: a year's quantity and/or the unit price."""
    payload = {
        "doc_no": doc_no,
        "item": item_code,
        "year": year,
        "quantity": quantity,
        "price": unit_price,
    }
    if quantity is None and unit_price is None:
        raise InvalidInput("quantity", "required")

    def body(conn: Connection) -> documents.Posted:
        _require_planner(actor)
        doc = _plan(conn, doc_no)
        if doc.state != DocState.DRAFT:
            raise InvalidState(doc.doc_no, doc.state, "edit")
        item = repo.item_by_code(conn, item_code, for_posting=False)
        pl = t.plan_lines.c
        line = conn.execute(
            select(t.plan_lines).where(pl.document_id == doc.id, pl.item_id == item.id)
        ).first()
        if line is None:
            raise InvalidInput("item", "not_in_plan", item_code)
        if unit_price is not None:
            conn.execute(
                update(t.plan_lines)
                .where(pl.document_id == doc.id, pl.item_id == item.id)
                .values(unit_price_fen=parse_money(unit_price))
            )
        if quantity is not None:
            _set_year(
                conn,
                doc.id,
                item.id,
                year,
                parse_quantity(quantity, item.decimals, allow_zero=True),
            )
        documents.note_event(conn, actor, doc, f"修改 {item_code}")
        return documents.Posted(doc.id)

    return documents.post(uow, actor, "plan_edit", request_id, payload, body)


def _set_year(conn: Connection, doc_id: int, item_id: int, year: int | None, qty: Decimal) -> None:
    py = t.plan_line_years.c
    where = (py.document_id == doc_id, py.item_id == item_id, py.year == year)
    if year is None or conn.execute(select(py.year).where(*where)).first() is None:
        raise InvalidInput("year", "not_in_plan", year)
    if qty < 0:
        raise InvalidInput("quantity", "negative", qty)
    conn.execute(update(t.plan_line_years).where(*where).values(quantity=to_milli(qty)))
    need = conn.execute(
        select(func.sum(py.quantity)).where(py.document_id == doc_id, py.item_id == item_id)
    ).scalar_one()
    pl, dl = t.plan_lines.c, t.document_lines.c
    conn.execute(
        update(t.plan_lines)
        .where(pl.document_id == doc_id, pl.item_id == item_id)
        .values(need=int(need))
    )
    conn.execute(
        update(t.document_lines)
        .where(dl.document_id == doc_id, dl.item_id == item_id)
        .values(quantity=int(need))
    )


def approve(uow: UnitOfWork, actor: Actor, *, doc_no: str, request_id: str) -> PostingResult:
    """Approve a draft; it supersedes the version it revises. Never changed afterwards."""

    def body(conn: Connection) -> documents.Posted:
        _require_planner(actor, approving=True)
        doc = _plan(conn, doc_no)
        documents.transition(conn, actor, doc, DocState.APPROVED)
        pd = t.plan_details.c
        conn.execute(
            update(t.plan_details)
            .where(pd.document_id == doc.id)
            .values(approved_by=actor.user_id, approved_at=utcnow())
        )
        revises = conn.execute(
            select(pd.revises_document_id).where(pd.document_id == doc.id)
        ).scalar()
        if revises is not None:
            old = documents.load_by_id(conn, int(revises))
            if old.state == DocState.APPROVED:
                documents.transition(conn, actor, old, DocState.SUPERSEDED, doc.doc_no)
        return documents.Posted(doc.id)

    return documents.post(uow, actor, "plan_approve", request_id, {"doc_no": doc_no}, body)


def revise(
    uow: UnitOfWork,
    actor: Actor,
    *,
    doc_no: str,
    request_id: str,
    doc_date: date | str | None = None,
) -> PostingResult:
    """A new draft version of an approved plan, starting as a copy of it."""

    def body(conn: Connection) -> documents.Posted:
        _require_planner(actor)
        old = _plan(conn, doc_no)
        if old.state != DocState.APPROVED:
            raise InvalidState(old.doc_no, old.state, "revise")
        pd = t.plan_details.c
        head = conn.execute(select(t.plan_details).where(pd.document_id == old.id)).one()
        doc = documents.create(
            conn,
            actor,
            DocType.PLAN,
            repo.depot_by_id(conn, old.depot_id),
            doc_date_or_today(doc_date),
            counterparty=_text(conn, old.id, "counterparty"),
            reference=_text(conn, old.id, "reference"),
        )
        values = {k: v for k, v in head._mapping.items() if k not in ("document_id",)}
        values.update(
            document_id=doc.id,
            version=int(head.version) + 1,
            revises_document_id=old.id,
            approved_by=None,
            approved_at=None,
        )
        conn.execute(insert(t.plan_details).values(**values))
        for table in (t.plan_lines, t.plan_line_years, t.document_lines):
            rows = [
                dict(r._mapping)
                for r in conn.execute(select(table).where(table.c.document_id == old.id))
            ]
            for row in rows:
                row.pop("id", None)
                row["document_id"] = doc.id
            if rows:
                conn.execute(insert(table), rows)
        documents.link(conn, actor, old, doc, LinkRole.PLAN_REVISION)
        audit(conn, actor, "revise", "plan", doc.id, {"revises": old.doc_no})
        return documents.Posted(doc.id)

    payload = {"doc_no": doc_no, "doc_date": doc_date}
    return documents.post(uow, actor, "plan_revise", request_id, payload, body)


def _text(conn: Connection, document_id: int, column: str) -> str:
    col = t.documents.c[column]
    value = conn.execute(select(col).where(t.documents.c.id == document_id)).scalar()
    if value is None:
        raise NotFound("document", document_id)
    return str(value)


def cancel(uow: UnitOfWork, actor: Actor, *, doc_no: str, request_id: str) -> PostingResult:
    """Drop a draft (an approved plan is revised, never cancelled)."""

    def body(conn: Connection) -> documents.Posted:
        _require_planner(actor)
        doc = _plan(conn, doc_no)
        documents.transition(conn, actor, doc, DocState.CANCELLED)
        return documents.Posted(doc.id)

    return documents.post(uow, actor, "plan_cancel", request_id, {"doc_no": doc_no}, body)
