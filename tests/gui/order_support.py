"""Orders made through the services for the GUI tests of the allocation flow."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from inventory_app.domain.orders import OrderLine
from inventory_app.domain.permissions import Actor
from inventory_app.services import approvals, orders
from tests.factories import World
from tests.gui.dialog_support import receive


def stock_up(world: World) -> None:
    receive(world, "A", "050101", "40", batch="T-1")
    receive(world, "A", "050104", "40", batch="Q-1")


def make_order(
    world: World,
    *,
    by: Actor | None = None,
    submit: bool = True,
    emergency: bool = False,
    tents: str = "10",
    quilts: str = "10",
) -> str:
    return orders.create_order(
        world.uow,
        by or world.admin,
        lines=[
            OrderLine("050101", Decimal(tents), "A"),
            OrderLine("050104", Decimal(quilts), "A"),
        ],
        receiving_unit="海原县应急管理局",
        place="海原县三河镇安置点",
        receiver="马主任",
        receiver_phone="13900000000",
        emergency=emergency,
        submit=submit,
        request_id=uuid.uuid4().hex,
    ).doc_no


def approve(world: World, doc_no: str) -> None:
    approvals.approve_order(world.uow, world.approver, doc_no=doc_no, request_id=uuid.uuid4().hex)


def phone_approve(world: World, doc_no: str, at: datetime | None = None) -> None:
    approvals.approve_by_phone(
        world.uow,
        world.admin,
        doc_no=doc_no,
        oral_approver="张局长",
        method="电话",
        approved_at=at,
        request_id=uuid.uuid4().hex,
    )
