"""Run every benchmark and print one combined table at the end (``make bench``).

Each script runs in its own process, as it would alone, and prints its own tables as it goes; it also hands its
headline figures to this runner through ``benchmarks/_report.py`` (a JSON Lines file named by
``FICSHELF_BENCH_REPORT``). The combined Markdown table at the end lists them all, with the machine described and
its load average before and after, since the wall-clock figures depend on what else ran.

Full sizes (the default) take an hour or more: search indexes 100,000 works into tantivy, SQLite FTS5 and
PostgreSQL, import stores 10,000 works. ``--quick`` runs every step on a few works to check that everything still
runs (the figures then mean little); ``--only``/``--skip`` choose steps; ``--no-postgres`` leaves PostgreSQL out of
the search steps. A step that fails is shown as failed in the table, the others still run, and the exit status
is 1.

    .venv/bin/python benchmarks/run_all.py [--quick] [--only analysis,search-10k] [--jsonl FILE] [--markdown FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from _report import ENV

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


@dataclass(frozen=True)
class Step:
    name: str
    script: str
    full: tuple[str, ...]
    quick: tuple[str, ...] | None  # None: left out of --quick runs
    reads_jsonl: bool = True


SEARCH = ("--backends", "tantivy,fts5,postgresql")
STEPS = (
    Step("structure", "structure.py", (), ("--min-words", "1")),
    Step("analysis", "analyze.py", (), ("--min-words", "1", "--spacy-words", "100")),
    Step("beta", "beta.py", (), ("--min-words", "1")),
    Step("exports", "exports.py", (), ("--limit", "3")),
    Step("import", "import_works.py", ("--works", "10000", "--jobs", "1,2"), ("--works", "6")),
    Step("search-10k", "search.py", ("--works", "10000", *SEARCH), ("--works", "40", "--repeat", "1")),
    Step("search-100k", "search.py", ("--works", "100000", *SEARCH), None),
    Step("web", "web.py", ("--clients", "64", "--requests", "6400"), ("--clients", "8", "--requests", "100"), False),
    Step("batch", "batch.py", ("--workers", "1,2"), ("--workers", "1", "--shard-size", "6")),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="a few works per step: checks that all still runs")
    parser.add_argument("--only", default="", help="comma-separated steps to run: " + ",".join(s.name for s in STEPS))
    parser.add_argument("--skip", default="", help="comma-separated steps to leave out")
    parser.add_argument("--jsonl", type=Path, default=None, help="works to read instead of ../shared/corpus/dev.jsonl")
    parser.add_argument("--no-postgres", action="store_true", help="search tantivy and FTS5 only")
    parser.add_argument("--markdown", type=Path, default=None, help="also write the combined table to this file")
    args = parser.parse_args()
    steps = chosen(args)
    load_before = os.getloadavg()
    results: list[tuple[Step, list[dict[str, object]], str, float]] = []
    for step in steps:
        results.append(run_step(step, args))
    table = combined_table(results, args, load_before)
    print("\n" + table)
    if args.markdown:
        args.markdown.write_text(table + "\n", encoding="utf-8")
    if any(status not in ("ok", "skipped (--quick)") for _, _, status, _ in results):
        sys.exit(1)


def chosen(args: argparse.Namespace) -> list[Step]:
    names = {s.name for s in STEPS}
    only = {n for n in args.only.split(",") if n}
    skip = {n for n in args.skip.split(",") if n}
    unknown = (only | skip) - names
    if unknown:
        sys.exit(f"unknown step(s): {', '.join(sorted(unknown))}; the steps are {', '.join(s.name for s in STEPS)}")
    return [s for s in STEPS if (not only or s.name in only) and s.name not in skip]


def command(step: Step, args: argparse.Namespace) -> list[str] | None:
    options = step.quick if args.quick else step.full
    if options is None:
        return None
    options = tuple("tantivy,fts5" if o == SEARCH[1] and args.no_postgres else o for o in options)
    jsonl = ("--jsonl", str(args.jsonl)) if args.jsonl and step.reads_jsonl else ()
    return [sys.executable, str(HERE / step.script), *options, *jsonl]


def run_step(step: Step, args: argparse.Namespace) -> tuple[Step, list[dict[str, object]], str, float]:
    argv = command(step, args)
    if argv is None:
        return step, [], "skipped (--quick)", 0.0
    print(f"\n== {step.name}: {' '.join(Path(a).name if a.endswith('.py') else a for a in argv[1:])}", flush=True)
    with tempfile.NamedTemporaryFile(prefix="ficshelf-bench-", suffix=".jsonl", delete=False) as handle:
        report_file = Path(handle.name)
    started = time.perf_counter()
    try:
        done = subprocess.run(argv, cwd=REPO, env={**os.environ, ENV: str(report_file)}, check=False)
        rows = [json.loads(line) for line in report_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    finally:
        report_file.unlink(missing_ok=True)
    wall = time.perf_counter() - started
    status = "ok" if done.returncode == 0 else f"failed (exit {done.returncode})"
    return step, rows, status, wall


def combined_table(
    results: list[tuple[Step, list[dict[str, object]], str, float]],
    args: argparse.Namespace,
    load_before: tuple[float, float, float],
) -> str:
    lines = [
        f"## make bench{' --quick' if args.quick else ''}: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        "",
        machine(load_before),
        "",
        "| step | benchmark | measure | value | unit |",
        "|---|---|---|---:|---|",
    ]
    for step, rows, status, _ in results:
        if status != "ok" or not rows:
            lines.append(f"| {step.name} | {status if status != 'ok' else 'no figures reported'} | | | |")
        for row in rows:
            lines.append(
                f"| {step.name} | {row['benchmark']} | {row['measure']} | {shown(row['value'])} | {row['unit']} |"
            )
    took = ", ".join(f"{step.name} {wall:.0f} s" for step, _, status, wall in results if status != "skipped (--quick)")
    lines += ["", f"Wall-clock time per step: {took}."]
    return "\n".join(lines)


def machine(load_before: tuple[float, float, float]) -> str:
    cores = os.cpu_count() or 0
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        kib = int(meminfo.read_text().split("MemTotal:")[1].split()[0])
        memory = f", {kib / 2**20:.0f} GiB memory"
    system = platform.platform(terse=True)
    release = Path("/etc/os-release")
    if release.is_file():
        pretty = [ln for ln in release.read_text().splitlines() if ln.startswith("PRETTY_NAME=")]
        system = pretty[0].split("=", 1)[1].strip('"') if pretty else system
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True)
    after = os.getloadavg()
    return (
        f"Machine: {cores} cores{memory}, {system}, Python {platform.python_version()}; "
        f"commit {commit.stdout.strip() or 'unknown'}. Load average (1 min) {load_before[0]:.1f} before, "
        f"{after[0]:.1f} after: CPU-time figures (per CPU-s) hold on a loaded machine, wall-clock ones do not."
    )


def shown(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.3g}"


if __name__ == "__main__":
    main()
