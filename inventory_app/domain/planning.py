"""Reserve planning rules: required quantities from norms, the yearly split, coverage.

Plain arithmetic on Decimals, shared by plan generation, coverage and the reports.

- A norm set has at most one **shelter** line (a tent: persons per unit); **per-tent** norms
  count the tents that shelter the target's persons, **per-person** norms the persons.
- required = norm × persons (or × tents), rounded **up** to the item's whole units.
- The yearly split: year k receives ⌊need × (s₁+…+s_k)⌋ − ⌊need × (s₁+…+s_{k−1})⌋ units, the
  last year the remainder. Cumulative rounding down gives whole numbers that never go
  negative, stay within one unit of each year's exact share, and add up exactly to the need.
- Coverage of one item: the persons its stock shelters, rounded down; the overall coverage
  is the smallest of the items that are required (the limiting item).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from .errors import InvalidInput

HUNDRED = Decimal(100)


class NormBasis(enum.StrEnum):
    PER_PERSON = "per_person"  # units per person (棉大衣 1 件/人)
    PER_TENT = "per_tent"  # units per tent of the set's shelter item (棉被 1 条/蓬)
    SHELTER = "shelter"  # the tent itself: value = persons per unit (棉帐篷 4 人/蓬)


@dataclass(frozen=True)
class Norm:
    item_code: str
    basis: NormBasis
    value: Decimal
    decimals: int = 0  # the item's decimals: required quantities round up to them


def _ceil(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_CEILING)


def shelter_of(norms: Sequence[Norm]) -> Norm | None:
    """The set's tent (the one shelter line), if any."""
    shelters = [n for n in norms if n.basis is NormBasis.SHELTER and n.value > 0]
    if len(shelters) > 1:
        raise InvalidInput("norm_set", "one_shelter", ",".join(n.item_code for n in shelters))
    return shelters[0] if shelters else None


def required_quantities(persons: int, norms: Sequence[Norm]) -> dict[str, Decimal]:
    """What the target must hold, per item (code → quantity)."""
    if persons < 0:
        raise InvalidInput("persons", "negative", persons)
    shelter = shelter_of(norms)
    tents = _ceil(Decimal(persons) / shelter.value, 0) if shelter else None
    required: dict[str, Decimal] = {}
    for norm in norms:
        if norm.basis is NormBasis.SHELTER:
            required[norm.item_code] = tents if tents is not None else Decimal(0)
        elif norm.basis is NormBasis.PER_PERSON:
            required[norm.item_code] = _ceil(norm.value * persons, norm.decimals)
        else:
            if tents is None:
                raise InvalidInput("norm_set", "no_shelter", norm.item_code)
            required[norm.item_code] = _ceil(norm.value * tents, norm.decimals)
    return required


def parse_shares(text: str | Sequence[Decimal] | None, years: int) -> list[Decimal]:
    """Percent per year for every year but the last (which takes the remainder).

    Default: 33 % a year (the source's "每年完成计划储备任务的 33%"). Given shares may
    name every year if they add up to exactly 100.
    """
    if years < 1:
        raise InvalidInput("years", "range", years)
    if text is None or text == "":
        shares = [Decimal(33)] * (years - 1)
    elif isinstance(text, str):
        try:
            shares = [Decimal(part.strip().rstrip("%")) for part in text.split(",") if part.strip()]
        except ArithmeticError:
            raise InvalidInput("shares", "format", text) from None
    else:
        shares = [Decimal(s) for s in text]
    total = sum(shares, Decimal(0))
    if len(shares) == years and total == HUNDRED:
        shares = shares[:-1]
    if (
        len(shares) != years - 1
        or any(not s.is_finite() or s < 0 for s in shares)
        or total > HUNDRED
    ):
        raise InvalidInput("shares", "range", text if isinstance(text, str) else shares)
    return shares


def split_years(
    need: Decimal, years: Sequence[int], shares: Sequence[Decimal]
) -> dict[int, Decimal]:
    """The need spread over `years` by cumulative shares, rounded down; the last year takes
    the remainder. Whole units (need is whole); the years add up exactly to the need."""
    if len(shares) != len(years) - 1:
        raise InvalidInput("shares", "range", list(shares))
    split: dict[int, Decimal] = {}
    cumulative, done = Decimal(0), Decimal(0)
    for year, share in zip(years[:-1], shares, strict=True):
        cumulative += share
        reached = (need * cumulative / HUNDRED).quantize(Decimal(1), rounding=ROUND_FLOOR)
        split[year] = reached - done
        done = reached
    split[years[-1]] = need - done
    return split


def year_range(text: str | None, default: Sequence[int]) -> list[int]:
    """ "2022-2024" → [2022, 2023, 2024]; one year "2025" → [2025]."""
    if not text:
        return list(default)
    first, _, last = text.partition("-")
    try:
        start, end = int(first), int(last or first)
    except ValueError:
        raise InvalidInput("years", "format", text) from None
    if not 1900 < start <= end < start + 30:
        raise InvalidInput("years", "range", text)
    return list(range(start, end + 1))


def persons_covered(held: Decimal, norm: Norm, persons_per_tent: Decimal | None) -> int | None:
    """Persons this stock of one item shelters (None: the item is not required)."""
    if norm.value <= 0:
        return None
    if norm.basis is NormBasis.SHELTER:
        return int((held * norm.value).to_integral_value(rounding=ROUND_FLOOR))
    if norm.basis is NormBasis.PER_PERSON:
        return int((held / norm.value).to_integral_value(rounding=ROUND_FLOOR))
    if not persons_per_tent:
        return None
    tents = (held / norm.value).to_integral_value(rounding=ROUND_FLOOR)
    return int(tents * persons_per_tent)


def limiting(covered: Mapping[str, int | None]) -> tuple[str | None, int]:
    """(the limiting item, its persons) among the required items; (None, 0) if none."""
    counted = [(persons, code) for code, persons in covered.items() if persons is not None]
    if not counted:
        return None, 0
    persons, code = min(counted)
    return code, persons
