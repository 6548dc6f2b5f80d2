"""Work-page throughput: 64 concurrent clients on loopback asking for work pages of the four sample stories.

Imports ../shared/seeds into a fresh data folder, starts `ficshelf serve` (one uvicorn process), warms the page
cache, then for DURATION seconds keeps 64 requests in flight and prints requests/s and latency percentiles.

    .venv/bin/python benchmarks/web.py [--clients 64] [--seconds 15] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

FICSHELF = [sys.executable, "-c", "from ficshelf.cli.main import main; main()"]


async def hammer(base: str, paths: list[str], clients: int, seconds: float) -> tuple[list[float], int]:
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:

        async def worker(offset: int) -> None:
            nonlocal errors
            i = offset
            while time.perf_counter() < stop:
                started = time.perf_counter()
                response = await client.get(paths[i % len(paths)])
                latencies.append(time.perf_counter() - started)
                errors += response.status_code != 200
                i += 1

        await asyncio.gather(*(worker(n) for n in range(clients)))
    return latencies, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="ficshelf-bench-web-"))
    seeds = sorted((args.shared / "seeds").glob("*.txt"))
    subprocess.run([*FICSHELF, "import", *map(str, seeds), "--data", str(data)], check=True)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [*FICSHELF, "serve", "--port", str(port), "--data", str(data)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(f"{base}/")
                break
            except httpx.TransportError:
                time.sleep(0.2)
        paths = [f"/works/{i}" for i in range(1, len(seeds) + 1)]
        for path in paths:  # warm the layout cache
            httpx.get(f"{base}{path}").raise_for_status()
        latencies, errors = asyncio.run(hammer(base, paths, args.clients, args.seconds))
    finally:
        server.terminate()
        server.wait(timeout=30)
    latencies.sort()
    count = len(latencies)
    quantiles = statistics.quantiles(latencies, n=100)
    print("| clients | requests | errors | requests/s | p50 ms | p99 ms |")
    print("|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {args.clients} | {count:,} | {errors} | {count / args.seconds:,.0f} | "
        f"{quantiles[49] * 1000:.0f} | {quantiles[98] * 1000:.0f} |"
    )


if __name__ == "__main__":
    main()
