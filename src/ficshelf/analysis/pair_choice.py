"""Which romantic pairs an author would tag: every pair of the work's leading characters is scored on evidence
of several kinds, since most tagged couples never kiss in the text an archive holds (a first chapter, a slow
burn).

A pair's strength is the sum of
- ``log(1 + romantic cue weight)`` between the two (see relationships.py);
- 2 when the knowledge base knows the pair as a romantic ship (fans' popular couples), 1 less when it knows
  them only as a friendship ("Harry & Ron");
- 1 when the summary or notes name both (authors introduce their couple there);
- 1 for the two most-mentioned characters;
- the less-mentioned one's mentions as a share of the most-mentioned character's (0 to 1);
- minus 0.4 per place the less-mentioned one stands below the top (from the second place on, at most 5);
- in a work that reads as a romance (any romantic cue: a density above :data:`ROMANCE` per thousand words),
  for the most popular ship among the candidates (``works:`` in the knowledge base, about how many AO3 works
  carry its tag) when the most-mentioned character is in it, ``POPULAR`` times ``log10(works / POPULAR_FROM)``
  when that is positive: fans tag the big couple of a fandom even when the text an archive holds (a first
  chapter) barely mentions its second member.
A pair is suggested from :data:`SUGGEST` on; a pair the author names ("Pairing: Draco/Harry", "Drarry") always
is, with the author's sentence as its evidence. The weights were set on the development corpus (300 works
with their authors' tags), where the threshold sits on a broad plateau.

Candidates are the six most-mentioned characters the knowledge base knows, and those the summary or notes
name.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ficshelf.analysis.kb import KnowledgeBase
from ficshelf.analysis.pairings import PairingReader, Statement

SUGGEST = 2.5
#: the strength from which the best pair of a work without a main romantic pair becomes its main pair
MAIN = 3.0
_CANDIDATES = 6
_SHIP = 2.0
_FRIENDSHIP_ONLY = 1.0
_PARATEXT = 1.0
_TOP_TWO = 1.0
_RANK = 0.4
_MAX_RANK = 5
#: the popularity prior: weight per tenfold of works above POPULAR_FROM, in works reading as romances
POPULAR = 1.0
POPULAR_FROM = 1000
ROMANCE = 0.0


@dataclass(frozen=True, slots=True)
class Leading:
    """A candidate character: canonical name, mentions, and whether the summary or notes name them."""

    name: str
    mentions: int
    in_paratext: bool


@dataclass(frozen=True, slots=True)
class ScoredPair:
    characters: tuple[str, str]
    strength: float


def candidates(mentions: dict[str, int], paratext_names: set[str]) -> list[Leading]:
    ranked = sorted(mentions.items(), key=lambda item: (-item[1], item[0]))
    chosen = {name for name, _ in ranked[:_CANDIDATES]} | (paratext_names & mentions.keys())
    return [Leading(name, n, name in paratext_names) for name, n in ranked if name in chosen]


def score_pairs(
    leading: list[Leading],
    cues: dict[tuple[str, str], float],
    ships: dict[frozenset[str], str],
    popularity: dict[frozenset[str], int] | None = None,
) -> list[ScoredPair]:
    """Every candidate pair with its strength, strongest first (``cues`` keyed by the sorted pair;
    ``popularity``: the works of each popular ship, given only for a work that reads as a romance)."""
    popular = _most_popular(popularity or {}, leading)
    if not leading:
        return []
    top = max(1, leading[0].mentions)
    rank = {c.name: i for i, c in enumerate(leading)}
    scored = []
    for i, a in enumerate(leading):
        for b in leading[i + 1 :]:
            pair = (a.name, b.name) if a.name <= b.name else (b.name, a.name)
            lesser = max(rank[a.name], rank[b.name])
            ship = ships.get(frozenset(pair), "")
            strength = (
                math.log1p(cues.get(pair, 0.0))
                + (_SHIP if "romantic" in ship else -_FRIENDSHIP_ONLY if ship else 0.0)
                + (_PARATEXT if a.in_paratext and b.in_paratext else 0.0)
                + (_TOP_TWO if lesser == 1 else 0.0)
                + min(a.mentions, b.mentions) / top
                - _RANK * min(lesser, _MAX_RANK)
                + prior(popular.get(frozenset(pair), 0))
            )
            scored.append(ScoredPair(pair, round(strength, 3)))
    scored.sort(key=lambda p: (-p.strength, p.characters))
    return scored


@lru_cache(maxsize=64)
def ship_kinds(kb: KnowledgeBase, fandoms: frozenset[str]) -> dict[frozenset[str], str]:
    """Each pair of a ship of these fandoms with the kinds it is shipped as ("romantic platonic")."""
    kinds: dict[frozenset[str], set[str]] = {}
    for name in fandoms:
        for ship in kb.fandoms[name].ships:
            for pair in ship.pairs:
                kinds.setdefault(frozenset(pair), set()).add(ship.kind)
    return {pair: " ".join(sorted(k)) for pair, k in kinds.items()}


def _most_popular(popularity: dict[frozenset[str], int], leading: list[Leading]) -> dict[frozenset[str], int]:
    """The most popular ship among the candidates, alone, and only when the most-mentioned character is in it:
    a work has one leading couple, most often with its protagonist in it; giving the prior to every popular
    pair of the cast, or to a popular pair of side characters, suggests couples the author did not tag."""
    present = {c.name for c in leading}
    inside = [(works, sorted(pair)) for pair, works in popularity.items() if pair <= present]
    if not inside:
        return {}
    works, pair = max(inside)
    return {frozenset(pair): works} if leading[0].name in pair else {}


def prior(works: int) -> float:
    """The popularity prior of a ship with about ``works`` AO3 works: 0 up to POPULAR_FROM, then growing with
    the logarithm (a ship ten times as popular gains POPULAR more)."""
    return POPULAR * math.log10(works / POPULAR_FROM) if works > POPULAR_FROM else 0.0


def reads_as_romance(cue_density: float) -> bool:
    """Whether a work's romantic cues per thousand words make it read as a romance (the popularity prior's gate)."""
    return cue_density > ROMANCE


@lru_cache(maxsize=64)
def ship_works(kb: KnowledgeBase, fandoms: frozenset[str]) -> dict[frozenset[str], int]:
    """Each pair of a romantic ship of these fandoms with the most works a ship holding it has (0 unknown)."""
    works: dict[frozenset[str], int] = {}
    for name in fandoms:
        for ship in kb.fandoms[name].ships:
            if ship.kind == "romantic" and ship.works:
                for pair in ship.pairs:
                    works[frozenset(pair)] = max(works.get(frozenset(pair), 0), ship.works)
    return works


@lru_cache(maxsize=64)
def pairing_reader(kb: KnowledgeBase, fandoms: frozenset[str]) -> PairingReader:
    chosen = [kb.fandoms[name] for name in sorted(fandoms)]
    return PairingReader(
        (c for f in chosen for c in f.characters.values()),
        (s for f in chosen for s in f.ships),
    )


def author_statements(kb: KnowledgeBase, fandoms: frozenset[str], paratext: Iterable[str]) -> list[Statement]:
    return pairing_reader(kb, fandoms).statements(paratext)
