"""Travel estimates between depots and an affected place (demo-grade geography).

Road distance ≈ straight-line distance × a road factor; a loaded truck averages a set
speed (both are settings: 1.3 and 55 km/h by default). Coordinates are exact decimal text
in storage; the trigonometry of an estimate is done in floats, and the results are
rounded to 0.1 km and whole minutes before anyone sees them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True)
class Point:
    lat: float
    lon: float


def parse_point(lat: str | None, lon: str | None) -> Point | None:
    """A point from stored decimal-degree text, or None when either part is missing/bad."""
    try:
        la, lo = Decimal(str(lat).strip()), Decimal(str(lon).strip())
    except (InvalidOperation, ValueError):
        return None
    if lat is None or lon is None or not (-90 <= la <= 90 and -180 <= lo <= 180):
        return None
    return Point(float(la), float(lo))


def straight_km(a: Point, b: Point) -> float:
    """Great-circle (haversine) distance in kilometres."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


@dataclass(frozen=True)
class Trip:
    road_km: Decimal  # rounded to 0.1 km
    minutes: int  # rounded up to whole minutes

    def meets(self, target_hours: int) -> bool:
        """Does the first batch arrive within the response target (6 / 8 / 10 h)?"""
        return self.minutes <= target_hours * 60


def trip(a: Point, b: Point, road_factor: Decimal, speed_kmh: Decimal) -> Trip:
    road = straight_km(a, b) * float(road_factor)
    minutes = math.ceil(road / float(speed_kmh) * 60) if road > 0 else 0
    return Trip(Decimal(str(round(road, 1))), minutes)
