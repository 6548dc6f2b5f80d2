"""Words, their counts, and where given words stand, found with regular expressions.

The beta reader counts every word of a work but looks up the positions of only the few words a check is about,
which keeps it fast (see docs/beta.md).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import NamedTuple

#: A word: letters with inner apostrophes (straight or curly). Hyphenated words are two words.
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_MID_SENTENCE_CAPITAL = re.compile(r"[a-z,;] ([A-Z][^\W\d_]*(?:['’][^\W\d_]+)*)")
_BEFORE = re.compile(r"([^\W\d_]+(?:['’][^\W\d_]+)*)(\W*)$")
_AFTER = re.compile(r"(\W*)([^\W\d_]+(?:['’][^\W\d_]+)*)")
_SENTENCE_END = frozenset('.!?…"“”:;*()[]-—–~#>_')
_WINDOW = 40


class Token(NamedTuple):
    start: int
    end: int
    text: str


def count_words(text: str) -> Counter[str]:
    return Counter(WORD.findall(text))


def mid_sentence_capitals(text: str) -> Counter[str]:
    """How often each capitalised word stands right after a lower-case word or a comma (where only a name or a
    title is capitalised)."""
    return Counter(_MID_SENTENCE_CAPITAL.findall(text))


def find(text: str, words: Iterable[str]) -> Iterator[Token]:
    """Every place where one of ``words`` stands as a whole word (not inside a longer word), in text order."""
    targets = sorted(set(words), key=len, reverse=True)
    if not targets:
        return
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in targets) + r")\b")
    for m in pattern.finditer(text):
        start, end = m.span()
        if start and (text[start - 1].isalpha() or (text[start - 1] in "'’" and text[start - 2 : start - 1].isalpha())):
            continue
        if text[end : end + 1].isalpha() or (text[end : end + 1] in "'’" and text[end + 1 : end + 2].isalpha()):
            continue
        yield Token(start, end, m.group())


def word_before(text: str, start: int) -> tuple[Token | None, str]:
    """The word before ``start`` and what separates them."""
    lo = max(0, start - _WINDOW)
    m = _BEFORE.search(text, lo, start)
    if m is None:
        return None, text[lo:start]
    return Token(m.start(1), m.end(1), m.group(1)), m.group(2)


def word_after(text: str, end: int) -> tuple[Token | None, str]:
    """The word after ``end`` and what separates them."""
    m = _AFTER.match(text, end, end + _WINDOW)
    if m is None or not m.group(2):
        return None, ""
    return Token(m.start(2), m.end(2), m.group(2)), m.group(1)


def starts_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence, a line, a quote or a heading (so may be capitalised)."""
    i = start - 1
    while i >= 0 and text[i] in " \t'‘\"“":
        if text[i] in "\"“'‘":
            return True
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END or text[i] == "\n"
