"""One pass over a text finds every knowledge-base name, title and fandom term in it.

An Aho-Corasick automaton (pyahocorasick, C) over the lower-cased forms of every character and vocabulary
term of every fandom scans a work once, whatever the size of the knowledge base; a Python regex alternation
of thousands of names would be tried name by name at each position. Hits are kept only at word boundaries.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from ficshelf.analysis.kb import Character, KnowledgeBase

NAME, TITLE, AMBIGUOUS, VOCAB = "name", "title", "ambiguous", "vocab"


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str
    fandom: str
    character: Character | None


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    surface: str
    entries: tuple[Entry, ...]


class Matcher:
    def __init__(self, kb: KnowledgeBase) -> None:
        forms: dict[str, list[Entry]] = defaultdict(list)
        for fandom in kb.fandoms.values():
            for character in fandom.characters.values():
                for form in character.names:
                    forms[form].append(Entry(NAME, fandom.name, character))
                for form in character.titles:
                    forms[form].append(Entry(TITLE, fandom.name, character))
                for form in character.ambiguous:
                    forms[form].append(Entry(AMBIGUOUS, fandom.name, character))
            for term in fandom.vocabulary:
                forms[term.lower()].append(Entry(VOCAB, fandom.name, None))
        self.automaton = ahocorasick.Automaton()
        for form, entries in forms.items():
            if len(form) >= 2:
                self.automaton.add_word(form, (len(form), tuple(entries)))
        self.automaton.make_automaton()

    def scan(self, text: str) -> list[Hit]:
        """Every longest match at word boundaries, in text order, overlaps resolved to the longer one."""
        lowered = _lower_same_length(text)
        hits: list[Hit] = []
        n = len(text)
        for end_index, (length, entries) in self.automaton.iter(lowered):  # hot loop: checks inlined
            start = end_index - length + 1
            end = end_index + 1
            if start > 0:
                ch = lowered[start - 1]
                if ch.isalnum() or ch == "_":
                    continue
            if end < n:
                ch = lowered[end]
                if ch.isalnum() or ch == "_":
                    continue
            surface = text[start:end]
            if surface.islower() and " " not in surface:
                # a one-word name written in lower case is a word, not a name ("me", "will");
                # ambiguous forms are judged later by the characters analyser, terms stay case-free
                entries = tuple(e for e in entries if e.kind != NAME)
                if not entries:
                    continue
            if hits and start < hits[-1].end:
                if end - start <= hits[-1].end - hits[-1].start:
                    continue
                while hits and start < hits[-1].end:
                    hits.pop()
            hits.append(Hit(start, end, surface, entries))
        return hits


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@lru_cache(maxsize=4)
def matcher_for(kb: KnowledgeBase) -> Matcher:
    return Matcher(kb)
