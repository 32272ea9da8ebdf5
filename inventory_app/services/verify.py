"""Recompute every balance from the ledger and check the invariants (账账相符)."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from contextlib import closing
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sqlalchemy import Connection, func, select, text

from ..domain.documents import LinkRole, spec
from ..domain.errors import DomainError, InvalidInput
from ..domain.model import DocState, MovementKind
from ..domain.permissions import Action, Actor, require
from ..persistence import chain, chain_check
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from .common import utcnow
from .count_workbook import workbook_anchor


@dataclass(frozen=True)
class ChainHead:
    """The end of one depot's history chain: an anchor to keep outside the database."""

    depot_code: str
    seq: int
    hash: str


@dataclass(frozen=True)
class VerifyReport:
    movements: int
    lots: int
    documents: int
    problems: tuple[str, ...] = field(default_factory=tuple)
    heads: tuple[ChainHead, ...] = field(default_factory=tuple)
    anchor: str = ""  # 总校验码: one code for all heads, as reports print it

    @property
    def ok(self) -> bool:
        return not self.problems


def _check_lots(conn: Connection, problems: list[str]) -> None:
    sums = dict(
        conn.execute(
            select(t.movements.c.lot_id, func.sum(t.movements.c.delta)).group_by(
                t.movements.c.lot_id
            )
        ).all()
    )
    for lot_id, on_hand, reserved in conn.execute(
        select(t.lot_balances.c.lot_id, t.lot_balances.c.on_hand, t.lot_balances.c.reserved)
    ):
        if on_hand != int(sums.get(lot_id, 0)):
            problems.append(f"lot {lot_id}: balance {on_hand} != ledger {sums.get(lot_id, 0)}")
        if on_hand < 0 or reserved < 0 or reserved > on_hand:
            problems.append(f"lot {lot_id}: on_hand {on_hand}, reserved {reserved}")
    missing = (
        conn.execute(select(t.lots.c.id).where(~t.lots.c.id.in_(select(t.lot_balances.c.lot_id))))
        .scalars()
        .all()
    )
    problems.extend(f"lot {lot_id}: no balance row" for lot_id in missing)
    mismatched = (
        conn.execute(
            select(t.movements.c.id)
            .join(t.lots, t.lots.c.id == t.movements.c.lot_id)
            .where(
                (t.lots.c.item_id != t.movements.c.item_id)
                | (t.lots.c.depot_id != t.movements.c.depot_id)
            )
        )
        .scalars()
        .all()
    )
    problems.extend(f"movement {mid}: item/depot differ from its lot" for mid in mismatched)


def _check_stock(conn: Connection, problems: list[str]) -> None:
    lots = {
        (r.item_id, r.depot_id): (int(r.on_hand), int(r.reserved))
        for r in conn.execute(
            select(
                t.lot_balances.c.item_id,
                t.lot_balances.c.depot_id,
                func.sum(t.lot_balances.c.on_hand).label("on_hand"),
                func.sum(t.lot_balances.c.reserved).label("reserved"),
            ).group_by(t.lot_balances.c.item_id, t.lot_balances.c.depot_id)
        )
    }
    transit: dict[tuple[int, int], int] = defaultdict(int)
    rev = t.movements.alias("rev")
    query = (
        select(t.movements.c.item_id, t.documents.c.other_depot_id, t.movements.c.delta)
        .join(t.documents, t.documents.c.id == t.movements.c.document_id)
        .outerjoin(rev, rev.c.reverses_movement_id == t.movements.c.id)
        .where(
            t.documents.c.state == DocState.IN_TRANSIT,
            t.movements.c.kind == MovementKind.TRANSFER_OUT,
            rev.c.id.is_(None),
        )
    )
    for item_id, depot_id, delta in conn.execute(query):
        transit[(item_id, depot_id)] -= int(delta)
    held = _item_level_held(conn)  # reserved before any lot is picked
    seen = set()
    for r in conn.execute(select(t.stock_balances)):
        key = (r.item_id, r.depot_id)
        seen.add(key)
        on_hand, lot_reserved = lots.get(key, (0, 0))
        expected = (on_hand, lot_reserved + held.get(key, 0))
        if (r.on_hand, r.reserved) != expected:
            problems.append(
                f"stock item {key[0]} depot {key[1]}: {r.on_hand}/{r.reserved} "
                f"!= lots and reservations {expected[0]}/{expected[1]}"
            )
        if r.in_transit_in != transit.get(key, 0):
            problems.append(
                f"stock item {key[0]} depot {key[1]}: in transit {r.in_transit_in} "
                f"!= {transit.get(key, 0)}"
            )
    for key, (on_hand, _reserved) in lots.items():
        if key not in seen and (on_hand or held.get(key)):
            problems.append(f"stock item {key[0]} depot {key[1]}: no balance row")
    for key, qty in transit.items():
        if key not in seen and qty:
            problems.append(f"stock item {key[0]} depot {key[1]}: in transit without a row")


def _check_reversals(conn: Connection, problems: list[str]) -> None:
    orig = t.movements.alias("orig")
    query = select(
        t.movements.c.id,
        t.movements.c.delta,
        t.movements.c.lot_id,
        orig.c.delta.label("orig_delta"),
        orig.c.lot_id.label("orig_lot"),
        orig.c.kind.label("orig_kind"),
    ).join(orig, orig.c.id == t.movements.c.reverses_movement_id)
    for r in conn.execute(query):
        if r.delta != -r.orig_delta or r.lot_id != r.orig_lot:
            problems.append(f"movement {r.id}: does not mirror the movement it reverses")
        if r.orig_kind == MovementKind.REVERSAL:
            problems.append(f"movement {r.id}: reverses a reversal")
    orphan = (
        conn.execute(
            select(t.movements.c.id).where(
                t.movements.c.kind == MovementKind.REVERSAL,
                t.movements.c.reverses_movement_id.is_(None),
            )
        )
        .scalars()
        .all()
    )
    problems.extend(f"movement {mid}: reversal without a target" for mid in orphan)


def _open_reservations(conn: Connection) -> list:
    r = t.reservations.c
    return list(
        conn.execute(
            select(
                r.id,
                r.document_id,
                r.item_id,
                r.depot_id,
                r.lot_id,
                (r.quantity - r.consumed - r.released).label("open"),
                t.documents.c.doc_no,
                t.documents.c.doc_type,
                t.documents.c.state,
            )
            .join(t.documents, t.documents.c.id == r.document_id)
            .where(r.quantity > r.consumed + r.released)
        )
    )


def _check_reservations(conn: Connection, problems: list[str]) -> None:
    """Every reserved unit is explained by an open reservation of a document that may
    hold one, on the lot (lot-level) or on the (item, depot) balance (item-level)."""
    per_lot: dict[int, int] = defaultdict(int)
    for row in _open_reservations(conn):
        kind = spec(row.doc_type)
        if row.state not in kind.holding:
            problems.append(
                f"reservation {row.id}: {row.doc_no} is {row.state} yet holds {row.open}"
            )
        if row.lot_id is not None:
            per_lot[row.lot_id] += int(row.open)
    for lot_id, reserved in conn.execute(
        select(t.lot_balances.c.lot_id, t.lot_balances.c.reserved)
    ):
        if reserved != per_lot.get(lot_id, 0):
            problems.append(
                f"lot {lot_id}: reserved {reserved} != open reservations {per_lot.get(lot_id, 0)}"
            )
    r = t.reservations.c
    astray = conn.execute(
        select(r.id)
        .join(t.lots, t.lots.c.id == r.lot_id)
        .where((t.lots.c.item_id != r.item_id) | (t.lots.c.depot_id != r.depot_id))
    ).scalars()
    problems.extend(f"reservation {rid}: item/depot differ from its lot" for rid in astray)


def _item_level_held(conn: Connection) -> dict[tuple[int, int], int]:
    held: dict[tuple[int, int], int] = defaultdict(int)
    for row in _open_reservations(conn):
        if row.lot_id is None:
            held[(row.item_id, row.depot_id)] += int(row.open)
    return held


def _check_flow(conn: Connection, problems: list[str]) -> None:
    """Returns restock exactly what they say; enterprises never deliver more than ordered."""
    r, m = t.return_lines.c, t.movements.c
    for line_id, qty, moved in conn.execute(
        select(r.id, r.quantity, func.coalesce(func.sum(m.delta), 0))
        .outerjoin(
            t.movements,
            (m.lot_id == r.lot_id) & (m.document_id == r.document_id) & (m.kind == "RECEIVE"),
        )
        .where(r.lot_id.is_not(None))
        .group_by(r.id, r.quantity)
    ):
        if int(moved) != int(qty):
            problems.append(f"return line {line_id}: {qty} back, {moved} received into its lot")
    dv, dl = t.agreement_deliveries.c, t.document_lines.c
    for order_id, line_no, ordered, delivered in conn.execute(
        select(dv.order_document_id, dv.order_line_no, dl.quantity, func.sum(dv.quantity))
        .join(
            t.document_lines,
            (dl.document_id == dv.order_document_id) & (dl.line_no == dv.order_line_no),
        )
        .group_by(dv.order_document_id, dv.order_line_no, dl.quantity)
    ):
        if int(delivered) > int(ordered):
            problems.append(
                f"order {order_id} line {line_no}: {delivered} delivered, {ordered} ordered"
            )


def _check_links(conn: Connection, problems: list[str]) -> None:
    """Each reversal is linked from the document it reverses."""
    d, links = t.documents.c, t.document_links.c
    unlinked = conn.execute(
        select(d.doc_no).where(
            d.reverses_document_id.is_not(None),
            ~select(links.id)
            .where(
                links.parent_id == d.reverses_document_id,
                links.child_id == d.id,
                links.role == LinkRole.REVERSAL.value,
            )
            .exists(),
        )
    ).scalars()
    problems.extend(f"document {doc_no}: reversal without its link" for doc_no in unlinked)


def _check_numbers(conn: Connection, problems: list[str]) -> None:
    d = t.documents.c
    counters = {
        (r.depot_id, r.doc_type, r.year): r.last_no for r in conn.execute(select(t.doc_counters))
    }
    query = select(d.depot_id, d.doc_type, d.year, func.count(), func.max(d.seq)).group_by(
        d.depot_id, d.doc_type, d.year
    )
    for depot_id, doc_type, year, count, top in conn.execute(query):
        key = (depot_id, doc_type, year)
        if count != top or counters.get(key) != top:
            problems.append(
                f"numbers {doc_type} depot {depot_id} {year}: {count} documents, "
                f"highest {top}, counter {counters.get(key)} (gap)"
            )


def verify(uow: UnitOfWork, actor: Actor | None = None) -> VerifyReport:
    """Read-only; `actor` None is the system itself (restore checks a file before use)."""
    if actor is not None:
        require(actor, Action.VERIFY)

    def tx(conn: Connection) -> VerifyReport:
        problems: list[str] = []
        if conn.dialect.name == "sqlite":
            status = conn.execute(text("PRAGMA integrity_check")).scalar()
            if status != "ok":
                problems.append(f"sqlite integrity_check: {status}")
            bad_fk = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
            problems.extend(f"foreign key: {row}" for row in bad_fk[:20])
        _check_lots(conn, problems)
        _check_stock(conn, problems)
        _check_reversals(conn, problems)
        _check_reservations(conn, problems)
        _check_links(conn, problems)
        _check_flow(conn, problems)
        _check_numbers(conn, problems)
        problems.extend(b.describe() for b in chain_check.check(conn))
        counts = [
            int(conn.execute(select(func.count()).select_from(tbl)).scalar_one())
            for tbl in (t.movements, t.lots, t.documents)
        ]
        found = chain.heads(conn)
        anchors = tuple(ChainHead(h.depot_code, h.seq, h.hash) for h in found)
        return VerifyReport(
            counts[0], counts[1], counts[2], tuple(problems), anchors, chain.combined(found)
        )

    return uow.read(tx)


def check_anchor(uow: UnitOfWork, actor: Actor | None, anchor: Sequence[ChainHead]) -> list[str]:
    """Whether the history up to an earlier anchor (heads kept outside this database) is
    unchanged: each depot's chain must still carry the anchored hash at the anchored place.
    Returns the problems, empty when the anchor holds."""
    if actor is not None:
        require(actor, Action.VERIFY)

    def tx(conn: Connection) -> list[str]:
        depots = {
            str(code): int(i) for i, code in conn.execute(select(t.depots.c.id, t.depots.c.code))
        }
        found = []
        for head in anchor:
            depot_id = depots.get(head.depot_code)
            current = chain.entry_hash(conn, depot_id, head.seq) if depot_id is not None else None
            if current is None:
                found.append(f"anchor: depot {head.depot_code} chain #{head.seq} no longer exists")
            elif current != head.hash:
                found.append(
                    f"anchor: depot {head.depot_code} chain #{head.seq} differs from the anchor"
                    " (history up to it was changed)"
                )
        return found

    return uow.read(tx)


def read_anchor(path: Path) -> list[ChainHead]:
    """Heads from a file written by `verify --heads-out`, or from a backup (a database file)."""
    try:
        data = path.read_bytes()[:16]
    except OSError:
        raise InvalidInput("file", "missing", str(path)) from None
    if data.startswith(b"PK"):  # an audit workbook exported for an offline count
        try:
            return [ChainHead(code, seq, digest) for code, seq, digest in workbook_anchor(path)]
        except (DomainError, ValueError):
            raise InvalidInput("file", "not_an_anchor", str(path)) from None
    if data.startswith(b"SQLite format 3\x00"):
        uri = f"{path.resolve().as_uri()}?mode=ro"
        try:
            with closing(sqlite3.connect(uri, uri=True)) as raw:
                rows = raw.execute(
                    "SELECT d.code, h.seq, h.hash FROM chain_heads h JOIN depots d ON d.id = h.depot_id"
                ).fetchall()
        except sqlite3.DatabaseError:
            raise InvalidInput("file", "not_an_anchor", str(path)) from None
        return [ChainHead(str(code), int(seq), str(digest)) for code, seq, digest in rows]
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if "chain_heads" in data:  # a backup's manifest (X.sqlite3.json)
            return [ChainHead(str(c), int(s), str(h)) for c, s, h in data["chain_heads"]]
        heads = data["heads"]
        return [ChainHead(str(h["depot_code"]), int(h["seq"]), str(h["hash"])) for h in heads]
    except (ValueError, KeyError, TypeError, AttributeError):
        raise InvalidInput("file", "not_an_anchor", str(path)) from None


def write_anchor(report: VerifyReport, path: Path) -> Path:
    """Keep the heads of a verified database outside it (a USB stick, a printout, e-mail)."""
    payload = {
        "written_at": utcnow().isoformat(timespec="seconds") + "Z",
        "movements": report.movements,
        "heads": [asdict(head) for head in report.heads],
    }
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    return path
