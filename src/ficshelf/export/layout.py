"""A work laid out for reading: chapters of typed blocks (prose, lyrics, POV headers, scene breaks, notes).

Both exports (EPUB and single-file HTML) render the same ``Layout``, so they show the same content. The
structure comes from the analysis (``Doc.structure``, offsets into ``Work.text``) or, without a Doc, from
``recover_structure`` run here (pure and fast). Every character of the story text lands in some block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final

from ficshelf.analysis.analysers.structure import Structure, recover_structure
from ficshelf.model import Work

_PARAGRAPH: Final = re.compile(r"\S(?:[^\n]*\S)?(?:[^\S\n]*\n[^\S\n]*\S(?:[^\n]*\S)?)*")


class BlockKind(StrEnum):
    PROSE = "prose"
    LYRICS = "lyrics"
    HEADER = "header"  # a POV/section header line ("- Naruto -", "Sakura's POV")
    BREAK = "break"  # a scene break
    NOTE = "note"  # an author's note in the middle of a chapter


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    text: str = ""


@dataclass(slots=True)
class ChapterLayout:
    number: int
    title: str  # the display title: "Chapter 2: Heart Break", "Prologue", or the work's title for a one-shot
    summary: str = ""
    notes_beginning: list[str] = field(default_factory=list)
    notes_end: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)


@dataclass(slots=True)
class Layout:
    notes_beginning: list[str]
    notes_end: list[str]
    chapters: list[ChapterLayout]


@dataclass(frozen=True, slots=True)
class _Mark:
    start: int
    end: int
    block: Block | None  # None: a chapter heading (the chapter title shows it) or an author's note
    note: bool = False


def lay_out(work: Work, structure: Structure | None = None) -> Layout:
    """The reading layout of ``work``; ``structure`` must have been recovered from ``work.text``."""
    text = work.text
    found = structure if structure is not None else recover_structure(text)
    marks = _marks(text, found)
    ranges = _chapter_ranges(work, found, len(text))
    chapters = [_chapter(text, marks, number, title, start, end) for number, title, start, end in ranges]
    layout = Layout(list(work.notes_beginning), list(work.notes_end), chapters)
    if work.needs_structure and found.chapters and found.chapters[0].start > 0:
        front = _chapter(text, marks, 0, "", 0, found.chapters[0].start)  # before the first heading
        layout.notes_beginning += front.notes_beginning + front.notes_end
        chapters[0].blocks[:0] = front.blocks
    if not work.needs_structure:
        for model, laid in zip(work.chapters, chapters, strict=True):
            laid.summary = model.summary
            laid.notes_beginning = list(model.notes_beginning) + laid.notes_beginning
            laid.notes_end += model.notes_end
    if len(chapters) == 1:  # a one-shot's notes are the work's notes, as on AO3
        only = chapters[0]
        layout.notes_beginning += only.notes_beginning
        layout.notes_end = only.notes_end + layout.notes_end
        only.notes_beginning, only.notes_end = [], []
    return layout


def _marks(text: str, found: Structure) -> list[_Mark]:
    marks = [_Mark(s.start, s.end, None, note=True) for s in (*found.notes_beginning, *found.notes_end)]
    marks += [_Mark(b.start, b.end, Block(BlockKind.LYRICS, text[b.start : b.end])) for b in found.lyric_blocks]
    marks += [_Mark(s.start, s.end, Block(BlockKind.HEADER, s.text.strip())) for s in found.section_headers]
    marks += [_Mark(h.start, h.end, None) for h in found.chapters]
    for s in found.scene_breaks:
        end = s.end if s.text.strip() else s.start  # a separator line is replaced; a blank run is kept
        marks.append(_Mark(s.start, end, Block(BlockKind.BREAK)))
    return sorted(marks, key=lambda m: (m.start, m.end))


def _chapter_ranges(work: Work, found: Structure, length: int) -> list[tuple[int, str, int, int]]:
    """(number, display title, start, end) of each chapter in ``work.text``."""
    if work.needs_structure and found.chapters:
        starts = [h.start for h in found.chapters]
        ends = [*starts[1:], length]
        return [
            (h.number, _title(h.number, h.title, len(found.chapters)), start, end)
            for h, start, end in zip(found.chapters, starts, ends, strict=True)
        ]
    ranges = []
    for chapter in work.chapters:  # Work.text has just set each chapter's start
        title = _title(chapter.number, chapter.title, len(work.chapters)) if len(work.chapters) > 1 else ""
        ranges.append((chapter.number, title or chapter.title, chapter.start, chapter.start + len(chapter.text)))
    return ranges


def _title(number: int, title: str, count: int) -> str:
    if number <= 0 or (title and title.lower() in {"prologue", "epilogue"}):
        return title or "Prologue"
    if count == 1 and not title:
        return ""
    return f"Chapter {number}: {title}" if title else f"Chapter {number}"


def _chapter(text: str, marks: list[_Mark], number: int, title: str, start: int, end: int) -> ChapterLayout:
    chapter = ChapterLayout(number, title)
    body: list[Block] = []
    pending: list[str] = []  # notes seen since the last story block
    pos = start
    for mark in marks:
        if not start <= mark.start < end:
            continue
        _prose(text[pos : mark.start], body, pending, chapter)
        if mark.note:
            pending.append(text[mark.start : mark.end].strip())
        elif mark.block is not None:
            _flush(pending, body, chapter)
            body.append(mark.block)
        pos = max(pos, mark.end)
    _prose(text[pos:end], body, pending, chapter)
    chapter.notes_end = pending
    chapter.blocks = _trim_breaks(body)
    return chapter


def _prose(region: str, body: list[Block], pending: list[str], chapter: ChapterLayout) -> None:
    for match in _PARAGRAPH.finditer(region):
        _flush(pending, body, chapter)
        body.append(Block(BlockKind.PROSE, match.group(0)))


def _flush(pending: list[str], body: list[Block], chapter: ChapterLayout) -> None:
    """Notes before the first story block open the chapter; later ones stay where they stand."""
    if not body:
        chapter.notes_beginning += pending
    else:
        body += [Block(BlockKind.NOTE, note) for note in pending]
    pending.clear()


def _trim_breaks(blocks: list[Block]) -> list[Block]:
    """No scene break at either end of a chapter, and never two in a row."""
    out: list[Block] = []
    for block in blocks:
        if block.kind is BlockKind.BREAK and (not out or out[-1].kind is BlockKind.BREAK):
            continue
        out.append(block)
    while out and out[-1].kind is BlockKind.BREAK:
        out.pop()
    return out
