"""``ficshelf export``: one work file → an EPUB or a single-file HTML page (and, on request, its pictures)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ficshelf.analysis.pipeline import default_pipeline
from ficshelf.errors import FicshelfError, NothingToExport
from ficshelf.export.epub import work_to_epub
from ficshelf.export.html import work_to_html
from ficshelf.ingest.sources import read_paths
from ficshelf.model import Work
from ficshelf.pictures.interactions import graph_svg, interaction_graph
from ficshelf.pictures.mood import doc_mood_arc, mood_svg


@click.command("export")
@click.argument("work_file", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["epub", "html"]),
    default=None,
    help="epub: an EPUB 3 book; html: one self-contained page. Default: from --out's suffix, else epub.",
)
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Where to write (default: WORK_ID.FORMAT).")
@click.option("--link", default="", help="The work's web address, shown on the title page as a link back.")
@click.option(
    "--pictures",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Also write the character graph and mood arc (WORK_ID.cast.svg, WORK_ID.mood.svg) into this folder.",
)
def export_command(work_file: Path, fmt: str | None, out: Path | None, link: str, pictures: Path | None) -> None:
    """Export the work in WORK_FILE (.txt .md .html .epub, or a one-work .zip/.jsonl) as EPUB or HTML.

    The work is analysed first: recovered chapters, notes, lyrics and scene breaks are laid out, and tags the
    file does not give are shown as "suggested by ficshelf". See docs/exports.md.
    """
    try:
        work = _one_work(work_file)
        doc = default_pipeline().run(work)
    except FicshelfError as err:
        click.echo(err.line(str(work_file)), err=True)
        sys.exit(1)
    fmt = fmt or (out.suffix.lstrip(".").lower() if out and out.suffix.lower() in (".epub", ".html") else "epub")
    target = out or Path(f"{work.id}.{fmt}")
    if fmt == "epub":
        target.write_bytes(work_to_epub(work, doc, link))
    else:
        target.write_text(work_to_html(work, doc, link), encoding="utf-8")
    click.echo(f"wrote {target}")
    if pictures is not None:
        pictures.mkdir(parents=True, exist_ok=True)
        cast = pictures / f"{work.id}.cast.svg"
        cast.write_text(graph_svg(interaction_graph(doc), work.title), encoding="utf-8")
        mood = pictures / f"{work.id}.mood.svg"
        mood.write_text(mood_svg(doc_mood_arc(doc), work.title), encoding="utf-8")
        click.echo(f"wrote {cast} and {mood}")


def _one_work(path: Path) -> Work:
    items = list(read_paths([path]))
    works = [item.work for item in items if item.work is not None]
    if len(items) == 1 and items[0].error is not None:
        raise items[0].error
    if len(works) != 1:
        raise NothingToExport(f"holds {len(works)} readable works; export takes a file with exactly one")
    return works[0]
