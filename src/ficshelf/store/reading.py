"""An account's reading: history (visits, last chapter, "mark as read") and saved tag filters (the blocklist)."""

from __future__ import annotations

from sqlalchemy import Integer, bindparam, delete, func, insert, select, update

from ficshelf.errors import InvalidValue, NotFound
from ficshelf.model import TagKind
from ficshelf.store import tables as t
from ficshelf.store.access import visible_to, visible_work
from ficshelf.store.blurbs import summaries
from ficshelf.store.engine import Store
from ficshelf.store.records import FilterMode, HistoryEntry, Listing, SavedFilter
from ficshelf.store.tags import get_or_create_tag, tag_kind


def record_reading(store: Store, user: int, work_id: int, chapter: int = 1) -> None:
    """Note that ``user`` read ``chapter`` of a work now (a history entry, its visit count and last chapter)."""
    with store.write() as session:
        connection = session.connection()
        if connection.execute(_WORK_EXISTS, {"work_id": work_id}).first() is None:
            raise NotFound(f"no work {work_id}")  # an account sees restricted works too: existence is enough
        params = {"reader": user, "work": work_id, "chapter": chapter, "now": t.now()}
        if connection.execute(_READ_AGAIN, params).rowcount == 0:
            connection.execute(insert(t.Reading), {"user_id": user, "work_id": work_id, "last_chapter": chapter})


# Built once: ``record_reading`` runs on every work page a logged-in reader opens.
_WORK_EXISTS = select(t.Work.id).where(t.Work.id == bindparam("work_id", type_=Integer))
_READ_AGAIN = (
    update(t.Reading)
    .where(
        t.Reading.user_id == bindparam("reader", type_=Integer), t.Reading.work_id == bindparam("work", type_=Integer)
    )
    .values(
        visits=t.Reading.visits + 1,
        last_chapter=bindparam("chapter", type_=Integer),
        last_read=bindparam("now", type_=t.UTCDateTime()),
    )
)


def mark_read(store: Store, user: int, work_id: int, read: bool = True) -> None:
    """Mark a work as read (or not); listings with ``hide_read`` leave out works marked read."""
    with store.write() as session:
        visible_work(session, work_id, user)
        row = session.get(t.Reading, (user, work_id))
        if row is None:
            session.add(t.Reading(user_id=user, work_id=work_id, marked_read=read))
        else:
            row.marked_read = read


def forget_reading(store: Store, user: int, work_id: int) -> None:
    with store.write() as session:
        session.execute(delete(t.Reading).where(t.Reading.user_id == user, t.Reading.work_id == work_id))


def history(store: Store, user: int, page: int = 1, per_page: int = 20) -> Listing[HistoryEntry]:
    """The account's reading history, most recently read first."""
    if page < 1 or not 1 <= per_page <= 200:
        raise InvalidValue("page starts at 1 and holds 1 to 200 entries")
    with store.read() as session:
        total = session.scalar(select(func.count()).where(t.Reading.user_id == user)) or 0
        rows = session.scalars(
            select(t.Reading)
            .join(t.Work, t.Work.id == t.Reading.work_id)
            .where(t.Reading.user_id == user, visible_to(user))
            .order_by(t.Reading.last_read.desc(), t.Reading.work_id.desc())
            .offset((page - 1) * per_page)
            .limit(per_page)
        ).all()
        blurbs = {s.id: s for s in summaries(session, [r.work_id for r in rows])}
        items = [
            HistoryEntry(blurbs[r.work_id], r.last_read, r.last_chapter, r.visits, r.marked_read)
            for r in rows
            if r.work_id in blurbs
        ]
        return Listing(items, total, page, per_page)


def save_filter(store: Store, user: int, tag: str, kind: str | TagKind, mode: str | FilterMode) -> None:
    """Save a tag filter for the account: ``block`` (the blocklist, applied to every listing), ``include`` or
    ``exclude`` (presets for the filter form). A tag has one mode per account; saving again changes it."""
    try:
        value = FilterMode(mode)
    except ValueError:
        raise InvalidValue(f"unknown filter mode {mode!r}; one of include, exclude, block") from None
    with store.write() as session:
        tag_row = get_or_create_tag(session, tag_kind(kind), tag)
        row = session.get(t.TagFilter, (user, tag_row.id))
        if row is None:
            session.add(t.TagFilter(user_id=user, tag_id=tag_row.id, mode=value.value))
        else:
            row.mode = value.value


def remove_filter(store: Store, user: int, tag: str, kind: str | TagKind) -> None:
    with store.write() as session:
        tag_id = session.scalar(
            select(t.Tag.id).where(t.Tag.kind == tag_kind(kind).value, t.Tag.name == " ".join(tag.split()))
        )
        if tag_id is None or session.get(t.TagFilter, (user, tag_id)) is None:
            raise NotFound(f"no saved filter for {tag!r}")
        session.execute(delete(t.TagFilter).where(t.TagFilter.user_id == user, t.TagFilter.tag_id == tag_id))


def saved_filters(store: Store, user: int) -> list[SavedFilter]:
    with store.read() as session:
        rows = session.execute(
            select(t.Tag.kind, t.Tag.name, t.TagFilter.mode)
            .join(t.TagFilter, t.TagFilter.tag_id == t.Tag.id)
            .where(t.TagFilter.user_id == user)
            .order_by(t.TagFilter.mode, t.Tag.kind, t.Tag.name)
        ).all()
        return [SavedFilter(TagKind(kind), name, FilterMode(mode)) for kind, name, mode in rows]
