"""Plain text: decoded, then left for structure recovery (chapters and notes are found by analysis).

A text that surely opens with its title (a "Title:" line, a title with "by Name" under it, or a first line that
repeats the file name) gives the work that title (and author), and a bare title line leaves the story text; see
``ficshelf.ingest.titles``."""

from __future__ import annotations

from pathlib import PurePath

from ficshelf.errors import EmptyInput
from ficshelf.ingest.decode import decode_bytes
from ficshelf.ingest.titles import split_title
from ficshelf.model import Chapter, Work


def read(data: bytes, source: str) -> list[Work]:
    return [work_from_text(decode_bytes(data), source)]


def work_from_text(text: str, source: str, work_id: str = "", title: str = "") -> Work:
    """A one-chapter Work holding raw text, marked for structure recovery."""
    if not text.strip():
        raise EmptyInput("no story text found")
    authors: list[str] = []
    if not title.strip():
        opening = split_title(text, source)
        title, text = opening.title, opening.text
        authors = [opening.author] if opening.author else []
    return Work(
        id=work_id or work_id_from_source(source),
        source=source,
        title=title,
        authors=authors,
        chapters=[Chapter(number=1, text=text.strip("\n"))],
        needs_structure=True,
    )


def work_id_from_source(source: str) -> str:
    """A readable id: the file name without its extension (zip members and JSONL lines keep their suffix)."""
    name = PurePath(source.split("!")[-1]).name
    return name.rsplit(".", 1)[0] if "." in name else name
