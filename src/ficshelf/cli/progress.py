"""A progress display for long reads; silent when stderr is not a terminal."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

import click
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

T = TypeVar("T")


def progress_items(items: Iterable[T], show: bool, label: str = "works") -> Iterator[T]:
    if not show:
        yield from items
        return
    columns = (SpinnerColumn(), TextColumn("{task.completed} " + label), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None)
        for item in items:
            yield item
            bar.advance(task)


#: The ``--progress/--no-progress`` option every long-running command shares.
progress_option = click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar on stderr (default: when stderr is a terminal).",
)
