"""Words and sentence starts, found with regular expressions (fast enough for the analysis speed target)."""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

#: A word: letters with inner apostrophes (straight or curly). Hyphenated words are two words.
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SENTENCE_END = frozenset('.!?…"“”:;*()[]-—–~#>_')


class Token(NamedTuple):
    start: int
    end: int
    text: str


def tokens(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


def words_in(text: str) -> list[str]:
    return WORD.findall(text)


def starts_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence, a line, a quote or a heading (so may be capitalised)."""
    i = start - 1
    while i >= 0 and text[i] in " \t'‘\"“":
        if text[i] in "\"“'‘":
            return True
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END or text[i] == "\n"


def mid_sentence_capitals(text: str, toks: list[Token]) -> Counter[str]:
    """How often each capitalised word stands where only a name (or title) would be capitalised."""
    return Counter(t.text for t in toks if t.text[0].isupper() and not starts_sentence(text, t.start))
