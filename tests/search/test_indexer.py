"""The index queue consumer: changed ids in, documents replaced or deleted in batches."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest

from ficshelf.errors import SearchIndexError
from ficshelf.search.document import SearchDocument
from ficshelf.search.indexer import Indexer, IndexQueue
from ficshelf.search.query import parse
from ficshelf.search.tantivy_backend import TantivyBackend


class FakeStore:
    """Holds documents the way the store holds works, and records each load."""

    def __init__(self) -> None:
        self.works: dict[int, SearchDocument] = {}
        self.loads: list[list[int]] = []

    def put(self, work_id: int, text: str) -> None:
        self.works[work_id] = SearchDocument(work_id=work_id, title=f"Work {work_id}", chapters=(text,))

    def load(self, ids: Sequence[int]) -> Iterable[SearchDocument]:
        self.loads.append(list(ids))
        return [self.works[work_id] for work_id in ids if work_id in self.works]


def found(backend: TantivyBackend, query: str) -> list[int]:
    return backend.search(parse(query)).ids


def test_apply_replaces_loaded_works_and_deletes_missing_ones(tmp_path: Path) -> None:
    store, backend = FakeStore(), TantivyBackend(tmp_path / "index")
    for work_id in range(1, 6):
        store.put(work_id, f"lighthouse number{work_id}")
    indexer = Indexer(backend, store.load, batch_size=2)
    report = indexer.apply([1, 2, 3, 4, 5, 1])
    assert (report.indexed, report.deleted) == (5, 0)
    assert store.loads == [[1, 2], [3, 4], [5]]  # batches, each id once
    assert backend.count() == 5

    store.put(2, "a windmill now")
    del store.works[3]
    report = indexer.apply([2, 3])
    assert (report.indexed, report.deleted) == (1, 1)
    assert found(backend, "windmill") == [2]
    assert sorted(found(backend, "lighthouse")) == [1, 4, 5]


def test_drain_takes_batches_until_the_queue_is_empty(tmp_path: Path) -> None:
    store, backend = FakeStore(), TantivyBackend(tmp_path / "index")
    queue = [1, 2, 3]
    for work_id in queue:
        store.put(work_id, "harbour")

    def take(limit: int) -> list[int]:
        taken = queue[:limit]
        del queue[:limit]
        return taken

    report = Indexer(backend, store.load, batch_size=2).drain(take)
    assert report.indexed == 3 and backend.count() == 3


def test_background_queue_indexes_what_was_enqueued(tmp_path: Path) -> None:
    store, backend = FakeStore(), TantivyBackend(tmp_path / "index")
    store.put(1, "orchard")
    store.put(2, "orchard")
    index_queue = IndexQueue(Indexer(backend, store.load))
    try:
        index_queue.enqueue([1])
        index_queue.enqueue([2])
        index_queue.flush()
        assert sorted(found(backend, "orchard")) == [1, 2]
        del store.works[1]
        index_queue.enqueue([1])
        index_queue.flush()
        assert found(backend, "orchard") == [2]
        assert index_queue.failures == 0
    finally:
        index_queue.close()


def test_an_unreadable_index_is_a_coded_error_and_can_be_recreated(tmp_path: Path) -> None:
    folder = tmp_path / "index"
    folder.mkdir()
    (folder / "meta.json").write_text("not an index", encoding="utf-8")
    with pytest.raises(SearchIndexError) as raised:
        TantivyBackend(folder)
    assert raised.value.code == "FS603"
    backend = TantivyBackend.recreate(folder)
    backend.add([SearchDocument(work_id=1, title="Fresh")])
    assert found(backend, "fresh") == [1]


def test_a_second_writer_on_one_index_is_a_coded_error(tmp_path: Path) -> None:
    first, second = TantivyBackend(tmp_path / "index"), TantivyBackend(tmp_path / "index")
    held = first._writer()
    with pytest.raises(SearchIndexError, match="lock"):
        second.delete([1])
    held.rollback()
