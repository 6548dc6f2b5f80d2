"""The PostgreSQL search tables, as SQLAlchemy Core ``Table``s, and the text search configuration they use.

``search_works`` holds one row per work: a weighted ``meta`` tsvector (title A, authors B, summary C, tag
names D), tag keys for filtering (GIN), ``kind:name`` strings for facets, numbers and flags. The story text
lives in ``search_chunks``: PostgreSQL keeps at most 256 positions per word and none past 16,383 in one
tsvector, so a long work's phrases would go unfound; chunks of ``CHUNK_WORDS`` words (overlapping by
``CHUNK_OVERLAP`` so a phrase across a boundary is still found) keep every position exact.

The configuration ``ficshelf_english`` is PostgreSQL's English with Snowball stemming but no stop words, so
"the end" is a phrase of two words, as on the other backends.

The store's migration ``0003_search_tables`` creates the tables and the configuration (``ficshelf db upgrade``);
these definitions are what the backend's statements are built from, and a test checks that the two agree.
"""

from __future__ import annotations

import re

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import ARRAY, TSVECTOR

CONFIGURATION = "ficshelf_english"
CHUNK_WORDS = 2000
CHUNK_OVERLAP = 24

search_metadata = MetaData()

search_works = Table(
    "search_works",
    search_metadata,
    Column("work_id", BigInteger, primary_key=True, autoincrement=False),
    Column("meta", TSVECTOR, nullable=False),
    Column("tag_keys", ARRAY(Text), nullable=False),
    Column("tag_names", ARRAY(Text), nullable=False),
    Column("language", Text, nullable=False),
    Column("complete", Boolean, nullable=False),
    Column("restricted", Boolean, nullable=False),
    Column("words", BigInteger, nullable=False),
    Column("kudos", BigInteger, nullable=False),
    Column("hits", BigInteger, nullable=False),
    Column("comments", BigInteger, nullable=False),
    Column("published", BigInteger, nullable=False),
    Column("updated", BigInteger, nullable=False),
    Column("sample", Integer, nullable=False),
    Index("search_works_meta", "meta", postgresql_using="gin"),
    Index("search_works_tag_keys", "tag_keys", postgresql_using="gin"),
    Index("search_works_updated", "updated"),
)

search_chunks = Table(
    "search_chunks",
    search_metadata,
    Column("work_id", BigInteger, ForeignKey("search_works.work_id", ondelete="CASCADE"), primary_key=True),
    Column("chunk", Integer, primary_key=True, autoincrement=False),
    Column("body", TSVECTOR, nullable=False),
    Index("search_chunks_body", "body", postgresql_using="gin"),
)

_WORD = re.compile(r"\w+")


def plain_words(text: str) -> str:
    """Only the words of ``text``, space-separated: PostgreSQL's parser would otherwise read "Hurt/Comfort" as a
    file path and "mr.darcy" as a host name, one token each, where the other backends see two words."""
    return " ".join(_WORD.findall(text))


def chunks(text: str, size: int = CHUNK_WORDS, overlap: int = CHUNK_OVERLAP) -> list[str]:
    """``text`` in pieces of ``size`` words, each starting ``overlap`` words before the previous one ended."""
    words = _WORD.findall(text)
    if len(words) <= size:
        return [" ".join(words)] if words else []
    step = size - overlap
    return [" ".join(words[start : start + size]) for start in range(0, len(words) - overlap, step)]
