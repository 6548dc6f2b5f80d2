"""The app factory: ``create_app(settings)`` opens the archive and returns the Starlette application."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from ficshelf.archive import Archive, open_archive
from ficshelf.errors import (
    CsrfRefused,
    ExportError,
    FicshelfError,
    InputError,
    InvalidValue,
    LoginRequired,
    NotAllowed,
    NotFound,
    SearchError,
    StoreError,
    WebError,
)
from ficshelf.settings import Settings, get_settings
from ficshelf.web.guest_pages import GuestPages
from ficshelf.web.render import page
from ficshelf.web.routes import accounts, api, beta, community, opds, pages, posting, works
from ficshelf.web.security import SecurityHeaders

STATIC = Path(__file__).parent / "static"
#: HTTP status of each error family.
STATUS: list[tuple[type[FicshelfError], int]] = [
    (NotFound, 404),
    (NotAllowed, 403),
    (CsrfRefused, 403),
    (LoginRequired, 401),
    (InvalidValue, 400),
    (InputError, 400),
    (SearchError, 400),
    (ExportError, 400),
    (WebError, 400),
    (StoreError, 400),
]


def create_app(
    settings: Settings | None = None, data_dir: Path | None = None, archive: Archive | None = None
) -> Starlette:
    """The web archive over the database and search index in ``data_dir`` (default: the settings' data folder)."""
    settings = settings or get_settings()
    opened = archive or open_archive(settings, data_dir)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        if archive is None:
            opened.close()
        else:
            opened.hits.flush(opened.store)

    routes = [
        *pages.routes,
        *works.routes,
        *posting.routes,
        *beta.routes,
        *community.routes,
        *accounts.routes,
        *api.routes,
        *opds.routes,
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(SecurityHeaders)],
        exception_handlers={FicshelfError: ficshelf_error, HTTPException: http_error},
        lifespan=lifespan,
    )
    app.state.archive = opened
    app.state.guest_pages = GuestPages()
    app.state.settings = settings
    return app


def status_of(err: FicshelfError) -> int:
    return next((status for kind, status in STATUS if isinstance(err, kind)), 500)


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


async def ficshelf_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, FicshelfError)
    status = status_of(exc)
    if wants_json(request):
        return JSONResponse({"error": {"code": exc.code, "message": str(exc)}}, status_code=status)
    return page(request, "error.html", status_code=status, error=exc, status=status)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if wants_json(request):
        return JSONResponse({"error": {"code": str(exc.status_code), "message": exc.detail}}, exc.status_code)
    error = NotFound("no such page") if exc.status_code == 404 else WebError(str(exc.detail))
    return page(request, "error.html", status_code=exc.status_code, error=error, status=exc.status_code)
