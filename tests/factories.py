"""Small reference-data world for tests: two depots, a few items, an admin and keepers."""

from __future__ import annotations

from dataclasses import dataclass

from inventory_app.domain.model import Role
from inventory_app.domain.permissions import Actor
from inventory_app.persistence.uow import UnitOfWork
from inventory_app.services import auth, masterdata
from inventory_app.services.masterdata import DepotSpec, ItemSpec

PASSWORD = "secret-pass"


@dataclass(frozen=True)
class World:
    uow: UnitOfWork
    admin: Actor
    keeper_a: Actor  # bound to depot A only
    keeper_b: Actor  # bound to depot B only
    approver: Actor


def build_world(uow: UnitOfWork) -> World:
    system = auth.system_actor(uow)
    masterdata.create_region(uow, system, code="640500", name="中卫市", level=2)
    masterdata.create_organisation(
        uow, system, code="ZW-EMB", name="中卫市应急管理局", kind="bureau", level=2, region="640500"
    )
    masterdata.create_organisation(
        uow, system, code="HY-EMB", name="海原县应急管理局", kind="bureau", level=3, region="640500"
    )
    masterdata.create_category(uow, system, code="05", name="临时食宿类", name_en="Shelter")
    masterdata.create_category(uow, system, code="14", name="粮油", name_en="Grain and oil")
    masterdata.create_item(
        uow,
        system,
        ItemSpec(
            code="050101",
            name="棉帐篷",
            category="05",
            unit="顶",
            spec="12㎡",
            ref_price="1650.00",
            shelf_life_months=96,
            persons_per_unit="4",
        ),
    )
    masterdata.create_item(
        uow,
        system,
        ItemSpec(
            code="050104",
            name="棉被",
            category="05",
            unit="套",
            ref_price="135.00",
            shelf_life_months=60,
            norm_per_tent="1",
        ),
    )
    masterdata.create_item(
        uow,
        system,
        ItemSpec(
            code="140201",
            name="面粉",
            category="14",
            unit="吨",
            decimals=3,
            ref_price="3600.00",
            shelf_life_months=12,
        ),
    )
    masterdata.create_depot(
        uow,
        system,
        DepotSpec(
            code="A",
            name="市级柔远库",
            level=2,
            owner_org="ZW-EMB",
            region="640500",
            lat="37.5100",
            lon="105.1900",
        ),
    )
    masterdata.create_depot(
        uow,
        system,
        DepotSpec(
            code="B",
            name="海原县库",
            level=3,
            owner_org="HY-EMB",
            region="640500",
            lat="36.5600",
            lon="105.6500",
        ),
    )
    masterdata.add_location(uow, system, depot="A", code="A-01", name="A区01")
    masterdata.add_location(uow, system, depot="B", code="B-01", name="B区01")
    auth.create_user(uow, system, username="admin", password=PASSWORD, role=Role.ADMIN)
    auth.create_user(uow, system, username="ka", password=PASSWORD, role=Role.KEEPER, depots=["A"])
    auth.create_user(uow, system, username="kb", password=PASSWORD, role=Role.KEEPER, depots=["B"])
    auth.create_user(uow, system, username="appr", password=PASSWORD, role=Role.APPROVER)
    return World(
        uow,
        auth.authenticate(uow, "admin", PASSWORD),
        auth.authenticate(uow, "ka", PASSWORD),
        auth.authenticate(uow, "kb", PASSWORD),
        auth.authenticate(uow, "appr", PASSWORD),
    )
