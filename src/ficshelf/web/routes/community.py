"""Kudos, threaded comments (with the author's review policy), bookmarks, reading history and mark-as-read."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from ficshelf.community.flames import judge_comment
from ficshelf.errors import NotFound
from ficshelf.store.comments import add_comment, delete_comment, edit_comment, held_comments, release_comment
from ficshelf.store.community import add_kudos, bookmark, bookmarks, remove_bookmark
from ficshelf.store.reading import history, mark_read
from ficshelf.web.render import page
from ficshelf.web.routes.params import field, int_param, path_int
from ficshelf.web.security import checked_form, require_account, viewer


def _back(request: Request, work_id: int, anchor: str = "") -> RedirectResponse:
    return RedirectResponse(f"{request.url_for('work', work_id=work_id)}{anchor}", status_code=303)


async def kudos(request: Request) -> Response:
    await checked_form(request)
    who = viewer(request)
    work_id = path_int(request, "work_id")
    add_kudos(request.app.state.archive.store, work_id, who.id, guest_key=who.guest_key)
    request.app.state.archive.sync_index()
    return _back(request, work_id, "#kudos")


async def comment(request: Request) -> Response:
    form = await checked_form(request)
    who = viewer(request)
    work_id = path_int(request, "work_id")
    body = field(form, "body")
    verdict = await run_in_threadpool(judge_comment, body)
    parent = field(form, "parent")
    added = add_comment(
        request.app.state.archive.store,
        work_id,
        body,
        viewer=who.id,
        guest_name=field(form, "name"),
        parent_id=int(parent) if parent.isdigit() else None,
        flagged=verdict.reason if verdict.flame else "",
    )
    return _back(request, work_id, f"#comment-{added.id}")


async def comment_action(request: Request) -> Response:
    """Delete (writer or work author), release (work author) or edit (writer) a comment."""
    form = await checked_form(request)
    who = require_account(request)
    store = request.app.state.archive.store
    comment_id = path_int(request, "comment_id")
    action = request.path_params["action"]
    if action not in ("delete", "release", "edit"):
        raise NotFound(f"no comment action {action!r}")
    if action == "delete":
        delete_comment(store, comment_id, who.id or 0)
    elif action == "release":
        release_comment(store, comment_id, who.id or 0)
    else:
        edit_comment(store, comment_id, who.id or 0, field(form, "body"))
    work_id = field(form, "work")
    if work_id.isdigit():
        return _back(request, int(work_id), "#comments")
    return RedirectResponse(request.url_for("held"), status_code=303)


async def held(request: Request) -> Response:
    who = require_account(request)
    return page(request, "held.html", comments=held_comments(request.app.state.archive.store, who.id or 0))


async def add_bookmark(request: Request) -> Response:
    form = await checked_form(request)
    who = require_account(request)
    work_id = path_int(request, "work_id")
    store = request.app.state.archive.store
    if field(form, "remove") == "1":
        remove_bookmark(store, who.id or 0, work_id)
    else:
        bookmark(store, who.id or 0, work_id, notes=field(form, "notes"), private=field(form, "private") == "on")
    return _back(request, work_id, "#bookmark")


async def my_bookmarks(request: Request) -> Response:
    who = require_account(request)
    found = bookmarks(request.app.state.archive.store, who.id, owner=who.id)
    return page(request, "bookmarks.html", bookmarks=found)


async def reading_history(request: Request) -> Response:
    who = require_account(request)
    entries = history(request.app.state.archive.store, who.id or 0, page=int_param(request, "page"))
    return page(request, "history.html", entries=entries)


async def read_mark(request: Request) -> Response:
    form = await checked_form(request)
    who = require_account(request)
    work_id = path_int(request, "work_id")
    mark_read(request.app.state.archive.store, who.id or 0, work_id, read=field(form, "read", "1") == "1")
    target = field(form, "next")
    if target.startswith("/") and not target.startswith("//"):
        return RedirectResponse(target, status_code=303)
    return _back(request, work_id)


routes = [
    Route("/works/{work_id:int}/kudos", kudos, methods=["POST"], name="kudos"),
    Route("/works/{work_id:int}/comments", comment, methods=["POST"], name="comment"),
    Route("/comments/{comment_id:int}/{action:str}", comment_action, methods=["POST"], name="comment_action"),
    Route("/comments/held", held, name="held"),
    Route("/works/{work_id:int}/bookmark", add_bookmark, methods=["POST"], name="bookmark"),
    Route("/bookmarks", my_bookmarks, name="bookmarks"),
    Route("/history", reading_history, name="history"),
    Route("/works/{work_id:int}/read", read_mark, methods=["POST"], name="mark_read"),
]
