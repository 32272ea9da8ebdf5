"""The table behind sign-in throttling (services/sign_in.py), re-exported by `tables`."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Integer, String, Table

from .schema import metadata

# Failed sign-ins in a row, per typed user name ("user:…") and per PC ("host:…"): the
# growing delay and the temporary lock are computed from these (services/sign_in.py).
sign_in_throttle = Table(
    "sign_in_throttle",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("failures", Integer, nullable=False, default=0),
    Column("last_failed_at", DateTime, nullable=False),
    Column("locked_until", DateTime),
)
