"""The beta reader's rules on short texts written for these tests: each fires where it should, and not on fandom
words, names, honorifics or the look-alike sentences that are correct."""

from __future__ import annotations

import pytest

from ficshelf.beta import check

FANDOM = (
    "Sakura smiled at Lee-kun. Gaara of the Sand watched the Chunnin exams with Sakura-chan, Lee-san and "
    "Naruto, then Kakashi-sensei taught them a new jutsu and the kazekage nodded to Tenten."
)


def _fixes(text: str) -> dict[str, tuple[str, str]]:
    return {h.text: (h.suggestion, h.rule) for h in check(text)}


def test_fandom_names_honorifics_and_vocabulary_are_not_errors() -> None:
    assert check(FANDOM) == []


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("She had a funny feeling that he was truely lost.", "truely", "truly"),
        ("At first she avoided himlike the plague.", "himlike", "him like"),
        ("He walked to the otherside of the field.", "otherside", "other side"),
        ("I suppose your going to cry now.", "your", "you're"),
        ("It hurt more then any wound.", "then", "than"),
        ("She had nothing but hate, other then anger.", "then", "than"),
        ("He was to slow in turning around.", "to", "too"),
        ("The sight had broke her heart.", "broke", "broken"),
        ("She rapped her arms around him.", "rapped", "wrapped"),
        ("Well, that was true.Sakura smiled.", ".", ". "),
        ("I few moments later he left.", "I", "A"),
        ("Now that the cats out of the bag, we can talk.", "cats", "cat's"),
        ("The dog wagged it's own tail.", "it's", "its"),
        ("She was bawling an dbegging for mercy.", "an dbegging", "and begging"),
        ("He would of known better.", "of", "have"),
        ("She ate an sandwich.", "an", "a"),
        ("He gave her the the book.", "the the", "the"),
        ('"I know." she said quietly.', '."', ',"'),
    ],
)
def test_each_rule_finds_its_mistake_and_suggests_the_fix(text: str, wrong: str, right: str) -> None:
    assert _fixes(text).get(wrong, ("",))[0] == right


@pytest.mark.parametrize(
    "text",
    [
        "Your feeling of dread was understandable, and then she left.",
        "He wanted to slow down before the turn.",
        "They had been together, and then it rained.",
        "Its wings were broken and its eyes closed.",
        "Could of course be worse, she thought.",
        "I had broken the vase, and I took the blame.",
        'She wrapped her arms around him and whispered, "I know," she said.',
        "He could care less about the weather than about the match.",
        "Mr.Smith arrived at noon.",
    ],
)
def test_correct_look_alikes_get_no_usage_hint(text: str) -> None:
    assert [h for h in check(text) if h.kind in ("usage", "grammar", "dialogue")] == []


def test_names_of_the_work_are_checked_for_case_and_near_misses() -> None:
    text = (
        "Haruno Sakura walked home. Sakura sighed. Sakura smiled at Lee. Lee waved. Lee laughed. "
        "Later lee called out to her. Haruna Sakura did not answer."
    )
    fixes = {h.text: h.suggestion for h in check(text, names=["Haruno Sakura", "Rock Lee"])}
    assert fixes["lee"] == "Lee"
    assert fixes["Haruna"] == "Haruno"


def test_a_space_inside_a_quote_mark_and_a_stray_capital_after_a_name() -> None:
    text = 'Neji turned away. Neji stood still. Neji Stood up.\n\n" Wait!" Lee said.'
    fixes = {h.text: h.suggestion for h in check(text, names=["Hyuuga Neji", "Rock Lee"])}
    assert fixes["Stood"] == "stood"
    assert fixes['" '] == '"'


def test_a_recurring_invented_word_is_taken_as_deliberate() -> None:
    text = "The glimmerwing rose. A glimmerwing sang. Every glimmerwing slept."
    assert check(text) == []


def test_british_spellings_contractions_and_possessives_are_accepted() -> None:
    text = "Her favourite colour was grey; she realised they'd travelled far, and the kazekage's robe didn't fit."
    assert check(text) == []
