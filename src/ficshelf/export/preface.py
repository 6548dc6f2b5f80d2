"""What an export shows before the story: title, author, tags grouped as AO3 does, summary, series, stats, link.

Tags are the work's own (the author's, or the ones the author accepted). When the work has no tag of a kind
and an analysis ``Doc`` is given, that kind shows the analysis's suggestions instead, marked as suggested.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from ficshelf.analysis.analysers.basic import count_words
from ficshelf.analysis.analysers.structure import recover_structure
from ficshelf.analysis.doc import Doc
from ficshelf.export.layout import BlockKind, Layout, lay_out
from ficshelf.ingest.titles import fallback_title
from ficshelf.model import TAG_LABELS, Chapter, TagKind, Work

#: Namespace of the stable EPUB/OPDS identifiers derived from a work's id.
ID_NAMESPACE = uuid.UUID("6f1c3a52-7d1e-4b8e-9a51-3f0d2c9e8b47")


@dataclass(frozen=True, slots=True)
class TagGroup:
    kind: TagKind
    label: str
    names: tuple[str, ...]
    suggested: bool = False  # True: the analysis suggested these; the author has not chosen any of this kind


@dataclass(slots=True)
class Preface:
    title: str
    authors: list[str]
    summary: str  # as the author wrote it (text or HTML); renderers pass it through html_safety.user_html
    language: str
    identifier: str  # urn:uuid:…, stable for a work id
    tags: list[TagGroup] = field(default_factory=list)
    series: list[str] = field(default_factory=list)  # "Part 2 of Name"
    words: int = 0
    chapters: str = ""  # "3/3", "2/?"
    published: str = ""
    updated: str = ""
    link: str = ""


@dataclass(slots=True)
class Document:
    """Everything an export renders."""

    preface: Preface
    layout: Layout


def build_document(work: Work, doc: Doc | None = None, link: str = "") -> Document:
    """The preface and reading layout of ``work``; ``doc`` is its analysis (optional) and ``link`` its page URL."""
    layout = lay_out(work, doc.structure if doc is not None else None)
    found = preface(work, doc, link, len(layout.chapters))
    if not work.title.strip() and work.needs_structure:
        found.title = _raw_title(work, doc, layout)
    return Document(found, layout)


def _raw_title(work: Work, doc: Doc | None, layout: Layout) -> str:
    """A raw text's title from its recovered structure: its only chapter heading's title, else (after its file
    name) the first words of its story, not of its notes (``ingest.titles.fallback_title``)."""
    structure = doc.structure if doc is not None and doc.structure is not None else recover_structure(work.text)
    headings = structure.chapters
    story = next((b.text for c in layout.chapters for b in c.blocks if b.kind is BlockKind.PROSE), "")
    title = headings[0].title if len(headings) == 1 else ""
    return fallback_title(Work(id=work.id, source=work.source, chapters=[Chapter(1, title, text=story)]))


def work_identifier(work_id: str) -> str:
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, work_id)}"


def preface(work: Work, doc: Doc | None, link: str, chapter_count: int) -> Preface:
    stats = work.source_stats
    words = doc.stats.words if doc is not None and doc.stats is not None else 0
    if not words:
        words = int(stats["words"]) if stats.get("words", "").isdigit() else count_words(work.text)
    total = "?" if work.complete is False else str(chapter_count)
    return Preface(
        title=fallback_title(work),
        authors=[a for a in work.authors if a.strip()] or ["Anonymous"],
        summary=work.summary,
        language=work.language or (doc.language if doc is not None else "") or "und",
        identifier=work_identifier(work.id),
        tags=tag_groups(work, doc),
        series=[f"Part {s.part} of {s.name}" if s.part else s.name for s in work.series],
        words=words,
        chapters=f"{chapter_count}/{total}",
        published=stats.get("published", ""),
        updated=stats.get("updated", "") or stats.get("completed", ""),
        link=link,
    )


def tag_groups(work: Work, doc: Doc | None) -> list[TagGroup]:
    suggested = suggested_tags(doc) if doc is not None else {}
    groups = []
    for kind, label in TAG_LABELS.items():
        own = _unique(work.tag_names(kind))
        if own:
            groups.append(TagGroup(kind, label, own))
        elif suggested.get(kind):
            groups.append(TagGroup(kind, label, suggested[kind], suggested=True))
    return groups


def suggested_tags(doc: Doc) -> dict[TagKind, tuple[str, ...]]:
    """The analysis's tags by kind: the top fandom (and any scoring at least half as high), every character
    and relationship found, the rating, warnings, category and additional tags."""
    top = doc.fandoms[0].score if doc.fandoms else 0.0
    return {
        TagKind.RATING: (doc.rating.name,) if doc.rating else (),
        TagKind.WARNING: _unique(t.name for t in doc.warnings),
        TagKind.CATEGORY: _unique(t.name for t in doc.category),
        TagKind.FANDOM: _unique(f.name for f in doc.fandoms if f.score >= top / 2),
        TagKind.RELATIONSHIP: _unique(r.tag for r in doc.relationships),
        TagKind.CHARACTER: _unique(c.tag or c.name for c in doc.characters),
        TagKind.FREEFORM: _unique(t.name for t in doc.freeforms),
    }


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(name.strip() for name in names if name.strip()))
