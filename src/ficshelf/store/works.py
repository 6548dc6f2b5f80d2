"""Works: posting, reading, editing and deleting, with the ownership and visibility rules of ``access``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from sqlalchemy import Integer, Select, bindparam, case, literal, select, update
from sqlalchemy.orm import Session

from ficshelf.errors import NotFound
from ficshelf.model import Chapter, Tag, TagKind, Work
from ficshelf.store import tables as t
from ficshelf.store.access import owned_work
from ficshelf.store.blurbs import KIND_ORDER, summary
from ficshelf.store.engine import Store
from ficshelf.store.index_queue import enqueue
from ficshelf.store.records import SuggestedTag, TagSource, WorkPage

__all__ = ["clean_title", "count_words", "create_work"]
from ficshelf.store.new_works import clean_title, count_words, create_work

_WORK_ID = bindparam("work_id", type_=Integer)
_WORK = (
    select(*t.Work.__table__.c, t.User.name.label("owner_name"))
    .join(t.User, t.User.id == t.Work.owner_id)
    .where(t.Work.id == _WORK_ID)
)
_TAGS = (
    select(t.WorkTag.source, t.WorkTag.position, t.Tag.kind, t.Tag.name, t.WorkTag.score, t.WorkTag.evidence)
    .join(t.Tag, t.Tag.id == t.WorkTag.tag_id)
    .where(t.WorkTag.work_id == _WORK_ID)
    .order_by(t.WorkTag.position)
)


@cache
def _chapters(mode: str) -> Select[Any]:
    """A work's chapters with every text (``all``), none (``none``), or only chapter ``:chapter``'s (``one``)."""
    text: Any = t.Chapter.text
    if mode == "none":
        text = literal("")
    elif mode == "one":
        text = case((t.Chapter.number == bindparam("chapter", type_=Integer), t.Chapter.text), else_=literal(""))
    return (
        select(t.Chapter.id, t.Chapter.number, t.Chapter.title, t.Chapter.summary, t.Chapter.notes_beginning)
        .add_columns(t.Chapter.notes_end, text.label("text"))
        .where(t.Chapter.work_id == _WORK_ID)
        .order_by(t.Chapter.number)
    )


def get_work(
    store: Store, work_id: int, viewer: int | None, chapter: int | None = None, *, texts: bool = True
) -> WorkPage:
    """A work page: NotFound when the work does not exist or is restricted and ``viewer`` is a guest.

    With ``chapter`` only that chapter's text is loaded, with ``texts=False`` none (the other chapters come with
    their titles and empty text). Three Core queries, no ORM objects: the work with its owner's name, the
    chapters, and every tag the work carries or was suggested.
    """
    with store.read() as session:
        return load_work(session, work_id, viewer, chapter, texts=texts)


def load_work(
    session: Session, work_id: int, viewer: int | None, chapter: int | None = None, *, texts: bool = True
) -> WorkPage:
    """``get_work`` in the caller's session (statements built once, run as Core: a work page runs them all)."""
    connection = session.connection()
    row = connection.execute(_WORK, {"work_id": work_id}).one_or_none()
    if row is None or (row.restricted and viewer is None):
        raise NotFound(f"no work {work_id}")
    mode = "none" if not texts else "all" if chapter is None else "one"
    params = {"work_id": work_id, **({"chapter": chapter} if mode == "one" else {})}
    chapter_rows = connection.execute(_chapters(mode), params).all()
    tag_rows = connection.execute(_TAGS, {"work_id": work_id}).all()
    visible = [
        Tag(TagKind(r.kind), r.name)
        for r in sorted(tag_rows, key=lambda r: (KIND_ORDER[r.kind], r.position))
        if r.source != TagSource.SUGGESTED.value
    ]
    owner = row.owner_name
    model = Work(
        id=str(row.id),
        source=row.source,
        title=row.title,
        authors=[owner],
        summary=row.summary,
        language=row.language,
        notes_beginning=list(row.notes_beginning),
        notes_end=list(row.notes_end),
        chapters=[
            Chapter(c.number, c.title, c.summary, list(c.notes_beginning), list(c.notes_end), c.text or "")
            for c in chapter_rows
        ],
        tags=visible,
        complete=row.complete,
    )
    return WorkPage(
        summary=summary(row, owner, visible),
        work=model,
        suggested=[
            SuggestedTag(TagKind(r.kind), r.name, r.score, list(r.evidence or []))
            for r in tag_rows
            if r.source == TagSource.SUGGESTED.value
        ],
        chapter_ids=[c.id for c in chapter_rows],
        is_owner=viewer is not None and viewer == row.owner_id,
    )


def update_work(
    store: Store,
    work_id: int,
    actor: int,
    *,
    title: str | None = None,
    summary: str | None = None,
    notes_beginning: Sequence[str] | None = None,
    notes_end: Sequence[str] | None = None,
    language: str | None = None,
    restricted: bool | None = None,
    complete: bool | None = None,
    chapters_expected: int | None = None,
) -> None:
    """Change a work's details; only its owner may (NotAllowed otherwise). ``None`` leaves a field as it is."""
    with store.write() as session:
        row = owned_work(session, work_id, actor)
        if title is not None:
            row.title = clean_title(title)
        if summary is not None:
            row.summary = summary
        if notes_beginning is not None:
            row.notes_beginning = list(notes_beginning)
        if notes_end is not None:
            row.notes_end = list(notes_end)
        if language is not None:
            row.language = language
        if restricted is not None:
            row.restricted = restricted
        if complete is not None:
            row.complete = complete
        if chapters_expected is not None:
            row.chapters_expected = chapters_expected
        row.updated = t.now()
        enqueue(session, [work_id])


def delete_work(store: Store, work_id: int, actor: int) -> None:
    """Delete a work with its chapters, tags, comments, kudos and bookmarks; only its owner may."""
    with store.write() as session:
        row = owned_work(session, work_id, actor)
        session.delete(row)
        session.flush()
        enqueue(session, [work_id])


def record_hit(store: Store, work_id: int, count: int = 1) -> None:
    """Count ``count`` visits to a work (the web decides what counts as a visit)."""
    record_hits(store, {work_id: count})


def record_hits(store: Store, counts: Mapping[int, int]) -> None:
    """Add batched visit counts (work id → visits) in one write; works deleted meanwhile are skipped."""
    if not counts:
        return
    with store.write() as session:
        for work_id, count in sorted(counts.items()):
            session.execute(update(t.Work).where(t.Work.id == work_id).values(hits=t.Work.hits + count))


def chapter_row(work_id: int, chapter: Chapter) -> t.Chapter:
    return t.Chapter(
        work_id=work_id,
        number=chapter.number,
        title=chapter.title,
        summary=chapter.summary,
        notes_beginning=list(chapter.notes_beginning),
        notes_end=list(chapter.notes_end),
        text=chapter.text,
        words=count_words(chapter.text),
    )
