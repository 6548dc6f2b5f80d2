"""Any other HTML page: its visible body text, for structure recovery; the <title> becomes the title."""

from __future__ import annotations

from ficshelf.ingest.decode import decode_bytes
from ficshelf.ingest.html_text import node_text, parse_html
from ficshelf.ingest.text import work_from_text
from ficshelf.model import Work


def read(data: bytes, source: str) -> list[Work]:
    tree = parse_html(decode_bytes(data))
    title_node = tree.css_first("title")
    title = title_node.text(strip=True) if title_node is not None else ""
    body = tree.body if tree.body is not None else tree.root
    text = node_text(body) if body is not None else ""
    return [work_from_text(text, source, title=title)]
