"""Works per second of ``ficshelf import``: reading, analysis, and storing (with suggested tags and the index
queue) into a fresh archive.

../shared/corpus/dev.jsonl's readable works are repeated until --works works (default 10,000) have been
imported, each one analysed afresh — the same path as ``ficshelf import``: ``read``, ``default_pipeline().run``,
``draft_from_doc``, ``publish``. Search indexing is not included (the search index drains the index queue
separately). CPU time (time.process_time) per stage, and wall-clock time for the whole run. Prints a table.

With --jobs N (as ``ficshelf import --jobs N``) analysis runs in N worker processes; their CPU time is not
this process's, so only the wall-clock rate and the store's CPU time are printed.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from _report import report
from ficshelf.analysis.pipeline import default_pipeline
from ficshelf.cli.import_works import drafts
from ficshelf.errors import FicshelfError
from ficshelf.ingest.jsonl import record_to_work
from ficshelf.ingest.sources import Item
from ficshelf.posting import draft_from_doc, publish
from ficshelf.store.engine import open_store
from ficshelf.store.index_queue import pending_reindex
from ficshelf.store.migrate import upgrade
from ficshelf.store.users import ensure_account

DEV = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "dev.jsonl"


def _readable(line: bytes) -> bool:
    try:
        record_to_work(line, "bench")
    except FicshelfError:
        return False  # image-only works (FS101) have no text to import
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jsonl", type=Path, default=DEV)
    parser.add_argument("--works", type=int, default=10_000, help="works to import (dev.jsonl repeated)")
    parser.add_argument("--jobs", type=int, default=1, help="analysis processes (wall-clock figure only)")
    parser.add_argument("--url", default=None, help="database URL (default: a SQLite file in a temporary folder)")
    args = parser.parse_args()
    lines = [line for line in args.jsonl.read_bytes().splitlines() if _readable(line)]
    pipeline = default_pipeline()
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(args.url or f"sqlite+pysqlite:///{folder}/ficshelf.db")
        upgrade(store)
        owner = ensure_account(store, "importer").id
        read_s = analyse_s = store_s = 0.0
        words = 0
        wall = time.perf_counter()
        if args.jobs > 1:
            items = (Item(f"bench-{i}", record_to_work(lines[i % len(lines)], f"bench-{i}")) for i in range(args.works))
            for _source, result in drafts(items, args.jobs):
                assert not isinstance(result, FicshelfError)
                t2 = time.process_time()
                publish(store, owner, result)
                store_s += time.process_time() - t2
                words += sum(len(c.text.split()) for c in result.work.chapters)
        for i in range(args.works if args.jobs <= 1 else 0):
            t0 = time.process_time()
            work = record_to_work(lines[i % len(lines)], f"bench-{i}")
            t1 = time.process_time()
            draft = draft_from_doc(pipeline.run(work))
            t2 = time.process_time()
            publish(store, owner, draft)
            t3 = time.process_time()
            read_s, analyse_s, store_s = read_s + t1 - t0, analyse_s + t2 - t1, store_s + t3 - t2
            words += sum(len(c.text.split()) for c in draft.work.chapters)
        wall = time.perf_counter() - wall
        queued = pending_reindex(store)
        dialect = store.dialect
        store.close()
    total = read_s + analyse_s + store_s
    print(f"{args.works:,} works, {words:,} words, {dialect}; {queued:,} queued for indexing; jobs={args.jobs}")
    if args.jobs > 1:
        print(f"store CPU s {store_s:.2f} ({args.works / store_s:,.1f} works/CPU-s)")
        print(f"wall clock {wall:.2f} s: {args.works / wall:,.1f} works/s")
        return
    print(f"{'stage':<34} {'CPU s':>9} {'works/CPU-s':>12}")
    for name, seconds in [
        ("read (JSON + HTML to text)", read_s),
        ("analysis (default pipeline)", analyse_s),
        ("store (work, chapters, tags, queue)", store_s),
        ("import, all stages", total),
    ]:
        print(f"{name:<34} {seconds:>9.2f} {args.works / seconds:>12,.1f}")
    print(f"{'wall clock, all stages':<34} {wall:>9.2f} {args.works / wall:>12,.1f}")
    report(f"import ({dialect})", "all stages", args.works / total, "works/CPU-s")
    report(f"import ({dialect})", "all stages, wall clock", args.works / wall, "works/s")


if __name__ == "__main__":
    main()
