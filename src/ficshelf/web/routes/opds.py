"""The OPDS 1.2 catalogue at ``/opds``: recent works, works by fandom, and search, for e-reader apps.

Guests see only unrestricted works, exactly as on the pages (the listings and search apply the same rules).
"""

from __future__ import annotations

from datetime import UTC, datetime

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ficshelf.errors import BadFeedPage
from ficshelf.export.opds import ACQUISITION_TYPE, NAVIGATION_TYPE, OPENSEARCH_TYPE, Page, WorkEntry
from ficshelf.export.opds import opensearch_description as opensearch_xml
from ficshelf.export.opds_catalog import CatalogUrls, FandomCount, fandoms_feed, root_feed, works_feed
from ficshelf.export.preface import work_identifier
from ficshelf.html_safety import plain_text
from ficshelf.store.listing import list_works
from ficshelf.store.records import WorkFilter, WorkSummary
from ficshelf.store.tags import fandom_index
from ficshelf.web.listings import search_works
from ficshelf.web.routes.params import int_param
from ficshelf.web.security import viewer

PER_PAGE = 25
URLS = CatalogUrls()


def entry(work: WorkSummary) -> WorkEntry:
    return WorkEntry(
        id=work_identifier(str(work.id)),
        title=work.title,
        authors=(work.owner,),
        updated=work.updated,
        page_url=f"/works/{work.id}",
        epub_url=f"/works/{work.id}/download.epub",
        html_url=f"/works/{work.id}/download.html",
        summary=plain_text(work.summary),
        language=work.language,
        published=work.published.strftime("%Y-%m-%d"),
        tags=tuple(work.tags),
        words=work.words,
    )


def _xml(data: bytes, kind: str) -> Response:
    return Response(data, media_type=kind)


def _latest(works: list[WorkSummary]) -> datetime:
    return max((w.updated for w in works), default=datetime.now(UTC))


async def root(request: Request) -> Response:
    return _xml(root_feed(URLS, datetime.now(UTC)), NAVIGATION_TYPE)


async def recent(request: Request) -> Response:
    number = int_param(request, "page")
    listing = list_works(request.app.state.archive.store, page=number, per_page=PER_PAGE, viewer=viewer(request).id)
    if number > listing.pages:
        raise BadFeedPage(f"page {number} is past the last page ({listing.pages})")
    page = Page(number, PER_PAGE, listing.total, URLS.recent)
    body = works_feed(
        URLS,
        "Recent works",
        [entry(w) for w in listing.items],
        page,
        _latest(listing.items),
        "urn:ficshelf:opds:recent",
    )
    return _xml(body, ACQUISITION_TYPE)


async def fandoms(request: Request) -> Response:
    now = datetime.now(UTC)
    found = [
        FandomCount(f.name, f.works, now) for f in fandom_index(request.app.state.archive.store, viewer(request).id)
    ]
    return _xml(fandoms_feed(URLS, found, now), NAVIGATION_TYPE)


async def fandom(request: Request) -> Response:
    name = request.path_params["name"]
    number = int_param(request, "page")
    listing = list_works(
        request.app.state.archive.store,
        WorkFilter(tags=[name]),
        page=number,
        per_page=PER_PAGE,
        viewer=viewer(request).id,
    )
    if number > listing.pages:
        raise BadFeedPage(f"page {number} is past the last page ({listing.pages})")
    href = URLS.fandom.replace("{fandom}", request.path_params["name"])
    page = Page(number, PER_PAGE, listing.total, href)
    items = [entry(w) for w in listing.items]
    return _xml(
        works_feed(URLS, name, items, page, _latest(listing.items), f"urn:ficshelf:opds:fandom:{name}"),
        ACQUISITION_TYPE,
    )


async def search_description(request: Request) -> Response:
    return _xml(opensearch_xml(URLS.search, description="Search the archive's works"), OPENSEARCH_TYPE)


async def search(request: Request) -> Response:
    query = request.query_params.get("q", "")
    number = int_param(request, "page")
    found = search_works(request.app.state.archive, viewer(request), query, page=number, per_page=PER_PAGE)
    page = Page(number, PER_PAGE, found.total, "/opds/search?q=" + query.replace("&", "%26") + "&page={page}")
    body = works_feed(
        URLS,
        f"Search: {query}",
        [entry(w) for w in found.works],
        page,
        _latest(found.works),
        "urn:ficshelf:opds:search",
    )
    return _xml(body, ACQUISITION_TYPE)


routes = [
    Route("/opds", root, name="opds"),
    Route("/opds/recent", recent, name="opds_recent"),
    Route("/opds/fandoms", fandoms, name="opds_fandoms"),
    Route("/opds/fandoms/{name:path}", fandom, name="opds_fandom"),
    Route("/opds/search.xml", search_description, name="opds_search_description"),
    Route("/opds/search", search, name="opds_search"),
]
