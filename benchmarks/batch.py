"""Words per second of ``ficshelf batch analyze`` on local Ray with 1 and 2 workers, over ../shared/corpus/dev.jsonl.

Each row starts a fresh local Ray (``num_cpus`` = workers; its start-up is timed separately and left out), runs
the batch job over dev.jsonl in shards of --shard-size lines into a new folder, and reports wall-clock words/s
and, from the shards' completion markers, words per CPU-second of the workers (analysis plus Parquet writing),
which does not depend on how loaded the machine is. The projection row divides AO3's ~1.5e11 words by the
per-worker CPU rate: the hours N workers would need, if nothing but analysis limited them.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import ray

from _report import report
from ficshelf.batch.job import pending, prepare_output, run_shards

DEV = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "dev.jsonl"
AO3_WORDS = 1.5e11


def run(path: Path, workers: int, shard_size: int) -> dict[str, float]:
    started = time.perf_counter()
    ray.init(num_cpus=workers, include_dashboard=False, logging_level="WARNING")
    ray_start = time.perf_counter() - started
    try:
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "out"
            prepare_output(out, shard_size)
            todo, _ = pending([path], out, shard_size)
            began = time.perf_counter()
            for _report in run_shards(todo, out, workers):
                pass
            wall = time.perf_counter() - began
            markers = [json.loads(p.read_text()) for p in (out / "shards").glob("*.done")]
    finally:
        ray.shutdown()
    words = sum(m["words"] for m in markers)
    cpu = sum(m["cpu_s"] for m in markers)
    return {"workers": workers, "ray_start_s": ray_start, "wall_s": wall, "words": words, "cpu_s": cpu}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", "--jsonl", dest="input", type=Path, default=DEV)
    parser.add_argument("--shard-size", type=int, default=25)
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts, one run each")
    args = parser.parse_args()
    print(f"batch analyze over {args.input.name}, shards of {args.shard_size} lines, local Ray")
    print("| workers | Ray start s | wall s | words | words/s (wall) | words/CPU-s per worker |")
    print("|---|---|---|---|---|---|")
    rates = []
    for workers in (int(n) for n in args.workers.split(",")):
        row = run(args.input, workers, args.shard_size)
        per_cpu = row["words"] / row["cpu_s"]
        rates.append(per_cpu)
        print(
            f"| {workers} | {row['ray_start_s']:.1f} | {row['wall_s']:.1f} | {row['words']:,.0f} | "
            f"{row['words'] / row['wall_s']:,.0f} | {per_cpu:,.0f} |"
        )
        report(f"batch on local Ray, {workers} worker(s)", "words/s (wall)", row["words"] / row["wall_s"], "words/s")
        report(f"batch on local Ray, {workers} worker(s)", "per worker", per_cpu, "words/CPU-s")
    rate = min(rates)
    for n in (100, 1000):
        hours = AO3_WORDS / rate / n / 3600
        print(f"projection: 1.5e11 words on {n} workers at {rate:,.0f} words/CPU-s each: {hours:,.1f} h")
        report("projection: 15M works, 1.5e11 words", f"{n} workers at {rate:,.0f} words/CPU-s", hours, "h")


if __name__ == "__main__":
    main()
