"""Migration 0003 creates the PostgreSQL search tables; the backend relies on it, and SQLite is untouched."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import insert, inspect, select, text

from ficshelf.errors import SchemaOutdated
from ficshelf.search.document import SearchDocument
from ficshelf.search.postgres_backend import PostgresBackend
from ficshelf.search.postgres_tables import search_metadata, search_works
from ficshelf.search.query import parse
from ficshelf.store.engine import Store, open_store
from ficshelf.store.migrate import MIGRATIONS, current_revision, head_revision, upgrade
from ficshelf.store.tables import Base
from tests.search.conftest import drop_database, fresh_database

BEFORE = "0002_personal_dictionaries"
SEARCH_TABLES = {"search_works", "search_chunks"}


@pytest.fixture
def store_at_0002(postgres_url: str) -> Iterator[tuple[Store, str]]:
    url = fresh_database(postgres_url, "fs_migrate")
    store = open_store(url)
    upgrade(store, BEFORE)
    try:
        yield store, url
    finally:
        store.close()
        drop_database(postgres_url, url)


def tables(store: Store) -> set[str]:
    return set(inspect(store.reader).get_table_names())


def configurations(store: Store) -> list[str]:
    with store.reader.connect() as connection:
        return list(connection.scalars(text("SELECT cfgname FROM pg_ts_config WHERE cfgname LIKE 'ficshelf%'")))


def downgrade(store: Store, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with store.write() as session:
        config.attributes["connection"] = session.connection()
        command.downgrade(config, revision)


def test_upgrade_from_0002_creates_the_search_tables_the_backend_needs(store_at_0002: tuple[Store, str]) -> None:
    store, url = store_at_0002
    assert not SEARCH_TABLES & tables(store)
    with pytest.raises(SchemaOutdated) as refused:
        PostgresBackend(url)
    assert refused.value.code == "FS507" and "ficshelf db upgrade" in str(refused.value)

    upgrade(store)
    assert current_revision(store) == head_revision()
    assert tables(store) >= SEARCH_TABLES
    assert configurations(store) == ["ficshelf_english"]
    with store.reader.connect() as connection:  # the migration builds exactly what the backend's Tables describe
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, [Base.metadata, search_metadata]) == []

    backend = PostgresBackend(url)
    try:
        backend.add([SearchDocument(work_id=1, title="Lighthouse", chapters=("It was the end of the runs.",))])
        assert backend.search(parse('"the end" running')).ids == [1]  # no stop words; English stems
    finally:
        backend.close()


def test_downgrade_removes_them_and_upgrade_again_restores_them(store_at_0002: tuple[Store, str]) -> None:
    store, _ = store_at_0002
    upgrade(store)
    downgrade(store, BEFORE)
    assert current_revision(store) == BEFORE
    assert not SEARCH_TABLES & tables(store)
    assert configurations(store) == []
    upgrade(store)
    assert tables(store) >= SEARCH_TABLES and configurations(store) == ["ficshelf_english"]


def test_tables_an_older_backend_created_are_adopted_with_their_rows(store_at_0002: tuple[Store, str]) -> None:
    """Before 0003 the backend created the tables itself: upgrading such a database keeps its index."""
    store, _ = store_at_0002
    search_metadata.create_all(store.writer)
    row = {"work_id": 9, "meta": "", "tag_keys": [], "tag_names": [], "language": "en", "complete": True}
    row |= {"restricted": False, "words": 1, "kudos": 0, "hits": 0, "comments": 0, "published": 0, "updated": 0}
    with store.writer.begin() as connection:
        connection.execute(insert(search_works).values(**row, sample=0))
    upgrade(store)
    assert current_revision(store) == head_revision()
    with store.reader.connect() as connection:
        assert list(connection.scalars(select(search_works.c.work_id))) == [9]


def test_on_sqlite_the_revision_does_nothing(tmp_path: Path) -> None:
    store = open_store(f"sqlite+pysqlite:///{tmp_path / 'ficshelf.db'}")
    try:
        upgrade(store)
        assert current_revision(store) == head_revision() == "0003_search_tables"
        assert not SEARCH_TABLES & tables(store)
        downgrade(store, BEFORE)
        assert current_revision(store) == BEFORE
    finally:
        store.close()
