"""EPUB 3 export (ebooklib): a title page, one XHTML file per chapter, a table of contents, notes marked.

``work_to_epub(work, doc, link)`` returns the bytes of the .epub file. Validated by Debian's ``epubcheck``
in the tests (0 errors, 0 warnings). See docs/exports.md.
"""

from __future__ import annotations

import io
import re
from html import escape
from typing import Final

from ebooklib import epub

from ficshelf.analysis.doc import Doc
from ficshelf.export.layout import ChapterLayout
from ficshelf.export.preface import Document, build_document
from ficshelf.export.render import chapter_html, notes_html, preface_html
from ficshelf.export.style import BASE_CSS
from ficshelf.html_safety import plain_text
from ficshelf.model import Work

_ISO_DATE: Final = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CSS_NAME: Final = "style/ficshelf.css"


def work_to_epub(work: Work, doc: Doc | None = None, link: str = "") -> bytes:
    """The work as an EPUB 3 file; ``doc`` (its analysis) adds structure and suggested tags, ``link`` its URL."""
    return document_to_epub(build_document(work, doc, link))


def document_to_epub(document: Document) -> bytes:
    p, layout = document.preface, document.layout
    book = epub.EpubBook()
    book.set_identifier(p.identifier)
    book.set_title(p.title)
    book.set_language(p.language)
    for author in p.authors:
        book.add_author(author)
    book.add_metadata("DC", "publisher", "ficshelf")
    if p.summary.strip():
        book.add_metadata("DC", "description", plain_text(p.summary))
    for group in p.tags:
        for name in group.names:
            book.add_metadata("DC", "subject", name)
    if _ISO_DATE.match(p.published):
        book.add_metadata("DC", "date", p.published)
    if p.link:
        book.add_metadata("DC", "source", p.link)
    css = epub.EpubItem(uid="style", file_name=_CSS_NAME, media_type="text/css", content=BASE_CSS.encode())
    book.add_item(css)

    title_page = _page("title", "title.xhtml", p.title, p.language, preface_html(p, layout.notes_beginning), css)
    book.add_item(title_page)
    pages = []
    last = len(layout.chapters) - 1
    for i, chapter in enumerate(layout.chapters):
        body = chapter_html(chapter)
        if i == last:
            body += "\n" + notes_html(layout.notes_end, "End Notes:", "notes-end work-notes")
        page = _page(
            f"chapter{i + 1}", f"chapter{i + 1:03d}.xhtml", _toc_title(chapter, p.title), p.language, body, css
        )
        book.add_item(page)
        pages.append(page)

    book.toc = [epub.Link("title.xhtml", "Title page", "toc-title"), *pages]
    book.add_item(epub.EpubNcx())
    nav = epub.EpubNav(title="Contents")
    nav.add_item(css)
    book.add_item(nav)
    book.spine = [title_page, nav, *pages]
    out = io.BytesIO()
    epub.write_epub(out, book, {"epub3_pages": False})
    return out.getvalue()


def _page(uid: str, file_name: str, title: str, lang: str, body: str, css: epub.EpubItem) -> epub.EpubHtml:
    page = epub.EpubHtml(uid=uid, title=title, file_name=file_name, lang=lang)
    page.content = f"<html><head><title>{escape(title)}</title></head><body>{body}</body></html>"
    page.add_item(css)
    return page


def _toc_title(chapter: ChapterLayout, work_title: str) -> str:
    return chapter.title or work_title
