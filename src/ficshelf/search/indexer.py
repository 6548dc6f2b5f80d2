"""The index queue consumer: work ids in, the search index brought up to date in batches.

The store says *which* works changed (posted, edited, tagged, restricted, deleted) and provides
``load(ids) -> documents``; the indexer replaces the documents it gets back and deletes the ids it does not
(a deleted work, or one no longer loadable). ``Indexer`` does it on the caller's thread; ``IndexQueue`` does
it on one background thread, so a web request that posts a work returns at once (AO3's reindex queue).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ficshelf.search.backend import SearchBackend
from ficshelf.search.document import SearchDocument

LoadDocuments = Callable[[Sequence[int]], Iterable[SearchDocument]]
log = logging.getLogger(__name__)


@dataclass
class IndexReport:
    indexed: int = 0
    deleted: int = 0

    def __iadd__(self, other: IndexReport) -> IndexReport:
        self.indexed += other.indexed
        self.deleted += other.deleted
        return self


class Indexer:
    def __init__(self, backend: SearchBackend, load: LoadDocuments, *, batch_size: int = 200) -> None:
        self.backend = backend
        self.load = load
        self.batch_size = batch_size

    def apply(self, work_ids: Iterable[int]) -> IndexReport:
        """Re-index each distinct id once, ``batch_size`` at a time."""
        report = IndexReport()
        pending = list(dict.fromkeys(work_ids))
        for start in range(0, len(pending), self.batch_size):
            report += self._batch(pending[start : start + self.batch_size])
        return report

    def _batch(self, ids: list[int]) -> IndexReport:
        wanted = set(ids)
        documents = [document for document in self.load(ids) if document.work_id in wanted]
        found = {document.work_id for document in documents}
        missing = [work_id for work_id in ids if work_id not in found]
        if documents:
            self.backend.replace(documents)
        if missing:
            self.backend.delete(missing)
        return IndexReport(indexed=len(documents), deleted=len(missing))

    def drain(self, take: Callable[[int], Sequence[int]]) -> IndexReport:
        """Apply ``take(batch_size)`` until it returns nothing (the store's queue table hands out ids)."""
        report = IndexReport()
        while ids := take(self.batch_size):
            report += self.apply(ids)
        return report

    def rebuild(self, documents: Iterable[SearchDocument]) -> int:
        """Empty the index and index ``documents`` (every work the store holds); returns how many."""
        return self.backend.rebuild(documents)


class IndexQueue:
    """A background thread applying enqueued ids; ``flush()`` waits until everything enqueued is indexed.

    A failing batch is logged and dropped (its ids stay stale until the next change or a rebuild); the
    thread goes on with the next one.
    """

    def __init__(self, indexer: Indexer) -> None:
        self.indexer = indexer
        self.pending: queue.Queue[list[int] | None] = queue.Queue()
        self.failures = 0
        self.thread = threading.Thread(target=self._run, name="ficshelf-index-queue", daemon=True)
        self.thread.start()

    def enqueue(self, work_ids: Iterable[int]) -> None:
        self.pending.put(list(work_ids))

    def flush(self) -> None:
        self.pending.join()

    def close(self) -> None:
        self.pending.put(None)
        self.thread.join()

    def _run(self) -> None:
        while True:
            ids = self.pending.get()
            try:
                if ids is None:
                    return
                batch = list(ids)
                while len(batch) < self.indexer.batch_size:  # gather what else is waiting into one batch
                    try:
                        more = self.pending.get_nowait()
                    except queue.Empty:
                        break
                    if more is None:
                        self.pending.put(None)
                        self.pending.task_done()
                        break
                    batch += more
                    self.pending.task_done()
                self.indexer.apply(batch)
            except Exception:
                self.failures += 1
                log.exception("search index update failed for %d works", len(ids or []))
            finally:
                self.pending.task_done()
