"""The query language readers type, parsed once into the tree in ``search.ast``.

    dragon "burning library" -angst fandom:Naruto rating:teen words>5000 (hurt OR comfort)

Words are ANDed; ``OR`` (upper case) binds looser than the implicit AND; ``-x`` and ``NOT x`` exclude;
parentheses group. ``field:value`` filters by tag, number, completion, language, or limits a word or a "phrase"
to one text field. docs/search.md has the table. Bad input raises ``QuerySyntaxError`` (FS601) with the
character position, or ``QueryTooComplex`` (FS602); nothing else escapes ``parse``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ficshelf.errors import QuerySyntaxError, QueryTooComplex
from ficshelf.languages import language_code
from ficshelf.model import TagKind
from ficshelf.search.aliases import CATEGORY_ALIASES, RATING_ALIASES, WARNING_ALIASES, expand_alias
from ficshelf.search.ast import (
    And,
    Complete,
    Language,
    MatchAll,
    Node,
    Not,
    NumberField,
    NumberRange,
    Or,
    Phrase,
    TagFilter,
    Term,
    TextField,
    walk,
)

MAX_QUERY_CHARS = 1000
MAX_CLAUSES = 64

TAG_FIELDS: dict[str, TagKind | None] = {
    "tag": None,
    "fandom": TagKind.FANDOM,
    "character": TagKind.CHARACTER,
    "relationship": TagKind.RELATIONSHIP,
    "ship": TagKind.RELATIONSHIP,
    "freeform": TagKind.FREEFORM,
    "rating": TagKind.RATING,
    "warning": TagKind.WARNING,
    "category": TagKind.CATEGORY,
}
_ALIASES = {TagKind.RATING: RATING_ALIASES, TagKind.WARNING: WARNING_ALIASES, TagKind.CATEGORY: CATEGORY_ALIASES}
TEXT_FIELDS = {f.value: f for f in TextField}
NUMBER_FIELDS = {f.value: f for f in NumberField}
OTHER_FIELDS = ("complete", "lang", "language")
KNOWN_FIELDS = (*TAG_FIELDS, *TEXT_FIELDS, *NUMBER_FIELDS, *OTHER_FIELDS)

_FIELD = re.compile(r"([A-Za-z]+)(>=|<=|:|>|<)(.*)", re.DOTALL)
_NUMBER = r"\d[\d,_]*k?"
_RANGE = re.compile(rf"({_NUMBER})?-({_NUMBER})?", re.IGNORECASE)
_YES = {"yes", "y", "true", "1", "complete", "completed"}
_NO = {"no", "n", "false", "0", "wip", "incomplete"}


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # "word", "quoted", "(", ")", "-"
    text: str
    position: int
    #: True when no space separates this token from the one before (``tag:"Angst"``).
    joined: bool = False


def tokenize(query: str) -> list[Token]:
    tokens: list[Token] = []
    i, n = 0, len(query)
    while i < n:
        char = query[i]
        joined = i > 0 and not query[i - 1].isspace()
        if char.isspace():
            i += 1
        elif char in "()":
            tokens.append(Token(char, char, i))
            i += 1
        elif char == '"':
            end = query.find('"', i + 1)
            if end < 0:
                raise QuerySyntaxError("a quote is never closed", i)
            tokens.append(Token("quoted", query[i + 1 : end], i, joined))
            i = end + 1
        elif char == "-" and i + 1 < n and not query[i + 1].isspace() and (i == 0 or query[i - 1] in " \t\n("):
            tokens.append(Token("-", char, i))
            i += 1
        else:
            start = i
            while i < n and not query[i].isspace() and query[i] not in '()"':
                i += 1
            tokens.append(Token("word", query[start:i], start, joined))
    return tokens


def parse(query: str) -> Node:
    """The tree for ``query``; an empty or blank query is ``MatchAll()``."""
    if len(query) > MAX_QUERY_CHARS:
        raise QueryTooComplex(f"a query may be at most {MAX_QUERY_CHARS} characters (this one has {len(query)})")
    node = _Parser(tokenize(query), len(query)).parse()
    clauses = sum(1 for n in walk(node) if not isinstance(n, And | Or | Not | MatchAll))
    if clauses > MAX_CLAUSES:
        raise QueryTooComplex(f"a query may have at most {MAX_CLAUSES} terms and filters (this one has {clauses})")
    return node


class _Parser:
    def __init__(self, tokens: list[Token], length: int) -> None:
        self.tokens = tokens
        self.length = length
        self.at = 0

    def peek(self) -> Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def is_operator(self, token: Token | None, word: str) -> bool:
        return token is not None and token.kind == "word" and token.text == word

    def end_position(self) -> int:
        token = self.peek()
        return token.position if token else self.length

    def parse(self) -> Node:
        node = self.parse_or()
        token = self.peek()
        if token is not None:  # only a stray ")" stops parse_or early
            raise QuerySyntaxError("a closing parenthesis has no opening one", token.position)
        return node if node is not None else MatchAll()

    def parse_or(self) -> Node | None:
        branches = [self.parse_and()]
        while self.is_operator(self.peek(), "OR"):
            position = self.tokens[self.at].position
            self.at += 1
            if branches[-1] is None and len(branches) == 1:
                raise QuerySyntaxError("OR needs something before it", position)
            branch = self.parse_and()
            if branch is None:
                raise QuerySyntaxError("OR needs something after it", self.end_position())
            branches.append(branch)
        kept = [b for b in branches if b is not None]  # a branch of only punctuation ("a OR ...") drops out
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else Or(tuple(_flatten(Or, kept)))

    def parse_and(self) -> Node | None:
        nodes: list[Node] = []
        seen = False
        while (token := self.peek()) is not None and token.kind != ")" and not self.is_operator(token, "OR"):
            if self.is_operator(token, "AND"):
                self.at += 1
                if not seen or self.peek() is None:
                    raise QuerySyntaxError("AND needs something on both sides", token.position)
                continue
            seen = True
            node = self.parse_unary()
            if node is not None:
                nodes.append(node)
        if not seen:
            return None
        return _and(nodes) if nodes else None

    def parse_unary(self) -> Node | None:
        token = self.tokens[self.at]
        if token.kind == "-" or self.is_operator(token, "NOT"):
            self.at += 1
            following = self.peek()
            if following is None or following.kind == ")" or self.is_operator(following, "OR"):
                raise QuerySyntaxError(f"nothing to exclude after '{token.text}'", self.end_position())
            inner = self.parse_unary()
            return Not(inner) if inner is not None else None
        return self.parse_primary()

    def parse_primary(self) -> Node | None:
        token = self.tokens[self.at]
        self.at += 1
        if token.kind == "(":
            inner = self.parse_or()
            closing = self.peek()
            if closing is None or closing.kind != ")":
                raise QuerySyntaxError("a parenthesis is never closed", token.position)
            self.at += 1
            if inner is None:
                raise QuerySyntaxError("empty parentheses", token.position)
            return inner
        if token.kind == "quoted":
            return Phrase(_clean(token.text)) if _has_word(token.text) else None
        if token.kind == "word" and token.text in ("AND", "NOT"):
            raise QuerySyntaxError(f"{token.text} needs something after it", token.position)
        match = _FIELD.fullmatch(token.text)
        if match and (match.group(1).lower() in KNOWN_FIELDS):
            return self.field(token, match.group(1).lower(), match.group(2), match.group(3))
        if match:
            raise QuerySyntaxError(
                f"unknown field '{match.group(1)}:' (known: {', '.join(KNOWN_FIELDS)}); "
                "put the word in quotes to search for it as written",
                token.position,
            )
        return Term(token.text) if _has_word(token.text) else None

    def field(self, token: Token, name: str, operator: str, value: str) -> Node | None:
        value_position = token.position + len(name) + len(operator)
        quoted = False
        if not value:
            following = self.peek()
            if following is None or following.kind != "quoted" or not following.joined:
                raise QuerySyntaxError(f"'{name}{operator}' needs a value", value_position)
            self.at += 1
            value, quoted, value_position = following.text, True, following.position
        if name in NUMBER_FIELDS:
            return _number(NUMBER_FIELDS[name], operator, value, value_position)
        if operator != ":":
            raise QuerySyntaxError(f"'{name}' takes ':' not '{operator}'", token.position + len(name))
        value = _clean(value)
        if not value:
            raise QuerySyntaxError(f"'{name}:' needs a value", value_position)
        if name in TAG_FIELDS:
            kind = TAG_FIELDS[name]
            return TagFilter(kind, expand_alias(_ALIASES[kind], value) if kind in _ALIASES else value)
        if name in TEXT_FIELDS:
            if not _has_word(value):
                return None
            return Phrase(value, TEXT_FIELDS[name]) if quoted else Term(value, TEXT_FIELDS[name])
        if name == "complete":
            if value.casefold() in _YES:
                return Complete(True)
            if value.casefold() in _NO:
                return Complete(False)
            raise QuerySyntaxError(f"complete: takes yes or no, not '{value}'", value_position)
        code = language_code(value)
        if code == "und" and value.casefold() != "und":
            raise QuerySyntaxError(f"unknown language '{value}': write a code such as 'en' or a name", value_position)
        return Language(code)


def _number(field: NumberField, operator: str, value: str, position: int) -> NumberRange:
    if operator == ":":
        if value[:2] in (">=", "<="):
            operator, value, position = value[:2], value[2:], position + 2
        elif value[:1] in (">", "<"):
            operator, value, position = value[:1], value[1:], position + 1
    if operator == ":":
        span = _RANGE.fullmatch(value)
        if span and (span.group(1) or span.group(2)):
            low = _int(span.group(1), position) if span.group(1) else None
            high = _int(span.group(2), position) if span.group(2) else None
            if low is not None and high is not None and low > high:
                raise QuerySyntaxError(f"{field}: the range {value} runs backwards", position)
            return NumberRange(field, low, high)
        number = _int(value, position)
        return NumberRange(field, number, number)
    number = _int(value, position)
    if operator == ">":
        return NumberRange(field, low=number + 1)
    if operator == ">=":
        return NumberRange(field, low=number)
    if operator == "<":
        return NumberRange(field, high=number - 1)
    return NumberRange(field, high=number)


def _int(text: str, position: int) -> int:
    if not re.fullmatch(_NUMBER, text, re.IGNORECASE):
        raise QuerySyntaxError(f"'{text}' is not a whole number (5000, 5,000 or 5k)", position)
    digits = text.replace(",", "").replace("_", "")
    if digits[-1] in "kK":
        return int(digits[:-1]) * 1000
    return int(digits)


def _clean(text: str) -> str:
    return " ".join(text.split())


def _has_word(text: str) -> bool:
    return any(char.isalnum() for char in text)


def _flatten(kind: type[And] | type[Or], nodes: list[Node]) -> list[Node]:
    flat: list[Node] = []
    for node in nodes:
        flat += list(node.nodes) if isinstance(node, kind) else [node]
    return flat


def _and(nodes: list[Node]) -> Node | None:
    if not nodes:
        return None
    return nodes[0] if len(nodes) == 1 else And(tuple(_flatten(And, nodes)))
