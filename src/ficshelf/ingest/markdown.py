"""Markdown: rendered by markdown-it (CommonMark) to HTML, then read like any HTML page (a leading "# Title"
is the work's title)."""

from __future__ import annotations

from markdown_it import MarkdownIt

from ficshelf.ingest.decode import decode_bytes
from ficshelf.ingest.html import work_from_html
from ficshelf.model import Work

# Raw HTML inside Markdown is kept as text, never passed through (html=False).
_MD = MarkdownIt("commonmark", {"html": False})


def read(data: bytes, source: str) -> list[Work]:
    return [work_from_html(_MD.render(decode_bytes(data)), source)]
