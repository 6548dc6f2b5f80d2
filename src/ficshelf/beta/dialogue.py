"""Dialogue punctuation: a space just inside a quote mark, and a full stop (or nothing) before a speech tag."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ficshelf.beta.hints import Hint
from ficshelf.beta.rules import Rule, rule, words

_TAG_VERBS = words(
    "said asked whispered replied muttered murmured answered called shouted yelled added sighed mumbled snapped "
    "continued explained laughed cried exclaimed insisted growled hissed chuckled screamed stated teased joked "
    "says asks whispers replies mutters".split()
)
_SPEAKER = r"(?:he|she|they|I|we|you|(?!He\b|She\b|They\b|We\b|You\b|It\b|The\b|Then\b)[A-Z][a-z]+)"
_INSIDE = "No space just inside a quote mark."
_PARAGRAPH = re.compile(r"[^\n]+")

RULES: tuple[Rule, ...] = (
    rule(
        "speech-tag-comma",
        "dialogue",
        rf"(?P<x>\.?[\"”])(?= {_SPEAKER} {_TAG_VERBS}\b)",
        lambda m: "," + m.group("x")[-1],
        "Before a speech tag, end the quote with a comma.",
        before="[A-Za-z]",
        word=False,
    ),
)


def quote_spaces(text: str) -> Iterator[Hint]:
    """A space just after an opening or just before a closing quote mark, in paragraphs whose quotes pair up."""
    for para in _PARAGRAPH.finditer(text):
        line, base = para.group(), para.start()
        marks = [m.start() for m in re.finditer(r'"', line)]
        if len(marks) % 2 == 0:
            for n, i in enumerate(marks):
                yield from _check(line, base, i, opening=n % 2 == 0)
        for m in re.finditer(r"[“”]", line):
            yield from _check(line, base, m.start(), opening=m.group() == "“")


def _check(line: str, base: int, i: int, opening: bool) -> Iterator[Hint]:
    q = line[i]
    after_space = i == 0 or line[i - 1] in " \t—–-("
    if opening and after_space and line[i + 1 : i + 2] == " " and line[i + 2 : i + 3].isalnum():
        yield Hint(
            base + i, base + i + 2, q + " ", "dialogue", "No space just inside a quote mark.", (q,), "quote-space"
        )
    if not opening and i >= 2 and line[i - 1] == " " and line[i - 2] in ".,!?…":
        yield Hint(
            base + i - 1, base + i + 1, " " + q, "dialogue", "No space just inside a quote mark.", (q,), "quote-space"
        )
