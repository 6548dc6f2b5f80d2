"""Files every batch step writes whole or not at all: written under a temporary name, then renamed into place."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any


def write_atomically(final: Path, write: Callable[[Path], Any]) -> None:
    """Call ``write(tmp)`` for a hidden temporary file beside ``final``, then rename it to ``final``."""
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = final.with_name(f".{final.name}.{uuid.uuid4().hex}.tmp")
    try:
        write(tmp)
        os.replace(tmp, final)
    finally:
        tmp.unlink(missing_ok=True)
