"""Markdown: rendered by markdown-it (CommonMark) to HTML, then to text like any HTML."""

from __future__ import annotations

from markdown_it import MarkdownIt

from ficshelf.ingest.decode import decode_bytes
from ficshelf.ingest.html_text import html_to_text
from ficshelf.ingest.text import work_from_text
from ficshelf.model import Work

# Raw HTML inside Markdown is kept as text, never passed through (html=False).
_MD = MarkdownIt("commonmark", {"html": False})


def read(data: bytes, source: str) -> list[Work]:
    return [work_from_text(html_to_text(_MD.render(decode_bytes(data))), source)]
