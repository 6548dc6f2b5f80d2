"""The ``store`` fixture: every store test runs on a SQLite file and on a real PostgreSQL server.

SQLite: a fresh file in tmp_path per test. PostgreSQL: a fresh database per test module (created on the
session's throwaway server, migrated once, dropped at the end) whose tables are emptied before each test.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from ficshelf.model import Chapter, Tag, TagKind, Work
from ficshelf.store.engine import Store, open_store
from ficshelf.store.migrate import upgrade
from ficshelf.store.tables import Base
from ficshelf.store.users import ensure_account


@pytest.fixture(scope="module")
def postgres_module_url(request: pytest.FixtureRequest) -> Iterator[str]:
    server_url: str = request.getfixturevalue("postgres_url")
    name = f"fs_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
    migrated = open_store(url)
    upgrade(migrated)
    migrated.close()
    try:
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        opened = open_store(f"sqlite+pysqlite:///{tmp_path / 'ficshelf.db'}")
        upgrade(opened)
    else:
        opened = open_store(request.getfixturevalue("postgres_module_url"))
        tables = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
        with opened.write() as session:
            session.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    try:
        yield opened
    finally:
        opened.close()


def account(store: Store, name: str) -> int:
    """An account (without a password: hashing is slow, and only the account tests log in)."""
    return ensure_account(store, name).id


def sample_work(title: str = "Rain on the Training Ground", tags: list[Tag] | None = None, chapters: int = 1) -> Work:
    """A short work written for the tests."""
    return Work(
        id="t",
        source="test",
        title=title,
        summary="Two rivals wait out a storm.",
        notes_beginning=["Written for a prompt."],
        chapters=[
            Chapter(n, f"Part {n}", text=f"The rain came down on chapter {n}. Lee kept counting push-ups.")
            for n in range(1, chapters + 1)
        ],
        tags=tags
        if tags is not None
        else [Tag(TagKind.FANDOM, "Naruto"), Tag(TagKind.RATING, "General Audiences"), Tag(TagKind.FREEFORM, "Rain")],
    )
