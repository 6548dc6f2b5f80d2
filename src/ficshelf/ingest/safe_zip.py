"""Reading zip containers (bulk .zip uploads and EPUBs) without trusting them.

Limits come from Settings: member count, total uncompressed size, and per-member compression ratio are
checked against the central directory before anything is inflated, and every member is read in bounded
chunks, so a directory that lies about sizes still cannot make us inflate more than the limit.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

from ficshelf.errors import ArchiveBomb, BrokenArchive, InputTooLarge
from ficshelf.settings import Settings, get_settings

_CHUNK = 1 << 20


def open_zip(source: Path | bytes, settings: Settings | None = None) -> zipfile.ZipFile:
    """Open and vet a zip; raise BrokenArchive or ArchiveBomb."""
    settings = settings or get_settings()
    try:
        archive = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as err:
        raise BrokenArchive(f"not a readable zip: {err}") from None
    infos = archive.infolist()
    if len(infos) > settings.max_archive_members:
        raise ArchiveBomb(f"{len(infos)} members, more than the limit of {settings.max_archive_members}")
    total = sum(i.file_size for i in infos)
    if total > settings.max_archive_bytes:
        raise ArchiveBomb(f"expands to {total} bytes, more than the limit of {settings.max_archive_bytes}")
    for info in infos:
        if info.file_size > 1_000_000 and info.file_size > settings.max_compression_ratio * max(info.compress_size, 1):
            raise ArchiveBomb(f"member {info.filename!r} has a compression ratio past the limit")
    return archive


def members(archive: zipfile.ZipFile) -> Iterator[zipfile.ZipInfo]:
    """File members in archive order, skipping folders and resource forks."""
    for info in archive.infolist():
        name = info.filename
        if info.is_dir() or name.startswith("__MACOSX/") or name.rsplit("/", 1)[-1].startswith("."):
            continue
        yield info


def read_member(archive: zipfile.ZipFile, name: str, settings: Settings | None = None) -> bytes:
    """A member's bytes, refusing to inflate past max_file_bytes whatever the directory claims."""
    settings = settings or get_settings()
    limit = settings.max_file_bytes
    parts: list[bytes] = []
    size = 0
    try:
        with archive.open(name) as stream:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise InputTooLarge(f"member {name!r} is larger than the limit of {limit} bytes")
                parts.append(chunk)
    except KeyError:
        raise BrokenArchive(f"member {name!r} is missing") from None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as err:
        raise BrokenArchive(f"member {name!r} cannot be read: {err}") from None
    return b"".join(parts)
