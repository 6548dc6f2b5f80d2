"""Works: posting, reading, editing and deleting, with the ownership and visibility rules of ``access``."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select, update

from ficshelf.errors import InvalidValue
from ficshelf.model import Chapter, Tag, TagKind, Work
from ficshelf.store import tables as t
from ficshelf.store.access import account_row, owned_work, visible_work
from ficshelf.store.blurbs import summary, work_tags
from ficshelf.store.engine import Store
from ficshelf.store.index_queue import enqueue
from ficshelf.store.records import SuggestedTag, TagSource, WorkPage
from ficshelf.store.work_tags import write_tags

MAX_TITLE = 500


def count_words(text: str) -> int:
    return len(text.split())


def clean_title(title: str) -> str:
    cleaned = " ".join(title.split())
    if not cleaned:
        raise InvalidValue("a work needs a title")
    return cleaned[:MAX_TITLE]


def create_work(
    store: Store,
    owner: int,
    work: Work,
    author_tags: Sequence[Tag] | None = None,
    suggested_tags: Sequence[SuggestedTag] = (),
    *,
    restricted: bool = False,
    chapters_expected: int | None = None,
) -> int:
    """Post ``work`` (its chapters, notes and summary) as ``owner``; returns the new work's id.

    ``author_tags`` defaults to ``work.tags``. ``work.complete`` (``None``: complete unless ``chapters_expected``
    says more chapters will come) and ``work.language`` are kept. The work is queued for indexing.
    """
    if not work.chapters or not any(c.text.strip() for c in work.chapters):
        raise InvalidValue("a work needs at least one chapter with text")
    chapters = _numbered(work.chapters)
    words = sum(count_words(c.text) for c in chapters)
    complete = work.complete
    if complete is None:
        complete = chapters_expected is None or chapters_expected <= len(chapters)
    with store.write() as session:
        account_row(session, owner)
        row = t.Work(
            owner_id=owner,
            title=clean_title(work.title),
            summary=work.summary,
            notes_beginning=list(work.notes_beginning),
            notes_end=list(work.notes_end),
            language=work.language,
            words=words,
            chapter_count=len(chapters),
            chapters_expected=chapters_expected,
            complete=complete,
            restricted=restricted,
            source=work.source[:1000],
        )
        session.add(row)
        session.flush()
        for chapter in chapters:
            session.add(chapter_row(row.id, chapter))
        write_tags(session, row, list(work.tags) if author_tags is None else author_tags, suggested_tags)
        enqueue(session, [row.id])
        return row.id


def get_work(store: Store, work_id: int, viewer: int | None, chapter: int | None = None) -> WorkPage:
    """A work page: NotFound when the work does not exist or is restricted and ``viewer`` is a guest.

    With ``chapter`` only that chapter's text is loaded (the others come with their titles and empty text).
    """
    with store.read() as session:
        row = visible_work(session, work_id, viewer)
        owner = account_row(session, row.owner_id).name
        columns = [t.Chapter.id, t.Chapter.number, t.Chapter.title, t.Chapter.summary]
        columns += [t.Chapter.notes_beginning, t.Chapter.notes_end]
        chapter_rows = session.execute(
            select(*columns).where(t.Chapter.work_id == work_id).order_by(t.Chapter.number)
        ).all()
        text_query = select(t.Chapter.id, t.Chapter.text).where(t.Chapter.work_id == work_id)
        if chapter is not None:
            text_query = text_query.where(t.Chapter.number == chapter)
        texts = dict(session.execute(text_query).all())
        visible = work_tags(session, [work_id], [TagSource.AUTHOR.value, TagSource.ACCEPTED.value]).get(work_id, [])
        pending = session.execute(
            select(t.Tag.kind, t.Tag.name, t.WorkTag.score, t.WorkTag.evidence)
            .join(t.WorkTag, t.WorkTag.tag_id == t.Tag.id)
            .where(t.WorkTag.work_id == work_id, t.WorkTag.source == TagSource.SUGGESTED.value)
            .order_by(t.WorkTag.position)
        ).all()
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
                Chapter(c.number, c.title, c.summary, list(c.notes_beginning), list(c.notes_end), texts.get(c.id, ""))
                for c in chapter_rows
            ],
            tags=visible,
            complete=row.complete,
        )
        return WorkPage(
            summary=summary(row, owner, visible),
            work=model,
            suggested=[SuggestedTag(TagKind(kind), name, score, list(ev or [])) for kind, name, score, ev in pending],
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


def record_hit(store: Store, work_id: int) -> None:
    """Count one visit to a work (the web decides what counts as a visit)."""
    with store.write() as session:
        session.execute(update(t.Work).where(t.Work.id == work_id).values(hits=t.Work.hits + 1))


def _numbered(chapters: Sequence[Chapter]) -> list[Chapter]:
    """Chapters renumbered 1..n in order (a recovered "Prologue" is 0 in analysis, 1 in the archive)."""
    return [
        Chapter(i, c.title, c.summary, list(c.notes_beginning), list(c.notes_end), c.text)
        for i, c in enumerate(chapters, 1)
    ]


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
