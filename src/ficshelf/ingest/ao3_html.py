"""AO3 pages: a work or chapter page as AO3 serves it, and AO3's "Download → HTML" file.

A served page holds ``dl.work.meta`` (tags, language, series, stats) and ``#workskin`` (the preface with
title, byline, summary and notes; ``#chapters``; the afterword with the work's end notes). A chapter page
or a one-shot shows one chapter, "Entire Work" shows them all. The download file holds ``#preface``
(``dl.tags``, ``<h1>`` title, byline, summary, notes), ``#chapters`` and ``#afterword``.

AO3 pages that hold no work — tag pages, chapter indexes, series pages, the adult-content interstitial, the
log-in page of a registered-users-only work, error pages — raise ``NotAWork``. A page that only mentions
archiveofourown.org and has neither layout is read as plain HTML.

The tree is parsed once and every field is found by a selector scoped to its section.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ficshelf.errors import NotAWork
from ficshelf.ingest import html as plain_html
from ficshelf.ingest.ao3_preface import (
    KIND_BY_CLASS,
    complete_from_stats,
    has_class,
    inline_text,
    kind_by_label,
    quote_texts,
    series_of,
    stats_from_dl,
    stats_from_line,
    tags_from_dd,
    work_number,
)
from ficshelf.ingest.decode import decode_bytes
from ficshelf.ingest.html_text import node_text, parse_html
from ficshelf.ingest.text import work_id_from_source
from ficshelf.languages import language_code
from ficshelf.model import Chapter, Work

#: "Chapter 2: Title", "Chapter 2" (AO3's heading for a chapter; the title is optional).
_HEADING = re.compile(r"^\s*Chapter\s+(\d+)\s*(?::\s*(.*))?$", re.I | re.S)
_CHAPTER_ID = re.compile(r"^chapter-(\d+)$")
#: Why an AO3 page without a work is not one, by a class on its ``#main``.
_NOT_A_WORK = (
    ("tags-show", "an AO3 tag page, not a work"),
    ("works-navigate", "an AO3 chapter index, not a work (it lists chapter titles only)"),
    ("series-show", "an AO3 series page, not a work"),
    ("session", "an AO3 log-in page: the work is only available to registered users"),
    ("error", "an AO3 error page: the work does not exist or was deleted"),
    ("works-index", "an AO3 list of works, not a work"),
    ("bookmarks-index", "an AO3 list of bookmarks, not a work"),
)


def read(data: bytes, source: str) -> list[Work]:
    tree = parse_html(decode_bytes(data))
    workskin = tree.css_first("#workskin")
    if workskin is not None:
        return [_served_work(tree, workskin, source)]
    preface, chapters = tree.css_first("#preface"), tree.css_first("#chapters")
    if preface is not None and chapters is not None:
        return [_downloaded_work(tree, preface, chapters, source)]
    main = tree.css_first("#main")
    if main is None or not has_class(main, "region"):  # AO3's own pages always have div#main.region
        return plain_html.read(data, source)
    raise NotAWork(_why_not_a_work(main))


def _why_not_a_work(main: LexborNode) -> str:
    if main.css_first("p.caution") is not None:
        return "an AO3 adult-content warning page: the work's text is behind its 'Proceed' link"
    classes = main.attributes.get("class") or ""
    for marker, reason in _NOT_A_WORK:
        if marker in classes:
            return reason
    return "an AO3 page with no work on it"


def _new_work(tree: LexborHTMLParser, source: str) -> Work:
    number = work_number(tree, source)
    return Work(id=f"ao3-{number}" if number else work_id_from_source(source), source=source)


# --- the page as AO3 serves it -------------------------------------------------------------------------


def _served_work(tree: LexborHTMLParser, workskin: LexborNode, source: str) -> Work:
    work = _new_work(tree, source)
    meta = tree.css_first("dl.work.meta")
    if meta is not None:
        _read_work_meta(work, meta)
    work.complete = complete_from_stats(work.source_stats)
    for child in workskin.iter():
        if child.id == "chapters":
            work.chapters = _served_chapters(child)
        elif has_class(child, "afterword"):
            work.notes_end = quote_texts(child.css_first("#work_endnotes"))
        elif has_class(child, "preface"):
            _read_work_preface(work, child)
    if not work.notes_end:  # an afterword that is not a direct child of #workskin
        work.notes_end = quote_texts(workskin.css_first("#work_endnotes"))
    return work


def _read_work_meta(work: Work, meta: LexborNode) -> None:
    for dd in meta.iter():
        if dd.tag != "dd":
            continue
        classes = (dd.attributes.get("class") or "").split()
        kind = KIND_BY_CLASS.get(classes[0]) if classes else None
        if kind is not None:
            work.tags.extend(tags_from_dd(kind, dd))
        elif "language" in classes:
            work.language = language_code(inline_text(dd))
        elif "series" in classes:
            work.series = series_of(dd)
        elif "stats" in classes:
            stats = dd.css_first("dl.stats")
            if stats is not None:
                work.source_stats = stats_from_dl(stats)


def _read_work_preface(work: Work, preface: LexborNode) -> None:
    # Direct children only: a summary or note may hold markup of its own with the same class names.
    for child in preface.iter():
        if child.tag == "h2" and has_class(child, "title"):
            work.title = inline_text(child)
        elif has_class(child, "byline"):
            work.authors = _byline(child)
        elif has_class(child, "summary"):
            work.summary = "\n\n".join(quote_texts(child))
        elif has_class(child, "notes"):
            work.notes_beginning.extend(quote_texts(child))


def _byline(node: LexborNode | None) -> list[str]:
    if node is None:
        return []
    names = [inline_text(a) for a in node.css('a[rel="author"]')]
    if not names:  # an anonymous work: a byline without links
        text = re.sub(r"^by\s+", "", inline_text(node), flags=re.I)
        names = [text] if text else []
    return [name for name in names if name]


def _served_chapters(chapters: LexborNode) -> list[Chapter]:
    found: list[Chapter] = []
    for child in chapters.iter():
        if has_class(child, "chapter"):
            found.append(_served_chapter(child, len(found) + 1))
        elif has_class(child, "userstuff"):  # a one-shot: the text straight under #chapters
            found.append(Chapter(number=1, text=node_text(child)))
    return found


def _served_chapter(node: LexborNode, position: int) -> Chapter:
    match = _CHAPTER_ID.match(node.id or "")
    chapter = Chapter(number=int(match.group(1)) if match else position)
    for part in node.iter():
        if has_class(part, "userstuff"):
            chapter.text = node_text(part)
        elif has_class(part, "preface"):  # the heading group above the text, the end notes below it
            for item in part.iter():
                if item.tag in ("h2", "h3") and has_class(item, "title"):
                    _set_heading(chapter, inline_text(item))
                elif has_class(item, "summary"):
                    chapter.summary = "\n\n".join(quote_texts(item))
                elif has_class(item, "notes"):
                    target = chapter.notes_end if has_class(item, "end") else chapter.notes_beginning
                    target.extend(quote_texts(item))
    return chapter


def _set_heading(chapter: Chapter, heading: str) -> None:
    chapter.heading = heading
    match = _HEADING.match(heading)
    if match:
        chapter.number = int(match.group(1))
        chapter.title = (match.group(2) or "").strip()
    else:
        chapter.title = heading


# --- AO3's "Download → HTML" file -------------------------------------------------------------------------


def _downloaded_work(tree: LexborHTMLParser, preface: LexborNode, chapters: LexborNode, source: str) -> Work:
    work = _new_work(tree, source)
    meta = preface.css_first("div.meta") or preface
    label = ""
    for child in meta.iter():  # <dl class="tags">, <h1>, byline, then <p>Summary</p><blockquote> …
        if child.tag == "dl":
            _read_download_tags(work, child)
        elif child.tag == "h1":
            work.title = inline_text(child)
        elif has_class(child, "byline"):
            work.authors = _byline(child)
        elif child.tag == "p":
            label = inline_text(child).lower()
        elif child.tag == "blockquote" and (text := node_text(child)):
            if "summary" in label:
                work.summary = text
            elif "note" in label:
                work.notes_beginning.append(text)
    if not work.title:
        work.title = inline_text(preface.css_first("p.message b"))
    work.complete = complete_from_stats(work.source_stats)
    work.chapters = _downloaded_chapters(chapters)
    work.notes_end = quote_texts(tree.css_first("#afterword #endnotes"))
    return work


def _read_download_tags(work: Work, dl: LexborNode) -> None:
    label = ""
    for child in dl.iter():
        if child.tag == "dt":
            label = inline_text(child).rstrip(":").strip().lower()
            continue
        if child.tag != "dd":
            continue
        kind = kind_by_label(label)
        if kind is not None:
            work.tags.extend(tags_from_dd(kind, child))
        elif label == "language":
            work.language = language_code(inline_text(child))
        elif label == "series":
            work.series = series_of(child)
        elif label == "stats":
            work.source_stats = stats_from_line(inline_text(child))


def _read_download_chapter_meta(chapter: Chapter, meta: LexborNode) -> None:
    """``<h2 class="heading">Chapter 1: Title</h2>``, then ``<p>Chapter Summary</p><blockquote>`` and
    ``<p>Chapter Notes</p><blockquote>``."""
    label = ""
    for child in meta.iter():
        if child.tag in ("h2", "h3"):
            _set_heading(chapter, inline_text(child))
        elif child.tag == "p":
            label = inline_text(child).lower()
        elif child.tag == "blockquote" and (text := node_text(child)):
            if "summary" in label:
                chapter.summary = text
            else:
                chapter.notes_beginning.append(text)


def _downloaded_chapters(chapters: LexborNode) -> list[Chapter]:
    """Children of ``#chapters`` in order: a heading (bare or in ``div.meta``) opens a chapter,
    ``div.userstuff`` is its text, ``div.meta#endnotesN`` its end notes. A one-shot is a lone userstuff."""
    found: list[Chapter] = []
    has_body = False
    for child in chapters.iter():
        is_meta = child.tag == "div" and has_class(child, "meta")
        if is_meta and (child.id or "").startswith("endnotes"):
            if found:
                found[-1].notes_end.extend(quote_texts(child))
            continue
        heading = child.tag in ("h2", "h3")
        body = has_class(child, "userstuff")
        if (heading or body or is_meta) and (not found or has_body):
            found.append(Chapter(number=len(found) + 1))
            has_body = False
        if heading:
            _set_heading(found[-1], inline_text(child))
        elif is_meta:
            _read_download_chapter_meta(found[-1], child)
        elif body:
            found[-1].text = node_text(child)
            has_body = True
    return found
