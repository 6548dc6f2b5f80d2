"""``ficshelf analyze``: read works from files, folders, zips or JSON Lines and print what analysis finds."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ficshelf.analysis.output import doc_to_json
from ficshelf.analysis.pipeline import default_pipeline
from ficshelf.annotation import analyse_item
from ficshelf.cli.progress import progress_items, progress_option
from ficshelf.cli.report import print_report
from ficshelf.errors import FicshelfError
from ficshelf.ingest.sources import read_paths


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "text"]),
    default="json",
    show_default=True,
    help="json: one JSON object per work (JSON Lines, see docs/analysis-format.md); text: a report to read.",
)
@click.option(
    "--beta/--no-beta",
    default=True,
    show_default=True,
    help="Include the beta reader's proofreading hints (the `beta` field; empty with --no-beta, and twice as fast).",
)
@progress_option
def analyze(paths: tuple[Path, ...], fmt: str, beta: bool, progress: bool | None) -> None:
    """Analyse the works in PATHS (.txt .md .html .epub files, folders, .zip, .jsonl).

    A file that cannot be read costs one line on stderr with an error code; every other work is still
    analysed, and the exit status is 1 when anything failed.
    """
    pipeline = default_pipeline(beta=beta)
    failed = 0
    show = sys.stderr.isatty() if progress is None else progress
    for item in progress_items(read_paths(paths), show):
        doc = analyse_item(item, pipeline)
        if isinstance(doc, FicshelfError):
            failed += 1
            click.echo(doc.line(item.source), err=True)
            continue
        if fmt == "json":
            click.echo(json.dumps(doc_to_json(doc), ensure_ascii=False))
        else:
            print_report(doc)
    if failed:
        click.echo(f"{failed} input(s) failed", err=True)
        sys.exit(1)
