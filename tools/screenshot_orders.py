"""The allocation flow the screenshots show: a request and an emergency order on the demo,
then its 出库单 in the print preview."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from inventory_app.domain.orders import OrderLine, RequestLine
from inventory_app.services import approvals, auth, orders, requests


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
    approvals.approve_by_phone(
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


def flow_scenario(uow: Any, depot: str, password: str) -> tuple[str | None, str]:
    """A second order from ``depot`` approved and shipped (for 签收 and 回收), and a drill of
    a request from 中宁县 (filed at the city) run up to departure. Returns (shipped order or None, drill)."""
    from inventory_app.domain.orders import ShipLine
    from inventory_app.services import drills, shipping
    from inventory_app.services.stock_queries import StockFilter, stock_by_lot

    planner = auth.authenticate(uow, "planner", password)
    admin = auth.authenticate(uow, "admin", password)
    keeper = auth.authenticate(uow, "keeper_city", password)
    free: dict[str, Decimal] = {}
    for lot in stock_by_lot(uow, admin, StockFilter(depot_codes=(depot,))):
        free[lot.item_code] = free.get(lot.item_code, Decimal(0)) + lot.available
    wanted = [c for c in ("050101", "050104", "050201") if free.get(c, Decimal(0)) > 0]
    shipped = None
    if wanted:
        lines = [OrderLine(c, min(Decimal(10), free[c]), depot) for c in wanted[:3]]
        shipped = orders.create_order(
            uow,
            planner,
            lines=lines,
            receiving_unit="沙坡头区应急管理局",
            place="沙坡头区迎水桥镇安置点",
            receiver="杨立新",
            submit=True,
            request_id=str(uuid.uuid4()),
        ).doc_no
        approvals.approve_order(uow, admin, doc_no=shipped, request_id=str(uuid.uuid4()))
        shipping.ship(
            uow,
            keeper,
            order_no=shipped,
            depot=depot,
            lines=[ShipLine(n, line.quantity) for n, line in enumerate(lines, 1)],
            plate="宁E·12345",
            request_id=str(uuid.uuid4()),
        )
    # Filed at the keeper's other city depot: a keeper sees the drills of their depots.
    asked = requests.file_request(
        uow,
        keeper,
        depot="ZW-SJ-02",
        requesting_unit="中宁县应急管理局",
        lines=[RequestLine("050101", Decimal(30)), RequestLine("050104", Decimal(60))],
        request_id=str(uuid.uuid4()),
        persons=240,
        disaster_type="洪涝",
        place="中宁县宁安镇应急避难场所",
        county="中宁县",
        lat="37.4890",
        lon="105.6850",
        response=8,
    ).doc_no
    drill = drills.start_drill(uow, keeper, request_no=asked, request_id=str(uuid.uuid4()))
    for step in ("approve", "print", "depart"):
        drills.drill_step(uow, keeper, doc_no=drill.doc_no, step=step, request_id=str(uuid.uuid4()))
    return shipped, drill.doc_no


def flow_shots(
    window: Any, save: Callable[[Any, str], None], settle: Callable[[], Iterator[int]],
    shipped: str | None, drill: str,
) -> Iterator[int]:  # fmt: skip
    """drills.png, dialog-sign.png and dialog-return.png (filled in, not posted)."""
    from inventory_app.ui.dialogs.return_dialog import ReturnDialog
    from inventory_app.ui.dialogs.sign_dialog import REASON, RECEIVED, SignDialog
    from inventory_app.ui.widgets.nav_pane import PAGE_DRILLS, NavTarget

    window.navigate(NavTarget(PAGE_DRILLS))
    page = window.pages[PAGE_DRILLS]
    yield from settle()
    rows = page.model.rows()
    page.table.selectRow(next((i for i, r in enumerate(rows) if r.doc_no == drill), 0))
    yield from settle()
    save(window, "drills")
    if shipped is None:
        return
    sign = SignDialog(window.ctx, window, order_no=shipped)
    sign.show()
    yield from settle()
    sign.signed_by_edit.setText("杨立新")
    model = sign.model
    if model.rowCount() > 1:
        model.setData(model.index(1, model.column_of(RECEIVED)), "8")
        model.setData(model.index(1, model.column_of(REASON)), "途中雨淋受潮 2 套，拒收")
    yield from settle()
    save(sign, "dialog-sign")
    sign.reject()
    back = ReturnDialog(window.ctx, window, order_no=shipped)
    back.show()
    yield from settle()
    lines = back.model
    lines.setData(lines.index(0, lines.column_of("good")), "6")
    lines.setData(lines.index(0, lines.column_of("cleaned")), "2")
    lines.setData(lines.index(0, lines.column_of("scrap")), "1")
    lines.setData(lines.index(0, lines.column_of("note")), "1 顶篷布撕裂无法修复")
    yield from settle()
    save(back, "dialog-return")
    back.reject()
