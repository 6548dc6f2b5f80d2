"""``ficshelf eval``: compare ``ficshelf analyze`` output with gold labels; precision, recall, F1 per field."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ficshelf.cli.progress import progress_option
from ficshelf.errors import EvalError
from ficshelf.evaluation.gold import PAGES, SEEDS, Gold, load_gold, load_predictions, work_id
from ficshelf.evaluation.metrics import Accuracy, Counts, Report, evaluate
from ficshelf.evaluation.names import default_matcher


@click.command("eval")
@click.argument("gold", type=click.Path(path_type=Path))
@click.option(
    "--pred",
    "pred",
    type=click.Path(path_type=Path),
    default=None,
    help="Predictions: `ficshelf analyze --format json` output (JSON Lines). Default: analyse the gold's works now.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: a table to read; json: one JSON object with every number.",
)
@progress_option
def eval_command(gold: Path, pred: Path | None, fmt: str, progress: bool | None) -> None:
    """Score predictions against GOLD: the seeds' gold.json, a JSONL of works with authors' AO3 tags, or a folder
    of archive pages (AO3, FanFiction.Net) whose own tags are the gold.

    Prints precision, recall and F1 per field (fandom, characters, relationships, category, rating, archive
    warnings, quote speakers); see docs/eval.md. Exit status 2 when GOLD or --pred cannot be read, 1 when
    some work could not be analysed.
    """
    try:
        gold_data = load_gold(gold)
        predictions = load_predictions(pred) if pred is not None else None
    except EvalError as err:
        click.echo(err.line(), err=True)
        sys.exit(2)
    failed = 0
    if predictions is None:
        show = sys.stderr.isatty() if progress is None else progress
        predictions, failed = _analyse(gold_data, show)
    report = evaluate(gold_data, predictions, default_matcher())
    strays = len(set(predictions) - set(gold_data.works))
    if fmt == "json":
        click.echo(json.dumps(report_json(report, gold_data, strays), indent=2, ensure_ascii=False))
    else:
        print_table(report, gold_data, strays)
    if failed:
        click.echo(f"{failed} input(s) failed", err=True)
        sys.exit(1)


def _analyse(gold: Gold, show: bool) -> tuple[dict[str, dict[str, Any]], int]:
    """Run the analysis on the gold's own works: the files beside gold.json, or the JSONL itself."""
    from ficshelf.analysis.output import doc_to_json
    from ficshelf.analysis.pipeline import default_pipeline
    from ficshelf.cli.progress import progress_items
    from ficshelf.ingest.sources import read_paths

    pipeline = default_pipeline()
    found: dict[str, dict[str, Any]] = {}
    failed = 0
    if gold.kind == PAGES:  # the pages were imported when the gold was read
        for wid, work in progress_items(list(gold.sources.items()), show):
            found[wid] = doc_to_json(pipeline.run(work))
        return found, failed
    paths = [w.path for w in gold.works.values() if w.path is not None] if gold.kind == SEEDS else [gold.path]
    for item in progress_items(read_paths(paths), show):
        if item.error is not None:
            failed += 1
            click.echo(item.error.line(item.source), err=True)
            continue
        assert item.work is not None
        record = doc_to_json(pipeline.run(item.work))
        found.setdefault(work_id(str(record["id"])), record)
    return found, failed


def row_json(row: Counts | Accuracy) -> dict[str, Any]:
    if isinstance(row, Counts):
        return {
            "precision": round(row.precision, 4),
            "recall": round(row.recall, 4),
            "f1": round(row.f1, 4),
            "support": row.gold,
            "tp": row.tp,
            "predicted": row.predicted,
            "gold": row.gold,
        }
    return {"accuracy": round(row.accuracy, 4), "support": row.total, "correct": row.correct, "total": row.total}


def report_json(report: Report, gold: Gold, strays: int) -> dict[str, Any]:
    quotes = report.rows.get("quote speakers")
    return {
        "gold": str(gold.path),
        "gold_kind": gold.kind,
        "works": report.works,
        "works_without_prediction": report.without_prediction,
        "predictions_without_gold": strays,
        "pages_skipped": len(gold.skipped),
        "rating_not_rated_skipped": report.not_rated_skipped,
        "quotes_found": report.quotes_found,
        "quotes_total": quotes.total if isinstance(quotes, Accuracy) else 0,
        "metrics": {name: row_json(row) for name, row in report.rows.items()},
    }


def print_table(report: Report, gold: Gold, strays: int, console: Console | None = None) -> None:
    console = console or Console(highlight=False, soft_wrap=False)
    table = Table(title=f"{escape(gold.path.name)}: {report.works} works ({gold.kind} gold)")
    table.add_column("field")
    for name in ("P", "R", "F1", "accuracy", "support"):
        table.add_column(name, justify="right")
    for name, row in report.rows.items():
        if isinstance(row, Counts):
            cells = [f"{row.precision:.3f}", f"{row.recall:.3f}", f"{row.f1:.3f}", "", str(row.gold)]
        else:
            cells = ["", "", "", f"{row.accuracy:.3f}" if row.total else "–", str(row.total)]
        table.add_row(escape(name), *cells)
    console.print(table)
    console.print(f"{report.without_prediction} gold works had no prediction")
    if gold.skipped:
        console.print(f"{len(gold.skipped)} pages skipped (no work in them: tag, series or log-in pages …)")
    if strays:
        console.print(f"{strays} predictions matched no gold work")
    console.print(f"rating: {report.not_rated_skipped} gold works Not Rated (or unrated) were skipped")
    quotes = report.rows.get("quote speakers")
    if isinstance(quotes, Accuracy):
        console.print(f"quote speakers: {report.quotes_found} of {quotes.total} gold quotes found")
