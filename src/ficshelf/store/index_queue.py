"""The index queue: works waiting to be (re)indexed by search, AO3's reindex queue in one table.

Every change to a work (create, edit, chapters, tags, delete, kudos and comment counts) enqueues it in the same
transaction. The search indexer claims a batch, reads ``works_for_index`` (a claimed id it no longer returns
was deleted: remove it from the index), and calls ``finish_reindex``; a work enqueued again after the claim
stays queued. A claim older than ``stale_after`` (a crashed indexer) is handed out again.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from ficshelf.store import tables as t
from ficshelf.store.engine import Store
from ficshelf.store.records import ReindexBatch


def enqueue(session: Session, work_ids: Iterable[int]) -> None:
    """Queue works in the caller's transaction (an upsert: a queued work is queued once, its claim cleared).

    One statement, compiled once per process, executed for many rows (executemany)."""
    ids = sorted(set(work_ids))
    if not ids:
        return
    when = t.now()
    connection = session.connection()
    insert = pg_insert if connection.dialect.name == "postgresql" else sqlite_insert
    statement = insert(t.IndexQueue)
    upsert = statement.on_conflict_do_update(
        index_elements=[t.IndexQueue.work_id], set_={"queued": statement.excluded.queued, "claimed": None}
    )
    connection.execute(upsert, [{"work_id": i, "queued": when, "claimed": None} for i in ids])


def enqueue_reindex(store: Store, work_ids: Iterable[int]) -> None:
    with store.write() as session:
        enqueue(session, work_ids)


def enqueue_all(store: Store) -> int:
    """Queue every work (for ``search rebuild``); returns how many."""
    with store.write() as session:
        ids = list(session.scalars(select(t.Work.id)))
        for start in range(0, len(ids), 500):
            enqueue(session, ids[start : start + 500])
        return len(ids)


def pending_reindex(store: Store) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(t.IndexQueue)) or 0


def claim_reindex_batch(store: Store, limit: int = 200, stale_after: timedelta = timedelta(minutes=10)) -> ReindexBatch:
    """Claim up to ``limit`` queued works, oldest first (none claimed by a live indexer)."""
    when = t.now()
    free = or_(t.IndexQueue.claimed.is_(None), t.IndexQueue.claimed < when - stale_after)
    with store.write() as session:
        query = select(t.IndexQueue.work_id).where(free).order_by(t.IndexQueue.queued, t.IndexQueue.work_id)
        if session.get_bind().dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        ids = list(session.scalars(query.limit(limit)))
        if ids:
            session.execute(update(t.IndexQueue).where(t.IndexQueue.work_id.in_(ids)).values(claimed=when))
    return ReindexBatch(ids, when)


def finish_reindex(store: Store, batch: ReindexBatch) -> None:
    """Drop the batch's works from the queue, except those enqueued again since the claim."""
    if not batch.ids:
        return
    with store.write() as session:
        session.execute(
            delete(t.IndexQueue).where(t.IndexQueue.work_id.in_(batch.ids), t.IndexQueue.claimed == batch.claimed)
        )
