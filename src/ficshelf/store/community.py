"""Kudos (one per account or per guest key) and bookmarks (with notes; private ones seen by their owner only)."""

from __future__ import annotations

from sqlalchemy import Integer, and_, bindparam, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ficshelf.errors import InvalidValue, NotAllowed, NotFound
from ficshelf.store import tables as t
from ficshelf.store.access import visible_owner, visible_to, visible_work
from ficshelf.store.blurbs import summaries
from ficshelf.store.engine import Store
from ficshelf.store.index_queue import enqueue
from ficshelf.store.records import BookmarkRecord, KudosGivers

MAX_NOTES = 5_000


def add_kudos(store: Store, work_id: int, viewer: int | None, guest_key: str = "") -> bool:
    """Leave kudos as ``viewer`` or, for a guest, under ``guest_key`` (the web derives it from a cookie or
    address). Returns False when this account or guest already left kudos; the author cannot (NotAllowed)."""
    if viewer is None and not guest_key:
        raise InvalidValue("a guest's kudos needs a guest key")
    with store.write() as session:
        work = visible_work(session, work_id, viewer)
        if viewer is not None and viewer == work.owner_id:
            raise NotAllowed("you cannot leave kudos on your own work")
        giver = t.Kudos.user_id == viewer if viewer is not None else t.Kudos.guest_key == guest_key
        if session.scalar(select(t.Kudos.id).where(t.Kudos.work_id == work_id, giver)) is not None:
            return False
        try:
            with session.begin_nested():
                session.add(
                    t.Kudos(work_id=work_id, user_id=viewer, guest_key=None if viewer is not None else guest_key[:64])
                )
        except IntegrityError:  # a concurrent request from the same giver (PostgreSQL)
            return False
        work.kudos_count += 1
        enqueue(session, [work_id])
        return True


def kudos_givers(store: Store, work_id: int, viewer: int | None) -> KudosGivers:
    """Names of the accounts that left kudos (oldest first) and the number of guests."""
    with store.read() as session:
        visible_owner(session, work_id, viewer)
        return givers(session, work_id)


def givers(session: Session, work_id: int) -> KudosGivers:
    """``kudos_givers`` in the caller's session (the caller checked the work's visibility)."""
    rows = session.connection().execute(_GIVERS, {"work_id": work_id}).all()
    names = [name for user_id, name in rows if user_id is not None]
    return KudosGivers(names, len(rows) - len(names))


def has_bookmark(session: Session, user: int, work_id: int) -> bool:
    """Whether ``user`` bookmarked the work (privately or not)."""
    return session.connection().execute(_BOOKMARKED, {"user": user, "work_id": work_id}).first() is not None


# Built once: every work page runs them.
_GIVERS = (
    select(t.Kudos.user_id, t.User.name)
    .outerjoin(t.User, t.User.id == t.Kudos.user_id)
    .where(t.Kudos.work_id == bindparam("work_id", type_=Integer))
    .order_by(t.Kudos.id)
)
_BOOKMARKED = select(t.Bookmark.id).where(
    t.Bookmark.user_id == bindparam("user", type_=Integer), t.Bookmark.work_id == bindparam("work_id", type_=Integer)
)


def bookmark(store: Store, user: int, work_id: int, notes: str = "", private: bool = False) -> int:
    """Bookmark a work (or update the account's bookmark of it); returns the bookmark's id."""
    if len(notes) > MAX_NOTES:
        raise InvalidValue(f"bookmark notes have at most {MAX_NOTES} characters")
    with store.write() as session:
        work = visible_work(session, work_id, user)
        row = session.scalar(select(t.Bookmark).where(t.Bookmark.user_id == user, t.Bookmark.work_id == work_id))
        if row is None:
            row = t.Bookmark(user_id=user, work_id=work_id)
            session.add(row)
            work.bookmark_count += 1
        row.notes, row.private = notes.strip(), private
        session.flush()
        return row.id


def remove_bookmark(store: Store, user: int, work_id: int) -> None:
    with store.write() as session:
        row = session.scalar(select(t.Bookmark).where(t.Bookmark.user_id == user, t.Bookmark.work_id == work_id))
        if row is None:
            raise NotFound(f"no bookmark of work {work_id}")
        work = session.get(t.Work, work_id)
        if work is not None:
            work.bookmark_count -= 1
        session.delete(row)


def bookmarks(
    store: Store, viewer: int | None, owner: int | None = None, work_id: int | None = None
) -> list[BookmarkRecord]:
    """Bookmarks of one account (``owner``) or of one work, newest first; private ones only for their owner."""
    if owner is None and work_id is None:
        raise InvalidValue("list the bookmarks of an account or of a work")
    query = (
        select(t.Bookmark, t.User.name)
        .join(t.User, t.User.id == t.Bookmark.user_id)
        .join(t.Work, t.Work.id == t.Bookmark.work_id)
        .where(visible_to(viewer), or_(t.Bookmark.private.is_(False), and_(t.Bookmark.user_id == viewer)))
        .order_by(t.Bookmark.created.desc(), t.Bookmark.id.desc())
    )
    if owner is not None:
        query = query.where(t.Bookmark.user_id == owner)
    if work_id is not None:
        query = query.where(t.Bookmark.work_id == work_id)
    with store.read() as session:
        rows = session.execute(query).all()
        blurbs = {s.id: s for s in summaries(session, [row.work_id for row, _ in rows])}
        return [
            BookmarkRecord(row.id, name, blurbs[row.work_id], row.notes, row.private, row.created) for row, name in rows
        ]
