"""Checking the history chains: every row chained with its current content, every chain
linked and contiguous up to its head (see `chain` for how they are written)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from . import tables as t
from .chain import GENESIS, KINDS, Kind, heads, link_hash, row_hash


@dataclass(frozen=True)
class Break:
    """The first place a depot's chain does not hold, in words for `verify`."""

    depot_code: str
    seq: int | None
    kind: str
    row_id: int | None
    problem: str  # "edited", "deleted", "unchained", "link", "gap", "head"

    def describe(self) -> str:
        where = f"depot {self.depot_code}"
        if self.seq is not None:
            where += f" chain #{self.seq}"
        if self.row_id is not None:
            where += f" ({self.kind} {self.row_id})"
        return f"history chain: {where}: {self.problem}"


def _stream_contents(conn: Connection, kind: Kind) -> Iterator[tuple[int, str]]:
    c = kind.table.c
    query = select(*[c[name] for name in kind.columns]).order_by(c.id)
    for row in conn.execution_options(yield_per=5000).execute(query):
        yield int(row[0]), row_hash(kind.code, row)


def check(conn: Connection, limit: int = 20) -> list[Break]:
    """Every row chained with its current content, every chain linked and contiguous."""
    codes = {int(i): str(c) for i, c in conn.execute(select(t.depots.c.id, t.depots.c.code))}
    found: list[Break] = []
    lc = t.ledger_chain.c
    for kind in KINDS:
        entries = conn.execution_options(yield_per=5000).execute(
            select(lc.row_id, lc.row_hash, lc.depot_id, lc.seq)
            .where(lc.kind == kind.code)
            .order_by(lc.row_id)
        )
        found.extend(_compare(kind, _stream_contents(conn, kind), entries, codes, limit))
        if len(found) >= limit:
            return found[:limit]
    found.extend(_check_links(conn, codes, limit - len(found)))
    return found[:limit]


def _compare(
    kind: Kind,
    contents: Iterator[tuple[int, str]],
    entries: Iterable[Any],
    codes: dict[int, str],
    limit: int,
) -> list[Break]:
    """Merge the table (by id) with its chain entries (by row id)."""
    found: list[Break] = []
    row = next(contents, None)
    for entry in entries:
        row_id, stored, depot_id, seq = int(entry[0]), str(entry[1]), int(entry[2]), int(entry[3])
        code = codes.get(depot_id, str(depot_id))
        while row is not None and row[0] < row_id:
            found.append(Break(code, None, kind.code, row[0], "unchained"))
            row = next(contents, None)
        if row is None or row[0] != row_id:
            found.append(Break(code, seq, kind.code, row_id, "deleted"))
        else:
            if row[1] != stored:
                found.append(Break(code, seq, kind.code, row_id, "edited"))
            row = next(contents, None)
        if len(found) >= limit:
            return found
    while row is not None and len(found) < limit:
        found.append(Break("?", None, kind.code, row[0], "unchained"))
        row = next(contents, None)
    return found


def _check_links(conn: Connection, codes: dict[int, str], limit: int) -> list[Break]:
    lc = t.ledger_chain.c
    found: list[Break] = []
    last: dict[int, tuple[int, str]] = {}
    broken: set[int] = set()
    query = select(lc.depot_id, lc.seq, lc.kind, lc.row_id, lc.row_hash, lc.hash).order_by(
        lc.depot_id, lc.seq
    )
    for depot_id, seq, kind, row_id, content, stored in conn.execution_options(
        yield_per=5000
    ).execute(query):
        depot_id, seq = int(depot_id), int(seq)
        if depot_id in broken:
            continue
        prev_seq, prev = last.get(depot_id, (0, GENESIS))
        code = codes.get(depot_id, str(depot_id))
        if seq != prev_seq + 1:
            found.append(Break(code, seq, kind, int(row_id), "gap"))
            broken.add(depot_id)
        elif link_hash(depot_id, seq, kind, int(row_id), content, prev) != stored:
            found.append(Break(code, seq, kind, int(row_id), "link"))
            broken.add(depot_id)
        last[depot_id] = (seq, str(stored))
        if len(found) >= limit:
            return found
    for head in heads(conn):
        if head.depot_id in broken:
            continue
        if last.get(head.depot_id, (0, GENESIS)) != (head.seq, head.hash):
            found.append(Break(head.depot_code, head.seq, "head", None, "head"))
    return found
