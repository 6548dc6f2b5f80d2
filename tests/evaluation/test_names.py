"""Name normalisation for evaluation: each rule of docs/eval.md on hand-written names."""

from __future__ import annotations

import pytest

from ficshelf.analysis.kb import Character, Fandom, KnowledgeBase
from ficshelf.evaluation.names import (
    NameMatcher,
    Relationship,
    default_matcher,
    label,
    quote_text,
    rating_step,
    relationship_tag,
)
from ficshelf.tag_names import alternatives, clean, fold, is_generic

PLAIN = NameMatcher(None)


def test_case_whitespace_and_apostrophes() -> None:
    assert clean("  Rock   LEE ") == "rock lee"
    assert PLAIN.same_character("D’Artagnan Gascon", "d'artagnan  gascon")
    assert clean("Death Eaters - Character") == "death eaters"


def test_fandom_disambiguator_is_dropped() -> None:
    assert alternatives("Gaara (Naruto)") == ["gaara"]
    assert PLAIN.same_character("Gaara (Naruto)", "Gaara")
    assert alternatives("Original Female Character(s)") == ["original female character(s)"]


def test_synonym_tags_match_either_side() -> None:
    assert PLAIN.same_character("Maito Gai | Might Guy", "Maito Gai")
    assert PLAIN.same_character("Maito Gai | Might Guy", "Might Guy")
    assert PLAIN.same_character("Tom Riddle | Voldemort", "Voldemort")
    assert PLAIN.same_character("Voldemort (Harry Potter)", "Tom Riddle | Voldemort")
    assert not PLAIN.same_character("Maito Gai | Might Guy", "Rock Lee")


def test_two_token_names_ignore_order() -> None:
    assert PLAIN.same_character("Neji Hyuuga", "Hyuuga Neji")
    assert fold("neji hyuuga") == fold("hyuuga neji")
    assert not PLAIN.same_character("Lily Evans Potter", "Potter Lily Evans")


def test_long_vowels_and_accents_fold() -> None:
    assert PLAIN.same_character("Hyuga Neji", "Hyuuga Neji")
    assert PLAIN.same_character("Aizawa Shouta", "Aizawa Shota")
    assert PLAIN.same_character("Hyūga Neji", "Neji Hyuga")
    assert PLAIN.same_character("Ootsutsuki Kaguya", "Otsutsuki Kaguya")
    assert not PLAIN.same_character("Hyuuga Hinata", "Hyuuga Neji")


def _kb() -> KnowledgeBase:
    hero = Character(name="Ada Vell", tag="Ada Vell (Testland)", fandom="Testland", synonyms=["The Lantern"])
    fandom = Fandom(name="Testland - A. Writer", synonyms=["Testland (TV)"], characters={"Ada Vell": hero})
    return KnowledgeBase(fandoms={fandom.name: fandom})


def test_knowledge_base_synonyms() -> None:
    matcher = NameMatcher(_kb())
    assert matcher.same_character("The Lantern", "Ada Vell (Testland)")
    assert not PLAIN.same_character("The Lantern", "Ada Vell")
    assert matcher.same_fandom("Testland (TV)", "Testland - A. Writer")
    assert not matcher.same_fandom("Testland (TV)", "Otherland")


def test_the_builtin_knowledge_base_is_used() -> None:
    matcher = default_matcher()
    if matcher.kb is None:
        pytest.skip("the built-in knowledge base did not load")
    assert matcher.same_character("Tom Riddle", "Lord Voldemort")


def test_evaluation_works_when_the_knowledge_base_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    import ficshelf.analysis.kb as kb

    def broken(extra: str | None = None) -> KnowledgeBase:
        raise kb.KnowledgeBaseError("broken")

    monkeypatch.setattr(kb, "load_default", broken)
    matcher = default_matcher()
    assert matcher.kb is None
    assert matcher.same_character("Neji Hyuuga", "Hyuuga Neji")


@pytest.mark.parametrize(
    "tag",
    [
        "Original Female Character(s)",
        "Original Weasley Characters (Harry Potter)",
        "Reader",
        "You",
        "Other(s)",
        "Hogwarts Students",
        "Death Eaters - Character",
        "Death Eater(s)",
        "Weasley Family (Harry Potter)",
        "Gai-han | Team Guy (Naruto)",
        "Harry Potter Characters",
    ],
)
def test_generic_tags(tag: str) -> None:
    assert is_generic(tag)


@pytest.mark.parametrize("tag", ["Original Percival Graves", "Harry Potter", "Rock Lee", "Youko Kurama"])
def test_named_characters_are_not_generic(tag: str) -> None:
    assert not is_generic(tag)


def test_relationship_tags() -> None:
    assert relationship_tag("Draco Malfoy/Harry Potter") == [Relationship("Draco Malfoy", "Harry Potter", "romantic")]
    assert relationship_tag("Rock Lee & Hyuuga Neji") == [Relationship("Rock Lee", "Hyuuga Neji", "platonic")]
    trio = relationship_tag("A/B/C")
    assert {(r.a, r.b) for r in trio} == {("A", "B"), ("A", "C"), ("B", "C")}
    assert relationship_tag("Original Female Character(s)/Harry Potter")[0].a == "Original Female Character(s)"
    assert (
        relationship_tag("Aizawa Shouta | Eraserhead/Yagi Toshinori | All Might")[0].b == "Yagi Toshinori | All Might"
    )
    assert relationship_tag("Harry x Draco - Relationship") == [Relationship("Harry", "Draco", "romantic")]
    assert relationship_tag("Minor or Background Relationship(s)") == []


def test_labels_ratings_and_quote_text() -> None:
    assert label("  No Archive  Warnings Apply") == "no archive warnings apply"
    assert label("M/F") == "f/m"
    assert [rating_step(r) for r in ("General Audiences", "teen and up audiences", "Mature", "Explicit")] == [
        0,
        1,
        2,
        3,
    ]
    assert rating_step("Not Rated") is None
    assert quote_text("“Don’t go,  Lee!” he said") == "dont go lee he said"
    assert quote_text("\"Don't go") == "dont go"


def test_ffn_abbreviated_names_meet_the_one_character_they_fit() -> None:
    matcher = default_matcher()
    assert matcher.same_character("Harry P.", "Harry Potter")
    assert matcher.same_character("Naruto U.", "Uzumaki Naruto")  # family name first
    assert not matcher.same_character("Harry P.", "Draco Malfoy")
    # Lily Evans Potter and Lily Luna Potter both fit "Lily P.": it stays its own name
    assert not matcher.same_character("Lily P.", "Lily Evans Potter")
    assert not matcher.same_character("Lily P.", "Lily Luna Potter")
