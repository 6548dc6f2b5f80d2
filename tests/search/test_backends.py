"""The same behaviour on every backend (tantivy, SQLite FTS5, PostgreSQL), on the works of ``library()``."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from ficshelf.model import TagKind
from ficshelf.search.ast import Sort, TagFilter
from ficshelf.search.backend import FacetCount, SearchBackend, SearchResult
from ficshelf.search.document import SearchDocument
from ficshelf.search.query import parse
from tests.search.conftest import library


def find(
    backend: SearchBackend,
    query: str,
    *,
    member: bool = False,
    blocklist: Sequence[TagFilter] = (),
    sort: Sort = Sort.RELEVANCE,
    offset: int = 0,
    limit: int = 20,
) -> SearchResult:
    return backend.search(
        parse(query),
        viewer_can_see_restricted=member,
        blocklist_tags=blocklist,
        sort=sort,
        offset=offset,
        limit=limit,
    )


def ids(backend: SearchBackend, query: str, **options: object) -> set[int]:
    result = find(backend, query, **options)  # type: ignore[arg-type]
    assert result.total == len(result.ids)
    return set(result.ids)


def test_a_phrase_from_any_chapter_finds_the_work(backend: SearchBackend) -> None:
    assert ids(backend, '"the fleet burned in silence"') == {1}
    assert ids(backend, '"sealed with green wax"', member=True) == {4}


def test_a_phrase_must_keep_its_order(backend: SearchBackend) -> None:
    assert ids(backend, '"silence in burned fleet"') == set()
    assert ids(backend, "silence burned fleet") == {1}


def test_words_match_their_stems_in_text_title_summary_and_tags(backend: SearchBackend) -> None:
    assert ids(backend, "lantern flickering") == {1}
    assert ids(backend, "run lap") == {2}
    assert ids(backend, "maps") == {1}  # the summary, and "map" in the text
    assert ids(backend, "comfort") == {2}  # the freeform "Hurt/Comfort"


def test_excluding_words_and_tags(backend: SearchBackend) -> None:
    assert ids(backend, "fandom:naruto -angst") == {2}
    assert ids(backend, "fandom:naruto -tag:Angst") == {2}
    assert ids(backend, '-fandom:"naruto"') == {1, 5}
    assert ids(backend, "-naruto -avatar") == {5}


def test_tags_match_by_kind_ignoring_case(backend: SearchBackend) -> None:
    assert ids(backend, "fandom:NARUTO") == {2, 3}
    assert ids(backend, 'relationship:"katara/zuko"') == {1}
    assert ids(backend, 'character:"Rock Lee"') == {2}
    assert ids(backend, 'tag:"Major Character Death"') == {3}
    assert ids(backend, 'fandom:"Major Character Death"') == set()
    assert ids(backend, "rating:teen") == {1}
    assert ids(backend, "rating:g") == {2, 5}
    assert ids(backend, "warning:mcd") == {3}
    assert ids(backend, "category:mm", member=True) == {2, 4}


def test_or_and_grouping(backend: SearchBackend) -> None:
    assert ids(backend, "funeral OR laps") == {2, 3}
    assert ids(backend, "(funeral OR laps) rating:mature") == {3}
    assert ids(backend, 'funeral OR fandom:"Avatar: The Last Airbender"') == {1, 3}
    assert ids(backend, "funeral OR fandom:avatar") == {3}  # tags match whole names only


def test_number_ranges(backend: SearchBackend) -> None:
    assert ids(backend, "words>5000") == {1, 3}
    assert ids(backend, "words:1000-5000") == {2, 5}
    assert ids(backend, "words<1000", member=True) == {4}
    assert ids(backend, "kudos>100") == {1, 3}
    assert ids(backend, "hits:1000-10k comments>=5") == {1, 2}


def test_completion_and_language(backend: SearchBackend) -> None:
    assert ids(backend, "complete:no") == {3}
    assert ids(backend, "complete:yes") == {1, 2, 5}
    assert ids(backend, "lang:fr") == {5}
    assert ids(backend, "lang:French") == {5}
    assert ids(backend, "lang:en words<5000") == {2}


def test_a_language_finds_its_regional_variants(backend: SearchBackend) -> None:
    """Importers store AO3's "Português brasileiro" as pt-BR (``ficshelf.languages``); search spells it alike."""
    backend.add(
        [
            SearchDocument(work_id=10, title="Saudade", chapters=("Um dia de chuva.",), language="pt-BR"),
            SearchDocument(work_id=11, title="Maré", chapters=("O mar estava calmo.",), language="pt-PT"),
            SearchDocument(work_id=12, title="Aldeia", chapters=("A aldeia dormia.",), language="pt"),
        ]
    )
    assert ids(backend, "lang:Portuguese") == {10, 11, 12}
    assert ids(backend, "lang:pt") == {10, 11, 12}
    assert ids(backend, 'lang:"Português brasileiro"') == {10}
    assert ids(backend, "lang:pt_br") == {10}
    assert ids(backend, "lang:en -lang:en") == set()
    assert ids(backend, "-lang:pt") == {1, 2, 3, 5}


def test_field_limited_words(backend: SearchBackend) -> None:
    assert ids(backend, "title:quiet") == {2}
    assert ids(backend, 'title:"ashes remember"') == {3}
    assert ids(backend, "author:crow") == {3}
    assert ids(backend, "text:quiet") == {1}
    assert ids(backend, "summary:training") == {2}


def test_restricted_works_never_reach_guests(backend: SearchBackend) -> None:
    guest = find(backend, "")
    assert 4 not in guest.ids and guest.total == 4
    assert "Harry Potter - J. K. Rowling" not in [f.name for f in guest.facets[TagKind.FANDOM]]
    assert ids(backend, "shoebox") == set()
    assert ids(backend, "shoebox", member=True) == {4}
    assert find(backend, "", member=True).total == 5


def test_a_blocklist_hides_works_everywhere(backend: SearchBackend) -> None:
    angst = [TagFilter(None, "angst")]
    assert ids(backend, "", blocklist=angst) == {2, 5}
    assert ids(backend, "fandom:naruto", blocklist=angst) == {2}
    assert ids(backend, "", blocklist=[TagFilter(TagKind.FANDOM, "Naruto")]) == {1, 5}
    assert ids(backend, "", blocklist=[TagFilter(TagKind.FREEFORM, "Naruto")]) == {1, 2, 3, 5}
    blocked = find(backend, "", blocklist=angst)
    assert [(f.name, f.count) for f in blocked.facets[TagKind.FANDOM]] == [
        ("Les Misérables - Victor Hugo", 1),
        ("Naruto", 1),
    ]


def test_facets_count_every_hit(backend: SearchBackend) -> None:
    result = find(backend, "")
    assert [(f.name, f.count) for f in result.facets[TagKind.FANDOM]] == [
        ("Naruto", 2),
        ("Avatar: The Last Airbender", 1),
        ("Les Misérables - Victor Hugo", 1),
    ]
    assert [(f.name, f.count) for f in result.facets[TagKind.RATING]] == [
        ("General Audiences", 2),
        ("Mature", 1),
        ("Teen And Up Audiences", 1),
    ]
    assert result.facets[TagKind.FREEFORM][0] == FacetCount("Angst", 2)
    naruto = find(backend, "fandom:naruto")
    assert {f.name for f in naruto.facets[TagKind.CHARACTER]} == {
        "Hyuuga Neji",
        "Rock Lee",
        "Uchiha Itachi",
        "Uchiha Sasuke",
    }
    assert [(f.name, f.count) for f in naruto.facets[TagKind.WARNING]] == [
        ("Major Character Death", 1),
        ("No Archive Warnings Apply", 1),
    ]
    assert find(backend, "xylophone") == SearchResult([], 0, {})


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        (Sort.KUDOS, [3, 1, 2, 5]),
        (Sort.HITS, [3, 5, 1, 2]),
        (Sort.WORDS, [3, 1, 5, 2]),
        (Sort.DATE, [2, 3, 1, 5]),
        (Sort.PUBLISHED, [3, 5, 1, 2]),
        (Sort.RELEVANCE, [2, 3, 1, 5]),  # no words to rank: by date
    ],
)
def test_sorting(backend: SearchBackend, sort: Sort, expected: list[int]) -> None:
    assert find(backend, "", sort=sort).ids == expected


def test_relevance_puts_a_title_match_first(backend: SearchBackend) -> None:
    assert find(backend, "quiet").ids == [2, 1]


def test_pages(backend: SearchBackend) -> None:
    page = find(backend, "", sort=Sort.KUDOS, offset=1, limit=2)
    assert page.ids == [1, 2] and page.total == 4
    assert find(backend, "", sort=Sort.KUDOS, offset=10).ids == []


def test_replace_delete_count_and_rebuild(backend: SearchBackend) -> None:
    assert backend.count() == 5
    changed = SearchDocument(work_id=2, title="Quiet Hours", chapters=("Neji meditated beside the waterfall.",))
    backend.replace([changed])
    assert backend.count() == 5
    assert ids(backend, "waterfall") == {2}
    assert ids(backend, "laps") == set()
    backend.delete([2, 99])
    assert backend.count() == 4
    assert ids(backend, "waterfall") == set()
    assert backend.rebuild(library()[:2]) == 2
    assert backend.count() == 2
    backend.clear()
    assert backend.count() == 0


def test_facets_of_many_hits_come_from_a_scaled_sample(backend: SearchBackend, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ficshelf.search.backend.FACET_SAMPLE", 2)  # 4 hits: a sample of about half, counted twice
    result = find(backend, "")
    assert result.total == 4 and not result.facets_exact
    counts = [f.count for facet in result.facets.values() for f in facet]
    assert counts and all(count % 2 == 0 for count in counts)
    assert find(backend, "fandom:naruto").facets_exact


ODD_QUERIES = ("ⅷ", "² ³", "don't", '"x" NOT "y"', "NEAR", "a* b", "^x {x}", "'s", "über-cool", "中文", "w" * 90)


def test_odd_words_never_reach_an_engine_as_syntax(backend: SearchBackend) -> None:
    for query in ODD_QUERIES:
        assert find(backend, query, member=True).total == (1 if query == "'s" else 0), query
