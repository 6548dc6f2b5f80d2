"""Shared fixtures. Real works are read from ../shared at run time, never copied into the repository."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.postgres import ThrowawayPostgres, find_bindir

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    return shared_dir / "seeds"


@pytest.fixture(scope="session")
def seeds_gold(seeds_dir: Path) -> dict[str, Any]:
    gold: dict[str, Any] = json.loads((seeds_dir / "gold.json").read_text(encoding="utf-8"))["works"]
    return gold


@pytest.fixture(scope="session")
def corpus_dir(shared_dir: Path) -> Path:
    return shared_dir / "corpus"


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A SQLAlchemy URL of an empty PostgreSQL database: ``FICSHELF_TEST_DATABASE_URL`` when set, otherwise a
    throwaway server started from Debian's binaries (``make test`` installs them). Missing binaries fail the
    run on CI and skip elsewhere."""
    configured = os.environ.get("FICSHELF_TEST_DATABASE_URL")
    if configured:
        yield configured
        return
    bindir = find_bindir()
    if bindir is None:
        message = "PostgreSQL binaries not found (Debian package postgresql; `make test` installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    server = ThrowawayPostgres(bindir)
    try:
        yield server.start()
    finally:
        server.stop()
