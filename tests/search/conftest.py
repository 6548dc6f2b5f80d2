"""Every search backend, real: a tantivy folder, an SQLite FTS5 file, a PostgreSQL database."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from ficshelf.model import TagKind
from ficshelf.search.backend import SearchBackend
from ficshelf.search.document import SearchDocument

BACKENDS = ("tantivy", "fts5", "postgresql")


def fresh_database(server_url: str, prefix: str) -> str:
    """The URL of a new, empty database on the server of ``server_url``."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def drop_database(server_url: str, url: str) -> None:
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def search_postgres_url(postgres_url: str) -> Iterator[str]:
    """A PostgreSQL database migrated to head (migration 0003 creates the search tables), for the session."""
    from ficshelf.store.engine import open_store
    from ficshelf.store.migrate import upgrade

    url = fresh_database(postgres_url, "fs_search")
    store = open_store(url)
    upgrade(store)
    store.close()
    try:
        yield url
    finally:
        drop_database(postgres_url, url)


def open_test_backend(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> SearchBackend:
    if kind == "tantivy":
        from ficshelf.search.tantivy_backend import TantivyBackend

        return TantivyBackend(tmp_path / "index")
    if kind == "fts5":
        from ficshelf.search.fts5_backend import Fts5Backend

        return Fts5Backend(tmp_path / "search.sqlite3")
    from ficshelf.search.postgres_backend import PostgresBackend

    backend = PostgresBackend(request.getfixturevalue("search_postgres_url"))
    backend.clear()
    return backend


@pytest.fixture(params=BACKENDS)
def empty_backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SearchBackend]:
    backend = open_test_backend(request.param, tmp_path, request)
    yield backend
    backend.close()


def when(year: int, month: int = 1) -> datetime:
    return datetime(year, month, 1, tzinfo=UTC)


def library() -> list[SearchDocument]:
    """Five short works written for these tests (ids 1, 2, 3, 4 restricted, 5 in French)."""
    return [
        SearchDocument(
            work_id=1,
            title="The Cartographer's Daughter",
            summary="Maps, mothers and a long war.",
            authors=("inkwell",),
            chapters=(
                "Katara unrolled the map across the table while the house was quiet. Every coastline had been "
                "drawn by her mother's careful hand.",
                "The lanterns of the harbour flickered while the fleet burned in silence.",
            ),
            tags={
                TagKind.RATING: ("Teen And Up Audiences",),
                TagKind.WARNING: ("No Archive Warnings Apply",),
                TagKind.CATEGORY: ("F/M",),
                TagKind.FANDOM: ("Avatar: The Last Airbender",),
                TagKind.RELATIONSHIP: ("Katara/Zuko",),
                TagKind.CHARACTER: ("Katara", "Zuko"),
                TagKind.FREEFORM: ("Slow Burn", "Angst"),
            },
            language="en",
            words=12000,
            complete=True,
            published=when(2021, 3),
            updated=when(2022, 5),
            kudos=450,
            hits=9000,
            comments=30,
        ),
        SearchDocument(
            work_id=2,
            title="Quiet Hours",
            summary="Training, and what comes after.",
            authors=("greenbeast",),
            chapters=(
                "Lee was running laps around the training ground long after the sun went down. Neji counted "
                "every one of them.",
            ),
            tags={
                TagKind.RATING: ("General Audiences",),
                TagKind.WARNING: ("No Archive Warnings Apply",),
                TagKind.CATEGORY: ("M/M",),
                TagKind.FANDOM: ("Naruto",),
                TagKind.RELATIONSHIP: ("Hyuuga Neji/Rock Lee",),
                TagKind.CHARACTER: ("Hyuuga Neji", "Rock Lee"),
                TagKind.FREEFORM: ("Fluff", "Hurt/Comfort"),
            },
            language="en",
            words=3000,
            complete=True,
            published=when(2019),
            updated=when(2024),
            kudos=80,
            hits=1500,
            comments=5,
        ),
        SearchDocument(
            work_id=3,
            title="Ashes Remember",
            authors=("crow",),
            chapters=(
                "The funeral was small. Sasuke stood in the rain and did not cry, because crying would mean "
                "it was real.",
            ),
            tags={
                TagKind.RATING: ("Mature",),
                TagKind.WARNING: ("Major Character Death",),
                TagKind.CATEGORY: ("Gen",),
                TagKind.FANDOM: ("Naruto",),
                TagKind.CHARACTER: ("Uchiha Itachi", "Uchiha Sasuke"),
                TagKind.FREEFORM: ("Angst",),
            },
            language="en",
            words=45000,
            complete=False,
            published=when(2023),
            updated=when(2023, 2),
            kudos=1200,
            hits=30000,
            comments=210,
        ),
        SearchDocument(
            work_id=4,
            title="Restricted Letters",
            authors=("owlpost",),
            chapters=("Harry kept the letters in a shoebox under his bed, each one sealed with green wax.",),
            tags={
                TagKind.RATING: ("Explicit",),
                TagKind.WARNING: ("Creator Chose Not To Use Archive Warnings",),
                TagKind.CATEGORY: ("M/M",),
                TagKind.FANDOM: ("Harry Potter - J. K. Rowling",),
                TagKind.RELATIONSHIP: ("Draco Malfoy/Harry Potter",),
            },
            language="en",
            words=800,
            complete=True,
            restricted=True,
            published=when(2022),
            updated=when(2022),
            kudos=60,
            hits=700,
        ),
        SearchDocument(
            work_id=5,
            title="Le Jardin",
            authors=("neige",),
            chapters=("Le jardin était silencieux sous la neige.",),
            tags={
                TagKind.RATING: ("General Audiences",),
                TagKind.FANDOM: ("Les Misérables - Victor Hugo",),
            },
            language="fr",
            words=5000,
            complete=True,
            published=when(2021, 6),
            updated=when(2021, 6),
            kudos=10,
            hits=20000,
        ),
    ]


@pytest.fixture
def backend(empty_backend: SearchBackend) -> SearchBackend:
    empty_backend.add(library())
    return empty_backend
