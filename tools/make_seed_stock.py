"""Regenerate db/seed/stock.json, the demo database's current stock, as lots.

Deterministic (random.Random(2024)); stdlib only. Reads items.json, depots.json and
organisations.json from db/seed/ and writes stock.json next to them. The totals it
must reproduce come from the source plan (000 = 中卫市“十四五”应急体系规划):

* category totals, 000 lines 138-148 (13 categories; 工程材料类 in 吨);
* grain and oil, 000 lines 136-138 (原粮 1.5万吨, 成品粮 2720吨, 食用植物油 530吨);
* city-owned stock of the six plan items, so that need = norm x 7800 - held gives
  the 2022-2024 purchase plan of 000 lines 822-828.

Everything else (which depot holds what, batches, dates, prices) is invented demo data.
Run: python tools/make_seed_stock.py   then   python tools/check_seed.py
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Mapping
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from inventory_app.domain.shelf_life import ShelfLife, add_months

SEED_DIR = Path(__file__).resolve().parent.parent / "db" / "seed"
TODAY = date(2026, 11, 23)  # the demo's "today"
NEAR_DAYS = 90  # settings.json near_expiry_days
RECEIVED_MIN = date(2015, 1, 1)
RECEIVED_MAX = date(2026, 10, 31)

rng = random.Random(2024)

# ------------------------------------------------------------------ depot groups
SJ1, SJ2 = "ZW-SJ-01", "ZW-SJ-02"
GA1, GA2 = "ZW-GA-01", "ZW-GA-02"
ZR1, ZR2 = "ZW-ZR-01", "ZW-ZR-02"
JT1, JT2 = "ZW-JT-01", "ZW-JT-02"
LC1, LC2 = "ZW-LC-01", "ZW-LC-02"
SW = "ZW-SW-01"
SPT, ZN, HY = "SPT-XJ-01", "ZN-XJ-01", "HY-XJ-01"
SPT_T = ["SPT-XZ-01", "SPT-XZ-02", "SPT-XZ-03"]  # 镇罗 宣和 常乐
ZN_T = ["ZN-XZ-01", "ZN-XZ-02", "ZN-XZ-03"]  # 鸣沙 石空 恩和
HY_T = ["HY-XZ-01", "HY-XZ-02", "HY-XZ-03", "HY-XZ-04", "HY-XZ-05"]
TOWNS = SPT_T + ZN_T + HY_T

CITY_BUREAU = "ZW-YJJ"  # 中卫市应急管理局
GRAIN_OWNER = "ZW-LSWZJ"  # 中卫市粮食和物资储备局


def w(*groups: dict[str, int] | list[str]) -> dict[str, int]:
    """Merge weight dicts; a list gives weight 1 to each depot."""
    out: dict[str, int] = {}
    for g in groups:
        if isinstance(g, list):
            g = {c: 1 for c in g}
        for k, v in g.items():
            out[k] = out.get(k, 0) + v
    return out


SHELTER = w({SPT: 2, ZN: 2, HY: 3}, TOWNS)  # county + every township point
SHELTER_HY = w({SPT: 1, ZN: 1, HY: 2}, HY_T)  # county + 海原 township points (poor roads)

# City-owned (中卫市应急管理局) stock of the plan items. The totals are fixed by
# the plan: held = norm x 7800 - planned purchase (000 lines 822-828).
#   棉帐篷 1950-1402=548, 棉大衣 7800-7760=40, 棉被 1950-1780=170,
#   棉褥 1950-1950=0, 枕头 1950-1950=0, 折叠床 1950-1139=811.
# Lots in a county depot are pre-positioned (前置/代储): custodian = county bureau.
CITY_OWNED: list[tuple[str, str, int]] = [
    ("050101", SJ1, 260),
    ("050101", SJ2, 188),
    ("050101", HY, 100),
    ("050103", SJ2, 40),
    ("050104", SJ1, 120),
    ("050104", ZN, 50),
    ("050107", SJ1, 420),
    ("050107", SJ2, 291),
    ("050107", HY, 100),
    ("050102", SJ1, 120),
    ("050102", SJ2, 80),  # 单帐篷: not a plan item
]
PLAN_HELD = {"050101": 548, "050103": 40, "050104": 170, "050105": 0, "050106": 0, "050107": 811}

# Everything else: item -> (total, weights by depot). Owner = custodian = depot owner.
ALLOC: dict[str, tuple[int | str, dict[str, int]]] = {
    # 01 防护用品类 7757
    "010101": (1800, {GA1: 3, SJ1: 3, SJ2: 2, HY: 1}),
    "010102": (2400, {GA1: 3, GA2: 3, SJ1: 2, ZN: 1}),
    "010103": (900, {GA1: 2, SW: 2, JT1: 1}),
    "010104": (900, {SJ1: 2, JT1: 2, SW: 2, ZR2: 1, HY: 1}),
    "010105": (500, {GA1: 2, GA2: 2, SW: 1}),
    "010106": (800, {SW: 3, SJ1: 1, SPT: 1, HY: 1}),
    "010107": (457, {SW: 3, SJ1: 1, ZN: 1}),
    # 02 生命救助类 270
    "020101": (180, {SW: 3, SPT: 1, ZN: 1, SJ1: 1}),
    "020102": (40, {SW: 2, SPT: 1}),
    "020103": (30, {SJ1: 1, HY: 1}),
    "020104": (8, {SJ1: 1}),
    "020105": (2, {SJ1: 1, HY: 1}),
    "020106": (10, {SW: 1}),
    # 03 生命支持类 65
    "030101": (20, {GA1: 1, GA2: 1}),
    "030102": (30, {SJ1: 1, SPT: 1, HY: 1}),
    "030103": (5, {SJ1: 1}),
    "030104": (10, {HY: 1}),
    # 04 救援运载类 3
    "040101": (2, {SW: 1}),
    "040102": (1, {ZN: 1}),
    # 05 临时食宿类 8392 (with CITY_OWNED above)
    "050101": (452, SHELTER),
    "050102": (200, {HY: 1, LC1: 1}),
    "050103": (960, SHELTER),
    "050104": (1330, SHELTER),
    "050105": (600, SHELTER_HY),
    "050106": (400, SHELTER_HY),
    "050107": (289, SHELTER_HY),
    "050108": (1000, w({LC1: 2, LC2: 2, SPT: 1, ZN: 1, HY: 1}, SPT_T, ZN_T)),
    "050109": (392, {SJ1: 2, HY: 2, ZN: 1}),
    "050110": (600, {LC1: 2, LC2: 2, SJ1: 1, HY: 1}),
    "050111": (400, {LC1: 1, LC2: 1, HY: 1}),
    # 06 污染清理类 12
    "060101": (6, {SPT: 1, HY: 1}),
    "060102": (3, {SJ1: 1}),
    "060103": (2, {SJ2: 1}),
    "060104": (1, {SW: 1}),
    # 07 动力燃料类 85
    "070101": (10, {SJ1: 1, JT1: 1, SW: 1}),
    "070102": (45, {SJ1: 2, GA1: 1, HY: 1, ZN: 1, SW: 1}),
    "070103": (20, {SJ1: 1, GA1: 1}),
    "070104": (10, {JT1: 1, SW: 1}),
    # 08 工程设备类 945
    "080101": (400, {SW: 4, SPT: 1, ZN: 1}),
    "080102": (120, {SW: 3, ZN: 1}),
    "080103": (2, {SW: 1}),
    "080104": (150, {JT1: 2, JT2: 1, HY: 1}),
    "080105": (100, {JT1: 1, GA1: 1}),
    "080106": (159, {JT1: 1, SJ1: 1}),
    "080107": (10, {GA1: 1}),
    "080108": (4, {JT1: 1, JT2: 1}),
    # 09 器材工具类 9012
    "090101": (6000, {SW: 5, SPT: 1, ZN: 1, JT1: 1, SPT_T[0]: 1, ZN_T[0]: 1}),
    "090102": (1000, {SW: 2, ZN: 1}),
    "090103": (900, {SW: 2, JT1: 1, ZR2: 1, HY: 1}),
    "090104": (400, {JT1: 1, ZR2: 1, HY: 1}),
    "090105": (300, {GA1: 1, SJ1: 1, SJ2: 1, LC1: 1}),
    "090106": (300, {GA1: 2, GA2: 2, ZR1: 1}),
    "090107": (60, {ZR1: 1, ZR2: 1}),
    "090108": (30, {ZR1: 1, ZR2: 1}),
    "090109": (22, {ZR1: 1, ZR2: 2}),
    # 10 照明设备类 533
    "100101": (250, {GA1: 1, GA2: 1, SJ1: 1, HY: 1, SW: 1}),
    "100102": (150, {GA1: 1, ZR1: 1, ZR2: 1}),
    "100103": (8, {SJ1: 1, SW: 1}),
    "100104": (100, {GA1: 1, SJ1: 1, HY: 1}),
    "100105": (25, {SJ1: 1, HY: 1}),
    # 11 通讯广播类 32
    "110101": (8, {SJ1: 1, GA1: 1, HY: 1}),
    "110102": (16, {GA1: 1, SJ1: 1, SW: 1}),
    "110103": (5, {GA1: 1}),
    "110104": (1, {SJ1: 1}),
    "110105": (2, {HY: 1}),
    # 12 交通运输类 50
    "120101": (6, {SJ1: 1, GA1: 1}),
    "120102": (8, {JT1: 1, SJ1: 1}),
    "120103": (12, {HY: 1, ZN: 1}),
    "120104": (6, {GA1: 1, ZR2: 1}),
    "120105": (4, {SJ1: 1, LC1: 1}),
    "120106": (14, {JT1: 1, JT2: 1}),
    # 13 工程材料类 273.810 吨
    "130101": ("150.000", {JT1: 1, SW: 1}),
    "130102": ("60.000", {SW: 1, JT2: 1}),
    "130103": ("25.500", {JT1: 1, SW: 1}),
    "130104": ("8.310", {SW: 1, JT1: 1}),
    "130105": ("12.000", {SW: 1, JT1: 1}),
    "130106": ("18.000", {JT1: 1, SW: 1}),
}
ONE_BATCH = {"130106"}  # cement: 90-day life, one lot per depot
NO_PRODUCTION_DATE = {"130101", "130102"}  # bulk sand and stone

# Grain and oil (吨), held by storage enterprises for 中卫市粮食和物资储备局.
# 原粮 15000 (000 line 136), 成品粮 2720 (line 136), 食用植物油 530 (line 138).
GRAIN_ALLOC: dict[str, dict[str, int]] = {
    "140101": {"ZW-LK-01": 4500, "ZW-LK-02": 3500, "ZW-LK-03": 2000},
    "140102": {"ZW-LK-01": 2500, "ZW-LK-02": 1500, "ZW-LK-03": 1000},
    "140201": {"ZW-LK-04": 700, "ZW-LK-05": 400, "ZW-LK-06": 300, "ZW-LK-07": 250, "ZW-LK-08": 150},
    "140202": {"ZW-LK-04": 400, "ZW-LK-06": 150, "ZW-LK-07": 120, "ZW-LK-08": 250},
    "140301": {"ZW-LK-09": 300, "ZW-LK-10": 230},
}

# Lots forced to be expired / to expire within NEAR_DAYS (one pick per entry).
EXPIRED_PICKS = ["030102", "050110", "050111", "010102", "050104", "130106", "090105", "050108"]
NEAR_PICKS = [
    "050110",
    "050111",
    "010101",
    "020101",
    "090101",
    "050103",
    "130106",
    "140201",
    "140202",
    "140301",
]

SUPPLIERS_BY_CAT = {
    "01": ["GYS-01", "GYS-03"],
    "02": ["GYS-03"],
    "03": ["GYS-03", "GYS-01"],
    "04": ["GYS-03"],
    "05": ["GYS-02", "GYS-01"],
    "06": ["GYS-01"],
    "07": ["GYS-01", "GYS-05"],
    "08": ["GYS-01", "GYS-03"],
    "09": ["GYS-03", "GYS-04"],
    "10": ["GYS-01"],
    "11": ["GYS-01"],
    "12": ["GYS-05"],
    "13": ["GYS-04"],
}
FOOD = {"050110", "050111"}
DONORS = ["中卫市慈善总会（演示）", "宁夏红十字会中卫分会（演示）", "爱心企业捐赠（演示）"]


# ------------------------------------------------------------------ helpers
def load(name: str):
    return json.loads((SEED_DIR / name).read_text(encoding="utf-8"))


def apportion(total: int, weights: Mapping[str, float]) -> dict[str, int]:
    """Split an integer total by weights (largest remainder), at least 1 each."""
    keys = list(weights)
    if total < len(keys):
        raise ValueError(f"cannot give {total} to {len(keys)} recipients")
    rest = total - len(keys)
    wsum = sum(weights.values())
    raw = {k: rest * weights[k] / wsum for k in keys}
    out = {k: 1 + int(raw[k]) for k in keys}
    left = total - sum(out.values())
    for k in sorted(keys, key=lambda k: raw[k] - int(raw[k]), reverse=True)[:left]:
        out[k] += 1
    assert sum(out.values()) == total
    return out


def to_units(qty: int | str, decimals: int) -> int:
    """Quantity in the item's smallest unit (1 or 0.001)."""
    return int(Decimal(str(qty)) * (10**decimals))


def fmt_qty(units: int, decimals: int) -> str:
    if decimals == 0:
        return str(units)
    return f"{units // 1000}.{units % 1000:03d}"


def rand_date(lo: date, hi: date) -> date:
    return lo + timedelta(days=rng.randint(0, (hi - lo).days))


def price(ref: str, lo: float = 0.92, hi: float = 1.06) -> str:
    p = Decimal(ref) * Decimal(str(round(rng.uniform(lo, hi), 4)))
    return str(p.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def split_batches(units: int, item: dict, unit_price: Decimal) -> list[int]:
    if item["code"] in ONE_BATCH:
        n = 1
    elif item["decimals"] == 3:
        n = rng.choice([1, 2, 2])
    elif units < 3 or unit_price >= 50000:
        n = 1
    elif units < 12 or unit_price >= 5000:
        n = rng.choices([1, 2], weights=[80, 20])[0]
    else:
        n = rng.choices([1, 2, 3], weights=[60, 32, 8])[0]
    n = min(n, units)
    return list(apportion(units, {str(i): rng.uniform(0.5, 1.5) for i in range(n)}).values())


# ------------------------------------------------------------------ generation
def main() -> None:
    items = {i["code"]: i for i in load("items.json")}
    lives = {
        c: ShelfLife.of(i["shelf_life_months"], i["shelf_life_days"]) for c, i in items.items()
    }
    for code, item in items.items():  # approximate days, for choosing random dates only
        life = lives[code]
        item["shelf_life_days"] = life.sort_key() if life else None
    depots = {d["code"]: d for d in load("depots.json")}
    orgs = {o["code"]: o for o in load("organisations.json")}
    supplier_names = {c: o["name"] for c, o in orgs.items() if o["kind"] == "supplier"}
    batch_seq: dict[tuple[str, int, str], int] = {}
    lots: list[dict] = []

    def batch_no(prefix: str, year: int, item_code: str) -> str:
        key = (prefix, year, item_code[:4])
        batch_seq[key] = batch_seq.get(key, 0) + 1
        return f"{prefix}{year}-{item_code[:4]}-{batch_seq[key]:02d}"

    def default_dates(item: dict) -> tuple[date | None, date, date | None, bool]:
        """(production, received, expiry, needs_force): expiry later than TODAY+NEAR_DAYS."""
        shelf = item["shelf_life_days"]
        if shelf is None:
            received = rand_date(date(2015, 3, 1), RECEIVED_MAX)
            prod = (
                None
                if item["code"] in NO_PRODUCTION_DATE
                else received - timedelta(days=rng.randint(15, 200))
            )
            return prod, received, None, False
        lo = max(RECEIVED_MIN, TODAY - timedelta(days=shelf - NEAR_DAYS - 1))
        hi = date(2026, 9, 30)
        if lo > hi:  # shelf life too short for a "later" lot: must be forced
            prod = hi
            return prod, prod + timedelta(days=10), prod + timedelta(days=shelf), True
        prod = rand_date(lo, hi)
        received = min(prod + timedelta(days=rng.randint(5, 60)), RECEIVED_MAX)
        return prod, received, prod + timedelta(days=shelf), False

    def add_lot(
        depot_code: str,
        item_code: str,
        units: int,
        owner: str,
        source: str,
        supplier: str | None,
        location: str,
        dates=None,
        prefix: str | None = None,
        unit_price: str | None = None,
    ) -> None:
        item = items[item_code]
        depot = depots[depot_code]
        prod, received, expiry, force = dates or default_dates(item)
        if prefix is None:  # batch numbers follow the owner: city stock is "ZW" wherever it lies
            head = depot_code.split("-")[0]
            prefix = head if head in ("SPT", "ZN", "HY") and orgs[owner]["level"] >= 3 else "ZW"
        lots.append(
            {
                "depot": depot_code,
                "item": item_code,
                "batch": batch_no(prefix, received.year, item_code),
                "qty": fmt_qty(units, item["decimals"]),
                "production_date": prod.isoformat() if prod else None,
                "received_date": received.isoformat(),
                "expiry_date": expiry.isoformat() if expiry else None,
                "unit_price": unit_price or price(item["ref_price"]),
                "reserve_mode": "physical",
                "source": source,
                "owner_org": owner,
                "custodian_org": depot["owner_org"],
                "location": location,
                "supplier": supplier,
                "_force": force,
                "_prefix": prefix,
            }
        )

    def relief_lots(depot_code: str, item_code: str, units: int, owner: str) -> None:
        item = items[item_code]
        depot = depots[depot_code]
        loc_codes = [loc["code"] for loc in depot["locations"]]
        prepositioned = owner != depot["owner_org"]
        for part in split_batches(units, item, Decimal(item["ref_price"])):
            if prepositioned:
                source, supplier = "transfer", None
            elif depot_code in TOWNS and rng.random() < 0.25:
                source, supplier = "transfer", None  # issued down from the county depot
            elif depot["level"] >= 3 and item["category"] == "05" and rng.random() < 0.12:
                source, supplier = "donation", rng.choice(DONORS)
            else:
                source = "purchase"
                cands = ["GYS-06"] if item_code in FOOD else SUPPLIERS_BY_CAT[item["category"]]
                supplier = supplier_names[rng.choice(cands)]
            add_lot(depot_code, item_code, part, owner, source, supplier, rng.choice(loc_codes))

    for item_code, depot_code, qty in CITY_OWNED:
        relief_lots(depot_code, item_code, qty, CITY_BUREAU)
    for item_code, (total, weights) in ALLOC.items():
        dec = items[item_code]["decimals"]
        for depot_code, units in apportion(to_units(total, dec), weights).items():
            relief_lots(depot_code, item_code, units, depots[depot_code]["owner_org"])

    # grain and oil
    for item_code, per_depot in GRAIN_ALLOC.items():
        item = items[item_code]
        for depot_code, tons in per_depot.items():
            depot = depots[depot_code]
            enterprise = orgs[depot["owner_org"]]["name"]
            n = max(1, round(tons / 1000)) if item_code[:4] == "1401" else (2 if tons >= 300 else 1)
            parts = apportion(tons * 1000, {str(i): rng.uniform(0.7, 1.3) for i in range(n)})
            used = {lot["location"] for lot in lots if lot["depot"] == depot_code}
            free = [loc["code"] for loc in depot["locations"] if loc["code"] not in used]
            for part in parts.values():
                loc = free.pop(0) if free else rng.choice(depot["locations"])["code"]
                if item_code == "140101":  # wheat, harvested in July
                    prod = date(rng.choice([2024, 2025, 2026]), 7, rng.randint(1, 25))
                elif item_code == "140102":  # maize, harvested in October
                    prod = date(rng.choice([2024, 2025]), 10, rng.randint(5, 30))
                else:
                    prod = None
                if prod is not None:
                    received = min(prod + timedelta(days=rng.randint(20, 90)), RECEIVED_MAX)
                    dates = (prod, received, lives[item["code"]].expiry(prod), False)
                else:
                    dates = None
                add_lot(
                    depot_code,
                    item_code,
                    part,
                    GRAIN_OWNER,
                    "purchase",
                    enterprise,
                    loc,
                    dates=dates,
                    prefix="LS",
                    unit_price=price(item["ref_price"], 0.95, 1.05),
                )

    # force a handful of lots to be expired / near expiry (not the city plan stock)
    def pick(item_code: str) -> dict:
        cands = [
            lot
            for lot in lots
            if lot["item"] == item_code
            and "_forced" not in lot
            and not (lot["owner_org"] == CITY_BUREAU and lot["item"] in PLAN_HELD)
        ]
        cands.sort(key=lambda lot: (not lot["_force"], lot["batch"]))
        return cands[0] if cands[0]["_force"] else rng.choice(cands)

    def set_expiry(lot: dict, expiry: date) -> None:
        life = lives[lot["item"]]
        assert life is not None
        prod = (
            add_months(expiry, -life.months)
            if life.months is not None
            else expiry - timedelta(days=life.days or 0)
        )
        received = min(prod + timedelta(days=rng.randint(3, 40)), RECEIVED_MAX)
        assert received >= RECEIVED_MIN and prod <= received
        lot["batch"] = batch_no(lot["_prefix"], received.year, lot["item"])
        lot.update(
            production_date=prod.isoformat(),
            received_date=received.isoformat(),
            expiry_date=expiry.isoformat(),
            _forced=True,
        )

    for code in EXPIRED_PICKS:
        set_expiry(pick(code), TODAY - timedelta(days=rng.randint(5, 300)))
    for code in NEAR_PICKS:
        lot = pick(code)
        latest = min(
            TODAY + timedelta(days=NEAR_DAYS - 5),  # received by RECEIVED_MAX
            RECEIVED_MAX + timedelta(days=items[code]["shelf_life_days"] - 3),
        )
        set_expiry(lot, TODAY + timedelta(days=rng.randint(5, (latest - TODAY).days)))
    for lot in lots:
        assert not lot["_force"] or lot.get("_forced"), f"unforced short-life lot {lot}"
        for key in ("_force", "_forced", "_prefix"):
            lot.pop(key, None)

    depot_order = {c: i for i, c in enumerate(depots)}
    lots.sort(
        key=lambda lot: (depot_order[lot["depot"]], lot["item"], lot["received_date"], lot["batch"])
    )
    (SEED_DIR / "stock.json").write_text(
        json.dumps(lots, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(f"wrote {len(lots)} lots to {SEED_DIR / 'stock.json'}")


if __name__ == "__main__":
    main()
