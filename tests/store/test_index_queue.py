"""The index queue and what search reads: every change queues the work; claims survive re-queueing."""

from __future__ import annotations

from datetime import timedelta

from ficshelf.model import Chapter, Tag, TagKind
from ficshelf.store.chapters import add_chapter
from ficshelf.store.engine import Store
from ficshelf.store.index_documents import iter_work_ids, works_for_index
from ficshelf.store.index_queue import (
    claim_reindex_batch,
    enqueue_all,
    enqueue_reindex,
    finish_reindex,
    pending_reindex,
)
from ficshelf.store.records import SuggestedTag
from ficshelf.store.tags import make_synonym
from ficshelf.store.works import create_work, delete_work
from tests.store.conftest import account, sample_work


def test_changes_queue_works_and_claims_hand_them_out_once(store: Store) -> None:
    owner = account(store, "Ink")
    first = create_work(store, owner, sample_work("First"))
    second = create_work(store, owner, sample_work("Second"))
    assert pending_reindex(store) == 2
    batch = claim_reindex_batch(store, limit=10)
    assert sorted(batch.ids) == [first, second]
    assert claim_reindex_batch(store).ids == []  # claimed: not handed out twice
    add_chapter(store, first, owner, Chapter(0, text="A new chapter."))  # queued again after the claim
    finish_reindex(store, batch)
    assert claim_reindex_batch(store).ids == [first]


def test_stale_claims_are_handed_out_again(store: Store) -> None:
    work_id = create_work(store, account(store, "Ink"), sample_work())
    claim_reindex_batch(store)
    assert claim_reindex_batch(store, stale_after=timedelta(seconds=-1)).ids == [work_id]


def test_deleted_works_are_queued_and_missing_from_documents(store: Store) -> None:
    owner = account(store, "Ink")
    work_id = create_work(store, owner, sample_work())
    finish_reindex(store, claim_reindex_batch(store))
    delete_work(store, work_id, owner)
    batch = claim_reindex_batch(store)
    assert batch.ids == [work_id]
    assert works_for_index(store, batch.ids) == []  # search removes it


def test_index_documents_carry_text_tags_and_canonical_forms(store: Store) -> None:
    owner = account(store, "Ink")
    tags = [Tag(TagKind.FANDOM, "Naruto"), Tag(TagKind.CHARACTER, "Naruto Uzumaki")]
    suggested = [SuggestedTag(TagKind.FREEFORM, "Angst", 0.5)]
    work_id = create_work(store, owner, sample_work(tags=tags, chapters=2), suggested_tags=suggested, restricted=True)
    make_synonym(store, "Naruto Uzumaki", "Uzumaki Naruto", TagKind.CHARACTER)
    (doc,) = works_for_index(store, [work_id, 999])
    assert doc.restricted and doc.owner == "Ink" and doc.chapter_count == 2
    assert len(doc.chapters) == 2 and "chapter 2" in doc.chapters[1]
    assert Tag(TagKind.CHARACTER, "Uzumaki Naruto") in doc.tags and Tag(TagKind.CHARACTER, "Naruto Uzumaki") in doc.tags
    assert doc.suggested == [Tag(TagKind.FREEFORM, "Angst")]
    assert doc.notes == ["Written for a prompt."]


def test_rebuild_helpers(store: Store) -> None:
    owner = account(store, "Ink")
    ids = [create_work(store, owner, sample_work(f"W{i}")) for i in range(5)]
    finish_reindex(store, claim_reindex_batch(store))
    assert [i for batch in iter_work_ids(store, batch=2) for i in batch] == ids
    assert enqueue_all(store) == 5
    enqueue_reindex(store, [ids[0], ids[0]])
    assert pending_reindex(store) == 5
