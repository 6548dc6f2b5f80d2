"""Listings: tag include/exclude with synonyms, the blocklist, restricted works, filters, sorts, pages."""

from __future__ import annotations

import pytest

from ficshelf.errors import InvalidValue, NotFound
from ficshelf.model import Tag, TagKind
from ficshelf.store.community import add_kudos
from ficshelf.store.engine import Store
from ficshelf.store.listing import list_works
from ficshelf.store.reading import mark_read, save_filter
from ficshelf.store.records import SuggestedTag, WorkFilter
from ficshelf.store.tags import fandom_index, find_tags, make_synonym, tag_with_synonyms
from ficshelf.store.works import create_work
from tests.store.conftest import account, sample_work

NARUTO = Tag(TagKind.FANDOM, "Naruto")
HP = Tag(TagKind.FANDOM, "Harry Potter - J. K. Rowling")


def titles(
    store: Store, work_filter: WorkFilter | None = None, viewer: int | None = None, sort: str = "title"
) -> list[str]:
    return [w.title for w in list_works(store, work_filter, sort=sort, viewer=viewer).items]


@pytest.fixture
def shelf(store: Store) -> dict[str, int]:
    owner = account(store, "Ink")
    works = {
        "Alpha": [NARUTO, Tag(TagKind.CHARACTER, "Uzumaki Naruto"), Tag(TagKind.FREEFORM, "Angst")],
        "Beta": [NARUTO, Tag(TagKind.CHARACTER, "Naruto Uzumaki"), Tag(TagKind.FREEFORM, "Fluff")],
        "Gamma": [HP, Tag(TagKind.FREEFORM, "Angst")],
    }
    ids = {title: create_work(store, owner, sample_work(title, tags)) for title, tags in works.items()}
    ids["Hidden"] = create_work(store, owner, sample_work("Hidden", [NARUTO]), restricted=True)
    return ids


def test_tag_synonyms_resolve(store: Store, shelf: dict[str, int]) -> None:
    assert titles(store, WorkFilter(tags=["Uzumaki Naruto"])) == ["Alpha"]
    make_synonym(store, "Naruto Uzumaki", "Uzumaki Naruto", TagKind.CHARACTER)
    info = tag_with_synonyms(store, "Naruto Uzumaki")
    assert info.canonical_name == "Uzumaki Naruto" and info.synonyms == ["Naruto Uzumaki"]
    assert info.names == ["Uzumaki Naruto", "Naruto Uzumaki"]
    assert titles(store, WorkFilter(tags=["Uzumaki Naruto"])) == ["Alpha", "Beta"]
    assert titles(store, WorkFilter(tags=["Naruto Uzumaki"])) == ["Alpha", "Beta"]
    assert titles(store, WorkFilter(exclude_tags=["Naruto Uzumaki"])) == ["Gamma"]
    with pytest.raises(NotFound):
        tag_with_synonyms(store, "No Such Tag")


def test_include_and_exclude(store: Store, shelf: dict[str, int]) -> None:
    assert titles(store, WorkFilter(tags=["Angst"])) == ["Alpha", "Gamma"]
    assert titles(store, WorkFilter(tags=["Angst", "Naruto"])) == ["Alpha"]
    assert titles(store, WorkFilter(tags=["Naruto"], exclude_tags=["Angst"])) == ["Beta"]
    assert titles(store, WorkFilter(tags=["Unknown"])) == []


def test_restricted_works_are_listed_for_accounts_only(store: Store, shelf: dict[str, int]) -> None:
    reader = account(store, "Reader")
    assert "Hidden" not in titles(store)
    assert "Hidden" in titles(store, viewer=reader)
    assert list_works(store, viewer=None).total == 3
    assert [(f.name, f.works) for f in fandom_index(store)] == [("Harry Potter - J. K. Rowling", 1), ("Naruto", 2)]
    assert ("Naruto", 3) in [(f.name, f.works) for f in fandom_index(store, reader)]


def test_blocklist_excludes_from_every_listing(store: Store, shelf: dict[str, int]) -> None:
    reader = account(store, "Reader")
    save_filter(store, reader, "Angst", TagKind.FREEFORM, "block")
    assert titles(store, viewer=reader) == ["Beta", "Hidden"]
    assert titles(store, WorkFilter(tags=["Naruto"]), viewer=reader) == ["Beta", "Hidden"]
    assert "Alpha" in titles(store)  # other viewers are not affected
    make_synonym(store, "Naruto Uzumaki", "Uzumaki Naruto", TagKind.CHARACTER)
    save_filter(store, reader, "Uzumaki Naruto", TagKind.CHARACTER, "block")
    assert titles(store, viewer=reader) == ["Hidden"]  # the block covers the synonym "Naruto Uzumaki" on Beta


def test_hide_read_and_other_filters(store: Store, shelf: dict[str, int]) -> None:
    reader = account(store, "Reader")
    mark_read(store, reader, shelf["Alpha"])
    assert "Alpha" not in titles(store, WorkFilter(hide_read=True), viewer=reader)
    assert "Alpha" in titles(store, WorkFilter(hide_read=False), viewer=reader)
    assert titles(store, WorkFilter(owner="ink")) == ["Alpha", "Beta", "Gamma"]
    assert titles(store, WorkFilter(owner="nobody")) == []
    assert titles(store, WorkFilter(rating="General Audiences")) == []  # no rating tags here
    assert titles(store, WorkFilter(words_min=1, words_max=5)) == []
    assert len(titles(store, WorkFilter(words_min=1, complete=True))) == 3


def test_suggested_tags_match_only_when_asked(store: Store) -> None:
    owner = account(store, "Ink")
    create_work(store, owner, sample_work("Raw", []), suggested_tags=[SuggestedTag(TagKind.FANDOM, "Naruto", 0.9)])
    assert titles(store, WorkFilter(tags=["Naruto"])) == []
    assert titles(store, WorkFilter(tags=["Naruto"], include_suggested=True)) == ["Raw"]
    assert fandom_index(store) == []


def test_sorts_and_pages(store: Store, shelf: dict[str, int]) -> None:
    reader = account(store, "Reader")
    add_kudos(store, shelf["Gamma"], reader)
    assert titles(store, sort="kudos")[0] == "Gamma"
    assert titles(store, sort="updated")[0] == "Gamma"  # created last among the visible works
    first = list_works(store, sort="title", page=1, per_page=2)
    second = list_works(store, sort="title", page=2, per_page=2)
    assert [w.title for w in first.items + second.items] == ["Alpha", "Beta", "Gamma"]
    assert first.total == 3 and first.pages == 2
    with pytest.raises(InvalidValue):
        list_works(store, sort="nonsense")
    with pytest.raises(InvalidValue):
        list_works(store, page=0)


def test_find_tags_for_autocomplete(store: Store, shelf: dict[str, int]) -> None:
    assert [t.name for t in find_tags(store, "naru")] == ["Naruto", "Naruto Uzumaki"]
    assert [t.name for t in find_tags(store, "naru", TagKind.CHARACTER)] == ["Naruto Uzumaki"]
