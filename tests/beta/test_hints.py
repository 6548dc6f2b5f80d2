"""Accepting and ignoring hints: what the web's buttons will call."""

from __future__ import annotations

import pytest

from ficshelf.beta import Hint, PersonalDictionary, apply_hint, apply_hints, check
from ficshelf.errors import StaleHint

TEXT = "She rapped her arms around him. He was to slow."


def test_accepting_every_hint_gives_the_corrected_text() -> None:
    hints = check(TEXT)
    assert apply_hints(TEXT, hints) == "She wrapped her arms around him. He was too slow."


def test_apply_hint_replaces_only_its_span_and_refuses_a_stale_one() -> None:
    hint = next(h for h in check(TEXT) if h.text == "rapped")
    fixed = apply_hint(TEXT, hint)
    assert fixed.startswith("She wrapped her arms")
    with pytest.raises(StaleHint):
        apply_hint(fixed, hint)
    with pytest.raises(StaleHint):
        apply_hint(TEXT, hint, choice=5)


def test_a_hint_survives_a_round_trip_through_json() -> None:
    hint = check(TEXT)[0]
    assert Hint.from_json(hint.to_json()) == hint
    assert hint.to_json()["suggestion"] == hint.suggestions[0]


def test_ignoring_a_spelling_hint_adds_the_word_to_the_personal_dictionary() -> None:
    text = "The wizzard fluttered past the window while she slept."
    hints = [h for h in check(text) if h.text == "wizzard"]
    assert hints and hints[0].suggestion == "wizard"
    personal = PersonalDictionary()
    personal.ignore(hints[0])
    assert "wizzard" in personal.words
    assert not [h for h in check(text, personal=personal) if h.text == "wizzard"]
    again = PersonalDictionary.from_json(personal.to_json())
    assert again == personal


def test_ignoring_a_usage_hint_mutes_its_rule() -> None:
    hint = next(h for h in check(TEXT) if h.rule == "to-too")
    personal = PersonalDictionary()
    personal.ignore(hint)
    assert not [h for h in check(TEXT, personal=personal) if h.rule == "to-too"]
    assert [h for h in check(TEXT, personal=personal) if h.rule == "wrapped"]


def test_ignoring_a_lower_case_name_keeps_that_spelling_for_this_author() -> None:
    text = "Lee ran. Then Lee waved and Lee smiled, and lee laughed."
    hint = next(h for h in check(text, names=["Rock Lee"]) if h.rule == "lowercase-name")
    personal = PersonalDictionary()
    personal.ignore(hint)
    assert not [h for h in check(text, names=["Rock Lee"], personal=personal) if h.rule == "lowercase-name"]
