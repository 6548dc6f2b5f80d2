"""Search: one query language parsed into a tree (``query.parse``), translated by each backend.

    backend = open_backend(data_dir)                 # tantivy in <data>/index/, or PostgreSQL
    backend.replace([document_from_work(work, work_id=7)])
    result = backend.search(parse('"burning library" fandom:Naruto -tag:Angst'), sort=Sort.KUDOS)
    result.ids, result.total, result.facets

docs/search.md describes the language, the backends and how to rebuild an index.
"""

from __future__ import annotations

from pathlib import Path

from ficshelf.search.ast import Node, Sort, TagFilter
from ficshelf.search.backend import FacetCount, SearchBackend, SearchResult
from ficshelf.search.document import SearchDocument, document_from_work
from ficshelf.search.indexer import Indexer, IndexQueue
from ficshelf.search.query import parse

BACKENDS = ("auto", "tantivy", "fts5", "postgresql")

__all__ = [
    "BACKENDS",
    "FacetCount",
    "IndexQueue",
    "Indexer",
    "Node",
    "SearchBackend",
    "SearchDocument",
    "SearchResult",
    "Sort",
    "TagFilter",
    "document_from_work",
    "open_backend",
    "parse",
]


def open_backend(
    data_dir: Path, *, kind: str = "auto", database_url: str | None = None, fresh: bool = False
) -> SearchBackend:
    """The search backend of an archive: ``auto`` is PostgreSQL when ``database_url`` is a PostgreSQL URL,
    else tantivy in ``<data_dir>/index/``; ``fts5`` keeps its index in ``<data_dir>/search.sqlite3``.
    ``fresh`` starts an embedded index anew (an index of an older schema, or a corrupt one, is removed)."""
    if kind not in BACKENDS:
        raise ValueError(f"unknown search backend {kind!r} (one of {', '.join(BACKENDS)})")
    if kind == "auto":
        kind = "postgresql" if database_url and database_url.startswith("postgresql") else "tantivy"
    if kind == "postgresql":
        if not database_url:
            raise ValueError("the postgresql search backend needs a database URL")
        from ficshelf.search.postgres_backend import PostgresBackend

        return PostgresBackend(database_url)
    if kind == "fts5":
        from ficshelf.search.fts5_backend import Fts5Backend

        data_dir.mkdir(parents=True, exist_ok=True)
        if fresh:
            (data_dir / "search.sqlite3").unlink(missing_ok=True)
        return Fts5Backend(data_dir / "search.sqlite3")
    from ficshelf.search.tantivy_backend import TantivyBackend

    if fresh:
        return TantivyBackend.recreate(data_dir / "index")
    return TantivyBackend(data_dir / "index")
