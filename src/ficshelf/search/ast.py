"""The typed query tree every search backend translates. ``query.parse`` builds it from what a reader types.

Nodes are frozen dataclasses, so a parsed query can be cached, compared and hashed. Boolean nodes hold tuples.
Tag names in ``TagFilter`` are as written (aliases of ratings, warnings and categories already expanded);
``canonicalize`` maps them to canonical tag names through the store's synonym table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum

from ficshelf.model import TagKind


class TextField(StrEnum):
    """A text field a word or phrase can be limited to (``title:dragon``); ``None`` means every text field."""

    TITLE = "title"
    SUMMARY = "summary"
    AUTHOR = "author"
    TEXT = "text"


class NumberField(StrEnum):
    WORDS = "words"
    KUDOS = "kudos"
    HITS = "hits"
    COMMENTS = "comments"


class Sort(StrEnum):
    """Result order. ``RELEVANCE`` on a query with no words falls back to ``DATE``. All sorts are descending."""

    RELEVANCE = "relevance"
    DATE = "date"
    PUBLISHED = "published"
    KUDOS = "kudos"
    HITS = "hits"
    WORDS = "words"


@dataclass(frozen=True, slots=True)
class Term:
    """One word; the backends stem it and match it in ``field`` or in every text field (and tag names)."""

    word: str
    field: TextField | None = None


@dataclass(frozen=True, slots=True)
class Phrase:
    """Words that must appear next to each other, in order."""

    text: str
    field: TextField | None = None


@dataclass(frozen=True, slots=True)
class TagFilter:
    """Works tagged ``name`` (case-insensitive, exact); ``kind`` ``None`` matches a tag of any kind."""

    kind: TagKind | None
    name: str


@dataclass(frozen=True, slots=True)
class NumberRange:
    """``low <= field <= high``; either bound may be ``None`` (open)."""

    field: NumberField
    low: int | None = None
    high: int | None = None


@dataclass(frozen=True, slots=True)
class Complete:
    value: bool


@dataclass(frozen=True, slots=True)
class Language:
    """A BCP-47 code (``en``, ``pt-BR``), as ``ficshelf.languages.language_code`` spells it; a code without a
    region also finds its regional variants (``pt`` finds ``pt-BR`` and ``pt-PT``)."""

    code: str

    @property
    def has_region(self) -> bool:
        return "-" in self.code


@dataclass(frozen=True, slots=True)
class Not:
    node: Node


@dataclass(frozen=True, slots=True)
class And:
    nodes: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    nodes: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class MatchAll:
    """The empty query: every work (then filtered by restriction and blocklist, and sorted)."""


Node = Term | Phrase | TagFilter | NumberRange | Complete | Language | Not | And | Or | MatchAll
TEXT_NODES = (Term, Phrase)


def walk(node: Node) -> list[Node]:
    """Every node of the tree, parents before children."""
    found: list[Node] = [node]
    if isinstance(node, Not):
        found += walk(node.node)
    elif isinstance(node, And | Or):
        for child in node.nodes:
            found += walk(child)
    return found


def positive_text(node: Node) -> list[Term | Phrase]:
    """The words and phrases not under a ``Not``: what relevance ranking scores."""
    if isinstance(node, Term | Phrase):
        return [node]
    if isinstance(node, And | Or):
        return [leaf for child in node.nodes for leaf in positive_text(child)]
    return []


def has_text(node: Node) -> bool:
    return bool(positive_text(node))


def canonicalize(node: Node, canonical: Callable[[TagKind | None, str], str]) -> Node:
    """The same tree with every tag name replaced by ``canonical(kind, name)`` (the store resolves synonyms)."""
    if isinstance(node, TagFilter):
        return replace(node, name=canonical(node.kind, node.name))
    if isinstance(node, Not):
        return Not(canonicalize(node.node, canonical))
    if isinstance(node, And):
        return And(tuple(canonicalize(child, canonical) for child in node.nodes))
    if isinstance(node, Or):
        return Or(tuple(canonicalize(child, canonical) for child in node.nodes))
    return node


def tag_key(kind: TagKind | str | None, name: str) -> str:
    """The key backends index and match tags by: ``kind:name`` case-folded, ``*:name`` for any kind."""
    return f"{kind or '*'}:{' '.join(name.split()).casefold()}"
