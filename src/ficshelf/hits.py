"""Hit counting without a write per page view.

A work page view adds one to an in-memory counter; the counts go to the store in one write (``record_hits``)
at most every ``FLUSH_SECONDS``, triggered by the next view after that, and when the app shuts down. The
trade-off: a work's shown hit count lags by up to ``FLUSH_SECONDS`` (plus whatever views arrive after the last
flush, until the next view or shutdown), and a process that is killed (not stopped) loses its unflushed counts.
Each uvicorn worker keeps its own counter; flushes add (``hits = hits + n``), so workers never overwrite each other.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter

from sqlalchemy.exc import SQLAlchemyError

from ficshelf.store.engine import Store
from ficshelf.store.works import record_hits

logger = logging.getLogger(__name__)
#: How long views may wait in memory before they are written.
FLUSH_SECONDS = 5.0


class HitCounter:
    """Visits per work not yet written to the store."""

    def __init__(self, flush_seconds: float = FLUSH_SECONDS) -> None:
        self.flush_seconds = flush_seconds
        self._pending: Counter[int] = Counter()
        self._lock = threading.Lock()
        self._last_flush = time.monotonic()

    @property
    def pending(self) -> dict[int, int]:
        with self._lock:
            return dict(self._pending)

    def hit(self, store: Store, work_id: int) -> None:
        """Count one view; write the batch when it has waited ``flush_seconds``. A page view never fails
        because of its hit: when the write fails (the database busy), the counts wait for the next flush."""
        with self._lock:
            self._pending[work_id] += 1
            due = time.monotonic() - self._last_flush >= self.flush_seconds
        if due:
            try:
                self.flush(store)
            except SQLAlchemyError:
                logger.warning("hit counts not written yet; kept for the next flush", exc_info=True)

    def flush(self, store: Store) -> int:
        """Write every pending count now; returns how many views were written."""
        with self._lock:
            counts, self._pending = self._pending, Counter()
            self._last_flush = time.monotonic()
        if counts:
            try:
                record_hits(store, counts)
            except BaseException:
                with self._lock:
                    self._pending.update(counts)  # keep them for the next flush
                raise
        return sum(counts.values())
