"""The work page's per-version caches (laid-out chapters, rendered chapters, pictures) and the batched hit
counter: an edit shows at once, a restricted work stays hidden from guests whatever is cached, and every view
is counted once the counter flushes (periodically or when the app shuts down)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from starlette.applications import Starlette
from starlette.testclient import TestClient

from ficshelf.archive import open_archive
from ficshelf.settings import Settings
from ficshelf.store.works import get_work
from ficshelf.web import create_app
from tests.web.conftest import Visitor

SECOND_CHAPTER = """Hinata Hyuuga found Naruto Uzumaki at the gate at dawn, holding a lantern that had burned all night.
"You came back," Hinata said quietly. Naruto grinned and promised the lantern would never go out again.
"""


def test_an_edit_changes_the_page_and_both_pictures_at_once(any_web: Starlette) -> None:
    alice, guest = Visitor(any_web).register("alice"), Visitor(any_web)
    work_id = alice.post_work(title="Under the Cherry Tree")
    page = guest.get(f"/works/{work_id}")
    cast, mood = guest.get(f"/works/{work_id}/cast.svg"), guest.get(f"/works/{work_id}/mood.svg")
    assert "Under the Cherry Tree" in page.text and "lantern" not in page.text
    assert "Under the Cherry Tree" in cast.text and "Under the Cherry Tree" in mood.text

    edited = alice.post(f"/works/{work_id}/edit", {"title": "Lanterns at Dawn", "summary": "", "complete": "on"})
    assert edited.status_code == 200
    added = alice.post(f"/works/{work_id}/chapters/new", {"title": "The Gate", "text": SECOND_CHAPTER})
    assert added.status_code == 200

    full = guest.get(f"/works/{work_id}?view=full")
    assert "Lanterns at Dawn" in full.text and "burned all night" in full.text
    assert "Under the Cherry Tree" not in full.text
    assert "burned all night" in guest.get(f"/works/{work_id}/chapters/2").text
    new_cast, new_mood = guest.get(f"/works/{work_id}/cast.svg"), guest.get(f"/works/{work_id}/mood.svg")
    assert "Lanterns at Dawn" in new_cast.text and "Under the Cherry Tree" not in new_cast.text
    assert "Lanterns at Dawn" in new_mood.text and new_mood.text != mood.text


def test_a_work_restricted_after_its_pages_were_cached_is_hidden_from_guests(any_web: Starlette) -> None:
    alice, guest = Visitor(any_web).register("alice"), Visitor(any_web)
    work_id = alice.post_work()
    paths = [f"/works/{work_id}", f"/works/{work_id}/cast.svg", f"/works/{work_id}/mood.svg"]
    assert [guest.get(path).status_code for path in paths] == [200, 200, 200]
    edited = alice.post(f"/works/{work_id}/edit", {"title": "Members Only", "summary": "", "restricted": "on"})
    assert edited.status_code == 200
    assert [guest.get(path).status_code for path in paths] == [404, 404, 404]
    assert "Members Only" not in guest.get(f"/works/{work_id}").text
    assert Visitor(any_web).register("bob").get(f"/works/{work_id}").status_code == 200


def test_views_are_counted_in_memory_and_written_in_one_batch(web: Starlette) -> None:
    archive = web.state.archive
    archive.hits.flush_seconds = 3600.0
    work_id = Visitor(web).register("alice").post_work()  # publishing shows the author the page: a view
    archive.hits.flush(archive.store)
    before = get_work(archive.store, work_id, None).summary.hits
    guest = Visitor(web)
    for _ in range(3):
        assert guest.get(f"/works/{work_id}").status_code == 200
    assert archive.hits.pending == {work_id: 3}
    assert get_work(archive.store, work_id, None).summary.hits == before
    assert archive.hits.flush(archive.store) == 3
    assert archive.hits.pending == {}
    assert get_work(archive.store, work_id, None).summary.hits == before + 3

    archive.hits.flush_seconds = 0.0  # due at every view: written at once
    guest.get(f"/works/{work_id}/chapters/1")
    assert get_work(archive.store, work_id, None).summary.hits == before + 4


def test_views_not_yet_written_are_written_when_the_app_shuts_down(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    archive = open_archive(settings)
    try:
        web = create_app(settings, archive=archive)
        work_id = Visitor(web).register("alice").post_work()
        archive.hits.flush(archive.store)
        archive.hits.flush_seconds = 3600.0
        before = get_work(archive.store, work_id, None).summary.hits
        with TestClient(web) as client:
            for _ in range(2):
                assert client.get(f"/works/{work_id}").status_code == 200
            assert get_work(archive.store, work_id, None).summary.hits == before
        assert get_work(archive.store, work_id, None).summary.hits == before + 2
    finally:
        archive.close()


def test_a_page_view_is_served_while_another_process_holds_the_write_lock(tmp_path: Path) -> None:
    web = create_app(Settings(data_dir=tmp_path / "data", sqlite_busy_timeout_ms=50))
    archive = web.state.archive
    try:
        work_id = Visitor(web).register("alice").post_work()
        archive.hits.flush(archive.store)
        before = get_work(archive.store, work_id, None).summary.hits
        archive.hits.flush_seconds = 0.0
        other = sqlite3.connect(tmp_path / "data" / "ficshelf.db", isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another process writing: the hit flush cannot write now
        try:
            assert Visitor(web).get(f"/works/{work_id}").status_code == 200
            assert archive.hits.pending == {work_id: 1}
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert archive.hits.flush(archive.store) == 1
        assert get_work(archive.store, work_id, None).summary.hits == before + 1
    finally:
        archive.close()
