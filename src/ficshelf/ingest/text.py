"""Plain text: decoded, then left for structure recovery (chapters and notes are found by analysis)."""

from __future__ import annotations

from pathlib import PurePath

from ficshelf.errors import EmptyInput
from ficshelf.ingest.decode import decode_bytes
from ficshelf.model import Chapter, Work


def read(data: bytes, source: str) -> list[Work]:
    return [work_from_text(decode_bytes(data), source)]


def work_from_text(text: str, source: str, work_id: str = "", title: str = "") -> Work:
    """A one-chapter Work holding raw text, marked for structure recovery."""
    if not text.strip():
        raise EmptyInput("no story text found")
    return Work(
        id=work_id or work_id_from_source(source),
        source=source,
        title=title,
        chapters=[Chapter(number=1, text=text.strip("\n"))],
        needs_structure=True,
    )


def work_id_from_source(source: str) -> str:
    """A readable id: the file name without its extension (zip members and JSONL lines keep their suffix)."""
    name = PurePath(source.split("!")[-1]).name
    return name.rsplit(".", 1)[0] if "." in name else name
