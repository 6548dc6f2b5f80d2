"""Words per CPU-second of import + structure recovery over ../shared/corpus/dev.jsonl.

dev.jsonl is read once into memory and its lines are repeated until at least --min-words words have passed
through: JSON decoding, HTML to text, the Work model, and structure recovery — the same code ``ficshelf
analyze`` runs before language and later analysers. CPU time (time.process_time) is measured, so the figure
does not depend on what else the machine is doing. Prints a table.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from _report import report
from ficshelf.analysis.analysers.basic import count_words
from ficshelf.analysis.analysers.structure import recover_structure
from ficshelf.errors import FicshelfError
from ficshelf.ingest.jsonl import record_to_work

DEV = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "dev.jsonl"


def _readable(line: bytes) -> bool:
    try:
        record_to_work(line, "bench")
    except FicshelfError:
        return False  # image-only works (FS101) have no text to measure
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jsonl", type=Path, default=DEV)
    parser.add_argument("--min-words", type=int, default=2_000_000)
    args = parser.parse_args()
    lines = [line for line in args.jsonl.read_bytes().splitlines() if _readable(line)]
    words_per_pass = sum(count_words(record_to_work(line, "bench").text) for line in lines)
    passes = max(1, -(-args.min_words // words_per_pass))

    t0 = time.process_time()
    works = [record_to_work(line, "bench") for _ in range(passes) for line in lines]
    t1 = time.process_time()
    for work in works:
        recover_structure(work.text)
    t2 = time.process_time()

    total = words_per_pass * passes
    rows = [
        ("import (JSON + HTML to text)", t1 - t0),
        ("structure recovery", t2 - t1),
        ("import + structure", t2 - t0),
    ]
    print(f"{len(works)} works, {total:,} words ({passes} passes over {args.jsonl.name})")
    print(f"{'stage':<32} {'CPU s':>8} {'words/CPU-s':>14}")
    for name, seconds in rows:
        print(f"{name:<32} {seconds:>8.2f} {total / seconds:>14,.0f}")
        report("structure", name, total / seconds, "words/CPU-s")


if __name__ == "__main__":
    main()
