"""What a work page reads beyond the store: the laid-out chapters (lyrics, POV headers, scene breaks), each
chapter's rendered HTML, and the analysed pictures (character graph, mood arc).

All of them depend only on the work's text, so they are cached in-process per work *version*: the key is the
work id and its ``updated`` time, which every edit (details, chapters, tags) moves forward. A page first loads
the work without chapter texts (``get_work(..., texts=False)``); the texts are loaded only when the cache has
no entry for that version. With several uvicorn workers each process has its own caches; the key comes from
the database on every request, so no worker serves an old version after an edit.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from datetime import datetime
from typing import Generic, TypeVar

from markupsafe import Markup

from ficshelf.analysis.doc import Doc
from ficshelf.analysis.pipeline import default_pipeline
from ficshelf.export.layout import Layout, lay_out
from ficshelf.model import Work
from ficshelf.pictures.interactions import graph_svg, interaction_graph
from ficshelf.pictures.mood import doc_mood_arc, mood_svg
from ficshelf.store.records import WorkPage
from ficshelf.web.render import ENVIRONMENT

T = TypeVar("T")
#: Loads the work with every chapter's text (called only on a cache miss).
WorkLoader = Callable[[], Work]


class VersionCache(Generic[T]):
    """A small thread-safe LRU: ``get(key, make)`` returns the cached value or makes, keeps and returns it."""

    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self._items: OrderedDict[Hashable, T] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = make()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.maxsize:
                self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


LAYOUTS: VersionCache[Layout] = VersionCache(256)
CHAPTERS: VersionCache[Markup] = VersionCache(1024)
DOCS: VersionCache[Doc] = VersionCache(32)
PICTURES: VersionCache[str] = VersionCache(512)
CACHES = (LAYOUTS, CHAPTERS, DOCS, PICTURES)


def version(page: WorkPage) -> tuple[int, datetime]:
    return page.summary.id, page.summary.updated


def _loader(page: WorkPage, load: WorkLoader | None) -> WorkLoader:
    return load or (lambda: page.work)


def layout(page: WorkPage, load: WorkLoader | None = None) -> Layout:
    """The reading layout of a work page; ``load`` gives the work with its texts (default: ``page.work``)."""
    work = _loader(page, load)
    return LAYOUTS.get(version(page), lambda: lay_out(work()))


def chapter_html(page: WorkPage, laid: Layout, position: int) -> Markup:
    """Chapter ``position`` (0-based) of ``laid`` as the work page shows it (title, summary, notes, text),
    rendered once per work version."""
    chapter = laid.chapters[position]

    def render() -> Markup:
        html = ENVIRONMENT.get_template("chapter.html").render(ch=chapter, title=page.summary.title)
        return Markup(html)

    return CHAPTERS.get((*version(page), position), render)


def analysed(page: WorkPage, load: WorkLoader | None = None) -> Doc:
    """The analysis of a work page's work, cached by work id and version."""
    work = _loader(page, load)
    return DOCS.get(version(page), lambda: default_pipeline().run(work()))


def character_graph_svg(page: WorkPage, load: WorkLoader | None = None) -> str:
    def draw() -> str:
        return graph_svg(interaction_graph(analysed(page, load)), f"Who meets whom in {page.summary.title}")

    return PICTURES.get(("cast", *version(page)), draw)


def mood_arc_svg(page: WorkPage, load: WorkLoader | None = None) -> str:
    def draw() -> str:
        return mood_svg(doc_mood_arc(analysed(page, load)), f"Mood arc of {page.summary.title}")

    return PICTURES.get(("mood", *version(page)), draw)
