"""Chapters of a posted work: multi-chapter works gain chapters later; only the work's owner changes them."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ficshelf.errors import InvalidValue, NotFound
from ficshelf.model import Chapter
from ficshelf.store import tables as t
from ficshelf.store.access import owned_work
from ficshelf.store.engine import Store
from ficshelf.store.index_queue import enqueue
from ficshelf.store.works import chapter_row, count_words


def add_chapter(store: Store, work_id: int, actor: int, chapter: Chapter) -> int:
    """Append a chapter (numbered after the last) to a work the actor owns; returns its number."""
    if not chapter.text.strip():
        raise InvalidValue("a chapter needs text")
    with store.write() as session:
        work = owned_work(session, work_id, actor)
        last = session.scalar(select(func.max(t.Chapter.number)).where(t.Chapter.work_id == work_id)) or 0
        number = last + 1
        session.add(
            chapter_row(
                work_id,
                Chapter(
                    number, chapter.title, chapter.summary, chapter.notes_beginning, chapter.notes_end, chapter.text
                ),
            )
        )
        work.chapter_count += 1
        work.words += count_words(chapter.text)
        if work.chapters_expected is not None and work.chapter_count >= work.chapters_expected:
            work.complete = True
        work.updated = t.now()
        enqueue(session, [work_id])
        return number


def update_chapter(store: Store, work_id: int, actor: int, number: int, chapter: Chapter) -> None:
    """Replace chapter ``number``'s title, summary, notes and text."""
    if not chapter.text.strip():
        raise InvalidValue("a chapter needs text")
    with store.write() as session:
        work = owned_work(session, work_id, actor)
        row = _chapter(session, work_id, number)
        work.words += count_words(chapter.text) - row.words
        row.title, row.summary, row.text = chapter.title, chapter.summary, chapter.text
        row.notes_beginning, row.notes_end = list(chapter.notes_beginning), list(chapter.notes_end)
        row.words = count_words(chapter.text)
        work.updated = t.now()
        enqueue(session, [work_id])


def revise_chapter_text(
    store: Store, work_id: int, actor: int | None, number: int, revise: Callable[[str], str]
) -> str:
    """Replace chapter ``number``'s text by ``revise(current text)`` in one transaction; returns the new text.

    Only the owner may (NotAllowed). An exception from ``revise`` changes nothing.
    """
    with store.write() as session:
        work = owned_work(session, work_id, actor)
        row = _chapter(session, work_id, number)
        text = revise(row.text)
        if not text.strip():
            raise InvalidValue("a chapter needs text")
        words = count_words(text)
        work.words += words - row.words
        row.text, row.words = text, words
        work.updated = t.now()
        enqueue(session, [work_id])
        return text


def delete_chapter(store: Store, work_id: int, actor: int, number: int) -> None:
    """Remove chapter ``number``; later chapters move up one. A work keeps at least one chapter."""
    with store.write() as session:
        work = owned_work(session, work_id, actor)
        if work.chapter_count <= 1:
            raise InvalidValue("a work keeps at least one chapter; delete the work instead")
        row = _chapter(session, work_id, number)
        work.words -= row.words
        work.chapter_count -= 1
        session.delete(row)
        session.flush()
        later = session.scalars(
            select(t.Chapter).where(t.Chapter.work_id == work_id, t.Chapter.number > number).order_by(t.Chapter.number)
        ).all()
        for chapter in later:  # one at a time, in order, so (work, number) stays unique at every step
            chapter.number -= 1
            session.flush()
        work.updated = t.now()
        enqueue(session, [work_id])


def _chapter(session: Session, work_id: int, number: int) -> t.Chapter:
    row = session.scalar(select(t.Chapter).where(t.Chapter.work_id == work_id, t.Chapter.number == number))
    if row is None:
        raise NotFound(f"work {work_id} has no chapter {number}")
    return row
