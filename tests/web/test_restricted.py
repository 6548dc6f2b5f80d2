"""A restricted work is invisible to guests on pages, search, the API, feeds and downloads."""

from __future__ import annotations

from starlette.applications import Starlette

from tests.web.conftest import Visitor

SECRET_TITLE = "Whispers Behind Closed Doors"


def test_restricted_works_are_invisible_to_guests_everywhere(any_web: Starlette) -> None:
    author = Visitor(any_web).register("author")
    work_id = author.post_work(title=SECRET_TITLE, restricted="on")
    open_id = author.post_work(title="An Open Work")
    guest = Visitor(any_web)
    for path in (
        f"/works/{work_id}",
        f"/works/{work_id}/chapters/1",
        f"/works/{work_id}/download.epub",
        f"/works/{work_id}/download.html",
        f"/works/{work_id}/cast.svg",
        f"/works/{work_id}/mood.svg",
        f"/api/works/{work_id}",
        f"/api/works/{work_id}/analysis",
    ):
        assert guest.get(path).status_code == 404, path
    for path in (
        "/",
        "/search?q=Whispers",
        "/search?q=Sakura",
        "/tags/Naruto",
        "/api/works?q=Whispers",
        "/api/works?q=",
        "/opds/recent",
        "/opds/search?q=Whispers",
        "/opds/fandoms/Naruto",
    ):
        response = guest.get(path)
        assert SECRET_TITLE not in response.text, path
    assert guest.get("/api/works?q=Whispers").json()["total"] == 0
    assert guest.get(f"/works/{open_id}").status_code == 200
    assert guest.post(f"/works/{work_id}/kudos").status_code == 404
    assert guest.post(f"/works/{work_id}/comments", {"body": "hi", "name": "g"}).status_code == 404

    reader = Visitor(any_web).register("reader")
    assert reader.get(f"/works/{work_id}").status_code == 200
    assert SECRET_TITLE in reader.get("/search?q=Whispers").text
    assert reader.get("/api/works?q=Whispers").json()["total"] == 1
    assert reader.get(f"/works/{work_id}/download.epub").status_code == 200
