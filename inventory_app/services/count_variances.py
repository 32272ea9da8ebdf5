"""Posting a count's variances: one ADJUST document, linked from the count."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, select, update

from ..domain.documents import LinkRole
from ..domain.model import DocType, MovementKind, ReserveMode, Source
from ..domain.permissions import Actor
from ..persistence import repo
from ..persistence import tables as t
from . import documents, stock_moves
from .stock_moves import Move


def post_variances(conn: Connection, actor: Actor, count: documents.DocHead, changed: list) -> int:
    """The variances of an approved count as one ADJUST document linked from it; stock found
    that the books did not know (盘盈) becomes a new lot. Returns the adjustment's id."""
    depot = repo.depot_by_id(conn, count.depot_id)
    day = date.today()
    adjustment = documents.create(
        conn,
        actor,
        DocType.ADJUST,
        depot,
        day,
        reference=count.doc_no,
        reason=f"盘点差异（{count.doc_no}）",
    )
    owner = conn.execute(
        select(t.organisations.c.id, t.organisations.c.level).where(
            t.organisations.c.id == depot.owner_org_id
        )
    ).one()
    moves = []
    for line_no, row in enumerate(changed, 1):
        item = repo.item_by_id(conn, int(row.item_id))
        lot_id = row.lot_id
        if row.found:
            lot_id = stock_moves.new_lot(
                conn,
                item=item,
                depot=depot,
                document_id=adjustment.id,
                received=day,
                location_id=row.location_id,
                batch_no=row.batch_no,
                source=Source.COUNT_GAIN.value,
                reserve_mode=ReserveMode.PHYSICAL.value,
                owner_org_id=int(owner.id),
                owner_level=int(owner.level),
                custodian_org_id=int(owner.id),
                unit_price_fen=item.ref_price_fen or 0,
            )
            conn.execute(
                update(t.count_lines).where(t.count_lines.c.id == row.id).values(lot_id=lot_id)
            )
        delta = int(row.counted) - int(row.book)
        moves.append(Move(int(lot_id), item, depot, delta, MovementKind.ADJUST, line_no))
    stock_moves.apply(conn, actor, adjustment.id, day, moves)
    documents.link(conn, actor, count, adjustment, LinkRole.COUNT_ADJUSTMENT)
    return adjustment.id
