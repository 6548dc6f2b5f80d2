"""A work page's version as a guest sees it: one small query whose answer changes whenever anything on the
guest's page changes, so that the web can cache the rendered page under it.

What a guest's work page shows, and what moves the version when it changes:

- the work's details, chapters and tags: ``works.updated`` (every edit of them sets it);
- its kudos and hits: ``works.kudos_count`` and ``works.hits``;
- its comments: how many there are, the newest one's id, the latest edit, and how many are shown or
  deleted (a comment released, held, edited or deleted changes one of them).

Restricted works have no guest version: ``NotFound``, as for a work that does not exist. The values are the
driver's own (``Store.fetch_one``): a version is compared, never shown.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from sqlalchemy import BindParameter, ColumnElement, Integer, ScalarSelect, bindparam, case, func, select

from ficshelf.errors import NotFound
from ficshelf.store import tables as t
from ficshelf.store.engine import Store
from ficshelf.store.records import CommentStatus

_WORK_ID: BindParameter[int] = bindparam("work_id", type_=Integer)


def _about_comments(column: ColumnElement[Any]) -> ScalarSelect[Any]:
    return select(column).where(t.Comment.work_id == _WORK_ID).scalar_subquery()


def _counting(status: CommentStatus) -> ColumnElement[Any]:
    return func.sum(case((t.Comment.status == status.value, 1), else_=0))


#: One statement, built once: the work's own counters and an aggregate of its comments.
GUEST_VERSION = select(
    t.Work.restricted,
    t.Work.updated,
    t.Work.kudos_count,
    t.Work.hits,
    t.Work.comment_count,
    _about_comments(func.count()),
    _about_comments(func.max(t.Comment.id)),
    _about_comments(func.max(t.Comment.edited)),
    _about_comments(_counting(CommentStatus.SHOWN)),
    _about_comments(_counting(CommentStatus.DELETED)),
).where(t.Work.id == _WORK_ID)


def guest_version(store: Store, work_id: int) -> Hashable:
    """The version of ``work_id``'s page for guests; NotFound when it does not exist or is restricted."""
    row = store.fetch_one(GUEST_VERSION, {"work_id": work_id})
    if row is None or row[0]:
        raise NotFound(f"no work {work_id}")
    return (work_id, *row[1:])
