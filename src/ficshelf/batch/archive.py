"""An archive's own database as batch input: its works exported once into Parquet shards under ``OUT/archive/``.

The driver reads the works in id order, ``--shard-size`` works per file (``archive-00000.parquet`` …), each file
written under a temporary name and renamed, and writes ``OUT/archive/manifest.json`` last. The manifest makes the
export a snapshot: a resumed run reuses the files it lists (so its shards are the same shards, and those with a
completion marker are skipped); works posted after the export wait for the next run into a new OUT. The files
carry each work's stored structure (chapters with titles, summaries and notes; the work's summary, notes and
language) and its visible tags, marked in the Parquet schema's metadata so that ``shards.read_shard`` rebuilds
the ``Work`` exactly as the archive holds it instead of reading the rows as JSON Lines records.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy.engine import make_url

from ficshelf.batch.files import write_atomically
from ficshelf.errors import BatchOutputError
from ficshelf.ingest.sources import Item
from ficshelf.model import Chapter, Tag, TagKind, Work
from ficshelf.store.batch_export import count_works, works_after
from ficshelf.store.engine import Store

EXPORT_DIR = "archive"
MANIFEST = "manifest.json"
#: Parquet schema metadata naming an archive export (and its layout's version).
FORMAT_KEY = b"ficshelf"
FORMAT = b"archive-works/1"

_STRINGS = pa.list_(pa.string())
SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("source", pa.string()),
        ("title", pa.string()),
        ("summary", pa.string()),
        ("language", pa.string()),
        ("complete", pa.bool_()),
        ("chapters_stat", pa.string()),
        ("notes_beginning", _STRINGS),
        ("notes_end", _STRINGS),
        (
            "chapters",
            pa.list_(
                pa.struct(
                    [
                        ("number", pa.int64()),
                        ("title", pa.string()),
                        ("summary", pa.string()),
                        ("notes_beginning", _STRINGS),
                        ("notes_end", _STRINGS),
                        ("text", pa.string()),
                    ]
                )
            ),
        ),
        ("tags", pa.list_(pa.struct([("kind", pa.string()), ("name", pa.string())]))),
    ],
    metadata={FORMAT_KEY: FORMAT},
)


def export_archive(
    store: Store, out: Path, shard_size: int, on_file: Callable[[int, int], None] | None = None
) -> list[Path]:
    """The archive's works as Parquet files of ``shard_size`` works under ``out/archive``; reused when done before.

    ``on_file(works so far, works in all)`` is called after each file (progress).
    """
    folder = out / EXPORT_DIR
    manifest = folder / MANIFEST
    if manifest.is_file():
        return _listed(manifest)
    folder.mkdir(parents=True, exist_ok=True)
    total = count_works(store)
    names: list[str] = []
    after = exported = 0
    started = time.process_time()
    while page := works_after(store, after, shard_size):
        name = f"archive-{len(names):05d}.parquet"
        table = pa.Table.from_pylist([work_row(work) for work in page], schema=SCHEMA)
        write_atomically(folder / name, partial(pq.write_table, table))
        names.append(name)
        after = int(page[-1].id)
        exported += len(page)
        if on_file is not None:
            on_file(exported, total)
    record = {
        "database": _fingerprint(store.url),
        "works": exported,
        "last_id": after,
        "shard_size": shard_size,
        "files": names,
        "cpu_s": round(time.process_time() - started, 3),
        "exported": time.time(),
    }
    write_atomically(manifest, lambda tmp: tmp.write_text(json.dumps(record) + "\n", encoding="utf-8"))
    return [folder / name for name in names]


def is_archive_export(path: Path) -> bool:
    metadata = pq.read_schema(path).metadata or {}
    return metadata.get(FORMAT_KEY) == FORMAT


def archive_items(path: Path, first: int, last: int) -> Iterator[Item]:
    """Rows ``first``..``last`` (1-based) of an export file as Items holding the works as the archive stores them."""
    table = pq.read_table(path).slice(first - 1, last - first + 1)
    for row in table.to_pylist():
        yield Item(f"archive work {row['id']}", work=row_work(row))


def work_row(work: Work) -> dict[str, Any]:
    """Pure: one exported row of a Work read from the archive."""
    return {
        "id": work.id,
        "source": work.source,
        "title": work.title,
        "summary": work.summary,
        "language": work.language,
        "complete": work.complete,
        "chapters_stat": work.source_stats.get("chapters"),
        "notes_beginning": list(work.notes_beginning),
        "notes_end": list(work.notes_end),
        "chapters": [
            {
                "number": c.number,
                "title": c.title,
                "summary": c.summary,
                "notes_beginning": list(c.notes_beginning),
                "notes_end": list(c.notes_end),
                "text": c.text,
            }
            for c in work.chapters
        ],
        "tags": [{"kind": tag.kind.value, "name": tag.name} for tag in work.tags],
    }


def row_work(row: dict[str, Any]) -> Work:
    """Pure: the Work of an exported row (the inverse of ``work_row``)."""
    return Work(
        id=str(row["id"]),
        source=str(row["source"]),
        title=str(row["title"]),
        summary=str(row["summary"]),
        language=str(row["language"]),
        complete=row["complete"],
        source_stats={"chapters": str(row["chapters_stat"])} if row["chapters_stat"] else {},
        notes_beginning=list(row["notes_beginning"] or []),
        notes_end=list(row["notes_end"] or []),
        chapters=[
            Chapter(
                int(c["number"]),
                str(c["title"]),
                str(c["summary"]),
                list(c["notes_beginning"] or []),
                list(c["notes_end"] or []),
                str(c["text"]),
            )
            for c in row["chapters"] or []
        ],
        tags=[Tag(TagKind(tag["kind"]), str(tag["name"])) for tag in row["tags"] or []],
    )


def _listed(manifest: Path) -> list[Path]:
    try:
        names = json.loads(manifest.read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise BatchOutputError(f"{manifest} cannot be read ({err})") from None
    paths = [manifest.parent / str(name) for name in names]
    missing = [p.name for p in paths if not p.is_file()]
    if missing:
        raise BatchOutputError(f"{manifest} lists {len(missing)} missing export file(s), e.g. {missing[0]}")
    return paths


def _fingerprint(url: str) -> str:
    """The database the works came from, without its password (recorded in the manifest)."""
    return make_url(url).render_as_string(hide_password=True)
