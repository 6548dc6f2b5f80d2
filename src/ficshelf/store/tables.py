"""The archive's tables, in AO3's nouns (SQLAlchemy 2 typed declarative models).

Only the repository modules beside this file use these classes; everything they return is a plain dataclass
(``ficshelf.model`` or ``ficshelf.store.records``). A change here needs an Alembic revision (docs/store.md).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on both databases (SQLite stores it naive; it is read back as UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON(), list[Any]: JSON()}  # noqa: RUF012


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    #: ``name`` folded to lower case: login and uniqueness ignore case.
    name_key: Mapped[str] = mapped_column(String(80), unique=True)
    email: Mapped[str] = mapped_column(String(254), default="")
    #: argon2id hash; "" for accounts that cannot log in (the importing account).
    password_hash: Mapped[str] = mapped_column(String(200), default="")
    #: What happens to a new comment on this user's works: "shown", "flames_held" or "all_held".
    comment_policy: Mapped[str] = mapped_column(String(20), default="shown")
    created: Mapped[datetime] = mapped_column(default=now)


class AccountSession(Base):
    __tablename__ = "sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    #: SHA-256 of the session token; the token itself lives only in the browser's cookie.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    #: A per-session CSRF secret for the web's forms.
    csrf_token: Mapped[str] = mapped_column(String(64))
    created: Mapped[datetime] = mapped_column(default=now)
    expires: Mapped[datetime]


class LoginAttempt(Base):
    __tablename__ = "login_attempts"
    id: Mapped[int] = mapped_column(primary_key=True)
    name_key: Mapped[str] = mapped_column(String(80))
    address: Mapped[str] = mapped_column(String(64), default="")
    succeeded: Mapped[bool] = mapped_column(Boolean)
    at: Mapped[datetime] = mapped_column(default=now)
    __table_args__ = (Index("ix_login_attempts_name_key_at", "name_key", "at"),)


class Work(Base):
    __tablename__ = "works"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(500))
    summary: Mapped[str] = mapped_column(Text, default="")
    notes_beginning: Mapped[list[Any]] = mapped_column(default=list)
    notes_end: Mapped[list[Any]] = mapped_column(default=list)
    language: Mapped[str] = mapped_column(String(20), default="")
    rating: Mapped[str] = mapped_column(String(40), default="Not Rated")
    words: Mapped[int] = mapped_column(Integer, default=0)
    chapter_count: Mapped[int] = mapped_column(Integer, default=0)
    #: Chapters the author plans (AO3's "1/?" is ``None``).
    chapters_expected: Mapped[int | None] = mapped_column(Integer)
    complete: Mapped[bool] = mapped_column(Boolean, default=True)
    #: Visible to logged-in accounts only.
    restricted: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Where an imported work came from (file, zip member or JSONL line); "" for posted works.
    source: Mapped[str] = mapped_column(String(1000), default="")
    published: Mapped[datetime] = mapped_column(default=now)
    updated: Mapped[datetime] = mapped_column(default=now)
    kudos_count: Mapped[int] = mapped_column(Integer, default=0)
    hits: Mapped[int] = mapped_column(Integer, default=0)
    comment_count: Mapped[int] = mapped_column(Integer, default=0)
    bookmark_count: Mapped[int] = mapped_column(Integer, default=0)
    __table_args__ = (
        Index("ix_works_updated", "updated"),
        Index("ix_works_published", "published"),
        Index("ix_works_kudos_count", "kudos_count"),
    )


class Chapter(Base):
    __tablename__ = "chapters"
    id: Mapped[int] = mapped_column(primary_key=True)
    work_id: Mapped[int] = mapped_column(ForeignKey("works.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    notes_beginning: Mapped[list[Any]] = mapped_column(default=list)
    notes_end: Mapped[list[Any]] = mapped_column(default=list)
    text: Mapped[str] = mapped_column(Text)
    words: Mapped[int] = mapped_column(Integer, default=0)
    published: Mapped[datetime] = mapped_column(default=now)
    __table_args__ = (UniqueConstraint("work_id", "number", name="uq_chapters_work_number"),)


class Tag(Base):
    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    #: fandom | character | relationship | freeform | rating | warning | category (``ficshelf.model.TagKind``).
    kind: Mapped[str] = mapped_column(String(20))
    canonical: Mapped[bool] = mapped_column(Boolean, default=False)
    #: The canonical tag this one is a synonym of (AO3's tag wrangling); ``None`` for canonical and free tags.
    synonym_of_id: Mapped[int | None] = mapped_column(ForeignKey("tags.id", ondelete="SET NULL"), index=True)
    __table_args__ = (
        UniqueConstraint("kind", "name", name="uq_tags_kind_name"),
        Index("ix_tags_name", "name"),
    )


class WorkTag(Base):
    __tablename__ = "work_tags"
    work_id: Mapped[int] = mapped_column(ForeignKey("works.id", ondelete="CASCADE"), primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True)
    #: author (the author wrote it) | suggested (analysis proposed it) | accepted (the author accepted a suggestion).
    source: Mapped[str] = mapped_column(String(12))
    #: Order of the work's tags within their kind, as the author (or analysis) gave them.
    position: Mapped[int] = mapped_column(Integer, default=0)
    score: Mapped[float | None] = mapped_column(Float)
    #: Evidence for a suggestion: a list of ``{"start", "end", "text"}`` or of plain strings.
    evidence: Mapped[list[Any]] = mapped_column(default=list)
    __table_args__ = (CheckConstraint("source IN ('author', 'suggested', 'accepted')", name="source"),)


class Comment(Base):
    __tablename__ = "comments"
    id: Mapped[int] = mapped_column(primary_key=True)
    work_id: Mapped[int] = mapped_column(ForeignKey("works.id", ondelete="CASCADE"), index=True)
    chapter_id: Mapped[int | None] = mapped_column(ForeignKey("chapters.id", ondelete="SET NULL"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("comments.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    guest_name: Mapped[str] = mapped_column(String(80), default="")
    body: Mapped[str] = mapped_column(Text)
    #: shown | held (waiting for the author) | deleted (kept so replies keep their thread).
    status: Mapped[str] = mapped_column(String(10), default="shown")
    #: Why a comment was held ("flame detector: insult"), for the author's review.
    held_reason: Mapped[str] = mapped_column(String(200), default="")
    created: Mapped[datetime] = mapped_column(default=now)
    edited: Mapped[datetime | None]
    __table_args__ = (CheckConstraint("status IN ('shown', 'held', 'deleted')", name="status"),)


class Kudos(Base):
    __tablename__ = "kudos"
    id: Mapped[int] = mapped_column(primary_key=True)
    work_id: Mapped[int] = mapped_column(ForeignKey("works.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    #: A guest's key (the web hashes its cookie or address); NULL for accounts.
    guest_key: Mapped[str | None] = mapped_column(String(64))
    created: Mapped[datetime] = mapped_column(default=now)
    __table_args__ = (
        UniqueConstraint("work_id", "user_id", name="uq_kudos_work_user"),
        UniqueConstraint("work_id", "guest_key", name="uq_kudos_work_guest"),
        CheckConstraint("(user_id IS NULL) <> (guest_key IS NULL)", name="giver"),
    )


class Bookmark(Base):
    __tablename__ = "bookmarks"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    work_id: Mapped[int] = mapped_column(ForeignKey("works.id", ondelete="CASCADE"), index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    private: Mapped[bool] = mapped_column(Boolean, default=False)
    created: Mapped[datetime] = mapped_column(default=now)
    __table_args__ = (UniqueConstraint("user_id", "work_id", name="uq_bookmarks_user_work"),)


class Reading(Base):
    """One account's reading history entry for one work."""

    __tablename__ = "readings"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    work_id: Mapped[int] = mapped_column(ForeignKey("works.id", ondelete="CASCADE"), primary_key=True)
    last_read: Mapped[datetime] = mapped_column(default=now)
    last_chapter: Mapped[int] = mapped_column(Integer, default=1)
    visits: Mapped[int] = mapped_column(Integer, default=1)
    marked_read: Mapped[bool] = mapped_column(Boolean, default=False)


class TagFilter(Base):
    """A saved tag filter: include/exclude preset for listings, or a blocklist entry applied to every listing."""

    __tablename__ = "tag_filters"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True)
    mode: Mapped[str] = mapped_column(String(10))
    __table_args__ = (CheckConstraint("mode IN ('include', 'exclude', 'block')", name="mode"),)


class Series(Base):
    __tablename__ = "series"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(500))


class SeriesWork(Base):
    __tablename__ = "series_works"
    series_id: Mapped[int] = mapped_column(ForeignKey("series.id", ondelete="CASCADE"), primary_key=True)
    work_id: Mapped[int] = mapped_column(ForeignKey("works.id", ondelete="CASCADE"), primary_key=True)
    part: Mapped[int] = mapped_column(Integer)


class PersonalDictionary(Base):
    """One account's beta-reader dictionary: words it accepts and rules it muted (``ficshelf.beta``)."""

    __tablename__ = "personal_dictionaries"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    words: Mapped[list[Any]] = mapped_column(default=list)
    muted_rules: Mapped[list[Any]] = mapped_column(default=list)
    updated: Mapped[datetime] = mapped_column(default=now)


class IndexQueue(Base):
    """Works waiting to be (re)indexed or removed from the search index; no foreign key, deleted works stay."""

    __tablename__ = "index_queue"
    work_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    queued: Mapped[datetime] = mapped_column(default=now)
    claimed: Mapped[datetime | None] = mapped_column(index=True)
