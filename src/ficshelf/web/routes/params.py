"""Small parsers for query-string and form values shared by the route modules."""

from __future__ import annotations

from starlette.datastructures import FormData
from starlette.requests import Request

from ficshelf.errors import InvalidValue


def int_param(request: Request, name: str, default: int = 1) -> int:
    raw = request.query_params.get(name, "")
    try:
        return max(1, int(raw)) if raw else default
    except ValueError:
        raise InvalidValue(f"{name} must be a whole number") from None


def path_int(request: Request, name: str) -> int:
    value: int = request.path_params[name]
    return value


def field(form: FormData, name: str, default: str = "") -> str:
    value = form.get(name, default)
    return value if isinstance(value, str) else default


def flag(request: Request, name: str) -> bool:
    return request.query_params.get(name, "") in ("1", "on", "yes", "true")
