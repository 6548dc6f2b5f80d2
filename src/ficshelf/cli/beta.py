"""``ficshelf beta``: proofreading hints for works, each shown in its context."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.text import Text

from ficshelf.analysis.analysers.beta import work_names
from ficshelf.analysis.pipeline import default_pipeline
from ficshelf.beta import Hint, PersonalDictionary, check
from ficshelf.cli.progress import progress_items, progress_option
from ficshelf.errors import FicshelfError
from ficshelf.ingest.sources import read_paths

CONTEXT = 40


@click.command("beta")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: each hint in its context, highlighted; json: one object per work (id, source, beta) a line.",
)
@click.option(
    "--dictionary",
    "dictionary",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Your personal dictionary: a text file of words to accept, one a line.",
)
@progress_option
def beta(paths: tuple[Path, ...], fmt: str, dictionary: Path | None, progress: bool | None) -> None:
    """Beta-read the works in PATHS (any format `analyze` reads): spelling, usage, mechanics, dialogue.

    Knows the fandom: character names, honorifics (Lee-kun) and fandom words (jutsu) are not errors.
    A file that cannot be read costs one line on stderr; the exit status is 1 when anything failed.
    """
    personal = PersonalDictionary.of(dictionary.read_text(encoding="utf-8").split()) if dictionary else None
    pipeline = default_pipeline(beta=True)
    console = Console(highlight=False)
    failed = 0
    show = sys.stderr.isatty() if progress is None else progress
    for item in progress_items(read_paths(paths), show):
        try:
            if item.error is not None:
                raise item.error
            assert item.work is not None
            doc = pipeline.run(item.work)
        except FicshelfError as err:
            failed += 1
            click.echo(err.line(item.source), err=True)
            continue
        hints = doc.beta
        if personal is not None and doc.language == "en":
            hints = check(doc.text, names=work_names(doc), personal=personal)
        if fmt == "json":
            record = {"id": doc.work.id, "source": doc.work.source, "beta": [h.to_json() for h in hints]}
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            print_hints(console, doc.work.title or doc.work.id, doc.work.source, doc.text, hints)
    if failed:
        click.echo(f"{failed} input(s) failed", err=True)
        sys.exit(1)


def print_hints(console: Console, title: str, source: str, text: str, hints: list[Hint]) -> None:
    console.rule(Text(title, style="bold"))
    console.print(Text(f"{source}: {len(hints)} hint(s)", style="dim"))
    for hint in hints:
        line = text.count("\n", 0, hint.start) + 1
        column = hint.start - (text.rfind("\n", 0, hint.start) + 1) + 1
        head = Text(f"{line}:{column} ", style="dim")
        head.append(f"{hint.kind} ", style="cyan")
        head.append(hint.message)
        if hint.suggestions:
            head.append("  → ", style="dim")
            head.append(" | ".join(repr(s)[1:-1] for s in hint.suggestions), style="green")
        console.print(head)
        console.print(context(text, hint))


def context(text: str, hint: Hint) -> Text:
    """The hint's line around it, the hint itself highlighted."""
    start = max(text.rfind("\n", 0, hint.start) + 1, hint.start - CONTEXT)
    stop = text.find("\n", hint.end)
    stop = min(len(text) if stop < 0 else stop, hint.end + CONTEXT)
    out = Text("    " + ("…" if start > 0 and text[start - 1] != "\n" else ""))
    out.append(text[start : hint.start])
    out.append(text[hint.start : hint.end], style="bold red underline")
    out.append(text[hint.end : stop])
    return out
