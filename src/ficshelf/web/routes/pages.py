"""Reading listings: home (recent works), the fandom index, tag pages and search results."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ficshelf.errors import NotFound, SearchError
from ficshelf.store.listing import list_works
from ficshelf.store.records import WorkFilter
from ficshelf.store.tags import fandom_index, tag_with_synonyms
from ficshelf.web.listings import PER_PAGE, SORTS, Results, search_works
from ficshelf.web.render import page
from ficshelf.web.routes.params import flag, int_param
from ficshelf.web.security import viewer

LISTING_SORTS = ("updated", "published", "kudos", "hits", "words", "title")


async def home(request: Request) -> Response:
    who = viewer(request)
    hide_read = flag(request, "hide_read")
    works = list_works(
        request.app.state.archive.store,
        WorkFilter(hide_read=hide_read),
        page=int_param(request, "page"),
        per_page=PER_PAGE,
        viewer=who.id,
    )
    return page(request, "home.html", works=works, hide_read=hide_read)


async def fandoms(request: Request) -> Response:
    found = fandom_index(request.app.state.archive.store, viewer(request).id)
    return page(request, "fandoms.html", fandoms=found)


async def tag(request: Request) -> Response:
    who = viewer(request)
    store = request.app.state.archive.store
    name = request.path_params["name"]
    try:
        info = tag_with_synonyms(store, name)
    except NotFound:
        info = None
    sort = request.query_params.get("sort", "updated")
    sort = sort if sort in LISTING_SORTS else "updated"
    hide_read = flag(request, "hide_read")
    work_filter = WorkFilter(tags=[info.name if info else name], hide_read=hide_read, include_suggested=False)
    works = list_works(store, work_filter, sort=sort, page=int_param(request, "page"), per_page=PER_PAGE, viewer=who.id)
    if info is None and not works.total:
        raise NotFound(f"no tag {name!r}")
    return page(request, "tag.html", name=name, info=info, works=works, sort=sort, sorts=LISTING_SORTS)


async def search(request: Request) -> Response:
    query = request.query_params.get("q", "")
    sort = request.query_params.get("sort", "relevance")
    hide_read = flag(request, "hide_read")
    context: dict[str, Any] = {"q": query, "sort": sort, "sorts": SORTS, "hide_read": hide_read}
    try:
        results = search_works(
            request.app.state.archive,
            viewer(request),
            query,
            sort=sort,
            page=int_param(request, "page"),
            hide_read=hide_read,
        )
    except SearchError as err:  # the reader fixes the query in the same form
        return page(request, "search.html", status_code=400, results=Results([], 0, 1, PER_PAGE), error=err, **context)
    return page(request, "search.html", results=results, **context)


routes = [
    Route("/", home, name="home"),
    Route("/fandoms", fandoms, name="fandoms"),
    Route("/tags/{name:path}", tag, name="tag"),
    Route("/search", search, name="search"),
]
