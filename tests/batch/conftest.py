"""One local Ray session for every batch test (starting Ray costs 10-15 s), and a slice of dev.jsonl."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from ficshelf.cli.main import cli
from tests.store.conftest import postgres_module_url, store

__all__ = ["postgres_module_url", "store"]

ray = pytest.importorskip("ray")

#: 40 works of dev.jsonl (read at run time) and one bad line, so the Ray tests stay well under a minute or two.
SLICE_WORKS = 40
BAD_LINE_AT = 15


@pytest.fixture(scope="session")
def ray_address() -> Iterator[str]:
    """Address of the local Ray cluster this test session started (two CPUs, no dashboard)."""
    ray.init(num_cpus=2, include_dashboard=False, logging_level="WARNING")
    try:
        yield str(ray.get_runtime_context().gcs_address)
    finally:
        ray.shutdown()


@pytest.fixture(scope="session")
def dev_slice(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first 40 works of dev.jsonl in a temporary file, with a line that is not JSON at line 15."""
    lines = (corpus_dir / "dev.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)[:SLICE_WORKS]
    lines.insert(BAD_LINE_AT - 1, "this line is not JSON\n")
    path = tmp_path_factory.mktemp("slice") / "slice.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def batch_out(ray_address: str, dev_slice: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """``ficshelf batch analyze`` over the slice in shards of 11 lines: (output folder, its stderr and exit)."""
    out = tmp_path_factory.mktemp("batch") / "out"
    result = CliRunner().invoke(cli, ["batch", "analyze", str(dev_slice), "--out", str(out), "--shard-size", "11"])
    return out, result.stderr + f"\nexit={result.exit_code} {result.exception!r}"
