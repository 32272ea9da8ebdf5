"""Apply Alembic migrations on start; refuse a database written by a newer version."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from .. import paths
from ..domain.errors import DatabaseTooNew


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(paths.migrations_dir()))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def check_not_newer(conn: Connection) -> str | None:
    """Raise DatabaseTooNew if the database is at a revision this program does not know."""
    revision = current_revision(conn)
    if revision is None:
        return None
    script = ScriptDirectory.from_config(alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    if revision not in known:
        raise DatabaseTooNew(found=revision)
    return revision


def is_initialised(engine: Engine) -> bool:
    with engine.connect() as conn:
        return "alembic_version" in inspect(conn).get_table_names() and (
            current_revision(conn) is not None
        )


def upgrade_to_head(engine: Engine) -> bool:
    """Bring the schema to head. Returns True if anything was applied."""
    with engine.connect() as conn:
        before = check_not_newer(conn)
    if before == head_revision():
        return False
    config = alembic_config()
    with engine.connect().execution_options(write=True) as conn:
        config.attributes["connection"] = conn
        with conn.begin():
            command.upgrade(config, "head")
    return True
