"""Who may see and change what: the rules every repository module applies.

- A restricted work is visible to logged-in accounts only; to a guest it does not exist (NotFound).
- Only a work's owner edits or deletes it, its chapters and its tags (NotAllowed).
- Held comments are seen only by the work's owner and the comment's own author.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, false, select, true
from sqlalchemy.orm import Session

from ficshelf.errors import NotAllowed, NotFound
from ficshelf.store import tables as t
from ficshelf.store.records import TagSource


def visible_to(viewer: int | None) -> ColumnElement[bool]:
    """A WHERE clause on ``works``: what ``viewer`` may see."""
    return true() if viewer is not None else t.Work.restricted == false()


def visible_tag_sources(include_suggested: bool = False) -> list[str]:
    """The work_tags sources that count as the work's tags (suggestions only when asked for)."""
    sources = [TagSource.AUTHOR.value, TagSource.ACCEPTED.value]
    return [*sources, TagSource.SUGGESTED.value] if include_suggested else sources


def visible_work(session: Session, work_id: int, viewer: int | None) -> t.Work:
    """The work as an ORM object (for changing it); NotFound when ``viewer`` may not see it."""
    work = session.get(t.Work, work_id)
    if work is None or (work.restricted and viewer is None):
        raise NotFound(f"no work {work_id}")
    return work


def visible_owner(session: Session, work_id: int, viewer: int | None) -> int:
    """For reads: the work's owner id, by one Core query (no ORM object); NotFound as ``visible_work``."""
    row = session.execute(select(t.Work.owner_id, t.Work.restricted).where(t.Work.id == work_id)).one_or_none()
    if row is None or (row.restricted and viewer is None):
        raise NotFound(f"no work {work_id}")
    return int(row.owner_id)


def owned_work(session: Session, work_id: int, actor: int | None) -> t.Work:
    """The work, when ``actor`` owns it; NotFound when it does not exist, NotAllowed when someone else owns it."""
    work = visible_work(session, work_id, actor)
    if actor is None or work.owner_id != actor:
        raise NotAllowed(f"work {work_id} belongs to another account")
    return work


def account_row(session: Session, user_id: int) -> t.User:
    user = session.get(t.User, user_id)
    if user is None:
        raise NotFound(f"no account {user_id}")
    return user
