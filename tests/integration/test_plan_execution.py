"""Executing an approved plan: contracts against plan lines, deliveries with acceptance
through 入库, payments, progress; over-delivery and closed contracts are refused."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from inventory_app.domain.errors import InvalidInput, InvalidState, OverDelivery
from inventory_app.domain.model import DocState
from inventory_app.domain.permissions import Actor
from inventory_app.persistence.uow import UnitOfWork
from inventory_app.services import (
    auth,
    contract_deliveries,
    contracts,
    coverage,
    plan_documents,
    plan_progress,
    stock_queries,
)
from inventory_app.services.contract_deliveries import DeliveryLine
from inventory_app.services.contracts import ContractLine
from inventory_app.services.plan_generate import PlanSpec
from inventory_app.services.verify import verify
from tests.integration.helpers import dump, rid
from tests.integration.plan_support import demo_db, demo_file, demo_template

__all__ = ["demo_db", "demo_file", "demo_template"]  # fixtures

pytestmark = pytest.mark.slow
D = Decimal
Demo = tuple[UnitOfWork, Actor]


def _approved_plan(uow: UnitOfWork, admin: Actor) -> str:
    draft = plan_documents.save(uow, admin, PlanSpec(target="中卫市本级"), request_id=rid())
    plan_documents.approve(uow, admin, doc_no=draft.doc_no, request_id=rid())
    return draft.doc_no


def _sign(uow: UnitOfWork, admin: Actor, plan_no: str, number: str = "HT-2022-01") -> str:
    contracts.sign(
        uow,
        admin,
        plan_no=plan_no,
        contract_no=number,
        supplier="宁夏某帐篷厂（演示）",
        year=2022,
        depot="ZW-SJ-01",
        lines=[ContractLine("050101", "462"), ContractLine("050104", "587", "130")],
        delivery_due=date(2022, 9, 30),
        doc_date=date(2022, 5, 10),
        request_id=rid(),
    )
    return number


def test_contract_delivery_acceptance_and_payment_update_progress(demo_db: Demo) -> None:
    uow, admin = demo_db
    plan_no = _approved_plan(uow, admin)
    number = _sign(uow, admin, plan_no)
    keeper = auth.authenticate(uow, "keeper_city", "demo1234")
    receipt = contract_deliveries.deliver(
        uow,
        keeper,
        contract_no=number,
        lines=[DeliveryLine(1, "300"), DeliveryLine(2, "587", "580", "7 条破损受潮")],
        qc_report_no="QC-2022-015",
        doc_date=date(2022, 8, 1),
        request_id=rid(),
    )
    assert receipt.doc_no.startswith("RK-ZW-SJ-01-2022-")
    checks = plan_progress.acceptances(uow, admin, number)
    assert [
        (c.line_no, c.ordered, c.delivered, c.accepted, c.rejected, c.result) for c in checks
    ] == [
        (1, 462, 300, 300, 0, "pass"),
        (2, 587, 587, 580, 7, "fail"),
    ]
    assert checks[1].reason == "7 条破损受潮" and checks[1].receipt_no == receipt.doc_no
    contracts.pay(
        uow, admin, contract_no=number, amount="300000", voucher_no="PZ-0815", request_id=rid()
    )
    prog = plan_progress.progress(uow, admin, plan_no)
    tents = next(r for r in prog.rows if r.year == 2022 and r.item_code == "050101")
    assert (tents.planned, tents.contracted, tents.delivered, tents.accepted) == (
        462,
        462,
        300,
        300,
    )
    assert tents.accepted_amount == D("495000.00")
    quilts = next(r for r in prog.rows if r.year == 2022 and r.item_code == "050104")
    assert (quilts.delivered, quilts.accepted, quilts.rejected) == (587, 580, 7)
    assert quilts.contracted_amount == D("76310.00")  # at the contract's price 130
    year = prog.years[0]
    assert (year.year, year.paid_amount) == (2022, D("300000.00"))
    (row,) = prog.contracts
    assert row.amount == D("838610.00") and row.paid_amount == D("300000.00")
    assert row.late  # due 2022-09-30, still open
    # The accepted goods are stock of the city (the plan's owner), at the contract price.
    lots = [
        lot
        for lot in stock_queries.stock_by_lot(uow, admin)
        if lot.item_code == "050101" and lot.received_date == date(2022, 8, 1)
    ]
    assert sum(lot.on_hand for lot in lots) == 300
    assert {lot.owner_name for lot in lots} == {"中卫市应急管理局"}
    cov = coverage.coverage(uow, admin, target="中卫市本级")
    assert next(i for i in cov.items if i.item_code == "050101").held == 848
    assert verify(uow, admin).ok


def test_over_delivery_and_closed_contracts_are_refused(demo_db: Demo) -> None:
    uow, admin = demo_db
    number = _sign(uow, admin, _approved_plan(uow, admin))
    contract_deliveries.deliver(
        uow, admin, contract_no=number, lines=[DeliveryLine(1, "400")], request_id=rid()
    )
    before = dump(uow)
    with pytest.raises(OverDelivery) as over:
        contract_deliveries.deliver(
            uow, admin, contract_no=number, lines=[DeliveryLine(1, "63")], request_id=rid()
        )
    assert over.value.params["open"] == 62
    assert dump(uow) == before
    contracts.close(uow, admin, contract_no=number, request_id=rid())
    closed_state = dump(uow)
    with pytest.raises(InvalidState) as closed:
        contract_deliveries.deliver(
            uow, admin, contract_no=number, lines=[DeliveryLine(2, "1")], request_id=rid()
        )
    assert closed.value.params["state"] == DocState.COMPLETED
    assert dump(uow) == closed_state


def test_contracts_stay_within_the_plan_and_payments_within_the_contract(demo_db: Demo) -> None:
    uow, admin = demo_db
    plan_no = _approved_plan(uow, admin)
    number = _sign(uow, admin, plan_no)
    with pytest.raises(InvalidInput) as more:
        contracts.sign(
            uow,
            admin,
            plan_no=plan_no,
            contract_no="HT-2022-02",
            supplier="X",
            year=2022,
            depot="ZW-SJ-01",
            lines=[ContractLine("050101", "1")],  # 462 of 462 already contracted for 2022
            delivery_due=date(2022, 9, 30),
            request_id=rid(),
        )
    assert more.value.params["reason"] == "more_than_planned"
    with pytest.raises(InvalidInput):
        contracts.pay(
            uow, admin, contract_no=number, amount="838610.01", voucher_no="PZ", request_id=rid()
        )
    draft = plan_documents.save(uow, admin, PlanSpec(target="中卫市本级"), request_id=rid())
    with pytest.raises(InvalidState):  # only an approved plan is contracted against
        contracts.sign(
            uow,
            admin,
            plan_no=draft.doc_no,
            contract_no="HT-2022-03",
            supplier="X",
            year=2022,
            depot="ZW-SJ-01",
            lines=[ContractLine("050107", "1")],
            delivery_due=date(2022, 9, 30),
            request_id=rid(),
        )


def test_full_acceptance_completes_the_contract_and_a_rejection_needs_a_reason(
    demo_db: Demo,
) -> None:
    uow, admin = demo_db
    number = _sign(uow, admin, _approved_plan(uow, admin))
    with pytest.raises(InvalidInput) as why:
        contract_deliveries.deliver(
            uow, admin, contract_no=number, lines=[DeliveryLine(1, "10", "8")], request_id=rid()
        )
    assert why.value.params["field"] == "reason"
    contract_deliveries.deliver(
        uow,
        admin,
        contract_no=number,
        lines=[DeliveryLine(1, "462"), DeliveryLine(2, "587")],
        request_id=rid(),
    )
    (row,) = plan_progress.contracts_list(uow, admin)
    assert row.state == DocState.COMPLETED and not row.late
