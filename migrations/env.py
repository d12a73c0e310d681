"""Alembic environment. studylog runs it itself (see ``studylog.db.upgrade``), passing the
connection in ``config.attributes``; developers may also run ``alembic`` from the repo root."""

from alembic import context
from sqlalchemy import Connection, create_engine

from studylog.store.db import VERSION_TABLE
from studylog.store.models import Base

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        version_table=VERSION_TABLE,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
    with engine.begin() as connection:
        _run(connection)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("studylog migrations run online only")
run_migrations_online()
