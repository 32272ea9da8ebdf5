"""Load the Zhongwei demo from db/seed/ through the real services, with two years of history.

The final stock equals db/seed/stock.json lot for lot (so category totals match the source
plan, 000 lines 136–148); the history before it is generated deterministically: receipts on
the lots' received dates, issues for relief and drills, transfers that pre-position stock,
keying mistakes corrected by reversals, and count differences corrected by adjustments.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from .. import paths
from ..domain.model import AdjustLine, OutLine, Purpose, ReceiptLine, Role
from ..domain.permissions import Actor
from ..domain.quantities import parse_quantity
from ..persistence import tables as t
from ..persistence.uow import UnitOfWork
from . import adjustments, auth, issues, masterdata, receipts, reversals, settings, transfers
from .common import today
from .demo_times import spread_entry_times
from .plan_setup import load_seed as load_plan_seed

HISTORY_DAYS = 730
RECEIVERS = [
    "海原县李旺镇人民政府",
    "中宁县鸣沙镇人民政府",
    "沙坡头区迎水桥镇人民政府",
    "海原县西安镇人民政府",
    "中宁县恩和镇人民政府",
    "沙坡头区东园镇人民政府",
    "中卫市消防救援支队",
    "海原县三河镇人民政府",
]


def _read(name: str, seed_dir: Path) -> Any:
    return json.loads((seed_dir / f"{name}.json").read_text(encoding="utf-8"))


@dataclass
class _Plan:
    """A lot of stock.json, with the quantity shipped out of it before today."""

    spec: dict[str, Any]
    decimals: int
    final: Decimal
    outflow: list[tuple[date, Decimal]] = field(default_factory=list)
    lot_id: int = 0


def _load_reference(uow: UnitOfWork, system: Actor, seed: Path) -> None:
    for region in _read("regions", seed):
        masterdata.create_region(
            uow,
            system,
            code=region["code"],
            name=region["name"],
            level=region["level"],
            parent=region["parent"],
        )
    for org in _read("organisations", seed):
        masterdata.create_organisation(
            uow,
            system,
            code=org["code"],
            name=org["name"],
            kind=org["kind"],
            level=org["level"],
            region=org["region"],
        )
    for cat in _read("categories", seed):
        masterdata.create_category(
            uow, system, code=cat["code"], name=cat["name"], name_en=cat.get("name_en", "")
        )
    for item in _read("items", seed):
        masterdata.create_item(
            uow,
            system,
            masterdata.ItemSpec(
                code=item["code"],
                name=item["name"],
                name_en=item.get("name_en", ""),
                category=item["category"],
                spec=item.get("spec", ""),
                unit=item["unit"],
                decimals=item.get("decimals", 0),
                gb_code=item.get("gb_code"),
                ref_price=item.get("ref_price"),
                shelf_life_days=item.get("shelf_life_days"),
                shelf_life_months=item.get("shelf_life_months"),
                norm_per_person=item.get("norm_per_person"),
                norm_per_tent=item.get("norm_per_tent"),
                persons_per_unit=item.get("persons_per_unit"),
                reserve_modes=tuple(item.get("reserve_modes") or ("physical",)),
            ),
        )
    for depot in _read("depots", seed):
        masterdata.create_depot(
            uow,
            system,
            masterdata.DepotSpec(
                code=depot["code"],
                name=depot["name"],
                level=depot["level"],
                owner_org=depot["owner_org"],
                kind=depot.get("kind", "relief"),
                region=depot.get("region"),
                address=depot.get("address", ""),
                contact=depot.get("contact", ""),
                phone=depot.get("phone", ""),
                lat=depot.get("lat"),
                lon=depot.get("lon"),
                demo=bool(depot.get("demo")),
                note=depot.get("note", ""),
                short_name=depot.get("short_name", ""),
            ),
        )
        for loc in depot.get("locations", []):
            masterdata.add_location(
                uow, system, depot=depot["code"], code=loc["code"], name=loc.get("name", "")
            )
    for user in _read("users", seed):
        auth.create_user(
            uow,
            system,
            username=user["username"],
            password=user["password"],
            role=user["role"],
            display_name=user.get("display_name", ""),
            depots=user.get("depots") or (),
        )
    values = _read("settings", seed)
    settings.set_settings(uow, system, {k: v for k, v in values.items() if not isinstance(v, list)})


def _plans(seed: Path, decimals: dict[str, int], rng: random.Random) -> list[_Plan]:
    """Decide, per lot, how much left it over the last two years and when."""
    start = today() - timedelta(days=HISTORY_DAYS)
    plans = []
    for spec in _read("stock", seed):
        dec = decimals[spec["item"]]
        final = parse_quantity(spec["qty"], dec)
        plan = _Plan(spec, dec, final)
        received = date.fromisoformat(spec["received_date"])
        first = max(received + timedelta(days=3), start)
        expiry = date.fromisoformat(spec["expiry_date"]) if spec.get("expiry_date") else None
        last = min(today() - timedelta(days=1), (expiry - timedelta(days=1)) if expiry else today())
        if first < last:
            shipments = rng.randint(2, 14) if final >= 20 else rng.randint(0, 3)
            for _ in range(shipments):
                qty = (final * Decimal(rng.randint(2, 12)) / 100).quantize(Decimal(1).scaleb(-dec))
                if qty > 0:
                    day = first + timedelta(days=rng.randint(0, (last - first).days))
                    plan.outflow.append((day, qty))
        plans.append(plan)
    return plans


def load_demo(
    uow: UnitOfWork, *, seed_dir: Path | None = None, progress: Callable[[str], None] | None = None
) -> str:
    """Load reference data, users, stock and history; returns a one-line summary."""
    seed = seed_dir or paths.seed_dir()
    say = progress or (lambda _text: None)
    rng = random.Random(2024)
    system = auth.system_actor(uow)
    say("载入参考数据 / loading reference data")
    _load_reference(uow, system, seed)
    load_plan_seed(uow, system, seed)  # reserve targets and norm sets
    users = {u["username"]: u for u in _read("users", seed)}
    actors = {name: auth.authenticate(uow, name, u["password"]) for name, u in users.items()}
    keeper_of: dict[int, Actor] = {}
    for actor in actors.values():
        if actor.role == Role.KEEPER:
            for depot_id in actor.depot_ids:
                keeper_of.setdefault(depot_id, actor)
    admin = actors.get("admin") or system
    depot_ids = dict(uow.read(lambda c: c.execute(select(t.depots.c.code, t.depots.c.id)).all()))
    decimals = dict(uow.read(lambda c: c.execute(select(t.items.c.code, t.items.c.decimals)).all()))

    def who(depot_code: str) -> Actor:
        return keeper_of.get(depot_ids[depot_code], admin)

    plans = _plans(seed, decimals, rng)
    say(f"载入 {len(plans)} 个批次的入库 / receiving {len(plans)} lots")
    _post_receipts(uow, plans, who)
    say("生成两年出入库流水 / generating two years of movements")
    # The two years of history predate the order workflow: their 出库单 (each quoting the
    # paper instruction ZWDB-…) were entered by the administrator, the one role that may
    # still post a free-standing 出库.
    counter = _post_history(uow, plans, who, depot_ids, rng, admin)
    spread_entry_times(uow)
    return (
        f"演示数据已载入：{len(depot_ids)} 个仓库、{len(plans)} 个批次、{counter} 张出库/调拨/更正单据。"
        f" Demo loaded: {len(depot_ids)} depots, {len(plans)} lots."
    )


def _post_receipts(uow: UnitOfWork, plans: list[_Plan], who: Callable[[str], Actor]) -> None:
    groups: dict[tuple[str, str, str], list[_Plan]] = defaultdict(list)
    for plan in plans:
        s = plan.spec
        groups[(s["depot"], s["received_date"], s.get("supplier") or "")].append(plan)
    for number, ((depot, received, supplier), group) in enumerate(sorted(groups.items()), 1):
        lines = [
            ReceiptLine(
                item_code=p.spec["item"],
                quantity=p.final + sum((q for _, q in p.outflow), Decimal(0)),
                batch_no=p.spec.get("batch", ""),
                production_date=p.spec.get("production_date"),
                expiry_date=p.spec.get("expiry_date"),
                location_code=p.spec.get("location"),
                unit_price=p.spec.get("unit_price"),
                owner_org_code=p.spec.get("owner_org"),
                custodian_org_code=p.spec.get("custodian_org"),
                supplier=supplier,
            )
            for p in group
        ]
        source = group[0].spec.get("source") or "purchase"
        result = receipts.receive(
            uow,
            who(depot),
            depot=depot,
            lines=lines,
            request_id=f"demo-rk-{number}",
            doc_date=received,
            source="opening" if source == "transfer" else source,
            supplier=supplier,
            reference=f"ZWCG-{received[:4]}-{number:03d}" if supplier else "",
        )
        lot_ids = _lot_ids(uow, result.movement_ids)
        for plan, lot_id in zip(group, lot_ids, strict=True):
            plan.lot_id = lot_id


def _post_history(
    uow: UnitOfWork,
    plans: list[_Plan],
    who: Callable[[str], Actor],
    depot_ids: dict[str, int],
    rng: random.Random,
    issuer: Actor,
) -> int:
    # Shipments from one depot on one day travel on one dispatch slip.
    slips: dict[tuple[date, str], list[tuple[_Plan, Decimal]]] = defaultdict(list)
    for plan in plans:
        for day, qty in plan.outflow:
            slips[(day, plan.spec["depot"])].append((plan, qty))
    relief_depots = sorted(code for code in depot_ids if not code.startswith("ZW-LS"))
    codes: dict[int, str] = {
        row.id: row.code
        for row in uow.read(lambda c: list(c.execute(select(t.items.c.id, t.items.c.code))))
    }
    count = 0
    for number, ((day, depot), lines) in enumerate(sorted(slips.items()), 1):
        actor = who(depot)
        out = [OutLine(p.spec["item"], q, p.lot_id) for p, q in lines]
        roll = rng.random()
        if roll < 0.08 and depot.startswith("ZW-SJ"):
            # Pre-positioning: send to a county/township depot, which hands it out later.
            target = rng.choice([c for c in relief_depots if c != depot and c[:5] != "ZW-SJ"])
            sent = transfers.transfer_send(
                uow,
                actor,
                from_depot=depot,
                to_depot=target,
                lines=out,
                request_id=f"demo-db-{number}",
                doc_date=day,
                reference=f"ZWDB-{day.year}-{number:04d}",
            )
            arrive = min(day + timedelta(days=1), today())
            transfers.transfer_receive(
                uow,
                who(target),
                doc_no=sent.doc_no,
                request_id=f"demo-db-{number}-in",
                doc_date=arrive,
            )
            moved = _arrivals(uow, sent.doc_no)
            issues.issue(
                uow,
                issuer,
                depot=target,
                doc_date=arrive,
                lines=[
                    OutLine(codes[m.item_id], _qty(m.delta, plans, codes[m.item_id]), m.lot_id)
                    for m in moved
                ],
                request_id=f"demo-ck-{number}-fwd",
                receiver=rng.choice(RECEIVERS),
                purpose=Purpose.RELIEF,
            )
            count += 3
            continue
        purpose = (
            Purpose.DRILL
            if roll < 0.25
            else (Purpose.ROTATION if lines[0][0].decimals else Purpose.RELIEF)
        )
        result = issues.issue(
            uow,
            issuer,
            depot=depot,
            lines=out,
            request_id=f"demo-ck-{number}",
            doc_date=day,
            receiver=rng.choice(RECEIVERS),
            reference=f"ZWDB-{day.year}-{number:04d}",
            purpose=purpose,
        )
        count += 1
        if roll > 0.97:
            # A keying mistake: a second slip that is then reversed (the original stays).
            wrong = issues.issue(
                uow,
                issuer,
                depot=depot,
                lines=out[:1],
                request_id=f"demo-ck-{number}-dup",
                doc_date=day,
                receiver=rng.choice(RECEIVERS),
            )
            reversals.reverse(
                uow,
                actor,
                movement_id=wrong.movement_ids[0],
                reason="重复录入，冲销",
                request_id=f"demo-cx-{number}",
                doc_date=day,
            )
            count += 2
        elif roll > 0.95 and result.movement_ids:
            lot = out[0].lot_id
            assert lot is not None
            adjustments.adjust(
                uow,
                actor,
                depot=depot,
                lines=[AdjustLine(lot, Decimal(-1))],
                reason="盘点盘亏 1",
                request_id=f"demo-tz-{number}-a",
                doc_date=day,
            )
            adjustments.adjust(
                uow,
                actor,
                depot=depot,
                lines=[AdjustLine(lot, Decimal(1))],
                reason="复盘找到，更正盘亏",
                request_id=f"demo-tz-{number}-b",
                doc_date=day,
            )
            count += 2
    return count


def _lot_ids(uow: UnitOfWork, movement_ids: tuple[int, ...]) -> list[int]:
    def tx(conn: Connection) -> list[int]:
        return list(
            conn.execute(
                select(t.movements.c.lot_id)
                .where(t.movements.c.id.in_(movement_ids))
                .order_by(t.movements.c.id)
            ).scalars()
        )

    return uow.read(tx)


def _arrivals(uow: UnitOfWork, doc_no: str) -> list[Any]:
    """The transfer-in movements of a received transfer (new lots at the destination)."""

    def tx(conn: Connection) -> list[Any]:
        return list(
            conn.execute(
                select(t.movements.c.lot_id, t.movements.c.item_id, t.movements.c.delta)
                .join(t.documents, t.documents.c.id == t.movements.c.document_id)
                .where(t.documents.c.doc_no == doc_no, t.movements.c.delta > 0)
            )
        )

    return uow.read(tx)


def _qty(milli: int, plans: list[_Plan], item_code: str) -> Decimal:
    decimals = next(p.decimals for p in plans if p.spec["item"] == item_code)
    return (Decimal(milli) / 1000).quantize(Decimal(1).scaleb(-decimals))
