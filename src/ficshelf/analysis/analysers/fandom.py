"""Fandom detection: knowledge-base names and terms found in a work, weighed by how much each says.

Each hit is evidence of one or more fandoms (docs/knowledge-base.md, "How fandoms are detected"):

* **Strength** of a hit: a fandom term or a name 1, a title 0.7, an ambiguous alias 0.4 when capitalised in
  mid-sentence (else nothing), the fandom's own name in the title, summary or notes 3 (an acronym in
  capitals 1, any other one-word name 0.5: "Supernatural" may be a word), a one-word ship name there 1; a form
  of two words or more counts 1.5 times.
* **Share**: a form that several fandoms know is split between them in proportion to
  ``strength × prior``, the prior being the fandom's size on AO3 (``works`` in its file) to the power 0.35:
  "Harry" is Harry Potter's far more often than One Direction's or Star Trek's, yet "Louis" and "Niall" beside
  it are One Direction's alone. A main-cast character (``major``) counts double in that proportion.
* **Worlds**: fandoms naming each other in ``related`` share a world (Harry Potter, Fantastic Beasts, Cursed
  Child); a term or ship name only they list counts fully for each, so their characters decide; one behind
  another of its world is listed only on evidence of its own.
* **Repetition**: the evidence for one character or term of a fandom counts ``1 + ln n`` for n hits.

A fandom is suggested when its score reaches 1.0 and a quarter of the best one's; at most three, best first.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable

from ficshelf.analysis.doc import Doc
from ficshelf.analysis.fandom_scan import FANDOM_NAME, SHIP_NAME, FandomScanner, scanner_for
from ficshelf.analysis.kb import KnowledgeBase, load_default
from ficshelf.analysis.matcher import AMBIGUOUS, NAME, TITLE, VOCAB, Hit, matcher_for
from ficshelf.analysis.results import FandomScore
from ficshelf.settings import get_settings

_STRENGTH = {VOCAB: 1.0, NAME: 1.0, TITLE: 0.7, AMBIGUOUS: 0.4, FANDOM_NAME: 3.0, SHIP_NAME: 1.0}
_ACRONYM = 1.0
_ONE_WORD_FANDOM_NAME = 0.5
_MULTIWORD_BONUS = 1.5
_MAJOR_BONUS = 2.0
_PRIOR_EXPONENT = 0.35
_UNKNOWN_WORKS = 5000
_MIN_SCORE = 1.0
_MIN_SHARE_OF_BEST = 0.25
_MAX_FANDOMS = 3
_SENTENCE_END = frozenset(".!?\"“”‘’'…:;—–-*([\n")
_ENGLISH = ("en", "und", "")


def default_kb() -> KnowledgeBase:
    """The built-in knowledge base and the learned files (FICSHELF_KNOWLEDGE_DIR, else the data folder's
    ``learned/`` when it exists; see ``ficshelf learn``)."""
    settings = get_settings()
    extra = settings.knowledge_dir
    if extra is None and (settings.data_dir / "learned").is_dir():
        extra = settings.data_dir / "learned"
    return load_default(str(extra) if extra else None)


class FandomAnalyser:
    name = "fandom"
    version = 2
    requires = ("text",)
    provides = ("hits", "fandoms")

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        self.kb = kb or default_kb()
        self.matcher = matcher_for(self.kb)
        self.scanner: FandomScanner = scanner_for(self.kb)
        self.priors = priors(self.kb)
        self.universes = universes(self.kb)

    def __call__(self, doc: Doc) -> None:
        doc.hits = self.matcher.scan(doc.text)
        evidence = [(doc.text, doc.hits)]
        if doc.language not in _ENGLISH:
            doc.loose_hits = self.scanner.loose_hits(doc.text, doc.hits)
            evidence.append((doc.text, doc.loose_hits))
        for extra in _paratext(doc):
            evidence.append((extra, self.matcher.scan(extra) + self.scanner.fandom_names(extra)))
        if doc.structure is not None:  # notes found inside the text: its names are already counted
            for span in (*doc.structure.notes_beginning, *doc.structure.notes_end):
                evidence.append((span.text, self.scanner.fandom_names(span.text)))
        doc.fandoms = score_fandoms(evidence, self.priors, self.universes)


def priors(kb: KnowledgeBase) -> dict[str, float]:
    """Each fandom's prior weight: its size on AO3 to the power 0.35 (a middling size when unknown)."""
    return {name: (f.works or _UNKNOWN_WORKS) ** _PRIOR_EXPONENT for name, f in kb.fandoms.items()}


def universes(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """Each fandom with the fandoms of its world: itself and those it or they name as `related`."""
    linked: dict[str, set[str]] = {name: {name} for name in kb.fandoms}
    for name, fandom in kb.fandoms.items():
        for other in fandom.related:
            found = kb.fandom(other)
            if found is not None:
                linked[name].add(found.name)
                linked[found.name].add(name)
    return {name: frozenset(group) for name, group in linked.items()}


def _paratext(doc: Doc) -> list[str]:
    """The title, summary and notes the importer found beside the text: where authors name their fandom."""
    work = doc.work
    parts = [work.title, work.summary, *work.notes_beginning, *work.notes_end]
    for chapter in work.chapters:
        parts += [chapter.summary, *chapter.notes_beginning, *chapter.notes_end]
    return [p for p in parts if p and p.strip()]


def score_fandoms(
    evidence: Iterable[tuple[str, list[Hit]]],
    prior: dict[str, float],
    universe: dict[str, frozenset[str]] | None = None,
) -> list[FandomScore]:
    """Rank fandoms from (text, hits in that text) pairs; see the module docstring."""
    counts: Counter[tuple[str, str]] = Counter()
    weights: dict[tuple[str, str], float] = {}
    worldwide: set[tuple[str, str]] = set()  # keys a whole world shares ("hogwarts" for each wizarding fandom)
    world = universe or {}
    # a hit's shares depend on its surface and entries only, unless an entry is ambiguous (then on its place);
    # the memo keeps each entries tuple alive, so the id in its key cannot be reused by another while it runs
    memo: dict[tuple[str, int], tuple[object, list[tuple[tuple[str, str], float, bool]]]] = {}
    for text, hits in evidence:
        for hit in hits:
            memo_key = (hit.surface, id(hit.entries))
            remembered = memo.get(memo_key)
            if remembered is not None:
                shares = remembered[1]
            else:
                shares = _shares(text, hit, prior, world)
                if all(entry.kind != AMBIGUOUS for entry in hit.entries):
                    memo[memo_key] = (hit.entries, shares)
            for key, weight, shared in shares:
                counts[key] += 1
                weights[key] = max(weights.get(key, 0.0), weight)
                if shared:
                    worldwide.add(key)
    scores: dict[str, float] = defaultdict(float)
    own: dict[str, float] = defaultdict(float)
    found: dict[str, Counter[str]] = defaultdict(Counter)
    for (fandom, what), n in counts.items():
        value = weights[(fandom, what)] * (1 + math.log(n))
        scores[fandom] += value
        own[fandom] += 0.0 if (fandom, what) in worldwide else value
        found[fandom][what] += n
    ranked = sorted(((s, prior.get(f, 0.0), f) for f, s in scores.items() if s >= _MIN_SCORE), reverse=True)
    if not ranked:
        return []
    top = ranked[0][0]
    kept: list[tuple[float, str]] = []
    for s, _, f in ranked:
        if len(kept) == _MAX_FANDOMS or s < top * _MIN_SHARE_OF_BEST:
            break
        # a fandom behind another of its world must stand on evidence of its own, not on the world's words
        if any(g in world.get(f, ()) for _, g in kept) and own[f] < top * _MIN_SHARE_OF_BEST:
            continue
        kept.append((s, f))
    return [
        FandomScore(name=f, score=round(s / top, 3), evidence=[k for k, _ in found[f].most_common(8)]) for s, f in kept
    ]


def _shares(
    text: str, hit: Hit, prior: dict[str, float], universe: dict[str, frozenset[str]]
) -> list[tuple[tuple[str, str], float, bool]]:
    """(fandom, what) keys with the part of this hit's strength each fandom gets, and whether it is a word
    of a world several fandoms share."""
    best: dict[str, tuple[float, float, str]] = {}  # fandom -> (strength, share weight, what)
    for entry in hit.entries:
        strength = _strength(entry.kind, text, hit)
        if strength <= 0:
            continue
        major = _MAJOR_BONUS if entry.character is not None and entry.character.major else 1.0
        what = entry.character.name if entry.character else hit.surface.lower()
        if entry.kind in (FANDOM_NAME, SHIP_NAME):
            what = f"“{hit.surface}”"
        share = strength * major * prior.get(entry.fandom, _UNKNOWN_WORKS**_PRIOR_EXPONENT)
        if entry.fandom not in best or share > best[entry.fandom][1]:
            best[entry.fandom] = (strength, share, what)
    if not best:
        return []
    value = max(strength for strength, _, _ in best.values())
    if " " in hit.surface.strip():
        value *= _MULTIWORD_BONUS
    first = next(iter(best))
    if all(e.kind in (VOCAB, SHIP_NAME) for e in hit.entries) and set(best) <= universe.get(first, frozenset({first})):
        shared = len(best) > 1  # a word of their shared world: full weight for each
        return [((fandom, what), value, shared) for fandom, (_, _, what) in best.items()]
    total = sum(share for _, share, _ in best.values())
    return [((fandom, what), value * share / total, False) for fandom, (_, share, what) in best.items()]


def _strength(kind: str, text: str, hit: Hit) -> float:
    if kind == AMBIGUOUS:
        return _STRENGTH[AMBIGUOUS] if _named_mid_sentence(text, hit) else 0.0
    if kind == FANDOM_NAME and " " not in hit.surface.strip():  # "HP"; "Supernatural" may be a word
        return _ACRONYM if hit.surface.isupper() else _ONE_WORD_FANDOM_NAME
    return _STRENGTH.get(kind, 0.0)


def _named_mid_sentence(text: str, hit: Hit) -> bool:
    """A capitalised word not at the start of a sentence (nor of a quotation or line)."""
    if not hit.surface[:1].isupper():
        return False
    i = hit.start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i >= 0 and text[i] not in _SENTENCE_END
