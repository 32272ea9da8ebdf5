"""Capital money numerals: the financial-writing rules, and a parser that reads them back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inventory_app.domain.money_words import DIGITS, capital_yuan

_PLACE_VALUE = {"拾": 10, "佰": 100, "仟": 1000}


@pytest.mark.parametrize(
    ("fen", "expected"),
    [
        (0, "零元整"),
        (1, "壹分"),
        (10, "壹角整"),
        (55, "伍角伍分"),
        (100, "壹元整"),
        (1000, "壹拾元整"),
        (1600, "壹拾陆元整"),
        (100550, "壹仟零伍元伍角整"),
        (1234567, "壹万贰仟叁佰肆拾伍元陆角柒分"),
        (1000001, "壹万元零壹分"),
        (32504, "叁佰贰拾伍元零肆分"),
        (168032, "壹仟陆佰捌拾元叁角贰分"),
        (100000000, "壹佰万元整"),
        (10000000, "壹拾万元整"),
        (100100, "壹仟零壹元整"),
        (10010000, "壹拾万零壹佰元整"),
        (1001000000, "壹仟零壹万元整"),
        (10000000000, "壹亿元整"),
        (10001000000, "壹亿零壹万元整"),
        (10010000000, "壹亿零壹拾万元整"),
        (10000010000, "壹亿零壹佰元整"),
        (10100000000, "壹亿零壹佰万元整"),
        (11000000000, "壹亿壹仟万元整"),
        (1_0000_0000_0000_00, "壹万亿元整"),
        (1_2000_0000_0000_00, "壹万贰仟亿元整"),
        (1_0000_0001_0000_00, "壹万亿零壹万元整"),
        (1_0001_0000_0000_00, "壹万零壹亿元整"),
        (141000000, "壹佰肆拾壹万元整"),
        (-1234567, "负壹万贰仟叁佰肆拾伍元陆角柒分"),
        (-50, "负伍角整"),
    ],
)
def test_known_amounts(fen: int, expected: str) -> None:
    assert capital_yuan(fen) == expected


@pytest.mark.parametrize("value", [1.5, "100", True, None])
def test_only_integer_fen(value: object) -> None:
    with pytest.raises(TypeError):
        capital_yuan(value)  # type: ignore[arg-type]


def _read_section(text: str) -> int:
    total = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "零":
            i += 1
            continue
        digit = DIGITS.index(ch)
        if i + 1 < len(text) and text[i + 1] in _PLACE_VALUE:
            total += digit * _PLACE_VALUE[text[i + 1]]
            i += 2
        else:
            total += digit
            i += 1
    return total


def _read_integer(text: str) -> int:
    text = text.lstrip("零")
    if "亿" in text:
        high, _, low = text.rpartition("亿")
        return _read_integer(high) * 10**8 + _read_integer(low)
    if "万" in text:
        high, _, low = text.rpartition("万")
        return _read_section(high) * 10**4 + _read_section(low.lstrip("零"))
    return _read_section(text)


def read_capital(text: str) -> int:
    """The inverse of capital_yuan, written independently to check it."""
    sign = -1 if text.startswith("负") else 1
    text = text.removeprefix("负").removesuffix("整")
    yuan_part, _, cents = text.rpartition("元")
    fen = _read_integer(yuan_part) * 100 if yuan_part else 0
    cents = cents.lstrip("零")
    if "角" in cents:
        jiao, _, cents = cents.partition("角")
        fen += DIGITS.index(jiao) * 10
    if cents.endswith("分"):
        fen += DIGITS.index(cents[:-1])
    return sign * fen


amounts = st.one_of(
    st.integers(min_value=-(10**18), max_value=10**18),
    st.integers(min_value=0, max_value=10**7),
    # Sparse digits exercise the 零 rules: many zeros between few non-zero digits.
    st.lists(st.sampled_from([0, 0, 0, 1, 5, 9]), min_size=1, max_size=20).map(
        lambda digits: int("".join(map(str, digits)))
    ),
)


@given(amounts)
def test_reads_back_to_the_same_amount(fen: int) -> None:
    assert read_capital(capital_yuan(fen)) == fen


@given(amounts)
def test_zero_rules(fen: int) -> None:
    text = capital_yuan(fen)
    assert "零零" not in text
    assert not text.endswith("零")
    assert text.endswith(("整", "分"))
    assert text.endswith("分") == (abs(fen) % 10 != 0)
    body = text.removeprefix("负")
    if fen != 0:
        assert not body.startswith("零")
    if abs(fen) >= 100 or fen == 0:
        assert "元" in text
    assert set(body) <= set(DIGITS + "拾佰仟万亿元角分整")
    # Every 拾 carries its digit: nothing can be written in front of it.
    assert not body.startswith("拾")
    assert "零拾" not in body


@given(st.integers(min_value=1, max_value=10**18))
def test_negative_is_prefixed(fen: int) -> None:
    assert capital_yuan(-fen) == "负" + capital_yuan(fen)
