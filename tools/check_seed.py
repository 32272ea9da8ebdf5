"""Validate the demo/reference data in db/seed/ (stdlib only).

Prints totals per category and exits 1 on any inconsistency. The hard figures
come from 000_34de6c3a7d1959f8.txt (中卫市“十四五”应急体系规划), see db/seed/README.md.

    python tools/check_seed.py [--seed-dir DIR] [--today YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from inventory_app.domain.shelf_life import ShelfLife

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "db" / "seed"
DEMO_TODAY = date(2026, 11, 23)

KEYS = {
    "regions.json": {"code", "name", "level", "parent"},
    "organisations.json": {"code", "name", "kind", "region", "level"},
    "categories.json": {"code", "name", "name_en"},
    "items.json": {
        "code",
        "name",
        "name_en",
        "category",
        "spec",
        "unit",
        "decimals",
        "gb_code",
        "ref_price",
        "shelf_life_months",
        "shelf_life_days",
        "norm_per_person",
        "norm_per_tent",
        "persons_per_unit",
        "reserve_modes",
    },
    "depots.json": {
        "code",
        "name",
        "short_name",
        "kind",
        "level",
        "region",
        "owner_org",
        "address",
        "contact",
        "phone",
        "lat",
        "lon",
        "demo",
        "note",
        "locations",
    },
    "stock.json": {
        "depot",
        "item",
        "batch",
        "qty",
        "production_date",
        "received_date",
        "expiry_date",
        "unit_price",
        "reserve_mode",
        "source",
        "owner_org",
        "custodian_org",
        "location",
        "supplier",
    },
    "users.json": {"username", "display_name", "role", "depots", "password"},
}

# 000 lines 138-148: the 13 categories and their totals (件, 工程材料类 in 吨)
CATEGORIES = [
    ("01", "防护用品类", "7757"),
    ("02", "生命救助类", "270"),
    ("03", "生命支持类", "65"),
    ("04", "救援运载类", "3"),
    ("05", "临时食宿类", "8392"),
    ("06", "污染清理类", "12"),
    ("07", "动力燃料类", "85"),
    ("08", "工程设备类", "945"),
    ("09", "器材工具类", "9012"),
    ("10", "照明设备类", "533"),
    ("11", "通讯广播类", "32"),
    ("12", "交通运输类", "50"),
    ("13", "工程材料类", "273.810"),
    ("14", "粮油", None),
]
# 000 lines 136-138: grain and oil (吨)
GRAIN_TOTALS = {
    ("140101", "140102"): ("原粮", Decimal("15000")),
    ("140201", "140202"): ("成品粮", Decimal("2720")),
    ("140301",): ("食用植物油", Decimal("530")),
}
# 000 lines 822-828: plan item -> (unit, norm field, norm, ref_price, city-owned stock)
# need = norm x 7800 - held: 1402 tents, 7760 coats, 1780 quilts, 1950, 1950, 1139.
PLAN_ITEMS = {
    "050101": ("棉帐篷", "顶", "persons_per_unit", "4", "1650.00", 548, 1402),
    "050103": ("棉大衣", "件", "norm_per_person", "1", "150.00", 40, 7760),
    "050104": ("棉被", "套", "norm_per_tent", "1", "135.00", 170, 1780),
    "050105": ("棉褥", "条", "norm_per_tent", "1", "110.00", 0, 1950),
    "050106": ("枕头", "个", "norm_per_tent", "1", "30.00", 0, 1950),
    "050107": ("折叠床", "个", "norm_per_tent", "1", "220.00", 811, 1139),
}
REQUIRED_ITEMS = {
    "050102": ("单帐篷", "顶", "1320.00"),
    "140101": ("小麦", "吨", None),
    "140102": ("玉米", "吨", None),
    "140201": ("面粉", "吨", None),
    "140202": ("大米", "吨", None),
    "140301": ("食用植物油", "吨", None),
}
CITY_BUREAU = "中卫市应急管理局"
GRAIN_BUREAU = "中卫市粮食和物资储备局"
DEPT_DEPOTS = {
    "中卫市公安局": 2,
    "中卫市自然资源局": 2,
    "中卫市交通运输局": 2,
    "中卫市粮食和物资储备局": 2,
    "中卫市水务局": 1,
}
COUNTIES = {"640502": "沙坡头区", "640521": "中宁县", "640522": "海原县"}
REQUIRED_REGIONS = {"640000": "宁夏回族自治区", "640500": "中卫市", **COUNTIES}
TOWNS = {
    "640502": [
        "滨河镇",
        "文昌镇",
        "东园镇",
        "柔远镇",
        "镇罗镇",
        "宣和镇",
        "永康镇",
        "迎水桥镇",
        "常乐镇",
    ],
    "640521": ["宁安镇", "鸣沙镇", "石空镇", "恩和镇", "新堡镇"],
    "640522": ["海城镇", "李旺镇", "西安镇", "三河镇", "七营镇"],
}
REQUIRED_ORGS = ["宁夏回族自治区应急管理厅", CITY_BUREAU, *DEPT_DEPOTS, "中卫市军粮供应有限公司"]
ORG_KINDS = {"bureau", "department", "storage_enterprise", "supplier", "township"}
ROLES = {"keeper", "approver", "planner", "auditor", "admin"}
REQUIRED_USERS = {
    "admin": "admin",
    "keeper_city": "keeper",
    "keeper_shapotou": "keeper",
    "keeper_zhongning": "keeper",
    "keeper_haiyuan": "keeper",
    "approver": "approver",
    "planner": "planner",
    "auditor": "auditor",
}
KEEPER_COUNTY = {
    "keeper_shapotou": "640502",
    "keeper_zhongning": "640521",
    "keeper_haiyuan": "640522",
}
SETTINGS_PERSONS = 7800  # 000 line 806: 7800 displaced persons
SETTINGS = {
    "persons_target": SETTINGS_PERSONS,
    "road_factor": "1.3",
    "truck_speed_kmh": "55",
    "near_expiry_days": 90,
    "plan_years": [2022, 2023, 2024],
    "plan_share_per_year": "0.33",
    "funding_source": "市本级财政",
}
MODES = {"physical", "agreement", "capacity"}
SOURCES = {"purchase", "donation", "transfer"}
BBOX = (Decimal("36.0"), Decimal("38.0"), Decimal("104.3"), Decimal("106.6"))  # 中卫 lat/lon box

PRICE_RE = re.compile(r"^\d+\.\d{2}$")
DEC_RE = re.compile(r"^\d+(\.\d+)?$")
COORD_RE = re.compile(r"^\d+\.\d{4}$")
LOC_RE = re.compile(r"^[A-Z]-\d{2}$")


class Checker:
    def __init__(self, seed_dir: Path, today: date) -> None:
        self.dir = seed_dir
        self.today = today
        self.errors: list[str] = []

    def err(self, msg: str) -> None:
        self.errors.append(msg)

    def load(self, name: str):
        path = self.dir / name
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            self.err(f"{name}: cannot read: {exc}")
            return None
        if name in KEYS:
            if not isinstance(data, list):
                self.err(f"{name}: must be a list")
                return []
            for i, row in enumerate(data):
                if not isinstance(row, dict) or set(row) != KEYS[name]:
                    got = set(row) if isinstance(row, dict) else type(row).__name__
                    self.err(f"{name}[{i}]: keys {got} != {sorted(KEYS[name])}")
        return data

    def unique(self, name: str, rows: list[dict], key: str) -> dict:
        out: dict = {}
        for r in rows:
            k = r.get(key)
            if k in out:
                self.err(f"{name}: duplicate {key} {k!r}")
            out[k] = r
        return out

    @staticmethod
    def dec(s) -> Decimal | None:
        if not isinstance(s, str) or not DEC_RE.match(s):
            return None
        try:
            return Decimal(s)
        except InvalidOperation:
            return None

    @staticmethod
    def day(s) -> date | None:
        if not isinstance(s, str) or not re.match(r"^\d{4}-\d{2}-\d{2}$", s):
            return None
        try:
            return date.fromisoformat(s)
        except ValueError:
            return None

    # ------------------------------------------------------------------ files
    def run(self) -> int:
        regions = self.load("regions.json") or []
        orgs = self.load("organisations.json") or []
        cats = self.load("categories.json") or []
        items = self.load("items.json") or []
        depots = self.load("depots.json") or []
        stock = self.load("stock.json") or []
        users = self.load("users.json") or []
        settings = self.load("settings.json")
        if self.errors:  # wrong shapes: stop before cascading errors
            return self.report(None, None)
        regs = self.check_regions(regions)
        orgs_by = self.check_orgs(orgs, regs)
        cats_by = self.check_categories(cats)
        items_by = self.check_items(items, cats_by)
        depots_by = self.check_depots(depots, regs, orgs_by)
        totals, lot_stats = self.check_stock(stock, items_by, depots_by, orgs_by, regs)
        self.check_users(users, depots_by, regs)
        if settings != SETTINGS:
            self.err(f"settings.json: {settings} != {SETTINGS}")
        return self.report(totals, lot_stats)

    def ancestors(self, regs: dict, code: str | None) -> list[str]:
        out = []
        seen = set()
        while code is not None and code in regs and code not in seen:
            seen.add(code)
            out.append(code)
            code = regs[code]["parent"]
        return out

    def check_regions(self, rows: list[dict]) -> dict:
        regs = self.unique("regions.json", rows, "code")
        lengths = {1: 6, 2: 6, 3: 6, 4: 9, 5: 12}
        for code, r in regs.items():
            lvl = r["level"]
            if lvl not in lengths:
                self.err(f"region {code}: level {lvl}")
                continue
            if not (isinstance(code, str) and code.isdigit() and len(code) == lengths[lvl]):
                self.err(f"region {code}: level {lvl} needs a {lengths[lvl]}-digit code")
            if lvl == 1:
                if r["parent"] is not None:
                    self.err(f"region {code}: level 1 has a parent")
            else:
                p = regs.get(r["parent"])
                if p is None or p["level"] != lvl - 1:
                    self.err(f"region {code}: parent {r['parent']} missing or not level {lvl - 1}")
                elif lvl >= 4 and not code.startswith(p["code"]):
                    self.err(f"region {code}: code does not extend parent {p['code']}")
        for code, name in REQUIRED_REGIONS.items():
            if code not in regs or regs[code]["name"] != name:
                self.err(f"regions.json: missing {code} {name}")
        names = {(r["parent"], r["name"]) for r in regs.values() if r["level"] == 4}
        for county, towns in TOWNS.items():
            for t in towns:
                if (county, t) not in names:
                    self.err(f"regions.json: town {t} missing under {county}")
        if not 5 <= sum(r["level"] == 5 for r in regs.values()) <= 10:
            self.err("regions.json: expected about 6 villages/communities (level 5)")
        return regs

    def check_orgs(self, rows: list[dict], regs: dict) -> dict:
        orgs_by = self.unique("organisations.json", rows, "code")
        for code, o in orgs_by.items():
            if o["kind"] not in ORG_KINDS:
                self.err(f"org {code}: kind {o['kind']!r}")
            if o["region"] not in regs:
                self.err(f"org {code}: unknown region {o['region']}")
            if not (isinstance(o["level"], int) and 1 <= o["level"] <= 5):
                self.err(f"org {code}: level {o['level']!r}")
            elif (
                o["kind"] in ("bureau", "department", "township")
                and o["region"] in regs
                and regs[o["region"]]["level"] != o["level"]
            ):
                self.err(f"org {code}: level {o['level']} != its region's level")
            if (
                o["kind"] in ("storage_enterprise", "supplier")
                and o["name"] != "中卫市军粮供应有限公司"
                and not o["name"].endswith("（演示）")
            ):
                self.err(f"org {code}: invented enterprise name must end with （演示）")
        names = Counter(o["name"] for o in orgs_by.values())
        for n in REQUIRED_ORGS + [f"{c}应急管理局" for c in ("沙坡头区", "中宁县", "海原县")]:
            if not any(x.endswith(n) for x in names):
                self.err(f"organisations.json: missing {n}")
        for n, c in names.items():
            if c > 1:
                self.err(f"organisations.json: duplicate name {n}")
        kinds = Counter(o["kind"] for o in orgs_by.values())
        ent = [o["name"] for o in orgs_by.values() if o["kind"] == "storage_enterprise"]
        if len(ent) < 8 or kinds["supplier"] < 5:
            self.err(
                f"organisations.json: {len(ent)} storage enterprises, {kinds['supplier']} suppliers"
            )
        return orgs_by

    def check_categories(self, rows: list[dict]) -> dict:
        got = [(c["code"], c["name"]) for c in rows]
        want = [(c, n) for c, n, _ in CATEGORIES]
        if got != want:
            self.err(f"categories.json: {got} != {want}")
        for c in rows:
            if not c["name_en"]:
                self.err(f"category {c['code']}: empty name_en")
        return {c["code"]: c for c in rows}

    def check_items(self, rows: list[dict], cats_by: dict) -> dict:
        items_by = self.unique("items.json", rows, "code")
        per_cat: Counter[str] = Counter()
        for code, it in items_by.items():
            cat = it["category"]
            per_cat[cat] += 1
            if cat not in cats_by or not re.match(rf"^{cat}\d{{4}}$", str(code)):
                self.err(f"item {code}: bad code/category {cat}")
            if not (it["name"] and it["name_en"] and it["spec"] and it["unit"]):
                self.err(f"item {code}: empty name/name_en/spec/unit")
            want_dec = 3 if cat in ("13", "14") else 0
            if it["decimals"] != want_dec:
                self.err(f"item {code}: decimals {it['decimals']} (want {want_dec})")
            if (it["unit"] == "吨") != (want_dec == 3):
                self.err(f"item {code}: unit {it['unit']} vs decimals {it['decimals']}")
            gb = it["gb_code"]
            if gb is not None and not re.match(r"^[123]\d{6}$", str(gb)):
                self.err(f"item {code}: gb_code {gb!r} is not a 7-digit GB/T 38565 code")
            if not isinstance(it["ref_price"], str) or not PRICE_RE.match(it["ref_price"]):
                self.err(f"item {code}: ref_price {it['ref_price']!r}")
            sl, sm = it["shelf_life_days"], it["shelf_life_months"]
            if sl is not None and not (isinstance(sl, int) and 30 <= sl <= 7300):
                self.err(f"item {code}: shelf_life_days {sl!r}")
            if sm is not None and not (isinstance(sm, int) and 1 <= sm <= 240):
                self.err(f"item {code}: shelf_life_months {sm!r}")
            if sl is not None and sm is not None:
                self.err(f"item {code}: storage life in months or in days, not both")
            for f in ("norm_per_person", "norm_per_tent", "persons_per_unit"):
                v = it[f]
                dv = self.dec(v) if v is not None else None
                if v is not None and (dv is None or dv <= 0):
                    self.err(f"item {code}: {f} {v!r}")
            modes = it["reserve_modes"]
            if not modes or not set(modes) <= MODES or len(set(modes)) != len(modes):
                self.err(f"item {code}: reserve_modes {modes!r}")
        for cat in cats_by:
            if per_cat[cat] < 3 and cat != "14":
                self.err(f"items.json: category {cat} has only {per_cat[cat]} items")
        for code, (name, unit, nf, norm, price, _held, _need) in PLAN_ITEMS.items():
            it = items_by.get(code)
            if (
                not it
                or it["name"] != name
                or it["unit"] != unit
                or it["ref_price"] != price
                or it[nf] != norm
            ):
                self.err(
                    f"items.json: plan item {code} {name} must have unit {unit}, {nf}={norm}, price {price}"
                )
        for code, (name, unit, req_price) in REQUIRED_ITEMS.items():
            it = items_by.get(code)
            if (
                not it
                or it["name"] != name
                or it["unit"] != unit
                or (req_price and it["ref_price"] != req_price)
            ):
                self.err(f"items.json: required item {code} {name} ({unit})")
        if items_by.get("050102", {}).get("persons_per_unit") != "4":
            self.err("items.json: 050102 单帐篷 persons_per_unit must be 4")
        return items_by

    def check_depots(self, rows: list[dict], regs: dict, orgs_by: dict) -> dict:
        depots_by = self.unique("depots.json", rows, "code")
        by_name = {o["name"]: c for c, o in orgs_by.items()}
        relief = [d for d in depots_by.values() if d["kind"] == "relief"]
        for code, d in depots_by.items():
            if d["kind"] not in ("relief", "grain"):
                self.err(f"depot {code}: kind {d['kind']!r}")
            if d["region"] not in regs:
                self.err(f"depot {code}: unknown region {d['region']}")
            if d["owner_org"] not in orgs_by:
                self.err(f"depot {code}: unknown owner_org {d['owner_org']}")
                continue
            owner = orgs_by[d["owner_org"]]
            if not (isinstance(d["level"], int) and 1 <= d["level"] <= 5):
                self.err(f"depot {code}: level {d['level']!r}")
            for f in ("name", "address", "contact", "phone"):
                if not d[f]:
                    self.err(f"depot {code}: empty {f}")
            if not re.match(r"^0955-\d{7}$", d["phone"]):
                self.err(f"depot {code}: phone {d['phone']!r}")
            for f, lo, hi in (("lat", BBOX[0], BBOX[1]), ("lon", BBOX[2], BBOX[3])):
                v = d[f]
                if not (isinstance(v, str) and COORD_RE.match(v) and lo <= Decimal(v) <= hi):
                    self.err(f"depot {code}: {f} {v!r} (4-dp string inside Zhongwei)")
            if not isinstance(d["demo"], bool):
                self.err(f"depot {code}: demo must be a bool")
            locs = d["locations"]
            lcodes = [loc.get("code") for loc in locs]
            if (
                not 3 <= len(locs) <= 8
                or len(set(lcodes)) != len(lcodes)
                or any(
                    set(loc) != {"code", "name"} or not LOC_RE.match(loc["code"]) for loc in locs
                )
            ):
                self.err(f"depot {code}: 3-8 locations with unique codes like A-01")
            if d["kind"] == "grain" and owner["kind"] != "storage_enterprise":
                self.err(f"depot {code}: grain depot must be held by a storage enterprise")
            if d["kind"] == "relief" and owner["kind"] not in ("bureau", "department", "township"):
                self.err(f"depot {code}: relief depot owned by {owner['kind']}")
            if d["kind"] == "relief" and d["level"] != owner["level"]:
                self.err(f"depot {code}: level {d['level']} != owner's level {owner['level']}")
        # 000 lines 129-136: 25 depots: 2 city + 9 in 5 departments + county/township
        if len(relief) != 25:
            self.err(f"depots.json: {len(relief)} relief depots, want 25")
        city = [d for d in relief if d["owner_org"] == by_name.get(CITY_BUREAU)]
        if (
            len(city) != 2
            or any(d["level"] != 2 for d in city)
            or not any("柔远镇物流园区" in d["name"] + d["address"] for d in city)
            or not any("宁夏红科技园" in d["name"] + d["address"] for d in city)
        ):
            self.err("depots.json: want 2 level-2 city depots (柔远镇物流园区, 宁夏红科技园)")
        for name, n in DEPT_DEPOTS.items():
            got = [d for d in relief if d["owner_org"] == by_name.get(name)]
            if len(got) != n or any(d["level"] != 2 for d in got):
                self.err(f"depots.json: {name} must hold {n} level-2 depots, has {len(got)}")
        local = [d for d in relief if d["level"] >= 3]
        if len(local) != 14:
            self.err(f"depots.json: {len(local)} county/township depots, want 14")
        per_county: defaultdict[str, Counter[int]] = defaultdict(Counter)
        for d in local:
            anc = self.ancestors(regs, d["region"])
            county = next((c for c in anc if c in COUNTIES), None)
            if county is None:
                self.err(f"depot {d['code']}: not inside 沙坡头区/中宁县/海原县")
                continue
            if regs[d["region"]]["level"] < d["level"]:  # region = where it stands (town or below)
                self.err(
                    f"depot {d['code']}: level {d['level']} but region level {regs[d['region']]['level']}"
                )
            per_county[county][d["level"]] += 1
        for c, name in COUNTIES.items():
            if per_county[c][3] != 1 or per_county[c][4] < 1:
                self.err(f"depots.json: {name} needs 1 county depot and township points")
        hy = per_county["640522"][4]
        if any(per_county[c][4] >= hy for c in ("640502", "640521")):
            self.err("depots.json: 海原县 should have the most township points")
        grain = [d for d in depots_by.values() if d["kind"] == "grain"]
        if not 8 <= len(grain) <= 10:
            self.err(f"depots.json: {len(grain)} grain depots, want 8-10")
        return depots_by

    # ------------------------------------------------------------------ stock
    def check_stock(
        self, lots: list[dict], items_by: dict, depots_by: dict, orgs_by: dict, regs: dict
    ):
        by_name = {o["name"]: c for c, o in orgs_by.items()}
        city, grain_owner = by_name.get(CITY_BUREAU), by_name.get(GRAIN_BUREAU)
        totals: dict[str, Decimal] = defaultdict(Decimal)
        item_tot: dict[str, Decimal] = defaultdict(Decimal)
        city_owned: dict[str, Decimal] = defaultdict(Decimal)
        expired = near = preposition = 0
        batches: Counter[tuple[str, str]] = Counter()
        near_limit = self.today + timedelta(days=90)
        for n, lot in enumerate(lots):
            where = f"stock[{n}] {lot.get('depot')}/{lot.get('item')}/{lot.get('batch')}"
            it, dp = items_by.get(lot["item"]), depots_by.get(lot["depot"])
            if it is None or dp is None:
                self.err(f"{where}: unknown item or depot")
                continue
            batches[(lot["item"], lot["batch"])] += 1
            if not lot["batch"]:
                self.err(f"{where}: empty batch")
            q = self.dec(lot["qty"])
            places = len(lot["qty"].split(".")[1]) if q is not None and "." in lot["qty"] else 0
            if q is None or q <= 0 or places > it["decimals"]:
                self.err(f"{where}: qty {lot['qty']!r} (item allows {it['decimals']} decimals)")
                continue
            if (
                not isinstance(lot["unit_price"], str)
                or not PRICE_RE.match(lot["unit_price"])
                or Decimal(lot["unit_price"]) <= 0
            ):
                self.err(f"{where}: unit_price {lot['unit_price']!r}")
            if lot["reserve_mode"] != "physical":
                self.err(f"{where}: reserve_mode must be physical")
            if lot["source"] not in SOURCES:
                self.err(f"{where}: source {lot['source']!r}")
            if lot["owner_org"] not in orgs_by or lot["custodian_org"] not in orgs_by:
                self.err(f"{where}: unknown owner/custodian")
                continue
            if lot["custodian_org"] != dp["owner_org"]:
                self.err(f"{where}: custodian {lot['custodian_org']} is not the depot's holder")
            if lot["location"] not in {loc["code"] for loc in dp["locations"]}:
                self.err(f"{where}: location {lot['location']} not in depot")
            if lot["supplier"] is not None and not isinstance(lot["supplier"], str):
                self.err(f"{where}: supplier must be a string or null")
            if lot["source"] in ("purchase", "donation") and not lot["supplier"]:
                self.err(f"{where}: {lot['source']} lot needs a supplier/donor")
            # dates
            prod, recv = self.day(lot["production_date"]), self.day(lot["received_date"])
            exp = self.day(lot["expiry_date"])
            if recv is None or not date(2015, 1, 1) <= recv <= date(2026, 10, 31):
                self.err(
                    f"{where}: received_date {lot['received_date']!r} outside 2015-01..2026-10"
                )
            if lot["production_date"] is not None and prod is None:
                self.err(f"{where}: production_date {lot['production_date']!r}")
            if prod and recv and prod > recv:
                self.err(f"{where}: produced after received")
            shelf = ShelfLife.of(it["shelf_life_months"], it["shelf_life_days"])
            if shelf is None:
                if lot["expiry_date"] is not None:
                    self.err(f"{where}: expiry given but item has no shelf life")
            elif prod is None or exp != shelf.expiry(prod):
                self.err(f"{where}: expiry must be production + {shelf.chinese()}")
            if exp is not None:
                if exp <= self.today:
                    expired += 1
                elif exp <= near_limit:
                    near += 1
            # ownership rules
            cat = it["category"]
            if (cat == "14") != (dp["kind"] == "grain"):
                self.err(f"{where}: grain/oil only and always in grain depots")
            if cat == "14" and (
                lot["owner_org"] != grain_owner
                or orgs_by[lot["custodian_org"]]["kind"] != "storage_enterprise"
            ):
                self.err(f"{where}: grain owned by {GRAIN_BUREAU}, held by a storage enterprise")
            if lot["owner_org"] != lot["custodian_org"]:
                if (
                    lot["owner_org"] == city
                    and orgs_by[lot["custodian_org"]]["kind"] == "bureau"
                    and orgs_by[lot["custodian_org"]]["level"] == 3
                ):
                    preposition += 1
                elif cat != "14":
                    self.err(f"{where}: owner differs from custodian outside 前置/代储 rules")
            if (
                dp["kind"] == "relief"
                and dp["level"] >= 3
                and lot["owner_org"] not in (city, dp["owner_org"])
            ):
                self.err(f"{where}: county/township stock owned by {lot['owner_org']}")
            totals[cat] += q
            item_tot[lot["item"]] += q
            if lot["owner_org"] == city:
                city_owned[lot["item"]] += q
        for (item, b), c in batches.items():
            if c > 1:
                self.err(f"stock.json: batch {b} used {c} times for item {item}")
        # a) category totals (000 lines 138-148)
        for code, name, want in CATEGORIES:
            if want is not None and totals[code] != Decimal(want):
                self.err(f"stock: {code} {name} total {totals[code]} != {want} (000 lines 138-148)")
        # b) grain and oil (000 lines 136-138)
        for codes, (name, tons) in GRAIN_TOTALS.items():
            got = sum((item_tot[c] for c in codes), Decimal(0))
            if got != tons:
                self.err(f"stock: {name} {got} t != {tons} t")
        # c) plan consistency (000 lines 822-828)
        for code, (name, _u, _nf, _norm, _p, held, _need) in PLAN_ITEMS.items():
            if city_owned[code] != held:
                self.err(f"stock: city-owned {name} {city_owned[code]} != {held}")
        it = items_by.get("050101")
        if it:
            persons = Decimal(SETTINGS_PERSONS)
            tents = persons / Decimal(it["persons_per_unit"])
            coats = persons * Decimal(items_by["050103"]["norm_per_person"])
            plan = {"050101": tents - city_owned["050101"], "050103": coats - city_owned["050103"]}
            for code in ("050104", "050105", "050106", "050107"):
                norm = Decimal(items_by[code]["norm_per_tent"])
                plan[code] = tents * norm - city_owned[code]
            for code, need in plan.items():
                name, source_need = PLAN_ITEMS[code][0], PLAN_ITEMS[code][6]
                if need != source_need:
                    self.err(f"stock: plan for {name} gives {need}, source says {source_need}")
        if preposition < 2:
            self.err(f"stock: {preposition} pre-positioned city lots (前置/代储), want >= 2")
        # e) expiry spread and f) size
        if not 5 <= expired <= 10:
            self.err(f"stock: {expired} expired lots, want 5-10")
        if not 8 <= near <= 12:
            self.err(f"stock: {near} lots expiring within 90 days, want about 10")
        if not 250 <= len(lots) <= 400:
            self.err(f"stock: {len(lots)} lots, want 250-400")
        self.check_fit(lots, depots_by, orgs_by)
        stats = {
            "lots": len(lots),
            "expired": expired,
            "near": near,
            "preposition": preposition,
            "city_owned": {PLAN_ITEMS[c][0]: city_owned[c] for c in PLAN_ITEMS},
            "grain": {
                n: sum((item_tot[c] for c in cs), Decimal(0)) for cs, (n, _) in GRAIN_TOTALS.items()
            },
        }
        return totals, stats

    def check_fit(self, lots: list[dict], depots_by: dict, orgs_by: dict) -> None:
        """f) departments hold goods that fit their job."""
        held = defaultdict(set)
        for lot in lots:
            if lot["depot"] in depots_by:
                held[orgs_by[depots_by[lot["depot"]]["owner_org"]]["name"]].add(lot["item"])
        want = {
            "中卫市水务局": {"090101", "020101", "040101", "080101"},
            "中卫市公安局": {"01", "10", "11"},
            "中卫市自然资源局": {"090107", "090109"},
            "中卫市交通运输局": {"08", "12", "13"},
        }
        for org, needs in want.items():
            for n in needs:
                if not any(i.startswith(n) for i in held[org]):
                    self.err(f"stock: {org} holds nothing of {n}")

    # ------------------------------------------------------------------ users
    def check_users(self, rows: list[dict], depots_by: dict, regs: dict) -> None:
        users_by = self.unique("users.json", rows, "username")
        for name, role in REQUIRED_USERS.items():
            if name not in users_by or users_by[name]["role"] != role:
                self.err(f"users.json: need {name} ({role})")
        for name, u in users_by.items():
            if u["role"] not in ROLES or u["password"] != "demo1234" or not u["display_name"]:
                self.err(f"user {name}: role/password/display_name")
            if u["role"] == "keeper":
                if not u["depots"] or any(d not in depots_by for d in u["depots"]):
                    self.err(f"user {name}: keeper needs known depots")
            elif u["depots"]:
                self.err(f"user {name}: only keepers have depots")
        city = users_by.get("keeper_city")
        if city and sorted(city["depots"]) != sorted(
            c for c, d in depots_by.items() if d["kind"] == "relief" and d["owner_org"] == "ZW-YJJ"
        ):
            self.err("user keeper_city: must keep the two city depots")
        for name, county in KEEPER_COUNTY.items():
            u = users_by.get(name)
            if not u:
                continue
            want = sorted(
                c
                for c, d in depots_by.items()
                if d["kind"] == "relief"
                and d["level"] >= 3
                and county in self.ancestors(regs, d["region"])
            )
            if sorted(u["depots"]) != want:
                self.err(f"user {name}: depots {u['depots']} != {want}")

    # ------------------------------------------------------------------ output
    def report(self, totals, stats) -> int:
        if totals is not None:
            print("Physical stock per category (source: 000 lines 136-148)")
            for code, name, want in CATEGORIES:
                unit = "吨" if code in ("13", "14") else "件"
                mark = "" if want is None or totals[code] == Decimal(want) else f"   != {want}"
                print(f"  {code} {name:<6} {totals[code]:>12} {unit}{mark}")
            print("Grain and oil: " + ", ".join(f"{n} {v} 吨" for n, v in stats["grain"].items()))
            print(
                "City-owned plan items (中卫市应急管理局): "
                + ", ".join(f"{n} {v}" for n, v in stats["city_owned"].items())
            )
            print(
                f"Lots: {stats['lots']}; expired {stats['expired']}, expiring within 90 days "
                f"{stats['near']} (today {self.today}); pre-positioned city lots {stats['preposition']}"
            )
        for e in self.errors:
            print("ERROR:", e)
        print("OK" if not self.errors else f"FAILED: {len(self.errors)} problem(s)")
        return 1 if self.errors else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed-dir", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--today", type=date.fromisoformat, default=DEMO_TODAY)
    args = ap.parse_args(argv)
    return Checker(args.seed_dir, args.today).run()


if __name__ == "__main__":
    sys.exit(main())
