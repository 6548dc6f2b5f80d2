"""Scan a text with one language's cue lexicons into the same tables ``tag_cues`` fills for English.

Words: every cue is matched by ``CueScanner`` (one Aho-Corasick pass, a cue starts a word). Chinese: the cues
are literals found anywhere by one automaton. Evidence is counted per sentence, with sentence ends that every
script uses (``.!?…`` before a space, ``。！？`` anywhere, a line break), since the English splitter wants a Latin
capital after a full stop and would see whole paragraphs in Russian or Chinese.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

import ahocorasick

from ficshelf.analysis.analysers.cue_lexicons.base import LanguageCues
from ficshelf.analysis.analysers.tag_cues import CONTENT_NOTES, FREEFORMS, RATINGS, WARNING_CUES, TagCueMatches
from ficshelf.analysis.cue_scan import CueMatches, CueScanner
from ficshelf.analysis.cues import lexicon
from ficshelf.analysis.results import Evidence

#: Table names in ``TagCueMatches`` order: the ratings above General Audiences, warnings, freeforms, notes.
TABLES: tuple[tuple[str, ...], ...] = (
    RATINGS[1:],
    tuple(name for name, _, _ in WARNING_CUES),
    tuple(name for name, _, _ in FREEFORMS),
    tuple(name for name, _, _ in CONTENT_NOTES),
)
_ALL_TABLES = frozenset(name for table in TABLES for name in table)
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)|[。！？]+[”’」』）)]*|\n+")


def scan_language_cues(text: str, cues: LanguageCues) -> TagCueMatches:
    """Every table's matches for a text in ``cues``' language (empty for a table the language lacks)."""
    spans = _substring_spans(text, cues) if cues.substrings else _word_spans(text, cues)
    sentences = sentence_spans(text) if any(spans) else []
    found = {
        name: CueMatches(table_spans, _evidence(text, table_spans, sentences))
        for name, table_spans in zip(_names(cues), spans, strict=True)
    }
    empty = CueMatches([], [])
    return TagCueMatches(*([found.get(name, empty) for name in table] for table in TABLES))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, split at end punctuation of any script and at line breaks."""
    out: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        _add(out, text, start, match.end())
        start = match.end()
    _add(out, text, start, len(text))
    return out


def _add(out: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    left = piece.lstrip()
    if left.strip():
        start += len(piece) - len(left)
        out.append((start, start + len(left.rstrip())))


def _evidence(text: str, spans: list[tuple[int, int]], sentences: list[tuple[int, int]]) -> list[Evidence]:
    starts = [s for s, _ in sentences]
    out: dict[int, Evidence] = {}
    for start, _ in spans:
        i = max(0, bisect_right(starts, start) - 1)
        if i not in out:
            s, e = sentences[i]
            out[i] = Evidence(s, e, text[s:e])
    return list(out.values())


def _word_spans(text: str, cues: LanguageCues) -> list[list[tuple[int, int]]]:
    return [found.spans for found in _word_scanner(cues).scan(text)]


def _substring_spans(text: str, cues: LanguageCues) -> list[list[tuple[int, int]]]:
    automaton, count = _substring_automaton(cues)
    hits: list[list[tuple[int, int]]] = [[] for _ in range(count)]
    for last, (length, tables) in automaton.iter(text.lower()):
        for table in tables:
            hits[table].append((last - length + 1, last + 1))
    out = []
    for table_hits in hits:
        kept: list[tuple[int, int]] = []
        for start, end in sorted(table_hits, key=lambda h: (h[0], -h[1])):
            if not kept or start >= kept[-1][1]:
                kept.append((start, end))
        out.append(kept)
    return out


@lru_cache(maxsize=16)
def _word_scanner(cues: LanguageCues) -> CueScanner:
    return CueScanner([lexicon(dict.fromkeys(cues.cues[name], 1.0)) for name in _names(cues)])


@lru_cache(maxsize=16)
def _substring_automaton(cues: LanguageCues) -> tuple[ahocorasick.Automaton, int]:
    tables: dict[str, set[int]] = {}
    names = _names(cues)
    for number, name in enumerate(names):
        for cue in cues.cues[name]:
            tables.setdefault(cue.lower(), set()).add(number)
    automaton = ahocorasick.Automaton()
    for cue, numbers in tables.items():
        automaton.add_word(cue, (len(cue), tuple(sorted(numbers))))
    automaton.make_automaton()
    return automaton, len(names)


def _names(cues: LanguageCues) -> list[str]:
    unknown = set(cues.cues) - _ALL_TABLES
    if unknown:
        raise ValueError(f"{cues.code} cues name no English table: {sorted(unknown)}")
    return [name for table in TABLES for name in table if name in cues.cues]
