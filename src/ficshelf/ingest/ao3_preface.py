"""AO3 preface helpers shared by the served work page and the "Download → HTML" file.

Both layouts carry the same facts in different markup: tags and stats in a ``<dl>``, the summary and notes
in ``blockquote.userstuff``, the series as "Part N of <a>Name</a>". The functions here turn one such node
into model values; nothing here walks the whole page.

Every string comes out of ``inline_text`` or ``node_text``, which read text nodes only and skip scripts,
styles and other active content, so nothing executable or any attribute value survives into the Work.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ficshelf.ingest.html_text import BLOCKS, DROPPED, node_text
from ficshelf.model import Series, Tag, TagKind

#: A tag kind by the class AO3 puts on a served page's ``<dd>`` ("rating tags", "fandom tags" …).
KIND_BY_CLASS: dict[str, TagKind] = {
    "rating": TagKind.RATING,
    "warning": TagKind.WARNING,
    "category": TagKind.CATEGORY,
    "fandom": TagKind.FANDOM,
    "relationship": TagKind.RELATIONSHIP,
    "character": TagKind.CHARACTER,
    "freeform": TagKind.FREEFORM,
}
#: A tag kind by the label of a download file's ``<dt>`` ("Archive Warnings:", "Additional Tags:" …).
KIND_BY_LABEL: dict[str, TagKind] = {
    "rating": TagKind.RATING,
    "ratings": TagKind.RATING,
    "archive warning": TagKind.WARNING,
    "archive warnings": TagKind.WARNING,
    "warning": TagKind.WARNING,
    "warnings": TagKind.WARNING,
    "category": TagKind.CATEGORY,
    "categories": TagKind.CATEGORY,
    "fandom": TagKind.FANDOM,
    "fandoms": TagKind.FANDOM,
    "relationship": TagKind.RELATIONSHIP,
    "relationships": TagKind.RELATIONSHIP,
    "character": TagKind.CHARACTER,
    "characters": TagKind.CHARACTER,
    "additional tag": TagKind.FREEFORM,
    "additional tags": TagKind.FREEFORM,
    "freeform": TagKind.FREEFORM,
    "freeforms": TagKind.FREEFORM,
}
#: Stats whose values are counts: AO3 writes "70,561"; ficshelf stores "70561".
COUNT_STATS = frozenset({"words", "comments", "kudos", "bookmarks", "hits"})
#: "Published: 2019-02-15", "Words: 70,561", "Chapters: 14/?" in a download file's Stats row.
_STATS_LINE = re.compile(
    r"\b(published|updated|completed|words|chapters|comments|kudos|bookmarks|hits)\s*:\s*([0-9][0-9,./?\-]*)",
    re.I,
)
_CHAPTERS = re.compile(r"^\s*(\d+)\s*/\s*(\d+|\?)\s*$")
_PART = re.compile(r"\bPart\s+(\d+)", re.I)
_WORK_URL = re.compile(r"/(?:works|downloads(?:/[^/?#\s]+)?)/(\d+)(?:[/?#]|$)")


def inline_text(node: LexborNode | None) -> str:
    """One line of visible text (a title, a tag, a stat): spaces collapsed, images and scripts left out."""
    if node is None:
        return ""
    parts: list[str] = []
    _inline_walk(node, parts)
    return " ".join("".join(parts).split())


def _inline_walk(node: LexborNode, parts: list[str]) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            parts.append(child.text_content or "")
        elif tag is None or tag in DROPPED or tag in ("-comment", "img"):
            continue
        elif tag in BLOCKS or tag == "br":
            parts.append(" ")
            _inline_walk(child, parts)
            parts.append(" ")
        else:
            _inline_walk(child, parts)


def has_class(node: LexborNode, name: str) -> bool:
    return name in (node.attributes.get("class") or "").split()


def quote_texts(node: LexborNode | None) -> list[str]:
    """The non-empty texts of ``node``'s ``blockquote`` children: the author's part of a notes or summary
    module, without AO3's "Notes:" heading and "(See the end of the chapter for more notes.)" line."""
    if node is None:
        return []
    texts = (node_text(child) for child in node.iter() if child.tag == "blockquote")
    return [text for text in texts if text]


def tag_names(dd: LexborNode) -> list[str]:
    """Tag names in a ``<dd>``: its links in order, or its comma-separated text when it has none."""
    links = dd.css("a.tag") or dd.css("a")
    names = [inline_text(a) for a in links] if links else inline_text(dd).split(",")
    return [name.strip() for name in names if name.strip()]


def series_of(node: LexborNode) -> list[Series]:
    """Series from a served page's ``dd.series`` or a download's series ``<dd>``: "Part 2 of <a>Name</a>"."""
    spans = node.css("span.position")
    if spans:
        found = [_series_entry(inline_text(span), span.css_first("a")) for span in spans]
    else:  # download layout: "Part 1 of <a>A</a>, Part 3 of <a>B</a>" in one <dd>
        parts = _PART.findall(inline_text(node))
        links = node.css("a")
        found = [Series(inline_text(link), int(parts[i]) if i < len(parts) else None) for i, link in enumerate(links)]
    return [series for series in found if series.name]


def _series_entry(text: str, link: LexborNode | None) -> Series:
    part = _PART.search(text)
    name = inline_text(link) if link is not None else re.sub(r"^\s*Part\s+\d+\s+of\s+", "", text, flags=re.I)
    return Series(name, int(part.group(1)) if part else None)


def stat_value(key: str, value: str) -> str:
    value = " ".join(value.split())
    return value.replace(",", "") if key in COUNT_STATS else value


def stats_from_dl(dl: LexborNode) -> dict[str, str]:
    """A served page's ``dl.stats``: keys from the ``<dt>`` labels (Published, Updated/Completed, Words …)."""
    stats: dict[str, str] = {}
    label = ""
    for child in dl.iter():
        if child.tag == "dt":
            label = inline_text(child).rstrip(":").strip().lower()
        elif child.tag == "dd":
            key = label or (child.attributes.get("class") or "").split(" ")[0]
            if key:
                stats[key] = stat_value(key, inline_text(child))
            label = ""
    return stats


def stats_from_line(text: str) -> dict[str, str]:
    """A download file's stats: "Published: 2019-02-15 Updated: 2019-12-28 Words: 70,561 Chapters: 14/?"."""
    return {key.lower(): stat_value(key.lower(), value) for key, value in _STATS_LINE.findall(text)}


def complete_from_stats(stats: dict[str, str]) -> bool | None:
    """``True`` for "n/n" chapters, ``False`` for "n/?" or "n/m" with n < m; else from Completed/Updated."""
    match = _CHAPTERS.match(stats.get("chapters", ""))
    if match:
        done, total = match.groups()
        return total != "?" and int(done) >= int(total)
    if "completed" in stats:
        return True
    return None


def kind_by_label(label: str) -> TagKind | None:
    return KIND_BY_LABEL.get(label.rstrip(":").strip().lower())


def tags_from_dd(kind: TagKind, dd: LexborNode) -> list[Tag]:
    return [Tag(kind, name) for name in tag_names(dd)]


def work_number(tree: LexborHTMLParser, source: str) -> str | None:
    """AO3's work number: kudos form, canonical link, work navigation, forms, download links, source URL."""
    kudos = tree.css_first("#kudo_commentable_id")
    if kudos is not None and (kudos.attributes.get("value") or "").isdigit():
        return kudos.attributes.get("value")
    for selector, attribute in (
        ('link[rel="canonical"]', "href"),
        ('meta[property="og:url"]', "content"),
        ("ul.work.navigation a[href]", "href"),
        ('form[action*="/works/"]', "action"),
        ("#preface p.message a[href]", "href"),
        ("#afterword p.message a[href]", "href"),
    ):
        for node in tree.css(selector):
            match = _WORK_URL.search(node.attributes.get(attribute) or "")
            if match:
                return match.group(1)
    match = _WORK_URL.search(source.replace("\\", "/"))
    return match.group(1) if match else None
