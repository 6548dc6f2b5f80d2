"""Threaded comments with the author's review policy.

A new comment is held for the work's author when the author reviews every comment (``all_held``), or when the
author chose "critique welcome, flames held" (``flames_held``) and the caller's flame detector flagged it
(``flagged`` says why). The author's own comments are always shown. Held comments are seen only by the work's
author and the comment's writer. The work's author releases, holds or deletes comments on their work; a
comment's writer edits or deletes it; nobody else does (NotAllowed). A deleted comment keeps its place (with
no text) while it has replies.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Integer, bindparam, select
from sqlalchemy.orm import Session

from ficshelf.errors import InvalidValue, NotAllowed, NotFound
from ficshelf.store import tables as t
from ficshelf.store.access import visible_owner, visible_work
from ficshelf.store.engine import Store
from ficshelf.store.records import CommentPolicy, CommentRecord, CommentStatus

MAX_COMMENT = 10_000
SHOWN, HELD, DELETED = CommentStatus.SHOWN.value, CommentStatus.HELD.value, CommentStatus.DELETED.value


def add_comment(
    store: Store,
    work_id: int,
    body: str,
    *,
    viewer: int | None,
    guest_name: str = "",
    parent_id: int | None = None,
    chapter: int | None = None,
    flagged: str = "",
) -> CommentRecord:
    """Comment on a work (or reply to ``parent_id``) as ``viewer`` or, for a guest, as ``guest_name``."""
    body = body.strip()
    if not body or len(body) > MAX_COMMENT:
        raise InvalidValue(f"a comment has 1 to {MAX_COMMENT} characters")
    guest_name = " ".join(guest_name.split())[:80]
    if viewer is None and not guest_name:
        raise InvalidValue("a guest's comment needs a name")
    with store.write() as session:
        work = visible_work(session, work_id, viewer)
        if parent_id is not None:
            parent = session.get(t.Comment, parent_id)
            if parent is None or parent.work_id != work_id or not _may_see(parent, work.owner_id, viewer):
                raise NotFound(f"no comment {parent_id} on work {work_id}")
        chapter_id = None
        if chapter is not None:
            chapter_id = session.scalar(
                select(t.Chapter.id).where(t.Chapter.work_id == work_id, t.Chapter.number == chapter)
            )
            if chapter_id is None:
                raise NotFound(f"work {work_id} has no chapter {chapter}")
        owner = session.get(t.User, work.owner_id)
        policy = CommentPolicy(owner.comment_policy) if owner else CommentPolicy.SHOWN
        reason = ""
        if viewer != work.owner_id:
            if policy is CommentPolicy.ALL_HELD:
                reason = "the author reviews every comment"
            elif policy is CommentPolicy.FLAMES_HELD and flagged:
                reason = flagged
        row = t.Comment(
            work_id=work_id,
            chapter_id=chapter_id,
            parent_id=parent_id,
            user_id=viewer,
            guest_name="" if viewer is not None else guest_name,
            body=body,
            status=HELD if reason else SHOWN,
            held_reason=reason[:200],
        )
        session.add(row)
        if not reason:
            work.comment_count += 1
        session.flush()
        return _records(session, [row])[0]


def list_comments(store: Store, work_id: int, viewer: int | None) -> list[CommentRecord]:
    """The thread as the viewer may see it, depth-first, oldest first at every level."""
    with store.read() as session:
        return thread(session, work_id, visible_owner(session, work_id, viewer), viewer)


#: A work's comments as Core rows, oldest first (built once: every work page reads them).
_THREAD = (
    select(*t.Comment.__table__.c)
    .where(t.Comment.work_id == bindparam("work_id", type_=Integer))
    .order_by(t.Comment.id)
)


def thread(session: Session, work_id: int, owner_id: int, viewer: int | None) -> list[CommentRecord]:
    """``list_comments`` in the caller's session, for a work the viewer may see (owned by ``owner_id``)."""
    rows = session.connection().execute(_THREAD, {"work_id": work_id}).all()
    children: dict[int | None, list[Any]] = defaultdict(list)
    for row in rows:
        if _may_see(row, owner_id, viewer) or row.status == DELETED:
            children[row.parent_id].append(row)
    ordered: list[tuple[Any, int]] = []

    def walk(parent: int | None, depth: int) -> bool:
        shown_any = False
        for row in children.get(parent, []):
            mark = len(ordered)
            ordered.append((row, depth))
            has_replies = walk(row.id, depth + 1)
            if row.status == DELETED and not has_replies:
                del ordered[mark:]
            else:
                shown_any = True
        return shown_any

    walk(None, 0)
    depths = {row.id: depth for row, depth in ordered}
    return _records(session, [row for row, _ in ordered], depths)


def held_comments(store: Store, actor: int) -> list[CommentRecord]:
    """Comments held on the actor's works, oldest first: the author's review queue."""
    with store.read() as session:
        rows = session.scalars(
            select(t.Comment)
            .join(t.Work, t.Work.id == t.Comment.work_id)
            .where(t.Work.owner_id == actor, t.Comment.status == HELD)
            .order_by(t.Comment.id)
        ).all()
        return _records(session, list(rows))


def release_comment(store: Store, comment_id: int, actor: int) -> None:
    """Show a held comment; only the work's author may."""
    _set_status(store, comment_id, actor, SHOWN)


def hold_comment(store: Store, comment_id: int, actor: int) -> None:
    """Hide a shown comment until released; only the work's author may."""
    _set_status(store, comment_id, actor, HELD)


def delete_comment(store: Store, comment_id: int, actor: int) -> None:
    """Delete a comment: its writer or the work's author may."""
    with store.write() as session:
        row, work = _comment(session, comment_id)
        if actor not in (row.user_id, work.owner_id):
            raise NotAllowed(f"comment {comment_id} is neither yours nor on your work")
        if row.status == SHOWN:
            work.comment_count -= 1
        row.status, row.body, row.held_reason = DELETED, "", ""


def edit_comment(store: Store, comment_id: int, actor: int, body: str) -> None:
    """Change a comment's text; only its writer may."""
    body = body.strip()
    if not body or len(body) > MAX_COMMENT:
        raise InvalidValue(f"a comment has 1 to {MAX_COMMENT} characters")
    with store.write() as session:
        row, _work = _comment(session, comment_id)
        if row.user_id is None or row.user_id != actor:
            raise NotAllowed(f"comment {comment_id} belongs to someone else")
        if row.status == DELETED:
            raise NotFound(f"comment {comment_id} was deleted")
        row.body, row.edited = body, t.now()


def _set_status(store: Store, comment_id: int, actor: int, status: str) -> None:
    with store.write() as session:
        row, work = _comment(session, comment_id)
        if work.owner_id != actor:
            raise NotAllowed(f"comment {comment_id} is on another account's work")
        if row.status == DELETED:
            raise NotFound(f"comment {comment_id} was deleted")
        if row.status != status:
            work.comment_count += 1 if status == SHOWN else -1
            row.status = status
            row.held_reason = "" if status == SHOWN else row.held_reason or "held by the author"


def _comment(session: Session, comment_id: int) -> tuple[t.Comment, t.Work]:
    row = session.get(t.Comment, comment_id)
    work = session.get(t.Work, row.work_id) if row is not None else None
    if row is None or work is None:
        raise NotFound(f"no comment {comment_id}")
    return row, work


def _may_see(row: Any, owner_id: int, viewer: int | None) -> bool:
    if row.status == SHOWN:
        return True
    if row.status == HELD:
        return viewer is not None and viewer in (owner_id, row.user_id)
    return False


def _records(session: Session, rows: Sequence[Any], depths: dict[int, int] | None = None) -> list[CommentRecord]:
    if not rows:
        return []
    user_ids = {row.user_id for row in rows if row.user_id is not None}
    names = dict(session.execute(select(t.User.id, t.User.name).where(t.User.id.in_(user_ids))).all())
    return [
        CommentRecord(
            id=row.id,
            work_id=row.work_id,
            chapter_id=row.chapter_id,
            parent_id=row.parent_id,
            depth=(depths or {}).get(row.id, 0),
            author=names.get(row.user_id, "") if row.user_id is not None else row.guest_name,
            user_id=row.user_id,
            body=row.body,
            status=CommentStatus(row.status),
            held_reason=row.held_reason,
            created=row.created,
            edited=row.edited,
        )
        for row in rows
    ]
