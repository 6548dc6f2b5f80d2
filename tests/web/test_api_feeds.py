"""The JSON API and its OpenAPI document, the OPDS catalogue, search facets and sorts, and the downloads."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from lxml import etree
from starlette.applications import Starlette
from starlette.routing import Route

from tests.web.conftest import STORY, Visitor

ATOM = "{http://www.w3.org/2005/Atom}"


def test_api_works_answers_the_query_language(any_visitor: Callable[[], Visitor]) -> None:
    author = any_visitor().register("author")
    author.post_work(title="Cherry Blossoms", freeforms="Fluff")
    author.post_work(STORY.replace("cherry tree", "old oak"), title="The Old Oak", freeforms="Angst")
    guest = any_visitor()
    body = guest.get("/api/works", params={"q": '"old oak"'}).json()
    assert body["total"] == 1 and [w["title"] for w in body["works"]] == ["The Old Oak"]
    assert set(body["works"][0]) >= {"id", "title", "author", "words", "tags", "rating"}
    assert guest.get("/api/works", params={"q": "Sakura -tag:Angst"}).json()["total"] == 1
    assert guest.get("/api/works", params={"q": "fandom:Naruto"}).json()["total"] == 2
    assert guest.get("/api/works", params={"q": "words>100000"}).json()["total"] == 0
    faceted = guest.get("/api/works", params={"q": "Sakura", "facets": "1"}).json()
    assert {"name": "Naruto", "count": 2} in faceted["facets"]["fandom"]
    bad = guest.get("/api/works", params={"q": '"unclosed'})
    assert bad.status_code == 400 and bad.json()["error"]["code"].startswith("FS6")


def test_the_openapi_document_lists_every_api_route(web: Starlette, visitor: Callable[[], Visitor]) -> None:
    document = visitor().get("/api/openapi.json").json()
    assert document["openapi"].startswith("3.")
    api_paths = {r.path.replace(":int", "").replace(":path", "") for r in web.routes if isinstance(r, Route)}
    api_paths = {p for p in api_paths if p.startswith("/api/")}
    assert api_paths == set(document["paths"])


def test_api_work_and_analysis(any_visitor: Callable[[], Visitor]) -> None:
    author = any_visitor().register("author")
    work_id = author.post_work()
    work = any_visitor().get(f"/api/works/{work_id}", params={"text": "1"}).json()
    assert work["title"] == "Under the Cherry Tree" and "Naruto" in work["tags"]["fandom"]
    assert any("Thanks to my beta reader" in n for n in work["notes_beginning"])
    assert "ran across the training field" in work["chapter_text"][0]
    analysis = any_visitor().get(f"/api/works/{work_id}/analysis").json()
    assert analysis["fandoms"][0]["name"] == "Naruto"
    assert any_visitor().get("/api/tags", params={"q": "Naru"}).json()["tags"]


def test_search_page_shows_facets_and_sorts(any_visitor: Callable[[], Visitor]) -> None:
    author = any_visitor().register("author")
    author.post_work(title="Alpha")
    author.post_work(STORY + "\n\nMore words here for a longer work. " * 20, title="Beta")
    html = any_visitor().get("/search", params={"q": "Sakura", "sort": "words"}).text
    assert "2 works found" in html and html.index(">Beta<") < html.index(">Alpha<")
    assert "<h2>Fandoms</h2>" in html and 'Naruto</a> <span class="count">(2)</span>' in html
    error = any_visitor().get("/search", params={"q": "(unclosed"})
    assert error.status_code == 400 and "FS601" in error.text


def test_opds_catalogue_and_downloads(any_visitor: Callable[[], Visitor]) -> None:
    author = any_visitor().register("author")
    work_id = author.post_work()
    guest = any_visitor()
    root = etree.fromstring(guest.get("/opds").content)
    hrefs = [link.get("href") for link in root.iter(f"{ATOM}link")]
    assert "/opds/recent?page=1" in hrefs and "/opds/fandoms" in hrefs
    recent = guest.get("/opds/recent")
    assert recent.headers["content-type"].startswith("application/atom+xml")
    entries = etree.fromstring(recent.content).findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Under the Cherry Tree"]
    acquisition = [link.get("href") for link in entries[0].iter(f"{ATOM}link")]
    assert f"/works/{work_id}/download.epub" in acquisition
    epub = guest.get(f"/works/{work_id}/download.epub")
    assert epub.headers["content-type"] == "application/epub+zip"
    with zipfile.ZipFile(io.BytesIO(epub.content)) as book:
        assert book.read("mimetype") == b"application/epub+zip"
        text = b"".join(book.read(n) for n in book.namelist() if n.endswith(".xhtml"))
    assert b"ran across the training field" in text
    html = guest.get(f"/works/{work_id}/download.html")
    assert "attachment" in html.headers["content-disposition"] and "training field" in html.text
    assert guest.get("/opds/recent?page=9").status_code == 400
