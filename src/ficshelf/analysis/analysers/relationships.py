"""Relationships: pairs of characters with romantic or platonic evidence, main or background.

Evidence is a sentence holding a cue (kiss, lovers, dating, crush …; friends, teammates, rivals, siblings …)
and two characters: both named in it (full weight, shared out when more are named), or one named and one a
pronoun whose antecedent is the first character of that gender in the last sentence before that names anyone
(half weight). A quote counts its speaker as present.
A pair is kept when its evidence reaches the threshold; the kind with more evidence wins. A pair of two main
characters is ``main``, any other ``background``.

Which pairs an author would tag (``suggested``): a pairing the author names in the summary or notes
(``pairings``), romantic pairs strong enough by ``pair_choice`` (cues, knowledge-base ships, the summary naming
both, mention ranks), a main romantic pair found from cues, or a romantic pair with strong evidence; friendships
never from the text alone. When cues found no main romantic pair, the strongest pair from ``pair_choice.MAIN``
on becomes the main one. Beside the pairs, ``doc.romance`` keeps the romantic cue density and the share of
female pronouns, from which the category of a romance without a suggested pair is read.

Cost: one Aho-Corasick pass finds the cues of both lexicons in the whole text; only sentences holding a cue
are looked at, each found by bisection, so the work is linear in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from ficshelf.analysis import pair_choice
from ficshelf.analysis.analysers.fandom import default_kb
from ficshelf.analysis.cue_scan import CueScanner
from ficshelf.analysis.cues import PLATONIC, ROMANTIC, lower_same_length
from ficshelf.analysis.doc import Doc
from ficshelf.analysis.kb import KnowledgeBase
from ficshelf.analysis.matcher import matcher_for
from ficshelf.analysis.pairings import paratext
from ficshelf.analysis.results import CharacterResult, Evidence, Quote, Relationship, RomanceSignals
from ficshelf.analysis.sentences import SentenceIndex, sentence_index

_THRESHOLD = 1.5
_SUGGEST_OTHER = 6.0
_PRONOUN = re.compile(r"\b(he|him|his|she|her)\b", re.I)
_MAX_EVIDENCE = 4
_FIRST_PERSON = re.compile(r"\b(?:I|me|my)\b")
_WINDOW = 2
_KINDS = ("romantic", "platonic")
_PRONOUNS = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b")
_FEMALE = frozenset({"she", "her", "hers", "herself"})
#: characters of the text in which pronouns are counted: their genders show well before that
_PRONOUN_SAMPLE = 40_000


class RelationshipsAnalyser:
    name = "relationships"
    version = 4
    requires = ("text", "characters", "quotes", "structure")
    provides = ("relationships",)

    def __call__(self, doc: Doc) -> None:
        known = {c.name: c for c in doc.characters if c.known}
        index = sentence_index(doc.text)
        people = _People(known, doc.quotes, index)
        scores: dict[tuple[str, str, str], float] = defaultdict(float)
        evidence: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
        lowered = lower_same_length(doc.text)
        weights = _scanner().weights_by(doc.text, index.index_of, lowered)
        doc.romance = _signals(lowered, sum(weights[0].values()), doc.stats.words if doc.stats else 0)
        for kind, by_sentence in zip(_KINDS, weights, strict=True):
            for number, weight in by_sentence.items():
                start, end, sentence = index.sentence(number)
                pairs = people.pairs(number, start, end, sentence)
                for (a, b), share in pairs:
                    first, second = sorted((a, b))
                    key = (first, second, kind)
                    scores[key] += weight * share
                    if len(evidence[key]) < _MAX_EVIDENCE:
                        evidence[key].append(Evidence(start, end, sentence))
        doc.relationships = _decide(scores, evidence, known)
        romantic = {(a, b): score for (a, b, kind), score in scores.items() if kind == "romantic"}
        _suggest(doc, known, people, romantic)
        for rel in doc.relationships:
            if rel.suggested:  # an author who tags a relationship tags both its characters
                for name in rel.characters:
                    if name in known:
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


def _signals(lowered: str, romantic_weight: float, words: int) -> RomanceSignals:
    pronouns = _PRONOUNS.findall(lowered, 0, _PRONOUN_SAMPLE)
    female = sum(pronouns.count(p) for p in _FEMALE)
    return RomanceSignals(
        round(romantic_weight * 1000 / max(1, words or len(lowered.split())), 3),
        round(female / max(1, len(pronouns)), 3),
        len(pronouns),
    )


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


def _suggest(
    doc: Doc, known: dict[str, CharacterResult], people: _People, romantic: dict[tuple[str, str], float]
) -> None:
    """Mark the romantic pairs an author would tag (see ``pair_choice``): those the summary or notes name, and
    those whose strength reaches the threshold; a friendship is never suggested from the text alone. When no
    main romantic pair was found from cues, the strongest pair from ``pair_choice.MAIN`` on becomes main."""
    kb = default_kb()
    fandoms = frozenset(f.name for f in doc.fandoms if f.score >= 0.5 and f.name in kb.fandoms)
    around = paratext(doc)
    named = _named_in(kb, around, known)
    mentions = {name: c.mentions for name, c in known.items()}
    romance = doc.romance is not None and pair_choice.reads_as_romance(doc.romance.cue_density)
    scored = pair_choice.score_pairs(
        pair_choice.candidates(mentions, named),
        romantic,
        pair_choice.ship_kinds(kb, fandoms),
        pair_choice.ship_works(kb, fandoms) if romance else None,
    )
    statements = pair_choice.author_statements(kb, fandoms, around) if fandoms else []
    by_pair = {(r.characters, r.kind): r for r in doc.relationships}
    for rel in doc.relationships:
        if rel.kind == "platonic":
            rel.suggested, rel.score = False, confidence(rel.score * 2, False)
    has_main = any(r.role == "main" and r.kind == "romantic" for r in doc.relationships)
    for statement in statements:
        proof = Evidence(0, 0, statement.text)
        stated = by_pair.get((statement.characters, "romantic"))
        if stated is None:
            stated = _added(doc, by_pair, _new(statement.characters, known, 1.0, [proof]))
        else:
            stated.evidence.insert(0, proof)
        stated.suggested, stated.score = True, max(stated.score, confidence(1.0, True))
    for rank, pair in enumerate(scored):
        if pair.strength < pair_choice.SUGGEST:
            break
        strong = by_pair.get((pair.characters, "romantic"))
        if strong is None:
            proof_list = [Evidence(*people.index.sentence(n)) for n in people.shared_sentences(*pair.characters)[:2]]
            strong = _added(doc, by_pair, _new(pair.characters, known, pair.strength / 10, proof_list))
        elif not strong.suggested:
            strong.suggested, strong.score = True, confidence(max(pair.strength / 10, strong.score * 2), True)
        if rank == 0 and not has_main and pair.strength >= pair_choice.MAIN:
            strong.role = "main"
    doc.relationships.sort(key=lambda r: (r.role != "main", -r.score))


def _added(doc: Doc, by_pair: dict[tuple[tuple[str, str], str], Relationship], rel: Relationship) -> Relationship:
    by_pair[(rel.characters, rel.kind)] = rel
    doc.relationships.append(rel)
    return rel


def _new(
    pair: tuple[str, str], known: dict[str, CharacterResult], strength: float, proof: list[Evidence]
) -> Relationship:
    both_main = all(n in known and known[n].role == "main" for n in pair)
    return Relationship(
        pair, "romantic", "main" if both_main else "background", confidence(strength, True), proof, True
    )


def _named_in(kb: KnowledgeBase, texts: list[str], known: dict[str, CharacterResult]) -> set[str]:
    """The known characters the summary or notes name."""
    matcher = matcher_for(kb)
    return {
        e.character.name
        for text in texts
        for hit in matcher.scan(text)
        for e in hit.entries
        if e.character is not None and e.character.name in known
    }


def confidence(strength: float, suggested: bool) -> float:
    """A relationship's score: its evidence strength (points / 10, at most 1) placed in [0.5, 1] when it is
    suggested as a tag and in [0, 0.5) when not, so one threshold (0.5) separates the two and, within each,
    more evidence scores higher."""
    strength = min(1.0, max(0.0, strength))
    return round(0.5 + strength / 2 if suggested else min(strength / 2, 0.499), 3)
