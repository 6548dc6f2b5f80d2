"""The fandom rows of an evaluation (docs/eval.md, "Fandom top-1").

* ``fandom top-1``: the first predicted fandom is any of the work's gold fandoms.
* ``fandom top-1 (outside HP/FB)``: the same, on works none of whose gold fandoms is Harry Potter or Fantastic
  Beasts (nor filed under them by the knowledge base: Cursed Child, "Marauders - Fandom" …).
* ``fandom top-1 (non-HP/FB part)``: on works with at least one gold fandom outside Harry Potter and Fantastic
  Beasts (crossovers included): the first predicted fandom that is not HP/FB is one of those gold fandoms.
  A corpus crawled from the Harry Potter tag (dev.jsonl) has no work of the second kind, but many of this one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ficshelf.evaluation.names import NameMatcher
from ficshelf.tag_names import clean

if TYPE_CHECKING:
    from ficshelf.evaluation.metrics import Report

HP_FB = ("harry potter", "fantastic beasts")
TOP1 = "fandom top-1"
OUTSIDE = "fandom top-1 (outside HP/FB)"
NON_HP_PART = "fandom top-1 (non-HP/FB part)"
ROWS = (TOP1, OUTSIDE, NON_HP_PART)


def is_hp_fb(name: str, m: NameMatcher) -> bool:
    """Harry Potter, Fantastic Beasts or a fandom the knowledge base files under them."""
    keys = " ".join(m.fandom(name))
    return any(s in clean(name) or s in keys for s in HP_FB)


def score_fandoms(report: Report, gold: list[str], predicted: list[str], m: NameMatcher) -> None:
    if not gold:
        return
    top = predicted[0] if predicted else None
    right = top is not None and any(m.same_fandom(top, g) for g in gold)
    rows = [TOP1]
    others = [g for g in gold if not is_hp_fb(g, m)]
    if len(others) == len(gold):
        rows.append(OUTSIDE)
    for row in rows:
        report.accuracy(row).correct += right
        report.accuracy(row).total += 1
    if others:
        first = next((p for p in predicted if not is_hp_fb(p, m)), None)
        report.accuracy(NON_HP_PART).correct += first is not None and any(m.same_fandom(first, g) for g in others)
        report.accuracy(NON_HP_PART).total += 1
