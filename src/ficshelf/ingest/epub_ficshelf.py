"""ficshelf's own EPUB export read back (``export/epub.py``, docs/exports.md), so an exported work re-imports
whole: the title page's tags, series, stats, summary and beginning notes, and each chapter's heading, summary,
notes and text, with the work's end notes from the last chapter.

Recognised by its ``dc:publisher`` "ficshelf". The markup it reads (``export/render.py``):

- title page: ``h1.title``, ``p.byline``, ``dl.tags`` (``<dt>Label:</dt><dd>a, b</dd>``; a group marked
  ``span.suggested`` was the analysis's suggestion, not the author's tags, and is left out), ``Series:`` and
  ``Stats:`` rows, ``div.summary``, ``aside.notes-beginning``;
- chapter: ``h2`` "Chapter 2: Title", ``div.summary``, ``aside.notes-beginning``, the story, ``aside.notes-end``
  (the chapter's) and ``aside.work-notes`` (the work's end notes); an inline ``aside.notes-inline`` stays in the
  text where it stood, without its heading.

Each ``aside`` holds one ``div.note`` per note (older exports: one note for the whole aside).
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from ficshelf.ingest.ao3_preface import complete_from_stats, stats_from_line
from ficshelf.ingest.epub_meta import PageMeta, clean
from ficshelf.ingest.html_text import node_text
from ficshelf.model import TAG_LABELS, Chapter, Series, Tag

PUBLISHER = "ficshelf"
_KIND_BY_LABEL = {label.lower(): kind for kind, label in TAG_LABELS.items()}
_SERIES = re.compile(r"^Part (\d+) of (.+)$")
_LANGUAGE = re.compile(r"Language:\s*([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)")
_CHAPTER = re.compile(r"^(?:chapter\s+\d+)(?::\s*(.*))?$", re.I | re.S)


def is_ficshelf(dc: dict[str, list[str]]) -> bool:
    return PUBLISHER in (p.strip().lower() for p in dc.get("publisher", []))


def read_title_page(body: LexborNode, meta: PageMeta) -> None:
    """The title page: title, byline, tags, series, stats, summary and the work's beginning notes."""
    heading = body.css_first("h1.title")
    if heading is not None:
        meta.title = clean(heading.text())
    byline = body.css_first("p.byline")
    if byline is not None:
        names = clean(byline.text()).removeprefix("by ").split(", ")
        meta.authors = [n for n in names if n and n != "Anonymous"]
    for dt in body.css("dl.tags dt"):
        dd = dt.next
        while dd is not None and dd.tag != "dd":
            dd = dd.next
        if dd is not None:
            _row(dt, clean(dd.text()), meta)
    summary = body.css_first("div.summary")
    if summary is not None:
        meta.summary = _without_heading(summary, "p.summary-heading")
    meta.notes_beginning.extend(notes_of(body.css_first("aside.notes-beginning")))


def read_chapter(body: LexborNode, number: int) -> tuple[Chapter, list[str]]:
    """One chapter file: the chapter (heading, summary, notes, text) and the work's end notes it closes with."""
    heading = body.css_first("h2")
    heading_text = clean(heading.text()) if heading is not None else ""
    if heading is not None:
        heading.decompose()
    match = _CHAPTER.match(heading_text)
    title = (match.group(1) or "").strip() if match else heading_text
    chapter = Chapter(number=number, title=title, heading=heading_text)
    summary = body.css_first("div.summary")
    if summary is not None:
        chapter.summary = _without_heading(summary, "p.summary-heading")
        summary.decompose()
    work_end: list[str] = []
    for aside in body.css("aside.notes"):
        classes = set((aside.attributes.get("class") or "").split())
        if "notes-inline" in classes:
            for label in aside.css("p.notes-heading"):
                label.decompose()
            continue  # a note in the middle of the story stays where it stands
        found = notes_of(aside)
        if "work-notes" in classes:
            work_end.extend(found)
        elif "notes-end" in classes:
            chapter.notes_end.extend(found)
        else:
            chapter.notes_beginning.extend(found)
        aside.decompose()
    chapter.text = node_text(body)
    return chapter, work_end


def notes_of(aside: LexborNode | None) -> list[str]:
    """The notes of an ``aside``: one per ``div.note``, else its whole text less the heading."""
    if aside is None:
        return []
    divided = [node_text(div) for div in aside.css("div.note")]
    if divided:
        return [note for note in divided if note]
    whole = _without_heading(aside, "p.notes-heading")
    return [whole] if whole else []


def _row(dt: LexborNode, value: str, meta: PageMeta) -> None:
    suggested = dt.css_first("span.suggested") is not None
    label = clean(dt.text()).split(":", 1)[0].strip().lower()
    names = [n.strip() for n in value.split(", ") if n.strip()]  # AO3 tags cannot hold commas
    kind = _KIND_BY_LABEL.get(label)
    if kind is not None:
        if suggested:
            meta.seen.update(names)  # the analysis's, not the author's: not tags, and not dc:subject either
        else:
            meta.tags.extend(Tag(kind, name) for name in names)
    elif label == "series":
        for part in value.split("; "):
            found = _SERIES.match(part.strip())
            meta.series.append(Series(found.group(2), int(found.group(1))) if found else Series(part.strip()))
    elif label == "stats":
        meta.stats.update(stats_from_line(value.replace(" · ", " ")))
        meta.complete = complete_from_stats(meta.stats)
        language = _LANGUAGE.search(value)
        if language and language.group(1) != "und":
            meta.language = language.group(1)


def _without_heading(node: LexborNode, heading: str) -> str:
    for label in node.css(heading):
        label.decompose()
    return node_text(node)
