"""Ledger read side: every movement with its document, user and reversal links."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import Connection, Select, and_, func, or_, select

from ..domain.permissions import Actor
from ..domain.quantities import from_milli
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from .rows import DocumentRow, LedgerRow
from .scope import depot_scope, item_text_condition


@dataclass(frozen=True)
class LedgerFilter:
    depot_codes: tuple[str, ...] = ()
    item_code: str | None = None
    category_code: str | None = None
    doc_no: str | None = None
    kind: str | None = None
    lot_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    text: str = ""  # item, document number, batch, counterparty


REVERSAL = t.movements.alias("reversal")

LEDGER_SORT_KEYS = {
    "movement_id": t.movements.c.id,
    "created_at": t.movements.c.id,
    "doc_date": t.movements.c.doc_date,
    "doc_no": t.documents.c.doc_no,
    "kind": t.movements.c.kind,
    "depot_code": t.depots.c.code,
    "item_code": t.items.c.code,
    "item_name": t.items.c.name,
    "delta": t.movements.c.delta,
    "user": t.users.c.display_name,
    "batch_no": t.lots.c.batch_no,
}


def _ledger_select(
    conn: Connection, actor: Actor, flt: LedgerFilter, columns: list, *, for_count: bool = False
) -> Select:
    m = t.movements.c
    query = select(*columns).select_from(t.movements)
    needs = {"documents", "items", "lots"} if not for_count else set()
    if flt.doc_no or flt.text:
        needs.add("documents")
    if flt.category_code or flt.text:
        needs.add("items")
    if flt.text:
        needs.add("lots")
    if "documents" in needs:
        query = query.join(t.documents, t.documents.c.id == m.document_id)
    if "items" in needs:
        query = query.join(t.items, t.items.c.id == m.item_id)
    if flt.category_code:
        query = query.join(t.categories, t.categories.c.id == t.items.c.category_id)
    if "lots" in needs:
        query = query.join(t.lots, t.lots.c.id == m.lot_id)
    conds = depot_scope(conn, actor, flt.depot_codes, m.depot_id)
    if flt.item_code:
        item_id = conn.execute(select(t.items.c.id).where(t.items.c.code == flt.item_code)).scalar()
        conds.append(m.item_id == (item_id or -1))
    if flt.category_code:
        conds.append(t.categories.c.code == flt.category_code)
    if flt.doc_no:
        conds.append(t.documents.c.doc_no == flt.doc_no.strip())
    if flt.kind:
        conds.append(m.kind == flt.kind)
    if flt.lot_id is not None:
        conds.append(m.lot_id == int(flt.lot_id))
    if flt.date_from:
        conds.append(m.doc_date >= flt.date_from)
    if flt.date_to:
        conds.append(m.doc_date <= flt.date_to)
    if flt.text.strip():
        pattern = f"%{flt.text.strip().lower()}%"
        conds.append(
            or_(
                item_text_condition(flt.text),
                func.lower(t.documents.c.doc_no).like(pattern),
                func.lower(t.lots.c.batch_no).like(pattern),
                func.lower(t.documents.c.counterparty).like(pattern),
            )
        )
    return query.where(and_(*conds)) if conds else query


def ledger(
    uow: UnitOfWork,
    actor: Actor,
    flt: LedgerFilter = LedgerFilter(),
    *,
    offset: int = 0,
    limit: int | None = None,
    sort: str = "movement_id",
    descending: bool = True,
) -> list[LedgerRow]:
    def tx(conn: Connection) -> list[LedgerRow]:
        m = t.movements.c
        cols = [
            m.id,
            m.created_at,
            m.doc_date,
            m.kind,
            m.lot_id,
            m.delta,
            m.reverses_movement_id,
            t.documents.c.doc_no,
            t.documents.c.doc_type,
            t.documents.c.state,
            t.documents.c.counterparty,
            t.documents.c.reason,
            t.depots.c.code.label("depot_code"),
            t.depots.c.name.label("depot_name"),
            t.items.c.code.label("item_code"),
            t.items.c.name.label("item_name"),
            t.items.c.unit,
            t.items.c.decimals,
            t.lots.c.batch_no,
            t.users.c.display_name,
            REVERSAL.c.id.label("reversed_by"),
            m.line_no,
        ]
        query = (
            _ledger_select(conn, actor, flt, cols)
            .join(t.depots, t.depots.c.id == m.depot_id)
            .join(t.users, t.users.c.id == m.created_by)
            .outerjoin(REVERSAL, REVERSAL.c.reverses_movement_id == m.id)
        )
        key = LEDGER_SORT_KEYS.get(sort, m.id)
        query = query.order_by(
            key.desc() if descending else key.asc(), m.id.desc() if descending else m.id.asc()
        ).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        # Positional unpacking (column order above): this builds every visible ledger page.
        rows = [
            LedgerRow(
                mid,
                created,
                day,
                doc_no,
                doc_type,
                state,
                kind,
                depot_code,
                depot_name,
                item_code,
                item_name,
                unit,
                decimals,
                lot_id,
                batch_no,
                from_milli(delta, decimals),
                user,
                counterparty,
                reason,
                reverses,
                reversed_by,
                line_no=line_no,
            )
            for (
                mid,
                created,
                day,
                kind,
                lot_id,
                delta,
                reverses,
                doc_no,
                doc_type,
                state,
                counterparty,
                reason,
                depot_code,
                depot_name,
                item_code,
                item_name,
                unit,
                decimals,
                batch_no,
                user,
                reversed_by,
                line_no,
            ) in conn.execute(query)
        ]
        return _with_running_balances(conn, rows)

    return uow.read(tx)


_AFTER = t.movements.alias("after")
_BALANCE_CHUNK = 500  # ids per query: well inside every database's parameter limit


def _with_running_balances(conn: Connection, rows: list[LedgerRow]) -> list[LedgerRow]:
    """Each row with the 结存 after it, of its item at its depot and of its lot.

    Computed for the listed movements only, whatever the sort and filters: the balance
    after a movement counts every movement of the same item and depot up to it, listed or
    filtered out. Per (item, depot) one range read covers the page's movements; the part
    before it is summed from the start, or taken back from today's balance when the page
    is in the newer half of the ledger (the usual newest-first view), along
    ix_movements_item_depot. A lot's few movements are summed directly.
    """
    if not rows:
        return rows
    m, a = t.movements.c, _AFTER.c
    lot_sum = select(func.sum(a.delta)).where(a.lot_id == m.lot_id, a.id <= m.id)
    ids = [row.movement_id for row in rows]
    keys: dict[int, tuple[int, int]] = {}
    lot_after: dict[int, int] = {}
    for start in range(0, len(ids), _BALANCE_CHUNK):
        chunk = ids[start : start + _BALANCE_CHUNK]
        query = select(m.id, m.item_id, m.depot_id, lot_sum.scalar_subquery())
        for mid, item_id, depot_id, lot_milli in conn.execute(query.where(m.id.in_(chunk))):
            keys[mid] = (item_id, depot_id)
            lot_after[mid] = int(lot_milli or 0)
    groups: dict[tuple[int, int], list[int]] = {}
    for mid, key in keys.items():
        groups.setdefault(key, []).append(mid)
    newest = int(conn.execute(select(func.max(m.id))).scalar() or 0)
    stock_after: dict[int, int] = {}
    for (item_id, depot_id), wanted in groups.items():
        stock_after.update(_stock_after(conn, item_id, depot_id, sorted(wanted), newest))
    return [
        replace(
            row,
            stock_after=from_milli(stock_after[row.movement_id], row.decimals),
            lot_after=from_milli(lot_after[row.movement_id], row.decimals),
        )
        for row in rows
    ]


def _stock_after(
    conn: Connection, item_id: int, depot_id: int, wanted: list[int], newest: int
) -> dict[int, int]:
    m = t.movements.c
    same = (m.item_id == item_id, m.depot_id == depot_id)
    low, high = wanted[0], wanted[-1]
    span = [
        (int(mid), int(delta))
        for mid, delta in conn.execute(
            select(m.id, m.delta).where(*same, m.id.between(low, high)).order_by(m.id)
        )
    ]
    if low > newest // 2:  # nearer the end: today's balance minus what came after
        on_hand = conn.execute(
            select(t.stock_balances.c.on_hand).where(
                t.stock_balances.c.item_id == item_id, t.stock_balances.c.depot_id == depot_id
            )
        ).scalar()
        later = conn.execute(select(func.sum(m.delta)).where(*same, m.id > high)).scalar()
        running = int(on_hand or 0) - int(later or 0) - sum(delta for _, delta in span)
    else:
        running = int(
            conn.execute(select(func.sum(m.delta)).where(*same, m.id < low)).scalar() or 0
        )
    result: dict[int, int] = {}
    wanted_ids = set(wanted)
    for mid, delta in span:
        running += delta
        if mid in wanted_ids:
            result[mid] = running
    return result


def count_ledger(uow: UnitOfWork, actor: Actor, flt: LedgerFilter = LedgerFilter()) -> int:
    return uow.read(
        lambda conn: int(
            conn.execute(
                _ledger_select(conn, actor, flt, [func.count()], for_count=True)
            ).scalar_one()
        )
    )


def documents(
    uow: UnitOfWork,
    actor: Actor,
    *,
    states: tuple[str, ...] = (),
    doc_types: tuple[str, ...] = (),
    depot_codes: tuple[str, ...] = (),
    doc_no: str | None = None,
    limit: int = 200,
) -> list[DocumentRow]:
    """Document headers, newest first (for pending lists and look-ups)."""

    def tx(conn: Connection) -> list[DocumentRow]:
        d = t.documents.c
        other = t.depots.alias("other")
        lines = select(func.count()).where(t.movements.c.document_id == d.id).scalar_subquery()
        query = (
            select(
                t.documents,
                t.depots.c.code.label("depot_code"),
                t.depots.c.name.label("depot_name"),
                other.c.code.label("other_code"),
                other.c.name.label("other_name"),
                t.users.c.display_name,
                lines.label("lines"),
            )
            .join(t.depots, t.depots.c.id == d.depot_id)
            .outerjoin(other, other.c.id == d.other_depot_id)
            .join(t.users, t.users.c.id == d.created_by)
        )
        # A transfer concerns both ends: the receiving keeper must see it too.
        scope = depot_scope(conn, actor, depot_codes, d.depot_id)
        scope_other = depot_scope(conn, actor, depot_codes, d.other_depot_id)
        conds = [or_(and_(*scope), and_(*scope_other))] if scope else []
        if states:
            conds.append(d.state.in_(states))
        if doc_types:
            conds.append(d.doc_type.in_(doc_types))
        if doc_no:
            conds.append(d.doc_no == doc_no.strip())
        query = query.where(and_(*conds)) if conds else query
        query = query.order_by(d.id.desc()).limit(limit)
        return [
            DocumentRow(
                r.id,
                r.doc_no,
                r.doc_type,
                r.state,
                r.doc_date,
                r.depot_code,
                r.depot_name,
                r.other_code or "",
                r.other_name or "",
                r.counterparty,
                r.reference,
                r.purpose,
                r.reason,
                r.display_name,
                r.created_at,
                r.host,
                int(r.lines),
            )
            for r in conn.execute(query)
        ]

    return uow.read(tx)
