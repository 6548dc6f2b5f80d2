"""What the repository returns: plain dataclasses, never ORM objects (the web and search read these).

A ``viewer`` everywhere is the id of the logged-in account, or ``None`` for a guest.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Generic, TypeVar

from ficshelf.model import Tag, TagKind, Work

T = TypeVar("T")


class TagSource(StrEnum):
    AUTHOR = "author"  # the author wrote it
    SUGGESTED = "suggested"  # analysis proposed it; not shown as the work's tag until accepted
    ACCEPTED = "accepted"  # the author accepted a suggestion


class CommentStatus(StrEnum):
    SHOWN = "shown"
    HELD = "held"  # waiting for the work's author to release or delete it
    DELETED = "deleted"  # kept (body emptied) so replies keep their thread


class CommentPolicy(StrEnum):
    """An author's review policy for comments on their works."""

    SHOWN = "shown"  # every comment is shown at once
    FLAMES_HELD = "flames_held"  # critique welcome, flames held: comments the flame detector flags are held
    ALL_HELD = "all_held"  # every comment waits for the author


class FilterMode(StrEnum):
    INCLUDE = "include"  # a saved preset for the filter form
    EXCLUDE = "exclude"  # a saved preset for the filter form
    BLOCK = "block"  # the blocklist: applied to every listing the account sees


@dataclass(frozen=True, slots=True)
class Account:
    id: int
    name: str
    email: str
    comment_policy: CommentPolicy
    created: datetime
    can_log_in: bool


@dataclass(frozen=True, slots=True)
class Login:
    """A started session: ``token`` goes into the browser's cookie (only its hash is stored)."""

    account: Account
    token: str
    csrf_token: str
    expires: datetime


@dataclass(frozen=True, slots=True)
class SessionInfo:
    account: Account
    csrf_token: str
    expires: datetime


@dataclass(frozen=True, slots=True)
class SuggestedTag:
    """A tag analysis proposed (or, with source author/accepted, one the work carries), with its evidence.

    ``evidence`` items are ``{"start", "end", "text"}`` dicts (offsets into the work's text) or plain strings.
    """

    kind: TagKind
    name: str
    score: float | None = None
    evidence: list[Any] = field(default_factory=list)
    source: TagSource = TagSource.SUGGESTED


@dataclass(slots=True)
class WorkSummary:
    """A work as a listing (a blurb) shows it; ``tags`` are the author's and accepted tags in AO3's order."""

    id: int
    title: str
    summary: str
    owner: str
    owner_id: int
    language: str
    rating: str
    words: int
    chapters: int
    chapters_expected: int | None
    complete: bool
    restricted: bool
    published: datetime
    updated: datetime
    kudos: int
    hits: int
    comments: int
    bookmarks: int
    tags: list[Tag] = field(default_factory=list)

    def tag_names(self, kind: TagKind) -> list[str]:
        return [t.name for t in self.tags if t.kind is kind]


@dataclass(slots=True)
class WorkPage:
    """Everything a work page shows: the blurb, the work with its chapters and notes, and pending suggestions.

    ``work.id`` is the archive id as a string; ``chapter_ids[i]`` is the database id of ``work.chapters[i]``.
    """

    summary: WorkSummary
    work: Work
    suggested: list[SuggestedTag]
    chapter_ids: list[int]
    is_owner: bool


@dataclass(frozen=True, slots=True)
class Listing(Generic[T]):
    items: list[T]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


@dataclass(slots=True)
class WorkFilter:
    """What ``list_works`` narrows by. Tag names match the tag, its canonical tag and all its synonyms."""

    tags: list[str] = field(default_factory=list)  # every one must be on the work
    exclude_tags: list[str] = field(default_factory=list)  # none may be on the work
    owner: str | None = None
    rating: str | None = None
    language: str | None = None
    complete: bool | None = None
    words_min: int | None = None
    words_max: int | None = None
    hide_read: bool = False  # hide works the viewer marked as read
    include_suggested: bool = False  # let pending suggestions match ``tags`` (for imported, untagged works)


@dataclass(frozen=True, slots=True)
class TagInfo:
    """A tag with its wrangling: the canonical tag it belongs to and every synonym of that canonical tag."""

    id: int
    kind: TagKind
    name: str
    canonical: bool
    canonical_name: str
    synonyms: list[str]

    @property
    def names(self) -> list[str]:
        """The canonical name first, then its synonyms: what a tag page lists works for."""
        return [self.canonical_name, *(s for s in self.synonyms if s != self.canonical_name)]


@dataclass(frozen=True, slots=True)
class FandomCount:
    name: str
    works: int


@dataclass(frozen=True, slots=True)
class CommentRecord:
    id: int
    work_id: int
    chapter_id: int | None
    parent_id: int | None
    depth: int
    author: str  # the account's name or the guest's name
    user_id: int | None
    body: str
    status: CommentStatus
    held_reason: str
    created: datetime
    edited: datetime | None


@dataclass(frozen=True, slots=True)
class BookmarkRecord:
    id: int
    user: str
    work: WorkSummary
    notes: str
    private: bool
    created: datetime


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    work: WorkSummary
    last_read: datetime
    last_chapter: int
    visits: int
    marked_read: bool


@dataclass(frozen=True, slots=True)
class SavedFilter:
    kind: TagKind
    name: str
    mode: FilterMode


@dataclass(frozen=True, slots=True)
class KudosGivers:
    accounts: list[str]
    guests: int


@dataclass(slots=True)
class WorkView:
    """A work page as one reader sees it: the work, the comment thread, the kudos line, and the reader's bookmark."""

    page: WorkPage
    comments: list[CommentRecord]
    kudos: KudosGivers
    bookmarked: bool


@dataclass(frozen=True, slots=True)
class ReindexBatch:
    """Work ids claimed for (re)indexing; ids ``works_for_index`` no longer returns were deleted."""

    ids: list[int]
    claimed: datetime


@dataclass(slots=True)
class IndexDocument:
    """What the search index needs of one work. ``tags`` holds the work's visible tags and, for wrangled ones,
    their canonical tags too; ``chapters`` the text of every chapter in order."""

    id: int
    title: str
    summary: str
    owner: str
    language: str
    rating: str
    words: int
    chapter_count: int
    complete: bool
    restricted: bool
    published: datetime
    updated: datetime
    kudos: int
    hits: int
    comments: int
    bookmarks: int
    tags: list[Tag]
    suggested: list[Tag]
    notes: list[str]
    chapters: list[str]
