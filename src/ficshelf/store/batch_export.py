"""The archive's works as analysis reads them, for ``ficshelf batch analyze --from-archive``: in id order, a page
of works at a time (keyset pagination, so a 15-million-work archive is never read at once).

Each work comes back as a ``ficshelf.model.Work`` with its stored structure — chapters (title, summary, notes,
text), the work's summary, notes and language — and its visible tags (author and accepted, in AO3's kind order).
``Work.id`` is the archive's id as text and ``Work.source`` what the work was imported from ("" for a posted
work). ``needs_structure`` is false: the chapters and notes were recovered when the work was posted. The one source
statistic kept is the chapter count as AO3 shows it ("2/?" for a work in progress), which analysis reads.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, select

from ficshelf.model import Chapter, Work
from ficshelf.store import tables as t
from ficshelf.store.access import visible_tag_sources
from ficshelf.store.blurbs import work_tags
from ficshelf.store.engine import Store


def count_works(store: Store) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(t.Work)) or 0)


def works_after(store: Store, after_id: int, limit: int) -> list[Work]:
    """Up to ``limit`` works whose id is greater than ``after_id``, in id order, with chapters and visible tags.

    Three queries in one read session: the works, their chapters, their tags.
    """
    with store.read() as session:
        rows = session.execute(
            select(
                t.Work.id,
                t.Work.title,
                t.Work.summary,
                t.Work.notes_beginning,
                t.Work.notes_end,
                t.Work.language,
                t.Work.complete,
                t.Work.source,
                t.Work.chapters_expected,
            )
            .where(t.Work.id > after_id)
            .order_by(t.Work.id)
            .limit(limit)
        ).all()
        ids = [row.id for row in rows]
        if not ids:
            return []
        chapters: dict[int, list[Chapter]] = defaultdict(list)
        for chapter in session.execute(
            select(
                t.Chapter.work_id,
                t.Chapter.number,
                t.Chapter.title,
                t.Chapter.summary,
                t.Chapter.notes_beginning,
                t.Chapter.notes_end,
                t.Chapter.text,
            )
            .where(t.Chapter.work_id.in_(ids))
            .order_by(t.Chapter.work_id, t.Chapter.number)
        ):
            chapters[chapter.work_id].append(
                Chapter(
                    chapter.number,
                    chapter.title,
                    chapter.summary,
                    list(chapter.notes_beginning or []),
                    list(chapter.notes_end or []),
                    chapter.text,
                )
            )
        tags = work_tags(session, ids, visible_tag_sources())
    return [
        Work(
            id=str(row.id),
            source=row.source,
            title=row.title,
            summary=row.summary,
            language=row.language,
            notes_beginning=list(row.notes_beginning or []),
            notes_end=list(row.notes_end or []),
            chapters=chapters.get(row.id, []),
            tags=tags.get(row.id, []),
            complete=row.complete,
            source_stats={
                "chapters": _chapters_stat(len(chapters.get(row.id, [])), row.chapters_expected, row.complete)
            },
        )
        for row in rows
    ]


def _chapters_stat(posted: int, expected: int | None, complete: bool) -> str:
    """AO3's chapter count as the work page shows it: "3/5", "1/1", or "2/?" for a work in progress."""
    return f"{posted}/{expected if expected is not None else posted if complete else '?'}"
