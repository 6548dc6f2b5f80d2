"""Works per second of ``ficshelf import``: reading, analysis, storing (with suggested tags and the index queue)
and search indexing, into a fresh archive.

../shared/corpus/dev.jsonl's readable works are repeated until --works works (default 10,000) have been
imported, each one analysed afresh — the path of ``ficshelf import``: ``read``, ``default_pipeline().run`` and
``draft_from_doc`` (in --jobs processes, ``drafts``), ``publish_many`` (``BATCH`` works per transaction), and
``Archive.sync_index`` (the index queue drained into the search index every ``INDEX_EVERY`` works and at the end).

CPU time (time.process_time) per stage of this process; with --jobs N > 1 analysis runs in N worker processes,
whose CPU time is read once they have exited (resource.getrusage of the children). Wall-clock time for the whole
run. Prints a table.
"""

from __future__ import annotations

import argparse
import itertools
import resource
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from _report import report as report_figure
from ficshelf.archive import open_archive
from ficshelf.cli.import_works import BATCH, INDEX_EVERY, drafts
from ficshelf.errors import FicshelfError
from ficshelf.ingest.jsonl import record_to_work
from ficshelf.ingest.sources import Item
from ficshelf.posting import Draft, publish_many
from ficshelf.settings import Settings
from ficshelf.store.index_queue import pending_reindex
from ficshelf.store.new_works import WorkWriter
from ficshelf.store.users import ensure_account

DEV = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "dev.jsonl"


@dataclass
class Run:
    works: int
    jobs: int
    dialect: str = ""
    words: int = 0
    queued_after: int = 0
    read_s: float = 0.0  # this process: JSON + HTML to text
    analysis_s: float = 0.0  # this process (jobs 1) or the worker processes (jobs > 1)
    waiting_s: float = 0.0  # this process, jobs > 1: handing works to the workers and taking drafts back
    store_s: float = 0.0
    index_s: float = 0.0
    wall_s: float = 0.0

    @property
    def cpu_s(self) -> float:
        return self.read_s + self.analysis_s + self.waiting_s + self.store_s + self.index_s


def _readable(line: bytes) -> bool:
    try:
        record_to_work(line, "bench")
    except FicshelfError:
        return False  # image-only works (FS101) have no text to import
    return True


def run(lines: list[bytes], works: int, jobs: int, url: str | None) -> Run:
    result = Run(works, jobs)
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryDirectory() as folder:
        archive = open_archive(Settings(database_url=url), Path(folder))
        writer = WorkWriter(archive.store, ensure_account(archive.store, "importer").id)

        def items() -> Iterator[Item]:
            for i in range(works):
                started = time.process_time()
                work = record_to_work(lines[i % len(lines)], f"bench-{i}")
                result.read_s += time.process_time() - started
                yield Item(f"bench-{i}", work)

        wall = time.perf_counter()
        results = drafts(items(), jobs)
        unindexed = 0
        while True:
            started = time.process_time()
            batch = [draft for _, draft in itertools.islice(results, BATCH)]
            took = time.process_time() - started
            if jobs > 1:
                result.waiting_s += took
            else:
                result.analysis_s += took
            if not batch:
                break
            assert all(isinstance(draft, Draft) for draft in batch)
            started = time.process_time()
            stored = publish_many(writer, batch)
            result.store_s += time.process_time() - started
            assert not any(isinstance(outcome, FicshelfError) for outcome in stored)
            result.words += sum(len(c.text.split()) for d in batch for c in d.work.chapters)
            unindexed += len(batch)
            if unindexed >= INDEX_EVERY:
                started = time.process_time()
                archive.sync_index()
                result.index_s += time.process_time() - started
                unindexed = 0
        started = time.process_time()
        archive.sync_index()
        result.index_s += time.process_time() - started
        result.wall_s = time.perf_counter() - wall
        result.queued_after = pending_reindex(archive.store)
        result.dialect = archive.store.dialect
        archive.close()
    if jobs > 1:
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        result.analysis_s = (children.ru_utime + children.ru_stime) - (
            children_before.ru_utime + children_before.ru_stime
        )
        result.waiting_s -= result.read_s  # reading ran while this process waited for drafts
    else:
        result.analysis_s -= result.read_s  # reading ran inside the analysis loop
    return result


def report(runs: list[Run]) -> None:
    """Print one table of every run (stages in works per CPU-second of the process that ran them)."""
    first = runs[0]
    print(f"{first.works:,} works, {first.words:,} words, {first.dialect}; search index: what the archive opens")
    print(
        "| jobs | read works/CPU-s | analysis works/CPU-s | store works/CPU-s | index works/CPU-s "
        "| all stages works/CPU-s | CPU ms/work | wall s | works/s (wall) | left queued |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in runs:

        def rate(seconds: float, r: Run = r) -> str:
            return f"{r.works / seconds:,.1f}" if seconds > 0 else "–"

        print(
            f"| {r.jobs} | {rate(r.read_s)} | {rate(r.analysis_s)} | {rate(r.store_s)} | {rate(r.index_s)} "
            f"| **{rate(r.cpu_s)}** | {1000 * r.cpu_s / r.works:.1f} | {r.wall_s:.1f} | **{rate(r.wall_s)}** "
            f"| {r.queued_after} |"
        )
        if r.cpu_s > 0 and r.wall_s > 0:  # the headline figures for `make bench`'s combined table
            name = f"import ({r.dialect}), jobs {r.jobs}"
            report_figure(name, "all stages", r.works / r.cpu_s, "works/CPU-s")
            report_figure(name, "all stages, wall clock", r.works / r.wall_s, "works/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jsonl", type=Path, default=DEV)
    parser.add_argument("--works", type=int, default=10_000, help="works to import (dev.jsonl repeated)")
    parser.add_argument("--jobs", default="1", help="analysis processes; several runs: --jobs 1,2")
    parser.add_argument("--url", default=None, help="database URL (default: a SQLite file in a temporary folder)")
    args = parser.parse_args()
    lines = [line for line in args.jsonl.read_bytes().splitlines() if _readable(line)]
    report([run(lines, args.works, int(jobs), args.url) for jobs in args.jobs.split(",")])


if __name__ == "__main__":
    main()
