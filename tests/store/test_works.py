"""Works: posting, reading, editing, deleting; ownership and restricted works."""

from __future__ import annotations

import pytest

from ficshelf.errors import InvalidValue, NotAllowed, NotFound
from ficshelf.model import Chapter, Tag, TagKind
from ficshelf.store.chapters import add_chapter, delete_chapter, update_chapter
from ficshelf.store.engine import Store
from ficshelf.store.records import SuggestedTag
from ficshelf.store.work_tags import accept_tags, reject_tags, set_work_tags
from ficshelf.store.works import create_work, delete_work, get_work, record_hit, update_work
from tests.store.conftest import account, sample_work


def test_a_posted_work_reads_back(store: Store) -> None:
    owner = account(store, "Ink")
    evidence = [{"start": 4, "end": 8, "text": "rain"}]
    work_id = create_work(
        store,
        owner,
        sample_work(chapters=2),
        suggested_tags=[SuggestedTag(TagKind.FREEFORM, "Angst", 0.7, evidence)],
    )
    page = get_work(store, work_id, viewer=None)
    assert page.summary.title == "Rain on the Training Ground"
    assert page.summary.owner == "Ink" and page.work.authors == ["Ink"]
    assert [c.title for c in page.work.chapters] == ["Part 1", "Part 2"]
    assert "chapter 2" in page.work.chapters[1].text
    assert page.summary.words == 2 * len(page.work.chapters[0].text.split())
    assert page.summary.rating == "General Audiences"
    assert page.work.notes_beginning == ["Written for a prompt."]
    assert [t.name for t in page.work.tags] == ["General Audiences", "Naruto", "Rain"]  # AO3's kind order
    assert [(s.name, s.score, s.evidence) for s in page.suggested] == [("Angst", 0.7, evidence)]
    assert not page.is_owner and get_work(store, work_id, owner).is_owner


def test_one_chapter_loaded_when_asked(store: Store) -> None:
    work_id = create_work(store, account(store, "Ink"), sample_work(chapters=3))
    page = get_work(store, work_id, None, chapter=2)
    assert [bool(c.text) for c in page.work.chapters] == [False, True, False]
    assert len(page.chapter_ids) == 3


def test_nobody_edits_or_deletes_another_accounts_work(store: Store) -> None:
    owner, other = account(store, "Ink"), account(store, "Quill")
    work_id = create_work(store, owner, sample_work())
    with pytest.raises(NotAllowed) as err:
        update_work(store, work_id, other, title="Stolen")
    assert err.value.code == "FS502"
    with pytest.raises(NotAllowed):
        delete_work(store, work_id, other)
    with pytest.raises(NotAllowed):
        add_chapter(store, work_id, other, Chapter(0, text="More."))
    with pytest.raises(NotAllowed):
        set_work_tags(store, work_id, other, [Tag(TagKind.FREEFORM, "Vandalism")])
    assert get_work(store, work_id, None).summary.title == "Rain on the Training Ground"
    update_work(store, work_id, owner, title="Storm", restricted=True)
    assert get_work(store, work_id, owner).summary.title == "Storm"
    delete_work(store, work_id, owner)
    with pytest.raises(NotFound):
        get_work(store, work_id, owner)


def test_restricted_work_is_invisible_to_guests(store: Store) -> None:
    owner, reader = account(store, "Ink"), account(store, "Reader")
    work_id = create_work(store, owner, sample_work(), restricted=True)
    with pytest.raises(NotFound) as err:
        get_work(store, work_id, viewer=None)
    assert err.value.code == "FS501"
    assert get_work(store, work_id, viewer=reader).summary.restricted


def test_chapters_are_added_edited_and_removed(store: Store) -> None:
    owner = account(store, "Ink")
    work_id = create_work(store, owner, sample_work(), chapters_expected=3)
    assert not get_work(store, work_id, owner).summary.complete
    assert add_chapter(store, work_id, owner, Chapter(0, "Two", text="Second chapter words here.")) == 2
    assert add_chapter(store, work_id, owner, Chapter(0, "Three", text="Third.")) == 3
    page = get_work(store, work_id, owner)
    assert page.summary.chapters == 3 and page.summary.complete
    update_chapter(store, work_id, owner, 2, Chapter(2, "Two, revised", text="Short now."))
    delete_chapter(store, work_id, owner, 1)
    page = get_work(store, work_id, owner)
    assert [(c.number, c.title) for c in page.work.chapters] == [(1, "Two, revised"), (2, "Three")]
    assert page.summary.words == 3
    with pytest.raises(InvalidValue):
        delete_chapter(store, work_id, owner, 2) or delete_chapter(store, work_id, owner, 1)


def test_suggestions_are_accepted_or_rejected_by_the_owner(store: Store) -> None:
    owner, other = account(store, "Ink"), account(store, "Quill")
    suggestions = [
        SuggestedTag(TagKind.RATING, "Teen And Up Audiences", 0.8),
        SuggestedTag(TagKind.FREEFORM, "Angst", 0.6),
        SuggestedTag(TagKind.FREEFORM, "Rain", 0.9, ["rain"]),  # the author's tag too: stays the author's
    ]
    work_id = create_work(store, owner, sample_work(tags=[Tag(TagKind.FREEFORM, "Rain")]), suggested_tags=suggestions)
    page = get_work(store, work_id, owner)
    assert [s.name for s in page.suggested] == ["Teen And Up Audiences", "Angst"]
    assert page.summary.rating == "Not Rated"
    with pytest.raises(NotAllowed):
        accept_tags(store, work_id, other, [Tag(TagKind.FREEFORM, "Angst")])
    assert accept_tags(store, work_id, owner, [Tag(TagKind.RATING, "Teen And Up Audiences")]) == 1
    assert reject_tags(store, work_id, owner, [Tag(TagKind.FREEFORM, "Angst")]) == 1
    page = get_work(store, work_id, owner)
    assert page.suggested == []
    assert page.summary.rating == "Teen And Up Audiences"
    assert {t.name for t in page.work.tags} == {"Teen And Up Audiences", "Rain"}


def test_bad_values_are_refused(store: Store) -> None:
    owner = account(store, "Ink")
    with pytest.raises(InvalidValue):
        create_work(store, owner, sample_work(title="   "))
    empty = sample_work()
    empty.chapters = [Chapter(1, text="  ")]
    with pytest.raises(InvalidValue):
        create_work(store, owner, empty)
    with pytest.raises(NotFound):
        create_work(store, 999, sample_work())


def test_hits_count(store: Store) -> None:
    work_id = create_work(store, account(store, "Ink"), sample_work())
    record_hit(store, work_id)
    record_hit(store, work_id)
    assert get_work(store, work_id, None).summary.hits == 2
