"""Post stock documents: receive, issue, transfer (send / receive), adjust, reverse.

Every function validates the whole document, then writes it in one transaction:
either every line is in the ledger and the balances, or nothing is.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Connection, insert, select

from ..domain.documents import check_reversible as _check_reversible_doc
from ..domain.errors import (
    AlreadyReversed,
    CannotReverseReversal,
    EmptyDocument,
    InvalidDate,
    InvalidInput,
    InvalidState,
    LotMismatch,
    NotFound,
    SameDepotTransfer,
)
from ..domain.ledger import allocate_fefo, require_reason
from ..domain.model import (
    AdjustLine,
    DocState,
    DocType,
    LotStock,
    MovementKind,
    OutLine,
    PostingResult,
    Purpose,
    ReceiptLine,
    ReserveMode,
    Source,
)
from ..domain.permissions import Action, Actor, require
from ..domain.quantities import from_milli, parse_money, parse_quantity, to_milli
from ..persistence import repo
from ..persistence import tables as t
from ..persistence.repo import DepotRec, ItemRec
from ..persistence.uow import UnitOfWork
from .common import (
    begin_request,
    doc_date_or_today,
    finish_request,
    new_document,
    parse_date,
    result_for,
    set_state,
    utcnow,
)


@dataclass(frozen=True)
class _Move:
    """A movement about to be written (delta in thousandths)."""

    lot_id: int
    item: ItemRec
    depot: DepotRec
    delta: int
    kind: MovementKind
    line_no: int
    reverses: int | None = None


def _apply(
    conn: Connection, actor: Actor, document_id: int, doc_date: date, moves: Sequence[_Move]
) -> tuple[int, ...]:
    """Move lot and stock balances, then write the movements. Locks are taken in a fixed
    order (lots by id, then (item, depot)) so concurrent postings on PostgreSQL cannot
    deadlock each other."""
    for move in sorted(moves, key=lambda m: (m.lot_id, m.delta)):
        repo.change_lot_balance(
            conn,
            move.lot_id,
            move.delta,
            item=move.item.label,
            depot=move.depot.label,
            decimals=move.item.decimals,
        )
    _move_stock_balances(conn, moves)
    return _insert_movements(conn, actor, document_id, doc_date, moves)


def _move_stock_balances(conn: Connection, moves: Sequence[_Move]) -> None:
    totals: dict[tuple[int, int], int] = defaultdict(int)
    labels: dict[tuple[int, int], _Move] = {}
    for move in moves:
        totals[(move.item.id, move.depot.id)] += move.delta
        labels[(move.item.id, move.depot.id)] = move
    for key in sorted(totals):
        if totals[key]:
            sample = labels[key]
            repo.change_stock_balance(
                conn,
                key[0],
                key[1],
                on_hand=totals[key],
                item=sample.item.label,
                depot=sample.depot.label,
                decimals=sample.item.decimals,
            )


_MOVEMENT_COLUMNS = (
    "id",
    "document_id",
    "line_no",
    "kind",
    "lot_id",
    "item_id",
    "depot_id",
    "delta",
    "reverses_movement_id",
    "doc_date",
    "created_by",
    "created_at",
)


def _insert_movements(
    conn: Connection, actor: Actor, document_id: int, doc_date: date, moves: Sequence[_Move]
) -> tuple[int, ...]:
    ids = repo.reserve_ids(conn, t.movements, len(moves))
    now = utcnow()
    repo.bulk_insert(
        conn,
        t.movements,
        _MOVEMENT_COLUMNS,
        [
            (
                mid,
                document_id,
                m.line_no,
                m.kind.value,
                m.lot_id,
                m.item.id,
                m.depot.id,
                m.delta,
                m.reverses,
                doc_date,
                actor.user_id,
                now,
            )
            for mid, m in zip(ids, moves, strict=True)
        ],
    )
    return tuple(ids)


def _new_lot(
    conn: Connection,
    *,
    item: ItemRec,
    depot: DepotRec,
    document_id: int,
    received: date,
    **fields: object,
) -> int:
    lot_id = conn.execute(
        insert(t.lots)
        .values(
            item_id=item.id,
            depot_id=depot.id,
            received_date=received,
            document_id=document_id,
            **fields,
        )
        .returning(t.lots.c.id)
    ).scalar_one()
    conn.execute(
        insert(t.lot_balances).values(
            lot_id=lot_id, item_id=item.id, depot_id=depot.id, on_hand=0, reserved=0
        )
    )
    return int(lot_id)


# ---------------------------------------------------------------- receive


@dataclass(frozen=True)
class _ReceiptPlan:
    item: ItemRec
    milli: int
    fields: dict[str, object]


_LOT_FIELDS = (
    "location_id",
    "batch_no",
    "production_date",
    "expiry_date",
    "supplier",
    "reserve_mode",
    "owner_org_id",
    "owner_level",
    "custodian_org_id",
    "unit_price_fen",
)


class _Lookups:
    """Per-document caches: a 100,000-line receipt must not look up one item 100,000 times."""

    def __init__(self, conn: Connection, depot: DepotRec) -> None:
        self.conn, self.depot = conn, depot
        self._items: dict[str, ItemRec] = {}
        self._orgs: dict[str, tuple[int, int]] = {}
        self._locations: dict[str | None, int | None] = {None: None, "": None}

    def item(self, code: str) -> ItemRec:
        if code not in self._items:
            self._items[code] = repo.item_by_code(self.conn, code)
        return self._items[code]

    def org(self, code: str | None) -> tuple[int, int]:
        """(id, level) of an organisation; None means the depot's owner."""
        key = code or ""
        if key not in self._orgs:
            row = (
                repo.org_by_code(self.conn, code)
                if code
                else self.conn.execute(
                    select(t.organisations).where(t.organisations.c.id == self.depot.owner_org_id)
                ).one()
            )
            self._orgs[key] = (int(row.id), int(row.level))
        return self._orgs[key]

    def location(self, code: str | None) -> int | None:
        if code not in self._locations:
            self._locations[code] = repo.location_id(self.conn, self.depot.id, code)
        return self._locations[code]


def _plan_receipt_line(look: _Lookups, line: ReceiptLine, doc_date: date) -> _ReceiptPlan:
    item = look.item(line.item_code)
    qty = parse_quantity(line.quantity, item.decimals)
    if ReserveMode(line.reserve_mode) != ReserveMode.PHYSICAL:
        # Agreement and capacity reserves are commitments, not goods on a shelf.
        raise InvalidInput("reserve_mode", "not_physical", line.reserve_mode)
    production = parse_date(line.production_date, "production_date")
    expiry = parse_date(line.expiry_date, "expiry_date")
    if production and production > doc_date:
        raise InvalidDate(production, "production_date")
    if expiry is None and production and item.shelf_life_days:
        expiry = production + timedelta(days=item.shelf_life_days)
    if expiry and production and expiry < production:
        raise InvalidDate(expiry, "expiry_date")
    price_fen = (
        parse_money(line.unit_price) if line.unit_price is not None else (item.ref_price_fen or 0)
    )
    owner_id, owner_level = look.org(line.owner_org_code)
    custodian_id = look.org(line.custodian_org_code)[0]
    fields: dict[str, object] = {
        "location_id": look.location(line.location_code),
        "batch_no": (line.batch_no or "").strip()[:60],
        "production_date": production,
        "expiry_date": expiry,
        "supplier": (line.supplier or "").strip()[:200],
        "reserve_mode": ReserveMode.PHYSICAL.value,
        "owner_org_id": owner_id,
        "owner_level": owner_level,
        "custodian_org_id": custodian_id,
        "unit_price_fen": price_fen,
    }
    return _ReceiptPlan(item, to_milli(qty), fields)


def receive(
    uow: UnitOfWork,
    actor: Actor,
    *,
    depot: str,
    lines: Sequence[ReceiptLine],
    request_id: str,
    doc_date: date | str | None = None,
    source: Source | str = Source.PURCHASE,
    supplier: str = "",
    reference: str = "",
    note: str = "",
) -> PostingResult:
    """入库: each line becomes a new lot in `depot`."""
    payload = {
        "depot": depot,
        "lines": list(lines),
        "doc_date": doc_date,
        "source": source,
        "supplier": supplier,
        "reference": reference,
        "note": note,
    }
    source = Source(source)

    def tx(conn: Connection) -> PostingResult:
        replay = begin_request(conn, actor, request_id, "receive", payload)
        if replay:
            return replay
        dep = repo.depot_by_code(conn, depot)
        require(actor, Action.RECEIVE, dep.id, dep.code)
        if not lines:
            raise EmptyDocument()
        day = doc_date_or_today(doc_date)
        look = _Lookups(conn, dep)
        plans = [_plan_receipt_line(look, line, day) for line in lines]
        doc_id, _ = new_document(
            conn,
            actor,
            DocType.RECEIPT,
            dep,
            day,
            DocState.POSTED,
            counterparty=supplier.strip()[:200],
            reference=reference.strip()[:100],
            note=note,
            purpose=source.value,
        )
        # New lots start with their received quantity: no other transaction can see them yet,
        # so bulk inserts replace per-line conditional updates (large imports stay fast).
        lot_ids = repo.reserve_ids(conn, t.lots, len(plans))
        repo.bulk_insert(
            conn,
            t.lots,
            ("id", "item_id", "depot_id", "received_date", "document_id", "source", *_LOT_FIELDS),
            [
                (
                    lot_id,
                    p.item.id,
                    dep.id,
                    day,
                    doc_id,
                    source.value,
                    *[p.fields[name] for name in _LOT_FIELDS],
                )
                for lot_id, p in zip(lot_ids, plans, strict=True)
            ],
        )
        repo.bulk_insert(
            conn,
            t.lot_balances,
            ("lot_id", "item_id", "depot_id", "on_hand", "reserved"),
            [
                (lot_id, p.item.id, dep.id, p.milli, 0)
                for lot_id, p in zip(lot_ids, plans, strict=True)
            ],
        )
        moves = [
            _Move(lot_id, p.item, dep, p.milli, MovementKind.RECEIVE, line_no)
            for line_no, (lot_id, p) in enumerate(zip(lot_ids, plans, strict=True), 1)
        ]
        _move_stock_balances(conn, moves)
        ids = _insert_movements(conn, actor, doc_id, day, moves)
        finish_request(conn, request_id, doc_id)
        return result_for(conn, doc_id, movement_ids=ids)

    return uow.write(tx)


# ---------------------------------------------------------------- issue / transfer out


def _plan_withdrawals(
    conn: Connection, depot: DepotRec, lines: Sequence[OutLine], day: date, kind: MovementKind
) -> list[_Move]:
    """Turn out-lines into per-lot withdrawals: named lots as given, others first-expiring-first.

    Lines are validated all together before anything is written."""
    if not lines:
        raise EmptyDocument()
    taken: dict[int, int] = defaultdict(int)  # lot -> milli already planned in this document
    moves: list[_Move] = []
    locked: dict[int, list] = {}
    items: dict[str, ItemRec] = {}
    named = repo.lot_owners(conn, {int(line.lot_id) for line in lines if line.lot_id is not None})
    for line_no, line in enumerate(lines, 1):
        item = items.get(line.item_code)
        if item is None:
            item = items[line.item_code] = repo.item_by_code(
                conn, line.item_code, for_posting=False
            )
        qty = parse_quantity(line.quantity, item.decimals)
        if line.lot_id is not None:
            lot_id = int(line.lot_id)
            if named[lot_id] != (item.id, depot.id):
                raise LotMismatch(line.lot_id, f"{item.code}@{depot.code}")
            moves.append(_Move(lot_id, item, depot, -to_milli(qty), kind, line_no))
            taken[lot_id] += to_milli(qty)
            continue
        if item.id not in locked:
            locked[item.id] = repo.lock_lot_balances(conn, item.id, depot.id)
        candidates = [
            LotStock(
                r.lot_id,
                from_milli(r.on_hand - r.reserved - taken[r.lot_id], item.decimals),
                r.expiry_date,
                r.received_date,
                r.batch_no,
            )
            for r in locked[item.id]
            if r.reserve_mode == ReserveMode.PHYSICAL.value
        ]
        for alloc in allocate_fefo(candidates, qty, item=item.label, depot=depot.label, today=day):
            milli = to_milli(alloc.quantity)
            taken[alloc.lot_id] += milli
            moves.append(_Move(alloc.lot_id, item, depot, -milli, kind, line_no))
    return moves


def issue(
    uow: UnitOfWork,
    actor: Actor,
    *,
    depot: str,
    lines: Sequence[OutLine],
    request_id: str,
    doc_date: date | str | None = None,
    receiver: str = "",
    reference: str = "",
    purpose: Purpose | str = Purpose.RELIEF,
    note: str = "",
) -> PostingResult:
    """出库: ship stock out of `depot` (lots named, or first-expiring-first)."""
    payload = {
        "depot": depot,
        "lines": list(lines),
        "doc_date": doc_date,
        "receiver": receiver,
        "reference": reference,
        "purpose": purpose,
        "note": note,
    }
    purpose = Purpose(purpose)

    def tx(conn: Connection) -> PostingResult:
        replay = begin_request(conn, actor, request_id, "issue", payload)
        if replay:
            return replay
        dep = repo.depot_by_code(conn, depot)
        require(actor, Action.ISSUE, dep.id, dep.code)
        day = doc_date_or_today(doc_date)
        moves = _plan_withdrawals(conn, dep, lines, day, MovementKind.ISSUE)
        doc_id, _ = new_document(
            conn,
            actor,
            DocType.ISSUE,
            dep,
            day,
            DocState.POSTED,
            counterparty=receiver.strip()[:200],
            reference=reference.strip()[:100],
            purpose=purpose.value,
            note=note,
        )
        _apply(conn, actor, doc_id, day, moves)
        finish_request(conn, request_id, doc_id)
        return result_for(conn, doc_id)

    return uow.write(tx)


def transfer_send(
    uow: UnitOfWork,
    actor: Actor,
    *,
    from_depot: str,
    to_depot: str,
    lines: Sequence[OutLine],
    request_id: str,
    doc_date: date | str | None = None,
    reference: str = "",
    purpose: Purpose | str = Purpose.PREPOSITION,
    note: str = "",
) -> PostingResult:
    """调拨 (send side): stock leaves `from_depot` and is in transit until received."""
    payload = {
        "from": from_depot,
        "to": to_depot,
        "lines": list(lines),
        "doc_date": doc_date,
        "reference": reference,
        "purpose": purpose,
        "note": note,
    }
    purpose = Purpose(purpose)

    def tx(conn: Connection) -> PostingResult:
        replay = begin_request(conn, actor, request_id, "transfer_send", payload)
        if replay:
            return replay
        src = repo.depot_by_code(conn, from_depot)
        dst = repo.depot_by_code(conn, to_depot)
        if src.id == dst.id:
            raise SameDepotTransfer()
        require(actor, Action.TRANSFER, src.id, src.code)
        day = doc_date_or_today(doc_date)
        moves = _plan_withdrawals(conn, src, lines, day, MovementKind.TRANSFER_OUT)
        doc_id, _ = new_document(
            conn,
            actor,
            DocType.TRANSFER,
            src,
            day,
            DocState.IN_TRANSIT,
            other_depot_id=dst.id,
            counterparty=dst.name[:200],
            reference=reference.strip()[:100],
            purpose=purpose.value,
            note=note,
        )
        _apply(conn, actor, doc_id, day, moves)
        _change_in_transit(conn, dst, moves, sign=-1)
        finish_request(conn, request_id, doc_id)
        return result_for(conn, doc_id)

    return uow.write(tx)


def _change_in_transit(
    conn: Connection, dst: DepotRec, out_moves: Sequence[_Move], *, sign: int
) -> None:
    """Out-moves have negative deltas: sign=-1 adds them to the destination's in-transit."""
    per_item: dict[int, tuple[ItemRec, int]] = {}
    for move in out_moves:
        item, total = per_item.get(move.item.id, (move.item, 0))
        per_item[move.item.id] = (item, total + sign * move.delta)
    for item_id in sorted(per_item):
        item, milli = per_item[item_id]
        repo.change_stock_balance(
            conn,
            item_id,
            dst.id,
            in_transit=milli,
            item=item.label,
            depot=dst.label,
            decimals=item.decimals,
        )


def _document(conn: Connection, doc_no: str):
    query = select(t.documents).where(t.documents.c.doc_no == doc_no.strip())
    if conn.dialect.name == "postgresql":
        query = query.with_for_update()
    row = conn.execute(query).first()
    if row is None:
        raise NotFound("document", doc_no)
    return row


def _doc_movements(conn: Connection, document_id: int) -> list:
    reversal = t.movements.alias("reversal")
    return list(
        conn.execute(
            select(t.movements, reversal.c.id.label("reversed_by"))
            .outerjoin(reversal, reversal.c.reverses_movement_id == t.movements.c.id)
            .where(t.movements.c.document_id == document_id)
            .order_by(t.movements.c.id)
        )
    )


def transfer_receive(
    uow: UnitOfWork,
    actor: Actor,
    *,
    doc_no: str,
    request_id: str,
    location: str | None = None,
    doc_date: date | str | None = None,
) -> PostingResult:
    """调拨 (receive side): the goods in transit become new lots at the destination."""
    payload = {"doc_no": doc_no, "location": location, "doc_date": doc_date}

    def tx(conn: Connection) -> PostingResult:
        replay = begin_request(conn, actor, request_id, "transfer_receive", payload)
        if replay:
            return replay
        doc = _document(conn, doc_no)
        if doc.doc_type != DocType.TRANSFER or doc.state != DocState.IN_TRANSIT:
            raise InvalidState(doc.doc_no, doc.state, "receive")
        dst = repo.depot_by_id(conn, doc.other_depot_id)
        require(actor, Action.TRANSFER, dst.id, dst.code)
        day = doc_date_or_today(doc_date)
        if day < doc.doc_date:
            raise InvalidDate(day, "doc_date")
        location_id = repo.location_id(conn, dst.id, location)
        outs = [
            m
            for m in _doc_movements(conn, doc.id)
            if m.kind == MovementKind.TRANSFER_OUT and m.reversed_by is None
        ]
        moves: list[_Move] = []
        out_moves: list[_Move] = []
        line_no = max((m.line_no for m in outs), default=0)
        for out in outs:
            item = repo.item_by_id(conn, out.item_id)
            src_lot = repo.lot_row(conn, out.lot_id)
            lot_id = _new_lot(
                conn,
                item=item,
                depot=dst,
                document_id=doc.id,
                received=day,
                location_id=location_id,
                batch_no=src_lot.batch_no,
                production_date=src_lot.production_date,
                expiry_date=src_lot.expiry_date,
                source=Source.TRANSFER.value,
                supplier=src_lot.supplier,
                reserve_mode=src_lot.reserve_mode,
                owner_org_id=src_lot.owner_org_id,
                owner_level=src_lot.owner_level,
                custodian_org_id=src_lot.custodian_org_id,
                unit_price_fen=src_lot.unit_price_fen,
                origin_lot_id=src_lot.id,
            )
            line_no += 1
            moves.append(_Move(lot_id, item, dst, -out.delta, MovementKind.TRANSFER_IN, line_no))
            out_moves.append(
                _Move(out.lot_id, item, dst, out.delta, MovementKind.TRANSFER_OUT, out.line_no)
            )
        _change_in_transit(conn, dst, out_moves, sign=1)
        _apply(conn, actor, doc.id, day, moves)
        set_state(conn, actor, doc.id, doc.state, DocState.RECEIVED)
        finish_request(conn, request_id, doc.id)
        return result_for(conn, doc.id)

    return uow.write(tx)


# ---------------------------------------------------------------- adjust


def adjust(
    uow: UnitOfWork,
    actor: Actor,
    *,
    depot: str,
    lines: Sequence[AdjustLine],
    reason: str,
    request_id: str,
    doc_date: date | str | None = None,
) -> PostingResult:
    """调整: signed corrections of lots (count differences, damage), with a reason."""
    payload = {"depot": depot, "lines": list(lines), "reason": reason, "doc_date": doc_date}

    def tx(conn: Connection) -> PostingResult:
        replay = begin_request(conn, actor, request_id, "adjust", payload)
        if replay:
            return replay
        dep = repo.depot_by_code(conn, depot)
        require(actor, Action.ADJUST, dep.id, dep.code)
        why = require_reason(reason)
        if not lines:
            raise EmptyDocument()
        day = doc_date_or_today(doc_date)
        moves = []
        for line_no, line in enumerate(lines, 1):
            lot = repo.lot_row(conn, int(line.lot_id))
            if lot.depot_id != dep.id:
                raise LotMismatch(line.lot_id, dep.code)
            item = repo.item_by_id(conn, lot.item_id)
            delta = parse_quantity(line.delta, item.decimals, allow_negative=True)
            moves.append(_Move(lot.id, item, dep, to_milli(delta), MovementKind.ADJUST, line_no))
        doc_id, _ = new_document(conn, actor, DocType.ADJUST, dep, day, DocState.POSTED, reason=why)
        _apply(conn, actor, doc_id, day, moves)
        finish_request(conn, request_id, doc_id)
        return result_for(conn, doc_id)

    return uow.write(tx)


# ---------------------------------------------------------------- reverse


def reverse(
    uow: UnitOfWork,
    actor: Actor,
    *,
    reason: str,
    request_id: str,
    movement_id: int | None = None,
    doc_no: str | None = None,
    doc_date: date | str | None = None,
) -> PostingResult:
    """冲销: a reversing document cancels a movement (or a whole document).

    The original is never changed. A transfer is always reversed as a whole; while in
    transit the goods return to the source lots, after receipt they must still be at the
    destination.
    """
    if (movement_id is None) == (doc_no is None):
        raise InvalidInput("target", "movement_or_document")
    payload = {"movement_id": movement_id, "doc_no": doc_no, "reason": reason, "doc_date": doc_date}

    def tx(conn: Connection) -> PostingResult:
        replay = begin_request(conn, actor, request_id, "reverse", payload)
        if replay:
            return replay
        why = require_reason(reason)
        if movement_id is not None:
            target = conn.execute(
                select(t.movements).where(t.movements.c.id == int(movement_id))
            ).first()
            if target is None:
                raise NotFound("movement", movement_id)
            doc = conn.execute(
                select(t.documents.c.doc_no).where(t.documents.c.id == target.document_id)
            ).scalar_one()
        doc_row = _document(conn, doc if movement_id is not None else str(doc_no))
        if doc_row.doc_type == DocType.REVERSAL:
            raise CannotReverseReversal(movement_id or 0)
        all_moves = _doc_movements(conn, doc_row.id)
        if movement_id is not None and doc_row.doc_type != DocType.TRANSFER:
            chosen = [m for m in all_moves if m.id == int(movement_id)]
            _check_reversible_doc(
                doc_row.doc_no,
                doc_row.doc_type,
                doc_row.state,
                chosen[0].id,
                chosen[0].kind,
                chosen[0].reversed_by,
            )
        else:
            chosen = [m for m in all_moves if m.reversed_by is None]
            if not chosen:
                raise AlreadyReversed(movement_id or (all_moves[0].id if all_moves else 0))
        if doc_row.state in (DocState.PENDING_APPROVAL, DocState.REJECTED):
            raise InvalidState(doc_row.doc_no, doc_row.state, "reverse")
        depots = {m.depot_id: repo.depot_by_id(conn, m.depot_id) for m in chosen}
        for dep in depots.values():
            require(actor, Action.REVERSE, dep.id, dep.code)
        home = repo.depot_by_id(conn, doc_row.depot_id)
        day = doc_date_or_today(doc_date)
        rev_id, _ = new_document(
            conn,
            actor,
            DocType.REVERSAL,
            home,
            day,
            DocState.POSTED,
            reason=why,
            reverses_document_id=doc_row.id,
            reference=doc_row.doc_no,
        )
        moves = [
            _Move(
                m.lot_id,
                repo.item_by_id(conn, m.item_id),
                depots[m.depot_id],
                -m.delta,
                MovementKind.REVERSAL,
                line_no,
                reverses=m.id,
            )
            for line_no, m in enumerate(chosen, 1)
        ]
        if doc_row.state == DocState.IN_TRANSIT:
            outs = [
                mv
                for mv, m in zip(moves, chosen, strict=True)
                if m.kind == MovementKind.TRANSFER_OUT
            ]
            dst = repo.depot_by_id(conn, doc_row.other_depot_id)
            # Reversal deltas of out-moves are positive: take them off the in-transit figure.
            _change_in_transit(conn, dst, outs, sign=-1)
        _apply(conn, actor, rev_id, day, moves)
        remaining = [
            m for m in all_moves if m.reversed_by is None and m.id not in {c.id for c in chosen}
        ]
        if not remaining:
            set_state(conn, actor, doc_row.id, doc_row.state, DocState.REVERSED, why)
        finish_request(conn, request_id, rev_id)
        return result_for(conn, rev_id)

    return uow.write(tx)
