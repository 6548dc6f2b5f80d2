"""CPU time of the exports and pictures per work, over ../shared/corpus/dev.jsonl (analysis excluded).

Each work is analysed once (not timed), then EPUB, single-file HTML, the character graph and the mood arc are
built from it. CPU time (time.process_time) is measured. Prints a table.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from _report import report
from ficshelf.analysis.analysers.basic import count_words
from ficshelf.analysis.doc import Doc
from ficshelf.analysis.pipeline import default_pipeline
from ficshelf.export.epub import work_to_epub
from ficshelf.export.html import work_to_html
from ficshelf.ingest.sources import read_paths
from ficshelf.pictures.interactions import graph_svg, interaction_graph
from ficshelf.pictures.mood import doc_mood_arc, mood_svg

DEV = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "dev.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jsonl", type=Path, default=DEV)
    parser.add_argument("--limit", type=int, default=100)
    args = parser.parse_args()
    works = [item.work for item in read_paths([args.jsonl]) if item.work is not None][: args.limit]
    docs = [default_pipeline().run(work) for work in works]
    words = sum(count_words(doc.text) for doc in docs)
    steps: list[tuple[str, Callable[[Doc], object]]] = [
        ("EPUB", lambda d: work_to_epub(d.work, d)),
        ("single-file HTML", lambda d: work_to_html(d.work, d)),
        ("character graph SVG", lambda d: graph_svg(interaction_graph(d))),
        ("mood arc SVG", lambda d: mood_svg(doc_mood_arc(d))),
    ]
    print(f"{len(docs)} works, {words:,} words\n")
    print("| step | CPU ms per work | works/CPU-s | words/CPU-s |")
    print("|---|---:|---:|---:|")
    for name, step in steps:
        t0 = time.process_time()
        for doc in docs:
            step(doc)
        spent = time.process_time() - t0
        print(f"| {name} | {1000 * spent / len(docs):.1f} | {len(docs) / spent:,.0f} | {words / spent:,.0f} |")
        report("exports", name, len(docs) / spent, "works/CPU-s")


if __name__ == "__main__":
    main()
