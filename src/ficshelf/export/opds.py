"""OPDS 1.2 catalogue documents (Atom) for e-reader apps, built with lxml from plain dataclasses.

The web passes what it has looked up (works, fandoms, URLs) and serves the bytes with ``NAVIGATION_TYPE``,
``ACQUISITION_TYPE`` or ``OPENSEARCH_TYPE``. Nothing here reads the store. Spec: OPDS Catalog 1.2 (navigation
and acquisition feeds, search through an OpenSearch description, pagination per RFC 5005). docs/exports.md
shows the feeds a catalogue is made of.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import cast

from lxml import etree

from ficshelf.errors import BadFeedPage
from ficshelf.export.preface import work_identifier
from ficshelf.html_safety import plain_text
from ficshelf.model import Tag, Work

ATOM = "http://www.w3.org/2005/Atom"
DC = "http://purl.org/dc/terms/"
OPDS = "http://opds-spec.org/2010/catalog"
OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/"
#: Default namespace under the key None (lxml's convention; its type stubs only know str keys, hence the cast).
NSMAP = cast("dict[str, str]", {None: ATOM, "dc": DC, "opds": OPDS, "opensearch": OPENSEARCH})

NAVIGATION_TYPE = "application/atom+xml;profile=opds-catalog;kind=navigation"
ACQUISITION_TYPE = "application/atom+xml;profile=opds-catalog;kind=acquisition"
OPENSEARCH_TYPE = "application/opensearchdescription+xml"
EPUB_TYPE = "application/epub+zip"
HTML_TYPE = "text/html"
REL_ACQUISITION = "http://opds-spec.org/acquisition"
REL_NEW = "http://opds-spec.org/sort/new"
#: ``atom:category/@scheme`` of a tag of each kind: this prefix plus the kind ("…:fandom").
TAG_SCHEME = "urn:ficshelf:tag-kind:"


@dataclass(frozen=True, slots=True)
class NavigationEntry:
    """One line of a navigation feed: a link to another feed."""

    id: str
    title: str
    href: str
    updated: datetime
    content: str = ""
    rel: str = "subsection"  # or REL_NEW for "recent works"
    type: str = ACQUISITION_TYPE  # NAVIGATION_TYPE when it leads to another navigation feed


@dataclass(frozen=True, slots=True)
class WorkEntry:
    """One work in an acquisition feed, with its download links."""

    id: str  # urn:uuid:… (``work_entry`` derives it from the work id, the same as the EPUB's identifier)
    title: str
    authors: tuple[str, ...]
    updated: datetime
    page_url: str  # the work's web page (rel alternate, text/html)
    epub_url: str
    html_url: str = ""
    summary: str = ""  # plain text
    language: str = ""
    published: str = ""  # YYYY-MM-DD
    tags: tuple[Tag, ...] = ()
    words: int = 0


@dataclass(frozen=True, slots=True)
class Page:
    """Which page of a listing this feed is; ``href`` holds ``{page}`` (``/opds/recent?page={page}``)."""

    number: int
    per_page: int
    total: int
    href: str

    @property
    def last(self) -> int:
        return max(1, -(-self.total // self.per_page))

    def url(self, number: int) -> str:
        return self.href.replace("{page}", str(number))


@dataclass(frozen=True, slots=True)
class Feed:
    """What every feed has: its id, title, time, and the URLs of itself, the root and the search description."""

    id: str
    title: str
    updated: datetime
    self_href: str
    start_href: str
    search_href: str = ""  # the OpenSearch description document
    up_href: str = ""
    author: str = "ficshelf"
    extra_links: tuple[tuple[str, str, str], ...] = field(default=())  # (rel, href, type)


def work_entry(
    work: Work, page_url: str, epub_url: str, html_url: str = "", updated: datetime | None = None
) -> WorkEntry:
    """The acquisition entry of a model Work; ``updated`` defaults to its stated date (or now)."""
    stats = work.source_stats
    when = updated or _parse_date(stats.get("updated") or stats.get("published", "")) or datetime.now(UTC)
    return WorkEntry(
        id=work_identifier(work.id),
        title=work.title.strip() or work.id,
        authors=tuple(a for a in work.authors if a.strip()) or ("Anonymous",),
        updated=when,
        page_url=page_url,
        epub_url=epub_url,
        html_url=html_url,
        summary=plain_text(work.summary),
        language=work.language,
        published=stats.get("published", "")[:10],
        tags=tuple(work.tags),
        words=int(stats["words"]) if stats.get("words", "").isdigit() else 0,
    )


def navigation_feed(feed: Feed, entries: Sequence[NavigationEntry]) -> bytes:
    root = _feed(feed, NAVIGATION_TYPE)
    for item in entries:
        entry = _sub(root, "entry")
        _sub(entry, "title", item.title)
        _sub(entry, "id", item.id)
        _sub(entry, "updated", _time(item.updated))
        _link(entry, item.rel, item.href, item.type)
        _sub(entry, "content", item.content or item.title, type="text")
    return _bytes(root)


def acquisition_feed(feed: Feed, entries: Sequence[WorkEntry], page: Page | None = None) -> bytes:
    """A feed of works; with ``page``, pagination links (first/previous/next/last) and OpenSearch counts."""
    root = _feed(feed, ACQUISITION_TYPE)
    if page is not None:
        if page.number < 1 or page.per_page < 1 or page.number > page.last:
            raise BadFeedPage(f"page {page.number} does not exist (pages 1 to {page.last})")
        _link(root, "first", page.url(1), ACQUISITION_TYPE)
        if page.number > 1:
            _link(root, "previous", page.url(page.number - 1), ACQUISITION_TYPE)
        if page.number < page.last:
            _link(root, "next", page.url(page.number + 1), ACQUISITION_TYPE)
        _link(root, "last", page.url(page.last), ACQUISITION_TYPE)
        _sub(root, f"{{{OPENSEARCH}}}totalResults", str(page.total))
        _sub(root, f"{{{OPENSEARCH}}}itemsPerPage", str(page.per_page))
        _sub(root, f"{{{OPENSEARCH}}}startIndex", str((page.number - 1) * page.per_page + 1))
    for work in entries:
        _work(root, work)
    return _bytes(root)


def opensearch_description(template: str, short_name: str = "ficshelf", description: str = "") -> bytes:
    """The OpenSearch 1.1 description; ``template`` holds ``{searchTerms}`` (``/opds/search?q={searchTerms}``)."""
    root = etree.Element(f"{{{OPENSEARCH}}}OpenSearchDescription", nsmap=cast("dict[str, str]", {None: OPENSEARCH}))
    etree.SubElement(root, f"{{{OPENSEARCH}}}ShortName").text = short_name[:16]
    etree.SubElement(root, f"{{{OPENSEARCH}}}Description").text = (description or "Search works")[:1024]
    etree.SubElement(root, f"{{{OPENSEARCH}}}InputEncoding").text = "UTF-8"
    etree.SubElement(root, f"{{{OPENSEARCH}}}OutputEncoding").text = "UTF-8"
    etree.SubElement(root, f"{{{OPENSEARCH}}}Url", type=ACQUISITION_TYPE, template=template)
    return _bytes(root)


def _feed(feed: Feed, own_type: str) -> etree._Element:
    root = etree.Element(f"{{{ATOM}}}feed", nsmap=NSMAP)
    _sub(root, "id", feed.id)
    _sub(root, "title", feed.title)
    _sub(root, "updated", _time(feed.updated))
    author = _sub(root, "author")
    _sub(author, "name", feed.author)
    _link(root, "self", feed.self_href, own_type)
    _link(root, "start", feed.start_href, NAVIGATION_TYPE)
    if feed.up_href:
        _link(root, "up", feed.up_href, NAVIGATION_TYPE)
    if feed.search_href:
        _link(root, "search", feed.search_href, OPENSEARCH_TYPE)
    for rel, href, kind in feed.extra_links:
        _link(root, rel, href, kind)
    return root


def _work(root: etree._Element, work: WorkEntry) -> None:
    entry = _sub(root, "entry")
    _sub(entry, "title", work.title)
    _sub(entry, "id", work.id)
    _sub(entry, "updated", _time(work.updated))
    for name in work.authors:
        _sub(_sub(entry, "author"), "name", name)
    if work.language:
        _sub(entry, f"{{{DC}}}language", work.language)
    if work.published:
        _sub(entry, f"{{{DC}}}issued", work.published)
    for tag in work.tags:
        _sub(entry, "category", scheme=TAG_SCHEME + tag.kind.value, term=tag.name, label=tag.name)
    if work.summary:
        _sub(entry, "summary", work.summary, type="text")
    if work.words:
        _sub(entry, "content", f"{work.words:,} words", type="text")
    _link(entry, "alternate", work.page_url, HTML_TYPE, "Read online")
    _link(entry, REL_ACQUISITION, work.epub_url, EPUB_TYPE, "EPUB")
    if work.html_url:
        _link(entry, REL_ACQUISITION, work.html_url, HTML_TYPE, "HTML (one page)")


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    name = tag if tag.startswith("{") else f"{{{ATOM}}}{tag}"
    element = etree.SubElement(parent, name, attrs)
    if text is not None:
        element.text = text
    return element


def _link(parent: etree._Element, rel: str, href: str, kind: str, title: str = "") -> None:
    attrs = {"rel": rel, "href": href, "type": kind} | ({"title": title} if title else {})
    etree.SubElement(parent, f"{{{ATOM}}}link", attrs)


def _time(when: datetime) -> str:
    aware = when if when.tzinfo else when.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _parse_date(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text[:10]).replace(tzinfo=UTC) if text else None
    except ValueError:
        return None


def _bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
