"""Web fixtures: the real app over a real SQLite file (``web``, ``visitor``) or, for the rule tests, over a real
SQLite file *and* a fresh database of the throwaway PostgreSQL server (``any_web``, ``any_visitor``), driven by
Starlette's TestClient as a browser would drive it: forms carry the page's CSRF token."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from starlette.applications import Starlette
from starlette.testclient import TestClient

from ficshelf.settings import Settings
from ficshelf.web import create_app

CSRF = re.compile(r'name="csrf_token" value="([^"]*)"')
#: A short work written for these tests: notes, a POV header, lyrics, and Naruto characters for suggestions.
STORY = """A/N: Thanks to my beta reader! This is my first fic, please be kind.

- Sakura -

Sakura Haruno waited under the cherry tree while Naruto Uzumaki ran across the training field.
"You're late again," Sakura said. Naruto laughed and scratched his head.
"Kakashi-sensei is always later," Naruto said, and Sakura smiled despite herself.

*Hold on to the morning light*
*Hold on to the fading night*
*We will carry on tonight*
*We will carry on tonight*

Rock Lee arrived with a bow, and the three of them walked to Ichiraku together. Sakura Haruno kept the
promise she had made, and Naruto Uzumaki never let go of his dream of becoming Hokage of the Leaf Village.

A/N: Please leave a comment if you liked it! Next chapter soon.
"""


class Visitor:
    """One browser: a TestClient with its own cookies, that fills forms with the page's CSRF token."""

    def __init__(self, app: Starlette) -> None:
        self.client = TestClient(app, follow_redirects=True)

    def token(self, path: str = "/") -> str:
        """The CSRF token of ``path`` (a guest's home page has no form, so then the login page's)."""
        found = CSRF.search(self.client.get(path).text) or CSRF.search(self.client.get("/login").text)
        assert found is not None, f"no CSRF token on {path}"
        return found.group(1)

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.client.get(path, **kwargs)

    def post(
        self, path: str, data: dict[str, Any] | None = None, *, csrf: bool = True, **kwargs: Any
    ) -> httpx.Response:
        form = dict(data or {})
        if csrf:
            form["csrf_token"] = self.token()
        return self.client.post(path, data=form, **kwargs)

    def register(self, name: str, password: str = "correct horse battery") -> Visitor:
        response = self.post("/register", {"name": name, "password": password})
        assert response.status_code == 200, response.text
        return self

    def post_work(self, text: str = STORY, title: str = "Under the Cherry Tree", **extra: Any) -> int:
        """Post ``text`` through the preview (accepting every suggestion) and return the new work's id."""
        preview = self.post("/works/preview", {"text": text, "title": title, **extra})
        assert preview.status_code == 200, preview.text
        draft = re.search(r'name="draft" value="([^"]+)"', preview.text)
        assert draft is not None
        accept = re.findall(r'name="accept" value="([^"]+)"', preview.text)
        published = self.post(
            "/works/publish",
            {"draft": draft.group(1), "accept": accept, "restricted_choice": "1", **_restricted(extra)},
        )
        assert published.status_code == 200, published.text
        return int(str(published.url).rstrip("/").rsplit("/", 1)[-1])


def _restricted(extra: dict[str, Any]) -> dict[str, Any]:
    return {"restricted": "on"} if extra.get("restricted") == "on" else {}


@pytest.fixture
def web(tmp_path: Path) -> Iterator[Starlette]:
    """The web app over a fresh SQLite archive in tmp_path."""
    app = create_app(Settings(data_dir=tmp_path / "data"))
    yield app
    app.state.archive.close()


@pytest.fixture
def visitor(web: Starlette) -> Callable[[], Visitor]:
    return lambda: Visitor(web)


@pytest.fixture(params=["sqlite", "postgresql"])
def any_web(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Starlette]:
    """The web app on SQLite and on a fresh database of the throwaway PostgreSQL server."""
    if request.param == "sqlite":
        app = create_app(Settings(data_dir=tmp_path / "data"))
        yield app
        app.state.archive.close()
        return
    server_url: str = request.getfixturevalue("postgres_url")
    name = f"fsweb_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
    app = create_app(Settings(data_dir=tmp_path / "data", database_url=url))
    try:
        yield app
    finally:
        app.state.archive.close()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def any_visitor(any_web: Starlette) -> Callable[[], Visitor]:
    """New browsers on ``any_web``: a test that takes it runs once on SQLite and once on PostgreSQL."""
    return lambda: Visitor(any_web)
