"""The beta reader on the web: a chapter's report (``/works/{id}/chapters/{n}/beta``), the posting preview's hint
forms (``/works/drafts/{draft}/beta/…``) and the author's personal dictionary (``/beta/dictionary``)."""

from __future__ import annotations

from collections.abc import Callable

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from ficshelf.errors import InvalidValue, StaleHint
from ficshelf.web.beta_dictionary import change_dictionary, dictionary_view
from ficshelf.web.beta_report import HintRef, accept_hint, accept_rule, beta_report, ignore_hint
from ficshelf.web.draft_beta import accept_draft_hint, accept_draft_rule, ignore_draft_hint
from ficshelf.web.render import page
from ficshelf.web.routes.params import field, path_int
from ficshelf.web.routes.posting import drafts_folder, show_draft
from ficshelf.web.security import checked_form, require_account, viewer

#: Reads one value of a hint form.
FormRead = Callable[[FormData], object]
#: HTTP status of a report shown again because the hint acted on was stale.
STALE_STATUS = 409


async def report(request: Request) -> Response:
    return await _show(request)


async def accept(request: Request) -> Response:
    return await _on_chapter(request, accept_hint, _ref, _choice)


async def accept_all(request: Request) -> Response:
    """Accept every hint of one rule in the chapter (``rule``)."""
    return await _on_chapter(request, accept_rule, _rule)


async def ignore(request: Request) -> Response:
    return await _on_chapter(request, ignore_hint, _ref)


async def draft_accept(request: Request) -> Response:
    return await _on_draft(request, accept_draft_hint, _chapter, _ref, _choice)


async def draft_accept_all(request: Request) -> Response:
    return await _on_draft(request, accept_draft_rule, _rule)


async def draft_ignore(request: Request) -> Response:
    return await _on_draft(request, ignore_draft_hint, _chapter, _ref)


async def _on_chapter(request: Request, action: Callable[..., object], *reads: FormRead) -> Response:
    """Run ``action(archive, work, chapter, viewer, *values read from the form)``, then show the report again."""
    form = await checked_form(request)
    work_id, number = path_int(request, "work_id"), path_int(request, "number")
    values = [read(form) for read in reads]
    try:
        await run_in_threadpool(action, request.app.state.archive, work_id, number, viewer(request).id, *values)
    except StaleHint as err:
        return await _show(request, notice=str(err), status_code=STALE_STATUS)
    return _back(request, work_id, number)


async def _on_draft(request: Request, action: Callable[..., object], *reads: FormRead) -> Response:
    """Run ``action(archive, drafts folder, account, draft, *values read from the form)``, then show the preview."""
    form = await checked_form(request)
    who, draft_id = require_account(request), request.path_params["draft_id"]
    values = [read(form) for read in reads]
    try:
        await run_in_threadpool(
            action, request.app.state.archive, drafts_folder(request), who.id or 0, draft_id, *values
        )
    except StaleHint as err:
        return await show_draft(request, draft_id, notice=str(err), status_code=STALE_STATUS)
    return _to_draft(request, draft_id)


async def dictionary(request: Request) -> Response:
    who = require_account(request)
    view = await run_in_threadpool(dictionary_view, request.app.state.archive, who.id or 0)
    return page(request, "dictionary.html", dictionary=view)


async def dictionary_change(request: Request) -> Response:
    """``action``: ``add`` or ``forget`` a ``word``; ``unmute`` a ``rule``."""
    form = await checked_form(request)
    who = require_account(request)
    action, value = field(form, "action"), field(form, "rule") or field(form, "word")
    await run_in_threadpool(change_dictionary, request.app.state.archive, who.id or 0, action, value)
    return RedirectResponse(request.url_for("beta_dictionary"), status_code=303)


async def _show(request: Request, notice: str = "", status_code: int = 200) -> Response:
    work_id, number = path_int(request, "work_id"), path_int(request, "number")
    found = await run_in_threadpool(beta_report, request.app.state.archive, work_id, number, viewer(request).id)
    return page(request, "beta.html", status_code=status_code, report=found, notice=notice)


def _back(request: Request, work_id: int, number: int) -> Response:
    return RedirectResponse(request.url_for("beta_report", work_id=work_id, number=number), status_code=303)


def _to_draft(request: Request, draft_id: str) -> Response:
    return RedirectResponse(f"{request.url_for('draft_preview', draft_id=draft_id)}#beta", status_code=303)


def _ref(form: FormData) -> HintRef:
    return HintRef(_int(form, "start"), _int(form, "end"), field(form, "text"))


def _choice(form: FormData) -> int:
    return _int(form, "choice")


def _chapter(form: FormData) -> int:
    return _int(form, "chapter")


def _rule(form: FormData) -> str:
    return field(form, "rule")


def _int(form: FormData, name: str) -> int:
    try:
        return int(field(form, name))
    except ValueError:
        raise InvalidValue(f"{name} must be a whole number") from None


_REPORT = "/works/{work_id:int}/chapters/{number:int}/beta"
_DRAFT = "/works/drafts/{draft_id:str}/beta"
routes = [
    Route(_REPORT, report, name="beta_report"),
    Route(f"{_REPORT}/accept", accept, methods=["POST"], name="beta_accept"),
    Route(f"{_REPORT}/accept-all", accept_all, methods=["POST"], name="beta_accept_all"),
    Route(f"{_REPORT}/ignore", ignore, methods=["POST"], name="beta_ignore"),
    Route(f"{_DRAFT}/accept", draft_accept, methods=["POST"], name="draft_beta_accept"),
    Route(f"{_DRAFT}/accept-all", draft_accept_all, methods=["POST"], name="draft_beta_accept_all"),
    Route(f"{_DRAFT}/ignore", draft_ignore, methods=["POST"], name="draft_beta_ignore"),
    Route("/beta/dictionary", dictionary, name="beta_dictionary"),
    Route("/beta/dictionary", dictionary_change, methods=["POST"], name="beta_dictionary_post"),
]
