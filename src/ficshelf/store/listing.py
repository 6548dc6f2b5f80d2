"""Listings of works (home, tag pages, a user's works): filters, sorts, pages, and the viewer's blocklist.

Restricted works are left out for guests; a logged-in viewer's blocklist (saved ``block`` filters) removes
works carrying a blocked tag, its canonical tag or any synonym, from every listing.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from ficshelf.errors import InvalidValue
from ficshelf.store import tables as t
from ficshelf.store.access import visible_tag_sources, visible_to
from ficshelf.store.blurbs import summaries
from ficshelf.store.engine import Store
from ficshelf.store.records import FilterMode, Listing, WorkFilter, WorkSummary
from ficshelf.store.tags import synonym_ids

SORTS: dict[str, tuple[ColumnElement[Any] | InstrumentedAttribute[Any], ...]] = {
    "updated": (t.Work.updated.desc(),),
    "published": (t.Work.published.desc(),),
    "kudos": (t.Work.kudos_count.desc(),),
    "hits": (t.Work.hits.desc(),),
    "comments": (t.Work.comment_count.desc(),),
    "bookmarks": (t.Work.bookmark_count.desc(),),
    "words": (t.Work.words.desc(),),
    "title": (func.lower(t.Work.title), t.Work.title),
}
MAX_PER_PAGE = 200


def list_works(
    store: Store,
    work_filter: WorkFilter | None = None,
    sort: str = "updated",
    page: int = 1,
    per_page: int = 20,
    viewer: int | None = None,
) -> Listing[WorkSummary]:
    """One page of works the viewer may see, matching ``work_filter``, sorted by ``sort`` (one of ``SORTS``)."""
    if sort not in SORTS:
        raise InvalidValue(f"unknown sort {sort!r}; one of {', '.join(SORTS)}")
    if page < 1 or not 1 <= per_page <= MAX_PER_PAGE:
        raise InvalidValue(f"page starts at 1 and holds 1 to {MAX_PER_PAGE} works")
    work_filter = work_filter or WorkFilter()
    with store.read() as session:
        conditions = _conditions(session, work_filter, viewer)
        total = session.scalar(select(func.count()).select_from(t.Work).where(*conditions)) or 0
        query: Select[int] = select(t.Work.id).where(*conditions).order_by(*SORTS[sort], t.Work.id.desc())
        ids = list(session.scalars(query.offset((page - 1) * per_page).limit(per_page)))
        return Listing(summaries(session, ids), total, page, per_page)


def _conditions(session: Session, work_filter: WorkFilter, viewer: int | None) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [visible_to(viewer)]
    sources = visible_tag_sources(work_filter.include_suggested)
    for name in work_filter.tags:
        ids = synonym_ids(session, [name])
        conditions.append(_has_tag(ids, sources) if ids else t.Work.id.is_(None))
    excluded = synonym_ids(session, work_filter.exclude_tags)
    if viewer is not None:
        blocked = session.scalars(
            select(t.TagFilter.tag_id).where(t.TagFilter.user_id == viewer, t.TagFilter.mode == FilterMode.BLOCK.value)
        ).all()
        excluded |= synonym_ids(session, session.scalars(select(t.Tag.name).where(t.Tag.id.in_(blocked))).all())
    if excluded:
        conditions.append(~_has_tag(excluded, visible_tag_sources()))
    if work_filter.owner is not None:
        owner_ids = select(t.User.id).where(t.User.name_key == work_filter.owner.strip().lower())
        conditions.append(t.Work.owner_id.in_(owner_ids.scalar_subquery()))
    if work_filter.rating is not None:
        conditions.append(t.Work.rating == work_filter.rating)
    if work_filter.language is not None:
        conditions.append(t.Work.language == work_filter.language)
    if work_filter.complete is not None:
        conditions.append(t.Work.complete == work_filter.complete)
    if work_filter.words_min is not None:
        conditions.append(t.Work.words >= work_filter.words_min)
    if work_filter.words_max is not None:
        conditions.append(t.Work.words <= work_filter.words_max)
    if work_filter.hide_read and viewer is not None:
        read = and_(t.Reading.work_id == t.Work.id, t.Reading.user_id == viewer, t.Reading.marked_read.is_(True))
        conditions.append(~exists().where(read))
    return conditions


def _has_tag(tag_ids: set[int], sources: list[str]) -> ColumnElement[bool]:
    return exists().where(t.WorkTag.work_id == t.Work.id, t.WorkTag.tag_id.in_(tag_ids), t.WorkTag.source.in_(sources))
