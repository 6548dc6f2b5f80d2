"""One shard's annotations: analyse its records, write ``<shard>.parquet``, then its ``<shard>.done`` marker.

Both files are written under a temporary name and renamed into place, the marker last, so a shard with a marker
has a complete Parquet file and a shard without one is simply done again. Every finish appends one line to
``finished.log`` (the record that a shard was done exactly once).
"""

from __future__ import annotations

import json
import os
import socket
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ficshelf.analysis.output import doc_to_json
from ficshelf.analysis.pipeline import default_pipeline
from ficshelf.annotation import analyse_item
from ficshelf.batch.files import write_atomically
from ficshelf.batch.shards import Shard, read_shard, shard_is_archive_export
from ficshelf.errors import FicshelfError
from ficshelf.posting import suggestions

SHARDS_DIR = "shards"
FINISHED_LOG = "finished.log"

#: One row per analysed work. ``analysis`` is exactly the object ``ficshelf analyze`` prints (as JSON text);
#: ``suggested_tags`` is what ``ficshelf import`` would store as pending suggestions (``ficshelf.posting``);
#: ``archive_id`` is the work's id in the archive it was exported from (``--from-archive``), else null.
SCHEMA = pa.schema(
    [
        ("work_id", pa.string()),
        ("source", pa.string()),
        ("title", pa.string()),
        ("language", pa.string()),
        ("words", pa.int64()),
        ("fandom", pa.string()),
        ("analysis", pa.string()),
        ("suggested_tags", pa.string()),
        ("archive_id", pa.int64()),
    ]
)


def parquet_path(out: Path, name: str) -> Path:
    return out / SHARDS_DIR / f"{name}.parquet"


def marker_path(out: Path, name: str) -> Path:
    return out / SHARDS_DIR / f"{name}.done"


def is_done(out: Path, name: str) -> bool:
    return marker_path(out, name).is_file()


def annotate_shard(shard: Shard, out: Path) -> dict[str, Any]:
    """Analyse a shard and write its annotations and marker; a shard already done is left alone.

    Returns ``{"shard", "works", "failed", "errors", "skipped"}``; ``errors`` holds one line per bad record.
    """
    if is_done(out, shard.name):
        return {"shard": shard.name, "works": 0, "failed": 0, "errors": [], "skipped": True}
    started = time.process_time()
    pipeline = default_pipeline()
    from_archive = shard_is_archive_export(shard)
    rows: list[dict[str, Any]] = []
    errors: list[str] = []
    for item in read_shard(shard):
        doc = analyse_item(item, pipeline)
        if isinstance(doc, FicshelfError):
            errors.append(doc.line(item.source))
            continue
        analysis = doc_to_json(doc)
        rows.append(
            {
                "work_id": analysis["id"],
                "source": analysis["source"],
                "title": analysis["title"],
                "language": analysis["language"],
                "words": int(analysis["stats"]["words"]),
                "fandom": analysis["fandoms"][0]["name"] if analysis["fandoms"] else None,
                "analysis": json.dumps(analysis, ensure_ascii=False),
                "suggested_tags": json.dumps([_tag_json(s) for s in suggestions(doc)], ensure_ascii=False),
                "archive_id": int(analysis["id"]) if from_archive else None,
            }
        )
    write_atomically(parquet_path(out, shard.name), lambda tmp: pq.write_table(_table(rows), tmp))
    marker = {
        **shard.to_row(),
        "works": len(rows),
        "words": sum(row["words"] for row in rows),
        "failed": len(errors),
        "errors": errors,
        "cpu_s": round(time.process_time() - started, 3),  # this task's CPU time: analysis and writing
        "finished": time.time(),
    }
    write_atomically(marker_path(out, shard.name), lambda tmp: tmp.write_text(json.dumps(marker), encoding="utf-8"))
    _log_finish(out, shard.name, len(rows))
    return {"shard": shard.name, "works": len(rows), "failed": len(errors), "errors": errors, "skipped": False}


def _table(rows: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=SCHEMA)


def _tag_json(tag: Any) -> dict[str, Any]:
    data: dict[str, Any] = asdict(tag)
    data["kind"] = tag.kind.value
    data["source"] = tag.source.value
    return data


def _log_finish(out: Path, name: str, works: int) -> None:
    line = json.dumps({"shard": name, "works": works, "host": socket.gethostname(), "pid": os.getpid()}) + "\n"
    with (out / FINISHED_LOG).open("a", encoding="utf-8") as log:
        log.write(line)
