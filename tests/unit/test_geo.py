"""Travel estimates: haversine distance, road factor, truck speed, the 6/8/10 h targets."""

from __future__ import annotations

from decimal import Decimal

import pytest

from inventory_app.domain.geo import Point, parse_point, straight_km, trip

CITY = Point(37.51, 105.19)  # 沙坡头区 (city seat)
HAIYUAN = Point(36.56, 105.65)  # 海原县 海城镇


def test_haversine_against_a_hand_computed_distance() -> None:
    # 1 degree of latitude ≈ 111.19 km on a 6,371 km sphere.
    assert straight_km(Point(36.0, 105.0), Point(37.0, 105.0)) == pytest.approx(111.19, abs=0.01)
    # City seat to 海原: about 113 km straight (≈ 140 km by road, as the brief says).
    assert straight_km(CITY, HAIYUAN) == pytest.approx(113.25, abs=0.05)


def test_trip_applies_road_factor_and_speed() -> None:
    t = trip(CITY, HAIYUAN, Decimal("1.3"), Decimal("55"))
    assert t.road_km == Decimal("147.2")  # 113.25 km × 1.3
    assert t.minutes == 161  # 147.23 km / 55 km/h = 160.6 min, rounded up
    assert t.meets(6) and t.meets(8) and t.meets(10)
    slow = trip(CITY, HAIYUAN, Decimal("1.3"), Decimal("20"))
    assert slow.minutes == 442 and not slow.meets(6) and slow.meets(8)


def test_same_place_is_zero() -> None:
    assert trip(CITY, CITY, Decimal("1.3"), Decimal("55")).minutes == 0


@pytest.mark.parametrize(
    ("lat", "lon", "ok"),
    [("37.51", "105.19", True), (None, "105", False), ("x", "1", False), ("91", "0", False)],
)
def test_parse_point(lat: str | None, lon: str | None, ok: bool) -> None:
    assert (parse_point(lat, lon) is not None) is ok
