"""Walk what the user named — files, folders, zips, JSON Lines — and yield one Item per work or failure.

Nothing here stops a run: each failure is an Item carrying a coded error, and reading goes on.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ficshelf.errors import FicshelfError, InputError, InputTooLarge, MissingPath, UnknownFormat
from ficshelf.ingest import safe_zip
from ficshelf.ingest.jsonl import record_to_work
from ficshelf.ingest.sniff import sniff
from ficshelf.model import Work
from ficshelf.settings import Settings, get_settings

_HEAD = 65_536
Reader = Callable[[bytes, str], list[Work]]


@dataclass(slots=True)
class Item:
    """One result of reading: a work, or the error that stopped one source."""

    source: str
    work: Work | None = None
    error: FicshelfError | None = None


def read_paths(paths: Iterable[str | Path], settings: Settings | None = None) -> Iterator[Item]:
    settings = settings or get_settings()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                    yield from read_file(child, settings)
        elif path.is_file():
            yield from read_file(path, settings)
        else:
            yield Item(str(raw), error=MissingPath("no such file or folder"))


def read_file(path: Path, settings: Settings) -> Iterator[Item]:
    source = str(path)
    try:
        with path.open("rb") as stream:
            head = stream.read(_HEAD)
        fmt = sniff(head, path.name)
        if fmt == "jsonl":
            yield from _read_jsonl(path, settings)
            return
        if fmt == "zip":
            yield from _read_zip(path, settings)
            return
        size = path.stat().st_size
        if size > settings.max_file_bytes:
            raise InputTooLarge(
                f"{size} bytes, more than the limit of {settings.max_file_bytes} (FICSHELF_MAX_FILE_BYTES)"
            )
        data = path.read_bytes()
    except FicshelfError as err:
        yield Item(source, error=err)
        return
    except OSError as err:
        yield Item(source, error=InputError(f"cannot read: {err.strerror or err}"))
        return
    yield from read_blob(data, source, fmt)


def read_blob(data: bytes, source: str, fmt: str | None = None) -> Iterator[Item]:
    """Read one in-memory file of any single-work format."""
    fmt = fmt or sniff(data[:_HEAD], source)
    try:
        if fmt in ("zip", "jsonl"):
            raise UnknownFormat(f"a {fmt} inside an archive is not read; unpack it first")
        works = reader(fmt)(data, source)
    except FicshelfError as err:
        yield Item(source, error=err)
        return
    except Exception as err:
        yield Item(source, error=InputError(f"could not be read ({type(err).__name__}: {err})"))
        return
    for work in works:
        yield Item(source, work=work)


def reader(fmt: str) -> Reader:
    module = importlib.import_module(f"ficshelf.ingest.{fmt}")
    read: Reader = module.read
    return read


def _read_jsonl(path: Path, settings: Settings) -> Iterator[Item]:
    with path.open("rb") as stream:
        for number, line in enumerate(stream, start=1):
            if line.strip():
                yield jsonl_item(line, f"{path}:{number}", settings)


def jsonl_item(line: bytes, source: str, settings: Settings) -> Item:
    """One non-blank JSON Lines record as an Item (``ficshelf batch`` reads shards of lines with it)."""
    if len(line) > settings.max_file_bytes:
        return Item(source, error=InputTooLarge("line longer than the file size limit"))
    try:
        return Item(source, work=record_to_work(line, source))
    except FicshelfError as err:
        return Item(source, error=err)
    except Exception as err:
        return Item(source, error=InputError(f"could not be read ({type(err).__name__}: {err})"))


def _read_zip(path: Path, settings: Settings) -> Iterator[Item]:
    try:
        archive = safe_zip.open_zip(path, settings)
    except FicshelfError as err:
        yield Item(str(path), error=err)
        return
    with archive:
        for info in safe_zip.members(archive):
            source = f"{path}!{info.filename}"
            try:
                data = safe_zip.read_member(archive, info.filename, settings)
            except FicshelfError as err:
                yield Item(source, error=err)
                continue
            yield from read_blob(data, source)
