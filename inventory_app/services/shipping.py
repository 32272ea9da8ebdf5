"""出库单 (dispatch slip): ship against an approved order from one source depot.

A slip is an ISSUE document at the depot (a TRANSFER, in transit until received, when the
order's receiver is one of our depots), linked to its order: its lines come from the
order's reservations there (lot, batch and location as reserved, first-expiring-first
within a line), each consumed as it ships. Partial shipments are allowed; the order moves
to 部分出库 or, once nothing is left reserved, 已出库.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from sqlalchemy import Connection, insert, select

from ..domain.documents import LinkRole
from ..domain.errors import NothingToShip, OverShipment
from ..domain.ledger import fefo_key
from ..domain.model import DocState, DocType, MovementKind, PostingResult
from ..domain.orders import ShipLine
from ..domain.permissions import Action, Actor
from ..domain.quantities import from_milli, parse_quantity, to_milli
from ..persistence import repo
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from . import documents, reservations, stock_moves
from .common import doc_date_or_today
from .documents import DocHead
from .order_progress import advance_after_shipping
from .reservations import Reservation
from .stock_moves import Delta, Move


def ship(
    uow: UnitOfWork,
    actor: Actor,
    *,
    order_no: str,
    depot: str,
    request_id: str,
    lines: Sequence[ShipLine] | None = None,
    carrier: str = "",
    driver: str = "",
    driver_phone: str = "",
    plate: str = "",
    doc_date: date | str | None = None,
    note: str = "",
) -> PostingResult:
    """Post a 出库单 for `order_no` from `depot`: the given order lines and quantities, or
    everything still reserved there. Returns the slip (CK-…)."""
    payload = {
        "order": order_no,
        "depot": depot,
        "lines": list(lines) if lines is not None else None,
        "carrier": carrier,
        "driver": driver,
        "driver_phone": driver_phone,
        "plate": plate,
        "doc_date": doc_date,
        "note": note,
    }

    def body(conn: Connection) -> documents.Posted:
        dep = documents.depot_for(conn, actor, Action.SHIP, depot)
        order = documents.load(conn, order_no)
        documents.require_kind(order, DocType.ORDER, "ship")
        documents.check_can(order, DocState.SHIPPED)
        held = [r for r in reservations.open_reservations(conn, order.id) if r.depot.id == dep.id]
        if not held:
            raise NothingToShip(order.doc_no, dep.code)
        taking = _take(conn, order, held, lines)
        day = doc_date_or_today(doc_date)
        header = conn.execute(
            select(
                t.documents.c.counterparty,
                t.documents.c.purpose,
                t.order_details.c.receiving_depot_id,
            )
            .join(t.order_details, t.order_details.c.document_id == t.documents.c.id)
            .where(t.documents.c.id == order.id)
        ).one()
        # To one of our depots the slip is a transfer, in transit until that depot receives it.
        to_depot = (
            repo.depot_by_id(conn, int(header.receiving_depot_id))
            if header.receiving_depot_id is not None and header.receiving_depot_id != dep.id
            else None
        )
        slip = documents.create(
            conn,
            actor,
            DocType.TRANSFER if to_depot else DocType.ISSUE,
            dep,
            day,
            other_depot_id=to_depot.id if to_depot else None,
            counterparty=to_depot.name[:200] if to_depot else header.counterparty,
            reference=order.doc_no,
            purpose=header.purpose,
            note=note,
        )
        conn.execute(
            insert(t.slip_details).values(
                document_id=slip.id,
                order_document_id=order.id,
                carrier=carrier.strip()[:200],
                driver=driver.strip()[:60],
                driver_phone=driver_phone.strip()[:40],
                plate=plate.strip()[:20],
            )
        )
        documents.link(conn, actor, order, slip, LinkRole.ORDER_SLIP)
        deltas: list[Delta] = []
        moves: list[Move] = []
        kind = MovementKind.TRANSFER_OUT if to_depot else MovementKind.ISSUE
        for slip_line, (res, milli) in enumerate(taking, 1):
            assert res.lot_id is not None  # orders reserve lots at approval
            deltas.append(reservations.consume(conn, res, milli))
            moves.append(Move(res.lot_id, res.item, dep, -milli, kind, slip_line))
        if to_depot:
            deltas += stock_moves.in_transit(to_depot, moves, sign=-1)
        ids = stock_moves.apply(conn, actor, slip.id, day, moves, extra=deltas)
        advance_after_shipping(conn, actor, order, slip.doc_no)
        return documents.Posted(slip.id, ids)

    return documents.post(uow, actor, "ship", request_id, payload, body)


def _take(
    conn: Connection,
    order: DocHead,
    held: list[Reservation],
    lines: Sequence[ShipLine] | None,
) -> list[tuple[Reservation, int]]:
    """(reservation, thousandths) to consume, per order line first-expiring-first."""
    by_line: dict[int, list[Reservation]] = defaultdict(list)
    for res in held:
        by_line[res.line_no].append(res)
    for group in by_line.values():
        group.sort(key=lambda r: _lot_key(conn, r))
    if lines is None:
        return [(r, r.open) for line_no in sorted(by_line) for r in by_line[line_no]]
    wanted: dict[int, int] = defaultdict(int)
    for line in lines:
        found = by_line.get(int(line.line_no))
        decimals = found[0].item.decimals if found else 3
        wanted[int(line.line_no)] += to_milli(parse_quantity(line.quantity, decimals))
    taking: list[tuple[Reservation, int]] = []
    for line_no in sorted(wanted):
        group = by_line.get(line_no, [])
        open_milli = sum(r.open for r in group)
        need = wanted[line_no]
        if need > open_milli:
            decimals = group[0].item.decimals if group else 3
            raise OverShipment(
                order.doc_no, line_no, from_milli(need, decimals), from_milli(open_milli, decimals)
            )
        for res in group:
            part = min(need, res.open)
            if part > 0:
                taking.append((res, part))
                need -= part
    return taking


def _lot_key(conn: Connection, res: Reservation) -> tuple:
    lot = repo.lot_row(conn, int(res.lot_id or 0))
    return fefo_key(lot.expiry_date, lot.received_date, int(lot.id))
