"""Planning rules: required quantities from norms, the yearly split, coverage per item."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inventory_app.domain.errors import InvalidInput
from inventory_app.domain.planning import (
    Norm,
    NormBasis,
    limiting,
    parse_shares,
    persons_covered,
    required_quantities,
    split_years,
    year_range,
)

D = Decimal
CITY = [
    Norm("050101", NormBasis.SHELTER, D(4)),
    Norm("050103", NormBasis.PER_PERSON, D(1)),
    Norm("050104", NormBasis.PER_TENT, D(1)),
]


def test_required_from_norms_rounds_tents_up() -> None:
    assert required_quantities(7800, CITY) == {"050101": 1950, "050103": 7800, "050104": 1950}
    # 7801 persons need a 1951st tent, and per-tent items follow the tents.
    assert required_quantities(7801, CITY) == {"050101": 1951, "050103": 7801, "050104": 1951}


def test_fractional_norms_round_up_to_whole_units() -> None:
    norms = [Norm("X", NormBasis.PER_PERSON, D("0.3"))]
    assert required_quantities(10, norms) == {"X": D(3)}
    assert required_quantities(11, norms) == {"X": D(4)}  # 3.3 → 4


def test_per_tent_norms_need_a_tent() -> None:
    with pytest.raises(InvalidInput):
        required_quantities(10, [Norm("050104", NormBasis.PER_TENT, D(1))])


def test_the_seed_split_is_33_33_and_the_remainder() -> None:
    assert split_years(D(1402), [2022, 2023, 2024], parse_shares(None, 3)) == {
        2022: 462,
        2023: 463,
        2024: 477,
    }


@given(
    need=st.integers(min_value=0, max_value=10**9),
    shares=st.lists(st.integers(min_value=0, max_value=100), min_size=0, max_size=6).filter(
        lambda s: sum(s) <= 100
    ),
)
def test_the_years_add_up_exactly_to_the_need(need: int, shares: list[int]) -> None:
    years = list(range(2022, 2022 + len(shares) + 1))
    split = split_years(D(need), years, [D(s) for s in shares])
    assert list(split) == years
    assert sum(split.values()) == need
    cumulative = D(0)
    for year, share in zip(years, shares, strict=False):
        cumulative += share
        assert split[year] >= 0 and split[year] == split[year].to_integral_value()
        # each year stays within one unit of its exact share
        assert abs(split[year] - D(need) * share / 100) < 1


@given(
    need=st.integers(min_value=0, max_value=10**6),
    text=st.sampled_from(["33,33", "50,25", "0,0", "33.3,33.3", "40,40,20"]),
)
def test_shares_given_as_text(need: int, text: str) -> None:
    shares = parse_shares(text, 3)
    assert sum(split_years(D(need), [1, 2, 3], shares).values()) == need


@pytest.mark.parametrize("text", ["60,60", "a,b", "-1,50", "10"])
def test_bad_shares_are_refused(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_shares(text, 3)


def test_year_range() -> None:
    assert year_range("2022-2024", ()) == [2022, 2023, 2024]
    assert year_range(None, (2025,)) == [2025]
    with pytest.raises(InvalidInput):
        year_range("2024-2022", ())


def test_coverage_per_item_and_the_limiting_item() -> None:
    tent, coat, quilt = CITY
    assert persons_covered(D(548), tent, D(4)) == 2192
    assert persons_covered(D(40), coat, D(4)) == 40
    assert persons_covered(D(170), quilt, D(4)) == 680
    assert persons_covered(D(5), Norm("X", NormBasis.PER_PERSON, D(0)), D(4)) is None
    assert limiting({"050101": 2192, "050103": 40, "050104": 680, "X": None}) == ("050103", 40)
    assert limiting({"X": None}) == (None, 0)
