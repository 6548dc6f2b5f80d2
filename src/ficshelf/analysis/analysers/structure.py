"""Structure recovery for works that arrive as plain text: chapters, notes, lyrics, POV headers, scene breaks.

``recover_structure(text)`` is pure (no I/O) and deterministic. It cuts the text into paragraphs with one
regular expression (a paragraph is a run of non-blank lines), classifies the short ones with the line rules
of ``structure_rules``, then decides by position which paragraphs are author's notes and which blank runs
are scene breaks. Offsets are character offsets into ``text``.

Input is expected with "\\n" line ends (the importers normalise them); "\\r\\n" does not break anything: the
"\\r" counts as trailing whitespace, so spans simply stop before it. See docs/structure.md.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from typing import Final

from ficshelf.analysis.analysers import structure_notes as notes
from ficshelf.analysis.analysers import structure_rules as rules

__all__ = ["ChapterHeading", "LyricBlock", "Span", "Structure", "recover_structure"]


@dataclass(frozen=True, slots=True)
class Span:
    """A region of the text; ``text == source[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ChapterHeading:
    number: int  # 1, 2, …; "Prologue" → 0; "Epilogue" → last + 1; roman numerals converted
    title: str  # "Heart Break" for "Chapter 1 – Heart Break"; "" when none; "Prologue" for a bare "Prologue"
    line: str  # the heading line as written
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class LyricBlock:
    first_line: str  # without the opening quote mark
    lines: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Structure:
    chapters: tuple[ChapterHeading, ...]
    notes_beginning: tuple[Span, ...]  # notes before the story or right after a heading, "A/N:" kept as written
    notes_end: tuple[Span, ...]  # notes after the story or at a chapter's end, one Span per paragraph
    lyric_blocks: tuple[LyricBlock, ...]
    section_headers: tuple[Span, ...]  # POV/section header lines verbatim ("- Naruto -", "Sakura's POV")
    scene_breaks: tuple[Span, ...]  # a separator line, or the run of blank lines between two paragraphs
    paragraphs: tuple[Span, ...]  # the story's own paragraphs (not notes, headings, headers, lyrics, breaks)


# A paragraph: non-blank lines joined by single newlines, from its first to its last non-space character.
_PARAGRAPH_RE: Final = re.compile(r"\S(?:[^\n]*\S)?(?:[^\S\n]*\n[^\S\n]*\S(?:[^\n]*\S)?)*")
_SHORT: Final = 100  # longer paragraphs are never headings, headers or separators

# Unit kinds.
PARA, HEADING, HEADER, SEP, LYRIC, NOTE_B, NOTE_E, BARE, END, MULTI = range(10)
_STRONG, _MID, _WEAK = 4, 3, 2  # note_score thresholds


_Data = tuple[int, str] | tuple[str, int] | int | None


def _classify(line: str) -> tuple[int, _Data]:
    """Kind of a short one-line unit, with its heading data (``(number, title)``) or bare number."""
    if line[0] in rules.QUOTE_OPENERS or (
        line[-1] in ".!?" and line[0].isalpha() and line[-2:] != ".." and not rules.sentence_special(line)
    ):
        return PARA, None  # dialogue or a sentence: the common case, decided without the rules below
    heading = rules.parse_heading(line)
    if heading is not None:
        return HEADING, heading
    bare = rules.parse_bare_number(line)
    if bare is not None:
        return BARE, bare
    if rules.is_separator(line):
        return SEP, None
    if rules.is_section_header(line):
        return HEADER, None
    if rules.is_end_marker(line):
        return END, None
    return PARA, None


class _Recovery:
    """The units of one text (paragraphs, or lines in line mode) as parallel lists, and the passes over them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.gaps: list[int] = []  # blank lines before the unit (0: same paragraph as the previous unit)
        self.kinds: list[int] = []
        self.data: dict[int, _Data] = {}  # heading (number, title), bare number, lyric (first line, lines)
        self.line_mode = False
        self.typical_gap = 1

    # ------------------------------------------------------------------ cutting the text into units

    def cut(self) -> None:
        text, starts, ends, gaps, kinds, data = (
            self.text, self.starts, self.ends, self.gaps, self.kinds, self.data,
        )  # fmt: skip
        multi: list[int] = []
        previous = 0
        for match in _PARAGRAPH_RE.finditer(text):
            start, end = match.span()
            gaps.append(text.count("\n", previous, start) - 1)
            previous = end
            starts.append(start)
            ends.append(end)
            if text.find("\n", start, end) >= 0:
                multi.append(len(kinds))
                kinds.append(MULTI)
            elif end - start <= _SHORT:
                kind, found = _classify(match.group())
                if found is not None:
                    data[len(kinds)] = found
                kinds.append(kind)
            else:
                kinds.append(PARA)
        if gaps:
            gaps[0] = 0
        if multi:
            self._expand(multi)
        self.typical_gap = self._usual_gap()
        self._name_headers()

    def _name_headers(self) -> None:
        """A bare name right after a separator, starting a new scene, is a POV header ("* * *" / "Remus");
        when the text does that, a bare name opening the text is one too."""
        kinds, count = self.kinds, len(self.kinds)
        found = False
        for i in [i + 1 for i, kind in enumerate(kinds) if kind == SEP]:
            if i + 1 < count and kinds[i] == PARA and kinds[i + 1] == PARA and rules.is_name_line(self._paragraph(i)):
                kinds[i] = HEADER
                found = True
        if found and count > 1 and kinds[0] == kinds[1] == PARA and rules.is_name_line(self._paragraph(0)):
            kinds[0] = HEADER

    def _usual_gap(self) -> int:
        """The widest blank run that still separates ordinary paragraphs; wider runs are scene breaks.

        The most common gap, raised while wider gaps are too common to be breaks (more than 4 and more than
        30% of all gaps: a text that separates paragraphs irregularly).
        """
        counts = Counter(self.gaps[1:])
        if not self.line_mode:
            counts.pop(0, None)
        if not counts:
            return 0 if self.line_mode else 1
        usual = max(counts.items(), key=lambda item: (item[1], -item[0]))[0]
        total = sum(counts.values())
        wider = sum(count for gap, count in counts.items() if gap > usual)
        while wider >= 4 and wider * 10 > total * 3:
            usual = min(gap for gap in counts if gap > usual)
            wider -= counts[usual]
        return usual

    def _expand(self, multi: list[int]) -> None:
        """Split multi-line paragraphs into lyric blocks and prose (or into lines, in line mode)."""
        split = {i: self._lines(i) for i in multi}
        joins = sum(len(lines) - 1 for lines in split.values())
        long_lines = sum(1 for lines in split.values() for _, _, line in lines if len(line) > _SHORT)
        self.line_mode = joins > len(self.kinds) and long_lines * 5 >= joins
        old_starts, old_ends, old_gaps, old_kinds, old_data = (
            self.starts, self.ends, self.gaps, self.kinds, self.data,
        )  # fmt: skip
        self.starts, self.ends, self.gaps, self.kinds, self.data = [], [], [], [], {}
        done = 0
        carried = list(old_data.items())  # keys ascending: filled in text order
        at = 0
        for i in [*multi, len(old_kinds)]:
            shift = len(self.kinds) - done
            while at < len(carried) and carried[at][0] < i:
                self.data[carried[at][0] + shift] = carried[at][1]
                at += 1
            self.starts += old_starts[done:i]
            self.ends += old_ends[done:i]
            self.gaps += old_gaps[done:i]
            self.kinds += old_kinds[done:i]
            if i == len(old_kinds):
                break
            first_unit = len(self.kinds)
            self._split_paragraph(split[i])
            self.gaps[first_unit] = old_gaps[i]
            done = i + 1

    def _lines(self, i: int) -> list[tuple[int, int, str]]:
        offset = self.starts[i]
        result = []
        for raw in self.text[offset : self.ends[i]].split("\n"):
            line = raw.strip()
            start = offset + len(raw) - len(raw.lstrip())
            result.append((start, start + len(line), line))
            offset += len(raw) + 1
        return result

    def _split_paragraph(self, lines: list[tuple[int, int, str]]) -> None:
        if not self.line_mode:
            heading = self._two_line_heading(lines)
            if heading is not None:
                self._add(lines[0][0], lines[1][1], HEADING, heading)
                return
        piece = 0
        for k, (start, end, line) in enumerate(lines):
            if len(line) <= _SHORT and rules.is_separator(line):
                self._add_verse_and_prose(lines[piece:k])
                self._add(start, end, SEP, None)
                piece = k + 1
        self._add_verse_and_prose(lines[piece:])

    def _add_verse_and_prose(self, lines: list[tuple[int, int, str]]) -> None:
        runs = rules.find_lyric_runs([line for _, _, line in lines]) if len(lines) >= 3 else []
        cursor = 0
        for lo, hi in [*runs, (len(lines), len(lines))]:
            self._add_prose(lines[cursor:lo])
            if lo < hi:
                first_line = rules.lyric_first_line(lines[lo][2])
                self._add(lines[lo][0], lines[hi - 1][1], LYRIC, (first_line, hi - lo))
            cursor = hi

    def _add(self, start: int, end: int, kind: int, found: _Data) -> None:
        if found is not None:
            self.data[len(self.kinds)] = found
        self.starts.append(start)
        self.ends.append(end)
        self.gaps.append(0)
        self.kinds.append(kind)

    def _add_prose(self, lines: list[tuple[int, int, str]]) -> None:
        if not lines:
            return
        if not self.line_mode and len(lines) > 1:
            first = lines[0][2]
            if len(first) <= _SHORT:
                kind, found = _classify(first)
                if kind in (HEADER, HEADING):  # "- Naruto -" with the text right under it
                    self._add(lines[0][0], lines[0][1], kind, found)
                    self._add_prose(lines[1:])
                    return
            self._add(lines[0][0], lines[-1][1], PARA, None)
            return
        for start, end, line in lines:
            if len(line) <= _SHORT:
                self._add(start, end, *_classify(line))
            else:
                self._add(start, end, PARA, None)

    @staticmethod
    def _two_line_heading(lines: list[tuple[int, int, str]]) -> tuple[int, str] | None:
        """ "Chapter 2" with its title alone on the next line."""
        if len(lines) != 2 or len(lines[0][2]) > _SHORT:
            return None
        heading = rules.parse_heading(lines[0][2])
        if heading is None or heading[1] not in ("", "Prologue", "Epilogue") or not rules.title_line(lines[1][2]):
            return None
        return heading[0], lines[1][2]

    # ------------------------------------------------------------------ chapters

    def resolve_headings(self) -> list[int]:
        """Keep bare numbers ("1.", "IV") that run in order; number epilogues; return heading indices."""
        kinds, data = self.kinds, self.data
        candidates = [i for i, kind in enumerate(kinds) if kind in (HEADING, BARE)]
        expected, last, accepted_bare = 1, 0, []
        keyword_headings = 0
        for i in candidates:
            if kinds[i] == HEADING:
                number, title = _heading_data(data[i])
                if number == rules.EPILOGUE:
                    number = last + 1
                    data[i] = (number, title)
                keyword_headings += 1
            else:
                number = _bare_data(data[i])
                if number != expected:
                    continue
                accepted_bare.append(i)
            expected, last = number + 1, max(last, number)
        for i, j, k in zip(candidates, candidates[1:], candidates[2:], strict=False):
            if k - i == 2 and kinds[i] == kinds[j] == kinds[k] == HEADING:
                kinds[i] = kinds[j] = kinds[k] = PARA  # a table of contents, not three empty chapters
        near_start = len(accepted_bare) == 1 and accepted_bare[0] <= 2
        keep_bare = len(accepted_bare) >= 2 or near_start or bool(accepted_bare and keyword_headings)
        for i in candidates:
            if kinds[i] == BARE:
                if keep_bare and i in accepted_bare:
                    kinds[i] = HEADING
                    data[i] = (_bare_data(data[i]), "")
                else:
                    kinds[i] = PARA
                    del data[i]
        return [i for i in candidates if kinds[i] == HEADING]

    # ------------------------------------------------------------------ author's notes

    def find_notes(self, headings: list[int]) -> None:
        bounds = [-1, *headings, len(self.kinds)]
        for before, hi in itertools.pairwise(bounds):
            lo = before + 1
            if lo < hi:
                self._notes_at_start(lo, hi)
                self._notes_at_end(lo, hi)
        self._notes_inside(bounds)

    def _paragraph(self, i: int) -> str:
        return self.text[self.starts[i] : self.ends[i]]

    def _notes_at_start(self, lo: int, hi: int) -> None:
        """Notes before the story (or right after a heading): marked, or note-like, or a pitch before a gap."""
        kinds, gaps, typical = self.kinds, self.gaps, self.typical_gap
        in_note, titles = False, 1 if lo == 0 else 0
        i = lo
        while i < hi and kinds[i] in (PARA, HEADER):
            paragraph = self._paragraph(i)
            if kinds[i] == HEADER:  # "☆Happy Reading☆" closing the notes; a POV header starts the story
                if not (in_note and notes.note_score(paragraph) >= _WEAK):
                    return
                kinds[i] = NOTE_B
                i += 1
                continue
            following = i + 1
            gap_after = (following == hi and hi < len(kinds)) or (
                following < hi and (kinds[following] == SEP or gaps[following] > typical)
            )
            if notes.note_marker(paragraph) or notes.meta_marker(paragraph):
                note = True
            else:
                score = notes.note_score(paragraph)
                note = (
                    score >= _STRONG
                    or (gap_after and score >= _MID)
                    or (in_note and score >= _WEAK and gaps[i] <= typical)
                )
            if note:
                kinds[i] = NOTE_B
                in_note = True
            elif titles and not in_note and notes.title_like(paragraph):
                titles -= 1  # a title line above the notes
            else:
                return
            i += 1

    def _notes_at_end(self, lo: int, hi: int) -> None:
        """Trailing note-like paragraphs; the first must be strong, or set off by a gap, separator or "The End"."""
        kinds, gaps, typical = self.kinds, self.gaps, self.typical_gap
        group: list[tuple[int, int]] = []
        j = hi - 1
        while j >= lo and kinds[j] in (PARA, LYRIC):
            # Verse inside a trailing note belongs to it, but can never be the note's first paragraph.
            score = _WEAK if kinds[j] == LYRIC else self._end_note_score(self._paragraph(j))
            if score < _WEAK:
                break
            group.append((j, score))
            j -= 1
        for i, score in reversed(group):
            set_off = i > lo and (kinds[i - 1] in (SEP, END) or gaps[i] > typical)
            if score >= _STRONG or (set_off and score >= _MID):
                for k in range(i, hi):
                    kinds[k] = NOTE_E
                return

    @staticmethod
    def _end_note_score(paragraph: str) -> int:
        return 99 if notes.note_marker(paragraph) else notes.note_score(paragraph)

    def _notes_inside(self, bounds: list[int]) -> None:
        """An explicit "A/N:" in the middle of a chapter: a beginning note in its first half, else an end note."""
        starts, kinds, text = self.starts, self.kinds, self.text
        for match in notes.NOTE_LINE_RE.finditer(text):
            i = bisect_left(starts, match.start())
            if i == len(starts) or starts[i] >= match.end() or kinds[i] != PARA:
                continue
            if not notes.note_marker(self._paragraph(i)):
                continue
            section = bisect_left(bounds, i)
            lo, hi = bounds[section - 1] + 1, bounds[section]
            kinds[i] = NOTE_B if i - lo < hi - i else NOTE_E

    # ------------------------------------------------------------------ scene breaks

    def find_breaks(self) -> list[tuple[int, int]]:
        """Separator lines between story content, and blank runs wider than usual between two paragraphs."""
        text, starts, ends, gaps, kinds = self.text, self.starts, self.ends, self.gaps, self.kinds
        found: list[tuple[int, int]] = []
        typical = self.typical_gap
        for i in [i for i, gap in enumerate(gaps) if gap > typical]:
            if i and kinds[i] == PARA and kinds[i - 1] == PARA and gaps[i] > self._local_gap(i):
                found.append((text.find("\n", ends[i - 1]) + 1, text.rfind("\n", 0, starts[i]) + 1))
        content = (PARA, LYRIC, HEADER)
        i, count = 0, len(kinds)
        while i < count:
            if kinds[i] != SEP:
                i += 1
                continue
            j = i
            while j + 1 < count and kinds[j + 1] == SEP:
                j += 1
            if i and j + 1 < count and kinds[i - 1] in content and kinds[j + 1] in content:
                found.append((starts[i], ends[j]))
            i = j + 1
        found.sort()
        return found

    def _local_gap(self, i: int) -> int:
        """The lower median of the gaps around unit ``i``: in a stretch where every paragraph is set off by
        the same wide gap, that gap is not a break."""
        gaps = self.gaps
        window = [gap for gap in gaps[max(1, i - 5) : i] + gaps[i + 1 : i + 6] if gap or self.line_mode]
        return sorted(window)[(len(window) - 1) // 2] if window else 0

    # ------------------------------------------------------------------ result

    def result(self, headings: list[int], breaks: list[tuple[int, int]]) -> Structure:
        text, starts, ends, kinds, data = self.text, self.starts, self.ends, self.kinds, self.data
        paragraphs: list[Span] = []
        spans: dict[int, list[Span]] = {NOTE_B: [], NOTE_E: [], HEADER: []}
        lyrics: list[LyricBlock] = []
        for i, (start, end, kind) in enumerate(zip(starts, ends, kinds, strict=True)):
            if kind in (PARA, END):
                paragraphs.append(Span(start, end, text[start:end]))
            elif kind == LYRIC:
                first_line, lines = _lyric_data(data[i])
                lyrics.append(LyricBlock(first_line, lines, start, end))
            elif kind in spans:
                spans[kind].append(Span(start, end, text[start:end]))
        chapters = []
        for i in headings:
            number, title = _heading_data(data[i])
            line = text[starts[i] : ends[i]].split("\n", 1)[0].strip()
            chapters.append(ChapterHeading(number, title, line, starts[i], ends[i]))
        return Structure(
            chapters=tuple(chapters),
            notes_beginning=tuple(spans[NOTE_B]),
            notes_end=tuple(spans[NOTE_E]),
            lyric_blocks=tuple(lyrics),
            section_headers=tuple(spans[HEADER]),
            scene_breaks=tuple(Span(start, end, text[start:end]) for start, end in breaks),
            paragraphs=tuple(paragraphs),
        )


def _heading_data(found: _Data) -> tuple[int, str]:
    assert isinstance(found, tuple) and isinstance(found[0], int) and isinstance(found[1], str)
    return found[0], found[1]


def _bare_data(found: _Data) -> int:
    assert isinstance(found, int)
    return found


def _lyric_data(found: _Data) -> tuple[str, int]:
    assert isinstance(found, tuple) and isinstance(found[0], str) and isinstance(found[1], int)
    return found[0], found[1]


def recover_structure(text: str) -> Structure:
    """Chapters, author's notes, lyric blocks, POV headers, scene breaks and story paragraphs of ``text``."""
    recovery = _Recovery(text)
    recovery.cut()
    headings = recovery.resolve_headings()
    recovery.find_notes(headings)
    breaks = recovery.find_breaks()
    return recovery.result(headings, breaks)
