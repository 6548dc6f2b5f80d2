"""Relationships: pairs of characters with romantic or platonic evidence, main or background.

Evidence is a sentence holding a cue (kiss, lovers, dating, crush …; friends, teammates, rivals, siblings …)
and two characters: both named in it (full weight, shared out when more are named), or one named and one a
pronoun whose antecedent is the first character of that gender in the last sentence before that names anyone
(half weight). A quote counts its speaker as present.
A pair is kept when its evidence reaches the threshold; the kind with more evidence wins. A pair of two main
characters is ``main``, any other ``background``.

The main pair of a romance: when no main romantic pair was found that way, the two most-mentioned characters
are taken as the main romantic pair if they share enough sentences (co-occurrence) and the work reads as a
romance — its notes or summary say "slash", "romance", "OTP" …, or its text carries romantic cues at a
density of at least two per thousand words.

A relationship is *suggested* as a tag (what an author would tag) when it is main, or background with strong
evidence.

Cost: one Aho-Corasick pass finds the cues of both lexicons in the whole text; only sentences holding a cue
are looked at, each found by bisection, so the work is linear in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from ficshelf.analysis.cue_scan import CueScanner
from ficshelf.analysis.cues import PLATONIC, ROMANCE_SIGNAL, ROMANTIC, lower_same_length
from ficshelf.analysis.doc import Doc
from ficshelf.analysis.results import CharacterResult, Evidence, Quote, Relationship
from ficshelf.analysis.sentences import SentenceIndex, sentence_index

_THRESHOLD = 1.5
_SUGGEST_OTHER = 6.0
_PRONOUN = re.compile(r"\b(he|him|his|she|her)\b", re.I)
_MAX_EVIDENCE = 4
_FIRST_PERSON = re.compile(r"\b(?:I|me|my)\b")
#: romantic cue weight per thousand words from which a text reads as a romance
_ROMANCE_DENSITY = 2.0
#: sentences naming both of the top two characters (within a window), needed to pair them without a named cue
_MIN_SHARED_SENTENCES = 1
_WINDOW = 2
#: the second character's mentions, as a share of the first's, needed to pair them without a named cue
_MIN_SECOND_SHARE = 0.2
_KINDS = ("romantic", "platonic")


class RelationshipsAnalyser:
    name = "relationships"
    version = 2
    requires = ("text", "characters", "quotes", "structure")
    provides = ("relationships",)

    def __call__(self, doc: Doc) -> None:
        known = {c.name: c for c in doc.characters if c.known}
        index = sentence_index(doc.text)
        people = _People(known, doc.quotes, index)
        scores: dict[tuple[str, str, str], float] = defaultdict(float)
        evidence: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
        romantic_total = 0.0
        romantic_unpaired = 0.0
        weights = _scanner().weights_by(doc.text, index.index_of, lower_same_length(doc.text))
        for kind, by_sentence in zip(_KINDS, weights, strict=True):
            for number, weight in by_sentence.items():
                if kind == "romantic":
                    romantic_total += weight
                start, end, sentence = index.sentence(number)
                pairs = people.pairs(number, start, end, sentence)
                if kind == "romantic" and not pairs:
                    romantic_unpaired += weight
                for (a, b), share in pairs:
                    first, second = sorted((a, b))
                    key = (first, second, kind)
                    scores[key] += weight * share
                    if len(evidence[key]) < _MAX_EVIDENCE:
                        evidence[key].append(Evidence(start, end, sentence))
        doc.relationships = _decide(scores, evidence, known)
        if not any(r.role == "main" and r.kind == "romantic" for r in doc.relationships):
            words = doc.stats.words if doc.stats else len(doc.text.split())
            density = romantic_total * 1000 / max(1, words)
            _main_pair(doc, known, people, romantic_unpaired, density)
        for rel in doc.relationships:
            if rel.suggested:  # an author who tags a relationship tags both its characters
                for name in rel.characters:
                    known[name].suggested = True


class _People:
    """Who is present in a sentence: the characters named in it and the speakers of quotes overlapping it."""

    def __init__(self, known: dict[str, CharacterResult], quotes: list[Quote], index: SentenceIndex) -> None:
        self.known = known
        self.index = index
        self.mentions = sorted((s, c.name) for c in known.values() for s, _ in c.spans)
        self.starts = [s for s, _ in self.mentions]
        self.quotes = sorted((q for q in quotes if q.speaker in known), key=lambda q: q.start)
        self.quote_starts = [q.start for q in self.quotes]

    def named(self, start: int, end: int) -> list[str]:
        return _unique(
            name for _, name in self.mentions[bisect_left(self.starts, start) : bisect_left(self.starts, end)]
        )

    def pairs(self, number: int, start: int, end: int, sentence: str) -> list[tuple[tuple[str, str], float]]:
        named = self.named(start, end)
        # quotes overlapping the sentence: those starting before its end and ending after its start
        last = bisect_left(self.quote_starts, end)
        first = max(0, bisect_right(self.quote_starts, start) - 1)
        overlapping = [q for q in self.quotes[first:last] if q.end > start]
        speaker = next((q.speaker for q in overlapping if q.start <= start < q.end), None)
        named += _unique(q.speaker for q in overlapping if q.speaker and q.speaker not in named)
        if speaker and _FIRST_PERSON.search(sentence):
            # inside a quote, "I love X" pairs the speaker with X, not X with whoever else is named
            pairs = [((speaker, n), 1.0 / len(named)) for n in named if n != speaker]
        else:
            share = 1.0 / max(1, len(named) - 1)
            pairs = [((a, b), share) for i, a in enumerate(named) for b in named[i + 1 :]]
        if len(named) == 1 and _PRONOUN.search(sentence):
            antecedent = self._antecedent(start, named[0], sentence)
            if antecedent:
                pairs.append(((named[0], antecedent), 0.5))
        return pairs

    def _antecedent(self, start: int, current: str, sentence: str) -> str | None:
        """The first character of the pronoun's gender named in the last sentence before that names anyone."""
        before = bisect_left(self.starts, start)
        if not before:
            return None
        s, e, _ = self.index.sentence(self.index.index_of(self.starts[before - 1]))
        genders = {"f" if p.lower() in ("she", "her") else "m" for p in _PRONOUN.findall(sentence)}
        for name in self.named(s, e):
            if name != current and self.known[name].gender in genders:
                return name
        return None

    def shared_sentences(self, a: str, b: str) -> list[int]:
        """The numbers of the sentences naming ``a`` with ``b`` named within two sentences, in text order
        (a point-of-view character is often "he" or "she" in the sentences around the other's name)."""
        where: dict[str, set[int]] = {a: set(), b: set()}
        for s, name in self.mentions:
            if name in where:
                where[name].add(self.index.index_of(s))
        near = {n + d for n in where[b] for d in range(-_WINDOW, _WINDOW + 1)}
        return sorted(where[a] & near)


@lru_cache(maxsize=1)
def _scanner() -> CueScanner:
    """Both relationship lexicons in one automaton: one pass over the text finds every cue of either."""
    return CueScanner([ROMANTIC, PLATONIC])


def _unique(names: Iterable[str | None]) -> list[str]:
    seen: list[str] = []
    for name in names:
        if name and name not in seen:
            seen.append(name)
    return seen


def _decide(
    scores: dict[tuple[str, str, str], float],
    evidence: dict[tuple[str, str, str], list[Evidence]],
    known: dict[str, CharacterResult],
) -> list[Relationship]:
    best: dict[tuple[str, str], tuple[float, str]] = {}
    for (a, b, kind), score in scores.items():
        if score >= _THRESHOLD and score > best.get((a, b), (0.0, ""))[0]:
            best[(a, b)] = (score, kind)
    found = []
    for (a, b), (score, kind) in best.items():
        role = "main" if known[a].role == "main" and known[b].role == "main" else "background"
        suggested = (role == "main" and kind == "romantic") or score >= _SUGGEST_OTHER
        found.append(
            Relationship((a, b), kind, role, confidence(score / 10, suggested), evidence[(a, b, kind)], suggested)
        )
    found.sort(key=lambda r: (r.role != "main", -r.score))
    return found


def _main_pair(doc: Doc, known: dict[str, CharacterResult], people: _People, unpaired: float, density: float) -> None:
    """The two most-mentioned characters as the main romantic pair, when they share sentences; the score says how
    much the work reads as a romance (notes or summary, romantic cues without a named pair, cue density)."""
    ranked = sorted(known.values(), key=lambda c: (-c.mentions, c.name))[:2]
    if len(ranked) != 2 or ranked[1].mentions < ranked[0].mentions * _MIN_SECOND_SHARE:
        return
    first, second = ranked
    shared = people.shared_sentences(first.name, second.name)
    if len(shared) < _MIN_SHARED_SENTENCES:
        return
    framing = " ".join([doc.work.summary, *doc.work.notes_beginning])
    if doc.structure:
        framing += " " + " ".join(s.text for s in (*doc.structure.notes_beginning, *doc.structure.notes_end))
    signal = ROMANCE_SIGNAL.search(framing)
    romance = signal is not None or unpaired >= 3 or density >= _ROMANCE_DENSITY
    a, b = sorted((first.name, second.name))
    for rel in doc.relationships:
        if rel.characters == (a, b) and rel.kind == "romantic":  # found with a cue, but not both main
            if not rel.suggested:
                rel.score = confidence(rel.score * 2, True)
            rel.role, rel.suggested = "main", True
            return
    doc.relationships = [r for r in doc.relationships if set(r.characters) != {a, b}]
    proof = [Evidence(0, 0, signal.group(0))] if signal else []
    proof += [Evidence(*people.index.sentence(n)) for n in shared[:2]]
    strength = 0.3 if romance else 0.1
    doc.relationships.insert(0, Relationship((a, b), "romantic", "main", confidence(strength, True), proof, True))


def confidence(strength: float, suggested: bool) -> float:
    """A relationship's score: its evidence strength (points / 10, at most 1) placed in [0.5, 1] when it is
    suggested as a tag and in [0, 0.5) when not, so one threshold (0.5) separates the two and, within each,
    more evidence scores higher."""
    strength = min(1.0, max(0.0, strength))
    return round(0.5 + strength / 2 if suggested else min(strength / 2, 0.499), 3)
