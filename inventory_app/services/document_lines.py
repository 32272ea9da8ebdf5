"""One document with all its movements, for the transfer-receive and reversal dialogs.

The ledger query shows a keeper only the movements of their own depots; a transfer's
send-side lines sit at the other depot, yet the receiving keeper must see what is on
the way, and a reversal must show everything it will cancel. These look-ups widen the
view to both ends of one document the actor is allowed to see, and no further.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import Connection, select

from ..domain.errors import NotFound
from ..domain.permissions import Actor
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from .ledger_queries import LedgerFilter, documents, ledger
from .rows import DocumentRow, LedgerRow, LinkedDocumentRow


def document_lines(
    uow: UnitOfWork, actor: Actor, doc_no: str
) -> tuple[DocumentRow, list[LedgerRow]]:
    """The document header and every movement of it, oldest first.

    NotFound when the document does not exist or concerns none of the actor's depots.
    """
    found = documents(uow, actor, doc_no=doc_no.strip(), limit=1)
    if not found:
        raise NotFound("document", doc_no)
    header = found[0]
    codes = tuple(code for code in (header.depot_code, header.other_depot_code) if code)

    def ids(conn: Connection) -> frozenset[int]:
        return frozenset(
            int(i)
            for i in conn.execute(select(t.depots.c.id).where(t.depots.c.code.in_(codes))).scalars()
        )

    viewer = (
        actor if actor.all_depots else replace(actor, depot_ids=actor.depot_ids | uow.read(ids))
    )
    rows = ledger(
        uow, viewer, LedgerFilter(doc_no=header.doc_no), sort="movement_id", descending=False
    )
    return header, rows


def document_of_movement(uow: UnitOfWork, actor: Actor, movement_id: int) -> str:
    """The number of the document a movement belongs to (NotFound if unknown or not visible)."""

    def tx(conn: Connection) -> str | None:
        return conn.execute(
            select(t.documents.c.doc_no)
            .join(t.movements, t.movements.c.document_id == t.documents.c.id)
            .where(t.movements.c.id == int(movement_id))
        ).scalar()

    doc_no = uow.read(tx)
    if doc_no is None or not documents(uow, actor, doc_no=doc_no, limit=1):
        raise NotFound("movement", movement_id)
    return str(doc_no)


def linked_documents(uow: UnitOfWork, actor: Actor, doc_no: str) -> list[LinkedDocumentRow]:
    """The documents linked to `doc_no` (its original, its reversals, later its slips …),
    oldest link first, limited to those the actor may see."""
    header = documents(uow, actor, doc_no=doc_no.strip(), limit=1)
    if not header:
        raise NotFound("document", doc_no)
    doc_id = header[0].id

    def tx(conn: Connection) -> list[tuple[str, bool, str]]:
        k, d = t.document_links.c, t.documents.c
        parents = select(k.id, k.role, d.doc_no).join(t.documents, d.id == k.parent_id)
        children = select(k.id, k.role, d.doc_no).join(t.documents, d.id == k.child_id)
        found = [
            (r.id, r.role, True, r.doc_no)
            for r in conn.execute(parents.where(k.child_id == doc_id))
        ]
        found += [
            (r.id, r.role, False, r.doc_no)
            for r in conn.execute(children.where(k.parent_id == doc_id))
        ]
        return [(role, is_parent, no) for _id, role, is_parent, no in sorted(found)]

    rows = []
    for role, is_parent, linked_no in uow.read(tx):
        seen = documents(uow, actor, doc_no=linked_no, limit=1)
        if seen:
            row = seen[0]
            rows.append(
                LinkedDocumentRow(
                    role, is_parent, row.doc_no, row.doc_type, row.state, row.doc_date
                )
            )
    return rows


def document_of_request(uow: UnitOfWork, actor: Actor, request_id: str) -> str:
    """The number of the document a request id posted (scripts refer to their own
    postings by the ids they chose). NotFound if unknown or not visible to the actor."""

    def tx(conn: Connection) -> str | None:
        return conn.execute(
            select(t.documents.c.doc_no)
            .join(t.requests, t.requests.c.document_id == t.documents.c.id)
            .where(t.requests.c.request_id == request_id.strip())
        ).scalar()

    doc_no = uow.read(tx)
    if doc_no is None or not documents(uow, actor, doc_no=doc_no, limit=1):
        raise NotFound("request", request_id)
    return str(doc_no)
