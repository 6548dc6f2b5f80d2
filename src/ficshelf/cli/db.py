"""``ficshelf db``: the archive's database (migrations)."""

from __future__ import annotations

from pathlib import Path

import click

from ficshelf.store.engine import open_store
from ficshelf.store.migrate import current_revision, head_revision, upgrade


@click.group("db")
def db() -> None:
    """The archive's database: SQLite in the data folder, or FICSHELF_DATABASE_URL."""


@db.command("upgrade")
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Data folder holding the SQLite archive (default: FICSHELF_DATA_DIR, ficshelf-data/).",
)
def db_upgrade(data_dir: Path | None) -> None:
    """Create the database, or bring it to the schema of this ficshelf (Alembic migrations)."""
    store = open_store(data_dir=data_dir)
    try:
        before = current_revision(store)
        upgrade(store)
        click.echo(f"database at revision {head_revision()} (was {before or 'empty'})")
    finally:
        store.close()
