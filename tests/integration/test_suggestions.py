"""Source suggestions: nearest depot first, FEFO within a depot, expired and reserved stock
left out, other owners marked, the response target flagged, shortages reported."""

from __future__ import annotations

from decimal import Decimal

from inventory_app.domain.errors import OwnerConsentRequired
from inventory_app.domain.model import ReceiptLine
from inventory_app.domain.orders import OrderLine, RequestLine
from inventory_app.services import (
    approvals,
    order_queries,
    orders,
    receipts,
    requests,
    settings,
    suggestions,
)
from tests.factories import World
from tests.integration.helpers import refused, rid

TENT = "050101"
D = Decimal


def _receive(world: World, depot: str, qty: int, expiry: str | None = None, **kw: str) -> None:
    receipts.receive(
        world.uow,
        world.admin,
        depot=depot,
        request_id=rid(),
        lines=[ReceiptLine(TENT, D(qty), expiry_date=expiry, **kw)],
    )  # type: ignore[arg-type]


def _request(world: World, qty: int, response: int = 6) -> str:
    return requests.file_request(
        world.uow,
        world.keeper_b,
        depot="B",
        requesting_unit="海原县",
        lines=[RequestLine(TENT, D(qty))],
        response=response,
        request_id=rid(),
    ).doc_no


def test_nearest_first_fefo_within_a_depot_and_shortages(world: World) -> None:
    _receive(world, "A", 10, "2031-01-01")
    _receive(world, "A", 4, "2030-01-01")
    _receive(world, "A", 50, "2020-01-01")  # expired: never proposed
    _receive(world, "B", 3, owner_org_code="ZW-EMB")  # the city's tents held at the county
    asked = _request(world, 20)
    found = suggestions.suggest(world.uow, world.keeper_b, asked)
    near, far = found.sources
    assert (near.depot_code, near.quantity, near.minutes) == ("B", 3, 0)
    assert near.owners_to_ask == ("中卫市应急管理局",)  # pre-positioned: ask the owner
    assert (far.depot_code, far.quantity, far.road_km, far.minutes) == ("A", 14, D("147.2"), 161)
    assert far.meets_target and far.owners_to_ask == ()
    assert [(str(lot.expiry_date), lot.quantity) for lot in far.lots] == [
        ("2030-01-01", 4),
        ("2031-01-01", 10),
    ]
    assert [(s.item_code, s.missing) for s in found.shortages] == [(TENT, 3)]
    assert found.order_lines() == [OrderLine(TENT, D(3), "B"), OrderLine(TENT, D(14), "A")]


def test_slow_trucks_miss_the_target_and_reserved_stock_is_not_offered(world: World) -> None:
    _receive(world, "A", 10)
    held = orders.create_order(
        world.uow,
        world.admin,
        lines=[OrderLine(TENT, D(4), "A")],
        receiving_unit="沙坡头区",
        submit=True,
        request_id=rid(),
    ).doc_no
    approvals.approve_order(world.uow, world.approver, doc_no=held, request_id=rid())
    settings.set_settings(world.uow, world.admin, {"truck_speed_kmh": "20"})
    (source,) = suggestions.suggest(world.uow, world.keeper_b, _request(world, 8)).sources
    assert (source.quantity, source.minutes, source.meets_target) == (6, 442, False)


def test_approving_stock_another_owner_holds_needs_its_consent(world: World) -> None:
    _receive(world, "B", 5, owner_org_code="ZW-EMB")  # the city's tents held at the county
    order = orders.create_order(
        world.uow,
        world.keeper_b,
        lines=[OrderLine(TENT, D(2), "B")],
        receiving_unit="海原县",
        submit=True,
        request_id=rid(),
    ).doc_no
    error = refused(
        world.uow,
        OwnerConsentRequired,
        approvals.approve_order,
        world.uow,
        world.approver,
        doc_no=order,
        request_id=rid(),
    )
    assert error.params == {"document": order, "owners": "中卫市应急管理局"}
    approvals.approve_order(
        world.uow,
        world.approver,
        doc_no=order,
        request_id=rid(),
        owner_consent="市应急管理局 张科长（电话）",
    )
    view = order_queries.order_view(world.uow, world.admin, order)
    assert "中卫市应急管理局）同意：市应急管理局 张科长（电话）" in view.events[-1].note
