"""The contract every search backend keeps (tantivy, SQLite FTS5, PostgreSQL) and what a search returns."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ficshelf.model import TagKind
from ficshelf.search.ast import Node, Sort, TagFilter
from ficshelf.search.document import SearchDocument

#: How many values each facet lists (the most frequent among all hits, ties by name).
FACET_SIZES: dict[TagKind, int] = {
    TagKind.RATING: 10,
    TagKind.WARNING: 10,
    TagKind.CATEGORY: 10,
    TagKind.FANDOM: 10,
    TagKind.RELATIONSHIP: 10,
    TagKind.CHARACTER: 10,
    TagKind.FREEFORM: 10,
}
MAX_LIMIT = 1000
#: Facets count every hit up to this many; past it, a deterministic sample of about this many hits, scaled.
FACET_SAMPLE = 1000
SAMPLE_SPACE = 1 << 16
#: Samples are whole buckets of the sample space, so an index can keep a work's bucket as one indexed term.
SAMPLE_BUCKET = 1 << 10


@dataclass(frozen=True, slots=True)
class FacetCount:
    name: str
    count: int


@dataclass(frozen=True, slots=True)
class SearchResult:
    """One page of work ids in order, how many works match in all, and facet counts over every match."""

    ids: list[int]
    total: int
    facets: dict[TagKind, list[FacetCount]] = field(default_factory=dict)
    #: False when the facet counts are estimates from a sample (more than ``FACET_SAMPLE`` hits).
    facets_exact: bool = True


class SearchBackend(Protocol):
    """A search index of ``SearchDocument``s. Writes are visible to the next ``search`` once they return."""

    name: str

    def add(self, documents: Iterable[SearchDocument]) -> int:
        """Index documents whose ids are not in the index yet (bulk loading); returns how many."""
        ...

    def replace(self, documents: Iterable[SearchDocument]) -> int:
        """Index documents, replacing any already indexed under the same id; returns how many."""
        ...

    def delete(self, work_ids: Iterable[int]) -> None: ...

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
        """Works matching ``query``; restricted works only when the viewer may see them; none carrying a
        blocklisted tag. ``facets`` False skips the facet counts (listings that show none)."""
        ...

    def count(self) -> int:
        """How many documents the index holds."""
        ...

    def clear(self) -> None: ...

    def rebuild(self, documents: Iterable[SearchDocument]) -> int:
        """Empty the index and add ``documents``; returns how many."""
        ...

    def close(self) -> None: ...


def sample_of(work_id: int) -> int:
    """A work's place in ``range(SAMPLE_SPACE)``, spread evenly by a multiplicative hash; every backend stores it."""
    return ((work_id * 2654435761) % (1 << 32)) >> 16


def facet_sample_bound(total: int) -> int | None:
    """``None`` when facets may count every hit; else the bound ``sample < bound`` that keeps about
    ``FACET_SAMPLE`` of ``total`` hits."""
    if total <= FACET_SAMPLE:
        return None
    buckets = -(-SAMPLE_SPACE * FACET_SAMPLE // (total * SAMPLE_BUCKET))  # rounded up
    return min(SAMPLE_SPACE, buckets * SAMPLE_BUCKET)


def top_facets(counts: dict[TagKind, dict[str, int]], bound: int | None = None) -> dict[TagKind, list[FacetCount]]:
    """Each kind's values, most frequent first (ties by name), cut to ``FACET_SIZES``; counts from a sample
    taken with ``bound`` are scaled up to the whole."""
    scale = SAMPLE_SPACE / bound if bound else 1.0
    facets: dict[TagKind, list[FacetCount]] = {}
    for kind, size in FACET_SIZES.items():
        values = sorted(counts.get(kind, {}).items(), key=lambda item: (-item[1], item[0]))
        facets[kind] = [FacetCount(name, round(count * scale)) for name, count in values[:size] if count > 0]
    return facets


class FacetCache:
    """The facet counts of recent searches, keyed by what decides them (the query tree, who is looking, their
    blocklist) and by the index's generation, so a write makes every entry stale. Paging through results, or a
    query many readers run, then counts facets once. Safe to share between threads."""

    def __init__(self, size: int = 512) -> None:
        self.size = size
        self._entries: OrderedDict[Hashable, tuple[dict[TagKind, list[FacetCount]], bool]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> tuple[dict[TagKind, list[FacetCount]], bool] | None:
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def put(self, key: Hashable, facets: dict[TagKind, list[FacetCount]], exact: bool) -> None:
        if self.size <= 0:
            return
        with self._lock:
            self._entries[key] = (facets, exact)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


def check_page(offset: int, limit: int) -> None:
    if offset < 0 or limit < 0 or limit > MAX_LIMIT:
        raise ValueError(f"offset must be >= 0 and limit between 0 and {MAX_LIMIT}")


def batched(documents: Iterable[SearchDocument], size: int) -> Iterable[list[SearchDocument]]:
    batch: list[SearchDocument] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
