"""Bulk suggestions from ``ficshelf batch load``: replace the pending suggestions of works found by source.

Author tags and accepted tags are kept as they are (``work_tags.write_tags`` with no author tags); every
changed work is queued for reindexing in the same transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import select

from ficshelf.store import tables as t
from ficshelf.store.engine import Store
from ficshelf.store.index_queue import enqueue
from ficshelf.store.records import SuggestedTag
from ficshelf.store.work_tags import write_tags


def suggest_by_source(store: Store, suggestions: Mapping[str, Sequence[SuggestedTag]]) -> list[int]:
    """Replace the pending suggestions of each work whose ``source`` is a key; returns the ids of works changed.

    One transaction for the whole mapping (callers pass a few hundred works at a time).
    """
    if not suggestions:
        return []
    with store.write() as session:
        works = session.scalars(select(t.Work).where(t.Work.source.in_(list(suggestions)))).all()
        for work in works:
            write_tags(session, work, None, list(suggestions[work.source]))
        ids = [work.id for work in works]
        enqueue(session, ids)
        return ids


def suggest_by_id(store: Store, suggestions: Mapping[int, Sequence[SuggestedTag]]) -> list[int]:
    """``suggest_by_source`` for annotations of an archive export (``--from-archive``): works found by their id."""
    if not suggestions:
        return []
    with store.write() as session:
        works = session.scalars(select(t.Work).where(t.Work.id.in_(list(suggestions)))).all()
        for work in works:
            write_tags(session, work, None, list(suggestions[work.id]))
        ids = [work.id for work in works]
        enqueue(session, ids)
        return ids
