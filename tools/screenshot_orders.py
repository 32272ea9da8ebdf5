"""The allocation flow the screenshots show: a request and an emergency order on the demo,
then its 出库单 in the print preview."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from inventory_app.domain.orders import OrderLine, RequestLine
from inventory_app.services import auth, orders, requests


def allocation_scenario(uow: Any, lots: list[Any], depot: str, password: str) -> str:
    """A request from 海原县 answered by an emergency order from the city depot, approved by
    phone 17 hours ago (so the dashboard counts down about 31 hours). Returns the order."""
    planner = auth.authenticate(uow, "planner", password)
    haiyuan = auth.authenticate(uow, "keeper_haiyuan", password)
    wanted = {"050101": Decimal(20), "050104": Decimal(20)}
    have = {code: sum(x.available for x in lots if x.item_code == code) for code in wanted}
    lines = [(code, min(qty, have[code])) for code, qty in wanted.items() if have[code] > 0]
    request = requests.file_request(
        uow,
        haiyuan,
        depot=depot,
        requesting_unit="海原县应急管理局",
        lines=[RequestLine(code, qty) for code, qty in lines],
        request_id=str(uuid.uuid4()),
        persons=80,
        disaster_type="地震",
        place="海原县三河镇中心小学安置点",
        county="海原县",
        receiver="马建国",
        phone="13909551234",
        response=8,
    ).doc_no
    order = orders.create_order(
        uow,
        planner,
        lines=[OrderLine(code, qty, depot) for code, qty in lines],
        receiving_unit="海原县应急管理局",
        request_no=request,
        place="海原县三河镇中心小学安置点",
        receiver="马建国",
        receiver_phone="13909551234",
        sender="李保管",
        sender_phone="13809550001",
        transport_payer="调出方",
        emergency=True,
        submit=True,
        request_id=str(uuid.uuid4()),
    ).doc_no
    orders.approve_by_phone(
        uow,
        planner,
        doc_no=order,
        oral_approver="市应急管理局 张局长",
        method="电话",
        approved_at=datetime.now(UTC).replace(tzinfo=None) - timedelta(hours=16, minutes=48),
        request_id=str(uuid.uuid4()),
    )
    return order


def print_preview_shot(
    window: Any, shooter: Any, order: str, depot: str, settle: Callable[[Any], Iterator[int]]
) -> Iterator[int]:
    """Ship the emergency order from the keeper's depot (after the ship dialog's own shot,
    which needs it open) and photograph the 出库单's print preview."""
    from inventory_app.services import shipping
    from inventory_app.ui.dialogs.print_preview_dialog import preview_document

    slip = shipping.ship(
        window.ctx.uow,
        window.ctx.actor,
        order_no=order,
        depot=depot,
        request_id=str(uuid.uuid4()),
        carrier="中卫市应急运输保障车队",
        driver="王建军",
        driver_phone="13995551234",
        plate="宁E·12345",
    ).doc_no
    preview = preview_document(window.ctx, window, slip)
    yield from settle(window.ctx.tasks)
    shooter.save(preview, "print-preview")
    preview.close()
