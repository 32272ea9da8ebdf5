"""Which new passwords are refused: too short, blank, the user's own name, or common."""

from __future__ import annotations

from itertools import pairwise

from .errors import InvalidInput

MIN_PASSWORD = 8

# The most-used passwords in Chinese and English leaks (8+ characters: shorter ones are
# refused anyway). A guesser tries these first, so a keeper may not choose them.
COMMON = frozenset(
    [
        "12345678",
        "123456789",
        "1234567890",
        "0123456789",
        "87654321",
        "11111111",
        "00000000",
        "88888888",
        "66666666",
        "12341234",
        "11223344",
        "12121212",
        "123123123",
        "147258369",
        "123456abc",
        "abc12345",
        "abcd1234",
        "a1234567",
        "a12345678",
        "aa123456",
        "qq123456",
        "1qaz2wsx",
        "qwertyui",
        "qwerty123",
        "qwertyuiop",
        "asdfghjk",
        "zxcvbnm1",
        "password",
        "password1",
        "password123",
        "passw0rd",
        "iloveyou",
        "woaini1314",
        "woaini520",
        "5201314520",
        "13145200",
        "abcdefgh",
        "abcdefg1",
        "admin123",
        "admin1234",
        "administrator",
        "1q2w3e4r",
        "1q2w3e4r5t",
        "letmein1",
        "welcome1",
        "baseball",
        "football",
        "sunshine",
        "princess",
        "superman",
        "11111111a",
        "p@ssw0rd",
        "p@ssword",
    ]
)


def check_new_password(password: str, username: str = "") -> None:
    """Raise InvalidInput("password", reason) for a password a guesser would try first."""
    if not password.strip():
        raise InvalidInput("password", "blank")
    if len(password) < MIN_PASSWORD:
        raise InvalidInput("password", "too_short")
    folded = password.strip().casefold()
    if username and folded == username.strip().casefold():
        raise InvalidInput("password", "same_as_username")
    if folded in COMMON or len(set(folded)) == 1 or _run_of_digits(folded):
        raise InvalidInput("password", "too_common")


def _run_of_digits(text: str) -> bool:
    """'23456789', '98765432': ascending or descending digits."""
    if not text.isdigit():
        return False
    steps = {int(b) - int(a) for a, b in pairwise(text)}
    return steps in ({1}, {-1})
