"""Kudos, threaded comments with the author's review policy, bookmarks, history, hide-read and the blocklist."""

from __future__ import annotations

import re
from collections.abc import Callable

from tests.web.conftest import STORY, Visitor

FLAME = "I hate this pairing u stoopid"
CRITIQUE = "The middle drags a little; I would cut the second scene, but the ending made me smile."


def test_kudos_count_once_per_account_and_per_guest(any_visitor: Callable[[], Visitor]) -> None:
    author = any_visitor().register("author")
    work_id = author.post_work()
    reader, guest = any_visitor().register("reader"), any_visitor()
    for _ in range(2):
        reader.post(f"/works/{work_id}/kudos")
        guest.post(f"/works/{work_id}/kudos")
    assert author.post(f"/works/{work_id}/kudos").status_code == 403  # not on one's own work
    page = author.get(f"/works/{work_id}").text
    assert "Kudos from reader and 1 guest." in page
    assert author.get(f"/api/works/{work_id}").json()["kudos"] == 2


def test_flames_are_held_for_the_author_and_critique_is_shown(any_visitor: Callable[[], Visitor]) -> None:
    author = any_visitor().register("author")
    author.post("/preferences", {"action": "policy", "policy": "flames_held"})
    work_id = author.post_work()
    reader, other = any_visitor().register("reader"), any_visitor().register("other")
    reader.post(f"/works/{work_id}/comments", {"body": CRITIQUE})
    reader.post(f"/works/{work_id}/comments", {"body": FLAME})
    public = other.get(f"/works/{work_id}").text
    assert "the ending made me smile" in public and "stoopid" not in public
    assert "stoopid" in reader.get(f"/works/{work_id}").text  # its writer still sees it, marked held
    held = author.get("/comments/held").text
    assert "stoopid" in held and "the ending made me smile" not in held
    held_id = re.findall(r'id="comment-(\d+)"', held)[0]
    author.post(f"/comments/{held_id}/release")
    assert "stoopid" in other.get(f"/works/{work_id}").text


def test_comments_thread_under_their_parent(any_visitor: Callable[[], Visitor]) -> None:
    author = any_visitor().register("author")
    work_id = author.post_work()
    reader = any_visitor().register("reader")
    reader.post(f"/works/{work_id}/comments", {"body": "First thoughts on chapter one."})
    first = re.findall(r'id="comment-(\d+)"', reader.get(f"/works/{work_id}").text)[0]
    author.post(f"/works/{work_id}/comments", {"body": "Thank you for reading!", "parent": first})
    any_visitor().post(f"/works/{work_id}/comments", {"body": "A guest agrees.", "name": "Passer-by"})
    html = reader.get(f"/works/{work_id}").text
    assert re.search(r'class="comment depth-1[^"]*".*?Thank you for reading!', html, re.S)
    assert "Passer-by" in html and "A guest agrees." in html


def test_bookmarks_history_mark_as_read_and_hide_read(any_visitor: Callable[[], Visitor]) -> None:
    author = any_visitor().register("author")
    first = author.post_work(title="First Work")
    second = author.post_work(STORY.replace("cherry tree", "willow"), title="Second Work")
    reader = any_visitor().register("reader")
    reader.post(f"/works/{first}/bookmark", {"notes": "Reread in spring", "private": "on"})
    bookmarks = reader.get("/bookmarks").text
    assert "First Work" in bookmarks and "Reread in spring" in bookmarks
    assert "Reread in spring" not in any_visitor().register("someone").get(f"/works/{first}").text
    reader.get(f"/works/{second}")
    reader.post(f"/works/{first}/read", {"read": "1"})
    history = reader.get("/history").text
    assert "First Work" in history and "Second Work" in history and "Mark as unread" in history
    hidden = reader.get("/?hide_read=1").text
    assert "First Work" not in hidden and "Second Work" in hidden
    assert "First Work" not in reader.get("/search?q=Sakura&hide_read=1").text
    assert "First Work" in reader.get("/").text


def test_the_blocklist_applies_to_every_listing_and_search(any_visitor: Callable[[], Visitor]) -> None:
    author = any_visitor().register("author")
    author.post_work(title="Tagged Angst", freeforms="Angst")
    author.post_work(title="Tagged Fluff", freeforms="Fluff")
    reader = any_visitor().register("reader")
    reader.post("/preferences", {"action": "block", "kind": "freeform", "tag": "Angst"})
    assert "Angst" in reader.get("/preferences").text
    for path in ("/", "/search?q=Sakura", "/tags/Naruto", "/api/works?q=Sakura", "/opds/recent"):
        text = reader.get(path).text
        assert "Tagged Angst" not in text and "Tagged Fluff" in text, path
    assert "Tagged Angst" in any_visitor().get("/").text
