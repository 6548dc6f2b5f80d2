"""What the search index holds for one work: ``SearchDocument``, built from a ``ficshelf.model.Work``.

The store (or the importer) builds documents and hands them to a backend; search never reads the store.
Tags arrive already resolved to canonical names (pass ``canonical`` to ``document_from_work`` to resolve
synonyms), so the index and the facets use one name per tag.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from ficshelf.languages import language_code
from ficshelf.model import Tag, TagKind, Work

#: Facet and filter order: AO3's order of tag kinds on a work page.
TAG_KINDS: tuple[TagKind, ...] = tuple(TagKind)


@dataclass(frozen=True, slots=True)
class SearchDocument:
    """One work as indexed. ``chapters`` holds the full text of every chapter; ``tags`` maps a kind to names."""

    work_id: int
    title: str
    summary: str = ""
    authors: tuple[str, ...] = ()
    chapters: tuple[str, ...] = ()
    tags: dict[TagKind, tuple[str, ...]] = field(default_factory=dict)
    language: str = ""
    words: int = 0
    complete: bool = False
    restricted: bool = False
    published: datetime | None = None
    updated: datetime | None = None
    kudos: int = 0
    hits: int = 0
    comments: int = 0

    def tag_names(self, kind: TagKind) -> tuple[str, ...]:
        return self.tags.get(kind, ())

    @property
    def text(self) -> str:
        return "\n\n".join(self.chapters)

    @property
    def rating(self) -> str:
        ratings = self.tag_names(TagKind.RATING)
        return ratings[0] if ratings else "Not Rated"

    def timestamp(self, which: str) -> int:
        """Seconds since the epoch of ``published`` or ``updated`` (``updated`` falls back to ``published``); 0."""
        moment = self.published if which == "published" else (self.updated or self.published)
        return int(moment.timestamp()) if moment else 0


def count_words(text: str) -> int:
    return len(text.split())


def document_from_work(
    work: Work,
    *,
    work_id: int,
    tags: Iterable[Tag] | None = None,
    canonical: Callable[[Tag], str] | None = None,
    restricted: bool = False,
    published: datetime | None = None,
    updated: datetime | None = None,
    kudos: int = 0,
    hits: int = 0,
    comments: int = 0,
) -> SearchDocument:
    """The document of ``work`` stored under ``work_id``.

    ``tags`` defaults to the work's own tags (the store passes the accepted ones); ``canonical(tag)`` returns
    the canonical name of a synonym (default: the name as is). ``words`` is the source's statistic when it
    states one, else counted from the text; ``complete`` is ``False`` when the source does not say.
    """
    by_kind: dict[TagKind, list[str]] = {}
    for tag in work.tags if tags is None else tags:
        name = canonical(tag) if canonical else tag.name
        names = by_kind.setdefault(tag.kind, [])
        if name and name not in names:
            names.append(name)
    chapters = tuple(chapter.text for chapter in work.chapters)
    stated = work.source_stats.get("words", "").replace(",", "").strip()
    words = int(stated) if stated.isdigit() else sum(count_words(text) for text in chapters)
    return SearchDocument(
        work_id=work_id,
        title=work.title,
        summary=work.summary,
        authors=tuple(work.authors),
        chapters=chapters,
        tags={kind: tuple(names) for kind, names in by_kind.items()},
        language=language_code(work.language) if work.language else "",
        words=words,
        complete=bool(work.complete),
        restricted=restricted,
        published=published,
        updated=updated,
        kudos=kudos,
        hits=hits,
        comments=comments,
    )
