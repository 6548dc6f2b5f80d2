"""Language detection on very short texts (texts written for this test)."""

from __future__ import annotations

import pytest

from ficshelf.analysis.analysers.basic import LanguageAnalyser
from ficshelf.analysis.doc import Doc
from ficshelf.model import Chapter, Work


def _language(text: str) -> str:
    doc = Doc.from_work(Work(id="t", source="t", chapters=[Chapter(1, text=text)]))
    LanguageAnalyser()(doc)
    return doc.language


@pytest.mark.parametrize("text", ["", "Work Text:", "Chapter 1: Art", "* * *", "An accident in potions"])
def test_four_words_or_fewer_are_undetermined(text: str) -> None:
    assert _language(text) == "und"


@pytest.mark.parametrize(
    ("text", "code"),
    [("Der Hund schläft heute im Garten.", "de"), ("哈利看着窗外的雪", "zh"), ("The owl flew over the castle.", "en")],
)
def test_a_short_sentence_is_still_detected(text: str, code: str) -> None:
    assert _language(text) == code
