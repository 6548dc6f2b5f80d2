"""Words per CPU-second of the beta reader over the English works of ../shared/corpus/dev.jsonl.

Works are imported and their character names found first (not timed); then ``ficshelf.beta.check`` runs on
each work's text, repeated until at least --min-words words have been checked. The first pass (which fills the
dictionary caches) is timed separately from the steady state. CPU time (time.process_time). Prints a table.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from _report import report
from ficshelf.analysis.analysers.basic import count_words
from ficshelf.analysis.analysers.beta import work_names
from ficshelf.analysis.pipeline import default_pipeline
from ficshelf.beta import check
from ficshelf.ingest.sources import read_paths

DEV = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "dev.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jsonl", type=Path, default=DEV)
    parser.add_argument("--min-words", type=int, default=1_500_000)
    args = parser.parse_args()
    names_only = default_pipeline()  # the tagging pipeline: names, without the beta analyser
    inputs: list[tuple[str, list[str]]] = []
    for item in read_paths([args.jsonl]):
        if item.work is not None and item.work.language == "en":
            doc = names_only.run(item.work)
            inputs.append((doc.text, work_names(doc)))
    words_per_pass = sum(count_words(text) for text, _ in inputs)
    passes = max(1, -(-args.min_words // words_per_pass))
    check("warm up the dictionary")

    t0 = time.process_time()
    hints = sum(len(check(text, names=names)) for text, names in inputs)
    t1 = time.process_time()
    for _ in range(passes - 1):
        for text, names in inputs:
            check(text, names=names)
    t2 = time.process_time()

    print(f"{len(inputs)} English works, {words_per_pass:,} words a pass, {passes} passes; {hints:,} hints a pass")
    print(f"{'stage':<34} {'CPU s':>8} {'words/CPU-s':>14}")
    rows = [("beta, first pass (cold caches)", t1 - t0, words_per_pass)]
    if passes > 1:
        rows.append(("beta, later passes", t2 - t1, words_per_pass * (passes - 1)))
    for name, seconds, words in rows:
        print(f"{name:<34} {seconds:>8.2f} {words / seconds:>14,.0f}")
        report("beta reader", name, words / seconds, "words/CPU-s")


if __name__ == "__main__":
    main()
