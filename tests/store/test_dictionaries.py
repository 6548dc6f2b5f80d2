"""Personal dictionaries and chapter revisions in the store (on SQLite and on PostgreSQL)."""

from __future__ import annotations

import pytest

from ficshelf.beta import PersonalDictionary
from ficshelf.errors import InvalidValue, NotAllowed, NotFound, StaleHint
from ficshelf.store.chapters import revise_chapter_text
from ficshelf.store.dictionaries import personal_dictionary, save_personal_dictionary
from ficshelf.store.engine import Store
from ficshelf.store.works import create_work, get_work
from tests.store.conftest import account, sample_work


def test_a_personal_dictionary_round_trips_and_is_per_account(store: Store) -> None:
    ino, lee = account(store, "ino"), account(store, "lee")
    assert personal_dictionary(store, ino) == PersonalDictionary()
    save_personal_dictionary(store, ino, PersonalDictionary({"Konoha", "dattebayo"}, {"speech-tag-comma"}))
    assert personal_dictionary(store, ino) == PersonalDictionary({"Konoha", "dattebayo"}, {"speech-tag-comma"})
    assert personal_dictionary(store, lee) == PersonalDictionary()
    later = personal_dictionary(store, ino)
    later.add("youthfulness")
    save_personal_dictionary(store, ino, later)
    assert personal_dictionary(store, ino).words == {"Konoha", "dattebayo", "youthfulness"}
    with pytest.raises(NotFound):
        save_personal_dictionary(store, 9999, later)


def test_only_the_owner_revises_a_chapter_and_a_failed_revision_changes_nothing(store: Store) -> None:
    owner, other = account(store, "owner"), account(store, "other")
    work_id = create_work(store, owner, sample_work(chapters=2))
    before = get_work(store, work_id, owner)
    with pytest.raises(NotAllowed):
        revise_chapter_text(store, work_id, other, 1, str.upper)
    with pytest.raises(NotAllowed):
        revise_chapter_text(store, work_id, None, 1, str.upper)

    def stale(text: str) -> str:
        raise StaleHint("no longer there")

    with pytest.raises(StaleHint):
        revise_chapter_text(store, work_id, owner, 1, stale)
    with pytest.raises(InvalidValue):
        revise_chapter_text(store, work_id, owner, 1, lambda text: "  ")
    with pytest.raises(NotFound):
        revise_chapter_text(store, work_id, owner, 3, str.upper)
    assert get_work(store, work_id, owner).work.chapters == before.work.chapters

    new = revise_chapter_text(store, work_id, owner, 2, lambda text: text + " Gai cheered twice over.")
    after = get_work(store, work_id, owner)
    assert after.work.chapters[1].text == new and new.endswith("cheered twice over.")
    assert after.work.chapters[0].text == before.work.chapters[0].text
    assert after.summary.words == before.summary.words + 4
