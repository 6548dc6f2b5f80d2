"""Loading works as blurbs (``WorkSummary``): one Core query for the works, one for all their tags (no ORM objects)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ficshelf.model import Tag, TagKind
from ficshelf.store import tables as t
from ficshelf.store.access import visible_tag_sources
from ficshelf.store.records import WorkSummary

#: Columns a blurb never shows (left out of listing queries).
HEAVY_COLUMNS = frozenset({"notes_beginning", "notes_end", "source"})
#: AO3's order of tag kinds on a work page and in a blurb.
KIND_ORDER = {kind.value: i for i, kind in enumerate(TagKind)}


def work_tags(session: Session, work_ids: Sequence[int], sources: list[str]) -> dict[int, list[Tag]]:
    """Each work's tags from ``sources``, in AO3's kind order, then as the author ordered them."""
    found: dict[int, list[tuple[int, int, Tag]]] = defaultdict(list)
    if not work_ids:
        return {}
    rows = session.execute(
        select(t.WorkTag.work_id, t.WorkTag.position, t.Tag.kind, t.Tag.name)
        .join(t.Tag, t.Tag.id == t.WorkTag.tag_id)
        .where(t.WorkTag.work_id.in_(work_ids), t.WorkTag.source.in_(sources))
    )
    for work_id, position, kind, name in rows:
        found[work_id].append((KIND_ORDER[kind], position, Tag(TagKind(kind), name)))
    return {work_id: [tag for *_, tag in sorted(tags, key=lambda x: x[:2])] for work_id, tags in found.items()}


def summaries(session: Session, work_ids: Sequence[int]) -> list[WorkSummary]:
    """Blurbs for ``work_ids`` in the order given (ids that do not exist are skipped)."""
    if not work_ids:
        return []
    columns = [c for c in t.Work.__table__.c if c.name not in HEAVY_COLUMNS]
    rows = session.execute(
        select(*columns, t.User.name.label("owner_name"))
        .join(t.User, t.User.id == t.Work.owner_id)
        .where(t.Work.id.in_(work_ids))
    ).all()
    tags = work_tags(session, work_ids, visible_tag_sources())
    by_id = {row.id: summary(row, row.owner_name, tags.get(row.id, [])) for row in rows}
    return [by_id[i] for i in work_ids if i in by_id]


def summary(work: Any, owner: str, tags: list[Tag]) -> WorkSummary:
    """A blurb from a ``works`` row: an ORM ``Work`` or a Core row with the same column names."""
    return WorkSummary(
        id=work.id,
        title=work.title,
        summary=work.summary,
        owner=owner,
        owner_id=work.owner_id,
        language=work.language,
        rating=work.rating,
        words=work.words,
        chapters=work.chapter_count,
        chapters_expected=work.chapters_expected,
        complete=work.complete,
        restricted=work.restricted,
        published=work.published,
        updated=work.updated,
        kudos=work.kudos_count,
        hits=work.hits,
        comments=work.comment_count,
        bookmarks=work.bookmark_count,
        tags=tags,
    )
