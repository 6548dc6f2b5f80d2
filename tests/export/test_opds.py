"""OPDS 1.2 feeds: Atom with the relations and media types the spec requires, pagination, OpenSearch."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from lxml import etree

from ficshelf.errors import BadFeedPage
from ficshelf.export.opds import (
    ACQUISITION_TYPE,
    NAVIGATION_TYPE,
    OPENSEARCH_TYPE,
    Page,
    opensearch_description,
    work_entry,
)
from ficshelf.export.opds_catalog import CatalogUrls, FandomCount, fandoms_feed, root_feed, works_feed
from ficshelf.export.preface import work_identifier
from ficshelf.model import Work

NS = {
    "a": "http://www.w3.org/2005/Atom",
    "dc": "http://purl.org/dc/terms/",
    "os": "http://a9.com/-/spec/opensearch/1.1/",
}
WHEN = datetime(2024, 5, 1, 12, 30, tzinfo=UTC)
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")
URLS = CatalogUrls()


def _parse(data: bytes) -> etree._Element:
    assert data.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    return etree.fromstring(data)


def _links(element: etree._Element) -> dict[str, list[tuple[str, str]]]:
    found: dict[str, list[tuple[str, str]]] = {}
    for link in element.findall("a:link", NS):
        found.setdefault(link.get("rel", ""), []).append((link.get("href", ""), link.get("type", "")))
    return found


def _assert_atom_feed(feed: etree._Element, own_type: str) -> None:
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    for required in ("a:id", "a:title", "a:updated", "a:author/a:name"):
        assert (feed.findtext(required, namespaces=NS) or "").strip(), required
    assert RFC3339.match(feed.findtext("a:updated", namespaces=NS) or "")
    links = _links(feed)
    assert links["self"][0][1] == own_type
    assert links["start"] == [("/opds", NAVIGATION_TYPE)]
    assert links["search"] == [("/opds/search.xml", OPENSEARCH_TYPE)]
    for entry in feed.findall("a:entry", NS):
        for required in ("a:id", "a:title", "a:updated"):
            assert (entry.findtext(required, namespaces=NS) or "").strip(), required


def test_root_is_a_navigation_feed_with_recent_fandoms_and_search() -> None:
    feed = _parse(root_feed(URLS, WHEN))
    _assert_atom_feed(feed, NAVIGATION_TYPE)
    entries = {e.findtext("a:title", namespaces=NS): e for e in feed.findall("a:entry", NS)}
    assert set(entries) == {"Recent works", "Works by fandom"}
    assert _links(entries["Recent works"]) == {
        "http://opds-spec.org/sort/new": [("/opds/recent?page=1", ACQUISITION_TYPE)]
    }
    assert _links(entries["Works by fandom"]) == {"subsection": [("/opds/fandoms", NAVIGATION_TYPE)]}
    for entry in entries.values():
        assert entry.find("a:content", NS).get("type") == "text"


def test_fandom_feed_links_each_fandom_to_its_acquisition_feed() -> None:
    fandoms = [FandomCount("Naruto", 3, WHEN), FandomCount("Sherlock (TV) & Co/Other", 1, WHEN)]
    feed = _parse(fandoms_feed(URLS, fandoms, WHEN))
    _assert_atom_feed(feed, NAVIGATION_TYPE)
    assert _links(feed)["up"] == [("/opds", NAVIGATION_TYPE)]
    entries = feed.findall("a:entry", NS)
    assert [_links(e)["subsection"][0] for e in entries] == [
        ("/opds/fandoms/Naruto?page=1", ACQUISITION_TYPE),
        ("/opds/fandoms/Sherlock%20%28TV%29%20%26%20Co%2FOther?page=1", ACQUISITION_TYPE),
    ]
    assert [e.findtext("a:content", namespaces=NS) for e in entries] == ["3 works", "1 work"]


def test_acquisition_feed_entries_carry_metadata_and_download_links(work: Work) -> None:
    entry = work_entry(work, "/works/7", "/works/7/download.epub", "/works/7/download.html")
    page = Page(2, 1, 3, "/opds/recent?page={page}")
    feed = _parse(works_feed(URLS, "Recent works", [entry], page, WHEN, "urn:ficshelf:opds:recent"))
    _assert_atom_feed(feed, ACQUISITION_TYPE)
    (item,) = feed.findall("a:entry", NS)
    assert item.findtext("a:id", namespaces=NS) == work_identifier("test-work-1")
    assert item.findtext("a:title", namespaces=NS) == "Lanterns & Letters <draft>"
    assert item.findtext("a:updated", namespaces=NS) == "2024-04-15T00:00:00Z"
    assert [a.findtext("a:name", namespaces=NS) for a in item.findall("a:author", NS)] == ["quillfeather"]
    assert item.findtext("dc:language", namespaces=NS) == "en"
    assert item.findtext("dc:issued", namespaces=NS) == "2024-03-01"
    summary = item.find("a:summary", NS)
    assert summary.get("type") == "text" and len(summary) == 0
    assert summary.text == "Mira finds a letter. Tomas knows a song. Slow burn."
    categories = {(c.get("scheme"), c.get("term")) for c in item.findall("a:category", NS)}
    assert ("urn:ficshelf:tag-kind:fandom", "Original Work") in categories
    assert ("urn:ficshelf:tag-kind:relationship", "Mira/Tomas") in categories
    links = _links(item)
    assert links["http://opds-spec.org/acquisition"] == [
        ("/works/7/download.epub", "application/epub+zip"),
        ("/works/7/download.html", "text/html"),
    ]
    assert links["alternate"] == [("/works/7", "text/html")]


def test_pagination_links_and_opensearch_counts() -> None:
    feed = _parse(works_feed(URLS, "Recent", [], Page(2, 20, 45, "/opds/recent?page={page}"), WHEN, "urn:x"))
    links = _links(feed)
    assert {rel: links[rel][0] for rel in ("first", "previous", "next", "last")} == {
        "first": ("/opds/recent?page=1", ACQUISITION_TYPE),
        "previous": ("/opds/recent?page=1", ACQUISITION_TYPE),
        "next": ("/opds/recent?page=3", ACQUISITION_TYPE),
        "last": ("/opds/recent?page=3", ACQUISITION_TYPE),
    }
    assert links["self"] == [("/opds/recent?page=2", ACQUISITION_TYPE)]
    assert feed.findtext("os:totalResults", namespaces=NS) == "45"
    assert feed.findtext("os:itemsPerPage", namespaces=NS) == "20"
    assert feed.findtext("os:startIndex", namespaces=NS) == "21"
    last = _links(_parse(works_feed(URLS, "Recent", [], Page(3, 20, 45, "/r?page={page}"), WHEN, "urn:x")))
    assert "next" not in last and "previous" in last


@pytest.mark.parametrize("number", [0, 4, -1])
def test_a_page_that_does_not_exist_is_refused(number: int) -> None:
    with pytest.raises(BadFeedPage) as err:
        works_feed(URLS, "Recent", [], Page(number, 20, 45, "/r?page={page}"), WHEN, "urn:x")
    assert err.value.code == "FS651"


def test_opensearch_description() -> None:
    doc = _parse(opensearch_description("https://archive.example/opds/search?q={searchTerms}", "ficshelf archive!!"))
    assert doc.tag == "{http://a9.com/-/spec/opensearch/1.1/}OpenSearchDescription"
    assert len(doc.findtext("os:ShortName", namespaces=NS) or "") <= 16
    (url,) = doc.findall("os:Url", NS)
    assert url.get("type") == ACQUISITION_TYPE
    assert "{searchTerms}" in url.get("template", "")
