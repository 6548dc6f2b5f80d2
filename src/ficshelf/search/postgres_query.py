"""The query tree → a SQLAlchemy boolean expression over ``search_works`` (PostgreSQL tsvector + GIN).

Every word and phrase goes through ``phraseto_tsquery`` (a word PostgreSQL's parser splits becomes a phrase,
and no user text is ever read as tsquery syntax); the boolean structure is SQL's own AND / OR / NOT, the way
``websearch_to_tsquery`` would combine them, but with tag, number and language filters mixed in.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, cast, false, func, literal, literal_column, not_, or_, select, true
from sqlalchemy.dialects.postgresql import REGCONFIG

from ficshelf.search.ast import (
    And,
    Complete,
    Language,
    MatchAll,
    Node,
    Not,
    NumberRange,
    Or,
    Phrase,
    TagFilter,
    Term,
    TextField,
    tag_key,
)
from ficshelf.search.postgres_tables import CONFIGURATION, plain_words, search_chunks, search_works

#: The tsvector weight each text field is written with in ``meta``.
FIELD_WEIGHTS = {TextField.TITLE: "a", TextField.AUTHOR: "b", TextField.SUMMARY: "c"}

works, text_chunks = search_works.c, search_chunks.c


def config() -> ColumnElement[object]:
    return cast(literal(CONFIGURATION), REGCONFIG)


def tsquery(text: str) -> ColumnElement[object]:
    return func.phraseto_tsquery(config(), plain_words(text))


def in_chunks(query: ColumnElement[object]) -> ColumnElement[bool]:
    """Works with a chunk of story text matching ``query``: one GIN scan, then a hashed semi-join."""
    return works.work_id.in_(select(text_chunks.work_id).where(text_chunks.body.op("@@")(query)))


def in_meta(query: ColumnElement[object], weight: str | None = None) -> ColumnElement[bool]:
    """Works whose title, authors, summary or tags (only those of ``weight`` when given) match ``query``."""
    other = search_works.alias("meta_match")
    matched = select(other.c.work_id).where(other.c.meta.op("@@")(query))
    if weight is not None:
        # ts_filter takes a PostgreSQL "char"[], which no bound parameter has: a constant literal ('{a}').
        matched = matched.where(func.ts_filter(other.c.meta, literal_column(f"'{{{weight}}}'")).op("@@")(query))
    return works.work_id.in_(matched)


def condition(node: Node) -> ColumnElement[bool]:
    if isinstance(node, Term | Phrase):
        return _text(node.word if isinstance(node, Term) else node.text, node.field)
    if isinstance(node, TagFilter):
        return works.tag_keys.contains([tag_key(node.kind, node.name)])
    if isinstance(node, NumberRange):
        column = works[node.field.value]
        parts = []
        if node.low is not None:
            parts.append(column >= node.low)
        if node.high is not None:
            parts.append(column <= node.high)
        return and_(true(), *parts)
    if isinstance(node, Complete):
        return works.complete.is_(node.value)
    if isinstance(node, Language):
        if node.has_region:
            return works.language == node.code
        return or_(works.language == node.code, works.language.startswith(f"{node.code}-", autoescape=True))
    if isinstance(node, Not):
        return not_(condition(node.node))
    if isinstance(node, And):
        return and_(*(condition(child) for child in node.nodes))
    if isinstance(node, Or):
        return or_(*(condition(child) for child in node.nodes))
    if isinstance(node, MatchAll):
        return true()
    return false()


def _text(text: str, field: TextField | None) -> ColumnElement[bool]:
    query = tsquery(text)
    if field is TextField.TEXT:
        return in_chunks(query)
    if field is not None:
        return in_meta(query, FIELD_WEIGHTS[field])
    return or_(in_meta(query), in_chunks(query))


def rank(texts: list[str]) -> ColumnElement[float]:
    """Relevance: ``ts_rank`` over the weighted metadata plus the best-matching chunk of story text."""
    query = tsquery(texts[0])
    for text in texts[1:]:
        query = query.op("||")(tsquery(text))
    best_chunk = (
        func.max(func.ts_rank(text_chunks.body, query))
        .select()
        .where(text_chunks.work_id == works.work_id, text_chunks.body.op("@@")(query))
        .scalar_subquery()
    )
    return func.ts_rank(works.meta, query) + func.coalesce(best_chunk, 0.0)
