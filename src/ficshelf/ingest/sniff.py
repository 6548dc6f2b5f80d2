"""Choose an importer by a file's content, not its extension.

Each format is a module of ``ficshelf.ingest`` exposing ``read(data: bytes, source: str) -> list[Work]``.
The extension only breaks a tie that content cannot (Markdown versus plain text).
"""

from __future__ import annotations

import json
import re

_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|div|p|h[1-6])\b", re.I | re.S)
_MD_HEADING = re.compile(rb"^#{1,6} \S", re.M)

FORMATS = ("epub", "zip", "jsonl", "ao3_html", "ffn_html", "html", "markdown", "text")


def sniff(head: bytes, name: str) -> str:
    """Name the format of a file from its first bytes (64 KiB is plenty) and its name."""
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        if b"mimetypeapplication/epub+zip" in head[:100] or b"META-INF/container.xml" in head:
            return "epub"
        return "zip"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{") and _first_line_is_record(stripped):
        return "jsonl"
    lowered = head[:65_536].lower()
    if _HTML_START.match(head.lstrip(b"\xef\xbb\xbf")) or (lowered.count(b"<p") + lowered.count(b"<br")) > 3:
        ao3_marks = (b"archiveofourown.org", b"archive of our own", b'id="workskin"', b"preface group")
        if any(mark in lowered for mark in ao3_marks):
            return "ao3_html"
        if b"fanfiction.net" in lowered and b"storytext" in lowered:
            return "ffn_html"
        return "html"
    if name.lower().endswith((".md", ".markdown")) or len(_MD_HEADING.findall(head)) >= 1:
        return "markdown"
    return "text"


def _first_line_is_record(data: bytes) -> bool:
    line = data.split(b"\n", 1)[0]
    try:
        value = json.loads(line)
    except ValueError:
        return False
    return isinstance(value, dict)
