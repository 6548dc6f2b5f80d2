"""The query tree → a SQL condition over ``search_works w`` for the SQLite FTS5 backend, with its parameters.

Words and phrases become FTS5 MATCH expressions, every term quoted (so FTS5's own syntax never leaks in).
Neighbouring words of one AND (and their exclusions) share one MATCH; an OR of words shares one too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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

#: FTS5 columns in order, with their bm25 weights.
COLUMNS: dict[str, float] = {"title": 10.0, "summary": 3.0, "author": 5.0, "tags": 5.0, "text": 1.0}
FIELD_COLUMNS = {field: field.value for field in TextField}
IN_TEXT = "w.work_id IN (SELECT rowid FROM search_text WHERE search_text MATCH ?)"


def match_text(node: Term | Phrase) -> str:
    """One word or phrase as an FTS5 string: quoted (a word the tokenizer splits becomes a phrase)."""
    text = node.word if isinstance(node, Term) else node.text
    quoted = '"' + text.replace('"', '""') + '"'
    return f"{FIELD_COLUMNS[node.field]} : {quoted}" if node.field else quoted


def match_any(nodes: list[Term | Phrase]) -> str:
    return " OR ".join(match_text(node) for node in nodes)


@dataclass
class Condition:
    sql: str
    params: list[object] = field(default_factory=list)


def condition(node: Node) -> Condition:
    if isinstance(node, Term | Phrase):
        return Condition(IN_TEXT, [match_text(node)])
    if isinstance(node, TagFilter):
        column = "any_key" if node.kind is None else "key"
        return Condition(
            f"w.work_id IN (SELECT work_id FROM search_tags WHERE {column} = ?)", [tag_key(node.kind, node.name)]
        )
    if isinstance(node, NumberRange):
        parts: list[str] = []
        params: list[object] = []
        if node.low is not None:
            parts.append(f"w.{node.field.value} >= ?")
            params.append(node.low)
        if node.high is not None:
            parts.append(f"w.{node.field.value} <= ?")
            params.append(node.high)
        return Condition(" AND ".join(parts) or "1", params)
    if isinstance(node, Complete):
        return Condition("w.complete = ?", [int(node.value)])
    if isinstance(node, Language):
        if node.has_region:
            return Condition("w.language = ?", [node.code])
        return Condition("(w.language = ? OR w.language LIKE ?)", [node.code, f"{node.code}-%"])
    if isinstance(node, Not):
        inner = condition(node.node)
        return Condition(f"NOT ({inner.sql})", inner.params)
    if isinstance(node, MatchAll):
        return Condition("1")
    if isinstance(node, And):
        return _and(node)
    return _or(node)


def _and(node: And) -> Condition:
    words = [child for child in node.nodes if isinstance(child, Term | Phrase)]
    excluded = [c.node for c in node.nodes if isinstance(c, Not) and isinstance(c.node, Term | Phrase)]
    parts: list[Condition] = []
    if words:
        expression = "(" + " AND ".join(match_text(word) for word in words) + ")"
        expression += "".join(f" NOT {match_text(word)}" for word in excluded)
        parts.append(Condition(IN_TEXT, [expression]))
    for child in node.nodes:
        if child in words or (words and isinstance(child, Not) and child.node in excluded):
            continue
        parts.append(condition(child))
    return _join(parts, " AND ")


def _or(node: Or) -> Condition:
    words = [child for child in node.nodes if isinstance(child, Term | Phrase)]
    parts = [Condition(IN_TEXT, [match_any(words)])] if words else []
    parts += [condition(child) for child in node.nodes if not isinstance(child, Term | Phrase)]
    return _join(parts, " OR ")


def _join(parts: list[Condition], operator: str) -> Condition:
    if len(parts) == 1:
        return parts[0]
    return Condition(
        operator.join(f"({part.sql})" for part in parts), [param for part in parts for param in part.params]
    )
