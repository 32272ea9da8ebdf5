"""Where to ship a request from: nearest depots first, first-expiring lots within a depot.

For each line of a request the free, unexpired physical stock of every active depot with
coordinates is taken nearest-first by estimated travel time (straight line × road factor ÷
truck speed, both settings) until the line is covered. Each source says its travel time
and whether the request's response target (first batch within 6 / 8 / 10 h) is met, and
marks stock that another level owns (pre-positioned or held on its behalf), which that
owner must agree to release. The user accepts or edits the proposal.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, and_, or_, select

from ..domain.errors import InvalidInput
from ..domain.geo import Point, Trip, parse_point, trip
from ..domain.ledger import fefo_key
from ..domain.model import DocType, ReserveMode
from ..domain.orders import OrderLine
from ..domain.permissions import Action, Actor, require
from ..domain.quantities import from_milli
from ..persistence import repo
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from .common import today
from .settings import read_settings


@dataclass(frozen=True)
class SourceLot:
    lot_id: int
    batch_no: str
    expiry_date: date | None
    location_code: str
    quantity: Decimal
    owner_name: str
    owned_elsewhere: bool  # owned by another organisation than the depot's (前置 / 代储)


@dataclass(frozen=True)
class SuggestedSource:
    line_no: int
    item_code: str
    item_name: str
    unit: str
    depot_code: str
    depot_name: str
    quantity: Decimal
    road_km: Decimal
    minutes: int
    meets_target: bool
    owners_to_ask: tuple[str, ...]  # other owners whose stock is proposed
    lots: tuple[SourceLot, ...]


@dataclass(frozen=True)
class Shortage:
    line_no: int
    item_code: str
    item_name: str
    missing: Decimal


@dataclass(frozen=True)
class Suggestion:
    request_no: str
    target_hours: int
    destination: str
    sources: tuple[SuggestedSource, ...]
    shortages: tuple[Shortage, ...]

    def order_lines(self) -> list[OrderLine]:
        """The proposal as order lines (one per item and depot; lots are picked
        first-expiring-first again at approval, from what is free then)."""
        return [OrderLine(s.item_code, s.quantity, s.depot_code) for s in self.sources]


@dataclass(frozen=True)
class _Depot:
    id: int
    code: str
    name: str
    owner_org_id: int
    trip: Trip


def _request_head(conn: Connection, request_no: str) -> Any:
    head = conn.execute(
        select(t.documents.c.id, t.documents.c.doc_type, t.documents.c.depot_id, t.request_details)
        .join(t.request_details, t.request_details.c.document_id == t.documents.c.id)
        .where(t.documents.c.doc_no == request_no.strip())
    ).first()
    if head is None or head.doc_type != DocType.REQUEST:
        raise InvalidInput("request", "not_a_request", request_no)
    return head


def _trips(conn: Connection, head: Any) -> list[_Depot]:
    values = read_settings(conn)
    road, speed = Decimal(values["road_factor"]), Decimal(values["truck_speed_kmh"])
    return _depots(conn, _destination(conn, head), road, speed)


def travel_minutes(conn: Connection, request_no: str) -> dict[str, int]:
    """Estimated minutes from every depot with coordinates to the request's destination."""
    return {d.code: d.trip.minutes for d in _trips(conn, _request_head(conn, request_no))}


def suggest(uow: UnitOfWork, actor: Actor, request_no: str) -> Suggestion:
    """Propose sources for every line of request `request_no` (read-only)."""
    require(actor, Action.VIEW)

    def tx(conn: Connection) -> Suggestion:
        head = _request_head(conn, request_no)
        depots = _trips(conn, head)
        sources: list[SuggestedSource] = []
        shortages: list[Shortage] = []
        for line in conn.execute(
            select(t.document_lines)
            .where(t.document_lines.c.document_id == head.id)
            .order_by(t.document_lines.c.line_no)
        ):
            item = repo.item_by_id(conn, line.item_id)
            found, missing = _sources_for(
                conn, int(line.line_no), item, int(line.quantity), depots, int(head.response_hours)
            )
            sources.extend(found)
            if missing:
                shortages.append(
                    Shortage(
                        int(line.line_no), item.code, item.name, from_milli(missing, item.decimals)
                    )
                )
        place = head.place or head.county or head.requesting_unit
        return Suggestion(
            request_no.strip(), int(head.response_hours), place, tuple(sources), tuple(shortages)
        )

    return uow.read(tx)


def _destination(conn: Connection, head: Any) -> Point:
    """The request's coordinates, or else those of the depot that registered it."""
    point = parse_point(head.lat, head.lon)
    if point is None:
        dep = conn.execute(
            select(t.depots.c.lat, t.depots.c.lon).where(t.depots.c.id == head.depot_id)
        ).one()
        point = parse_point(dep.lat, dep.lon)
    if point is None:
        raise InvalidInput("lat", "required")
    return point


def _depots(conn: Connection, target: Point, road: Decimal, speed: Decimal) -> list[_Depot]:
    found = []
    for row in conn.execute(select(t.depots).where(t.depots.c.active.is_(True))):
        point = parse_point(row.lat, row.lon)
        if point is not None:
            found.append(
                _Depot(
                    row.id, row.code, row.name, row.owner_org_id, trip(point, target, road, speed)
                )
            )
    return sorted(found, key=lambda d: (d.trip.minutes, d.code))


def _sources_for(
    conn: Connection,
    line_no: int,
    item: repo.ItemRec,
    wanted: int,
    depots: list[_Depot],
    hours: int,
) -> tuple[list[SuggestedSource], int]:
    lots = _free_lots(conn, item.id)
    found = []
    for depot in depots:
        if wanted <= 0:
            break
        held = repo.item_level_reserved(conn, item.id, depot.id)
        here = sorted(
            lots.get(depot.id, []), key=lambda r: fefo_key(r.expiry_date, r.received_date, r.id)
        )
        free = sum(r.free for r in here) - held
        if free <= 0:
            continue
        take = min(free, wanted)
        wanted -= take
        picked, left = [], take
        for r in here:
            if left <= 0:
                break
            part = min(r.free, left)
            left -= part
            picked.append(
                SourceLot(
                    r.id,
                    r.batch_no,
                    r.expiry_date,
                    r.location_code or "",
                    from_milli(part, item.decimals),
                    r.owner_name,
                    r.owner_org_id != depot.owner_org_id,
                )
            )
        owners = tuple(sorted({p.owner_name for p in picked if p.owned_elsewhere}))
        found.append(
            SuggestedSource(
                line_no,
                item.code,
                item.name,
                item.unit,
                depot.code,
                depot.name,
                from_milli(take, item.decimals),
                depot.trip.road_km,
                depot.trip.minutes,
                depot.trip.meets(hours),
                owners,
                tuple(picked),
            )
        )
    return found, max(wanted, 0)


@dataclass(frozen=True)
class _Lot:
    id: int
    depot_id: int
    free: int
    batch_no: str
    expiry_date: date | None
    received_date: date
    location_code: str | None
    owner_org_id: int
    owner_name: str


def _free_lots(conn: Connection, item_id: int) -> dict[int, list[_Lot]]:
    """Unexpired physical lots of the item with free stock, per depot."""
    lot, bal = t.lots.c, t.lot_balances.c
    rows = conn.execute(
        select(
            lot.id,
            lot.depot_id,
            (bal.on_hand - bal.reserved).label("free"),
            lot.batch_no,
            lot.expiry_date,
            lot.received_date,
            t.locations.c.code.label("location_code"),
            lot.owner_org_id,
            t.organisations.c.name.label("owner_name"),
        )
        .join(t.lot_balances, bal.lot_id == lot.id)
        .join(t.organisations, t.organisations.c.id == lot.owner_org_id)
        .outerjoin(t.locations, t.locations.c.id == lot.location_id)
        .where(
            and_(
                lot.item_id == item_id,
                lot.reserve_mode == ReserveMode.PHYSICAL.value,
                bal.on_hand > bal.reserved,
                or_(lot.expiry_date.is_(None), lot.expiry_date >= today()),
            )
        )
    )
    per_depot: dict[int, list[_Lot]] = defaultdict(list)
    for r in rows:
        per_depot[int(r.depot_id)].append(_Lot(*r))
    return per_depot
