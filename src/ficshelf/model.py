"""The story model, in AO3's nouns: a Work has Chapters, Notes and Tags.

Plain dataclasses with no behaviour beyond small derived properties. Importers build them, the analysis
pipeline reads them, the store persists them.

Text convention: every Chapter carries its own body ``text`` as plain text, paragraphs separated by a blank
line ("\\n\\n"); a separator paragraph made from an HTML ``<hr>`` is written as ``SCENE_BREAK_LINE``. Offsets in
analysis results are character offsets into ``Work.text`` (see ``Work.text`` and ``Chapter.start``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

#: How an HTML ``<hr>`` (or an EPUB scene-break image) is written into chapter text.
SCENE_BREAK_LINE = "* * *"
#: Separator placed between chapters in ``Work.text``.
CHAPTER_SEPARATOR = "\n\n\n"


class TagKind(StrEnum):
    """The kinds of tag AO3 has, in AO3's order on a work page."""

    RATING = "rating"
    WARNING = "warning"
    CATEGORY = "category"
    FANDOM = "fandom"
    RELATIONSHIP = "relationship"
    CHARACTER = "character"
    FREEFORM = "freeform"


#: AO3's heading for each kind of tag on a work page, in AO3's order (work pages, EPUB and HTML title pages).
TAG_LABELS: dict[TagKind, str] = {
    TagKind.RATING: "Rating",
    TagKind.WARNING: "Archive Warnings",
    TagKind.CATEGORY: "Category",
    TagKind.FANDOM: "Fandoms",
    TagKind.RELATIONSHIP: "Relationships",
    TagKind.CHARACTER: "Characters",
    TagKind.FREEFORM: "Additional Tags",
}


@dataclass(frozen=True, slots=True)
class Tag:
    kind: TagKind
    name: str


@dataclass(slots=True)
class Chapter:
    """One chapter: its heading data, its own notes and summary, and its body text."""

    number: int
    title: str = ""
    summary: str = ""
    notes_beginning: list[str] = field(default_factory=list)
    notes_end: list[str] = field(default_factory=list)
    text: str = ""
    #: The heading line as written in the source ("Chapter 1 – Heart Break"), if there was one.
    heading: str = ""
    #: Offset of this chapter's ``text`` inside ``Work.text``; set by ``Work.text``'s builder.
    start: int = 0


@dataclass(slots=True)
class Series:
    name: str
    part: int | None = None


@dataclass(slots=True)
class Work:
    """A work as an importer found it. ``id`` is unique within one import run."""

    id: str
    source: str
    title: str = ""
    authors: list[str] = field(default_factory=list)
    summary: str = ""
    language: str = ""
    notes_beginning: list[str] = field(default_factory=list)
    notes_end: list[str] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)
    series: list[Series] = field(default_factory=list)
    #: Statistics as the source page states them ("words", "chapters", "kudos", "hits", "published" …).
    source_stats: dict[str, str] = field(default_factory=dict)
    #: ``True``/``False`` when the source says whether the work is complete, else ``None``.
    complete: bool | None = None
    #: ``True`` when the source was raw text whose chapters and notes still need recovering.
    needs_structure: bool = False

    def tag_names(self, kind: TagKind) -> list[str]:
        return [t.name for t in self.tags if t.kind is kind]

    @property
    def text(self) -> str:
        """All chapter texts joined; sets each chapter's ``start`` offset as a side effect of joining."""
        parts: list[str] = []
        offset = 0
        for i, chapter in enumerate(self.chapters):
            if i:
                parts.append(CHAPTER_SEPARATOR)
                offset += len(CHAPTER_SEPARATOR)
            chapter.start = offset
            parts.append(chapter.text)
            offset += len(chapter.text)
        return "".join(parts)
