"""The ``ficshelf`` command. Each subcommand lives in its own module and is registered here."""

from __future__ import annotations

import click

from ficshelf import __version__
from ficshelf.cli.analyze import analyze
from ficshelf.cli.batch import batch
from ficshelf.cli.beta import beta
from ficshelf.cli.db import db
from ficshelf.cli.eval import eval_command
from ficshelf.cli.export import export_command
from ficshelf.cli.import_works import import_works
from ficshelf.cli.learn import learn_command
from ficshelf.cli.search import reindex_command, search_command
from ficshelf.cli.serve import serve


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="ficshelf")
def cli() -> None:
    """ficshelf: a self-hosted fan-fiction archive that reads its stories."""


cli.add_command(analyze)
cli.add_command(eval_command)
cli.add_command(export_command)
cli.add_command(import_works)
cli.add_command(db)
cli.add_command(learn_command)
cli.add_command(beta)
cli.add_command(serve)
cli.add_command(search_command)
cli.add_command(reindex_command)
cli.add_command(batch)


def main() -> None:
    cli()
