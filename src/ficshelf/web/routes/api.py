"""The JSON API (read-only): works (searched with the query language), one work, its analysis, tags, and the
OpenAPI document that describes them (``/api/openapi.json``)."""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ficshelf.analysis.output import doc_to_json
from ficshelf.store.records import WorkSummary
from ficshelf.store.tags import find_tags, tag_with_synonyms
from ficshelf.store.works import get_work
from ficshelf.web.listings import search_works
from ficshelf.web.openapi import OPENAPI
from ficshelf.web.reading import analysed
from ficshelf.web.routes.params import flag, int_param, path_int
from ficshelf.web.security import viewer

MAX_PER_PAGE = 100


def work_json(work: WorkSummary) -> dict[str, Any]:
    tags: dict[str, list[str]] = {}
    for tag in work.tags:
        tags.setdefault(tag.kind.value, []).append(tag.name)
    return {
        "id": work.id,
        "title": work.title,
        "author": work.owner,
        "summary": work.summary,
        "language": work.language,
        "rating": work.rating,
        "words": work.words,
        "chapters": work.chapters,
        "complete": work.complete,
        "restricted": work.restricted,
        "published": work.published.isoformat(),
        "updated": work.updated.isoformat(),
        "kudos": work.kudos,
        "hits": work.hits,
        "comments": work.comments,
        "bookmarks": work.bookmarks,
        "tags": tags,
        "url": f"/works/{work.id}",
    }


async def works(request: Request) -> Response:
    per_page = min(MAX_PER_PAGE, int_param(request, "per_page", 20))
    found = search_works(
        request.app.state.archive,
        viewer(request),
        request.query_params.get("q", ""),
        sort=request.query_params.get("sort", "relevance"),
        page=int_param(request, "page"),
        per_page=per_page,
    )
    body: dict[str, Any] = {"works": [work_json(w) for w in found.works], "total": found.total, "page": found.page}
    if flag(request, "facets"):
        body["facets"] = {k.value: [{"name": f.name, "count": f.count} for f in v] for k, v in found.facets.items()}
    return JSONResponse(body)


async def work(request: Request) -> Response:
    loaded = get_work(request.app.state.archive.store, path_int(request, "work_id"), viewer(request).id)
    body = work_json(loaded.summary)
    body["notes_beginning"] = loaded.work.notes_beginning
    body["notes_end"] = loaded.work.notes_end
    body["chapter_list"] = [{"number": c.number, "title": c.title} for c in loaded.work.chapters]
    body["suggested_tags"] = [
        {"kind": s.kind.value, "name": s.name, "score": s.score, "evidence": s.evidence} for s in loaded.suggested
    ]
    if flag(request, "text"):
        body["chapter_text"] = [c.text for c in loaded.work.chapters]
    return JSONResponse(body)


async def analysis(request: Request) -> Response:
    loaded = get_work(request.app.state.archive.store, path_int(request, "work_id"), viewer(request).id)
    doc = await run_in_threadpool(analysed, loaded)
    return JSONResponse(doc_to_json(doc))


async def tags(request: Request) -> Response:
    kind = request.query_params.get("kind") or None
    found = find_tags(request.app.state.archive.store, request.query_params.get("q", ""), kind)
    return JSONResponse({"tags": [{"kind": t.kind.value, "name": t.name, "canonical": t.canonical} for t in found]})


async def tag(request: Request) -> Response:
    info = tag_with_synonyms(request.app.state.archive.store, request.path_params["name"])
    return JSONResponse(
        {"kind": info.kind.value, "name": info.name, "canonical": info.canonical_name, "synonyms": info.synonyms}
    )


async def openapi(request: Request) -> Response:
    return JSONResponse(OPENAPI)


routes = [
    Route("/api/works", works, name="api_works"),
    Route("/api/search", works, name="api_search"),
    Route("/api/works/{work_id:int}", work, name="api_work"),
    Route("/api/works/{work_id:int}/analysis", analysis, name="api_analysis"),
    Route("/api/tags", tags, name="api_tags"),
    Route("/api/tags/{name:path}", tag, name="api_tag"),
    Route("/api/openapi.json", openapi, name="openapi"),
]
