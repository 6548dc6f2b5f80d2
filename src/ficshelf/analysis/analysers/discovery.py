"""Names the knowledge base does not know: capitalised words used as names, not as sentence starters.

A candidate is a run of 1–3 capitalised words, not at a sentence start, not already a knowledge-base hit,
seen at least three times so, never after an article ("the Chunin exams"), and never written in lower case
anywhere in the text ("Spring", "Mother" and
"Tea" are written lower case somewhere; real names are not). Honorific suffixes are cut off ("Lee-kun" → Lee).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict

_CANDIDATE = re.compile(r"\b[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}\b")
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
_MIN_COUNT = 3
_DETERMINER = re.compile(r"\b(?:the|a|an|The|A|An) $")
_OPENERS = "\"“‘'([*_~-"
STOPWORDS = frozenset(
    [
        "I",
        "Mr",
        "Mrs",
        "Ms",
        "Miss",
        "Dr",
        "Sir",
        "Madam",
        "Lady",
        "Lord",
        "Professor",
        "Captain",
        "Chapter",
        "Prologue",
        "Epilogue",
        "Part",
        "Book",
        "AN",
        "A",
        "N",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "God",
        "Christmas",
        "English",
        "Japanese",
        "French",
        "Oh",
        "Ah",
        "Uh",
        "Um",
        "Hey",
        "Hi",
        "Okay",
        "OK",
        "Yes",
        "No",
        "Well",
        "So",
        "And",
        "But",
        "Or",
        "The",
        "A",
        "An",
        "It",
        "He",
        "She",
        "They",
        "We",
        "You",
        "His",
        "Her",
        "Their",
        "Our",
        "My",
        "Your",
        "What",
        "Why",
        "How",
        "When",
        "Where",
        "Who",
        "Which",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "Here",
        "Then",
        "Now",
        "Just",
        "Even",
        "Still",
        "Maybe",
        "Please",
        "Thank",
        "Thanks",
        "Sorry",
        "Dear",
        "Mom",
        "Dad",
        "Mum",
        "Mother",
        "Father",
        "POV",
        "Review",
        "Reviews",
        "Disclaimer",
        "Author",
        "Note",
        "Notes",
    ]
)


def sentence_initial(text: str, start: int) -> bool:
    """True when the word at ``start`` begins a sentence, a line, or a quotation."""
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0" + _OPENERS:
        if text[i] in '"“‘(':
            return True
        i -= 1
    return i < 0 or text[i] in ".!?…\n:" or (text[i] in "\"”’'" and i > 0 and text[i - 1] in ".!?…,")


def discover_names(text: str, covered: list[tuple[int, int]]) -> dict[str, list[tuple[int, int]]]:
    starts = [s for s, _ in covered]
    lower_words = set(_LOWER_WORD.findall(text))
    found: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for match in _CANDIDATE.finditer(text):
        start, end = match.span()
        if (
            sentence_initial(text, start)
            or _inside(covered, starts, start)
            or _DETERMINER.search(text, max(0, start - 5), start)
        ):
            continue
        words = [w for w in match.group(0).split() if w not in STOPWORDS and w.lower() not in lower_words]
        if not words or len(words) != len(match.group(0).split()):
            continue
        found[" ".join(words)].append((start, end))
    return {name: spans for name, spans in found.items() if len(spans) >= _MIN_COUNT}


def _inside(covered: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    index = bisect_right(starts, offset) - 1
    return index >= 0 and covered[index][0] <= offset < covered[index][1]
