"""Every benchmark still runs: each script on a few dev.jsonl works (read from ../shared at run time), checking
only that it finishes and prints its table. The figures themselves belong in docs/benchmarks.md, never in tests."""

from __future__ import annotations

import subprocess
import sys
from itertools import islice
from pathlib import Path

import pytest

from tests.conftest import REPO

SMALL = {
    "analyze.py": ["--min-words", "1", "--spacy-words", "100"],
    "beta.py": ["--min-words", "1"],
    "structure.py": ["--min-words", "1"],
    "exports.py": ["--limit", "3"],
    "import_works.py": ["--works", "6"],
    "search.py": ["--works", "40", "--repeat", "1", "--backends", "tantivy,fts5"],
}


@pytest.fixture(scope="module")
def few_works(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "few.jsonl"
    with (corpus_dir / "dev.jsonl").open(encoding="utf-8") as lines:
        path.write_text("".join(islice(lines, 12)), encoding="utf-8")
    return path


@pytest.mark.parametrize("script", sorted(SMALL))
def test_benchmark_runs_on_a_few_works(script: str, few_works: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / script), "--jsonl", str(few_works), *SMALL[script]],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "/CPU-s" in result.stdout or "works/s" in result.stdout or "p95" in result.stdout, result.stdout


def test_every_benchmark_script_is_covered() -> None:
    scripts = {p.name for p in (REPO / "benchmarks").glob("*.py")}
    # web starts a server, batch a Ray cluster (each has its own tests); flames reads no dev.jsonl; run_all runs
    # the others (below) and _report is its helper
    assert scripts - set(SMALL) <= {"web.py", "flames.py", "batch.py", "run_all.py", "_report.py"}


def test_runner_prints_one_table_of_every_step(few_works: Path) -> None:
    """``make bench``'s runner on a few works (the server and Ray steps left out to stay under a minute)."""
    options = ["--quick", "--skip", "web,batch", "--jsonl", str(few_works)]
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "run_all.py"), *options],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    table = result.stdout.split("## make bench --quick")[1]
    rows = [line.split(" | ") for line in table.splitlines() if line.startswith("| ") and "---" not in line][1:]
    steps = {row[0].lstrip("| ") for row in rows}
    assert steps == {"structure", "analysis", "beta", "exports", "import", "search-10k", "search-100k"}
    measures = {(row[1], row[2]) for row in rows}
    assert ("analysis", "default pipeline (tagging)") in measures
    assert ("search, 40 works", "tantivy CPU p95 ms") in measures and (
        "search, 40 works",
        "fts5 CPU p95 ms",
    ) in measures
    assert ("import (sqlite), jobs 1", "all stages") in measures
    assert any(row[0] == "| search-100k" and "skipped" in row[1] for row in rows)
    values = [row[3] for row in rows if row[1] == "analysis" and row[2] == "default pipeline (tagging)"]
    assert float(values[0].replace(",", "")) > 0
