"""What a work page reads beyond the store: the laid-out chapters (lyrics, POV headers, scene breaks) and the
analysed pictures (character graph, mood arc), cached per work version because analysis is pure."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from ficshelf.analysis.doc import Doc
from ficshelf.analysis.pipeline import default_pipeline
from ficshelf.export.layout import Layout, lay_out
from ficshelf.model import Work
from ficshelf.pictures.interactions import graph_svg, interaction_graph
from ficshelf.pictures.mood import doc_mood_arc, mood_svg
from ficshelf.store.records import WorkPage


def layout(page: WorkPage) -> Layout:
    """The reading layout of a work page loaded with every chapter's text."""
    return _layout(page.summary.id, page.summary.updated, page.work)


@lru_cache(maxsize=128)
def _cached_layout(key: tuple[int, datetime], work_box: _Box) -> Layout:
    return lay_out(work_box.work)


def _layout(work_id: int, updated: datetime, work: Work) -> Layout:
    return _cached_layout((work_id, updated), _Box(work))


def analysed(page: WorkPage) -> Doc:
    """The analysis of a work page's work (all chapters loaded), cached by work id and version."""
    return _cached_doc((page.summary.id, page.summary.updated), _Box(page.work))


@lru_cache(maxsize=32)
def _cached_doc(key: tuple[int, datetime], work_box: _Box) -> Doc:
    return default_pipeline().run(work_box.work)


def character_graph_svg(page: WorkPage) -> str:
    return graph_svg(interaction_graph(analysed(page)), f"Who meets whom in {page.summary.title}")


def mood_arc_svg(page: WorkPage) -> str:
    return mood_svg(doc_mood_arc(analysed(page)), f"Mood arc of {page.summary.title}")


class _Box:
    """Carries a Work into an lru_cache without hashing it: equal to every other box, so only the key counts."""

    __slots__ = ("work",)

    def __init__(self, work: Work) -> None:
        self.work = work

    def __hash__(self) -> int:
        return 0

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Box)
