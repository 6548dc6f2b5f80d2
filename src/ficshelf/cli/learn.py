"""``ficshelf learn``: extend the fandom knowledge base from works that carry their authors' tags."""

from __future__ import annotations

import sys
from pathlib import Path

import click
import yaml

from ficshelf.analysis.kb import load_default
from ficshelf.analysis.learning import LearnOptions, learn, tagged_work
from ficshelf.analysis.learning.corpus import TaggedWork
from ficshelf.cli.progress import progress_items, progress_option
from ficshelf.errors import LearnError
from ficshelf.ingest.sources import read_paths
from ficshelf.settings import get_settings


def learned_dir() -> Path:
    """Where learned files go and load from: FICSHELF_KNOWLEDGE_DIR, else ``learned/`` in the data folder."""
    settings = get_settings()
    return settings.knowledge_dir or settings.data_dir / "learned"


@click.command("learn")
@click.argument("corpus", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Folder to write the knowledge-base files into. Default: FICSHELF_KNOWLEDGE_DIR, else "
    "<FICSHELF_DATA_DIR>/learned (both are loaded after the built-in files).",
)
@click.option("--min-support", default=2, show_default=True, help="Fewest works a term or name must appear in.")
@progress_option
def learn_command(corpus: tuple[Path, ...], out: Path | None, min_support: int, progress: bool | None) -> None:
    """Learn fandom vocabulary and character names from author-tagged works in CORPUS.

    CORPUS: JSON Lines like dev.jsonl (`fandoms` and `characters` fields), or any files and folders
    `ficshelf analyze` reads whose works carry their tags (AO3 and FanFiction.Net pages, AO3 EPUBs). Writes a
    new file per fandom the knowledge base lacks and an extension file (NAME.learned.yaml) per known fandom,
    with only what is new. See docs/knowledge-base.md.
    """
    show = sys.stderr.isatty() if progress is None else progress
    works: list[TaggedWork] = []
    failed = 0
    for item in progress_items(read_paths(corpus), show, label="works read"):
        if item.work is None:
            failed += 1
            if item.error is not None:
                click.echo(item.error.line(item.source), err=True)
            continue
        found = tagged_work(item.work)
        if found is not None:
            works.append(found)
    try:
        if not works:
            raise LearnError("no work with a fandom tag to learn from (JSON Lines need a 'fandoms' field)")
        folder = out or learned_dir()
        extra = get_settings().knowledge_dir
        learned = learn(works, load_default(str(extra) if extra else None), LearnOptions(min_support=min_support))
        folder.mkdir(parents=True, exist_ok=True)
        for stem, data in {**learned.new, **learned.extensions}.items():
            text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)
            (folder / f"{stem}.yaml").write_text(text, encoding="utf-8")
    except LearnError as err:
        click.echo(err.line(), err=True)
        sys.exit(2)
    except OSError as err:
        click.echo(LearnError(f"cannot write to {folder}: {err.strerror or err}").line(), err=True)
        sys.exit(2)
    click.echo(
        f"{len(works)} tagged works: {len(learned.new)} new fandoms, {len(learned.extensions)} extended; "
        f"written to {folder}"
    )
    if folder != learned_dir():
        click.echo(f"load them with FICSHELF_KNOWLEDGE_DIR={folder}")
    if failed:
        click.echo(f"{failed} input(s) failed", err=True)
        sys.exit(1)
