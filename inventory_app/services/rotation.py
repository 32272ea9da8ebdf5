"""轮换: the yearly rotation proposal, 轮出 (a rotation issue opening a four-month window),
轮入 (a receipt of the same grade closing it), and the open and overdue windows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import Connection, insert, select, update

from ..domain.errors import InvalidInput, InvalidState, NotFound
from ..domain.model import OutLine, PostingResult, Purpose, ReceiptLine
from ..domain.permissions import Action, Actor, require
from ..domain.quantities import from_milli, parse_quantity, to_milli
from ..domain.rotation import rotate_in_year, window_due, window_status
from ..persistence import repo
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from . import documents
from .common import doc_date_or_today, parse_date, today
from .issues import post_issue
from .receipts import post_receipt

GRAIN_CATEGORY = "14"  # 粮油: rotated out and in; other items are renewed through the plan


@dataclass(frozen=True)
class RotationProposal:
    lot_id: int
    depot_code: str
    item_code: str
    item_name: str
    unit: str
    batch_no: str
    harvest_year: int | None
    grade: str
    on_hand: Decimal
    expiry_date: date | None
    action: str  # "rotate" (轮出/轮入, grain and oil) or "renew" (更新轮换 via next year's plan)


@dataclass(frozen=True)
class RotationWindow:
    window_id: int
    depot_code: str
    item_code: str
    item_name: str
    unit: str
    grade: str
    quantity: Decimal
    rotated_in: Decimal
    shortfall: Decimal
    out_doc_no: str
    opened_on: date
    due_on: date
    closed_on: date | None
    status: str  # open | overdue | closed


def schedule(uow: UnitOfWork, actor: Actor, year: int) -> list[RotationProposal]:
    """Lots whose storage life ends by the end of `year` (physical stock on hand)."""
    require(actor, Action.VIEW)

    def tx(conn: Connection) -> list[RotationProposal]:
        lot, bal, i, g = t.lots.c, t.lot_balances.c, t.items.c, t.lot_grades.c
        rows = conn.execute(
            select(
                lot.id,
                lot.batch_no,
                lot.expiry_date,
                lot.production_date,
                bal.on_hand,
                i.code,
                i.name,
                i.unit,
                i.decimals,
                t.categories.c.code.label("cat"),
                t.depots.c.code.label("depot"),
                g.harvest_year,
                g.grade,
            )
            .join(t.lot_balances, bal.lot_id == lot.id)
            .join(t.items, i.id == lot.item_id)
            .join(t.categories, t.categories.c.id == i.category_id)
            .join(t.depots, t.depots.c.id == lot.depot_id)
            .outerjoin(t.lot_grades, g.lot_id == lot.id)
            .where(bal.on_hand > 0, lot.reserve_mode == "physical")
            .order_by(lot.expiry_date, lot.id)
        ).all()
        return [
            RotationProposal(
                int(r.id),
                r.depot,
                r.code,
                r.name,
                r.unit,
                r.batch_no,
                r.harvest_year or (r.production_date.year if r.production_date else None),
                r.grade or "",
                from_milli(int(r.on_hand), int(r.decimals)),
                r.expiry_date,
                "rotate" if r.cat == GRAIN_CATEGORY else "renew",
            )
            for r in rows
            if rotate_in_year(r.expiry_date, year)
        ]

    return uow.read(tx)


def rotate_out(
    uow: UnitOfWork,
    actor: Actor,
    *,
    depot: str,
    lot_id: int,
    quantity: Decimal | str,
    request_id: str,
    grade: str = "",
    doc_date: date | str | None = None,
    buyer: str = "",
) -> PostingResult:
    """轮出: the lot's quantity leaves (a 出库单 for rotation) and a window opens that a 轮入 of
    the same grade must close within four months."""
    payload = {"depot": depot, "lot": lot_id, "qty": quantity, "grade": grade, "doc_date": doc_date}

    def body(conn: Connection) -> documents.Posted:
        # The depot's keeper (the adjust right, depot-scoped) or the administrator: a 轮出 is
        # not a relief shipment, so it needs no allocation order.
        dep = documents.depot_for(conn, actor, Action.ADJUST, depot)
        day = doc_date_or_today(doc_date)
        row = repo.lot_row(conn, lot_id)
        item = repo.item_by_id(conn, int(row.item_id))
        qty = parse_quantity(quantity, item.decimals)
        line = OutLine(item.code, qty, lot_id)
        out = post_issue(conn, actor, dep, [line], day, Purpose.ROTATION, buyer, note="轮出")
        known = conn.execute(
            select(t.lot_grades.c.grade).where(t.lot_grades.c.lot_id == lot_id)
        ).scalar()
        conn.execute(
            insert(t.rotation_windows).values(
                item_id=item.id,
                depot_id=dep.id,
                grade=(grade or known or "").strip()[:20],
                quantity=to_milli(qty),
                returned=0,
                out_document_id=out.document_id,
                opened_on=day,
                due_on=window_due(day),
                closed_on=None,
            )
        )
        return out

    return documents.post(uow, actor, "rotate_out", request_id, payload, body)


def rotate_in(
    uow: UnitOfWork,
    actor: Actor,
    *,
    window_id: int,
    quantity: Decimal | str,
    grade: str,
    request_id: str,
    harvest_year: int | None = None,
    batch_no: str = "",
    production_date: date | str | None = None,
    location: str | None = None,
    doc_date: date | str | None = None,
) -> PostingResult:
    """轮入: the same grade comes back into the window's depot; the window closes when the
    rotated-out quantity is back. Without a production date the new lot's storage life
    counts from the day it comes in."""
    payload = {
        "window": window_id,
        "qty": quantity,
        "grade": grade,
        "year": harvest_year,
        "batch": batch_no,
        "doc_date": doc_date,
    }

    def body(conn: Connection) -> documents.Posted:
        rw = t.rotation_windows.c
        win = conn.execute(select(t.rotation_windows).where(rw.id == window_id)).first()
        if win is None:
            raise NotFound("rotation_window", window_id)
        out_doc = documents.load_by_id(conn, int(win.out_document_id))
        if win.closed_on is not None:
            raise InvalidState(out_doc.doc_no, out_doc.state, "rotate_in")
        if grade.strip() != win.grade:
            raise InvalidInput("grade", "grade_mismatch", grade)
        item = repo.item_by_id(conn, int(win.item_id))
        qty = parse_quantity(quantity, item.decimals)
        day = doc_date_or_today(doc_date)
        posted = post_receipt(
            conn,
            actor,
            repo.depot_by_id(conn, int(win.depot_id)).code,
            [
                ReceiptLine(
                    item.code,
                    qty,
                    batch_no=batch_no,
                    production_date=parse_date(production_date, "production_date") or day,
                    location_code=location,
                )
            ],
            day,
            reference=out_doc.doc_no,
            note="轮入",
        )
        lot_id = conn.execute(
            select(t.movements.c.lot_id).where(t.movements.c.document_id == posted.document_id)
        ).scalar_one()
        conn.execute(
            insert(t.lot_grades).values(lot_id=lot_id, harvest_year=harvest_year, grade=win.grade)
        )
        returned = int(win.returned) + to_milli(qty)
        done = day if returned >= int(win.quantity) else None
        conn.execute(
            update(t.rotation_windows)
            .where(rw.id == window_id)
            .values(returned=returned, closed_on=done)
        )
        return posted

    return documents.post(uow, actor, "rotate_in", request_id, payload, body)


def windows(
    uow: UnitOfWork, actor: Actor, *, open_only: bool = False, on: date | None = None
) -> list[RotationWindow]:
    """Rotation windows with what is still missing; overdue after four months."""
    require(actor, Action.VIEW)
    day = on or today()

    def tx(conn: Connection) -> list[RotationWindow]:
        rw, i, d = t.rotation_windows.c, t.items.c, t.documents.c
        query = (
            select(
                t.rotation_windows,
                i.code,
                i.name,
                i.unit,
                i.decimals,
                d.doc_no,
                t.depots.c.code.label("depot"),
            )
            .join(t.items, i.id == rw.item_id)
            .join(t.documents, d.id == rw.out_document_id)
            .join(t.depots, t.depots.c.id == rw.depot_id)
            .order_by(rw.due_on, rw.id)
        )
        if open_only:
            query = query.where(rw.closed_on.is_(None))
        found = []
        for r in conn.execute(query):
            dec = int(r.decimals)
            found.append(
                RotationWindow(
                    int(r.id),
                    r.depot,
                    r.code,
                    r.name,
                    r.unit,
                    r.grade,
                    from_milli(int(r.quantity), dec),
                    from_milli(int(r.returned), dec),
                    from_milli(max(int(r.quantity) - int(r.returned), 0), dec),
                    r.doc_no,
                    r.opened_on,
                    r.due_on,
                    r.closed_on,
                    window_status(r.due_on, r.closed_on, day),
                )
            )
        return found

    return uow.read(tx)
