"""Bulk suggestions from ``ficshelf batch load``: replace the pending suggestions of works found by source.

Author tags and accepted tags are kept as they are (``work_tags.write_tags`` with no author tags); every
changed work is queued for reindexing in the same transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

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
    return _suggest(store, suggestions, by_id=False)


def suggest_by_id(store: Store, suggestions: Mapping[int, Sequence[SuggestedTag]]) -> list[int]:
    """``suggest_by_source`` for annotations of an archive export (``--from-archive``): works found by their id."""
    return _suggest(store, suggestions, by_id=True)


def _suggest(store: Store, suggestions: Mapping[Any, Sequence[SuggestedTag]], *, by_id: bool) -> list[int]:
    if not suggestions:
        return []
    column = t.Work.id if by_id else t.Work.source
    with store.write() as session:
        works = session.scalars(select(t.Work).where(column.in_(list(suggestions)))).all()
        for work in works:
            write_tags(session, work, None, list(suggestions[work.id if by_id else work.source]))
        ids = [work.id for work in works]
        enqueue(session, ids)
        return ids
