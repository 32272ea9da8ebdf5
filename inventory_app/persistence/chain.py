"""The tamper-evident history (全程追溯): one hash chain per depot over every document, line,
lot, movement, state event and link.

Each history row gets one `ledger_chain` entry in the transaction that writes it: the hash of
the row's own content (`row_hash`) and `hash = H(depot, seq, kind, row id, row_hash, previous
hash)`. Editing a row (a quantity, a user, a date), deleting one, or re-ordering the chain
breaks the depot's chain at that row, and `verify` names it. A whole chain recomputed by
someone with the file is caught against an anchor kept elsewhere: the chain heads (depot,
seq, hash) printed by `verify`, on reports and documents, and stored in every backup.

Only what never changes is hashed: a document's number, kind, depots, dates, parties, text,
user and time, but not its state (its state changes are events, which are hashed).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Table,
    and_,
    bindparam,
    exists,
    func,
    insert,
    or_,
    select,
    update,
)

from . import repo
from . import tables as t

GENESIS = "0" * 64
TOUCHED = "chain_touched"  # Connection.info key: documents written in this transaction


@dataclass(frozen=True)
class Kind:
    code: str  # stored in ledger_chain.kind
    table: Table
    columns: tuple[str, ...]  # hashed, in this order; never change them (old chains)


def _kinds() -> tuple[Kind, ...]:
    return (
        Kind(
            "document",
            t.documents,
            (
                "id",
                "doc_type",
                "doc_no",
                "depot_id",
                "year",
                "seq",
                "doc_date",
                "other_depot_id",
                "counterparty",
                "reference",
                "purpose",
                "reason",
                "note",
                "reverses_document_id",
                "created_by",
                "created_at",
                "host",
            ),
        ),
        Kind(
            "line",
            t.document_lines,
            (
                "id",
                "document_id",
                "line_no",
                "item_id",
                "lot_id",
                "quantity",
                "note",
                "depot_id",
                "agreement_id",
            ),
        ),
        Kind(
            "lot",
            t.lots,
            (
                "id",
                "item_id",
                "depot_id",
                "location_id",
                "batch_no",
                "production_date",
                "received_date",
                "expiry_date",
                "source",
                "supplier",
                "reserve_mode",
                "owner_org_id",
                "owner_level",
                "custodian_org_id",
                "unit_price_fen",
                "origin_lot_id",
                "document_id",
            ),
        ),
        Kind(
            "movement",
            t.movements,
            (
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
            ),
        ),
        Kind(
            "event",
            t.document_events,
            ("id", "document_id", "from_state", "to_state", "user_id", "at", "host", "note"),
        ),
        Kind(
            "link",
            t.document_links,
            ("id", "parent_id", "child_id", "role", "created_by", "created_at"),
        ),
    )


KINDS = _kinds()
KIND_BY_CODE = {kind.code: kind for kind in KINDS}


def _plain(value: Any) -> Any:
    """JSON for what json cannot write itself (ints, text and None it writes natively)."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_plain).encode


def row_hash(kind: str, values: Sequence[Any]) -> str:
    """The hash of one row's content (its hashed columns, in order)."""
    return hashlib.sha256(_ENCODE([kind, *values]).encode("utf-8")).hexdigest()


def link_hash(depot_id: int, seq: int, kind: str, row_id: int, content: str, prev: str) -> str:
    text = f"{depot_id}|{seq}|{kind}|{row_id}|{content}|{prev}"
    return hashlib.sha256(text.encode("ascii")).hexdigest()


# ------------------------------------------------------------------ writing


def touch(conn: Connection, *document_ids: int) -> None:
    """Note documents whose rows this transaction writes; `seal` chains them at the end."""
    conn.info.setdefault(TOUCHED, set()).update(int(i) for i in document_ids)


def _depot_of(kind: Kind) -> Any:
    """The column naming the depot whose chain a row of `kind` joins."""
    c = kind.table.c
    if "depot_id" in c and kind.code != "line":
        return c.depot_id
    doc = t.documents.alias("chain_doc")
    key = c.child_id if kind.code == "link" else c.document_id
    return select(doc.c.depot_id).where(doc.c.id == key).scalar_subquery()


def _unchained(kind: Kind) -> Any:
    """The rows of `kind` of the documents bound as "ids" that are not chained yet."""
    c = kind.table.c
    ids: Any = bindparam("ids", expanding=True)
    owned: ColumnElement[bool]
    if kind.code == "document":
        owned = c.id.in_(ids)
    elif kind.code == "link":
        owned = or_(c.parent_id.in_(ids), c.child_id.in_(ids))
    else:
        owned = c.document_id.in_(ids)
    chained = exists().where(t.ledger_chain.c.kind == kind.code, t.ledger_chain.c.row_id == c.id)
    columns = [c[name] for name in kind.columns]
    return (
        select(_depot_of(kind).label("chain_depot"), *columns)
        .where(and_(owned, ~chained))
        .order_by(c.id)
    )


_UNCHAINED: list[tuple[Kind, Any]] = []


def seal(conn: Connection) -> int:
    """Chain every not-yet-chained row of the documents touched in this transaction.

    Rows are appended per depot in a fixed order (documents, lines, lots, movements, events,
    links; each by id). The depot's head row is updated conditionally on the head read, so
    two writers at one depot cannot both extend the same head. Returns the entries added.
    """
    touched = sorted(conn.info.pop(TOUCHED, ()))
    if not touched:
        return 0
    pending: dict[int, list[tuple[str, int, str]]] = {}
    if not _UNCHAINED:  # built once: the compiled statements are cached by SQLAlchemy
        _UNCHAINED.extend((kind, _unchained(kind)) for kind in KINDS)
    for start in range(0, len(touched), 500):
        ids = touched[start : start + 500]
        for kind, query in _UNCHAINED:
            for row in conn.execute(query, {"ids": ids}):
                depot_id, *values = row
                pending.setdefault(int(depot_id), []).append(
                    (kind.code, int(values[0]), row_hash(kind.code, values))
                )
    added = 0
    for depot_id in sorted(pending):
        added += _append(conn, depot_id, pending[depot_id])
    return added


_ENTRY_COLUMNS = ("depot_id", "seq", "kind", "row_id", "row_hash", "hash")


def _head(conn: Connection, depot_id: int) -> tuple[int, str]:
    h = t.chain_heads.c
    query = select(h.seq, h.hash).where(h.depot_id == depot_id)
    if conn.dialect.name == "postgresql":
        query = query.with_for_update()
    row = conn.execute(query).first()
    if row is None:
        conn.execute(insert(t.chain_heads).values(depot_id=depot_id, seq=0, hash=GENESIS))
        return 0, GENESIS
    return int(row.seq), str(row.hash)


def _append(conn: Connection, depot_id: int, rows: Iterable[tuple[str, int, str]]) -> int:
    seq, prev = _head(conn, depot_id)
    start = seq
    entries = []
    for kind, row_id, content in rows:
        seq += 1
        prev = link_hash(depot_id, seq, kind, row_id, content, prev)
        entries.append((depot_id, seq, kind, row_id, content, prev))
    if not entries:
        return 0
    repo.bulk_insert(conn, t.ledger_chain, _ENTRY_COLUMNS, entries)
    h = t.chain_heads.c
    changed = conn.execute(
        update(t.chain_heads)
        .where(h.depot_id == depot_id, h.seq == start)
        .values(seq=seq, hash=prev)
    ).rowcount
    if changed != 1:  # another writer extended this chain meanwhile: let the caller retry
        raise RuntimeError(f"chain head of depot {depot_id} moved during the posting")
    return len(entries)


def rebuild(conn: Connection) -> int:
    """Chain the whole history afresh (a migration, or the demo loader after it dates its
    rows): per depot, documents, lines, lots, movements, events and links, each by id."""
    conn.execute(t.ledger_chain.delete())
    conn.execute(t.chain_heads.delete())
    pending: dict[int, list[tuple[str, int, str]]] = {}
    for kind in KINDS:
        c = kind.table.c
        query = select(_depot_of(kind), *[c[name] for name in kind.columns]).order_by(c.id)
        for row in conn.execute(query):
            depot_id, *values = row
            pending.setdefault(int(depot_id), []).append(
                (kind.code, int(values[0]), row_hash(kind.code, values))
            )
    return sum(_append(conn, depot_id, pending[depot_id]) for depot_id in sorted(pending))


# ------------------------------------------------------------------ checking


@dataclass(frozen=True)
class Head:
    depot_id: int
    depot_code: str
    seq: int
    hash: str


def heads(conn: Connection) -> list[Head]:
    h, d = t.chain_heads.c, t.depots.c
    query = (
        select(h.depot_id, d.code, h.seq, h.hash)
        .join(t.depots, d.id == h.depot_id)
        .order_by(d.code)
    )
    return [Head(int(r[0]), str(r[1]), int(r[2]), str(r[3])) for r in conn.execute(query)]


def entry_hash(conn: Connection, depot_id: int, seq: int) -> str | None:
    lc = t.ledger_chain.c
    return conn.execute(
        select(lc.hash).where(lc.depot_id == depot_id, lc.seq == seq)
    ).scalar_one_or_none()


def combined(found: Sequence[Head]) -> str:
    """One short code for all heads: what reports print and `verify` shows (总校验码)."""
    text = ";".join(
        f"{h.depot_code}#{h.seq}#{h.hash}" for h in sorted(found, key=lambda h: h.depot_code)
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def row_chain_hash(conn: Connection, kind: str, row_id: int) -> str | None:
    """The chain hash of one history row (printed on its document as 校验码)."""
    lc = t.ledger_chain.c
    return conn.execute(
        select(lc.hash).where(lc.kind == kind, lc.row_id == row_id)
    ).scalar_one_or_none()


def count(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(t.ledger_chain)).scalar_one())
