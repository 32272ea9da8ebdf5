"""Text fitting for PDF reports: wrapping, shrinking, money figures."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reportlab.pdfbase.pdfmetrics import stringWidth

from inventory_app.reports.fonts import cjk_font
from inventory_app.reports.pdf_base import Column, column_widths, fit_size, format_fen, wrap_text

FONT = cjk_font()


def test_cjk_wraps_between_characters_and_keeps_every_character() -> None:
    text = "中卫市应急物资储备库柔远镇物流园区棉帐篷"
    lines = wrap_text(text, FONT, 10, 45)
    assert len(lines) > 2
    assert "".join(lines) == text
    assert all(stringWidth(line, FONT, 10) <= 45 for line in lines)


def test_closing_punctuation_never_starts_a_line() -> None:
    text = "中卫市应急物资储备库（柔远镇物流园区）"
    for width in range(40, 200, 3):
        lines = wrap_text(text, FONT, 10, width)
        assert all(not line.startswith(("）", "，", "。")) for line in lines[1:]), lines


def test_latin_words_move_to_the_next_line_whole() -> None:
    lines = wrap_text("批号 ZW2026-0501-09", FONT, 10, 90)
    assert lines == ["批号", "ZW2026-0501-09"]


@given(
    st.text(alphabet="棉帐篷12㎡顶ZW-0501（）， abc", min_size=0, max_size=80),
    st.floats(min_value=12, max_value=300),
)
def test_wrapped_lines_fit_and_lose_nothing_but_spaces(text: str, width: float) -> None:
    lines = wrap_text(text, FONT, 9, width)
    assert all(stringWidth(line, FONT, 9) <= width or len(line) == 1 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_fit_size_shrinks_then_stops_at_the_minimum() -> None:
    assert fit_size("海原县", FONT, 10, 100, 6) == 10
    shrunk = fit_size("海原县应急管理局", FONT, 10, 60, 6)
    assert 6 <= shrunk < 10
    assert stringWidth("海原县应急管理局", FONT, shrunk) <= 60
    assert fit_size("海原县应急管理局" * 5, FONT, 10, 60, 6) == 6


@pytest.mark.parametrize(
    ("fen", "text"),
    [(0, "¥0.00"), (5, "¥0.05"), (123456789, "¥1,234,567.89"), (-1050, "-¥10.50")],
)
def test_format_fen(fen: int, text: str) -> None:
    assert format_fen(fen) == text


def test_column_widths_share_the_total_by_weight() -> None:
    widths = column_widths([Column("a", 1), Column("b", 3)], 200)
    assert widths == [50, 150]
