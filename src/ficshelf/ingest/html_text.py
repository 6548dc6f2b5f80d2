"""HTML to ficshelf's plain-text convention, with nothing executable surviving.

Block elements become paragraphs separated by a blank line, ``<br>`` a line break, ``<hr>`` the
``SCENE_BREAK_LINE`` paragraph, and an empty (``&nbsp;``-only) paragraph an extra blank line. Script, style
and other active or invisible content is dropped, never run: the output is text, not HTML.

Parsing uses selectolax (the Lexbor engine): it is a real HTML5 parser and parses a typical AO3 chapter in
well under a millisecond, which matters because every imported work passes through here.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ficshelf.model import SCENE_BREAK_LINE

#: Elements whose content is never text a reader sees.
DROPPED = frozenset(
    {
        "script",
        "style",
        "noscript",
        "iframe",
        "object",
        "embed",
        "template",
        "svg",
        "math",
        "head",
        "button",
        "select",
        "textarea",
        "input",
        "form",
        "canvas",
        "audio",
        "video",
        "map",
    }
)
BLOCKS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "blockquote",
        "center",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "table",
        "tr",
        "pre",
        "address",
        "figure",
        "figcaption",
        "header",
        "footer",
        "main",
        "aside",
        "nav",
        "details",
        "summary",
        "body",
        "html",
        "tbody",
        "thead",
    }
)


def parse_html(html: str) -> LexborHTMLParser:
    """Parse a document; callers select nodes and pass them to ``node_text``."""
    return LexborHTMLParser(html)


def html_to_text(html: str) -> str:
    """Convert an HTML fragment or document to plain text (see module docstring)."""
    tree = LexborHTMLParser(html)
    root = tree.body if tree.body is not None else tree.root
    return node_text(root) if root is not None else ""


def node_text(node: LexborNode) -> str:
    """Plain text of one element and its descendants."""
    out: list[str] = []
    _walk(node, out)
    return _finish(out)


_BR = "\x01"


def _walk(node: LexborNode, out: list[str]) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            out.append(child.text_content or "")
        elif tag in BLOCKS:
            if "landmark" in (child.attributes.get("class") or ""):
                continue  # AO3's screen-reader-only headings ("Chapter Text"), not story text
            out.append("\x00")
            _walk(child, out)
            out.append("\x00")
        elif tag == "br":
            out.append(_BR)
        elif tag == "hr":
            out.append("\x00" + SCENE_BREAK_LINE + "\x00")
        elif tag == "img":
            alt = child.attributes.get("alt")
            if alt:
                out.append(alt)
        elif tag in DROPPED or tag == "-comment" or tag is None:
            continue
        else:
            _walk(child, out)


def _finish(parts: list[str]) -> str:
    """Join walk output: \\x00 marks block edges, \\x01 a <br>. Whitespace (``&nbsp;`` included) collapses
    with str.split, the fastest way CPython has; a block holding only ``&nbsp;`` or ``<br>`` is a spacer
    paragraph and adds one blank line to the gap before the next paragraph."""
    out: list[str] = []
    spacers = 0
    for chunk in "".join(parts).split("\x00"):
        if _BR in chunk:
            text = "\n".join(" ".join(line.split()) for line in chunk.split(_BR)).strip("\n")
        else:
            text = " ".join(chunk.split())
        if text:
            if out:
                out.append("\n\n" + "\n" * spacers)
            out.append(text)
            spacers = 0
        elif out and ("\u00a0" in chunk or _BR in chunk):
            spacers += 1
    return "".join(out)
