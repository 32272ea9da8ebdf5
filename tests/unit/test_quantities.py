"""Quantities and money: exact parsing, refusal instead of rounding, milli and fen storage."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inventory_app.domain.errors import InvalidMoney, InvalidQuantity
from inventory_app.domain.quantities import (
    MAX_QUANTITY,
    decimals_of,
    fen_to_yuan,
    from_milli,
    money_amount,
    parse_money,
    parse_quantity,
    to_milli,
)


def _reason(excinfo: pytest.ExceptionInfo[InvalidQuantity]) -> str:
    return str(excinfo.value.params["reason"])


# ---------------------------------------------------------------- parse_quantity


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        ("5", 0, Decimal("5")),
        (" 12 ", 0, Decimal("12")),
        (7, 0, Decimal("7")),
        (Decimal("3"), 0, Decimal("3")),
        ("1.000", 0, Decimal("1")),  # trailing zeros are not real decimals
        ("1.5", 3, Decimal("1.500")),
        ("0.001", 3, Decimal("0.001")),
        ("2.25", 2, Decimal("2.25")),
        ("1,000", 0, Decimal("1000")),
        ("12,345,678", 0, Decimal("12345678")),
        ("1,234.567", 3, Decimal("1234.567")),
        ("1，000", 0, Decimal("1000")),  # full-width comma (Chinese input method)
        ("2，500.5", 1, Decimal("2500.5")),
        ("999999999999", 0, Decimal("999999999999")),
        ("999999999999.999", 3, Decimal("999999999999.999")),
    ],
)
def test_parse_quantity_accepts(value: object, decimals: int, expected: Decimal) -> None:
    result = parse_quantity(value, decimals)
    assert result == expected
    assert isinstance(result, Decimal)
    assert decimals_of(result) <= decimals


def test_parse_quantity_result_carries_the_items_scale() -> None:
    assert str(parse_quantity("1.5", 3)) == "1.500"
    assert str(parse_quantity("4", 0)) == "4"
    assert str(parse_quantity("1.000", 0)) == "1"


@pytest.mark.parametrize(
    ("value", "decimals"),
    [
        ("1.5", 0),
        ("0.5", 0),
        ("1.0001", 3),
        ("2.125", 2),
        ("0.0005", 3),
        (Decimal("1.25"), 1),
        (Decimal("1E-4"), 3),
    ],
)
def test_parse_quantity_refuses_too_many_decimals_never_rounds(
    value: object, decimals: int
) -> None:
    with pytest.raises(InvalidQuantity) as excinfo:
        parse_quantity(value, decimals)
    assert _reason(excinfo) == "too_many_decimals"
    assert excinfo.value.params["allowed_decimals"] == decimals


@pytest.mark.parametrize("value", ["-1", -3, "-0.5", Decimal("-2")])
def test_parse_quantity_refuses_negative(value: object) -> None:
    with pytest.raises(InvalidQuantity) as excinfo:
        parse_quantity(value, 3)
    assert _reason(excinfo) == "negative"


def test_parse_quantity_negative_allowed_for_adjustments() -> None:
    assert parse_quantity("-2.5", 1, allow_negative=True) == Decimal("-2.5")
    with pytest.raises(InvalidQuantity):
        parse_quantity("-2.55", 1, allow_negative=True)


@pytest.mark.parametrize("value", ["0", 0, "0.000", "-0", Decimal("0")])
def test_parse_quantity_refuses_zero(value: object) -> None:
    with pytest.raises(InvalidQuantity) as excinfo:
        parse_quantity(value, 3)
    assert _reason(excinfo) == "zero"
    assert parse_quantity(value, 3, allow_zero=True) == 0


@pytest.mark.parametrize(
    "value",
    [
        "",
        "   ",
        "abc",
        "1.2.3",
        "12kg",
        "NaN",
        "nan",
        "Infinity",
        "-inf",
        "1 000",
        None,
        [],
        object(),
        True,
        False,
        Decimal("NaN"),
        Decimal("Infinity"),
    ],
)
def test_parse_quantity_refuses_non_numbers(value: object) -> None:
    with pytest.raises(InvalidQuantity) as excinfo:
        parse_quantity(value, 3)
    assert _reason(excinfo) == "not_a_number"


@pytest.mark.parametrize("value", [0.1, 1.0, 5.0, float("nan")])
def test_parse_quantity_refuses_floats(value: float) -> None:
    """0.1 is not exactly 0.1: floats are refused even when they look whole."""
    with pytest.raises(InvalidQuantity) as excinfo:
        parse_quantity(value, 3)
    assert _reason(excinfo) == "not_a_number"


@pytest.mark.parametrize(
    "value", [MAX_QUANTITY, "1000000000000", "-1000000000000", "1000000000000000"]
)
def test_parse_quantity_refuses_too_large(value: object) -> None:
    with pytest.raises(InvalidQuantity) as excinfo:
        parse_quantity(value, 0, allow_negative=True)
    assert _reason(excinfo) == "too_large"


@pytest.mark.parametrize(
    "value", ["1,5", "12,34", "1,0000", ",5", "1,", "1,,000", "1，5", "0,5", "1,234,56"]
)
def test_parse_quantity_refuses_misplaced_group_separators(value: str) -> None:
    """ "1,5" typed for 1.5 must not silently become 15 (commas only group thousands)."""
    with pytest.raises(InvalidQuantity) as excinfo:
        parse_quantity(value, 3)
    assert _reason(excinfo) == "not_a_number"


# Spellings Python's Decimal() reads as numbers but a keeper never means (issue 8).
MALFORMED = [
    "1e3",
    "1E3",
    "1e-4",
    "1_000",
    "1_0",
    "+5",
    "++5",
    "--5",
    "5-",
    "0x10",
    "1.2.3",
    "１e３",
    "٣",  # Arabic-Indic digit three
    "५",  # Devanagari digit five
    "Infinity",
    "inf",
    "sNaN",
    "1 000",
    "1,00,000",
    "1e",
    ".",
    "-",
    "1.5e2",
    "1,000e3",
    "1_000.5",
]


@pytest.mark.parametrize("value", MALFORMED)
def test_parse_quantity_refuses_what_is_not_plain_decimal_notation(value: str) -> None:
    with pytest.raises(InvalidQuantity) as excinfo:
        parse_quantity(value, 3)
    assert _reason(excinfo) == "not_a_number"


@pytest.mark.parametrize("value", MALFORMED)
def test_parse_money_refuses_what_is_not_plain_decimal_notation(value: str) -> None:
    with pytest.raises(InvalidMoney):
        parse_money(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("１２３", "123"), ("１，０００．５", "1000.5"), (".5", "0.5"), ("2.", "2"), ("-3", "-3")],
)
def test_parse_quantity_accepts_plain_spellings(value: str, expected: str) -> None:
    assert parse_quantity(value, 3, allow_negative=True) == Decimal(expected)


def test_a_plus_sign_only_where_a_signed_change_is_asked_for() -> None:
    assert parse_quantity("+2", 0, allow_negative=True) == Decimal(2)  # 库存调整 +2
    with pytest.raises(InvalidQuantity):
        parse_quantity("+2", 0)
    with pytest.raises(InvalidMoney):
        parse_money("+2")


def test_invalid_quantity_carries_value_and_reason() -> None:
    with pytest.raises(InvalidQuantity) as excinfo:
        parse_quantity("1.5", 0)
    assert excinfo.value.code == "invalid_quantity"
    assert excinfo.value.params == {
        "value": "1.5",
        "reason": "too_many_decimals",
        "allowed_decimals": 0,
    }


# ---------------------------------------------------------------- milli round trip


@given(
    milli=st.integers(min_value=-(10**15) + 1, max_value=10**15 - 1),
    decimals=st.integers(min_value=0, max_value=3),
)
def test_milli_round_trip(milli: int, decimals: int) -> None:
    step = 10 ** (3 - decimals)
    milli -= milli % step  # a value the item can actually hold
    qty = from_milli(milli, decimals)
    assert decimals_of(qty) <= decimals
    assert to_milli(qty) == milli


@given(st.decimals(min_value=Decimal("0.001"), max_value=Decimal("999999999999.999"), places=3))
def test_parse_then_milli_round_trip(qty: Decimal) -> None:
    parsed = parse_quantity(str(qty), 3)
    assert from_milli(to_milli(parsed), 3) == qty


@pytest.mark.parametrize(
    ("qty", "milli"),
    [
        (Decimal("1"), 1000),
        (Decimal("0.001"), 1),
        (Decimal("2.5"), 2500),
        (Decimal("-3.25"), -3250),
        (Decimal("999999999999.999"), 999999999999999),
    ],
)
def test_to_milli_exact(qty: Decimal, milli: int) -> None:
    assert to_milli(qty) == milli
    assert isinstance(to_milli(qty), int)


def test_to_milli_refuses_sub_milli() -> None:
    with pytest.raises(InvalidQuantity):
        to_milli(Decimal("0.0001"))


def test_from_milli_formats_with_item_decimals() -> None:
    assert str(from_milli(2500, 3)) == "2.500"
    assert str(from_milli(5000, 0)) == "5"
    assert str(from_milli(1, 3)) == "0.001"
    assert from_milli(0, 0) == 0


# ---------------------------------------------------------------- money


@pytest.mark.parametrize(
    ("value", "fen"),
    [
        ("1650.00", 165000),
        ("0.01", 1),
        ("12.3", 1230),
        (7, 700),
        (Decimal("3600"), 360000),
        ("1,650.00", 165000),
        ("¥135", 13500),
        ("￥ 2.50", 250),
        ("0", 0),
        (" 99.99 ", 9999),
    ],
)
def test_parse_money(value: object, fen: int) -> None:
    assert parse_money(value) == fen


@pytest.mark.parametrize(
    "value",
    [
        "12.345",
        "0.001",
        "-1",
        "-0.01",
        "abc",
        "",
        None,
        1.5,
        2.0,
        True,
        "NaN",
        Decimal("Infinity"),
        "1,5",
    ],
)
def test_parse_money_refuses(value: object) -> None:
    with pytest.raises(InvalidMoney):
        parse_money(value)


def test_fen_to_yuan() -> None:
    assert fen_to_yuan(165000) == Decimal("1650.00")
    assert str(fen_to_yuan(1)) == "0.01"


@pytest.mark.parametrize(
    ("qty", "price_fen", "amount"),
    [
        (Decimal("3"), 165000, 495000),
        (Decimal("0.5"), 1, 1),  # 0.5 fen rounds half-up to 1
        (Decimal("1.5"), 1, 2),
        (Decimal("2.5"), 1, 3),  # half-up, not banker's rounding (which would give 2)
        (Decimal("0.499"), 1, 0),
        (Decimal("0.001"), 360000, 360),
        (Decimal("0.0015"), 1000, 2),  # 1.5 fen → 2
        (Decimal("1.234"), 333, 411),  # 410.922 → 411
        (Decimal("1.2345"), 100, 123),  # 123.45 → 123
    ],
)
def test_money_amount_half_up(qty: Decimal, price_fen: int, amount: int) -> None:
    assert money_amount(qty, price_fen) == amount
    assert isinstance(money_amount(qty, price_fen), int)


@given(
    qty=st.decimals(min_value=0, max_value=10**9, places=3),
    price=st.integers(min_value=0, max_value=10**8),
)
def test_money_amount_within_half_a_fen(qty: Decimal, price: int) -> None:
    exact = qty * price
    amount = money_amount(qty, price)
    assert abs(Decimal(amount) - exact) <= Decimal("0.5")
    if exact - int(exact) == Decimal("0.5"):
        assert amount == int(exact) + 1
