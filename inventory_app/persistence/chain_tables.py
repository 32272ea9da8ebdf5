"""Tables of the tamper-evident history: one hash chain per depot and its head."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Integer, String, Table, UniqueConstraint

from .schema import metadata

ledger_chain = Table(
    "ledger_chain",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("depot_id", Integer, ForeignKey("depots.id"), nullable=False),
    Column("seq", Integer, nullable=False),  # 1, 2, 3 … per depot, without gaps
    Column("kind", String(12), nullable=False),  # document, line, lot, movement, event, link
    Column("row_id", Integer, nullable=False),
    Column("row_hash", String(64), nullable=False),  # SHA-256 of the row's content
    Column("hash", String(64), nullable=False),  # SHA-256 over the above and the previous hash
    UniqueConstraint("depot_id", "seq", name="uq_ledger_chain_seq"),
    UniqueConstraint("kind", "row_id", name="uq_ledger_chain_row"),
)

chain_heads = Table(
    "chain_heads",
    metadata,
    Column("depot_id", Integer, ForeignKey("depots.id"), primary_key=True),
    Column("seq", Integer, nullable=False),
    Column("hash", String(64), nullable=False),
)
