"""演练 (drill): run an allocation on paper, time it, and score it — moving nothing.

A drill starts from a request: its sources are picked exactly as a real order's approval
would pick them (nearest depots, first-expiring unexpired lots, free stock only, what
other orders hold left alone) but nothing is reserved or shipped. Each step is recorded
with its time (started = suggestion accepted, approved, slip printed, departed, arrived),
and the report scores the three questions of the source (004): 拿得出 (is every line
available, and from where), 调动快 (planned travel plus handling against the 6 / 8 / 10 h
target, and the real time from request to arrival), 用得上 (no expired or near-expiry lot,
every lot's bin location known).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, insert, select

from ..domain.errors import InvalidInput
from ..domain.ledger import expiry_status
from ..domain.model import DocState, DocType, PostingResult, Purpose
from ..domain.permissions import Action, Actor, require
from ..domain.quantities import from_milli, to_milli
from ..persistence import repo
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from . import documents, suggestions
from .settings import read_settings

_STEPS = {"approve": DocState.APPROVED, "depart": DocState.SHIPPED, "arrive": DocState.COMPLETED}


def start_drill(
    uow: UnitOfWork, actor: Actor, *, request_no: str, request_id: str
) -> PostingResult:
    """Start a drill for request `request_no` (YL-…, numbered at the request's depot)."""
    require(actor, Action.ORDER)
    proposal = suggestions.suggest(uow, actor, request_no)

    def body(conn: Connection) -> documents.Posted:
        asked = documents.load(conn, request_no)
        doc = documents.create(
            conn,
            actor,
            DocType.DRILL,
            repo.depot_by_id(conn, asked.depot_id),
            date.today(),
            reference=asked.doc_no,
            purpose=Purpose.DRILL.value,
            note=f"演练：{proposal.destination}，目标 {proposal.target_hours} 小时",
        )
        rows, line_no = [], 0
        for source in proposal.sources:
            item = repo.item_by_code(conn, source.item_code, for_posting=False)
            depot = repo.depot_by_code(conn, source.depot_code, for_posting=False)
            for lot in source.lots:
                line_no += 1
                rows.append(
                    {
                        "document_id": doc.id,
                        "line_no": line_no,
                        "item_id": item.id,
                        "lot_id": lot.lot_id,
                        "quantity": to_milli(lot.quantity),
                        "note": "",
                        "depot_id": depot.id,
                    }
                )
        for short in proposal.shortages:
            item = repo.item_by_code(conn, short.item_code, for_posting=False)
            line_no += 1
            rows.append(
                {
                    "document_id": doc.id,
                    "line_no": line_no,
                    "item_id": item.id,
                    "lot_id": None,
                    "quantity": to_milli(short.missing),
                    "note": "短缺",
                    "depot_id": None,
                }
            )
        if rows:
            conn.execute(insert(t.document_lines), rows)
        return documents.Posted(doc.id)

    payload = {"request": request_no}
    return documents.post(uow, actor, "start_drill", request_id, payload, body)


def drill_step(
    uow: UnitOfWork, actor: Actor, *, doc_no: str, step: str, request_id: str
) -> PostingResult:
    """Record a step with its time: approve, print (the slip), depart, arrive."""
    if step not in (*_STEPS, "print"):
        raise InvalidInput("step", "format", step)

    def body(conn: Connection) -> documents.Posted:
        require(actor, Action.ORDER)
        doc = documents.load(conn, doc_no)
        documents.require_kind(doc, DocType.DRILL, step)
        if step == "print":
            documents.check_can(doc, DocState.SHIPPED)  # the slip is printed before departure
            documents.note_event(conn, actor, doc, "出库单已打印")
        else:
            documents.transition(conn, actor, doc, _STEPS[step])
        return documents.Posted(doc.id)

    return documents.post(uow, actor, f"drill_{step}", request_id, {"doc": doc_no}, body)


@dataclass(frozen=True)
class DrillSource:
    item_code: str
    item_name: str
    depot_code: str
    depot_name: str
    batch_no: str
    location_code: str
    expiry_date: date | None
    expiry: str  # ok / near / expired / none
    quantity: Decimal
    minutes: int


@dataclass(frozen=True)
class DrillReport:
    doc_no: str
    request_no: str
    state: str
    target_hours: int
    handling_minutes: int
    available: bool  # 拿得出
    shortages: tuple[tuple[str, str, Decimal], ...]  # item code, name, missing
    depots: tuple[str, ...]
    planned_minutes: int  # slowest source's travel + handling
    fast: bool  # 调动快: planned within the target
    elapsed_minutes: int | None  # request filed → arrival entered (None until arrived)
    usable: bool  # 用得上
    problems: tuple[str, ...]  # near-expiry / expired lots, unknown bins
    steps: tuple[tuple[str, datetime], ...]
    sources: tuple[DrillSource, ...]


def drill_report(uow: UnitOfWork, actor: Actor, doc_no: str) -> DrillReport:
    """Score a drill (read-only)."""
    require(actor, Action.VIEW)
    return uow.read(lambda conn: report_in(conn, doc_no))


def report_in(conn: Connection, doc_no: str) -> DrillReport:
    """The drill report inside a caller's transaction (printing uses it)."""
    doc = documents.load(conn, doc_no)
    documents.require_kind(doc, DocType.DRILL, "report")
    request_no = str(
        conn.execute(select(t.documents.c.reference).where(t.documents.c.id == doc.id)).scalar_one()
    )
    head = conn.execute(
        select(t.documents.c.created_at, t.request_details.c.response_hours)
        .join(t.request_details, t.request_details.c.document_id == t.documents.c.id)
        .where(t.documents.c.doc_no == request_no)
    ).one()
    return _score(conn, doc, request_no, head, int(read_settings(conn)["handling_minutes"]))


def _score(
    conn: Connection, doc: documents.DocHead, request_no: str, head: Any, handling: int
) -> DrillReport:
    near = int(read_settings(conn)["near_expiry_days"])
    sources, shortages, problems = _sources(conn, doc, request_no, near)
    planned = max((s.minutes for s in sources), default=0) + handling
    target = int(head.response_hours)
    steps = _steps(conn, doc.id, head.created_at)
    arrived = next((at for name, at in steps if name == "到达"), None)
    elapsed = None
    if arrived is not None:
        elapsed = int((arrived - head.created_at) / timedelta(minutes=1))
    return DrillReport(
        doc.doc_no,
        request_no,
        doc.state,
        target,
        handling,
        not shortages,
        tuple(shortages),
        tuple(sorted({s.depot_name for s in sources})),
        planned,
        planned <= target * 60,
        elapsed,
        not problems,
        tuple(problems),
        tuple(steps),
        tuple(sources),
    )


def _sources(
    conn: Connection, doc: documents.DocHead, request_no: str, near: int
) -> tuple[list[DrillSource], list[tuple[str, str, Decimal]], list[str]]:
    proposal_minutes = suggestions.travel_minutes(conn, request_no)
    dl, lot, item = t.document_lines.c, t.lots.c, t.items.c
    rows = conn.execute(
        select(
            dl.quantity,
            dl.lot_id,
            item.code,
            item.name,
            item.decimals,
            t.depots.c.code.label("depot_code"),
            t.depots.c.name.label("depot_name"),
            lot.batch_no,
            lot.expiry_date,
            t.locations.c.code.label("location"),
        )
        .join(t.items, item.id == dl.item_id)
        .outerjoin(t.depots, t.depots.c.id == dl.depot_id)
        .outerjoin(t.lots, lot.id == dl.lot_id)
        .outerjoin(t.locations, t.locations.c.id == lot.location_id)
        .where(dl.document_id == doc.id)
        .order_by(dl.line_no)
    ).all()
    sources, shortages, problems = [], [], []
    day = doc.doc_date
    for r in rows:
        qty = from_milli(int(r.quantity), r.decimals)
        if r.lot_id is None:
            shortages.append((r.code, r.name, qty))
            continue
        status = expiry_status(r.expiry_date, day, near)
        if status in ("near", "expired"):
            problems.append(f"{r.name} 批号 {r.batch_no or r.lot_id} 有效期至 {r.expiry_date}")
        if not r.location:
            problems.append(f"{r.name} 批号 {r.batch_no or r.lot_id} 在 {r.depot_name} 没有库位")
        sources.append(
            DrillSource(
                r.code,
                r.name,
                r.depot_code,
                r.depot_name,
                r.batch_no,
                r.location or "",
                r.expiry_date,
                status,
                qty,
                proposal_minutes.get(r.depot_code, 0),
            )
        )
    return sources, shortages, problems


def _steps(
    conn: Connection, document_id: int, requested_at: datetime
) -> list[tuple[str, datetime]]:
    names = {
        "SUBMITTED": "开始（接受建议）",
        "APPROVED": "批准",
        "SHIPPED": "发车",
        "COMPLETED": "到达",
        "CANCELLED": "取消",
    }
    steps = [("申请", requested_at)]
    e = t.document_events.c
    for to_state, from_state, at, note in conn.execute(
        select(e.to_state, e.from_state, e.at, e.note)
        .where(e.document_id == document_id)
        .order_by(e.id)
    ):
        if to_state == from_state:
            steps.append((note or "记录", at))
        else:
            steps.append((names.get(to_state, to_state), at))
    return steps
