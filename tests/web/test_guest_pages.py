"""Work pages cached for guests (``web.guest_pages``): every guest gets only its own CSRF token, kudos and
comments show at once, and neither restricted works nor an account's own page ever reach a guest."""

from __future__ import annotations

import re

from starlette.applications import Starlette

from ficshelf.web.guest_pages import SLOT, GuestPages
from tests.web.conftest import CSRF, Visitor


def _tokens(html: str) -> set[str]:
    return set(CSRF.findall(html))


def _guest_pages(app: Starlette) -> GuestPages:
    pages: GuestPages = app.state.guest_pages
    return pages


def test_each_guest_gets_the_cached_page_with_its_own_token(any_web: Starlette) -> None:
    work_id = Visitor(any_web).register("alice").post_work(title="Under the Cherry Tree")
    first, second = Visitor(any_web), Visitor(any_web)
    page_one, page_two = first.get(f"/works/{work_id}").text, second.get(f"/works/{work_id}").text
    one, two = _tokens(page_one), _tokens(page_two)
    assert len(one) == 1 and len(two) == 1 and one != two
    assert one == {first.client.cookies["fs_guest"]} and two == {second.client.cookies["fs_guest"]}
    assert page_one.replace(one.pop(), "T") == page_two.replace(two.pop(), "T")  # the same page otherwise
    assert len(_guest_pages(any_web)) == 1
    assert SLOT not in page_one
    # the token from the cached page is the one the guest's forms need
    assert first.client.post(f"/works/{work_id}/kudos", data={"csrf_token": _tokens(page_one).pop()}).status_code == 200


def test_a_guest_cookie_that_is_no_key_of_ours_is_replaced(any_web: Starlette) -> None:
    work_id = Visitor(any_web).register("alice").post_work()
    guest = Visitor(any_web)
    guest.client.cookies.set("fs_guest", "a&b'c" + "y" * 20)  # & and ' are allowed in a cookie value
    response = guest.get(f"/works/{work_id}")
    (token,) = _tokens(response.text)
    assert response.headers["set-cookie"].startswith(f"fs_guest={token};") and "a&" not in response.text


def test_the_slot_takes_a_token_escaped_as_the_template_escapes_it() -> None:
    pages = GuestPages()
    render = lambda who: f'<input value="{who.csrf_token}">'  # noqa: E731
    assert pages.page("k", 1, render, "a&b'c") == b'<input value="a&amp;b&#39;c">'
    assert pages.page("k", 1, render, "second") == b'<input value="second">'


def test_kudos_and_comments_show_to_guests_at_once(any_web: Starlette) -> None:
    alice, bob, guest = Visitor(any_web).register("alice"), Visitor(any_web).register("bob"), Visitor(any_web)
    alice.post("/preferences", {"action": "policy", "policy": "all_held"})
    work_id = alice.post_work()
    assert "Kudos from" not in guest.get(f"/works/{work_id}").text

    Visitor(any_web).post(f"/works/{work_id}/kudos")
    assert "Kudos from 1 guest." in guest.get(f"/works/{work_id}").text
    bob.post(f"/works/{work_id}/kudos")
    assert "Kudos from bob and 1 guest." in guest.get(f"/works/{work_id}").text

    bob.post(f"/works/{work_id}/comments", {"body": "The lantern scene stayed with me."})
    assert "The lantern scene" not in guest.get(f"/works/{work_id}").text  # held for the author
    comment_id = re.findall(r'id="comment-(\d+)"', bob.get(f"/works/{work_id}").text)[0]
    alice.post(f"/comments/{comment_id}/release", {"work": str(work_id)})
    assert "The lantern scene stayed with me." in guest.get(f"/works/{work_id}").text
    bob.post(f"/comments/{comment_id}/edit", {"work": str(work_id), "body": "The lantern scene, twice over."})
    assert "The lantern scene, twice over." in guest.get(f"/works/{work_id}").text
    bob.post(f"/comments/{comment_id}/delete", {"work": str(work_id)})
    assert "The lantern scene" not in guest.get(f"/works/{work_id}").text


def test_an_accounts_page_never_reaches_a_guest(any_web: Starlette) -> None:
    alice = Visitor(any_web).register("alice")
    work_id = alice.post_work()
    alice_page = alice.get(f"/works/{work_id}").text
    (alice_token,) = _tokens(alice_page)
    assert "Log out" in alice_page and "Edit" in alice_page
    guest_page = Visitor(any_web).get(f"/works/{work_id}").text
    assert alice_token not in guest_page and "Log out" not in guest_page and f"/works/{work_id}/edit" not in guest_page


def test_a_restricted_work_is_never_served_to_guests_from_the_cache(any_web: Starlette) -> None:
    alice, bob, guest = Visitor(any_web).register("alice"), Visitor(any_web).register("bob"), Visitor(any_web)
    hidden = alice.post_work(title="Members Only Story", restricted="on")
    assert "Members Only Story" in bob.get(f"/works/{hidden}").text  # an account's view is not cached for guests
    assert guest.get(f"/works/{hidden}").status_code == 404
    assert guest.get(f"/works/{hidden}?view=full").status_code == 404

    shown = alice.post_work(title="Open For a While")
    assert guest.get(f"/works/{shown}").status_code == 200  # now cached for guests
    alice.post(f"/works/{shown}/edit", {"title": "Open For a While", "summary": "", "restricted": "on"})
    response = guest.get(f"/works/{shown}")
    assert response.status_code == 404 and "Open For a While" not in response.text


def test_the_cache_keeps_one_version_per_page_within_its_bounds() -> None:
    pages = GuestPages(maxsize=3, max_bytes=25)
    render = lambda text: lambda who: f"{text}:{who.csrf_token}"  # noqa: E731
    pages.page("a", 1, render("aaaa"), "t")
    pages.page("a", 2, render("AAAA"), "t")  # a new version replaces the old one
    assert len(pages) == 1 and pages.size == len("AAAA:")
    assert pages.page("a", 2, render("never rendered"), "u") == b"AAAA:u"
    for key in "bcd":
        pages.page(key, 1, render(key * 4), "t")
    assert len(pages) == 3  # "a", the least recently used, went first
    pages.page("e", 1, render("e" * 30), "t")  # over max_bytes: only the newest page stays
    assert len(pages) == 1 and pages.page("e", 1, render("x"), "v") == b"e" * 30 + b":v"
