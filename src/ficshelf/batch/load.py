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
from ficshelf.store.batch_load import suggest_by_id, suggest_by_source
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
    """Annotations of files are matched by ``source``, those of an archive export by ``archive_id``."""
    report = LoadReport()
    for name in finished_shards(out):
        report.shards += 1
        by_source: dict[str, list[SuggestedTag]] = {}
        by_id: dict[int, list[SuggestedTag]] = {}
        for source, archive_id, tags in _shard_suggestions(parquet_path(out, name)):
            if archive_id is None:
                by_source[source] = tags
            else:
                by_id[archive_id] = tags
            if len(by_source) + len(by_id) >= CHUNK:
                _flush(store, by_source, by_id, report)
        _flush(store, by_source, by_id, report)
    return report


def _flush(
    store: Store, by_source: dict[str, list[SuggestedTag]], by_id: dict[int, list[SuggestedTag]], report: LoadReport
) -> None:
    matched = len(suggest_by_source(store, by_source)) + len(suggest_by_id(store, by_id))
    report.matched += matched
    report.unmatched += len(by_source) + len(by_id) - matched
    by_source.clear()
    by_id.clear()


def _shard_suggestions(path: Path) -> Iterator[tuple[str, int | None, list[SuggestedTag]]]:
    import pyarrow.parquet as pq

    try:
        columns = ["source", "suggested_tags"]
        if "archive_id" in pq.read_schema(path).names:  # shards written before archive input existed lack it
            columns.append("archive_id")
        for row in pq.read_table(path, columns=columns).to_pylist():
            tags = [_tag(item) for item in json.loads(row["suggested_tags"])]
            yield str(row["source"]), row.get("archive_id"), tags
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
