"""``ficshelf import``: read works in any importer format, analyse them, and store them in the archive.

Analysis may run in several processes (``--jobs``); every write still goes through this process's one writer,
``BATCH`` works per transaction (a work the database refuses fails alone). The search index is brought up to
date from the index queue every ``INDEX_EVERY`` works and at the end.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import click

from ficshelf.analysis.pipeline import default_pipeline
from ficshelf.archive import Archive, open_archive
from ficshelf.cli.progress import progress_items, progress_option
from ficshelf.errors import FicshelfError, SearchIndexError
from ficshelf.ingest.sources import Item, read_paths
from ficshelf.model import Work
from ficshelf.posting import Draft, draft_from_doc, publish_many
from ficshelf.settings import get_settings
from ficshelf.store.new_works import WorkWriter
from ficshelf.store.users import ensure_account

#: Works handed to the analysis processes at a time (bounds memory on large imports).
WINDOW = 64
#: Works stored per transaction.
BATCH = 64
#: The search index is brought up to date after about this many works, and at the end.
INDEX_EVERY = 1000


def analyse(work: Work) -> Draft | FicshelfError:
    """One work's draft, or the error that stopped its analysis (picklable, for worker processes)."""
    try:
        return draft_from_doc(default_pipeline().run(work))
    except FicshelfError as err:
        return err


def drafts(items: Iterable[Item], jobs: int) -> Iterator[tuple[str, Draft | FicshelfError]]:
    """(source, draft or error) per item, in input order; analysis in ``jobs`` processes when more than one."""
    if jobs <= 1:
        for item in items:
            yield item.source, item.error or analyse(_work(item))
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        iterator = iter(items)
        while window := list(itertools.islice(iterator, WINDOW)):
            readable = [item for item in window if item.error is None]
            results = iter(pool.map(analyse, [_work(item) for item in readable], chunksize=4))
            for item in window:
                yield item.source, item.error or next(results)


def _work(item: Item) -> Work:
    assert item.work is not None
    return item.work


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Data folder holding the SQLite archive (default: FICSHELF_DATA_DIR, ficshelf-data/). Ignored when "
    "FICSHELF_DATABASE_URL names another database.",
)
@click.option(
    "--owner",
    default="importer",
    show_default=True,
    help="Account that owns the imported works; created (without a password) if missing.",
)
@click.option("--restricted", is_flag=True, help="Make the imported works visible to logged-in accounts only.")
@click.option(
    "--accept",
    "accept_at",
    type=click.FloatRange(0.0, 1.0),
    default=None,
    help="Accept suggested tags scoring at least this much (0 to 1) as the work's tags; the rest stay pending "
    "for the owner to review (default: all stay pending).",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes analysing works in parallel; writes stay in one process.",
)
@progress_option
def import_works(
    paths: tuple[Path, ...],
    data_dir: Path | None,
    owner: str,
    restricted: bool,
    accept_at: float | None,
    jobs: int,
    progress: bool | None,
) -> None:
    """Import the works in PATHS (.txt .md .html .epub files, folders, .zip, .jsonl) into the archive.

    Each work is analysed: its structure is recovered (chapters, author's notes) and the tags analysis
    suggests are stored, with their evidence, next to the author's own tags, for the author to accept.
    Works are stored 64 to a transaction and indexed for search as the import goes (when another process
    holds the search index, they stay queued for it). The database is created or upgraded first. A file that cannot
    be read costs one line on stderr with an error code; the exit status is 1 when anything failed.
    """
    archive = open_archive(get_settings(), data_dir)
    imported = failed = unindexed = 0
    try:
        writer = WorkWriter(archive.store, ensure_account(archive.store, owner).id)
        show = sys.stderr.isatty() if progress is None else progress
        results = iter(progress_items(drafts(read_paths(paths), jobs), show))
        while batch := list(itertools.islice(results, BATCH)):
            ready = [draft for _, draft in batch if isinstance(draft, Draft)]
            stored = iter(publish_many(writer, ready, restricted=restricted, accept_at=accept_at))
            for source, result in batch:
                outcome = next(stored) if isinstance(result, Draft) else result
                if isinstance(outcome, FicshelfError):
                    failed += 1
                    click.echo(outcome.line(source), err=True)
                else:
                    imported += 1
            unindexed += len(ready)
            if unindexed >= INDEX_EVERY:
                _index(archive)
                unindexed = 0
        _index(archive)
    finally:
        archive.close()
    click.echo(f"imported {imported} work(s) as {owner}" + (f"; {failed} input(s) failed" if failed else ""), err=True)
    if failed:
        sys.exit(1)


def _index(archive: Archive) -> None:
    """Index what the import queued; while another process holds the search index, leave it queued (the
    server indexes it, or ``ficshelf search rebuild``)."""
    try:
        archive.sync_index()
    except SearchIndexError as err:
        click.echo(f"search index not updated yet ({err.code}: {err}); the works stay queued for indexing", err=True)
