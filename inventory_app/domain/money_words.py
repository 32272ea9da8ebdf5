"""Amounts in Chinese capital numerals (大写金额) as written on financial documents."""

from __future__ import annotations

DIGITS = "零壹贰叁肆伍陆柒捌玖"
_PLACES = ("", "拾", "佰", "仟")
_WAN = 10**4
_YI = 10**8


def capital_yuan(fen: int) -> str:
    """``fen`` (integer 分) in capital numerals, e.g. 100550 → 壹仟零伍元伍角整.

    The rules of Chinese financial writing (《正确填写票据和结算凭证的基本规定》):
    a run of zero digits, inside a section or across 万/亿, is written as one 零 and
    never at the end; 拾 always carries its digit (壹拾, so nothing can be added in front);
    "整" ends an amount without 分, also after 角 (the common bank convention); 元 is
    followed by 零 when 角 is zero and 分 is not (…元零伍分). Amounts below one yuan
    start at 角 or 分 (伍角整, 伍分), and negative amounts are prefixed with 负.
    Above 亿 the part before 亿 is itself written with 万 (壹万贰仟亿 = 1.2 万亿).
    """
    if isinstance(fen, bool) or not isinstance(fen, int):
        raise TypeError(f"capital_yuan() takes integer fen, not {type(fen).__name__}")
    if fen < 0:
        return "负" + capital_yuan(-fen)
    yuan, cents = divmod(fen, 100)
    jiao, fen_digit = divmod(cents, 10)
    if yuan == 0 and cents == 0:
        return "零元整"
    text = _integer(yuan) + "元" if yuan else ""
    if jiao:
        text += DIGITS[jiao] + "角"
    elif fen_digit and yuan:
        text += "零"
    if fen_digit:
        return text + DIGITS[fen_digit] + "分"
    return text + "整"


def _integer(n: int) -> str:
    """A positive integer: sections of four digits joined by 万 and (recursively) 亿."""
    if n >= _YI:
        high, low = divmod(n, _YI)
        return _integer(high) + "亿" + _tail(low, _YI // 10)
    if n >= _WAN:
        high, low = divmod(n, _WAN)
        return _section(high) + "万" + _tail(low, _WAN // 10)
    return _section(n)


def _tail(low: int, leading: int) -> str:
    """The part below 万 or 亿, with one 零 when its leading digit is zero."""
    if low == 0:
        return ""
    return ("零" if low < leading else "") + _integer(low)


def _section(n: int) -> str:
    """1..9999 with 仟佰拾: zeros between digits become one 零, trailing zeros vanish."""
    out: list[str] = []
    pending_zero = False
    for place in range(3, -1, -1):
        digit = n // 10**place % 10
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        out.append(DIGITS[digit] + _PLACES[place])
    return "".join(out)
