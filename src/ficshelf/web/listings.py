"""Search and listings as the web shows them: the query language through the search index, the viewer's
blocklist and "hide works I have read" applied, and blurbs loaded from the store in the index's order."""

from __future__ import annotations

from dataclasses import dataclass, field

from ficshelf.archive import Archive
from ficshelf.model import TagKind
from ficshelf.search import FacetCount, Sort, TagFilter, parse
from ficshelf.store.blurbs import summaries
from ficshelf.store.reading import history, saved_filters
from ficshelf.store.records import FilterMode, WorkSummary
from ficshelf.web.security import Viewer

SORTS = tuple(s.value for s in Sort)
PER_PAGE = 20
#: How many history entries are read to hide read works from search results.
MAX_READ = 5000


@dataclass(slots=True)
class Results:
    works: list[WorkSummary]
    total: int
    page: int
    per_page: int
    facets: dict[TagKind, list[FacetCount]] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def blocklist(archive: Archive, who: Viewer) -> list[TagFilter]:
    if who.id is None:
        return []
    return [TagFilter(f.kind, f.name) for f in saved_filters(archive.store, who.id) if f.mode is FilterMode.BLOCK]


def read_work_ids(archive: Archive, who: Viewer) -> set[int]:
    if who.id is None:
        return set()
    entries = history(archive.store, who.id, page=1, per_page=200).items
    found = {e.work.id for e in entries if e.marked_read}
    page = 2
    while len(entries) == 200 and len(found) < MAX_READ:
        entries = history(archive.store, who.id, page=page, per_page=200).items
        found |= {e.work.id for e in entries if e.marked_read}
        page += 1
    return found


def search_works(
    archive: Archive,
    who: Viewer,
    query: str,
    sort: str = "relevance",
    page: int = 1,
    per_page: int = PER_PAGE,
    hide_read: bool = False,
) -> Results:
    """One page of works matching ``query`` (the query language) that the viewer may see, with facet counts."""
    archive.sync_index()
    order = Sort(sort) if sort in SORTS else Sort.RELEVANCE
    page = max(1, page)
    hidden = read_work_ids(archive, who) if hide_read else set()
    # Hidden (read) works are dropped after the search, so ask for enough ids to fill the page.
    limit = per_page + len(hidden) if hidden else per_page
    result = archive.search.search(
        parse(query),
        viewer_can_see_restricted=who.id is not None,
        blocklist_tags=blocklist(archive, who),
        sort=order,
        offset=(page - 1) * per_page,
        limit=min(limit, 1000),
    )
    ids = [i for i in result.ids if i not in hidden][:per_page]
    with archive.store.read() as session:
        blurbs = {s.id: s for s in summaries(session, ids)}
    works = [blurbs[i] for i in ids if i in blurbs and (who.id is not None or not blurbs[i].restricted)]
    total = max(len(works), result.total - len(hidden & set(result.ids)))
    return Results(works, total, page, per_page, result.facets)
