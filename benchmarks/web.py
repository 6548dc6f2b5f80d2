"""Work-page throughput: 64 concurrent clients on loopback asking for the work pages of the four sample stories.

Imports ../shared/seeds into a fresh data folder, starts `ficshelf serve` (a separate process, on 127.0.0.1
only), warms the per-version caches, then keeps CLIENTS keep-alive connections busy until REQUESTS requests are
done (or SECONDS have passed). Prints requests/s, latency p50/p95/p99, and the server's CPU time per request
(user + system time of the server process and its workers, read from /proc: the figure that does not depend
on how loaded the machine is). The client is a minimal HTTP/1.1 client on asyncio streams, so that it costs
the machine little CPU next to the server; each client keeps one guest cookie, as a browser would (with
--account every client is also logged in as one account, so no page comes from the guest-page cache).

    .venv/bin/python benchmarks/web.py [--clients 64] [--requests 6400] [--seconds 60] [--workers 1]
        [--paths work|chapter|home|tag] [--account] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from _report import report as report_figure

FICSHELF = [sys.executable, "-c", "from ficshelf.cli.main import main; main()"]
HOST = "127.0.0.1"


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and all its descendants (Linux /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(child) for child in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


async def fetch(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes) -> int:
    """Send one keep-alive GET and read the whole response; returns the status code."""
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = next((int(line.split(":", 1)[1]) for line in lines if line.lower().startswith("content-length:")), 0)
    await reader.readexactly(length)
    return status


async def hammer(
    port: int, paths: list[str], clients: int, requests: int, seconds: float, session: str = ""
) -> tuple[list[float], int]:
    latencies: list[float] = []
    errors = 0
    remaining = requests
    stop = time.perf_counter() + seconds

    async def client(offset: int) -> None:
        nonlocal errors, remaining
        cookie = f"fs_guest={secrets.token_urlsafe(32)}" + (f"; fs_session={session}" if session else "")
        reader, writer = await asyncio.open_connection(HOST, port)
        try:
            i = offset
            while remaining > 0 and time.perf_counter() < stop:
                remaining -= 1
                path = paths[i % len(paths)]
                request = f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nCookie: {cookie}\r\n\r\n".encode()
                started = time.perf_counter()
                status = await fetch(reader, writer, request)
                latencies.append(time.perf_counter() - started)
                errors += status != 200
                i += 1
        finally:
            writer.close()

    await asyncio.gather(*(client(n) for n in range(clients)))
    return latencies, errors


def account_session(base: str) -> str:
    """Register an account and return its session cookie (for --account: every client logged in as it)."""
    with httpx.Client(base_url=base, follow_redirects=True) as client:
        token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/register").text)
        assert token is not None
        form = {"name": "bench-reader", "password": "correct horse battery staple", "csrf_token": token.group(1)}
        client.post("/register", data=form).raise_for_status()
        return str(client.cookies["fs_session"])


def page_paths(base: str, kind: str, works: int) -> list[str]:
    if kind == "home":
        return ["/"]
    if kind == "tag":  # the first tags the home page links to
        return list(dict.fromkeys(re.findall(r'href="(/tags/[^"]+)"', httpx.get(f"{base}/").text)))[:4]
    if kind == "chapter":
        return [f"/works/{i}/chapters/1" for i in range(1, works + 1)]
    return [f"/works/{i}" for i in range(1, works + 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--requests", type=int, default=6400, help="stop after this many requests")
    parser.add_argument("--seconds", type=float, default=60.0, help="or after this many seconds")
    parser.add_argument("--workers", type=int, default=1, help="ficshelf serve --workers")
    parser.add_argument("--paths", choices=["work", "chapter", "home", "tag"], default="work")
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--account", action="store_true", help="clients logged in as one account (default: guests)")
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="ficshelf-bench-web-"))
    seeds = sorted((args.shared / "seeds").glob("*.txt"))
    subprocess.run([*FICSHELF, "import", *map(str, seeds), "--data", str(data), "--accept", "0.3"], check=True)
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port = probe.getsockname()[1]
    command = [*FICSHELF, "serve", "--host", HOST, "--port", str(port), "--data", str(data)]
    server = subprocess.Popen(
        command + (["--workers", str(args.workers)] if args.workers > 1 else []),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://{HOST}:{port}"
    try:
        for _ in range(600):
            try:
                httpx.get(f"{base}/")
                break
            except httpx.TransportError:
                time.sleep(0.2)
        paths = page_paths(base, args.paths, len(seeds))
        session = account_session(base) if args.account else ""
        for _ in range(2 * args.workers):  # warm every worker's caches (connections spread over the workers)
            for path in paths:
                httpx.get(f"{base}{path}").raise_for_status()
        cpu_before = cpu_seconds(server.pid)
        started = time.perf_counter()
        latencies, errors = asyncio.run(hammer(port, paths, args.clients, args.requests, args.seconds, session))
        elapsed = time.perf_counter() - started
        cpu_ms = (cpu_seconds(server.pid) - cpu_before) * 1000 / max(1, len(latencies))
    finally:
        server.terminate()
        server.wait(timeout=30)
    report(
        args.paths,
        "account" if args.account else "guest",
        args.workers,
        args.clients,
        latencies,
        errors,
        elapsed,
        cpu_ms,
    )


def report(
    pages: str,
    viewer: str,
    workers: int,
    clients: int,
    latencies: list[float],
    errors: int,
    elapsed: float,
    cpu_ms: float,
) -> None:
    """Print the run as one Markdown table row (with its header)."""
    count = len(latencies)
    q = statistics.quantiles(latencies, n=100)
    print(
        "| pages | viewer | workers | clients | requests | errors | requests/s | p50 ms | p95 ms | p99 ms "
        "| server CPU ms/request |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {pages} | {viewer} | {workers} | {clients} | {count:,} | {errors} | {count / elapsed:,.0f} | "
        f"{q[49] * 1000:.0f} | {q[94] * 1000:.0f} | {q[98] * 1000:.0f} | {cpu_ms:.2f} |"
    )
    page = f"web, {pages} pages ({viewer}), {clients} clients, {workers} worker(s)"
    report_figure(page, "requests/s", count / elapsed, "req/s")
    report_figure(page, "p99", q[98] * 1000, "ms")
    report_figure(page, "server CPU per request", cpu_ms, "ms")


if __name__ == "__main__":
    main()
