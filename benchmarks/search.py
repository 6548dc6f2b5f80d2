"""Search latency and indexing speed: tantivy and SQLite FTS5 (and PostgreSQL when asked) on the same works.

The readable works of ../shared/corpus/dev.jsonl are repeated to ``--works`` documents (default 10,000 and
100,000), each copy with its own id, kudos, hits, dates, restricted flag and a few extra freeform tags, streamed
into each backend (never all in memory). Then a fixed mix of 50 queries — words, phrases picked from the texts
at run time, tag filters and exclusions, number ranges, ORs, sorts — runs ``--repeat`` times as a guest with a
one-tag blocklist and facets on (a results page), each time with the facet cache emptied first (every search
counts its facets: the cold case). Prints a Markdown table: p50/p95/p99 of the CPU time of each query (this
process and its threads: tantivy and SQLite run inside it), the same p95 without facet counts (a listing that
shows none), the p95 of the query's second page asked for right after the first (where tantivy's facet cache
answers), wall-clock p50/p95/p99 (which include waiting for a CPU on a loaded machine), indexing speed and index
size. PostgreSQL works in its own server process, so only its wall-clock columns mean anything. The machine's
load average is printed to stderr before and after.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from _report import report_rows  # noqa: E402
from ficshelf.errors import FicshelfError  # noqa: E402
from ficshelf.ingest.jsonl import record_to_work  # noqa: E402
from ficshelf.model import TagKind  # noqa: E402
from ficshelf.search.ast import Sort, TagFilter  # noqa: E402
from ficshelf.search.backend import SearchBackend  # noqa: E402
from ficshelf.search.document import SearchDocument, document_from_work  # noqa: E402
from ficshelf.search.query import parse  # noqa: E402

DEV = REPO / ".." / "shared" / "corpus" / "dev.jsonl"
EXTRA_FREEFORMS = ("Fluff", "Angst", "Slow Burn", "Hurt/Comfort", "Alternate Universe", "Canon Divergence", "Humor")


def base_documents(path: Path) -> list[SearchDocument]:
    documents = []
    for number, line in enumerate(path.read_bytes().splitlines()):
        try:
            work = record_to_work(line, "bench")
        except FicshelfError:
            continue  # image-only works have no text
        documents.append(document_from_work(work, work_id=number))
    return documents


def copies(bases: list[SearchDocument], count: int, seed: int = 7) -> Iterator[SearchDocument]:
    """``count`` documents cycling through ``bases`` with varied ids, numbers, dates and tags."""
    rng = random.Random(seed)
    start = datetime(2015, 1, 1, tzinfo=UTC)
    for work_id in range(1, count + 1):
        base = bases[work_id % len(bases)]
        tags = dict(base.tags)
        extra = tuple(rng.sample(EXTRA_FREEFORMS, rng.randint(0, 2)))
        tags[TagKind.FREEFORM] = tuple(dict.fromkeys(base.tag_names(TagKind.FREEFORM) + extra))
        published = start + timedelta(days=rng.randint(0, 3000))
        yield replace(
            base,
            work_id=work_id,
            tags=tags,
            kudos=int(rng.paretovariate(1.2) * 10),
            hits=int(rng.paretovariate(1.1) * 200),
            comments=rng.randint(0, 50),
            restricted=rng.random() < 0.05,
            complete=rng.random() < 0.6,
            published=published,
            updated=published + timedelta(days=rng.randint(0, 400)),
        )


def query_mix(bases: list[SearchDocument], seed: int = 11) -> list[tuple[str, Sort]]:
    """50 queries: fixed shapes filled from the corpus (phrases are picked at run time, never stored)."""
    rng = random.Random(seed)
    fandoms = sorted({name for d in bases for name in d.tag_names(TagKind.FANDOM)})
    characters = sorted({name for d in bases for name in d.tag_names(TagKind.CHARACTER)})

    def phrase() -> str:
        words = rng.choice(bases).text.split()
        start = rng.randrange(0, max(1, len(words) - 5))
        return " ".join(word.strip('".,!?;:()') for word in words[start : start + 4]).replace('"', "")

    mix: list[tuple[str, Sort]] = []
    words = ["love", "blood", "kiss", "dragon", "school", "rain", "sword", "magic", "winter", "letter"]
    for word in words:
        mix.append((word, Sort.RELEVANCE))
    for _ in range(10):
        mix.append((f'"{phrase()}"', Sort.RELEVANCE))
    for word in words[:5]:
        mix.append((f'{word} fandom:"{rng.choice(fandoms)}"', Sort.RELEVANCE))
    for word in words[5:]:
        mix.append((f"{word} -tag:Angst rating:teen", Sort.KUDOS))
    mix += [
        ("", Sort.DATE),
        ("", Sort.KUDOS),
        ("words>5000 complete:yes", Sort.HITS),
        ("words:1000-3000", Sort.WORDS),
        ("kudos>100 lang:en", Sort.KUDOS),
        ('-warning:"Major Character Death" category:"M/M"', Sort.DATE),
        (f'character:"{rng.choice(characters)}"', Sort.DATE),
        (f'character:"{rng.choice(characters)}" love', Sort.RELEVANCE),
        ("(kiss OR hug) -angst", Sort.RELEVANCE),
        ("love OR war", Sort.RELEVANCE),
        ("the", Sort.RELEVANCE),
        ("she said", Sort.RELEVANCE),
        ('"he said"', Sort.RELEVANCE),
        ("title:love", Sort.RELEVANCE),
        ("fluff -angst complete:yes", Sort.KUDOS),
    ]
    mix += [(f"{rng.choice(words)} {rng.choice(words)}", Sort.RELEVANCE) for _ in range(50 - len(mix))]
    return mix


def size_of(path: Path) -> int:
    if path.is_file():
        return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(name: str, backend: SearchBackend, bases: list[SearchDocument], args: argparse.Namespace) -> dict[str, str]:
    cpu, wall = time.process_time(), time.perf_counter()
    indexed = backend.add(copies(bases, args.works))
    index_cpu, index_wall = time.process_time() - cpu, time.perf_counter() - wall
    blocklist = [TagFilter(TagKind.FREEFORM, "Humor")]
    mix = [(parse(text), sort) for text, sort in query_mix(bases)]
    for tree, sort in mix:  # warm the operating system's and the engine's caches once
        backend.search(tree, sort=sort)
    facet_cache = getattr(backend, "facet_cache", None)
    latencies, cpus, bare, second = [], [], [], []
    for _ in range(args.repeat):
        for tree, sort in mix:
            if facet_cache is not None:
                facet_cache.clear()
            cpu, wall = time.process_time(), time.perf_counter()
            backend.search(tree, sort=sort, blocklist_tags=blocklist)
            cpus.append((time.process_time() - cpu) * 1000)
            latencies.append((time.perf_counter() - wall) * 1000)
            cpu = time.process_time()
            backend.search(tree, sort=sort, blocklist_tags=blocklist, offset=20)
            second.append((time.process_time() - cpu) * 1000)
            cpu = time.process_time()
            backend.search(tree, sort=sort, blocklist_tags=blocklist, facets=False)
            bare.append((time.process_time() - cpu) * 1000)
    in_process = name != "postgresql"
    return {
        "backend": name,
        "works": f"{indexed:,}",
        "CPU p50 ms": f"{percentile(cpus, 0.50):.1f}" if in_process else "–",
        "CPU p95 ms": f"{percentile(cpus, 0.95):.1f}" if in_process else "–",
        "CPU p99 ms": f"{percentile(cpus, 0.99):.1f}" if in_process else "–",
        "CPU p95 ms, no facets": f"{percentile(bare, 0.95):.1f}" if in_process else "–",
        "CPU p95 ms, page 2": f"{percentile(second, 0.95):.1f}" if in_process else "–",
        "wall p50 ms": f"{percentile(latencies, 0.50):.1f}",
        "wall p95 ms": f"{percentile(latencies, 0.95):.1f}",
        "wall p99 ms": f"{percentile(latencies, 0.99):.1f}",
        "index docs/CPU-s": f"{indexed / max(index_cpu, 1e-9):,.0f}" if in_process else "–",
        "index docs/s (wall)": f"{indexed / index_wall:,.0f}",
    }


def open_backends(args: argparse.Namespace, folder: Path) -> Iterator[tuple[str, SearchBackend, Path | None]]:
    from ficshelf.search.fts5_backend import Fts5Backend
    from ficshelf.search.tantivy_backend import TantivyBackend

    if "tantivy" in args.backends:
        yield "tantivy", TantivyBackend(folder / "index"), folder / "index"
    if "fts5" in args.backends:
        yield "fts5", Fts5Backend(folder / "search.sqlite3"), folder / "search.sqlite3"
    if "postgresql" in args.backends:
        from ficshelf.search.postgres_backend import PostgresBackend

        url = os.environ.get("FICSHELF_TEST_DATABASE_URL")
        server = None
        if not url:
            from tests.postgres import ThrowawayPostgres, find_bindir

            bindir = find_bindir()
            if bindir is None:
                print("PostgreSQL skipped: no server configured and no binaries found", file=sys.stderr)
                return
            server = ThrowawayPostgres(bindir)
            url = server.start()
        from ficshelf.store.engine import open_store
        from ficshelf.store.migrate import upgrade

        store = open_store(url)
        upgrade(store)  # migration 0003 creates the search tables
        store.close()
        backend = PostgresBackend(url)
        backend.clear()
        try:
            yield "postgresql", backend, None
        finally:
            backend.close()
            if server:
                server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jsonl", type=Path, default=DEV)
    parser.add_argument("--works", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--backends", default="tantivy,fts5", help="comma-separated: tantivy,fts5,postgresql")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()}, {os.cpu_count()} CPUs", file=sys.stderr, flush=True)
    bases = base_documents(args.jsonl)
    rows = []
    folder = Path(tempfile.mkdtemp(prefix="ficshelf-search-bench-"))
    try:
        for name, backend, path in open_backends(args, folder):
            row = measure(name, backend, bases, args)
            if path is not None:
                row["index MiB"] = f"{size_of(path) / 2**20:,.0f}"
            backend.close()
            rows.append(row)
            print(row, file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"load average {os.getloadavg()}", file=sys.stderr, flush=True)
    print_table(rows)


def print_table(rows: list[dict[str, str]]) -> None:
    """The results as one Markdown table on stdout (the only thing this script prints there)."""
    columns = list(dict.fromkeys(key for row in rows for key in row))
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))
    for row in rows:
        print("| " + " | ".join(row.get(column, "") for column in columns) + " |")
    for row in rows:  # the headline figures for benchmarks/run_all.py
        report_rows(f"search, {row['works']} works", [row], "backend", ["CPU p50 ms", "CPU p95 ms", "wall p95 ms"])


if __name__ == "__main__":
    main()
