"""The services one running web app holds: the store, the search backend, and the index sync between them."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from ficshelf.errors import SearchIndexError
from ficshelf.hits import HitCounter
from ficshelf.model import TagKind
from ficshelf.search import SearchBackend, SearchDocument, open_backend
from ficshelf.settings import Settings
from ficshelf.store.engine import Store, open_store
from ficshelf.store.index_documents import works_for_index
from ficshelf.store.index_queue import claim_reindex_batch, enqueue_all, finish_reindex
from ficshelf.store.migrate import upgrade
from ficshelf.store.records import IndexDocument

log = logging.getLogger(__name__)

#: How often a search-index write is tried while another process holds the index writer (about 5 s in all).
WRITE_TRIES = 14


@dataclass
class Archive:
    """An open archive: ``store`` for records, ``search`` for the index, ``data_dir`` for drafts, ``hits`` for
    page views not yet written (see ``ficshelf.hits``)."""

    settings: Settings
    store: Store
    search: SearchBackend
    data_dir: Path
    hits: HitCounter = field(default_factory=HitCounter, repr=False)
    _index_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def sync_index(self) -> int:
        """Bring the search index up to date with the store's reindex queue; returns how many works changed."""
        changed = 0
        with self._index_lock:
            while True:
                batch = claim_reindex_batch(self.store)
                if not batch.ids:
                    return changed
                documents = [search_document(d) for d in works_for_index(self.store, batch.ids)]
                found = {d.work_id for d in documents}
                if documents:
                    _retrying(partial(self.search.replace, documents))
                gone = [work_id for work_id in batch.ids if work_id not in found]
                if gone:
                    _retrying(partial(self.search.delete, gone))
                finish_reindex(self.store, batch)
                changed += len(batch.ids)

    def close(self) -> None:
        self.hits.flush(self.store)
        self.search.close()
        self.store.close()


def _retrying(write: Callable[[], object], tries: int = WRITE_TRIES) -> None:
    """Run a search-index write, waiting while another process (another worker, ``ficshelf import``) holds the
    index's one writer (FS603)."""
    for attempt in range(tries):
        try:
            write()
            return
        except SearchIndexError:
            if attempt == tries - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def open_archive(settings: Settings, data_dir: Path | None = None, *, fresh_index: bool = False) -> Archive:
    """Open (creating or upgrading) the database and the search index in ``data_dir``, then index what is queued.
    ``fresh_index`` starts an embedded search index anew (``ficshelf reindex``); an embedded index that cannot be
    opened (an older schema after an upgrade, or damage) is rebuilt from the store the same way."""
    folder = data_dir or settings.data_dir
    folder.mkdir(parents=True, exist_ok=True)
    store = open_store(data_dir=folder, settings=settings)
    upgrade(store)
    database_url = store.url if store.dialect == "postgresql" else None
    try:
        backend = open_backend(folder, kind=settings.search_backend, database_url=database_url, fresh=fresh_index)
    except SearchIndexError as err:
        if fresh_index:
            raise
        # Opening never waits for the writer lock, so this is an index of an older schema or a damaged one: the
        # store holds everything the index is built from, so start it anew and queue every work.
        log.warning("%s; rebuilding the search index from the archive", err)
        backend = open_backend(folder, kind=settings.search_backend, database_url=database_url, fresh=True)
        enqueue_all(store)
    archive = Archive(settings, store, backend, folder)
    archive.sync_index()
    return archive


def search_document(document: IndexDocument) -> SearchDocument:
    """The search index's view of a stored work (the store's ``IndexDocument`` adapted to ``SearchDocument``)."""
    by_kind: dict[TagKind, list[str]] = {}
    for tag in document.tags:
        names = by_kind.setdefault(tag.kind, [])
        if tag.name not in names:
            names.append(tag.name)
    return SearchDocument(
        work_id=document.id,
        title=document.title,
        summary=document.summary,
        authors=(document.owner,),
        chapters=tuple(document.chapters),
        tags={kind: tuple(names) for kind, names in by_kind.items()},
        language=document.language,
        words=document.words,
        complete=document.complete,
        restricted=document.restricted,
        published=document.published,
        updated=document.updated,
        kudos=document.kudos,
        hits=document.hits,
        comments=document.comments,
    )
