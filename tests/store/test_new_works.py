"""Posting many works per transaction (``WorkWriter``, what ``ficshelf import`` uses): the works read back as
``create_work`` stores them, and a bad work — refused by the checks or by the database — fails alone."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text

from ficshelf.errors import InvalidValue, WorkNotStored
from ficshelf.model import Chapter, Tag, TagKind, Work
from ficshelf.store.engine import Store
from ficshelf.store.index_queue import pending_reindex
from ficshelf.store.new_works import NewWork, WorkWriter, create_work
from ficshelf.store.records import SuggestedTag, TagSource, WorkPage
from ficshelf.store.works import get_work
from tests.store.conftest import account, sample_work

EVIDENCE = [{"start": 4, "end": 8, "text": "rain"}]


def _new(title: str) -> NewWork:
    """A work with author tags, a suggestion matching one of them, an accepted rating and pending suggestions."""
    suggested = [
        SuggestedTag(TagKind.FANDOM, "Naruto", 0.9, EVIDENCE),  # the author's tag already
        SuggestedTag(TagKind.RATING, "Teen And Up Audiences", 0.8, EVIDENCE, TagSource.ACCEPTED),
        SuggestedTag(TagKind.CHARACTER, "Rock Lee", 0.6, EVIDENCE),
        SuggestedTag(TagKind.FREEFORM, "Angst", 0.4, ["sad ending"]),
    ]
    tags = [Tag(TagKind.FANDOM, "Naruto"), Tag(TagKind.FREEFORM, "Rain")]
    return NewWork(sample_work(title, tags=tags, chapters=2), suggested=suggested, restricted=title.endswith("!"))


def _id(result: object) -> int:
    assert isinstance(result, int), result
    return result


def _stored(page: WorkPage) -> tuple[object, ...]:
    """Everything a reader or the author sees of a work, without its id and times."""
    s = page.summary
    return (
        (s.title, s.summary, s.owner, s.language, s.rating, s.words, s.chapters, s.complete, s.restricted),
        [(c.number, c.title, c.text, c.notes_beginning, c.notes_end) for c in page.work.chapters],
        page.work.notes_beginning,
        page.work.tags,
        [(t.kind, t.name, t.score, t.evidence) for t in page.suggested],
    )


def test_a_batch_stores_what_create_work_stores(store: Store) -> None:
    owner = account(store, "Ink")
    new = _new("Rain on the Training Ground")
    one = create_work(store, owner, new.work, new.author_tags, new.suggested, restricted=new.restricted)
    writer = WorkWriter(store, owner)
    ids = writer.create([new, _new("Second Storm!"), _new("Third Storm")])
    ids += writer.create([_new("Fourth Storm")])  # tag ids now come from the writer's cache
    assert all(isinstance(i, int) for i in ids) and len(set(ids)) == 4
    expected = _stored(get_work(store, one, owner))
    assert expected[0][4] == "Teen And Up Audiences"  # the accepted rating suggestion
    first = get_work(store, _id(ids[0]), owner)
    assert _stored(first) == expected
    assert [t.name for t in first.work.tags] == ["Teen And Up Audiences", "Naruto", "Rain"]
    assert [t.name for t in first.suggested] == ["Rock Lee", "Angst"]
    assert get_work(store, _id(ids[1]), owner).summary.restricted
    assert get_work(store, _id(ids[3]), owner).summary.title == "Fourth Storm"
    assert pending_reindex(store) == 5


def test_a_work_failing_the_checks_costs_only_itself(store: Store) -> None:
    owner = account(store, "Ink")
    empty = NewWork(Work(id="e", source="test", title="Empty", chapters=[Chapter(1, text="   ")]))
    long_tag = _new("Long Tag")
    long_tag.suggested = [SuggestedTag(TagKind.FREEFORM, "x" * 400, 0.5)]
    results = WorkWriter(store, owner).create([_new("Before"), empty, long_tag, _new("After")])
    assert isinstance(results[1], InvalidValue) and isinstance(results[2], InvalidValue)
    assert [get_work(store, _id(results[i]), owner).summary.title for i in (0, 3)] == ["Before", "After"]
    assert pending_reindex(store) == 2


@contextmanager
def _refusing(store: Store, title: str) -> Iterator[None]:
    """A database trigger that refuses to insert a work with this title (a stand-in for any database error)."""
    if store.dialect == "sqlite":
        create = [
            f"CREATE TRIGGER refuse_title BEFORE INSERT ON works WHEN NEW.title = '{title}' "
            "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
        ]
        drop = ["DROP TRIGGER refuse_title"]
    else:
        create = [
            "CREATE FUNCTION refuse_title() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF NEW.title = '{title}' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$",
            "CREATE TRIGGER refuse_title BEFORE INSERT ON works FOR EACH ROW EXECUTE FUNCTION refuse_title()",
        ]
        drop = ["DROP TRIGGER refuse_title ON works", "DROP FUNCTION refuse_title()"]
    with store.write() as session:
        for statement in create:
            session.execute(text(statement))
    try:
        yield
    finally:
        with store.write() as session:
            for statement in drop:
                session.execute(text(statement))


def test_a_work_the_database_refuses_does_not_roll_back_the_others(store: Store) -> None:
    owner = account(store, "Ink")
    with _refusing(store, "Poison"):
        results = WorkWriter(store, owner).create([_new("Before"), _new("Poison"), _new("After")])
    assert isinstance(results[1], WorkNotStored) and results[1].code == "FS508"
    assert "refused by the test" in str(results[1])
    titles = [get_work(store, _id(results[i]), owner).summary.title for i in (0, 2)]
    assert titles == ["Before", "After"]
    before, after = (_stored(get_work(store, _id(results[i]), owner)) for i in (0, 2))
    assert before[1:] == after[1:]
    assert pending_reindex(store) == 2
