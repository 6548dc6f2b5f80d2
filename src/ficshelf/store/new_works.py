"""Posting works: one work (the posting form) or many per transaction (``ficshelf import``).

A new work is checked in Python first (``NewWork.rows``: a title, a chapter with text, tag names and kinds), so
that bad input fails alone before any SQL runs. ``WorkWriter.create`` then stores a batch of works in one
transaction with Core statements: one insert per work (for its id), then the chapters, the tags and the index
queue rows of the whole batch, each in one executemany. Tag ids are looked up (or created) once and cached for
the writer's lifetime. When the batch's transaction fails in the database, the writer stores the works one by
one, so a work the database refuses fails alone (``WorkNotStored``) and the others are kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ficshelf.errors import FicshelfError, InvalidValue, WorkNotStored
from ficshelf.model import Tag, TagKind, Work
from ficshelf.store import tables as t
from ficshelf.store.access import account_row
from ficshelf.store.engine import Store
from ficshelf.store.index_queue import enqueue
from ficshelf.store.records import SuggestedTag, TagSource
from ficshelf.store.tags import tag_ids
from ficshelf.store.work_tags import TagKey, merged_rows, tag_keys, unique_tags

MAX_TITLE = 500
#: The sources under which a tag counts as the work's own (its rating comes from these).
OWN_SOURCES = (TagSource.AUTHOR.value, TagSource.ACCEPTED.value)


def count_words(text: str) -> int:
    return len(text.split())


def clean_title(title: str) -> str:
    cleaned = " ".join(title.split())
    if not cleaned:
        raise InvalidValue("a work needs a title")
    return cleaned[:MAX_TITLE]


@dataclass(slots=True)
class NewWork:
    """A work to post: ``author_tags`` default to ``work.tags``; ``work.complete`` ``None`` means complete unless
    ``chapters_expected`` says more chapters will come."""

    work: Work
    author_tags: Sequence[Tag] | None = None
    suggested: Sequence[SuggestedTag] = ()
    restricted: bool = False
    chapters_expected: int | None = None


@dataclass(slots=True)
class _Rows:
    """A checked new work: its row, its chapters' rows, and its tags (keys resolved to ids at insert time)."""

    work: dict[str, Any]
    chapters: list[dict[str, Any]]
    authored: list[Tag]
    offered: list[SuggestedTag]
    keys: list[TagKey] = field(default_factory=list)


def checked(new: NewWork, owner: int, when: datetime) -> _Rows:
    """The rows of ``new`` (pure); InvalidValue when it cannot be posted."""
    work = new.work
    if not work.chapters or not any(c.text.strip() for c in work.chapters):
        raise InvalidValue("a work needs at least one chapter with text")
    chapters: list[dict[str, Any]] = [
        {
            "number": number,
            "title": c.title,
            "summary": c.summary,
            "notes_beginning": list(c.notes_beginning),
            "notes_end": list(c.notes_end),
            "text": c.text,
            "words": count_words(c.text),
            "published": when,
        }
        for number, c in enumerate(work.chapters, 1)
    ]
    complete = work.complete
    if complete is None:
        complete = new.chapters_expected is None or new.chapters_expected <= len(chapters)
    words = sum(c["words"] for c in chapters)
    row = {
        "owner_id": owner,
        "title": clean_title(work.title),
        "summary": work.summary,
        "notes_beginning": list(work.notes_beginning),
        "notes_end": list(work.notes_end),
        "language": work.language,
        "rating": "Not Rated",
        "words": words,
        "chapter_count": len(chapters),
        "chapters_expected": new.chapters_expected,
        "complete": complete,
        "restricted": new.restricted,
        "source": work.source[:1000],
        "published": when,
        "updated": when,
    }
    authored = unique_tags(list(work.tags) if new.author_tags is None else new.author_tags)
    offered = list(new.suggested)
    return _Rows(row, chapters, authored, offered, tag_keys(authored, offered))


class WorkWriter:
    """Posts works as ``owner``, many per transaction; remembers tag ids between batches."""

    def __init__(self, store: Store, owner: int) -> None:
        self.store = store
        self.owner = owner
        self.tag_ids: dict[TagKey, int] = {}

    def create(self, works: Iterable[NewWork]) -> list[int | FicshelfError]:
        """Post every work; returns, in order, each one's new id or the error that kept it out."""
        results: list[int | FicshelfError] = []
        good: list[tuple[int, _Rows]] = []
        when = t.now()
        for position, new in enumerate(works):
            try:
                good.append((position, checked(new, self.owner, when)))
            except FicshelfError as err:
                results.append(err)
                continue
            results.append(-1)
        if not good:
            return results
        try:
            with self.store.write() as session:
                ids = self.insert(session, [rows for _, rows in good])
        except SQLAlchemyError:
            self.tag_ids.clear()  # a tag deleted meanwhile, or one work the database refused: one at a time
            for position, rows in good:
                results[position] = self._one(rows)
            return results
        for (position, _), work_id in zip(good, ids, strict=True):
            results[position] = work_id
        return results

    def _one(self, rows: _Rows) -> int | FicshelfError:
        try:
            with self.store.write() as session:
                work_id: int = self.insert(session, [rows])[0]
            return work_id
        except SQLAlchemyError as err:
            self.tag_ids.clear()
            reason = str(getattr(err, "orig", None) or err).splitlines()[0]
            return WorkNotStored(f"the database refused the work: {reason}")

    def insert(self, session: Session, batch: Sequence[_Rows]) -> list[int]:
        """Insert checked works in the session's transaction; returns their ids."""
        account_row(session, self.owner)
        ids = self._tag_ids(session, [key for rows in batch for key in rows.keys])
        connection = session.connection()
        statement = insert(t.Work)
        work_ids: list[int] = []
        chapters: list[dict[str, Any]] = []
        tags: list[dict[str, Any]] = []
        for rows in batch:
            tag_rows = merged_rows({}, rows.authored, rows.offered, ids)
            rows.work["rating"] = _rating(tag_rows, rows.keys, ids)
            key = connection.execute(statement, rows.work).inserted_primary_key
            assert key is not None
            work_id = int(key[0])
            work_ids.append(work_id)
            chapters += [{"work_id": work_id, **chapter} for chapter in rows.chapters]
            tags += [{"work_id": work_id, **row} for row in tag_rows.values()]
        connection.execute(insert(t.Chapter), chapters)
        if tags:
            connection.execute(insert(t.WorkTag), tags)
        enqueue(session, work_ids)
        return work_ids

    def _tag_ids(self, session: Session, keys: list[TagKey]) -> dict[TagKey, int]:
        missing = {key for key in keys if key not in self.tag_ids}
        if missing:
            self.tag_ids.update(tag_ids(session, missing))
        return self.tag_ids


def _rating(rows: dict[int, dict[str, Any]], keys: Sequence[TagKey], ids: dict[TagKey, int]) -> str:
    """The work's rating: its first own rating tag by position (as ``work_tags.refresh_rating`` finds it)."""
    names = {ids[key]: key[1] for key in keys if key[0] is TagKind.RATING}
    own = [row for row in rows.values() if row["tag_id"] in names and row["source"] in OWN_SOURCES]
    return names[min(own, key=lambda row: row["position"])["tag_id"]] if own else "Not Rated"


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
    """Post ``work`` (its chapters, notes and summary) as ``owner``; returns the new work's id (queued for
    indexing). InvalidValue when it cannot be posted; database errors are raised as they come."""
    rows = checked(NewWork(work, author_tags, suggested_tags, restricted, chapters_expected), owner, t.now())
    with store.write() as session:
        return WorkWriter(store, owner).insert(session, [rows])[0]
