"""Fandom detection from knowledge-base hits: fandom terms and character names, weighted by specificity.

A term or name shared by several fandoms counts for each in proportion (1/n); a full name counts more than a
single name; repeated hits count with diminishing returns (1 + log n). The title and summary are scanned too.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from ficshelf.analysis.doc import Doc
from ficshelf.analysis.kb import KnowledgeBase, load_default
from ficshelf.analysis.matcher import AMBIGUOUS, NAME, TITLE, VOCAB, Hit, matcher_for
from ficshelf.analysis.results import FandomScore
from ficshelf.settings import get_settings

_KIND_WEIGHT = {VOCAB: 1.0, NAME: 1.0, TITLE: 0.7, AMBIGUOUS: 0.0}
_MULTIWORD_BONUS = 1.5
_MIN_SCORE = 1.0
_MAX_FANDOMS = 3


def default_kb() -> KnowledgeBase:
    extra = get_settings().knowledge_dir
    return load_default(str(extra) if extra else None)


class FandomAnalyser:
    name = "fandom"
    version = 1
    requires = ("text",)
    provides = ("hits", "fandoms")

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        self.kb = kb or default_kb()
        self.matcher = matcher_for(self.kb)

    def __call__(self, doc: Doc) -> None:
        doc.hits = self.matcher.scan(doc.text)
        extra = " \n".join(x for x in (doc.work.title, doc.work.summary) if x)
        hits = doc.hits + (self.matcher.scan(extra) if extra else [])
        doc.fandoms = score_fandoms(hits)


def score_fandoms(hits: list[Hit]) -> list[FandomScore]:
    counts: Counter[tuple[str, str]] = Counter()
    weights: dict[tuple[str, str], float] = {}
    for hit in hits:
        entries = {e.fandom: e for e in hit.entries if _KIND_WEIGHT[e.kind] > 0}
        if not entries:
            continue
        bonus = _MULTIWORD_BONUS if " " in hit.surface.strip() else 1.0
        for fandom, entry in entries.items():
            key = (fandom, entry.character.name if entry.character else hit.surface.lower())
            counts[key] += 1
            weight = _KIND_WEIGHT[entry.kind] * bonus / len(entries)
            weights[key] = max(weights.get(key, 0.0), weight)
    scores: dict[str, float] = defaultdict(float)
    evidence: dict[str, Counter[str]] = defaultdict(Counter)
    for (fandom, what), n in counts.items():
        scores[fandom] += weights[(fandom, what)] * (1 + math.log(n))
        evidence[fandom][what] += n
    ranked = sorted(((s, f) for f, s in scores.items() if s >= _MIN_SCORE), reverse=True)[:_MAX_FANDOMS]
    if not ranked:
        return []
    top = ranked[0][0]
    return [
        FandomScore(name=f, score=round(s / top, 3), evidence=[k for k, _ in evidence[f].most_common(8)])
        for s, f in ranked
        if s >= top * 0.25
    ]
