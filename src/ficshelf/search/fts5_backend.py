"""SQLite FTS5 on the same documents: the benchmark's comparison and a fallback needing nothing but Python.

Its own file next to the database (``<data>/search.sqlite3``): ``search_text`` (FTS5, porter stemming over
unicode61 with diacritics removed; rowid = work id), ``search_works`` (numbers and flags) and ``search_tags``
(one row per tag, keyed for filtering, named for facets). Facets are a GROUP BY over the tags of every hit.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

from ficshelf.errors import SearchIndexError
from ficshelf.model import TagKind
from ficshelf.search.ast import MatchAll, Node, Sort, TagFilter, positive_text, tag_key
from ficshelf.search.backend import (
    FacetCount,
    SearchResult,
    batched,
    check_page,
    facet_sample_bound,
    sample_of,
    top_facets,
)
from ficshelf.search.document import SearchDocument
from ficshelf.search.fts5_query import COLUMNS, Condition, condition, match_any

SCHEMA = """
CREATE TABLE IF NOT EXISTS search_works (
    work_id INTEGER PRIMARY KEY, language TEXT NOT NULL, complete INTEGER NOT NULL, restricted INTEGER NOT NULL,
    words INTEGER NOT NULL, kudos INTEGER NOT NULL, hits INTEGER NOT NULL, comments INTEGER NOT NULL,
    published INTEGER NOT NULL, updated INTEGER NOT NULL, sample INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS search_tags (
    work_id INTEGER NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL, any_key TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS search_tags_key ON search_tags (key, work_id);
CREATE INDEX IF NOT EXISTS search_tags_any_key ON search_tags (any_key, work_id);
CREATE INDEX IF NOT EXISTS search_tags_work ON search_tags (work_id);
CREATE VIRTUAL TABLE IF NOT EXISTS search_text USING fts5 (
    title, summary, author, tags, text, tokenize = 'porter unicode61 remove_diacritics 2'
);
"""
SORT_COLUMNS = {
    Sort.DATE: "w.updated",
    Sort.PUBLISHED: "w.published",
    Sort.KUDOS: "w.kudos",
    Sort.HITS: "w.hits",
    Sort.WORDS: "w.words",
}
BM25 = "bm25(search_text, " + ", ".join(str(weight) for weight in COLUMNS.values()) + ")"


class Fts5Backend:
    """An FTS5 index in the SQLite file ``path`` (``":memory:"`` for a throwaway one)."""

    name = "fts5"

    def __init__(self, path: Path | str) -> None:
        try:
            self.db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.executescript(SCHEMA)
        except sqlite3.Error as err:
            raise SearchIndexError(f"cannot open the FTS5 search index {path}: {err}") from None

    def _write(self, documents: Iterable[SearchDocument], *, replace: bool) -> int:
        written = 0
        for batch in batched(documents, 500):
            self.db.execute("BEGIN")
            try:
                if replace:
                    self._delete([document.work_id for document in batch])
                for document in batch:
                    self._insert(document)
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            written += len(batch)
        return written

    def _insert(self, document: SearchDocument) -> None:
        self.db.execute(
            "INSERT INTO search_works VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                document.work_id,
                document.language,
                int(document.complete),
                int(document.restricted),
                document.words,
                document.kudos,
                document.hits,
                document.comments,
                document.timestamp("published"),
                document.timestamp("updated"),
                sample_of(document.work_id),
            ),
        )
        rows = [
            (document.work_id, kind.value, name, tag_key(kind, name), tag_key(None, name))
            for kind, names in document.tags.items()
            for name in names
        ]
        self.db.executemany("INSERT INTO search_tags VALUES (?, ?, ?, ?, ?)", rows)
        tags = "\n".join(name for names in document.tags.values() for name in names)
        self.db.execute(
            "INSERT INTO search_text (rowid, title, summary, author, tags, text) VALUES (?, ?, ?, ?, ?, ?)",
            (document.work_id, document.title, document.summary, "\n".join(document.authors), tags, document.text),
        )

    def _delete(self, work_ids: list[int]) -> None:
        for table, column in (("search_works", "work_id"), ("search_tags", "work_id"), ("search_text", "rowid")):
            self.db.executemany(f"DELETE FROM {table} WHERE {column} = ?", [(work_id,) for work_id in work_ids])

    def add(self, documents: Iterable[SearchDocument]) -> int:
        return self._write(documents, replace=False)

    def replace(self, documents: Iterable[SearchDocument]) -> int:
        return self._write(documents, replace=True)

    def delete(self, work_ids: Iterable[int]) -> None:
        with self.db:
            self._delete(list(work_ids))

    def clear(self) -> None:
        self.db.executescript("DELETE FROM search_works; DELETE FROM search_tags; DELETE FROM search_text;")

    def rebuild(self, documents: Iterable[SearchDocument]) -> int:
        self.clear()
        written = self.add(documents)
        self.db.execute("INSERT INTO search_text (search_text) VALUES ('optimize')")
        return written

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM search_works").fetchone()[0])

    def close(self) -> None:
        self.db.close()

    def search(
        self,
        query: Node,
        *,
        viewer_can_see_restricted: bool = False,
        blocklist_tags: Sequence[TagFilter] = (),
        sort: Sort = Sort.RELEVANCE,
        offset: int = 0,
        limit: int = 20,
        facets: bool = True,
    ) -> SearchResult:
        check_page(offset, limit)
        where = self._where(query, viewer_can_see_restricted, blocklist_tags)
        ranked = positive_text(query)
        if sort is Sort.RELEVANCE and (isinstance(query, MatchAll) or not ranked):
            sort = Sort.DATE
        if sort is Sort.RELEVANCE:
            sql = (
                "SELECT w.work_id FROM search_works w LEFT JOIN "
                f"(SELECT rowid AS rid, {BM25} AS score FROM search_text WHERE search_text MATCH ?) r "
                f"ON r.rid = w.work_id WHERE {where.sql} "
                "ORDER BY r.score IS NULL, r.score, w.work_id LIMIT ? OFFSET ?"
            )
            params: list[object] = [match_any(ranked), *where.params, limit, offset]
        else:
            sql = (
                f"SELECT w.work_id FROM search_works w WHERE {where.sql} "
                f"ORDER BY {SORT_COLUMNS[sort]} DESC, w.work_id DESC LIMIT ? OFFSET ?"
            )
            params = [*where.params, limit, offset]
        try:
            ids = [row[0] for row in self.db.execute(sql, params)]
            counted = self.db.execute(f"SELECT count(*) FROM search_works w WHERE {where.sql}", where.params)
            total = int(counted.fetchone()[0])
        except sqlite3.Error as err:
            raise SearchIndexError(f"the FTS5 search index failed: {err}") from None
        if not facets or total == 0:
            return SearchResult(ids, total)
        bound = facet_sample_bound(total)
        return SearchResult(ids, total, self._facets(where, bound), facets_exact=bound is None)

    def _where(self, query: Node, restricted_ok: bool, blocklist: Sequence[TagFilter]) -> Condition:
        where = condition(query)
        if not restricted_ok:
            where = Condition(f"({where.sql}) AND w.restricted = 0", where.params)
        if blocklist:
            keys = [tag_key(tag.kind, tag.name) for tag in blocklist]
            marks = ", ".join("?" * len(keys))
            where = Condition(
                f"({where.sql}) AND w.work_id NOT IN (SELECT work_id FROM search_tags WHERE key IN ({marks}) "
                f"OR any_key IN ({marks}))",
                [*where.params, *keys, *keys],
            )
        return where

    def _facets(self, where: Condition, bound: int | None) -> dict[TagKind, list[FacetCount]]:
        sample = ("", []) if bound is None else (" AND w.sample < ?", [bound])
        rows = self.db.execute(
            "SELECT kind, name, count(*) FROM search_tags WHERE work_id IN "
            f"(SELECT w.work_id FROM search_works w WHERE ({where.sql}){sample[0]}) GROUP BY kind, name",
            [*where.params, *sample[1]],
        )
        counts: dict[TagKind, dict[str, int]] = {}
        for kind, name, count in rows:
            counts.setdefault(TagKind(kind), {})[name] = count
        return top_facets(counts, bound)
