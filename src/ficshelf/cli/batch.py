"""``ficshelf batch``: analyse many works on Ray (``analyze``) and put the results into the archive (``load``)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ficshelf.cli.progress import progress_items, progress_option
from ficshelf.errors import FicshelfError
from ficshelf.store.engine import open_store
from ficshelf.store.migrate import upgrade


@click.group()
def batch() -> None:
    """Batch analysis on Ray Data and bulk loading of its annotations (docs/batch.md)."""


DATA_HELP = (
    "Data folder holding the SQLite archive (default: FICSHELF_DATA_DIR, ficshelf-data/). Ignored when "
    "FICSHELF_DATABASE_URL names another database."
)


@batch.command("analyze")
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(path_type=Path), help="Folder for shards and markers.")
@click.option(
    "--from-archive",
    is_flag=True,
    help="Analyse the archive's own works (read from its database, exported into OUT/archive/ once).",
)
@click.option("--data", "data_dir", type=click.Path(file_okay=False, path_type=Path), default=None, help=DATA_HELP)
@click.option("--address", default=None, help="Ray cluster to join (ray://host:10001 or host:6379); default local.")
@click.option("--shard-size", type=click.IntRange(min=1), default=1000, show_default=True, help="Records per shard.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Shards analysed at once (default: every CPU Ray has; local Ray starts with this many CPUs).",
)
@progress_option
def analyze_command(
    inputs: tuple[Path, ...],
    out: Path,
    from_archive: bool,
    data_dir: Path | None,
    address: str | None,
    shard_size: int,
    workers: int | None,
    progress: bool | None,
) -> None:
    """Analyse the works in INPUTS (.jsonl or .parquet) or the archive's own works on Ray, one Parquet file of
    annotations per shard.

    Runs the same pipeline as ``ficshelf analyze``. With --from-archive the works are first exported from the
    archive's database (--data or FICSHELF_DATABASE_URL) in id order, --shard-size works per file, into
    OUT/archive (once: a resumed run reuses them). A shard with a completion marker in OUT is never redone, so
    running the same command again resumes a killed run. A bad record costs one line on stderr with an error
    code, never its shard; the exit status is 1 when any record failed.
    """
    from ficshelf.batch.job import connect, pending, prepare_output, run_shards  # needs the [batch] extra

    if not inputs and not from_archive:
        raise click.UsageError("name INPUTS (.jsonl or .parquet files) or give --from-archive")
    works = failed = 0
    show = sys.stderr.isatty() if progress is None else progress
    try:
        prepare_output(out, shard_size)
        files = [*inputs, *(_export_archive(out, data_dir, shard_size, show) if from_archive else [])]
        todo, done = pending(files, out, shard_size)
        click.echo(f"{len(todo) + len(done)} shard(s): {len(done)} done already, {len(todo)} to analyse", err=True)
        if todo:
            connect(address, workers)
            for report in progress_items(run_shards(todo, out, workers), show, label="shards"):
                works += report["works"]
                failed += report["failed"]
                for line in report["errors"]:
                    click.echo(line, err=True)
    except FicshelfError as err:
        raise click.ClickException(err.line()) from err
    click.echo(f"analysed {works} work(s) in {len(todo)} shard(s)" + (f"; {failed} failed" if failed else ""), err=True)
    if failed:
        sys.exit(1)


def _export_archive(out: Path, data_dir: Path | None, shard_size: int, show: bool) -> list[Path]:
    """The archive's works as export files in OUT/archive (made once; a resumed run reuses them)."""
    from ficshelf.batch.archive import export_archive

    def shown(done: int, total: int) -> None:
        if show:
            click.echo(f"\rexported {done:,} of {total:,} works", nl=False, err=True)

    store = open_store(data_dir=data_dir)
    try:
        upgrade(store)
        files = export_archive(store, out, shard_size, shown)
    finally:
        store.close()
    if show:
        click.echo("", err=True)
    click.echo(f"archive: {len(files)} export file(s) in {out / 'archive'}", err=True)
    return files


@batch.command("load")
@click.argument("out", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help=DATA_HELP,
)
def load_command(out: Path, data_dir: Path | None) -> None:
    """Load the finished shards in OUT into the archive as suggested tags, and queue those works for indexing.

    A work is matched by its source (the path and line ``ficshelf import`` stored), or by its id for annotations
    made with --from-archive (load them into the archive they came from). Its pending suggestions are
    replaced; its author's tags and accepted tags are never changed or removed.
    """
    from ficshelf.batch.load import load_annotations  # needs pyarrow, from the [batch] extra

    store = open_store(data_dir=data_dir)
    try:
        upgrade(store)
        report = load_annotations(store, out)
    except FicshelfError as err:
        raise click.ClickException(err.line()) from err
    finally:
        store.close()
    click.echo(
        f"loaded suggestions for {report.matched} work(s) from {report.shards} shard(s); "
        f"{report.unmatched} annotation(s) matched no work in the archive",
        err=True,
    )
