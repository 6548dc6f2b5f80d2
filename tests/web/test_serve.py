"""``ficshelf serve`` starts a real server on the given port over the given data folder."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def test_serve_answers_on_its_port_and_creates_the_archive(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    data = tmp_path / "archive"
    ficshelf = [sys.executable, "-c", "from ficshelf.cli.main import main; main()"]
    server = subprocess.Popen(
        [*ficshelf, "serve", "--port", str(port), "--data", str(data)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        response = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/works?q=")
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert response is not None and response.status_code == 200
        assert response.json() == {"works": [], "total": 0, "page": 1}
        assert (data / "ficshelf.db").is_file() and (data / "index").is_dir()
    finally:
        server.terminate()
        server.communicate(timeout=30)


def test_serve_with_two_workers_shares_one_archive(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    data = tmp_path / "archive"
    ficshelf = [sys.executable, "-c", "from ficshelf.cli.main import main; main()"]
    server = subprocess.Popen(
        [*ficshelf, "serve", "--port", str(port), "--data", str(data), "--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 90
        statuses: list[int] = []
        while time.monotonic() < deadline and len(statuses) < 6:
            try:
                with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:  # a new connection each time
                    statuses.append(client.get("/").status_code)
            except httpx.TransportError:
                time.sleep(0.2)
        assert statuses == [200] * 6
        assert (data / "ficshelf.db").is_file()
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    assert b"Traceback" not in errors
