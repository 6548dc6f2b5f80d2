"""A batch run killed midway, then run again, ends with every shard done exactly once."""

from __future__ import annotations

import collections
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from ficshelf.batch.shards import plan_shards
from ficshelf.cli.main import cli
from tests.batch.conftest import BAD_LINE_AT

pytestmark = pytest.mark.corpus

SHARD_SIZE = 5  # 41 lines: 9 shards


def finished(out: Path) -> list[str]:
    log = out / "finished.log"
    return [json.loads(line)["shard"] for line in log.read_text().splitlines()] if log.is_file() else []


def test_killed_run_resumes_and_does_every_shard_once(ray_address: str, dev_slice: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["batch", "analyze", str(dev_slice), "--out", str(out), "--shard-size", str(SHARD_SIZE), "--no-progress"]
    # the first run: a separate driver on this session's Ray cluster, one shard at a time, killed (SIGKILL)
    # as soon as its first shard is finished
    command = [sys.executable, "-c", "from ficshelf.cli.main import main; main()", *args]
    driver = subprocess.Popen(
        [*command, "--address", ray_address, "--workers", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while not list((out / "shards").glob("*.done")) and driver.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    os.killpg(driver.pid, signal.SIGKILL)
    _, stderr = driver.communicate()
    assert driver.returncode == -signal.SIGKILL, stderr.decode()
    shards = [s.name for s in plan_shards([dev_slice], SHARD_SIZE)]
    assert len(shards) == 9
    done_before = set(finished(out))
    assert 1 <= len(done_before) < len(shards)
    time.sleep(1)  # let Ray reap the killed driver's task before resuming

    result = CliRunner().invoke(cli, args)
    # the bad line fails again only when its shard was not finished before the kill (a finished shard is never redone)
    bad_shard = shards[(BAD_LINE_AT - 1) // SHARD_SIZE]
    assert result.exit_code == (0 if bad_shard in done_before else 1), result.stderr
    assert ("FS108" in result.stderr) == (bad_shard not in done_before), result.stderr
    done_after = set(finished(out))
    assert f"{len(done_after & done_before)} done already" in result.stderr
    counts = collections.Counter(finished(out))
    assert sorted(counts) == sorted(shards)
    assert set(counts.values()) == {1}, counts
    assert len(list((out / "shards").glob("*.parquet"))) == len(shards)
