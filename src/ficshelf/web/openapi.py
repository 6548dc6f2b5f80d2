"""The OpenAPI 3.1 document of the JSON API, served at ``/api/openapi.json`` (a test checks it lists every route)."""

from __future__ import annotations

from typing import Any


def _get(summary: str, parameters: list[dict[str, Any]], schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "get": {
            "summary": summary,
            "parameters": parameters,
            "responses": {
                "200": {"description": "OK", "content": {"application/json": {"schema": schema}}},
                "400": {"description": "A bad query or value", "content": {"application/json": {"schema": _ERROR}}},
                "404": {"description": "No such work or tag, or a restricted work asked by a guest"},
            },
        }
    }


def _query(name: str, description: str, kind: str = "string") -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": {"type": kind}}


def _path(name: str, kind: str = "integer") -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "schema": {"type": kind}}


_ERROR = {
    "type": "object",
    "properties": {
        "error": {"type": "object", "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}
    },
}
_WORK = {
    "type": "object",
    "required": ["id", "title"],
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "author": {"type": "string"},
        "summary": {"type": "string"},
        "language": {"type": "string"},
        "rating": {"type": "string"},
        "words": {"type": "integer"},
        "chapters": {"type": "integer"},
        "complete": {"type": "boolean"},
        "restricted": {"type": "boolean"},
        "published": {"type": "string", "format": "date-time"},
        "updated": {"type": "string", "format": "date-time"},
        "kudos": {"type": "integer"},
        "hits": {"type": "integer"},
        "comments": {"type": "integer"},
        "bookmarks": {"type": "integer"},
        "tags": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
        "url": {"type": "string"},
    },
}
_WORKS = {
    "type": "object",
    "required": ["works", "total"],
    "properties": {
        "works": {"type": "array", "items": _WORK},
        "total": {"type": "integer"},
        "page": {"type": "integer"},
        "facets": {"type": "object"},
    },
}
_SEARCH_PARAMS = [
    _query("q", 'The query language: words, "phrases", fandom:, rating:, tag:, -tag:, words>5000, complete:yes, lang:'),
    _query("sort", "relevance, date, published, kudos, hits or words"),
    _query("page", "Page number, from 1", "integer"),
    _query("per_page", "Works per page (at most 100)", "integer"),
    _query("facets", "1 to include facet counts", "integer"),
]

OPENAPI: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "ficshelf", "version": "1", "description": "The archive's read-only JSON API."},
    "paths": {
        "/api/works": _get("Search works with the query language", _SEARCH_PARAMS, _WORKS),
        "/api/search": _get("The same as /api/works", _SEARCH_PARAMS, _WORKS),
        "/api/works/{work_id}": _get(
            "One work: details, notes, chapter list, pending suggested tags (text=1 adds chapter text)",
            [_path("work_id"), _query("text", "1 to include every chapter's text", "integer")],
            _WORK,
        ),
        "/api/works/{work_id}/analysis": _get(
            "The work's analysis (the schema of `ficshelf analyze --format json`)",
            [_path("work_id")],
            {"type": "object"},
        ),
        "/api/tags": _get(
            "Tags whose name starts with q",
            [
                _query("q", "Name prefix"),
                _query("kind", "rating, warning, category, fandom, relationship, character, freeform"),
            ],
            {"type": "object", "properties": {"tags": {"type": "array", "items": {"type": "object"}}}},
        ),
        "/api/tags/{name}": _get(
            "A tag with its canonical tag and synonyms", [_path("name", "string")], {"type": "object"}
        ),
        "/api/openapi.json": _get("This document", [], {"type": "object"}),
    },
}
