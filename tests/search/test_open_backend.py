"""Choosing the backend of an archive's data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficshelf.search import SearchDocument, open_backend, parse


def test_auto_is_tantivy_next_to_the_database_and_survives_reopening(tmp_path: Path) -> None:
    backend = open_backend(tmp_path)
    assert backend.name == "tantivy"
    backend.add([SearchDocument(work_id=3, title="Persistent Lighthouse")])
    backend.close()
    assert (tmp_path / "index" / "meta.json").is_file()
    assert open_backend(tmp_path, database_url="sqlite:///x.db").search(parse("lighthouse")).ids == [3]


def test_fts5_keeps_its_own_file(tmp_path: Path) -> None:
    backend = open_backend(tmp_path, kind="fts5")
    backend.add([SearchDocument(work_id=1, title="Lighthouse")])
    backend.close()
    assert (tmp_path / "search.sqlite3").is_file()
    assert open_backend(tmp_path, kind="fts5").count() == 1


def test_auto_is_postgresql_on_a_postgresql_database(tmp_path: Path, search_postgres_url: str) -> None:
    backend = open_backend(tmp_path, database_url=search_postgres_url)
    assert backend.name == "postgresql"
    backend.close()


def test_unknown_backend_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown search backend"):
        open_backend(tmp_path, kind="elastic")
