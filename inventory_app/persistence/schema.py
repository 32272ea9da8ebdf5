"""The schema's metadata: constraint naming shared by every table module."""

from __future__ import annotations

from sqlalchemy import BigInteger, MetaData

# Stable constraint names so migrations are portable between SQLite and PostgreSQL.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# Quantities: signed 64-bit thousandths of the item's base unit.
Qty = BigInteger
