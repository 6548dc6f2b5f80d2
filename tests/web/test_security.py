"""The security rules: CSRF on every state-changing request, headers, sessions, login throttling."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from starlette.applications import Starlette
from starlette.routing import Route

from tests.web.conftest import Visitor


def post_routes(app: Starlette) -> list[str]:
    """Every POST path of the app, with 1 for each path parameter ("delete" for a comment action)."""
    paths = []
    for route in app.routes:
        if isinstance(route, Route) and route.methods and "POST" in route.methods:
            path = re.sub(r"\{action[^}]*\}", "delete", route.path)
            paths.append(re.sub(r"\{[^}]+\}", "1", path))
    return paths


def test_the_app_has_the_state_changing_routes_the_walk_covers(web: Starlette) -> None:
    paths = post_routes(web)
    for expected in ("/works/preview", "/works/publish", "/works/1/kudos", "/works/1/comments", "/logout"):
        assert expected in paths
    assert len(paths) >= 15


@pytest.mark.parametrize("logged_in", [False, True])
def test_every_post_route_refuses_a_request_without_the_csrf_token(
    any_web: Starlette, any_visitor: Callable[[], Visitor], logged_in: bool
) -> None:
    author = any_visitor().register("author")
    author.post_work()
    caller = any_visitor().register("caller") if logged_in else any_visitor()
    before = author.get("/works/1").text
    for path in post_routes(any_web):
        response = caller.post(path, {"body": "hello", "name": "guest", "title": "changed"}, csrf=False)
        assert response.status_code == 403, path
        assert "FS701" in response.text, path
        wrong = caller.client.post(path, data={"csrf_token": "not-the-token", "body": "hi", "name": "x"})
        assert wrong.status_code == 403, path
    assert author.get("/works/1").text.count("hello") == before.count("hello")
    assert "changed" not in author.get("/works/1").text


def test_another_visitors_token_is_refused(any_visitor: Callable[[], Visitor]) -> None:
    author = any_visitor().register("author")
    work_id = author.post_work()
    attacker_token = any_visitor().token()
    victim = any_visitor().register("victim")
    response = victim.client.post(f"/works/{work_id}/kudos", data={"csrf_token": attacker_token})
    assert response.status_code == 403
    assert victim.post(f"/works/{work_id}/kudos").status_code == 200


def test_every_page_sends_a_strict_content_security_policy(visitor: Callable[[], Visitor]) -> None:
    guest = visitor()
    for path in ("/", "/login", "/search?q=x", "/no-such-page"):
        headers = guest.get(path).headers
        policy = headers["content-security-policy"]
        assert "default-src 'none'" in policy
        assert "script-src" not in policy  # so scripts fall back to 'none'
        assert "unsafe-inline" not in policy
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"


def test_session_cookie_is_http_only_and_logout_ends_the_session(any_visitor: Callable[[], Visitor]) -> None:
    reader = any_visitor()
    token = reader.token("/register")
    response = reader.client.post(
        "/register", data={"csrf_token": token, "name": "reader", "password": "long enough"}, follow_redirects=False
    )
    cookie = next(v for k, v in response.headers.multi_items() if k == "set-cookie" and v.startswith("fs_session="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert reader.get("/preferences").status_code == 200
    reader.post("/logout")
    assert reader.get("/preferences").status_code == 401


def test_logins_are_throttled_after_repeated_failures(any_visitor: Callable[[], Visitor]) -> None:
    any_visitor().register("target", "the real password")
    attacker = any_visitor()
    statuses = [attacker.post("/login", {"name": "target", "password": f"guess {i}"}).status_code for i in range(7)]
    assert statuses[0] == 400
    assert statuses[-1] == 429
    refused = attacker.post("/login", {"name": "target", "password": "the real password"})
    assert refused.status_code == 429 and "FS505" in refused.text


def test_pages_that_need_an_account_ask_guests_to_log_in(visitor: Callable[[], Visitor]) -> None:
    guest = visitor()
    for path in ("/works/new", "/bookmarks", "/history", "/preferences", "/comments/held"):
        assert guest.get(path).status_code == 401, path
