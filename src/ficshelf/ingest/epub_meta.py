"""The metadata pages inside fan-fiction EPUBs: AO3's preface and afterword, FanFicFare's title page.

Both are read from a parsed XHTML document (selectolax) into a ``PageMeta``; ``epub.read`` then merges it
with the package's Dublin Core metadata (``merge``). Labels from either layout map to AO3's tag kinds. AO3's
preface in an EPUB is the preface of its "Download → HTML" file, so its rows are read with the same helpers
as ``ao3_html`` (``ao3_preface``).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

from ficshelf.ingest.ao3_preface import (
    KIND_BY_LABEL,
    complete_from_stats,
    inline_text,
    series_of,
    stats_from_line,
    tag_names,
)
from ficshelf.ingest.ffn_html import RATINGS, is_genre_list, split_genres
from ficshelf.ingest.html_text import html_to_text, node_text
from ficshelf.languages import language_code
from ficshelf.model import Series, Tag, TagKind, Work

#: A metadata label (AO3's preface <dt>, FanFicFare's "<b>Label:</b>"), lower-cased → the tag kind it holds:
#: AO3's labels (less "category", whose meaning depends on the layout, see below) plus FanFicFare's own.
TAG_LABELS = {
    **{k: v for k, v in KIND_BY_LABEL.items() if k not in {"category", "categories", "freeform", "freeforms"}},
    "ao3 categories": TagKind.CATEGORY,
    "pairing": TagKind.RELATIONSHIP,
    "pairings": TagKind.RELATIONSHIP,
    "ships": TagKind.RELATIONSHIP,
    "freeform tags": TagKind.FREEFORM,
    "genre": TagKind.FREEFORM,
    "genres": TagKind.FREEFORM,
}
#: AO3 calls its F/M, M/M … field "Category"; FanFicFare writes the fandom there.
_AO3_CATEGORY = {"category": TagKind.CATEGORY, "categories": TagKind.CATEGORY}
_FFF_CATEGORY = {"category": TagKind.FANDOM, "categories": TagKind.FANDOM}
_STAT_LABELS = {"published", "updated", "completed", "packaged", "words", "chapters"}
_OTHER_LABELS = {"language", "status", "summary", "series", "stats", "title", "author", "story id", "site"}
#: dc:subject values that are never tags (FanFicFare adds the site name and the status).
_NOT_SUBJECTS = {"fanfiction", "complete", "completed", "in-progress", "in progress"}
_FFF_SERIES = re.compile(r"^(.+?)\s*\[(\d+)\]$")
_WORK_URLS = (
    (re.compile(r"archiveofourown\.org/works/(\d+)"), "ao3-"),
    (re.compile(r"fanfiction\.net/s/(\d+)"), "ffn-"),
)
_SPACE = re.compile(r"\s+")


@dataclass(slots=True)
class PageMeta:
    """What the metadata pages of one EPUB say; empty fields mean the pages did not say."""

    title: str = ""
    authors: list[str] = field(default_factory=list)
    summary: str = ""
    language: str = ""
    tags: list[Tag] = field(default_factory=list)
    stats: dict[str, str] = field(default_factory=dict)
    complete: bool | None = None
    notes_beginning: list[str] = field(default_factory=list)
    notes_end: list[str] = field(default_factory=list)
    series: list[Series] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    #: Raw values seen on the pages (ratings as FFN writes them …) that dc:subject must not repeat.
    seen: set[str] = field(default_factory=set)


def clean(text: str | None) -> str:
    return _SPACE.sub(" ", (text or "").replace("\u00a0", " ")).strip()


def read_ao3_preface(preface: LexborNode, meta: PageMeta) -> None:
    """AO3's ``div#preface``: the tag list, title, byline, summary and work notes."""
    for link in preface.css("p.message a[href]"):
        meta.urls.append(link.attributes.get("href") or "")
    for dt in preface.css("dl.tags dt"):
        dd = _next_element(dt)
        if dd is None or dd.tag != "dd":
            continue
        label = inline_text(dt).rstrip(":").strip().lower()
        if label == "stats":
            meta.stats.update(stats_from_line(inline_text(dd)))
            meta.complete = complete_from_stats(meta.stats)
        elif label == "series":
            meta.series.extend(series_of(dd))
        else:
            _label_value(label, tag_names(dd), inline_text(dd), meta, _AO3_CATEGORY)
    heading = preface.css_first("h1")
    if heading is not None and not meta.title:
        meta.title = clean(heading.text())
    if not meta.authors:
        meta.authors = [clean(a.text()) for a in preface.css(".byline a[rel='author']") if clean(a.text())]
    summaries, notes = labelled_blockquotes(preface.css_first("div.meta") or preface)
    meta.summary = meta.summary or "\n\n".join(summaries)
    meta.notes_beginning.extend(notes)


def read_ao3_afterword(afterword: LexborNode, meta: PageMeta) -> None:
    for quote in afterword.css("#endnotes blockquote"):
        text = node_text(quote)
        if text:
            meta.notes_end.append(text)


def labelled_blockquotes(container: LexborNode) -> tuple[list[str], list[str]]:
    """AO3's "<p>Summary</p><blockquote>…" and "<p>Notes</p><blockquote>…" pairs: (summaries, notes)."""
    summaries: list[str] = []
    notes: list[str] = []
    label = ""
    node = container.child
    while node is not None:
        if node.tag == "p":
            label = clean(node.text()).lower()
        elif node.tag == "blockquote":
            text = node_text(node)
            if text and "summary" in label:
                summaries.append(text)
            elif text and "note" in label:
                notes.append(text)
        node = node.next
    return summaries, notes


def read_fff_titlepage(body: LexborNode, meta: PageMeta) -> None:
    """FanFicFare's title page: "<h3>Title by Author</h3>" then "<b>Label:</b> value" entries, in a table
    (``<tr><td><b>Label:</b></td><td>value</td></tr>``) or one a line (``<b>Label:</b> value<br/>``)."""
    heading = body.css_first("h3")
    if heading is not None:
        links = heading.css("a")
        if links and not meta.title:
            meta.title = clean(links[0].text())
        if len(links) > 1 and not meta.authors:
            meta.authors = [clean(a.text()) for a in links[1:] if clean(a.text())]
        meta.urls.extend(a.attributes.get("href") or "" for a in links[:1])
    for bold in body.css("b"):
        label = clean(bold.text())
        if not label.endswith(":"):
            continue
        text = _fff_value(bold)
        label = label[:-1].strip().lower()
        if label == "summary":
            meta.summary = meta.summary or text
        elif label == "series" and (match := _FFF_SERIES.match(clean(text))):
            meta.series.append(Series(name=match.group(1), part=int(match.group(2))))
        else:
            _label_value(label, _split(clean(text)), clean(text), meta, _FFF_CATEGORY)


def count_known_labels(body: LexborNode) -> int:
    """How many "<b>Label:</b>" entries name a metadata field (a title page has several)."""
    known = TAG_LABELS.keys() | _AO3_CATEGORY.keys() | _STAT_LABELS | _OTHER_LABELS
    return sum(1 for b in body.css("b") if clean(b.text()).rstrip(":").strip().lower() in known)


def _fff_value(bold: LexborNode) -> str:
    parent = bold.parent
    parts: list[str] = []
    node = bold.next
    in_cell = parent is not None and parent.tag == "td"
    while node is not None:
        if node.tag == "br" and not in_cell:
            break
        if node.tag == "b" and clean(node.text()).endswith(":"):
            break
        parts.append(html.escape(node.text_content or "") if node.tag == "-text" else (node.html or ""))
        node = node.next
    text = html_to_text("".join(parts)) if parts else ""
    if not text.strip() and in_cell and parent is not None:
        cell = _next_element(parent)
        text = node_text(cell) if cell is not None else ""
    return text.strip()


def _label_value(label: str, values: list[str], text: str, meta: PageMeta, categories: dict[str, TagKind]) -> None:
    kind = TAG_LABELS.get(label) or categories.get(label)
    if kind is TagKind.RATING:
        for value in values:
            meta.seen.add(value)
            meta.stats.setdefault("rating", value)
            meta.tags.append(Tag(kind, RATINGS.get(value, value)))
    elif kind is TagKind.FREEFORM and label.startswith("genre"):
        for value in values:
            genres = split_genres(value) if is_genre_list(value) else [value]
            meta.tags.extend(Tag(kind, genre) for genre in genres)
    elif kind is not None:
        meta.tags.extend(Tag(kind, value) for value in values)
    elif label == "language":
        meta.language = meta.language or text
    elif label == "status":
        meta.complete = text.lower().startswith("complete")
        meta.seen.add(text)
    elif label in _STAT_LABELS and text:
        meta.stats[label] = text.replace(",", "") if label == "words" else text
        if label == "completed":
            meta.complete = True


def merge(work: Work, dc: dict[str, list[str]], meta: PageMeta) -> None:
    """Fill ``work`` from Dublin Core (``dc``: local name → values) and the metadata pages."""
    work.title = (dc.get("title") or [""])[0] or meta.title
    work.authors = [a for a in dc.get("creator", []) if a] or meta.authors
    work.language = language_code(meta.language or (dc.get("language") or [""])[0])
    description = (dc.get("description") or [""])[0]
    work.summary = (html_to_text(description) if "<" in description else description.strip()) or meta.summary
    work.notes_beginning.extend(meta.notes_beginning)
    work.notes_end.extend(meta.notes_end)
    work.series.extend(meta.series)
    work.source_stats.update(meta.stats)
    work.complete = meta.complete
    for tag in meta.tags:
        if tag not in work.tags:
            work.tags.append(tag)
    known = {t.name.lower() for t in work.tags} | {s.lower() for s in meta.seen} | _NOT_SUBJECTS
    for subject in dc.get("subject", []):
        for name in _split(subject):
            if name.lower() not in known:
                known.add(name.lower())
                work.tags.append(Tag(TagKind.FREEFORM, name))
    for url in [*dc.get("identifier", []), *dc.get("source", []), *meta.urls]:
        for pattern, prefix in _WORK_URLS:
            match = pattern.search(url)
            if match:
                work.id = prefix + match.group(1)
                return


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _next_element(node: LexborNode) -> LexborNode | None:
    sibling = node.next
    while sibling is not None and (sibling.tag or "").startswith("-"):
        sibling = sibling.next
    return sibling
