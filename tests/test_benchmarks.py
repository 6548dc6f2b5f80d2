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
    # web starts a server, batch a Ray cluster (each has its own tests); flames reads no dev.jsonl
    assert scripts - set(SMALL) <= {"web.py", "flames.py", "batch.py"}
