"""Relationships: pairs of characters with romantic or platonic evidence, main or background.

Evidence is a sentence holding a cue (kiss, lovers, dating, crush …; friends, teammates, rivals, siblings …)
and two characters: both named in it (full weight, shared out when more are named), or one named and one a
pronoun whose antecedent is the first character of that gender in the sentence before (half weight). A quote
counts its speaker as present.
A pair is kept when its evidence reaches the threshold; the kind with more evidence wins. A pair of two main
characters is ``main``, any other ``background``. When a work signals romance as a whole (its notes or
summary say "slash", "gay", "yaoi", "romance", "OTP" …, or its text has romantic cues without named pairs)
and no main pair was found, the two main characters are taken as the main romantic pair, with that signal
as evidence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable

from ficshelf.analysis.cues import PLATONIC, ROMANCE_SIGNAL, ROMANTIC, cue_weight
from ficshelf.analysis.doc import Doc
from ficshelf.analysis.results import CharacterResult, Evidence, Relationship
from ficshelf.analysis.sentences import sentence_index

_THRESHOLD = 1.5
_PRONOUN = re.compile(r"\b(he|him|his|she|her)\b", re.I)
_MAX_EVIDENCE = 4
_FIRST_PERSON = re.compile(r"\b(?:I|me|my)\b")


class RelationshipsAnalyser:
    name = "relationships"
    version = 1
    requires = ("text", "characters", "quotes", "structure")
    provides = ("relationships",)

    def __call__(self, doc: Doc) -> None:
        known = {c.name: c for c in doc.characters if c.known}
        mentions = sorted((s, c.name) for c in known.values() for s, _ in c.spans)
        starts = [s for s, _ in mentions]
        scores: dict[tuple[str, str, str], float] = defaultdict(float)
        evidence: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
        previous: list[str] = []
        romantic_unpaired = 0.0
        for start, end in sentence_index(doc.text).spans:
            sentence = doc.text[start:end]
            named = _unique(name for _, name in mentions[bisect_left(starts, start) : bisect_left(starts, end)])
            speakers = [q.speaker for q in doc.quotes if q.speaker in known and q.start < end and start < q.end]
            speaker = next((q.speaker for q in doc.quotes if q.speaker in known and q.start <= start < q.end), None)
            named += [s for s in speakers if s and s not in named]
            for kind, lexicon in (("romantic", ROMANTIC), ("platonic", PLATONIC)):
                weight = cue_weight(sentence, lexicon)
                if not weight:
                    continue
                if speaker and _FIRST_PERSON.search(sentence):
                    # inside a quote, "I love X" pairs the speaker with X, not X with whoever else is named
                    pairs = [((speaker, n), 1.0 / len(named)) for n in named if n != speaker]
                else:
                    pairs = _pairs(named, 1.0 / max(1, len(named) - 1))
                if len(named) == 1 and _PRONOUN.search(sentence):
                    antecedent = _antecedent(previous, known, named[0], sentence)
                    if antecedent:
                        pairs.append(((named[0], antecedent), 0.5))
                if kind == "romantic" and not pairs:
                    romantic_unpaired += weight
                for (a, b), share in pairs:
                    first, second = sorted((a, b))
                    key = (first, second, kind)
                    scores[key] += weight * share
                    if len(evidence[key]) < _MAX_EVIDENCE:
                        evidence[key].append(Evidence(start, end, sentence))
            if named:
                previous = named
        doc.relationships = _decide(scores, evidence, known)
        if not any(r.role == "main" and r.kind == "romantic" for r in doc.relationships):
            _fallback_main_pair(doc, known, romantic_unpaired)


def _unique(names: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for name in names:
        if name not in seen:
            seen.append(name)
    return seen


def _pairs(named: list[str], share: float) -> list[tuple[tuple[str, str], float]]:
    return [((a, b), share) for i, a in enumerate(named) for b in named[i + 1 :]]


def _antecedent(previous: list[str], known: dict[str, CharacterResult], current: str, sentence: str) -> str | None:
    genders = {"f" if p.lower() in ("she", "her") else "m" for p in _PRONOUN.findall(sentence)}
    for name in previous:
        if name != current and name in known and known[name].gender in genders:
            return name
    return None


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
        found.append(Relationship((a, b), kind, role, round(min(1.0, score / 10), 3), evidence[(a, b, kind)]))
    found.sort(key=lambda r: (r.role != "main", -r.score))
    return found


def _fallback_main_pair(doc: Doc, known: dict[str, CharacterResult], unpaired: float) -> None:
    mains = [c for c in known.values() if c.role == "main"]
    if len(mains) != 2:
        return
    framing = " ".join([doc.work.summary, *doc.work.notes_beginning])
    if doc.structure:
        framing += " " + " ".join(s.text for s in (*doc.structure.notes_beginning, *doc.structure.notes_end))
    signal = ROMANCE_SIGNAL.search(framing)
    if signal is None and unpaired < 3:
        return
    a, b = sorted(c.name for c in mains)
    doc.relationships = [r for r in doc.relationships if set(r.characters) != {a, b}]
    proof = [Evidence(0, 0, signal.group(0))] if signal else []
    doc.relationships.insert(0, Relationship((a, b), "romantic", "main", 0.3, proof))
