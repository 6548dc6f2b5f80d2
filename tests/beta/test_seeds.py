"""The seeds' gold typos (read from ../shared at run time): recall, right first suggestion, no false alarms on
fandom words or the work's character names."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from ficshelf.analysis.analysers.beta import work_names
from ficshelf.analysis.pipeline import default_pipeline
from ficshelf.beta import Hint, apply_hints
from ficshelf.ingest.sources import read_paths

pytestmark = pytest.mark.corpus


def _hints(path: Path) -> tuple[str, list[Hint], list[str]]:
    item = next(iter(read_paths([path])))
    assert item.work is not None
    doc = default_pipeline(beta=True).run(item.work)
    return doc.text, doc.beta, work_names(doc)


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path, seeds_gold: dict[str, Any]) -> dict[str, tuple[str, list[Hint], list[str]]]:
    return {name: _hints(seeds_dir / name) for name in seeds_gold}


def test_gold_typos_are_found_with_the_right_suggestion_first(
    seeds: dict[str, tuple[str, list[Hint], list[str]]], seeds_gold: dict[str, Any]
) -> None:
    total = found = right = 0
    for name, gold in seeds_gold.items():
        text, hints, _ = seeds[name]
        for typo in gold.get("typos") or []:
            total += 1
            start = text.index(typo["wrong"])
            end = start + len(typo["wrong"])
            over = [h for h in hints if h.start < end and start < h.end]
            if not over:
                continue
            found += 1
            lo, hi = min(start, *(h.start for h in over)), max(end, *(h.end for h in over))
            fixed = apply_hints(text, over)[lo : hi + len(fixed_delta(over))]
            right += typo["right"] in fixed
    assert found / total >= 0.85, f"recall {found}/{total}"
    assert right / total >= 0.75, f"right first {right}/{total}"


def fixed_delta(hints: list[Hint]) -> str:
    """Padding for the span's growth when suggestions are longer than the text they replace."""
    return " " * max(0, sum(len(h.suggestion) - len(h.text) for h in hints))


def test_no_hint_on_fandom_words_or_character_names(
    seeds: dict[str, tuple[str, list[Hint], list[str]]], seeds_gold: dict[str, Any]
) -> None:
    for name, gold in seeds_gold.items():
        text, hints, names = seeds[name]
        protected = set(gold.get("not_typos") or []) | {p for n in names for p in n.split() if p[:1].isupper()}
        protected |= {a for aliases in (gold.get("aliases_seen") or {}).values() for a in aliases if a[:1].isupper()}
        protected -= {t["wrong"] for t in gold.get("typos") or []}
        for word in protected:
            for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w])", text):
                bad = [h for h in hints if h.start < m.end() and m.start() < h.end and h.text.strip('" ')]
                assert not bad, f"{name}: {word!r} at {m.start()} got {bad}"
