"""``ficshelf serve`` starts a real server on the given port over the given data folder."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx


def _serve(data: Path, env: dict[str, str] | None = None) -> tuple[subprocess.Popen[bytes], int]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    ficshelf = [sys.executable, "-c", "from ficshelf.cli.main import main; main()"]
    server = subprocess.Popen(
        [*ficshelf, "serve", "--port", str(port), "--data", str(data)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
    )
    return server, port


def _get(url: str, **kwargs: Any) -> httpx.Response:
    deadline = time.monotonic() + 60
    while True:
        try:
            return httpx.get(url, **kwargs)
        except httpx.TransportError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_serve_answers_on_its_port_and_creates_the_archive(tmp_path: Path) -> None:
    data = tmp_path / "archive"
    server, port = _serve(data)
    try:
        response = _get(f"http://127.0.0.1:{port}/api/works?q=")
        assert response.status_code == 200
        assert response.json() == {"works": [], "total": 0, "page": 1}
        assert (data / "ficshelf.db").is_file() and (data / "index").is_dir()
        # no proxy is trusted by default: a forged X-Forwarded-Proto does not make cookies Secure
        forged = _get(f"http://127.0.0.1:{port}/", headers={"x-forwarded-proto": "https"})
        assert "secure" not in forged.headers["set-cookie"].lower()
    finally:
        server.terminate()
        server.communicate(timeout=30)


def test_serve_behind_a_trusted_https_proxy_sets_secure_cookies(tmp_path: Path) -> None:
    server, port = _serve(tmp_path / "archive", {"FICSHELF_FORWARDED_ALLOW_IPS": "127.0.0.1"})
    try:
        response = _get(f"http://127.0.0.1:{port}/", headers={"x-forwarded-proto": "https"})
        assert response.status_code == 200
        assert "; secure" in response.headers["set-cookie"].lower()
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
