"""depots get a short name (简称) for tables; storage life is kept in months as entered;
an index for the ledger's running balance (结存)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01

A storage life stored as a whole number of 365-day years becomes that many years in months
(2920 days → 96 months), so its expiry falls on the calendar anniversary; any other span
stays in days.
"""

from alembic import op
import sqlalchemy as sa


revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("depots", schema=None) as batch_op:
        batch_op.add_column(sa.Column("short_name", sa.String(40), nullable=False, server_default=""))
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("shelf_life_months", sa.Integer(), nullable=True))
    op.create_index(
        "ix_movements_item_depot", "movements", ["item_id", "depot_id", "id", "delta"]
    )
    op.execute(
        "UPDATE items SET shelf_life_months = (shelf_life_days / 365) * 12, shelf_life_days = NULL"
        " WHERE shelf_life_days IS NOT NULL AND shelf_life_days > 0 AND shelf_life_days % 365 = 0"
    )


def downgrade() -> None:
    op.drop_index("ix_movements_item_depot", table_name="movements")
    op.execute(
        "UPDATE items SET shelf_life_days = (shelf_life_months / 12) * 365 + (shelf_life_months % 12) * 30"
        " WHERE shelf_life_months IS NOT NULL"
    )
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.drop_column("shelf_life_months")
    with op.batch_alter_table("depots", schema=None) as batch_op:
        batch_op.drop_column("short_name")
