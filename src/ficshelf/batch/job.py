"""The Ray Data job: the shards not yet done become a dataset of rows, ``map`` annotates one shard per task.

Ray Data schedules the tasks (locally, or on the cluster ``--address`` names) and streams each finished shard's
report back to the driver, which shows progress and prints bad records. ``job.json`` pins the shard size, so a
resumed run cuts its inputs into the same shards.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from ficshelf.batch.annotations import annotate_shard, is_done
from ficshelf.batch.shards import Shard, plan_shards
from ficshelf.errors import BatchOutputError, RayUnavailable

JOB_FILE = "job.json"


def prepare_output(out: Path, shard_size: int) -> None:
    """Create ``out`` and pin its shard size; refuse a folder written with another one."""
    if out.exists() and not out.is_dir():
        raise BatchOutputError(f"{out} is not a folder")
    out.mkdir(parents=True, exist_ok=True)
    job = out / JOB_FILE
    if job.is_file():
        try:
            pinned = int(json.loads(job.read_text(encoding="utf-8"))["shard_size"])
        except (ValueError, KeyError, TypeError) as err:
            raise BatchOutputError(f"{job} cannot be read ({err})") from None
        if pinned != shard_size:
            raise BatchOutputError(f"{out} was written with --shard-size {pinned}; resume with the same size")
    else:
        job.write_text(json.dumps({"shard_size": shard_size}) + "\n", encoding="utf-8")


def connect(address: str | None, workers: int | None) -> None:
    """Start local Ray (or join the cluster at ``address``) unless this process already has a session."""
    try:
        import ray
    except ImportError:
        raise RayUnavailable("Ray is not installed: pip install 'ficshelf[batch]'") from None
    if ray.is_initialized():
        return
    options: dict[str, Any] = {"include_dashboard": False, "logging_level": logging.WARNING}
    if address is None and workers is not None:
        options["num_cpus"] = workers
    try:
        ray.init(address=address, **options)
    except (ConnectionError, RuntimeError, ValueError) as err:
        raise RayUnavailable(f"cannot start or reach Ray at {address or 'local'}: {err}") from None


def pending(inputs: Sequence[str | Path], out: Path, shard_size: int) -> tuple[list[Shard], list[Shard]]:
    """(shards still to do, shards already done) of the inputs."""
    shards = plan_shards(inputs, shard_size)
    done = [s for s in shards if is_done(out, s.name)]
    return [s for s in shards if not is_done(out, s.name)], done


def run_shards(shards: Sequence[Shard], out: Path, workers: int | None) -> Iterator[dict[str, Any]]:
    """Annotate ``shards`` on Ray Data, yielding each shard's report as it finishes."""
    if not shards:
        return
    import ray.data

    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    dataset = ray.data.from_items([s.to_row() for s in shards], override_num_blocks=len(shards))
    annotated = dataset.map(
        partial(_annotate_row, out=str(out)), num_cpus=1, compute=ray.data.TaskPoolStrategy(size=workers)
    )
    for row in annotated.iter_rows():
        yield {**row, "errors": json.loads(row["errors"])}


def _annotate_row(row: dict[str, Any], out: str) -> dict[str, Any]:
    report = annotate_shard(Shard.from_row(row), Path(out))
    report["errors"] = json.dumps(report["errors"])  # one Arrow column type, whatever the count
    return report
