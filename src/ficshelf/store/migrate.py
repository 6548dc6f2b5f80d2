"""Running the Alembic migrations programmatically (no alembic.ini): upgrade, current revision, new revisions.

``ficshelf db upgrade`` calls ``upgrade``; a developer who changes ``tables.py`` runs
``python -m ficshelf.store.migrate "what changed"`` to autogenerate the next revision, then reads and edits it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from ficshelf.errors import SchemaOutdated
from ficshelf.store.engine import Store, open_store

MIGRATIONS = Path(__file__).parent / "migrations"


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(store: Store) -> str | None:
    with store.reader.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(store: Store, revision: str = "head") -> None:
    """Bring the database to ``revision`` (creating every table in an empty one), through the one writer."""
    config = _config()
    with store.write() as session:
        config.attributes["connection"] = session.connection()
        command.upgrade(config, revision)


def require_current(store: Store) -> None:
    """Raise SchemaOutdated unless the database is at the revision this ficshelf was built with."""
    found = current_revision(store)
    if found != head_revision():
        raise SchemaOutdated(f"database at revision {found or 'none'}, expected {head_revision()}")


def new_revision(message: str, store: Store) -> None:
    """Autogenerate a revision from the difference between ``tables.py`` and ``store`` (upgraded to head)."""
    config = _config()
    with store.write() as session:
        config.attributes["connection"] = session.connection()
        command.revision(config, message=message, autogenerate=True)


if __name__ == "__main__":  # pragma: no cover - a developer's tool
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        scratch = open_store(f"sqlite+pysqlite:///{folder}/scratch.db")
        upgrade(scratch)
        new_revision(" ".join(sys.argv[1:]) or "schema change", scratch)
        scratch.close()
