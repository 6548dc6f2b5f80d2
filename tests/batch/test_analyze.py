"""``ficshelf batch analyze`` on local Ray gives ``ficshelf analyze``'s output, work by work, one file per shard."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from ficshelf.batch.annotations import marker_path, parquet_path
from ficshelf.batch.shards import plan_shards
from ficshelf.cli.main import cli
from tests.batch.conftest import BAD_LINE_AT, SLICE_WORKS

pytestmark = pytest.mark.corpus


def annotations(out: Path) -> dict[str, dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for path in sorted((out / "shards").glob("*.parquet")):
        for row in pq.read_table(path).to_pylist():
            assert row["work_id"] not in rows
            rows[row["work_id"]] = row
    return rows


def test_annotations_equal_analyze_output(batch_out: tuple[Path, str], dev_slice: Path) -> None:
    out, log = batch_out
    result = CliRunner().invoke(cli, ["analyze", "--no-beta", str(dev_slice)])
    expected = {doc["id"]: doc for doc in map(json.loads, result.stdout.splitlines())}
    rows = annotations(out)
    assert len(expected) == SLICE_WORKS
    assert sorted(rows) == sorted(expected)
    for work_id, row in rows.items():
        assert json.loads(row["analysis"]) == expected[work_id], work_id
        assert row["words"] == expected[work_id]["stats"]["words"]
        assert row["source"] == expected[work_id]["source"]
    # the bad line costs one line with analyze's code and message, and not its shard
    bad = f"{dev_slice}:{BAD_LINE_AT}: error FS108"
    assert next(line for line in result.stderr.splitlines() if "FS108" in line).startswith(bad)
    assert sum(bad in line for line in log.splitlines()) == 1
    assert "exit=1" in log


def test_one_parquet_file_and_marker_per_shard(batch_out: tuple[Path, str], dev_slice: Path) -> None:
    out, _ = batch_out
    shards = plan_shards([dev_slice], 11)
    assert len(shards) == 4  # 41 lines in shards of 11
    for shard in shards:
        marker = json.loads(marker_path(out, shard.name).read_text())
        table = pq.read_table(parquet_path(out, shard.name))
        assert marker["works"] == table.num_rows
        assert (marker["first"], marker["last"]) == (shard.first, shard.last)
    done = [json.loads(line)["shard"] for line in (out / "finished.log").read_text().splitlines()]
    assert sorted(done) == sorted(s.name for s in shards)
    assert not list((out / "shards").glob(".*.tmp"))


def test_finished_run_redoes_nothing(batch_out: tuple[Path, str], dev_slice: Path) -> None:
    out, _ = batch_out
    before = (out / "finished.log").read_text()
    result = CliRunner().invoke(cli, ["batch", "analyze", str(dev_slice), "--out", str(out), "--shard-size", "11"])
    assert result.exit_code == 0, result.stderr
    assert "4 done already, 0 to analyse" in result.stderr
    assert (out / "finished.log").read_text() == before


def test_other_shard_size_is_refused(batch_out: tuple[Path, str], dev_slice: Path) -> None:
    out, _ = batch_out
    result = CliRunner().invoke(cli, ["batch", "analyze", str(dev_slice), "--out", str(out), "--shard-size", "5"])
    assert result.exit_code != 0
    assert "FS901" in str(result.exception) or "FS901" in result.stderr


def test_parquet_input_gives_the_same_annotations(batch_out: tuple[Path, str], dev_slice: Path, tmp_path: Path) -> None:
    import pyarrow as pa

    records = [json.loads(line) for line in dev_slice.read_text(encoding="utf-8").splitlines()[:6]]
    parquet = tmp_path / "slice.parquet"
    pq.write_table(pa.Table.from_pylist(records), parquet)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["batch", "analyze", str(parquet), "--out", str(out), "--shard-size", "4"])
    assert result.exit_code == 0, result.stderr
    rows = annotations(out)
    from_jsonl = annotations(batch_out[0])
    assert sorted(rows) == sorted(r["id"] for r in records)
    for work_id, row in rows.items():
        assert row["source"] == f"{parquet}:{records.index(next(r for r in records if r['id'] == work_id)) + 1}"
        got, want = json.loads(row["analysis"]), json.loads(from_jsonl[work_id]["analysis"])
        assert {**got, "source": ""} == {**want, "source": ""}
    assert len(list((out / "shards").glob("*.done"))) == 2
