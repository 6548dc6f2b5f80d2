"""Precision, recall and F1 (micro, over (work, item) pairs) and accuracies per field; see docs/eval.md.

A prediction may lack any field (or be missing altogether): that field then counts as predicting nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ficshelf.evaluation.fandoms import ROWS as FANDOM_ROWS
from ficshelf.evaluation.fandoms import score_fandoms
from ficshelf.evaluation.gold import PAGES, SEEDS, TAGS, Gold, GoldWork, Prediction, prediction
from ficshelf.evaluation.names import NameMatcher, Relationship, label, quote_text, rating_step
from ficshelf.tag_names import is_generic

G = TypeVar("G")
P = TypeVar("P")
_NOT_A_LABEL = {"", "no category"}
ACCURACY_ROWS = frozenset({*FANDOM_ROWS, "rating", "rating (within one)", "quote speakers"})
_TAG_ROWS = ("characters", "relationships", "category", "rating", "rating (within one)", "archive warnings")
#: The rows of a report, in order, for each kind of gold.
#: the same rows on the works whose text is the whole work its tags describe (authors tag every chapter's people)
_WHOLE_ROWS = ("characters (whole-work texts)", "relationships (whole-work texts)")
ROWS = {
    TAGS: (*FANDOM_ROWS, *_TAG_ROWS, *_WHOLE_ROWS),
    PAGES: (*FANDOM_ROWS, *_TAG_ROWS),
    SEEDS: (
        *FANDOM_ROWS,
        "characters",
        "characters (main)",
        "characters (mentioned)",
        "relationships",
        "relationships (main)",
        "relationships (background)",
        *_TAG_ROWS[2:],
        "quote speakers",
    ),
}


@dataclass(slots=True)
class Counts:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass(slots=True)
class Report:
    gold_kind: str
    rows: dict[str, Counts | Accuracy] = field(default_factory=dict)
    works: int = 0
    without_prediction: int = 0
    not_rated_skipped: int = 0
    quotes_found: int = 0

    def counts(self, name: str) -> Counts:
        row = self.rows.setdefault(name, Counts())
        assert isinstance(row, Counts)
        return row

    def accuracy(self, name: str) -> Accuracy:
        row = self.rows.setdefault(name, Accuracy())
        assert isinstance(row, Accuracy)
        return row


def evaluate(gold: Gold, predictions: dict[str, dict[str, Any]], matcher: NameMatcher) -> Report:
    report = Report(gold.kind)
    for name in ROWS[gold.kind]:
        report.rows[name] = Accuracy() if name in ACCURACY_ROWS else Counts()
    for work in gold.works.values():
        record = predictions.get(work.id)
        report.works += 1
        report.without_prediction += record is None
        _score_work(report, work, prediction(record), matcher, gold.kind == SEEDS)
    return report


def _score_work(report: Report, work: GoldWork, pred: Prediction, m: NameMatcher, seeds: bool) -> None:
    score_fandoms(report, work.fandoms, pred.fandoms, m)
    names = [(n, role) for n, role in pred.characters if not is_generic(n)]
    # authors tag the characters and relationships that matter: against their tags, compare the suggested ones
    tagged = [n for n in pred.suggested_characters or [] if not is_generic(n)]
    everyone = _people(tagged if pred.suggested_characters is not None and not seeds else [n for n, _ in names], m)
    whole = work.whole_text and "characters (whole-work texts)" in report.rows
    for row in ("characters", "characters (whole-work texts)") if whole else ("characters",):
        _prf(report.counts(row), _people(work.characters, m), everyone, _overlap)
    rels = [(r.role, _pair(r, m)) for r in pred.relationships]
    shown = pred.suggested_relationships if pred.suggested_relationships is not None and not seeds else None
    gold_rels = [(r.role, _pair(r, m)) for r in work.relationships]
    for row in ("relationships", "relationships (whole-work texts)") if whole else ("relationships",):
        _prf(
            report.counts(row),
            _distinct([g for _, g in gold_rels], _same_pair),
            _distinct([_pair(r, m) for r in shown] if shown is not None else [p for _, p in rels], _same_pair),
            _same_pair,
        )
    if seeds:
        for role, gold_names in (("main", work.main_characters), ("mentioned", work.mentioned_characters)):
            chosen = _people([n for n, r in names if r == role], m)
            _prf(report.counts(f"characters ({role})"), _people(gold_names or [], m), chosen, _overlap)
        for role in ("main", "background"):
            _prf(
                report.counts(f"relationships ({role})"),
                _distinct([g for r, g in gold_rels if r == role], _same_pair),
                _distinct([p for r, p in rels if r == role], _same_pair),
                _same_pair,
            )
    _labels(report.counts("category"), work.category, pred.category)
    _rating(report, work.rating, pred.rating)
    _labels(report.counts("archive warnings"), work.archive_warnings, pred.archive_warnings)
    if work.quotes is not None:
        _quotes(report, work.quotes, pred.quotes, m)


def _prf(counts: Counts, gold: Sequence[G], pred: Sequence[P], match: Callable[[G, P], bool]) -> None:
    counts.tp += matching(gold, pred, match)
    counts.predicted += len(pred)
    counts.gold += len(gold)


def matching(gold: Sequence[G], pred: Sequence[P], match: Callable[[G, P], bool]) -> int:
    """The size of a maximum one-to-one matching between gold and predicted items (augmenting paths)."""
    owner: dict[int, int] = {}

    def place(g: int, seen: set[int]) -> bool:
        for p, item in enumerate(pred):
            if p not in seen and match(gold[g], item):
                seen.add(p)
                if p not in owner or place(owner[p], seen):
                    owner[p] = g
                    return True
        return False

    return sum(place(g, set()) for g in range(len(gold)))


def _people(names: list[str], m: NameMatcher) -> list[frozenset[str]]:
    """Characters as key sets; names that match one another (synonyms, duplicates) become one."""
    groups: list[frozenset[str]] = []
    for name in names:
        keys = m.character(name)
        for i, group in enumerate(groups):
            if group & keys:
                groups[i] = group | keys
                break
        else:
            groups.append(keys)
    return groups


def _overlap(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a & b)


Pair = tuple[frozenset[str], frozenset[str], str]


def _pair(rel: Relationship, m: NameMatcher) -> Pair:
    return m.character(rel.a), m.character(rel.b), rel.kind.strip().casefold()


def _same_pair(g: Pair, p: Pair) -> bool:
    if g[2] != p[2]:
        return False
    return bool((g[0] & p[0] and g[1] & p[1]) or (g[0] & p[1] and g[1] & p[0]))


def _distinct(items: list[Pair], same: Callable[[Pair, Pair], bool]) -> list[Pair]:
    kept: list[Pair] = []
    for item in items:
        if not any(same(k, item) for k in kept):
            kept.append(item)
    return kept


def _labels(counts: Counts, gold: list[str], pred: list[str]) -> None:
    g = {label(x) for x in gold} - _NOT_A_LABEL
    p = {label(x) for x in pred} - _NOT_A_LABEL
    counts.tp += len(g & p)
    counts.predicted += len(p)
    counts.gold += len(g)


def _rating(report: Report, gold: str, pred: str) -> None:
    want = rating_step(gold)
    if want is None:
        report.not_rated_skipped += 1
        return
    got = rating_step(pred)
    near = got is not None and abs(got - want) <= 1
    for row, ok in (("rating", got == want), ("rating (within one)", near)):
        report.accuracy(row).correct += ok
        report.accuracy(row).total += 1


def _quotes(report: Report, gold: list[tuple[str, str]], pred: list[tuple[str, str]], m: NameMatcher) -> None:
    texts = [quote_text(t) for t, _ in pred]
    row = report.accuracy("quote speakers")
    at = 0
    for starts, speaker in gold:
        row.total += 1
        want = quote_text(starts)
        found = next((i for i in range(at, len(texts)) if want and texts[i].startswith(want)), None)
        if found is None:
            continue
        at = found + 1
        report.quotes_found += 1
        row.correct += bool(pred[found][1]) and m.same_character(pred[found][1], speaker)
