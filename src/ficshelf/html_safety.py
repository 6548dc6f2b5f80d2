"""Turning what a person typed (notes, summaries, comments) into HTML that cannot run script.

One module for every place that shows user-supplied text: the EPUB and HTML exports, and the web pages.
Text that contains HTML tags is sanitised by nh3 (the Python binding of the Ammonia sanitiser) against an
allow-list of the formatting tags AO3 accepts; anything else is plain text, escaped and cut into paragraphs.
Script, style, event-handler attributes and ``javascript:``/``data:`` URLs never survive either path.
"""

from __future__ import annotations

import html
import re
from typing import Final

import nh3

#: Formatting tags kept in user HTML (AO3's allow-list, less media and tables).
ALLOWED_TAGS: Final = frozenset(
    {
        "a", "abbr", "acronym", "address", "b", "big", "blockquote", "br", "center", "cite", "code", "dd",
        "del", "dfn", "div", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "ins", "kbd",
        "li", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "tt",
        "u", "ul", "var",
    }
)  # fmt: skip
#: Attributes kept, per tag ("*" = every tag). No ``style``, no ``on*`` handlers, no ``id`` (ids collide).
ALLOWED_ATTRIBUTES: Final = {
    "*": {"title", "lang", "dir"},
    "a": {"href"},
    "abbr": {"title"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "ol": {"start", "type"},
    "li": {"value"},
}
#: URL schemes allowed in ``href``/``cite``; relative URLs are kept too.
URL_SCHEMES: Final = frozenset({"http", "https", "mailto"})

_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_BLANK_LINES = re.compile(r"\n[^\S\n]*\n\s*")
# An <a> left without href (its URL was unsafe): nh3's output is normalised, so a regex can unwrap it.
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|ul|ol|dd|dt|h[1-6]|blockquote|pre|hr|tr|td)(?:\s[^<>]*)?/?>", re.I)
_DEAD_LINK = re.compile(r"<a(?![^>]*\shref=)(?:\s[^>]*)?>(.*?)</a>", re.DOTALL)


def looks_like_html(text: str) -> bool:
    """True when ``text`` contains something shaped like an HTML tag (``<p>``, ``</em>``, ``<br/>``)."""
    return _TAG.search(text) is not None


def clean_html(fragment: str) -> str:
    """Sanitise an HTML fragment: allowed tags and attributes only, safe URLs, links marked ``nofollow``."""
    cleaned = nh3.clean(
        fragment,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="nofollow noopener noreferrer",
        strip_comments=True,
    )
    return _DEAD_LINK.sub(r"\1", cleaned)


def text_to_html(text: str) -> str:
    """Plain text → ``<p>`` paragraphs (split on blank lines), single newlines as ``<br>``; all escaped."""
    paragraphs = [p.strip() for p in _BLANK_LINES.split(text.strip())]
    return "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs if p)


def user_html(text: str) -> str:
    """What a person wrote, as safe HTML: sanitised when it is HTML, escaped paragraphs when it is text."""
    if not text.strip():
        return ""
    return clean_html(text) if looks_like_html(text) else text_to_html(text)


def plain_text(text: str) -> str:
    """The words of user text with every tag removed (for titles, feeds and summaries that must be text)."""
    if not looks_like_html(text):
        return text.strip()
    spaced = _BLOCK_TAG.sub(" ", text)  # "<p>One.</p><p>Two.</p>" reads "One. Two.", not "One.Two."
    stripped = nh3.clean(spaced, tags=set(), strip_comments=True)
    return " ".join(html.unescape(stripped).split())
