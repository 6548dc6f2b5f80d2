"""The query tree → a tantivy ``Query``, built with tantivy's constructors (no query-string parsing)."""

from __future__ import annotations

import re
from collections.abc import Sequence

import tantivy

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
    walk,
)

ANALYZER_NAME = "ficshelf_en"
MAX_TOKEN_CHARS = 40

#: Text fields a word without a field searches, with their boosts.
DEFAULT_FIELDS: dict[str, float] = {"title": 3.0, "author": 2.0, "tags_text": 2.0, "summary": 1.5, "text": 1.0}
FIELD_NAMES = {field: field.value for field in TextField}

Must, Should, MustNot = tantivy.Occur.Must, tantivy.Occur.Should, tantivy.Occur.MustNot


def analyzer() -> tantivy.TextAnalyzer:
    """The English analyzer of every text field, used on documents and on query words alike."""
    builder = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
    for step in (
        tantivy.Filter.remove_long(MAX_TOKEN_CHARS),
        tantivy.Filter.lowercase(),
        tantivy.Filter.ascii_fold(),
        tantivy.Filter.stemmer("english"),
    ):
        builder = builder.filter(step)
    return builder.build()


class TantivyTranslator:
    def __init__(self, schema: tantivy.Schema) -> None:
        self.schema = schema
        self.analyzer = analyzer()

    def filtered(self, node: Node, *, restricted: bool, blocked_keys: Sequence[str]) -> tantivy.Query:
        """``node`` with the viewer's filters: no restricted works for guests, no blocklisted tags."""
        clauses: list[tuple[tantivy.Occur, tantivy.Query]] = [(Must, self.query(node))]
        if restricted:
            clauses.append((MustNot, tantivy.Query.term_query(self.schema, "restricted", True)))
        if blocked_keys:
            clauses.append((MustNot, tantivy.Query.term_set_query(self.schema, "tag_key", list(blocked_keys))))
        return clauses[0][1] if len(clauses) == 1 else tantivy.Query.boolean_query(clauses)

    def costly(self, node: Node) -> bool:
        """Whether evaluating ``node`` reads word positions (a phrase, or a word the analyzer splits): the cost
        that grows with every document holding the words, where a second evaluation is worth avoiding."""
        for leaf in walk(node):
            if isinstance(leaf, Phrase) and len(self.analyzer.analyze(leaf.text)) > 1:
                return True
            if isinstance(leaf, Term) and len(self.analyzer.analyze(leaf.word)) > 1:
                return True
        return False

    def query(self, node: Node) -> tantivy.Query:
        if isinstance(node, Term):
            return self.text(node.word, node.field)
        if isinstance(node, Phrase):
            return self.text(node.text, node.field)
        if isinstance(node, And):
            clauses = [
                (MustNot, self.query(child.node)) if isinstance(child, Not) else (Must, self.query(child))
                for child in node.nodes
            ]
            if all(occur is MustNot for occur, _ in clauses):
                clauses.append((Must, tantivy.Query.all_query()))
            return tantivy.Query.boolean_query(clauses)
        if isinstance(node, Or):
            return tantivy.Query.boolean_query([(Should, self.query(child)) for child in node.nodes])
        if isinstance(node, Not):
            return tantivy.Query.boolean_query([(Must, tantivy.Query.all_query()), (MustNot, self.query(node.node))])
        if isinstance(node, MatchAll):
            return tantivy.Query.all_query()
        return tantivy.Query.const_score_query(self.filter(node), 0.0)

    def filter(self, node: TagFilter | NumberRange | Complete | Language) -> tantivy.Query:
        if isinstance(node, TagFilter):
            return tantivy.Query.term_query(self.schema, "tag_key", tag_key(node.kind, node.name))
        if isinstance(node, NumberRange):
            return tantivy.Query.range_query(
                self.schema, node.field.value, tantivy.FieldType.Integer, node.low, node.high
            )
        if isinstance(node, Complete):
            return tantivy.Query.term_query(self.schema, "complete", node.value)
        exact = tantivy.Query.term_query(self.schema, "language", node.code)
        if node.has_region:
            return exact
        regional = tantivy.Query.regex_query(self.schema, "language", re.escape(node.code) + "-.+")
        return tantivy.Query.boolean_query([(Should, exact), (Should, regional)])

    def text(self, text: str, field: TextField | None) -> tantivy.Query:
        """A word or phrase in one field or, boosted, in every default field; a word the analyzer splits
        ("don't", "well-known") is matched as a phrase."""
        tokens = self.analyzer.analyze(text)
        if not tokens:
            return tantivy.Query.empty_query()
        if field is not None:
            return self._field_query(FIELD_NAMES[field], tokens)
        shoulds = [
            (Should, tantivy.Query.boost_query(self._field_query(name, tokens), boost))
            for name, boost in DEFAULT_FIELDS.items()
        ]
        return tantivy.Query.boolean_query(shoulds)

    def _field_query(self, name: str, tokens: list[str]) -> tantivy.Query:
        if len(tokens) == 1:
            return tantivy.Query.term_query(self.schema, name, tokens[0])
        return tantivy.Query.phrase_query(self.schema, name, list(tokens))
