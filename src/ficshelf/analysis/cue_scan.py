"""Many cue lexicons, one pass: every lexicon's matches in a text from a single Aho-Corasick scan.

Python's ``re`` tries a case-insensitive alternation of dozens of cues at every word boundary, once per
lexicon; eighteen lexicons cost eighteen such passes. Here each cue's literal prefix (``blood`` for
``blood(?:y|ied)?``, ``he died`` and ``she died`` for ``(?:he|she) died``) goes into one automaton over the
lower-cased text; where a prefix starts a word, the lexicons holding it confirm the cue with their own regex
at that position. Each lexicon's matches are exactly its regex's ``finditer`` matches.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from ficshelf.analysis.cues import Lexicon, cue_weight_of
from ficshelf.analysis.results import Evidence
from ficshelf.analysis.sentences import sentence_index


@dataclass(frozen=True, slots=True)
class CueMatches:
    """One lexicon's matches in a text (``finditer``'s, non-overlapping) and one Evidence per distinct sentence."""

    spans: list[tuple[int, int]]
    evidence: list[Evidence]

    @property
    def starts(self) -> list[int]:
        return [start for start, _ in self.spans]


class CueScanner:
    def __init__(self, lexicons: Sequence[Lexicon]) -> None:
        self.lexicons = tuple(lexicons)
        stems: dict[str, set[int]] = {}
        for number, lex in enumerate(self.lexicons):
            for stem in lexicon_stems(lex):
                stems.setdefault(stem, set()).add(number)
        self.automaton = ahocorasick.Automaton()
        for stem, numbers in stems.items():
            self.automaton.add_word(stem, (len(stem), tuple(sorted(numbers))))
        self.automaton.make_automaton()

    def weights_by(self, text: str, group: Callable[[int], int], lowered: str | None = None) -> list[dict[int, float]]:
        """Per lexicon, the summed cue weights of a whole text grouped by ``group(offset)``: exactly what
        ``cues.cue_weights_by`` gives for each lexicon, from one scan. ``lowered``: ``lower_same_length(text)``."""
        lowered = lowered if lowered is not None else lower_same_length(text)
        found: list[dict[int, re.Match[str]]] = [{} for _ in self.lexicons]
        for last, (length, numbers) in self.automaton.iter(lowered):
            start = last - length + 1
            if start and (lowered[start - 1].isalnum() or lowered[start - 1] == "_"):
                continue
            for number in numbers:
                if start not in found[number]:
                    lex = self.lexicons[number]
                    match = lex.lowered.match(lowered, start) if lex.lowered else lex.pattern.match(text, start)
                    if match:
                        found[number][start] = match
        out: list[dict[int, float]] = []
        for lex, matches in zip(self.lexicons, found, strict=True):
            totals: dict[int, float] = {}
            end = 0
            for start in sorted(matches):
                if start >= end:  # as finditer: the next match starts after this one
                    match = matches[start]
                    end = match.end()
                    key = group(start)
                    totals[key] = totals.get(key, 0.0) + cue_weight_of(match.group(1).lower(), lex)
            out.append(totals)
        return out

    def scan(self, text: str) -> list[CueMatches]:
        """Matches of every lexicon, in the scanner's lexicon order."""
        found: list[dict[int, int]] = [{} for _ in self.lexicons]
        lowered = lower_same_length(text)
        for last, (length, numbers) in self.automaton.iter(lowered):
            start = last - length + 1
            if start and (lowered[start - 1].isalnum() or lowered[start - 1] == "_"):
                continue
            for number in numbers:
                if start not in found[number]:
                    match = self.lexicons[number].pattern.match(text, start)
                    if match:
                        found[number][start] = match.end()
        if not any(found):
            return [CueMatches([], []) for _ in self.lexicons]
        index = sentence_index(text)
        out = []
        for ends in found:
            spans: list[tuple[int, int]] = []
            for start in sorted(ends):
                if not spans or start >= spans[-1][1]:  # as finditer: the next match starts after this one
                    spans.append((start, ends[start]))
            evidence: dict[int, Evidence] = {}
            for start, _ in spans:
                i = index.index_of(start)
                if i not in evidence:
                    s, e, sentence = index.sentence(i)
                    evidence[i] = Evidence(s, e, sentence)
            out.append(CueMatches(spans, list(evidence.values())))
        return out


def lower_same_length(text: str) -> str:
    """``text.lower()`` with offsets kept (a character whose lower case is longer stays as it is)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def lexicon_stems(lex: Lexicon) -> set[str]:
    """Literal, lower-cased prefixes that every match of the lexicon starts with (one at least per cue)."""
    body = lex.pattern.pattern
    if body.startswith(r"\b(") and body.endswith(")"):
        body = body[3:-1]
    stems = {s.lower() for s in _expand(body)}
    if "" in stems:
        raise ValueError(f"a cue of {lex.pattern.pattern!r} has no literal prefix")
    return stems


@lru_cache(maxsize=256)
def _expand(pattern: str) -> frozenset[str]:
    """The literal prefixes of a small regex (literals, (?:a|b) groups, [ab] classes, ? and * and \\w*)."""
    out: set[str] = set()
    for alternative in _split(pattern):
        out |= _sequence(alternative)
    return frozenset(out)


def _sequence(pattern: str) -> set[str]:
    prefixes = {""}
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "(":
            close = _closing(pattern, i)
            inner = pattern[i + 1 : close]
            if inner.startswith(("?=", "?!", "?<")):
                return prefixes  # a lookaround: the regex checks it, the literal prefix ends here
            flags = re.match(r"\?[aiLmsux-]*:", inner)  # (?:…) and scoped flags such as (?-i:…)
            inner = inner[flags.end() :] if flags else inner
            choices: set[str] = set(_expand(inner))
            i = close + 1
        elif ch == "[":
            close = pattern.index("]", i)
            choices = set(pattern[i + 1 : close])
            i = close + 1
        elif ch == "\\":
            nxt = pattern[i + 1]
            i += 2
            if nxt in "bB":
                continue
            if nxt.isalnum():
                return prefixes  # \w, \s, \d …: the literal prefix ends here
            choices = {nxt}
        elif ch in ".^$":
            return prefixes
        else:
            choices = {ch}
            i += 1
        if i < len(pattern) and pattern[i] in "?*{":
            return prefixes
        plus = i < len(pattern) and pattern[i] == "+"
        prefixes = {p + c for p in prefixes for c in choices}
        if plus:
            return prefixes
    return prefixes


def _split(pattern: str) -> list[str]:
    """Top-level alternatives of a pattern."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def _closing(pattern: str, open_at: int) -> int:
    depth, i = 0, open_at
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError(f"unbalanced group in {pattern!r}")
