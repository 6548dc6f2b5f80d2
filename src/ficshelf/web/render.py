"""Templates: one Jinja2 environment with autoescape, the filters pages use, and ``page`` to render one."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import HTMLResponse

from ficshelf.html_safety import plain_text, user_html
from ficshelf.model import TAG_LABELS, TagKind
from ficshelf.web.security import CSRF_FIELD, Viewer, viewer

TEMPLATES = Path(__file__).parent / "templates"
#: Words a reader reads per minute (the reading-time estimate on work pages).
WORDS_PER_MINUTE = 250


def reading_time(words: int) -> str:
    minutes = max(1, round(words / WORDS_PER_MINUTE))
    return f"{minutes} min" if minutes < 60 else f"{minutes // 60} h {minutes % 60:02d} min"


def user_text(text: str) -> Markup:
    """What a person wrote (notes, summaries, comments) as safe HTML: sanitised or escaped, never raw."""
    return Markup(user_html(text))


def day(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d") if moment else ""


def _environment() -> Environment:
    # Templates are compiled once per process (no mtime check per render: auto_reload off).
    loader = FileSystemLoader(TEMPLATES)
    env = Environment(loader=loader, autoescape=select_autoescape(default=True), auto_reload=False, cache_size=-1)
    env.filters.update(user_text=user_text, plain=plain_text, reading_time=reading_time, day=day)
    env.filters["thousands"] = lambda n: f"{n:,}"
    env.globals.update(TAG_LABELS=TAG_LABELS, TagKind=TagKind, CSRF_FIELD=CSRF_FIELD)
    return env


ENVIRONMENT = _environment()


def page(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render ``template`` with the viewer and the CSRF token every form carries."""
    return HTMLResponse(render_page(request, template, viewer(request), **context), status_code=status_code)


def render_page(request: Request, template: str, who: Viewer, **context: Any) -> str:
    """``template`` rendered for ``who`` (the request's viewer, or a stand-in for a page cached for guests)."""
    return ENVIRONMENT.get_template(template).render(request=request, viewer=who, csrf_token=who.csrf_token, **context)


def grouped_tags(tags: Any) -> list[tuple[TagKind, list[str]]]:
    """A work's tags grouped by kind in AO3's order (kinds with no tag left out)."""
    groups: list[tuple[TagKind, list[str]]] = []
    for kind in TagKind:
        names = [t.name for t in tags if t.kind is kind]
        if names:
            groups.append((kind, names))
    return groups
