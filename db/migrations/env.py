"""Alembic environment: runs on the connection handed over by the app's migration runner."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from inventory_app.persistence.tables import metadata

config = context.config
target_metadata = metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        # Command-line use (`alembic -x url=...`): open our own connection.
        url = context.get_x_argument(as_dictionary=True).get("url", "sqlite:///inventory.sqlite3")
        engine = create_engine(url)
        with engine.begin() as own:
            _run(own)
        return
    _run(connection)


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite ALTER needs batch mode
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
