"""Accounts: register, log in (throttled by the store), log out, and preferences (blocklist, review policy)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from ficshelf.errors import BadLogin, FicshelfError, InvalidValue
from ficshelf.model import TagKind
from ficshelf.store.reading import remove_filter, save_filter, saved_filters
from ficshelf.store.records import CommentPolicy, FilterMode
from ficshelf.store.users import login, logout, register, set_comment_policy
from ficshelf.web.render import page
from ficshelf.web.routes.params import field
from ficshelf.web.security import SESSION_COOKIE, checked_form, cookie_header, require_account, viewer

MIN_PASSWORD = 8


async def register_form(request: Request) -> Response:
    return page(request, "register.html")


async def register_post(request: Request) -> Response:
    form = await checked_form(request)
    name, password = field(form, "name"), field(form, "password")
    try:
        if len(password) < MIN_PASSWORD:
            raise InvalidValue(f"a password has at least {MIN_PASSWORD} characters")
        register(request.app.state.archive.store, name, password, field(form, "email"))
    except FicshelfError as err:
        return page(request, "register.html", status_code=400, error=err, name=name)
    return await _start_session(request, name, password)


async def login_form(request: Request) -> Response:
    return page(request, "login.html")


async def login_post(request: Request) -> Response:
    form = await checked_form(request)
    return await _start_session(request, field(form, "name"), field(form, "password"))


async def _start_session(request: Request, name: str, password: str) -> Response:
    address = request.client.host if request.client else ""
    settings = request.app.state.settings
    try:
        started = login(request.app.state.archive.store, name, password, address, settings)
    except (BadLogin, FicshelfError) as err:
        return page(request, "login.html", status_code=400 if isinstance(err, BadLogin) else 429, error=err, name=name)
    response = RedirectResponse(request.url_for("home"), status_code=303)
    max_age = settings.session_days * 86400
    response.headers.append("set-cookie", cookie_header(SESSION_COOKIE, started.token, max_age, _secure(request)))
    return response


async def logout_post(request: Request) -> Response:
    await checked_form(request)
    who = viewer(request)
    if who.session_token:
        logout(request.app.state.archive.store, who.session_token)
    response = RedirectResponse(request.url_for("home"), status_code=303)
    response.headers.append("set-cookie", cookie_header(SESSION_COOKIE, "", 0, _secure(request)))
    return response


async def preferences(request: Request) -> Response:
    who = require_account(request)
    filters = saved_filters(request.app.state.archive.store, who.id or 0)
    blocked = [f for f in filters if f.mode is FilterMode.BLOCK]
    return page(request, "preferences.html", blocked=blocked, policies=list(CommentPolicy), kinds=list(TagKind))


async def preferences_post(request: Request) -> Response:
    form = await checked_form(request)
    who = require_account(request)
    store = request.app.state.archive.store
    action = field(form, "action")
    if action == "block":
        save_filter(store, who.id or 0, field(form, "tag"), field(form, "kind"), FilterMode.BLOCK)
    elif action == "unblock":
        remove_filter(store, who.id or 0, field(form, "tag"), field(form, "kind"))
    elif action == "policy":
        set_comment_policy(store, who.id or 0, field(form, "policy"))
    else:
        raise InvalidValue(f"unknown preference action {action!r}")
    return RedirectResponse(request.url_for("preferences"), status_code=303)


def _secure(request: Request) -> bool:
    return request.url.scheme == "https"


routes = [
    Route("/register", register_form, name="register"),
    Route("/register", register_post, methods=["POST"], name="register_post"),
    Route("/login", login_form, name="login"),
    Route("/login", login_post, methods=["POST"], name="login_post"),
    Route("/logout", logout_post, methods=["POST"], name="logout"),
    Route("/preferences", preferences, name="preferences"),
    Route("/preferences", preferences_post, methods=["POST"], name="preferences_post"),
]
