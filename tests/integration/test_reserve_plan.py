"""The reserve plan from the demo database: the seed's six lines exactly, other targets,
norm sets and owners, plan documents (approve, revise, never overwritten), coverage."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from inventory_app.cli import EXIT_OK, main
from inventory_app.domain.errors import InvalidInput, InvalidState
from inventory_app.domain.model import DocState
from inventory_app.domain.permissions import Actor
from inventory_app.persistence.uow import UnitOfWork
from inventory_app.services import (
    agreements,
    coverage,
    plan_documents,
    plan_generate,
    plan_queries,
    plan_setup,
)
from inventory_app.services.plan_generate import PlanSpec
from tests.integration.helpers import rid
from tests.integration.plan_support import SEED_NEED, demo_db, demo_file, demo_template

__all__ = ["demo_db", "demo_file", "demo_template"]  # fixtures

pytestmark = pytest.mark.slow
D = Decimal
Demo = tuple[UnitOfWork, Actor]


def test_the_seed_plan_is_reproduced_exactly(demo_db: Demo) -> None:
    uow, admin = demo_db
    plan = plan_generate.generate(uow, admin, PlanSpec(target="中卫市本级", years="2022-2024"))
    assert {ln.item_code: ln.need for ln in plan.lines} == SEED_NEED
    assert [ln.item_name for ln in plan.lines] == [
        "棉帐篷",
        "棉大衣",
        "棉被",
        "棉褥",
        "枕头",
        "折叠床",
    ]
    held = {ln.item_code: ln.held for ln in plan.lines}
    assert held == {
        "050101": 548,
        "050103": 40,
        "050104": 170,
        "050105": 0,
        "050106": 0,
        "050107": 811,
    }
    for line in plan.lines:
        assert sum(line.years.values()) == line.need
        assert line.amount == line.need * line.unit_price
    assert plan.total_amount == D("4241180.00")
    assert plan.total_words == "肆佰贰拾肆万壹仟壹佰捌拾元整"
    assert sum(plan.year_totals.values()) == plan.total_amount
    assert plan.yearly_ceiling == D("1410000.00")
    assert plan.over_ceiling == (2024,)  # the last year takes the remainder: ¥1,442,890
    assert plan.funding_source == "市本级财政"


def test_cli_generate_json_reproduces_the_seed(
    demo_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INVENTORY_PASSWORD", "demo1234")
    argv = ["--db", str(demo_file), "--user", "planner", "plan", "generate"]
    code = main(
        [*argv, "--target", "中卫市本级", "--years", "2022-2024", "--shares", "33,33", "--json"]
    )
    assert code == EXIT_OK
    out = json.loads(capsys.readouterr().out)
    assert {ln["item_code"]: int(ln["need"]) for ln in out["lines"]} == SEED_NEED
    tents = out["lines"][0]
    assert tents == {
        **tents,
        "item_name": "棉帐篷",
        "unit": "顶",
        "required": "1950",
        "held": "548",
        "need": "1402",
        "years": {"2022": "462", "2023": "463", "2024": "477"},
        "unit_price": "1650.00",
        "amount": "2313300.00",
    }
    assert out["years"] == {"2022": "1398065.00", "2023": "1400225.00", "2024": "1442890.00"}
    assert out["total_amount"] == "4241180.00"
    # The same plan from persons and an owner instead of the target's name.
    assert main([*argv, "--persons", "7800", "--owner", "ZW-YJJ", "--json"]) == EXIT_OK
    again = json.loads(capsys.readouterr().out)
    assert again["lines"] == out["lines"]


def test_other_persons_norms_and_an_owner_without_stock(demo_db: Demo) -> None:
    uow, admin = demo_db
    bigger = plan_generate.generate(uow, admin, PlanSpec(persons=10_001, owner="ZW-YJJ"))
    need = {ln.item_code: ln.need for ln in bigger.lines}
    assert need["050101"] == 2501 - 548  # ⌈10001 / 4⌉ tents
    assert need["050103"] == 10_001 - 40
    summer = plan_generate.generate(
        uow, admin, PlanSpec(target="中卫市本级", norm_set="city-summer")
    )
    assert [ln.item_code for ln in summer.lines] == [
        "050102",
        "050104",
        "050105",
        "050106",
        "050107",
    ]
    assert "050103" not in {ln.item_code for ln in summer.lines}  # no coats in summer
    # 中卫市公安局 owns none of these: it needs everything the norms require.
    police = plan_generate.generate(
        uow, admin, PlanSpec(persons=400, owner="ZW-GAJ", shares="50,30")
    )
    assert {ln.item_code: ln.held for ln in police.lines} == dict.fromkeys(SEED_NEED, 0)
    assert {ln.item_code: ln.need for ln in police.lines}["050101"] == 100
    assert police.lines[0].years == {2022: 50, 2023: 30, 2024: 20}


def test_prices_are_overridable_and_money_is_exact(demo_db: Demo) -> None:
    uow, admin = demo_db
    plan = plan_generate.generate(
        uow, admin, PlanSpec(target="中卫市本级", prices={"050101": "1599.99", "050106": "25.5"})
    )
    tents = plan.lines[0]
    assert tents.unit_price == D("1599.99")
    assert tents.amount == D("2243185.98")  # 1402 × 1599.99, to the fen
    assert tents.year_amounts[2022] == D("739195.38")  # 462 × 1599.99
    with pytest.raises(InvalidInput):
        plan_generate.generate(uow, admin, PlanSpec(target="中卫市本级", prices={"140201": "1"}))


def test_approved_plan_is_never_overwritten_only_revised(demo_db: Demo) -> None:
    uow, admin = demo_db
    first = plan_documents.save(uow, admin, PlanSpec(target="中卫市本级"), request_id=rid())
    assert first.state == DocState.DRAFT and first.doc_no.startswith("JH-")
    plan_documents.edit(
        uow,
        admin,
        doc_no=first.doc_no,
        item_code="050101",
        year=2022,
        quantity="460",
        request_id=rid(),
    )
    approved = plan_documents.approve(uow, admin, doc_no=first.doc_no, request_id=rid())
    assert approved.state == DocState.APPROVED
    with pytest.raises(InvalidState):
        plan_documents.edit(
            uow,
            admin,
            doc_no=first.doc_no,
            item_code="050101",
            year=2022,
            quantity="1",
            request_id=rid(),
        )
    revision = plan_documents.revise(uow, admin, doc_no=first.doc_no, request_id=rid())
    plan_documents.edit(
        uow,
        admin,
        doc_no=revision.doc_no,
        item_code="050101",
        year=2023,
        quantity="470",
        request_id=rid(),
    )
    plan_documents.edit(
        uow, admin, doc_no=revision.doc_no, item_code="050103", unit_price="140", request_id=rid()
    )
    plan_documents.approve(uow, admin, doc_no=revision.doc_no, request_id=rid())
    old = plan_queries.show(uow, admin, first.doc_no)
    new = plan_queries.show(uow, admin, revision.doc_no)
    assert (old.state, old.version, new.state, new.version) == ("SUPERSEDED", 1, "APPROVED", 2)
    assert new.revises == first.doc_no and new.approved_by and new.approved_at
    assert old.lines[0].years == {2022: 460, 2023: 463, 2024: 477}  # untouched
    assert old.lines[0].need == 1400
    assert new.lines[0].years == {2022: 460, 2023: 470, 2024: 477}
    assert [(c.item_code, c.what, c.before, c.after) for c in new.changes] == [
        ("050101", "2023", 463, 470),
        ("050103", "unit_price", D("150.00"), D("140.00")),
    ]
    rows = {r.doc_no: r.state for r in plan_queries.list_plans(uow, admin)}
    assert rows == {first.doc_no: "SUPERSEDED", revision.doc_no: "APPROVED"}


def test_a_keeper_cannot_write_plans(demo_db: Demo) -> None:
    from inventory_app.domain.errors import PermissionDenied
    from inventory_app.services import auth

    uow, _admin = demo_db
    keeper = auth.authenticate(uow, "keeper_city", "demo1234")
    with pytest.raises(PermissionDenied):
        plan_documents.save(uow, keeper, PlanSpec(target="中卫市本级"), request_id=rid())


def test_coverage_names_the_limiting_item(demo_db: Demo) -> None:
    uow, admin = demo_db
    cov = coverage.coverage(uow, admin, target="中卫市本级")
    per = {i.item_code: i.persons_covered for i in cov.items}
    assert per == {
        "050101": 2192,
        "050103": 40,
        "050104": 680,
        "050105": 0,
        "050106": 0,
        "050107": 3244,
    }
    assert (cov.persons_covered, cov.limiting_item) == (0, "050105")
    assert [(y.year, y.persons_covered) for y in cov.by_year] == [
        (2022, 2572),
        (2023, 5148),
        (2024, 7800),
    ]


def test_zero_norms_are_ignored_and_agreements_stay_apart(demo_db: Demo) -> None:
    uow, admin = demo_db
    plan_setup.define_norm_set(
        uow,
        admin,
        code="test-set",
        name="测试定额",
        lines=[
            ("050101", "shelter", "4"),
            ("050103", "per_person", "0"),
            ("050104", "per_tent", "1"),
        ],
    )
    agreements.register(
        uow,
        admin,
        agreement_no="XY-TEST-01",
        enterprise="宁夏某被服厂（演示）",
        item_code="050104",
        quantity="1000",
        price="128",
        response_hours=24,
        valid_from=date.today() - timedelta(days=1),
        valid_to=date.today() + timedelta(days=365),
    )
    cov = coverage.coverage(uow, admin, target="中卫市本级", norm_set="test-set")
    coats = next(i for i in cov.items if i.item_code == "050103")
    assert coats.persons_covered is None  # a zero norm requires nothing and limits nothing
    quilts = next(i for i in cov.items if i.item_code == "050104")
    assert (quilts.held, quilts.persons_covered, quilts.agreement_24h) == (170, 680, 1000)
    assert (cov.limiting_item, cov.persons_covered) == ("050104", 680)  # physical only
    assert cov.persons_with_agreements_24h == 2192  # then the tents limit


def test_cli_coverage_json(
    demo_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INVENTORY_PASSWORD", "demo1234")
    assert main(["--db", str(demo_file), "--user", "auditor", "coverage", "--json"]) == EXIT_OK
    out = json.loads(capsys.readouterr().out)
    assert out["persons_covered"] == 0 and out["limiting_item"] == "050105"
    assert {i["item_code"]: i["held"] for i in out["items"]}["050101"] == "548"
    assert {i["item_code"]: i["persons_covered"] for i in out["items"]}["050107"] == 3244
    assert (
        main(["--db", str(demo_file), "--user", "auditor", "coverage", "--depot", "ZW-SJ-01"]) == 0
    )


def test_coverage_of_a_county_and_the_whole_city(demo_db: Demo) -> None:
    uow, admin = demo_db
    city = coverage.coverage(uow, admin, region="640500")
    haiyuan = coverage.coverage(uow, admin, region="640522")
    owned = coverage.coverage(uow, admin, target="中卫市本级")
    tents = {
        c.scope: next(i.held for i in c.items if i.item_code == "050101") for c in (city, haiyuan)
    }
    # The whole city holds every tent of every owner; 海原县 holds its own and the city's 100.
    assert tents["中卫市"] >= next(i.held for i in owned.items if i.item_code == "050101")
    assert 0 < tents["海原县"] < tents["中卫市"]
    assert city.by_year == () and city.persons_target == 0


def test_capacity_reserves_show_apart_from_stock(
    demo_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INVENTORY_PASSWORD", "demo1234")
    base = ["--db", str(demo_file), "--user", "planner"]
    today = date.today()
    add = ["capacity", "add", "--enterprise", "宁夏某被服厂（演示）", "--item", "050105"]
    window = [
        "--valid-from",
        str(today - timedelta(days=1)),
        "--valid-to",
        str(today.replace(year=today.year + 1)),
    ]
    assert main([*base, *add, "--daily", "500", "--days", "1", *window]) == EXIT_OK
    assert main([*base, "capacity", "list", "--json"]) == EXIT_OK
    capsys.readouterr()
    assert main([*base, "coverage", "--json"]) == EXIT_OK
    out = json.loads(capsys.readouterr().out)
    mattresses = next(i for i in out["items"] if i["item_code"] == "050105")
    assert mattresses["capacity_72h"] == "1000"  # 500 a day for the 2 days left after mobilising
    assert mattresses["held"] == "0" and mattresses["persons_covered"] == 0
    assert out["persons_covered"] == 0  # capacity is never counted as stock
