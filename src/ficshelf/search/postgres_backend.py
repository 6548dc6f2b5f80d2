"""PostgreSQL full-text search: tsvector + GIN in the archive's own database (``FICSHELF_DATABASE_URL``).

The tables and the text search configuration are the store's: migration ``0003_search_tables`` creates them
(``ficshelf db upgrade``, which every command runs first); a database without them is ``SchemaOutdated``
(FS507). Every statement is a SQLAlchemy Core expression over the ``Table``s of ``postgres_tables``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import DDL, Engine, bindparam, create_engine, delete, func, insert, inspect, literal_column, select
from sqlalchemy.exc import SQLAlchemyError

from ficshelf.errors import SchemaOutdated, SearchIndexError
from ficshelf.model import TagKind
from ficshelf.search.ast import MatchAll, Node, Sort, TagFilter, Term, positive_text, tag_key
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
from ficshelf.search.postgres_query import condition, config, rank
from ficshelf.search.postgres_tables import chunks, plain_words, search_chunks, search_metadata, search_works

works = search_works.c
ANALYZE_AFTER = 1000
# PostgreSQL's planner prices a tsvector match like any comparison, so for a common word it scans every chunk
# (reading each large tsvector) instead of the GIN index; and JIT-compiling costs more than these queries run.
# Both settings last only for the search's own transaction.
_PLANNER_SETTINGS = select(func.set_config("enable_seqscan", "off", True), func.set_config("jit", "off", True))
_ANALYZE = DDL("ANALYZE search_works, search_chunks")  # type: ignore[no-untyped-call]
SORT_COLUMNS = {
    Sort.DATE: works.updated,
    Sort.PUBLISHED: works.published,
    Sort.KUDOS: works.kudos,
    Sort.HITS: works.hits,
    Sort.WORDS: works.words,
}


def _weighted(name: str, weight: str) -> Any:
    # A constant "char" literal: setweight() takes the PostgreSQL type "char", which no bound parameter has.
    return func.setweight(func.to_tsvector(config(), bindparam(name)), literal_column(f"'{weight}'"))


_INSERT_WORK = insert(search_works).values(
    work_id=bindparam("work_id"),
    meta=_weighted("title", "A")
    .op("||")(_weighted("authors", "B"))
    .op("||")(_weighted("summary", "C"))
    .op("||")(_weighted("tags", "D")),
    tag_keys=bindparam("tag_keys"),
    tag_names=bindparam("tag_names"),
    language=bindparam("language"),
    complete=bindparam("complete"),
    restricted=bindparam("restricted"),
    words=bindparam("words"),
    kudos=bindparam("kudos"),
    hits=bindparam("hits"),
    comments=bindparam("comments"),
    published=bindparam("published"),
    updated=bindparam("updated"),
    sample=bindparam("sample"),
)
_INSERT_CHUNK = insert(search_chunks).values(
    work_id=bindparam("work_id"), chunk=bindparam("chunk"), body=func.to_tsvector(config(), bindparam("body"))
)


def _work_row(document: SearchDocument) -> dict[str, Any]:
    names = [(kind, name) for kind, values in document.tags.items() for name in values]
    return {
        "work_id": document.work_id,
        "title": plain_words(document.title),
        "authors": plain_words(" ".join(document.authors)),
        "summary": plain_words(document.summary),
        "tags": plain_words(" ".join(name for _, name in names)),
        "tag_keys": sorted({key for kind, name in names for key in (tag_key(kind, name), tag_key(None, name))}),
        "tag_names": [f"{kind.value}:{name}" for kind, name in names],
        "language": document.language,
        "complete": document.complete,
        "restricted": document.restricted,
        "words": document.words,
        "kudos": document.kudos,
        "hits": document.hits,
        "comments": document.comments,
        "published": document.timestamp("published"),
        "updated": document.timestamp("updated"),
        "sample": sample_of(document.work_id),
    }


class PostgresBackend:
    """Search tables in the PostgreSQL database at ``url`` (a SQLAlchemy URL) or behind ``engine``."""

    name = "postgresql"

    def __init__(self, url: str | None = None, *, engine: Engine | None = None) -> None:
        if engine is None:
            if url is None:
                raise ValueError("PostgresBackend needs a database URL or an engine")
            engine = create_engine(url)
        self.engine = engine
        try:
            with engine.connect() as connection:
                found = inspect(connection)
                missing = [table.name for table in search_metadata.sorted_tables if not found.has_table(table.name)]
        except SQLAlchemyError as err:
            engine.dispose()
            raise SearchIndexError(f"cannot open the PostgreSQL search tables: {err}") from None
        if missing:
            engine.dispose()
            raise SchemaOutdated(f"the search tables {', '.join(missing)} are missing: run `ficshelf db upgrade`")

    def _write(self, documents: Iterable[SearchDocument], *, replace: bool) -> int:
        written = 0
        for batch in batched(documents, 200):
            ids = [document.work_id for document in batch]
            chunk_rows = [
                {"work_id": document.work_id, "chunk": number, "body": body}
                for document in batch
                for number, body in enumerate(chunk for text in document.chapters for chunk in chunks(text))
            ]
            with self.engine.begin() as connection:
                if replace:
                    connection.execute(delete(search_works).where(works.work_id.in_(ids)))
                connection.execute(_INSERT_WORK, [_work_row(document) for document in batch])
                if chunk_rows:
                    connection.execute(_INSERT_CHUNK, chunk_rows)
            written += len(batch)
        return written

    def add(self, documents: Iterable[SearchDocument]) -> int:
        written = self._write(documents, replace=False)
        if written >= ANALYZE_AFTER:
            self.analyze()
        return written

    def analyze(self) -> None:
        """Refresh the planner's statistics (after a bulk load, or it may scan every chunk instead of the GIN)."""
        with self.engine.begin() as connection:
            connection.execute(_ANALYZE)

    def replace(self, documents: Iterable[SearchDocument]) -> int:
        return self._write(documents, replace=True)

    def delete(self, work_ids: Iterable[int]) -> None:
        with self.engine.begin() as connection:
            connection.execute(delete(search_works).where(works.work_id.in_(list(work_ids))))

    def clear(self) -> None:
        with self.engine.begin() as connection:
            connection.execute(delete(search_chunks))
            connection.execute(delete(search_works))

    def rebuild(self, documents: Iterable[SearchDocument]) -> int:
        self.clear()
        return self.add(documents)

    def count(self) -> int:
        with self.engine.connect() as connection:
            return int(connection.execute(select(func.count()).select_from(search_works)).scalar_one())

    def close(self) -> None:
        self.engine.dispose()

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
        where = condition(query)
        if not viewer_can_see_restricted:
            where = where & works.restricted.is_(False)
        if blocklist_tags:
            keys = [tag_key(tag.kind, tag.name) for tag in blocklist_tags]
            where = where & ~works.tag_keys.overlap(keys)
        ranked = [leaf.word if isinstance(leaf, Term) else leaf.text for leaf in positive_text(query)]
        if sort is Sort.RELEVANCE and (isinstance(query, MatchAll) or not ranked):
            sort = Sort.DATE
        order = (
            [rank(ranked).desc(), works.work_id.desc()]
            if sort is Sort.RELEVANCE
            else [SORT_COLUMNS[sort].desc(), works.work_id.desc()]
        )
        page = select(works.work_id).where(where).order_by(*order).limit(limit).offset(offset)
        try:
            with self.engine.begin() as connection:
                connection.execute(_PLANNER_SETTINGS)
                ids = [int(row[0]) for row in connection.execute(page)]
                counted = select(func.count()).select_from(search_works).where(where)
                total = int(connection.execute(counted).scalar_one())
                bound = facet_sample_bound(total)
                found = self._facets(connection, where, bound) if facets and total else {}
        except SQLAlchemyError as err:
            raise SearchIndexError(f"the PostgreSQL search failed: {err}") from None
        return SearchResult(ids, total, found, facets_exact=bound is None or not found)

    def _facets(self, connection: Any, where: Any, bound: int | None) -> dict[TagKind, list[FacetCount]]:
        if bound is not None:
            where = where & (works.sample < bound)
        tags = select(func.unnest(works.tag_names).label("tag")).where(where).subquery()
        rows = connection.execute(select(tags.c.tag, func.count()).group_by(tags.c.tag))
        counts: dict[TagKind, dict[str, int]] = {}
        for tag, count in rows:
            kind, _, name = tag.partition(":")
            counts.setdefault(TagKind(kind), {})[name] = int(count)
        return top_facets(counts, bound)
