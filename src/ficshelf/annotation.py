"""One read Item through the analysis pipeline: the step ``ficshelf analyze`` and ``ficshelf batch`` share."""

from __future__ import annotations

from ficshelf.analysis.doc import Doc
from ficshelf.analysis.pipeline import Pipeline
from ficshelf.errors import FicshelfError
from ficshelf.ingest.sources import Item


def analyse_item(item: Item, pipeline: Pipeline) -> Doc | FicshelfError:
    """The analysed Doc of a read work, or the coded error that stopped reading or analysing it."""
    if item.error is not None:
        return item.error
    assert item.work is not None
    try:
        return pipeline.run(item.work)
    except FicshelfError as err:
        return err
