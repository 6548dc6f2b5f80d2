"""A work: its page (one chapter or the entire work), its downloads and its pictures."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from ficshelf.errors import NotFound
from ficshelf.export.epub import work_to_epub
from ficshelf.export.html import work_to_html
from ficshelf.store.page_versions import guest_version
from ficshelf.store.reading import record_reading
from ficshelf.store.records import WorkPage
from ficshelf.store.work_views import work_view
from ficshelf.store.works import get_work
from ficshelf.web.guest_pages import GuestPages
from ficshelf.web.reading import WorkLoader, chapter_html, character_graph_svg, layout, mood_arc_svg
from ficshelf.web.render import grouped_tags, render_page
from ficshelf.web.routes.params import path_int
from ficshelf.web.security import PICTURE_POLICY, Viewer, viewer


async def work_page(request: Request) -> Response:
    """``/works/{id}`` (chapter 1, or the entire work with ``?view=full``) and ``/works/{id}/chapters/{n}``.

    Guests get the page from the per-version cache (``web.guest_pages``); accounts get it rendered for them."""
    who = viewer(request)
    archive = request.app.state.archive
    work_id = path_int(request, "work_id")
    if who.account is None:
        version = guest_version(archive.store, work_id)
        key = (work_id, request.path_params.get("number", 1), request.query_params.get("view") == "full")
        pages: GuestPages = request.app.state.guest_pages
        body = pages.page(key, version, lambda stand_in: _render(request, stand_in), who.csrf_token)
        archive.hits.hit(archive.store, work_id)
        return Response(body, media_type="text/html")
    html = _render(request, who)
    archive.hits.hit(archive.store, work_id)
    return HTMLResponse(html)


def _render(request: Request, who: Viewer) -> str:
    """The work page as ``who`` sees it (an account's reading is recorded)."""
    store = request.app.state.archive.store
    view = work_view(store, path_int(request, "work_id"), who.id)
    loaded = view.page
    work_id = loaded.summary.id
    count = len(loaded.work.chapters)
    full = request.query_params.get("view") == "full" or count == 1
    number = request.path_params.get("number", 1)
    if not 1 <= number <= count:
        raise NotFound(f"work {work_id} has no chapter {number}")
    laid = layout(loaded, _texts(request))
    positions = range(len(laid.chapters)) if full else [number - 1]
    if who.id is not None:
        record_reading(store, who.id, work_id, count if full else number)
    return render_page(
        request,
        "work.html",
        who,
        loaded=loaded,
        blurb=loaded.summary,
        layout=laid,
        sections=[chapter_html(loaded, laid, i) for i in positions],
        full=full,
        number=number,
        count=count,
        tag_groups=grouped_tags(loaded.summary.tags),
        comments=view.comments,
        kudos=view.kudos,
        bookmarked=view.bookmarked,
    )


def _head(request: Request) -> WorkPage:
    """The work without chapter texts (what every page needs; the texts come from the per-version caches)."""
    return get_work(request.app.state.archive.store, path_int(request, "work_id"), viewer(request).id, texts=False)


def _texts(request: Request) -> WorkLoader:
    """Loads the work with every chapter's text, for a cache miss."""
    return lambda: _loaded(request).work


def _loaded(request: Request) -> WorkPage:
    return get_work(request.app.state.archive.store, path_int(request, "work_id"), viewer(request).id)


async def download_epub(request: Request) -> Response:
    loaded = _loaded(request)
    return _download(loaded, work_to_epub(loaded.work, link=_link(request, loaded)), "epub", "application/epub+zip")


async def download_html(request: Request) -> Response:
    loaded = _loaded(request)
    html = work_to_html(loaded.work, link=_link(request, loaded))
    return _download(loaded, html, "html", "text/html; charset=utf-8")


def _link(request: Request, loaded: WorkPage) -> str:
    return str(request.url_for("work", work_id=loaded.summary.id))


def _download(loaded: WorkPage, body: bytes | str, suffix: str, media_type: str) -> Response:
    """A work's file as an attachment named ``ficshelf-<id>.<suffix>``."""
    headers = {"content-disposition": f'attachment; filename="ficshelf-{loaded.summary.id}.{suffix}"'}
    return Response(body, media_type=media_type, headers=headers)


async def cast_picture(request: Request) -> Response:
    return _svg(character_graph_svg(_head(request), _texts(request)))


async def mood_picture(request: Request) -> Response:
    return _svg(mood_arc_svg(_head(request), _texts(request)))


def _svg(svg: str) -> Response:
    headers = {"content-security-policy": PICTURE_POLICY, "cache-control": "private, max-age=300"}
    return Response(svg, media_type="image/svg+xml", headers=headers)


routes = [
    Route("/works/{work_id:int}", work_page, name="work"),
    Route("/works/{work_id:int}/chapters/{number:int}", work_page, name="chapter"),
    Route("/works/{work_id:int}/download.epub", download_epub, name="download_epub"),
    Route("/works/{work_id:int}/download.html", download_html, name="download_html"),
    Route("/works/{work_id:int}/cast.svg", cast_picture, name="cast_svg"),
    Route("/works/{work_id:int}/mood.svg", mood_picture, name="mood_svg"),
]
