"""Shards: fixed runs of lines of a JSON Lines file (or rows of a Parquet file), named so a rerun finds them.

A shard's name is ``<file stem>-<hash of the file's absolute path>-<index>``; its records get the same ``source``
(``<path as given>:<line>``) that ``ficshelf analyze`` and ``ficshelf import`` give them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ficshelf.errors import MissingPath, UnknownFormat
from ficshelf.ingest.sources import Item, jsonl_item
from ficshelf.settings import Settings, get_settings

PARQUET_SUFFIXES = (".parquet", ".pq")


@dataclass(frozen=True, slots=True)
class Shard:
    """Records ``first``..``last`` (1-based lines of a JSONL file, or rows of a Parquet file) of one input."""

    name: str
    path: str  # absolute, for the worker that reads it
    shown: str  # the path as the user gave it, for ``source``
    first: int
    last: int

    def to_row(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Shard:
        return cls(str(row["name"]), str(row["path"]), str(row["shown"]), int(row["first"]), int(row["last"]))


def plan_shards(inputs: Sequence[str | Path], shard_size: int) -> list[Shard]:
    """Every input file cut into shards of ``shard_size`` records (lines of a JSONL file, rows of Parquet)."""
    shards: list[Shard] = []
    for raw in inputs:
        path = Path(raw)
        if not path.is_file():
            raise MissingPath(f"{raw}: no such file")
        count = _record_count(path)
        tag = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:8]
        for index, first in enumerate(range(1, max(count, 1) + 1, shard_size)):
            last = min(first + shard_size - 1, count)
            shards.append(Shard(f"{path.stem}-{tag}-{index:05d}", str(path.resolve()), str(raw), first, last))
    return shards


def read_shard(shard: Shard, settings: Settings | None = None) -> Iterator[Item]:
    """The shard's records as Items, with the same sources and errors as ``ficshelf analyze`` gives them."""
    settings = settings or get_settings()
    path = Path(shard.path)
    if shard_is_archive_export(shard):
        from ficshelf.batch.archive import archive_items

        yield from archive_items(path, shard.first, shard.last)
        return
    if is_parquet(path):
        yield from _parquet_items(shard, settings)
        return
    with path.open("rb") as stream:
        for number, line in enumerate(stream, start=1):
            if number > shard.last:
                break
            if number >= shard.first and line.strip():
                yield jsonl_item(line, f"{shard.shown}:{number}", settings)


def shard_is_archive_export(shard: Shard) -> bool:
    """Whether the shard's file is an archive export (``--from-archive``) rather than JSON Lines-like records."""
    if not is_parquet(Path(shard.path)):
        return False
    from ficshelf.batch.archive import is_archive_export

    return is_archive_export(Path(shard.path))


def is_parquet(path: Path) -> bool:
    return path.suffix.lower() in PARQUET_SUFFIXES


def _record_count(path: Path) -> int:
    if is_parquet(path):
        import pyarrow.parquet as pq

        return int(pq.ParquetFile(path).metadata.num_rows)
    if path.suffix.lower() not in (".jsonl", ".ndjson", ".json"):
        raise UnknownFormat(f"{path}: batch reads JSON Lines (.jsonl) or Parquet (.parquet) shards")
    with path.open("rb") as stream:
        return sum(1 for _ in stream)


def _parquet_items(shard: Shard, settings: Settings) -> Iterator[Item]:
    """Parquet rows with the JSONL fields (``id``, ``text`` or ``text_html``, ``title``, ``fandoms`` …)."""
    import pyarrow.parquet as pq

    table = pq.read_table(shard.path).slice(shard.first - 1, shard.last - shard.first + 1)
    for offset, row in enumerate(table.to_pylist()):
        line = json.dumps(row, ensure_ascii=False, default=str).encode()
        yield jsonl_item(line, f"{shard.shown}:{shard.first + offset}", settings)
