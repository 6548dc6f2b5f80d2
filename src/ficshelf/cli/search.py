"""``ficshelf search`` and ``ficshelf reindex``: the archive's search index from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from ficshelf.archive import open_archive
from ficshelf.errors import FicshelfError
from ficshelf.model import TagKind
from ficshelf.search import Sort, parse
from ficshelf.settings import Settings
from ficshelf.store.blurbs import summaries
from ficshelf.store.index_queue import enqueue_all
from ficshelf.store.records import WorkSummary

_DATA = click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Data folder holding the archive and its search index (default: FICSHELF_DATA_DIR, ficshelf-data/).",
)


@click.command("search")
@click.argument("query")
@_DATA
@click.option("--sort", type=click.Choice([s.value for s in Sort]), default=Sort.RELEVANCE.value, show_default=True)
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True, help="How many works to list.")
@click.option(
    "--restricted/--public-only",
    default=False,
    help="Include works restricted to logged-in users (default: what a guest sees).",
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def search_command(query: str, data_dir: Path | None, sort: str, limit: int, restricted: bool, fmt: str) -> None:
    """Search the archive with the query language of docs/search.md, e.g. '"a phrase" fandom:Naruto -tag:Angst'
    (write `--` before a query that starts with "-")."""
    try:
        node = parse(query)
        archive = open_archive(Settings(), data_dir)
    except FicshelfError as err:
        raise click.ClickException(err.line()) from err
    try:
        result = archive.search.search(node, viewer_can_see_restricted=restricted, sort=Sort(sort), limit=limit)
        with archive.store.read() as session:
            found = {s.id: s for s in summaries(session, result.ids)}
    finally:
        archive.close()
    works = [found[i] for i in result.ids if i in found and (restricted or not found[i].restricted)]
    if fmt == "json":
        click.echo(json.dumps({"total": result.total, "works": [_json(w) for w in works]}, ensure_ascii=False))
        return
    table = Table(title=f"{result.total} work(s) match", title_justify="left")
    for column in ("id", "title", "author", "fandoms", "rating", "words"):
        table.add_column(column, justify="right" if column in ("id", "words") else "left")
    for work in works:
        fandoms = ", ".join(work.tag_names(TagKind.FANDOM))
        table.add_row(str(work.id), work.title, work.owner, fandoms, work.rating, f"{work.words:,}")
    Console().print(table)


@click.command("reindex")
@_DATA
def reindex_command(data_dir: Path | None) -> None:
    """Rebuild the search index from the database: every work is queued and indexed again (an embedded index of
    an older ficshelf, or a damaged one, is replaced)."""
    archive = open_archive(Settings(), data_dir, fresh_index=True)
    try:
        archive.search.clear()
        queued = enqueue_all(archive.store)
        indexed = archive.sync_index()
        click.echo(f"indexed {indexed} of {queued} work(s); the index holds {archive.search.count()}")
    finally:
        archive.close()


def _json(work: WorkSummary) -> dict[str, object]:
    return {
        "id": work.id,
        "title": work.title,
        "author": work.owner,
        "rating": work.rating,
        "words": work.words,
        "fandoms": work.tag_names(TagKind.FANDOM),
    }
