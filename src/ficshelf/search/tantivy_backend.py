"""The embedded default backend: a tantivy index in a folder next to the database (``<data>/index/``).

Queries are built from the tree with tantivy's query constructors, never its query parser. Text fields use
one English analyzer (split on non-alphanumerics, drop words over 40 characters, lower case, fold accents,
Snowball English stem); the query side runs the same analyzer. Tags are indexed twice: by key for filtering
(``fandom:naruto``, ``*:naruto``) and by display name in fast fields, which tantivy's terms aggregation counts
over every hit for the facets.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path

import tantivy

from ficshelf.errors import SearchIndexError
from ficshelf.model import TagKind
from ficshelf.search import backend as contract
from ficshelf.search.ast import MatchAll, Node, Sort, TagFilter, has_text, tag_key
from ficshelf.search.backend import (
    SAMPLE_BUCKET,
    FacetCache,
    FacetCount,
    SearchResult,
    batched,
    check_page,
    facet_sample_bound,
    sample_of,
    top_facets,
)
from ficshelf.search.document import TAG_KINDS, SearchDocument
from ficshelf.search.tantivy_query import ANALYZER_NAME, TantivyTranslator, analyzer

NUMBER_FIELDS = ("words", "kudos", "hits", "comments", "published", "updated")
SORT_FIELDS = {
    Sort.DATE: "updated",
    Sort.PUBLISHED: "published",
    Sort.KUDOS: "kudos",
    Sort.HITS: "hits",
    Sort.WORDS: "words",
}


Desc = tantivy.Order.Desc


def facet_field(kind: TagKind) -> str:
    return f"tag_{kind.value}"


FACET_REQUEST = {kind.value: {"terms": {"field": facet_field(kind), "size": 15}} for kind in TAG_KINDS}


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", fast=True)
    # The work id again as an indexed word: deletes, and sets of ids, look words up faster than integers.
    builder.add_text_field("key", tokenizer_name="raw", index_option="basic")
    for name in ("title", "summary", "author", "tags_text", "text"):
        builder.add_text_field(name, tokenizer_name=ANALYZER_NAME)
    builder.add_text_field("tag_key", tokenizer_name="raw", index_option="basic")
    for kind in TAG_KINDS:
        builder.add_text_field(facet_field(kind), tokenizer_name="raw", fast=True, index_option="basic")
    builder.add_text_field("language", tokenizer_name="raw", index_option="basic")
    builder.add_boolean_field("complete", indexed=True, fast=True)
    builder.add_boolean_field("restricted", indexed=True, fast=True)
    builder.add_integer_field("sample_bucket", indexed=True)
    for name in NUMBER_FIELDS:
        builder.add_integer_field(name, indexed=True, fast=True)
    return builder.build()


def to_tantivy(document: SearchDocument) -> tantivy.Document:
    doc = tantivy.Document()
    doc.add_integer("id", document.work_id)
    doc.add_text("key", str(document.work_id))
    doc.add_text("title", document.title)
    doc.add_text("summary", document.summary)
    for author in document.authors:
        doc.add_text("author", author)
    for chapter in document.chapters:
        doc.add_text("text", chapter)
    for kind, names in document.tags.items():
        for name in names:
            doc.add_text("tags_text", name)
            doc.add_text(facet_field(kind), name)
            doc.add_text("tag_key", tag_key(kind, name))
            doc.add_text("tag_key", tag_key(None, name))
    doc.add_text("language", document.language)
    doc.add_boolean("complete", document.complete)
    doc.add_boolean("restricted", document.restricted)
    doc.add_integer("sample_bucket", sample_of(document.work_id) // SAMPLE_BUCKET)
    doc.add_integer("words", document.words)
    doc.add_integer("kudos", document.kudos)
    doc.add_integer("hits", document.hits)
    doc.add_integer("comments", document.comments)
    doc.add_integer("published", document.timestamp("published"))
    doc.add_integer("updated", document.timestamp("updated"))
    return doc


class TantivyBackend:
    """A tantivy index in ``path`` (created when missing), or in memory when ``path`` is ``None``."""

    name = "tantivy"

    def __init__(
        self,
        path: Path | None = None,
        *,
        heap_bytes: int = 64_000_000,
        bulk_heap_bytes: int = 400_000_000,
        threads: int = 1,
        facet_cache: int = 512,
    ) -> None:
        self.schema = build_schema()
        self.path = path
        self.heap_bytes = heap_bytes
        self.bulk_heap_bytes = bulk_heap_bytes
        self.threads = threads
        self.facet_cache = FacetCache(facet_cache)
        self._writes = 0  # this process's commits; another process's show in meta.json (``generation``)
        self._seen: tuple[int, int] = (0, 0)
        try:
            if path is None:
                self.index = tantivy.Index(self.schema)
            else:
                path.mkdir(parents=True, exist_ok=True)
                self.index = tantivy.Index(self.schema, path=str(path), reuse=True)
        except ValueError as err:
            raise SearchIndexError(f"cannot open the search index in {path}: {err}") from None
        self.index.register_tokenizer(ANALYZER_NAME, analyzer())
        self.translate = TantivyTranslator(self.schema)

    @classmethod
    def recreate(cls, path: Path) -> TantivyBackend:
        """A new, empty index in ``path``, removing whatever was there (an index of an older schema, or a
        corrupt one); then ``add`` every work again."""
        shutil.rmtree(path, ignore_errors=True)
        return cls(path)

    def _writer(self, heap_bytes: int | None = None) -> tantivy.IndexWriter:
        """The index's one writer; another process holding it (a second ``ficshelf`` writing) is FS603."""
        try:
            return self.index.writer(heap_bytes or self.heap_bytes, self.threads)
        except ValueError as err:
            raise SearchIndexError(f"cannot write the search index: {err}") from None

    def _write(self, documents: Iterable[SearchDocument], *, replace: bool) -> int:
        written = 0
        # A bulk load writes with a larger buffer: fewer, larger segments, which facet counting reads faster.
        writer = self._writer(None if replace else self.bulk_heap_bytes)
        try:
            for batch in batched(documents, 1000):
                for document in batch:
                    if replace:
                        writer.delete_documents_by_term("key", str(document.work_id))
                    writer.add_document(to_tantivy(document))
                written += len(batch)
            writer.commit()
        except BaseException:
            writer.rollback()
            raise
        finally:
            writer.wait_merging_threads()
        self._reload()
        return written

    def _reload(self) -> None:
        self._writes += 1
        self.index.reload()

    def generation(self) -> tuple[int, int, int]:
        """Changes whenever the index does: this process's writes, and the commit file another process rewrites
        (then the reader is reloaded at once, so nothing is cached from the commit before)."""
        if self.path is None:
            return (self._writes, 0, 0)
        try:
            meta = (self.path / "meta.json").stat()
        except OSError:
            return (self._writes, 0, 0)
        seen = (meta.st_mtime_ns, meta.st_size)
        if seen != self._seen:
            self._seen = seen
            self.index.reload()
        return (self._writes, *seen)

    def add(self, documents: Iterable[SearchDocument]) -> int:
        return self._write(documents, replace=False)

    def replace(self, documents: Iterable[SearchDocument]) -> int:
        return self._write(documents, replace=True)

    def delete(self, work_ids: Iterable[int]) -> None:
        writer = self._writer()
        try:
            for work_id in work_ids:
                writer.delete_documents_by_term("key", str(work_id))
            writer.commit()
        finally:
            writer.wait_merging_threads()
        self._reload()

    def clear(self) -> None:
        writer = self._writer()
        try:
            writer.delete_all_documents()
            writer.commit()
        finally:
            writer.wait_merging_threads()
        self._reload()

    def rebuild(self, documents: Iterable[SearchDocument]) -> int:
        self.clear()
        return self.add(documents)

    def count(self) -> int:
        return int(self.index.searcher().num_docs)

    def close(self) -> None:
        """Nothing to release: writers are closed after every write."""

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
        excluded = sorted({tag_key(tag.kind, tag.name) for tag in blocklist_tags})
        restricted = not viewer_can_see_restricted
        compiled = self.translate.filtered(query, restricted=restricted, blocked_keys=excluded)
        if sort is Sort.RELEVANCE and (isinstance(query, MatchAll) or not has_text(query)):
            sort = Sort.DATE
        key = (self.generation(), contract.FACET_SAMPLE, query, restricted, tuple(excluded))
        cached = self.facet_cache.get(key) if facets else None
        # Facets count every hit up to FACET_SAMPLE. A query costly to evaluate twice (a phrase) brings back that
        # many hits in this one pass, so the facets can be counted over their ids instead of evaluating it again.
        by_ids = facets and cached is None and self.translate.costly(query)
        fetch = max(offset + limit, contract.FACET_SAMPLE if by_ids else 0, 1)  # tantivy refuses a limit of 0
        searcher = self.index.searcher()
        if sort is Sort.RELEVANCE:
            found = searcher.search(compiled, fetch, count=True)
        else:
            found = searcher.search(compiled, fetch, count=True, order_by_field=SORT_FIELDS[sort], order=Desc)
        total = int(getattr(found, "count", None) or 0)  # the stub omits SearchResult.count
        addresses = [address for _, address in found.hits]
        every = by_ids and len(addresses) == total  # every hit is here: count the facets over their ids
        values = searcher.fast_field_values("id", addresses if every else addresses[offset:])
        ids = [int(value) for value in values if value is not None]
        page = ids[offset : offset + limit] if every else ids[:limit]
        if not facets or total == 0:
            return SearchResult(page, total)
        if cached is None:
            cached = self._facets(searcher, compiled, total, ids if every else None)
            self.facet_cache.put(key, *cached)
        return SearchResult(page, total, cached[0], facets_exact=cached[1])

    def _facets(
        self, searcher: tantivy.Searcher, compiled: tantivy.Query, total: int, ids: list[int] | None
    ) -> tuple[dict[TagKind, list[FacetCount]], bool]:
        """tantivy's terms aggregation over the tag fast fields of every hit (found by id when the hits' ids are
        known) or, past FACET_SAMPLE hits, of a deterministic sample, scaled up; and whether the counts are exact."""
        bound = facet_sample_bound(total)
        if bound is not None:  # whole buckets as terms: the query is only evaluated where it meets the sample
            sample = tantivy.Query.term_set_query(self.schema, "sample_bucket", list(range(bound // SAMPLE_BUCKET)))
            compiled = tantivy.Query.boolean_query([(tantivy.Occur.Must, compiled), (tantivy.Occur.Must, sample)])
        elif ids is not None:
            compiled = tantivy.Query.term_set_query(self.schema, "key", [str(work_id) for work_id in ids])
        answer = searcher.aggregate(compiled, FACET_REQUEST)
        counts = {
            kind: {bucket["key"]: int(bucket["doc_count"]) for bucket in answer[kind.value]["buckets"]}
            for kind in TAG_KINDS
        }
        return top_facets(counts, bound), bound is None
