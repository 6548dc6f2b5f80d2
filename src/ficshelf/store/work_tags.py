"""A work's tags: the author's, analysis's suggestions (with score and evidence), and accepted suggestions.

One row per (work, tag). A suggestion that matches an author's tag keeps the author's source and adds its
score and evidence. Accepting turns a suggestion into a tag of the work; rejecting removes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from ficshelf.errors import InvalidValue
from ficshelf.model import Tag, TagKind
from ficshelf.store import tables as t
from ficshelf.store.access import owned_work
from ficshelf.store.engine import Store
from ficshelf.store.index_queue import enqueue
from ficshelf.store.records import SuggestedTag, TagSource
from ficshelf.store.tags import clean_name, tag_ids


def write_tags(
    session: Session, work: t.Work, author_tags: Sequence[Tag] | None, suggested: Sequence[SuggestedTag] | None
) -> None:
    """Replace the work's author tags (when given) and pending suggestions (when given); then refresh its rating.

    Bulk statements: one lookup (and one insert) of tags, one delete and one insert of the work's rows.
    """
    authored = unique_tags(author_tags or [])
    offered = list(suggested or [])
    ids = tag_ids(session, tag_keys(authored, offered))
    columns = (t.WorkTag.tag_id, t.WorkTag.source, t.WorkTag.position, t.WorkTag.score, t.WorkTag.evidence)
    rows: dict[int, dict[str, Any]] = {
        tag_id: {"tag_id": tag_id, "source": source, "position": position, "score": score, "evidence": evidence}
        for tag_id, source, position, score, evidence in session.execute(
            select(*columns).where(t.WorkTag.work_id == work.id)
        )
    }
    rows = merged_rows(
        rows, authored if author_tags is not None else None, offered if suggested is not None else None, ids
    )
    session.execute(delete(t.WorkTag).where(t.WorkTag.work_id == work.id))
    if rows:
        session.execute(insert(t.WorkTag), [{"work_id": work.id, **row} for row in rows.values()])
    refresh_rating(session, work)


TagKey = tuple[TagKind, str]


def tag_keys(authored: Sequence[Tag], offered: Sequence[SuggestedTag]) -> list[TagKey]:
    """The (kind, cleaned name) of every tag given (InvalidValue for an empty or over-long name)."""
    return [(tag.kind, clean_name(tag.name)) for tag in authored] + [(s.kind, clean_name(s.name)) for s in offered]


def merged_rows(
    rows: dict[int, dict[str, Any]],
    authored: Sequence[Tag] | None,
    offered: Sequence[SuggestedTag] | None,
    ids: Mapping[TagKey, int],
) -> dict[int, dict[str, Any]]:
    """Pure: a work's tag rows (tag id → row) after replacing its author tags (when ``authored`` is not None,
    already ``unique_tags``) and its pending suggestions (when ``offered`` is not None).

    A suggestion that matches a tag the work carries keeps that tag's source and adds its score and evidence.
    """
    if authored is not None:
        rows = {k: row for k, row in rows.items() if row["source"] != TagSource.AUTHOR.value}
        for position, tag in enumerate(authored):
            tag_id = ids[(tag.kind, clean_name(tag.name))]
            row = rows.setdefault(tag_id, {"tag_id": tag_id, "score": None, "evidence": []})
            row.update(source=TagSource.AUTHOR.value, position=position)
    if offered is not None:
        rows = {k: row for k, row in rows.items() if row["source"] != TagSource.SUGGESTED.value}
        for position, suggestion in enumerate(offered):
            tag_id = ids[(suggestion.kind, clean_name(suggestion.name))]
            if tag_id not in rows:  # a suggestion may arrive already accepted (``ficshelf import --accept``)
                source = TagSource.ACCEPTED if suggestion.source is TagSource.ACCEPTED else TagSource.SUGGESTED
                rows[tag_id] = {"tag_id": tag_id, "source": source.value, "position": 1000 + position}
            rows[tag_id].update(score=suggestion.score, evidence=list(suggestion.evidence))
    return rows


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


def unique_tags(tags: Sequence[Tag]) -> list[Tag]:
    """The tags without repeats (same kind and name up to spacing); InvalidValue for an unknown kind."""
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
