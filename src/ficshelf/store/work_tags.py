"""A work's tags: the author's, analysis's suggestions (with score and evidence), and accepted suggestions.

One row per (work, tag). A suggestion that matches an author's tag keeps the author's source and adds its
score and evidence. Accepting turns a suggestion into a tag of the work; rejecting removes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from ficshelf.errors import InvalidValue
from ficshelf.model import Tag, TagKind
from ficshelf.store import tables as t
from ficshelf.store.access import owned_work
from ficshelf.store.engine import Store
from ficshelf.store.index_queue import enqueue
from ficshelf.store.records import SuggestedTag, TagSource
from ficshelf.store.tags import clean_name, get_or_create_tag


def write_tags(
    session: Session, work: t.Work, author_tags: Sequence[Tag] | None, suggested: Sequence[SuggestedTag] | None
) -> None:
    """Replace the work's author tags (when given) and pending suggestions (when given); then refresh its rating."""
    rows = {row.tag_id: row for row in session.scalars(select(t.WorkTag).where(t.WorkTag.work_id == work.id))}
    if author_tags is not None:
        for row in list(rows.values()):
            if row.source == TagSource.AUTHOR.value:
                session.delete(row)
                del rows[row.tag_id]
        for position, tag in enumerate(_unique(author_tags)):
            tag_row = get_or_create_tag(session, tag.kind, tag.name)
            if tag_row.id in rows:
                rows[tag_row.id].source = TagSource.AUTHOR.value
                rows[tag_row.id].position = position
            else:
                row = t.WorkTag(work_id=work.id, tag_id=tag_row.id, source=TagSource.AUTHOR.value, position=position)
                session.add(row)
                rows[tag_row.id] = row
    if suggested is not None:
        for row in list(rows.values()):
            if row.source == TagSource.SUGGESTED.value:
                session.delete(row)
                del rows[row.tag_id]
        for position, suggestion in enumerate(suggested):
            tag_row = get_or_create_tag(session, suggestion.kind, suggestion.name)
            existing = rows.get(tag_row.id)
            if existing is None:
                existing = t.WorkTag(
                    work_id=work.id, tag_id=tag_row.id, source=TagSource.SUGGESTED.value, position=1000 + position
                )
                session.add(existing)
                rows[tag_row.id] = existing
            existing.score = suggestion.score
            existing.evidence = list(suggestion.evidence)
    session.flush()
    refresh_rating(session, work)


def refresh_rating(session: Session, work: t.Work) -> None:
    rating = session.scalar(
        select(t.Tag.name)
        .join(t.WorkTag, t.WorkTag.tag_id == t.Tag.id)
        .where(
            t.WorkTag.work_id == work.id,
            t.Tag.kind == TagKind.RATING.value,
            t.WorkTag.source.in_([TagSource.AUTHOR.value, TagSource.ACCEPTED.value]),
        )
        .order_by(t.WorkTag.position)
        .limit(1)
    )
    work.rating = rating or "Not Rated"


def set_work_tags(store: Store, work_id: int, actor: int, author_tags: Sequence[Tag]) -> None:
    """Replace the author's tags of a work the actor owns (accepted suggestions and pending ones stay)."""
    with store.write() as session:
        work = owned_work(session, work_id, actor)
        write_tags(session, work, author_tags, None)
        work.updated = t.now()
        enqueue(session, [work_id])


def set_suggestions(store: Store, work_id: int, actor: int, suggested: Sequence[SuggestedTag]) -> None:
    """Replace a work's pending suggestions (after analysis ran again on edited text)."""
    with store.write() as session:
        work = owned_work(session, work_id, actor)
        write_tags(session, work, None, suggested)
        enqueue(session, [work_id])


def accept_tags(store: Store, work_id: int, actor: int, tags: Iterable[Tag]) -> int:
    """Accept pending suggestions; returns how many were accepted (unknown or already accepted ones are skipped)."""
    return _review(store, work_id, actor, tags, accept=True)


def reject_tags(store: Store, work_id: int, actor: int, tags: Iterable[Tag]) -> int:
    """Remove pending suggestions; returns how many were removed."""
    return _review(store, work_id, actor, tags, accept=False)


def _review(store: Store, work_id: int, actor: int, tags: Iterable[Tag], accept: bool) -> int:
    wanted = {(tag.kind.value, clean_name(tag.name)) for tag in tags}
    if not wanted:
        return 0
    with store.write() as session:
        work = owned_work(session, work_id, actor)
        rows = session.execute(
            select(t.WorkTag, t.Tag.kind, t.Tag.name)
            .join(t.Tag, t.Tag.id == t.WorkTag.tag_id)
            .where(t.WorkTag.work_id == work_id, t.WorkTag.source == TagSource.SUGGESTED.value)
        ).all()
        chosen = [row for row, kind, name in rows if (kind, name) in wanted]
        for row in chosen:
            if accept:
                row.source = TagSource.ACCEPTED.value
            else:
                session.delete(row)
        session.flush()
        refresh_rating(session, work)
        work.updated = t.now()
        enqueue(session, [work_id])
        return len(chosen)


def _unique(tags: Sequence[Tag]) -> list[Tag]:
    seen: set[tuple[str, str]] = set()
    out: list[Tag] = []
    for tag in tags:
        if not isinstance(tag.kind, TagKind):
            raise InvalidValue(f"unknown tag kind {tag.kind!r}")
        key = (tag.kind.value, " ".join(tag.name.split()))
        if key not in seen:
            seen.add(key)
            out.append(tag)
    return out
