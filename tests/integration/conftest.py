"""Fixtures for the ledger integration tests."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from inventory_app.services import auth

# Minimal argon2id cost: the ledger tests sign in four users per database and do not test
# password hashing; full cost would make each `world` take a second or more.
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=256, parallelism=1)


@pytest.fixture
def fast_passwords(monkeypatch: pytest.MonkeyPatch) -> None:
    """Use a cheap argon2 hasher while the test builds its users (request it explicitly)."""
    monkeypatch.setattr(auth, "_HASHER", CHEAP_HASHER)
