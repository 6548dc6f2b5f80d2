"""The foundation analysers: structure, language, statistics."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ficshelf.analysis.analysers.structure import recover_structure
from ficshelf.analysis.doc import Doc, Stats

#: A word as AO3 counts one, near enough: letters/digits joined by inner hyphens or apostrophes.
#: Possessive (nothing after a word could give back a character), which saves ``re`` its backtracking state.
WORD = re.compile(r"\w++(?:[-'’]\w++)*+")
#: Scripts without spaces between words count one word per character (as AO3 does for CJK).
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_QUOTED = re.compile(r"[\"“”«»„][^\"“”«»„\n]{1,2000}[\"“”«»„]")
_READING_WPM = 250
_LETTERS = re.compile(r"[^\W\d_]+")
#: A word, or one CJK character (a script written without spaces): what the language model needs a few of.
_WORDISH = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]|[^\W\d_]+")
_MIN_WORDS = 5
_SHORT = 400  # characters: a longer sample is not counted (four words never fill it)
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the and to of a was he she it in that his her you i with for had as on at but not be is they".split()
)


def count_words(text: str) -> int:
    if CJK.search(text) is None:
        return len(WORD.findall(text))
    return len(CJK.findall(text)) + len(WORD.findall(CJK.sub(" ", text)))


class StructureAnalyser:
    name = "structure"
    version = 1
    requires = ("text",)
    provides = ("structure",)

    def __call__(self, doc: Doc) -> None:
        doc.structure = recover_structure(doc.text)


class LanguageAnalyser:
    """ISO 639-1 code by py3langid (a naive-Bayes model shipped in the package), on a sample of the text; a
    sample that is plainly English by its function words is answered without the model (three times faster);
    one of fewer than five words (or CJK characters) is ``und``: the model guesses wildly on so little.

    1,200 characters from the start, middle and end classify every dev.jsonl work as 4,000 did (the model's
    cost grows with the sample; a longer one bought nothing)."""

    name = "language"
    version = 2
    requires = ("text",)
    provides = ("language",)
    sample_chars = 1200

    def __call__(self, doc: Doc) -> None:
        sample = _sample(doc.text, self.sample_chars)
        if len(sample) < _SHORT and len(_WORDISH.findall(sample)) < _MIN_WORDS:
            # "Work Text:" above an image: py3langid answers anything (Irish, Latin) for a word or two
            doc.language, doc.language_score = "und", 0.0
            return
        if _plainly_english(sample):
            doc.language, doc.language_score = "en", 1.0
            return
        code, score = _identifier().classify(sample)
        doc.language, doc.language_score = str(code), float(score)


class StatsAnalyser:
    name = "stats"
    version = 1
    requires = ("text", "structure")
    provides = ("stats",)

    def __call__(self, doc: Doc) -> None:
        text = doc.text
        words = count_words(text)
        quoted = count_words("\n".join(_QUOTED.findall(text)))
        structure = doc.structure
        paragraphs = len(structure.paragraphs) if structure else text.count("\n\n") + 1
        recovered = len(structure.chapters) if structure else 0
        chapters = max(len(doc.work.chapters), recovered, 1)
        doc.stats = Stats(
            words=words,
            characters=len(text),
            paragraphs=paragraphs,
            chapters=chapters,
            dialogue_share=round(quoted / words, 3) if words else 0.0,
            reading_minutes=max(1, round(words / _READING_WPM)) if words else 0,
        )


def _plainly_english(sample: str) -> bool:
    """At least 50 words, 15% or more of them English function words ("the", "and", "was" …).

    On dev.jsonl every sample py3langid calls English has 14.5% or more, every other one 7.6% or less, so this
    answers before the classifier for most works without changing an answer."""
    words = _LETTERS.findall(sample.lower())
    return len(words) >= 50 and sum(w in _ENGLISH_FUNCTION_WORDS for w in words) >= 0.15 * len(words)


def _sample(text: str, size: int) -> str:
    """Up to ``size`` characters from the start, middle and end (notes cluster at the edges)."""
    if len(text) <= size:
        return text
    third = size // 3
    middle = len(text) // 2
    return " ".join((text[:third], text[middle : middle + third], text[-third:]))


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
