"""What counts toward a reserve target: owned physical stock, open contracts, agreements."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from sqlalchemy import Connection, func, select

from ..domain.model import DocState, ReserveMode
from ..persistence import tables as t


def held_by_owner(conn: Connection, owner_id: int, item_ids: Collection[int]) -> dict[int, int]:
    """Physical stock the owner owns, wherever it is held (pre-positioned in lower-level
    depots or held on its behalf included), per item, in thousandths."""
    lot, bal = t.lots.c, t.lot_balances.c
    rows = conn.execute(
        select(bal.item_id, func.sum(bal.on_hand))
        .join(t.lots, lot.id == bal.lot_id)
        .where(
            lot.owner_org_id == owner_id,
            lot.reserve_mode == ReserveMode.PHYSICAL.value,
            bal.item_id.in_(list(item_ids)),
        )
        .group_by(bal.item_id)
    )
    return {int(item): int(total or 0) for item, total in rows}


def held_in_depot(conn: Connection, depot_id: int, item_ids: Collection[int]) -> dict[int, int]:
    """Physical stock lying in one depot, whoever owns it."""
    sb = t.stock_balances.c
    rows = conn.execute(
        select(sb.item_id, sb.on_hand).where(
            sb.depot_id == depot_id, sb.item_id.in_(list(item_ids))
        )
    )
    return {int(item): int(total or 0) for item, total in rows}


def held_in_region(conn: Connection, region_id: int, item_ids: Collection[int]) -> dict[int, int]:
    """Physical stock in the depots of a region and the regions below it (a county with its
    towns and villages; the whole city), whoever owns it."""
    r = t.regions.c
    found, frontier = {region_id}, {region_id}
    while frontier:
        frontier = set(conn.execute(select(r.id).where(r.parent_id.in_(frontier))).scalars())
        frontier -= found
        found |= frontier
    depots = select(t.depots.c.id).where(t.depots.c.region_id.in_(found))
    sb = t.stock_balances.c
    rows = conn.execute(
        select(sb.item_id, func.sum(sb.on_hand))
        .where(sb.depot_id.in_(depots), sb.item_id.in_(list(item_ids)))
        .group_by(sb.item_id)
    )
    return {int(item): int(total or 0) for item, total in rows}


def accepted_per_line(
    conn: Connection, contract_ids: Collection[int]
) -> dict[tuple[int, int], int]:
    """(contract document, line) → accepted thousandths."""
    da = t.delivery_acceptances.c
    rows = conn.execute(
        select(da.contract_document_id, da.contract_line_no, func.sum(da.accepted))
        .where(da.contract_document_id.in_(list(contract_ids)))
        .group_by(da.contract_document_id, da.contract_line_no)
    )
    return {(int(c), int(n)): int(q or 0) for c, n, q in rows}


def open_contracted(conn: Connection, owner_id: int, item_ids: Collection[int]) -> dict[int, int]:
    """Contracted but not yet accepted, on open contracts of the owner's plans, per item."""
    d, cd, cl, pd = t.documents.c, t.contract_details.c, t.contract_lines.c, t.plan_details.c
    rows = conn.execute(
        select(cl.document_id, cl.line_no, cl.item_id, cl.quantity)
        .join(t.contract_details, cd.document_id == cl.document_id)
        .join(t.documents, d.id == cl.document_id)
        .join(t.plan_details, pd.document_id == cd.plan_document_id)
        .where(
            d.state == DocState.APPROVED.value,
            pd.owner_org_id == owner_id,
            cl.item_id.in_(list(item_ids)),
        )
    ).all()
    accepted = accepted_per_line(conn, {int(r.document_id) for r in rows})
    open_qty: dict[int, int] = {}
    for r in rows:
        left = int(r.quantity) - accepted.get((int(r.document_id), int(r.line_no)), 0)
        open_qty[int(r.item_id)] = open_qty.get(int(r.item_id), 0) + max(left, 0)
    return open_qty


def agreement_capacity(
    conn: Connection, item_ids: Collection[int], day: date, within_hours: int
) -> dict[int, int]:
    """协议储备 valid on `day` that answers within `within_hours`, per item (the whole agreed
    quantity less what was delivered; never physical stock)."""
    a, dv = t.agreements.c, t.agreement_deliveries.c
    delivered = (
        select(dv.agreement_id, func.sum(dv.quantity).label("qty"))
        .group_by(dv.agreement_id)
        .subquery()
    )
    rows = conn.execute(
        select(a.item_id, func.sum(a.quantity - func.coalesce(delivered.c.qty, 0)))
        .outerjoin(delivered, delivered.c.agreement_id == a.id)
        .where(
            a.item_id.in_(list(item_ids)),
            a.valid_from <= day,
            a.valid_to >= day,
            a.response_hours <= within_hours,
        )
        .group_by(a.item_id)
    )
    return {int(item): max(int(total or 0), 0) for item, total in rows}
