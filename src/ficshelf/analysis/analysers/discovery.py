"""Names the knowledge base does not know: capitalised words used as names, not as sentence starters.

A candidate is a run of 1–3 capitalised words, not at a sentence start, not already a knowledge-base hit,
seen at least three times so, never after an article ("the Chunin exams"), and never written in lower case
anywhere in the text ("Spring", "Mother" and
"Tea" are written lower case somewhere; real names are not). Honorific suffixes are cut off ("Lee-kun" → Lee).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

#: ``\b[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}\b``, written to start with a character class, which ``re`` scans for
#: quickly (2×); the look-behind after the capital is the leading ``\b``
_CANDIDATE = re.compile(r"[A-Z](?<!\w[A-Z])[a-z]+(?:[ ][A-Z][a-z]+){0,2}\b")
_MIN_COUNT = 3
_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][a-z]+ $")
_NEXT_CAPITALISED = re.compile(r" [A-Z][a-z]")
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
    """Candidates are counted by their text first (one C-level scan); only those seen three times or more, made
    of words that are neither stop words, knowledge-base names nor written in lower case, are then found
    occurrence by occurrence (by plain substring search: no per-name regex to compile)."""
    counts = Counter(_CANDIDATE.findall(text))
    known = {text[s:e] for s, e in covered}
    frequent = [
        name
        for name, n in counts.items()
        if n >= _MIN_COUNT and name not in known and not any(w in STOPWORDS for w in name.split())
    ]
    frequent = [name for name in frequent if not any(_stands_alone(text, w.lower()) for w in name.split())]
    if not frequent:
        return {}
    starts = [s for s, _ in covered]
    found: dict[str, list[tuple[int, int]]] = {}
    for name in frequent:
        kept = [
            (start, start + len(name))
            for start in _find(text, name, whole=True)
            if not sentence_initial(text, start)
            and not _inside(covered, starts, start)
            and not _DETERMINER.search(text, max(0, start - 5), start)
        ]
        if len(kept) >= _MIN_COUNT:
            found[name] = kept
    return found


def _find(text: str, word: str, whole: bool = False) -> list[int]:
    """Offsets where ``word`` stands as a word; ``whole``: and not inside a longer run of capitalised words."""
    found = []
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        alone = not _word_char(text, at - 1) and not _word_char(text, end)
        if alone and not (whole and _in_longer_name(text, at, end)):
            found.append(at)
        at = text.find(word, end)
    return found


def _stands_alone(text: str, word: str) -> bool:
    """Whether ``word`` stands as a word anywhere in ``text`` (``_find`` that stops at the first)."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if not _word_char(text, at - 1) and not _word_char(text, end):
            return True
        at = text.find(word, end)
    return False


def _in_longer_name(text: str, start: int, end: int) -> bool:
    return bool(_NEXT_CAPITALISED.match(text, end) or _CAPITALISED_BEFORE.search(text, max(0, start - 40), start))


def _word_char(text: str, offset: int) -> bool:
    return 0 <= offset < len(text) and (text[offset].isalnum() or text[offset] == "_")


def _inside(covered: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    index = bisect_right(starts, offset) - 1
    return index >= 0 and covered[index][0] <= offset < covered[index][1]
