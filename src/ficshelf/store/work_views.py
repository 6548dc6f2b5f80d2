"""Everything one reader's work page reads, in one read session: the work (``works.load_work``), its comment
thread as the reader may see it, the kudos line, and whether the reader bookmarked it."""

from __future__ import annotations

from ficshelf.store.comments import thread
from ficshelf.store.community import givers, has_bookmark
from ficshelf.store.engine import Store
from ficshelf.store.records import WorkView
from ficshelf.store.works import load_work


def work_view(store: Store, work_id: int, viewer: int | None, *, texts: bool = False) -> WorkView:
    """The work page of ``work_id`` for ``viewer`` (``None``: a guest); NotFound as ``get_work``. Chapter texts
    are loaded only with ``texts`` (the web keeps rendered chapters in its per-version caches)."""
    with store.read() as session:
        page = load_work(session, work_id, viewer, texts=texts)
        return WorkView(
            page=page,
            comments=thread(session, work_id, page.summary.owner_id, viewer),
            kudos=givers(session, work_id),
            bookmarked=viewer is not None and has_bookmark(session, viewer, work_id),
        )
