"""The feeds of ficshelf's OPDS catalogue: the root (recent works, works by fandom, search) and the fandom list.

The web gives the URLs it serves (``CatalogUrls``) and what it looked up; these return the XML bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote

from ficshelf.export.opds import (
    ACQUISITION_TYPE,
    NAVIGATION_TYPE,
    REL_NEW,
    Feed,
    NavigationEntry,
    Page,
    WorkEntry,
    acquisition_feed,
    navigation_feed,
)


@dataclass(frozen=True, slots=True)
class CatalogUrls:
    """The catalogue's URLs (absolute or root-relative); ``fandom`` and the listings hold ``{fandom}``/``{page}``."""

    root: str = "/opds"
    recent: str = "/opds/recent?page={page}"
    fandoms: str = "/opds/fandoms"
    fandom: str = "/opds/fandoms/{fandom}?page={page}"
    search_description: str = "/opds/search.xml"
    search: str = "/opds/search?q={searchTerms}"


@dataclass(frozen=True, slots=True)
class FandomCount:
    name: str
    works: int
    updated: datetime


def _feed(urls: CatalogUrls, feed_id: str, title: str, updated: datetime, self_href: str, up: str = "") -> Feed:
    return Feed(feed_id, title, updated, self_href, urls.root, urls.search_description, up)


def root_feed(urls: CatalogUrls, updated: datetime, title: str = "ficshelf") -> bytes:
    """The catalogue root: a navigation feed with recent works and works by fandom, and the search link."""
    entries = [
        NavigationEntry(
            "urn:ficshelf:opds:recent",
            "Recent works",
            urls.recent.replace("{page}", "1"),
            updated,
            "The newest and most recently updated works.",
            rel=REL_NEW,
            type=ACQUISITION_TYPE,
        ),
        NavigationEntry(
            "urn:ficshelf:opds:fandoms",
            "Works by fandom",
            urls.fandoms,
            updated,
            "Every fandom on this archive, with its works.",
            type=NAVIGATION_TYPE,
        ),
    ]
    return navigation_feed(_feed(urls, "urn:ficshelf:opds:root", title, updated, urls.root), entries)


def fandoms_feed(urls: CatalogUrls, fandoms: Sequence[FandomCount], updated: datetime) -> bytes:
    """A navigation feed with one entry per fandom, leading to that fandom's acquisition feed."""
    entries = [
        NavigationEntry(
            f"urn:ficshelf:opds:fandom:{quote(f.name, safe='')}",
            f.name,
            fandom_href(urls, f.name, 1),
            f.updated,
            f"{f.works:,} work{'s' if f.works != 1 else ''}",
        )
        for f in fandoms
    ]
    feed = _feed(urls, "urn:ficshelf:opds:fandoms", "Works by fandom", updated, urls.fandoms, urls.root)
    return navigation_feed(feed, entries)


def fandom_href(urls: CatalogUrls, fandom: str, page: int) -> str:
    return urls.fandom.replace("{fandom}", quote(fandom, safe="")).replace("{page}", str(page))


def works_feed(
    urls: CatalogUrls, title: str, works: Sequence[WorkEntry], page: Page, updated: datetime, feed_id: str
) -> bytes:
    """One page of an acquisition feed (recent works, a fandom's works, search results)."""
    feed = _feed(urls, feed_id, title, updated, page.url(page.number), urls.root)
    return acquisition_feed(feed, works, page)
