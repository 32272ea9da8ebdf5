"""入库 (goods received): each line of a receipt becomes a new lot in the depot."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, select

from ..domain.errors import EmptyDocument, InvalidDate, InvalidInput
from ..domain.model import DocType, MovementKind, PostingResult, ReceiptLine, ReserveMode, Source
from ..domain.permissions import Action, Actor
from ..domain.quantities import parse_money, parse_quantity, to_milli
from ..domain.shelf_life import ShelfLife
from ..persistence import repo
from ..persistence import tables as t
from ..persistence.repo import DepotRec, ItemRec
from ..persistence.uow import UnitOfWork
from . import documents
from .common import doc_date_or_today, parse_date
from .stock_moves import Delta, Move, change_balances, insert_movements


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
    life = ShelfLife.of(item.shelf_life_months, item.shelf_life_days)
    if expiry is None and production and life:
        expiry = life.expiry(production)
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

    def body(conn: Connection) -> documents.Posted:
        return post_receipt(
            conn,
            actor,
            depot,
            lines,
            doc_date_or_today(doc_date),
            source,
            supplier,
            reference,
            note,
        )

    return documents.post(uow, actor, "receive", request_id, payload, body)


def post_receipt(
    conn: Connection,
    actor: Actor,
    depot: str,
    lines: Sequence[ReceiptLine],
    day: date,
    source: Source | str = Source.PURCHASE,
    supplier: str = "",
    reference: str = "",
    note: str = "",
) -> documents.Posted:
    """The 入库 itself, in the caller's transaction (a contract delivery posts one too)."""
    origin = Source(source)
    dep = documents.depot_for(conn, actor, Action.RECEIVE, depot)
    if not lines:
        raise EmptyDocument()
    look = _Lookups(conn, dep)
    plans = [_plan_receipt_line(look, line, day) for line in lines]
    doc = documents.create(
        conn,
        actor,
        DocType.RECEIPT,
        dep,
        day,
        counterparty=supplier.strip()[:200],
        reference=reference.strip()[:100],
        note=note,
        purpose=origin.value,
    )
    lot_ids = _insert_lots(conn, doc.id, dep, day, origin, plans)
    change_balances(conn, _per_item(dep, plans))
    moves = [
        Move(lot_id, p.item, dep, p.milli, MovementKind.RECEIVE, line_no)
        for line_no, (lot_id, p) in enumerate(zip(lot_ids, plans, strict=True), 1)
    ]
    return documents.Posted(doc.id, insert_movements(conn, actor, doc.id, day, moves))


def _per_item(depot: DepotRec, plans: Sequence[_ReceiptPlan]) -> list[Delta]:
    """One (item, depot) balance change per item: a 100,000-line import has few items."""
    totals: dict[int, int] = {}
    items: dict[int, ItemRec] = {}
    for p in plans:
        totals[p.item.id] = totals.get(p.item.id, 0) + p.milli
        items[p.item.id] = p.item
    return [Delta(items[i], depot, None, on_hand=milli) for i, milli in totals.items()]


def _insert_lots(
    conn: Connection,
    document_id: int,
    depot: DepotRec,
    day: date,
    origin: Source,
    plans: Sequence[_ReceiptPlan],
) -> list[int]:
    """New lots start with their received quantity: no other transaction can see them yet,
    so bulk inserts replace per-line conditional updates (large imports stay fast). The
    (item, depot) balances move separately."""
    lot_ids = repo.reserve_ids(conn, t.lots, len(plans))
    repo.bulk_insert(
        conn,
        t.lots,
        ("id", "item_id", "depot_id", "received_date", "document_id", "source", *_LOT_FIELDS),
        [
            (
                lot_id,
                p.item.id,
                depot.id,
                day,
                document_id,
                origin.value,
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
            (lot_id, p.item.id, depot.id, p.milli, 0)
            for lot_id, p in zip(lot_ids, plans, strict=True)
        ],
    )
    return lot_ids
