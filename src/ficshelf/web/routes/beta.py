"""The author's beta report: ``/works/{id}/chapters/{n}/beta`` and its accept and ignore forms."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from ficshelf.errors import InvalidValue, StaleHint
from ficshelf.web.beta_report import HintRef, accept_hint, beta_report, ignore_hint
from ficshelf.web.render import page
from ficshelf.web.routes.params import field, path_int
from ficshelf.web.security import checked_form, viewer

#: HTTP status of a report shown again because the hint acted on was stale.
STALE_STATUS = 409


async def report(request: Request) -> Response:
    return await _show(request)


async def accept(request: Request) -> Response:
    form = await checked_form(request)
    work_id, number = path_int(request, "work_id"), path_int(request, "number")
    try:
        await run_in_threadpool(
            accept_hint,
            request.app.state.archive,
            work_id,
            number,
            viewer(request).id,
            _ref(form),
            _int(form, "choice"),
        )
    except StaleHint as err:
        return await _show(request, notice=str(err), status_code=STALE_STATUS)
    return _back(request, work_id, number)


async def ignore(request: Request) -> Response:
    form = await checked_form(request)
    work_id, number = path_int(request, "work_id"), path_int(request, "number")
    try:
        await run_in_threadpool(ignore_hint, request.app.state.archive, work_id, number, viewer(request).id, _ref(form))
    except StaleHint as err:
        return await _show(request, notice=str(err), status_code=STALE_STATUS)
    return _back(request, work_id, number)


async def _show(request: Request, notice: str = "", status_code: int = 200) -> Response:
    work_id, number = path_int(request, "work_id"), path_int(request, "number")
    found = await run_in_threadpool(beta_report, request.app.state.archive, work_id, number, viewer(request).id)
    return page(request, "beta.html", status_code=status_code, report=found, notice=notice)


def _back(request: Request, work_id: int, number: int) -> Response:
    return RedirectResponse(request.url_for("beta_report", work_id=work_id, number=number), status_code=303)


def _ref(form: FormData) -> HintRef:
    return HintRef(_int(form, "start"), _int(form, "end"), field(form, "text"))


def _int(form: FormData, name: str) -> int:
    try:
        return int(field(form, name))
    except ValueError:
        raise InvalidValue(f"{name} must be a whole number") from None


routes = [
    Route("/works/{work_id:int}/chapters/{number:int}/beta", report, name="beta_report"),
    Route("/works/{work_id:int}/chapters/{number:int}/beta/accept", accept, methods=["POST"], name="beta_accept"),
    Route("/works/{work_id:int}/chapters/{number:int}/beta/ignore", ignore, methods=["POST"], name="beta_ignore"),
]
