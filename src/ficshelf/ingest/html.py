"""Any other HTML page: its visible body text, for structure recovery. The <title> becomes the title; a page
without one that opens with an <h1> (not a chapter heading) takes the heading as its title, out of the text."""

from __future__ import annotations

from ficshelf.analysis.analysers.structure_rules import parse_heading
from ficshelf.ingest.decode import decode_bytes
from ficshelf.ingest.html_text import node_text, parse_html
from ficshelf.ingest.text import work_from_text
from ficshelf.model import Work


def read(data: bytes, source: str) -> list[Work]:
    return [work_from_html(decode_bytes(data), source)]


def work_from_html(markup: str, source: str) -> Work:
    """The work of an HTML page (Markdown is rendered to HTML and read here too)."""
    tree = parse_html(markup)
    title_node = tree.css_first("title")
    title = title_node.text(strip=True) if title_node is not None else ""
    body = tree.body if tree.body is not None else tree.root
    if body is not None and not title:
        heading = body.css_first("h1")
        found = node_text(heading) if heading is not None else ""
        if heading is not None and found and parse_heading(found) is None and node_text(body).startswith(found):
            title = " ".join(found.split())
            heading.decompose()
    text = node_text(body) if body is not None else ""
    return work_from_text(text, source, title=title)
