"""EPUB 2 and 3 → Work: the package (``epub_package``), then each spine document as a chapter.

Navigation, table-of-contents, cover and title pages are not chapters. ficshelf's own export is read back whole
(``epub_ficshelf``: tags, series, stats, summary, work and chapter notes). Two fan-fiction layouts add metadata
(see ``epub_meta``): AO3's downloads (a preface with the tags, one file per chapter with its summary and
notes, an afterword) and FanFicFare's (a ``title_page.xhtml`` of "Label: value" entries, one file per
chapter). A chapter's title comes from the heading that opens its file ("Chapter 3: The Storm" → "The
Storm"), else from the NCX or nav label, else from the first h1–h3 in it.
"""

from __future__ import annotations

import posixpath
import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ficshelf.errors import EmptyInput
from ficshelf.ingest import safe_zip
from ficshelf.ingest.epub_ficshelf import is_ficshelf, read_chapter, read_title_page
from ficshelf.ingest.epub_meta import (
    PageMeta,
    clean,
    count_known_labels,
    labelled_blockquotes,
    merge,
    read_ao3_afterword,
    read_ao3_preface,
    read_fff_titlepage,
)
from ficshelf.ingest.epub_package import Package, SpineItem, load_package, read_member, xhtml_tree
from ficshelf.ingest.html_text import node_text
from ficshelf.ingest.text import work_id_from_source
from ficshelf.model import Chapter, Work

_HTML_TYPES = frozenset({"application/xhtml+xml", "text/html"})
_SKIP_NAMES = re.compile(
    r"^(?:cover|cover_?page|title|title[_-]?page|toc|toc_page|nav|navigation|contents|log_?page|copyright|colophon)$",
    re.I,
)
_SKIP_TYPES = frozenset({"cover", "titlepage", "halftitlepage", "toc", "landmarks", "copyright-page"})
_SKIP_CLASSES = frozenset({"fff_titlepage", "fff_tocpage", "fff_logpage", "fff_coverpage"})
_CHAPTER_HEADING = re.compile(r"^(?:chapter|ch\.)\s*\w+\s*(?:[:.\-–—]\s*(.*))?$", re.I | re.S)
_HEADINGS = ("h1", "h2", "h3")


def read(data: bytes, source: str) -> list[Work]:
    with safe_zip.open_zip(data) as archive:
        package = load_package(archive)
        documents = [
            (item, xhtml_tree(read_member(archive, item.path, "the spine item")))
            for item in package.spine
            if item.media_type in _HTML_TYPES or item.path.lower().endswith((".xhtml", ".html", ".htm"))
        ]
    meta = PageMeta()
    chapters: list[Chapter] = []
    ao3 = False
    ours = is_ficshelf(package.dc)
    for item, tree in documents:
        if ours:
            _read_ficshelf_document(item, tree, package, meta, chapters)
        else:
            ao3 = _read_document(item, tree, package, meta, chapters, ao3)
    if not chapters:
        raise EmptyInput("the EPUB holds no chapter text")
    work = Work(id=work_id_from_source(source), source=source, chapters=chapters)
    merge(work, package.dc, meta)
    if ours and meta.summary:
        work.summary = meta.summary  # the title page keeps the paragraphs dc:description flattens
    return [work]


def _read_ficshelf_document(
    item: SpineItem, tree: LexborHTMLParser, package: Package, meta: PageMeta, chapters: list[Chapter]
) -> None:
    """A document of ficshelf's own export: the title page, or one chapter (``epub_ficshelf``)."""
    body = tree.body
    if body is None:
        return
    if _is_front_matter(item, body, set((body.attributes.get("class") or "").split()), package):
        if body.css_first("h1.title") is not None:
            read_title_page(body, meta)
        return
    chapter, work_end = read_chapter(body, len(chapters) + 1)
    if chapter.text or chapter.notes_beginning or chapter.notes_end:
        chapters.append(chapter)
    meta.notes_end.extend(work_end)


def _read_document(
    item: SpineItem,
    tree: LexborHTMLParser,
    package: Package,
    meta: PageMeta,
    chapters: list[Chapter],
    ao3: bool,
) -> bool:
    """Read one spine document into ``meta`` and ``chapters``; return whether the EPUB is AO3's."""
    body = tree.body
    if body is None:
        return ao3
    classes = set((body.attributes.get("class") or "").split())
    preface = body.css_first("#preface")
    if preface is None and _is_front_matter(item, body, classes, package):
        # a chapter may open with "Rating: … Pairing: …" too, so only a front-matter page is read as one
        if "fff_titlepage" in classes or count_known_labels(body) >= 3:
            read_fff_titlepage(body, meta)
        return ao3
    for node, reader in ((preface, read_ao3_preface), (body.css_first("#afterword"), read_ao3_afterword)):
        if node is not None:
            reader(node, meta)
            node.decompose()
            ao3 = True
    if ao3 and body.css_first("div.meta h2.heading") is not None:
        _ao3_chapters(body, chapters)
        return ao3
    heading = _leading_heading(body)
    heading_text = clean(node_text(heading)) if heading is not None else ""
    if heading is not None:
        heading.decompose()
    text = node_text(body)
    if not text:
        return ao3
    if ao3 and heading is None and chapters:
        chapters[-1].text += "\n\n" + text  # calibre split one long AO3 chapter across files
        return ao3
    if heading_text:
        title = chapter_title(heading_text)
    else:
        other = next((n for n in body.traverse() if n.tag in _HEADINGS), None)
        title = package.labels.get(item.path) or (clean(node_text(other)) if other is not None else "")
    chapters.append(Chapter(number=len(chapters) + 1, title=title, heading=heading_text, text=text))
    return ao3


def _ao3_chapters(body: LexborNode, chapters: list[Chapter]) -> None:
    """AO3's chapter blocks: ``div.meta`` (heading, summary, notes), ``div.userstuff`` (text), end notes."""
    for heading in body.css("div.meta h2.heading"):
        group = heading.parent
        if group is None:
            continue
        chapter = Chapter(number=len(chapters) + 1, heading=clean(node_text(heading)))
        chapter.title = chapter_title(chapter.heading)
        summaries, chapter.notes_beginning = labelled_blockquotes(group)
        chapter.summary = "\n\n".join(summaries)
        texts: list[str] = []
        node = group.next
        while node is not None:
            node_classes = (node.attributes.get("class") or "").split() if node.tag == "div" else []
            if "meta" in node_classes and node.css_first("h2.heading") is not None:
                break
            if "userstuff" in node_classes:
                texts.append(node_text(node))
            elif "meta" in node_classes:
                chapter.notes_end.extend(labelled_blockquotes(node)[1])
            node = node.next
        chapter.text = "\n\n".join(t for t in texts if t)
        chapters.append(chapter)


def chapter_title(heading: str) -> str:
    """A chapter's own title in its heading: "Chapter 3: The Storm" → "The Storm", "Chapter 3" → "" (none);
    a heading that is not "Chapter N…" is the title itself."""
    match = _CHAPTER_HEADING.match(heading)
    if match:
        return (match.group(1) or "").strip()
    return heading


def _leading_heading(body: LexborNode) -> LexborNode | None:
    """The first h1–h3 when nothing but it comes before the text: the chapter's heading."""
    first = next((n for n in body.traverse() if n.tag in _HEADINGS), None)
    if first is None:
        return None
    text = node_text(first)
    return first if text and node_text(body).startswith(text) else None


def _is_front_matter(item: SpineItem, body: LexborNode, classes: set[str], package: Package) -> bool:
    stem = posixpath.splitext(posixpath.basename(item.path))[0]
    if (
        "nav" in item.properties.split()
        or not item.linear
        or item.path in package.front_matter
        or _SKIP_NAMES.match(stem)
        or _SKIP_NAMES.match(item.item_id)
        or classes & _SKIP_CLASSES
    ):
        return True
    types: set[str] = set((body.attributes.get("epub-type") or "").split())
    for node in body.css("section[epub-type], div[epub-type], nav[epub-type]"):
        types.update((node.attributes.get("epub-type") or "").split())
    return bool(types & _SKIP_TYPES)
