"""The query language: what a reader types → the tree every backend translates."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ficshelf.errors import QuerySyntaxError, QueryTooComplex
from ficshelf.model import TagKind
from ficshelf.search.ast import (
    And,
    Complete,
    Language,
    MatchAll,
    Not,
    NumberField,
    NumberRange,
    Or,
    Phrase,
    TagFilter,
    Term,
    TextField,
    canonicalize,
    positive_text,
)
from ficshelf.search.query import parse


def test_words_phrases_and_exclusions() -> None:
    assert parse('dragon "burning library" -angst NOT fluff') == And(
        (Term("dragon"), Phrase("burning library"), Not(Term("angst")), Not(Term("fluff")))
    )


def test_blank_query_matches_everything() -> None:
    assert parse("") == MatchAll()
    assert parse("   ") == MatchAll()


def test_or_binds_looser_than_and_and_parentheses_group() -> None:
    assert parse("a OR b c") == Or((Term("a"), And((Term("b"), Term("c")))))
    assert parse("(a OR b) c") == And((Or((Term("a"), Term("b"))), Term("c")))
    assert parse("a AND b") == And((Term("a"), Term("b")))
    assert parse("-(a OR b)") == Not(Or((Term("a"), Term("b"))))


def test_lower_case_or_is_a_word() -> None:
    assert parse("this or that") == And((Term("this"), Term("or"), Term("that")))


def test_tag_filters_by_kind_with_quoted_names() -> None:
    assert parse('tag:"Angst" -tag:"Major Character Death"') == And(
        (TagFilter(None, "Angst"), Not(TagFilter(None, "Major Character Death")))
    )
    assert parse("fandom:Naruto") == TagFilter(TagKind.FANDOM, "Naruto")
    assert parse('relationship:"Draco Malfoy/Harry Potter"') == TagFilter(
        TagKind.RELATIONSHIP, "Draco Malfoy/Harry Potter"
    )
    assert parse('character:"Hyuuga Neji"') == TagFilter(TagKind.CHARACTER, "Hyuuga Neji")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("rating:teen", TagFilter(TagKind.RATING, "Teen And Up Audiences")),
        ("rating:E", TagFilter(TagKind.RATING, "Explicit")),
        ('rating:"general audiences"', TagFilter(TagKind.RATING, "General Audiences")),
        ("warning:mcd", TagFilter(TagKind.WARNING, "Major Character Death")),
        ("warning:none", TagFilter(TagKind.WARNING, "No Archive Warnings Apply")),
        ('category:"M/M"', TagFilter(TagKind.CATEGORY, "M/M")),
        ("category:gen", TagFilter(TagKind.CATEGORY, "Gen")),
        ("category:ff", TagFilter(TagKind.CATEGORY, "F/F")),
    ],
)
def test_ao3_aliases_expand_to_canonical_tags(typed: str, expected: TagFilter) -> None:
    assert parse(typed) == expected


@pytest.mark.parametrize(
    ("typed", "low", "high"),
    [
        ("words>5000", 5001, None),
        ("words>=5000", 5000, None),
        ("words<1000", None, 999),
        ("words:1000-5000", 1000, 5000),
        ("words:5k-", 5000, None),
        ("words:-2,000", None, 2000),
        ("words:>10k", 10001, None),
        ("words:300", 300, 300),
    ],
)
def test_number_ranges(typed: str, low: int | None, high: int | None) -> None:
    assert parse(typed) == NumberRange(NumberField.WORDS, low, high)


def test_other_filters_and_field_limited_text() -> None:
    assert parse("kudos>100 hits<50 comments:1-9") == And(
        (
            NumberRange(NumberField.KUDOS, 101, None),
            NumberRange(NumberField.HITS, None, 49),
            NumberRange(NumberField.COMMENTS, 1, 9),
        )
    )
    assert parse("complete:yes complete:no") == And((Complete(True), Complete(False)))
    assert parse("lang:en lang:English language:Français") == And((Language("en"), Language("en"), Language("fr")))
    assert parse('lang:"Português brasileiro" lang:EN_us') == And((Language("pt-BR"), Language("en-US")))
    assert parse("lang:tlh lang:und") == And((Language("tlh"), Language("und")))
    assert parse('title:"the end" author:bob') == And(
        (Phrase("the end", TextField.TITLE), Term("bob", TextField.AUTHOR))
    )


def test_punctuation_only_words_drop_out() -> None:
    assert parse("dragon ... & -") == Term("dragon")
    assert parse("a - b") == And((Term("a"), Term("b")))
    assert parse("well-known") == Term("well-known")


@pytest.mark.parametrize(
    ("query", "position"),
    [
        ('dragon "burning', 7),
        ("(a OR b", 0),
        ("a b)", 3),
        ("OR a", 0),
        ("a OR", 4),
        ("a AND", 2),
        ("NOT", 3),
        ("fandom:", 7),
        ("words>lots", 6),
        ("words:9-1", 6),
        ("complete:maybe", 9),
        ("rating>teen", 6),
        ("frandom:Naruto", 0),
        ("lang:Klingonese", 5),
        ("()", 0),
    ],
)
def test_bad_syntax_is_a_coded_error_with_its_position(query: str, position: int) -> None:
    with pytest.raises(QuerySyntaxError) as raised:
        parse(query)
    assert raised.value.code == "FS601"
    assert raised.value.position == position
    assert f"character {position + 1}" in str(raised.value)


def test_unknown_field_error_says_how_to_search_the_word() -> None:
    with pytest.raises(QuerySyntaxError, match="quotes"):
        parse("Re:Zero")
    assert parse('"Re:Zero"') == Phrase("Re:Zero")


def test_limits() -> None:
    with pytest.raises(QueryTooComplex):
        parse("a" * 1001)
    with pytest.raises(QueryTooComplex):
        parse(" ".join(f"w{i}" for i in range(65)))


def test_canonicalize_resolves_synonyms_and_positive_text_skips_exclusions() -> None:
    tree = parse('fandom:"NARUTO (Anime)" -tag:fluff dragon -angst')
    synonyms = {"naruto (anime)": "Naruto"}
    resolved = canonicalize(tree, lambda kind, name: synonyms.get(name.casefold(), name))
    assert TagFilter(TagKind.FANDOM, "Naruto") in resolved.nodes  # type: ignore[union-attr]
    assert positive_text(resolved) == [Term("dragon")]


QUERY_ALPHABET = st.sampled_from(list('ab -"():<>=OR NOTAND tag:words5k,'))


@settings(max_examples=300, deadline=None)
@given(st.text(QUERY_ALPHABET, max_size=40) | st.text(max_size=40))
def test_any_input_parses_or_raises_a_coded_error(query: str) -> None:
    try:
        tree = parse(query)
    except (QuerySyntaxError, QueryTooComplex) as err:
        assert err.code in ("FS601", "FS602")
        if isinstance(err, QuerySyntaxError):
            assert 0 <= err.position <= len(query)
        return
    assert tree == parse(query)  # deterministic, hashable
    hash(tree)
