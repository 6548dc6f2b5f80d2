"""Facet counts on every backend: exact up to the sample threshold (phrases included, whose facets tantivy counts
from the hits' ids), the viewer's filters applied, never stale after a write, and a count-only page."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from ficshelf.model import TagKind
from ficshelf.search.ast import TagFilter
from ficshelf.search.backend import FacetCache, SearchBackend, SearchResult
from ficshelf.search.query import parse
from ficshelf.search.tantivy_backend import TantivyBackend
from tests.search.conftest import library

PHRASES = '"the fleet burned" OR "stood in the rain" OR "kept the letters"'  # works 1, 3 and 4 (restricted)


def counts(result: SearchResult, kind: TagKind) -> list[tuple[str, int]]:
    return [(facet.name, facet.count) for facet in result.facets.get(kind, [])]


def test_phrase_facets_are_exact_and_filtered(backend: SearchBackend) -> None:
    guest = backend.search(parse(PHRASES))
    assert sorted(guest.ids) == [1, 3] and guest.total == 2 and guest.facets_exact
    assert counts(guest, TagKind.FANDOM) == [("Avatar: The Last Airbender", 1), ("Naruto", 1)]
    assert counts(guest, TagKind.FREEFORM) == [("Angst", 2), ("Slow Burn", 1)]

    member = backend.search(parse(PHRASES), viewer_can_see_restricted=True)
    assert member.total == 3
    assert ("Harry Potter - J. K. Rowling", 1) in counts(member, TagKind.FANDOM)

    blocked = backend.search(parse(PHRASES), blocklist_tags=[TagFilter(TagKind.FREEFORM, "Slow Burn")])
    assert blocked.ids == [3]
    assert counts(blocked, TagKind.FANDOM) == [("Naruto", 1)]
    assert counts(blocked, TagKind.FREEFORM) == [("Angst", 1)]


@pytest.mark.parametrize("query", ["", "fandom:naruto OR rating:general", PHRASES, '"the"'])
def test_exact_up_to_the_sample_threshold(backend: SearchBackend, monkeypatch: pytest.MonkeyPatch, query: str) -> None:
    every = backend.search(parse(query))
    assert every.total >= 2 and every.facets_exact
    monkeypatch.setattr("ficshelf.search.backend.FACET_SAMPLE", every.total)
    assert backend.search(parse(query), limit=1) == SearchResult(every.ids[:1], every.total, every.facets)
    monkeypatch.setattr("ficshelf.search.backend.FACET_SAMPLE", every.total - 1)
    assert not backend.search(parse(query), limit=1).facets_exact


def test_page_of_nothing_still_counts(backend: SearchBackend) -> None:
    result = backend.search(parse(PHRASES), limit=0)
    assert result.ids == [] and result.total == 2 and result.facets_exact
    assert backend.search(parse(""), offset=2, limit=0).total == 4


def test_facets_follow_every_write(backend: SearchBackend) -> None:
    before = backend.search(parse(PHRASES))
    assert ("Naruto", 1) in counts(before, TagKind.FANDOM)
    moved = next(work for work in library() if work.work_id == 3)
    backend.replace([replace(moved, tags={TagKind.FANDOM: ("Bleach",)})])
    after = backend.search(parse(PHRASES))
    assert counts(after, TagKind.FANDOM) == [("Avatar: The Last Airbender", 1), ("Bleach", 1)]
    backend.delete([1])
    assert counts(backend.search(parse(PHRASES)), TagKind.FANDOM) == [("Bleach", 1)]


def test_a_write_by_another_process_is_seen_at_once(tmp_path: Path) -> None:
    """Two backends on one folder stand for the web server and a ``ficshelf import`` beside it."""
    reader, writer = TantivyBackend(tmp_path / "index"), TantivyBackend(tmp_path / "index")
    writer.add(library())
    assert counts(reader.search(parse(PHRASES)), TagKind.FANDOM) == [("Avatar: The Last Airbender", 1), ("Naruto", 1)]
    writer.delete([3])
    assert counts(reader.search(parse(PHRASES)), TagKind.FANDOM) == [("Avatar: The Last Airbender", 1)]


def test_the_cache_keeps_the_most_recent_entries() -> None:
    cache = FacetCache(2)
    for key in ("a", "b", "a", "c"):  # "a" used again, so "b" is the oldest when "c" arrives
        cache.put(key, {}, True)
    assert cache.get("b") is None and cache.get("a") == ({}, True) and cache.get("c") == ({}, True)
    off = FacetCache(0)
    off.put("a", {}, True)
    assert off.get("a") is None
