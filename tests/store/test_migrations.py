"""Migrations: ``upgrade head`` on an empty database gives exactly the schema of the models."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from ficshelf.errors import SchemaOutdated
from ficshelf.search.postgres_tables import search_metadata
from ficshelf.settings import Settings
from ficshelf.store.engine import Store, database_url, open_store
from ficshelf.store.migrate import current_revision, head_revision, require_current, upgrade
from ficshelf.store.tables import Base


def test_upgrade_head_matches_the_models(store: Store) -> None:
    with store.reader.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        # On PostgreSQL migration 0003 also creates the search tables (ficshelf.search.postgres_tables).
        expected = [Base.metadata, search_metadata] if store.dialect == "postgresql" else [Base.metadata]
        differences = compare_metadata(context, expected)
    assert differences == []
    assert current_revision(store) == head_revision()
    tables = set(inspect(store.reader).get_table_names())
    assert {table.name for table in Base.metadata.sorted_tables} <= tables


def test_upgrade_twice_changes_nothing(store: Store) -> None:
    upgrade(store)
    require_current(store)


def test_empty_database_is_reported_outdated(tmp_path: Path) -> None:
    empty = open_store(f"sqlite+pysqlite:///{tmp_path / 'empty.db'}")
    try:
        with pytest.raises(SchemaOutdated) as err:
            require_current(empty)
        assert err.value.code == "FS507"
        upgrade(empty)
        require_current(empty)
    finally:
        empty.close()


def test_sqlite_pragmas(tmp_path: Path) -> None:
    opened = open_store(f"sqlite+pysqlite:///{tmp_path / 'a' / 'b.db'}")
    try:
        with opened.reader.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10_000
    finally:
        opened.close()


def test_database_url_follows_the_settings(tmp_path: Path) -> None:
    assert database_url(Settings(data_dir=tmp_path)) == f"sqlite+pysqlite:///{tmp_path.resolve() / 'ficshelf.db'}"
    assert database_url(Settings(), data_dir=tmp_path).endswith(f"{tmp_path.name}/ficshelf.db")
    url = database_url(Settings(database_url="postgresql://ink@db.example/ficshelf"))
    assert url == "postgresql+psycopg://ink@db.example/ficshelf"
