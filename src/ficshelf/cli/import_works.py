"""``ficshelf import``: read works in any importer format, analyse them, and store them in the archive."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ficshelf.analysis.pipeline import default_pipeline
from ficshelf.cli.progress import progress_items, progress_option
from ficshelf.errors import FicshelfError
from ficshelf.ingest.sources import read_paths
from ficshelf.posting import draft_from_doc, publish
from ficshelf.store.engine import open_store
from ficshelf.store.migrate import upgrade
from ficshelf.store.users import ensure_account


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
@progress_option
def import_works(
    paths: tuple[Path, ...], data_dir: Path | None, owner: str, restricted: bool, progress: bool | None
) -> None:
    """Import the works in PATHS (.txt .md .html .epub files, folders, .zip, .jsonl) into the archive.

    Each work is analysed: its structure is recovered (chapters, author's notes) and the tags analysis
    suggests are stored, with their evidence, next to the author's own tags, for the author to accept.
    Each work is queued for search indexing. The database is created or upgraded first. A file that cannot
    be read costs one line on stderr with an error code; the exit status is 1 when anything failed.
    """
    store = open_store(data_dir=data_dir)
    try:
        upgrade(store)
        owner_id = ensure_account(store, owner).id
        pipeline = default_pipeline()
        imported = failed = 0
        show = sys.stderr.isatty() if progress is None else progress
        for item in progress_items(read_paths(paths), show):
            if item.error is not None:
                failed += 1
                click.echo(item.error.line(item.source), err=True)
                continue
            assert item.work is not None
            try:
                publish(store, owner_id, draft_from_doc(pipeline.run(item.work)), restricted=restricted)
            except FicshelfError as err:
                failed += 1
                click.echo(err.line(item.source), err=True)
                continue
            imported += 1
    finally:
        store.close()
    click.echo(f"imported {imported} work(s) as {owner}" + (f"; {failed} input(s) failed" if failed else ""), err=True)
    if failed:
        sys.exit(1)
