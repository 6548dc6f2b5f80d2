"""Nobody edits or deletes another account's work or comment (on SQLite and on PostgreSQL)."""

from __future__ import annotations

from starlette.applications import Starlette

from tests.web.conftest import Visitor


def test_nobody_edits_or_deletes_another_accounts_work(any_web: Starlette) -> None:
    alice, bob = Visitor(any_web).register("alice"), Visitor(any_web).register("bob")
    work_id = alice.post_work()
    attempts = [
        (f"/works/{work_id}/edit", {"title": "Stolen", "summary": "mine now"}),
        (f"/works/{work_id}/delete", {}),
        (f"/works/{work_id}/chapters/new", {"title": "Bob's chapter", "text": "Bob wrote this."}),
        (f"/works/{work_id}/tags", {"tag": "fandom:Naruto", "action": "reject"}),
    ]
    for path, data in attempts:
        assert bob.post(path, data).status_code == 403, path
    assert bob.get(f"/works/{work_id}/edit").status_code == 403
    page = alice.get(f"/works/{work_id}").text
    assert "Under the Cherry Tree" in page and "Stolen" not in page and "Bob wrote this" not in page
    assert alice.post(f"/works/{work_id}/edit", {"title": "Renamed by Alice", "summary": ""}).status_code == 200
    assert "Renamed by Alice" in alice.get(f"/works/{work_id}").text
    assert alice.post(f"/works/{work_id}/delete").status_code == 200
    assert alice.get(f"/works/{work_id}").status_code == 404


def test_nobody_deletes_or_edits_another_accounts_comment(any_web: Starlette) -> None:
    alice, bob, carol = (Visitor(any_web).register(n) for n in ("alice", "bob", "carol"))
    work_id = alice.post_work()
    bob.post(f"/works/{work_id}/comments", {"body": "Bob's careful comment about pacing."})
    comment_id = int(_comment_ids(bob.get(f"/works/{work_id}").text)[0])
    assert carol.post(f"/comments/{comment_id}/delete", {"work": str(work_id)}).status_code == 403
    assert carol.post(f"/comments/{comment_id}/edit", {"body": "vandalised", "work": str(work_id)}).status_code == 403
    assert (
        alice.post(f"/comments/{comment_id}/edit", {"body": "edited by author", "work": str(work_id)}).status_code
        == 403
    )
    page = carol.get(f"/works/{work_id}").text
    assert "careful comment about pacing" in page and "vandalised" not in page
    assert (
        bob.post(
            f"/comments/{comment_id}/edit", {"body": "An edited comment from Bob.", "work": str(work_id)}
        ).status_code
        == 200
    )
    assert "An edited comment from Bob." in carol.get(f"/works/{work_id}").text
    assert (
        alice.post(f"/comments/{comment_id}/delete", {"work": str(work_id)}).status_code == 200
    )  # the work's author may
    assert "An edited comment from Bob." not in carol.get(f"/works/{work_id}").text


def _comment_ids(html: str) -> list[str]:
    import re

    return re.findall(r'id="comment-(\d+)"', html)
