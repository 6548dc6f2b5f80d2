"""Kudos, comments (threads, held comments, ownership), bookmarks, history."""

from __future__ import annotations

import pytest

from ficshelf.errors import InvalidValue, NotAllowed, NotFound
from ficshelf.store.comments import (
    add_comment,
    delete_comment,
    edit_comment,
    held_comments,
    hold_comment,
    list_comments,
    release_comment,
)
from ficshelf.store.community import add_kudos, bookmark, bookmarks, kudos_givers, remove_bookmark
from ficshelf.store.engine import Store
from ficshelf.store.reading import forget_reading, history, mark_read, record_reading, save_filter, saved_filters
from ficshelf.store.records import CommentStatus, FilterMode
from ficshelf.store.users import set_comment_policy
from ficshelf.store.works import create_work, get_work
from tests.store.conftest import account, sample_work


def test_kudos_once_per_account_and_per_guest(store: Store) -> None:
    owner, reader = account(store, "Ink"), account(store, "Reader")
    work_id = create_work(store, owner, sample_work())
    assert add_kudos(store, work_id, reader)
    assert not add_kudos(store, work_id, reader)
    assert add_kudos(store, work_id, None, guest_key="guest-1")
    assert not add_kudos(store, work_id, None, guest_key="guest-1")
    assert add_kudos(store, work_id, None, guest_key="guest-2")
    with pytest.raises(NotAllowed):
        add_kudos(store, work_id, owner)
    with pytest.raises(InvalidValue):
        add_kudos(store, work_id, None)
    assert get_work(store, work_id, None).summary.kudos == 3
    givers = kudos_givers(store, work_id, None)
    assert givers.accounts == ["Reader"] and givers.guests == 2


def test_guests_cannot_kudos_or_comment_on_restricted_works(store: Store) -> None:
    work_id = create_work(store, account(store, "Ink"), sample_work(), restricted=True)
    with pytest.raises(NotFound):
        add_kudos(store, work_id, None, guest_key="guest-1")
    with pytest.raises(NotFound):
        add_comment(store, work_id, "Hello", viewer=None, guest_name="Anon")
    with pytest.raises(NotFound):
        list_comments(store, work_id, None)


def test_threaded_comments(store: Store) -> None:
    owner, reader = account(store, "Ink"), account(store, "Reader")
    work_id = create_work(store, owner, sample_work(chapters=2))
    first = add_comment(store, work_id, "Loved the rain.", viewer=reader, chapter=2)
    reply = add_comment(store, work_id, "Thank you!", viewer=owner, parent_id=first.id)
    guest = add_comment(store, work_id, "Me too", viewer=None, guest_name="Anon")
    thread = list_comments(store, work_id, None)
    assert [(c.body, c.depth, c.author) for c in thread] == [
        ("Loved the rain.", 0, "Reader"),
        ("Thank you!", 1, "Ink"),
        ("Me too", 0, "Anon"),
    ]
    assert thread[0].chapter_id is not None and reply.parent_id == first.id and guest.user_id is None
    assert get_work(store, work_id, None).summary.comments == 3
    delete_comment(store, first.id, reader)  # a deleted comment keeps its place while it has replies
    thread = list_comments(store, work_id, None)
    assert (thread[0].status, thread[0].body) == (CommentStatus.DELETED, "")
    assert len(thread) == 3
    delete_comment(store, reply.id, owner)
    assert [c.body for c in list_comments(store, work_id, None)] == ["Me too"]
    with pytest.raises(NotFound):
        add_comment(store, work_id, "to nowhere", viewer=reader, parent_id=10_000)


def test_held_comments_are_seen_by_the_author_and_the_writer_only(store: Store) -> None:
    owner, flamer, bystander = account(store, "Ink"), account(store, "Flamer"), account(store, "Bystander")
    set_comment_policy(store, owner, "flames_held")
    work_id = create_work(store, owner, sample_work())
    critique = add_comment(store, work_id, "The pacing drags in the middle.", viewer=bystander)
    flame = add_comment(store, work_id, "I hate this pairing u stoopid", viewer=flamer, flagged="insult")
    assert critique.status is CommentStatus.SHOWN
    assert flame.status is CommentStatus.HELD and flame.held_reason == "insult"
    assert [c.id for c in list_comments(store, work_id, None)] == [critique.id]
    assert [c.id for c in list_comments(store, work_id, bystander)] == [critique.id]
    assert [c.id for c in list_comments(store, work_id, flamer)] == [critique.id, flame.id]
    assert [c.id for c in list_comments(store, work_id, owner)] == [critique.id, flame.id]
    assert [c.id for c in held_comments(store, owner)] == [flame.id]
    assert get_work(store, work_id, None).summary.comments == 1
    with pytest.raises(NotAllowed):
        release_comment(store, flame.id, flamer)
    release_comment(store, flame.id, owner)
    assert len(list_comments(store, work_id, None)) == 2
    hold_comment(store, flame.id, owner)
    assert len(list_comments(store, work_id, None)) == 1
    assert get_work(store, work_id, None).summary.comments == 1


def test_policy_decides_whether_a_flag_holds(store: Store) -> None:
    owner, reader = account(store, "Ink"), account(store, "Reader")
    work_id = create_work(store, owner, sample_work())
    assert add_comment(store, work_id, "u stoopid", viewer=reader, flagged="insult").status is CommentStatus.SHOWN
    set_comment_policy(store, owner, "all_held")
    assert add_comment(store, work_id, "Kind words", viewer=reader).status is CommentStatus.HELD
    assert add_comment(store, work_id, "Author's note", viewer=owner).status is CommentStatus.SHOWN
    with pytest.raises(InvalidValue):
        set_comment_policy(store, owner, "anything goes")


def test_nobody_edits_or_deletes_another_accounts_comment(store: Store) -> None:
    owner, writer, other = account(store, "Ink"), account(store, "Writer"), account(store, "Other")
    work_id = create_work(store, owner, sample_work())
    comment = add_comment(store, work_id, "First!", viewer=writer)
    with pytest.raises(NotAllowed) as err:
        edit_comment(store, comment.id, other, "Defaced")
    assert err.value.code == "FS502"
    with pytest.raises(NotAllowed):
        edit_comment(store, comment.id, owner, "The author cannot put words in a reader's mouth")
    with pytest.raises(NotAllowed):
        delete_comment(store, comment.id, other)
    edit_comment(store, comment.id, writer, "First, and edited")
    shown = list_comments(store, work_id, None)[0]
    assert shown.body == "First, and edited" and shown.edited is not None
    delete_comment(store, comment.id, owner)  # the work's author may delete comments on their work
    assert list_comments(store, work_id, None) == []


def test_bookmarks_with_private_notes(store: Store) -> None:
    owner, reader, other = account(store, "Ink"), account(store, "Reader"), account(store, "Other")
    work_id = create_work(store, owner, sample_work())
    bookmark(store, reader, work_id, "Reread in winter", private=True)
    bookmark(store, other, work_id, "Public rec")
    assert [b.notes for b in bookmarks(store, reader, owner=reader)] == ["Reread in winter"]
    assert bookmarks(store, other, owner=reader) == []
    assert [b.user for b in bookmarks(store, None, work_id=work_id)] == ["Other"]
    assert get_work(store, work_id, None).summary.bookmarks == 2
    bookmark(store, reader, work_id, "Changed my mind", private=False)  # updates, does not duplicate
    assert get_work(store, work_id, None).summary.bookmarks == 2
    remove_bookmark(store, reader, work_id)
    assert [b.user for b in bookmarks(store, None, work_id=work_id)] == ["Other"]
    with pytest.raises(NotFound):
        remove_bookmark(store, reader, work_id)


def test_reading_history_and_saved_filters(store: Store) -> None:
    owner, reader = account(store, "Ink"), account(store, "Reader")
    first = create_work(store, owner, sample_work("First", chapters=2))
    second = create_work(store, owner, sample_work("Second"))
    record_reading(store, reader, first, 1)
    record_reading(store, reader, second)
    record_reading(store, reader, first, 2)
    mark_read(store, reader, second)
    entries = history(store, reader).items
    assert [(e.work.title, e.last_chapter, e.visits, e.marked_read) for e in entries] == [
        ("First", 2, 2, False),
        ("Second", 1, 1, True),
    ]
    forget_reading(store, reader, first)
    assert history(store, reader).total == 1
    save_filter(store, reader, "Angst", "freeform", "block")
    save_filter(store, reader, "Naruto", "fandom", "include")
    save_filter(store, reader, "Angst", "freeform", "exclude")  # one mode per tag: changed
    assert [(f.name, f.mode) for f in saved_filters(store, reader)] == [
        ("Angst", FilterMode.EXCLUDE),
        ("Naruto", FilterMode.INCLUDE),
    ]
    with pytest.raises(InvalidValue):
        save_filter(store, reader, "Angst", "freeform", "maybe")
