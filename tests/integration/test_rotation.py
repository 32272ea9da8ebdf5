"""轮换 on the demo database: the proposal, 轮出 opening a four-month window, 轮入 of the
same grade closing it, a wrong grade refused, open and overdue windows."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from inventory_app.domain.errors import InvalidInput, InvalidState
from inventory_app.domain.permissions import Actor
from inventory_app.persistence.uow import UnitOfWork
from inventory_app.services import balances, rotation
from inventory_app.services.verify import verify
from tests.integration.helpers import rid
from tests.integration.plan_support import demo_db, demo_file, demo_template

__all__ = ["demo_db", "demo_file", "demo_template"]  # fixtures

pytestmark = pytest.mark.slow
D = Decimal
Demo = tuple[UnitOfWork, Actor]
WHEAT_LOT = "LS2024-1401-01"  # 小麦 at ZW-LK-01, storage life ends 2027-07-15


def test_the_schedule_proposes_grain_rotation_and_renewal(demo_db: Demo) -> None:
    uow, admin = demo_db
    proposals = rotation.schedule(uow, admin, 2027)
    wheat = next(p for p in proposals if p.batch_no == WHEAT_LOT)
    assert (wheat.action, wheat.item_name, wheat.unit) == ("rotate", "小麦", "吨")
    assert wheat.harvest_year == 2024
    assert all(p.expiry_date is not None and p.expiry_date <= date(2027, 12, 31) for p in proposals)
    assert {p.action for p in proposals} == {"rotate", "renew"}  # tents, bedding: 更新轮换
    assert not any(p.batch_no == WHEAT_LOT for p in rotation.schedule(uow, admin, 2026))


def test_rotate_out_and_back_in_within_four_months(demo_db: Demo) -> None:
    uow, admin = demo_db
    lot = balances.lot_by_batch(uow, admin, "ZW-LK-01", WHEAT_LOT, None)
    out_day = date.today() - timedelta(days=30)
    rotation.rotate_out(
        uow,
        admin,
        depot="ZW-LK-01",
        lot_id=lot,
        quantity="500",
        grade="二等",
        doc_date=out_day,
        request_id=rid(),
    )
    (window,) = rotation.windows(uow, admin, open_only=True)
    assert (window.shortfall, window.status, window.grade) == (D("500.000"), "open", "二等")
    assert window.due_on > date.today()
    with pytest.raises(InvalidInput) as wrong:
        rotation.rotate_in(
            uow, admin, window_id=window.window_id, quantity="500", grade="三等", request_id=rid()
        )
    assert wrong.value.params["reason"] == "grade_mismatch"
    rotation.rotate_in(
        uow,
        admin,
        window_id=window.window_id,
        quantity="300.5",
        grade="二等",
        harvest_year=date.today().year,
        request_id=rid(),
    )
    (window,) = rotation.windows(uow, admin, open_only=True)
    assert window.shortfall == D("199.500")
    # Seen five months on, the window is overdue with what is still missing.
    later = rotation.windows(uow, admin, on=date.today() + timedelta(days=150))
    assert later[0].status == "overdue" and later[0].shortfall == D("199.500")
    rotation.rotate_in(
        uow, admin, window_id=window.window_id, quantity="199.5", grade="二等", request_id=rid()
    )
    assert rotation.windows(uow, admin, open_only=True) == []
    with pytest.raises(InvalidState):
        rotation.rotate_in(
            uow, admin, window_id=window.window_id, quantity="1", grade="二等", request_id=rid()
        )
    new_lots = [p for p in rotation.schedule(uow, admin, 2100) if p.grade == "二等"]
    assert sum(p.on_hand for p in new_lots) == D("500.000")
    assert verify(uow, admin).ok
