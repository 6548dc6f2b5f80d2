"""``ficshelf batch load``: read the finished shards' annotations and store them as suggested tags."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ficshelf.batch.annotations import SHARDS_DIR, parquet_path
from ficshelf.errors import BatchOutputError
from ficshelf.model import TagKind
from ficshelf.store.batch_load import suggest_by_source
from ficshelf.store.engine import Store
from ficshelf.store.records import SuggestedTag, TagSource

#: Works written per transaction.
CHUNK = 200


@dataclass(slots=True)
class LoadReport:
    shards: int = 0
    matched: int = 0
    unmatched: int = 0


def finished_shards(out: Path) -> list[str]:
    """Names of the shards with a completion marker (only those have a complete Parquet file)."""
    return sorted(p.stem for p in (out / SHARDS_DIR).glob("*.done"))


def load_annotations(store: Store, out: Path) -> LoadReport:
    report = LoadReport()
    for name in finished_shards(out):
        report.shards += 1
        batch: dict[str, list[SuggestedTag]] = {}
        for source, tags in _shard_suggestions(parquet_path(out, name)):
            batch[source] = tags
            if len(batch) >= CHUNK:
                _flush(store, batch, report)
        _flush(store, batch, report)
    return report


def _flush(store: Store, batch: dict[str, list[SuggestedTag]], report: LoadReport) -> None:
    matched = len(suggest_by_source(store, batch))
    report.matched += matched
    report.unmatched += len(batch) - matched
    batch.clear()


def _shard_suggestions(path: Path) -> Iterator[tuple[str, list[SuggestedTag]]]:
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path, columns=["source", "suggested_tags"])
        for row in table.to_pylist():
            yield str(row["source"]), [_tag(item) for item in json.loads(row["suggested_tags"])]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise BatchOutputError(f"{path}: cannot read annotations ({type(err).__name__}: {err})") from None


def _tag(item: dict[str, Any]) -> SuggestedTag:
    return SuggestedTag(
        TagKind(item["kind"]),
        str(item["name"]),
        item.get("score"),
        list(item.get("evidence") or []),
        TagSource.SUGGESTED,
    )
