"""A title for a work whose file names none: a raw text, Markdown or HTML page without one.

``split_title(text, source)`` takes the title a text surely opens with (see there) and returns the text without
a bare title paragraph, so the story does not begin by repeating it. ``fallback_title(work)`` names a work that
still has no title: its only chapter's title, else its file name when that has words, else a title-like first
line, else the first words of its story. Never empty. Pure functions: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import Final

from ficshelf.analysis.analysers import structure_notes as notes
from ficshelf.analysis.analysers import structure_rules as rules
from ficshelf.model import Work

#: Longest first line taken as a title, in characters and in words.
MAX_TITLE_CHARS: Final = 80
MAX_TITLE_WORDS: Final = 12
#: How many words of the story name a work that has no other title.
OPENING_WORDS: Final = 8
#: The last resort, for a work with neither a title, a useful file name nor words.
UNTITLED: Final = "Untitled work"

_PARAGRAPHS: Final = re.compile(r"\n[^\S\n]*\n\s*")
_PARAGRAPH: Final = re.compile(r"\S(?:[^\n]|\n(?![^\S\n]*\n))*")
#: "by Name" / "By: Name": a name of at most four words, no sentence ("By the time she came, …" is story).
_BYLINE: Final = re.compile(
    r"(?i)by[:\s]\s*(?!(?:the|a|an|his|her|their|my|our|your|its|this|that|now|then|morning|night)\b)"
    r"(?P<name>[^\s,.;:!?]+(?: [^\s,.;:!?]+){0,3})"
)
_TITLE_FIELD: Final = re.compile(r"(?im)^[^\S\n]*title[^\S\n]*:[^\S\n]*(?P<title>\S[^\n]{0,199}?)[^\S\n]*$")
_QUOTES: Final = "\"“”'‘’«»„"
_SENTENCE_END: Final = '.,;:"”’…—–-。，；：」』'
#: A date or a year: "September 19th, 2002", "March 2018", "11 July 1970" open scenes, not works.
_DATE: Final = re.compile(
    r"\b(?:1[5-9]|20)\d\d\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d", re.I
)
_NAME_PART: Final = re.compile(r"[^\W_]+")
#: A file-name part that is an identifier, not a word: digits, or a long run of hex digits with a digit in it.
_ID_PART: Final = re.compile(r"\d+|(?=[0-9a-f]*\d)[0-9a-f]{6,}", re.I)
_WORD: Final = re.compile(r"\S+")
#: A JSON Lines record's source ("dev.jsonl:12"): the file names many works, none of them.
_RECORD: Final = re.compile(r"\.jsonl?:\d+$", re.I)
#: File names the web and the importers give works that came without a file.
_NO_FILE: Final = frozenset({"", "web", "text", "stdin", "-"})


@dataclass(frozen=True, slots=True)
class Opening:
    """What a text's first lines say: its title, its author (from a "by …" line), and the text to keep."""

    title: str
    author: str
    text: str


def split_title(text: str, source: str = "") -> Opening:
    """The title a text surely opens with, and the text without a bare title (and byline) paragraph.

    Sure means: a "Title: …" line in the front matter (it stays, with the other notes), or a title line with a
    "by Name" line under it or alone after it, or a title line that repeats the file name's words. A lone short
    first line is not sure (it may be a date, a place, a line of verse): ``fallback_title`` may still use it,
    but it is never cut from the story."""
    field = _TITLE_FIELD.search(text[:2000])
    if field is not None and _front_matter(text, field.start()):
        return Opening(_strip_quotes(field["title"]), "", text)
    stripped = text.lstrip()
    parts = _PARAGRAPHS.split(stripped, maxsplit=2)
    if len(parts) < 2 or not parts[1].strip():
        return Opening("", "", text)
    lines = [line.strip() for line in parts[0].split("\n")]
    if len(lines) > 2 or not is_title_line(lines[0]):
        return Opening("", "", text)
    byline = _BYLINE.fullmatch(lines[1]) if len(lines) == 2 else None
    rest = stripped[len(parts[0]) :].lstrip()
    if byline is None and len(lines) == 1 and len(parts) == 3 and "\n" not in parts[1].strip():
        byline = _BYLINE.fullmatch(parts[1].strip())
        rest = parts[2] if byline else rest
    if byline is not None:
        return Opening(_strip_quotes(lines[0]), byline["name"].strip(), rest)
    if len(lines) == 1 and _words(lines[0]) == _words(title_from_source(source)):
        return Opening(_strip_quotes(lines[0]), "", rest)
    return Opening("", "", text)


def is_title_line(line: str) -> bool:
    """A line that reads as a title: short, with a letter, not a sentence, a date, a heading, a note, a scene
    break or a POV header."""
    if not line or len(line) > MAX_TITLE_CHARS or len(line.split()) > MAX_TITLE_WORDS:
        return False
    if sum(c.isalpha() for c in line) < 2 or line[0] in _QUOTES or line[-1] in _SENTENCE_END:
        return False
    if line[-1] in "!?" and len(line.split()) > 6:
        return False  # a short "Run!" may be a title; a long exclamation is a sentence
    return not (
        _DATE.search(line)
        or rules.parse_heading(line) is not None
        or rules.parse_bare_number(line) is not None
        or rules.is_separator(line)
        or rules.is_section_header(line)
        or rules.is_end_marker(line)
        or notes.note_marker(line)
        or notes.meta_marker(line)
    )


def fallback_title(work: Work) -> str:
    """A title for ``work``: its own, else its only chapter's title, the words of its file name, a title-like
    first line, its first words; never empty."""
    if work.title.strip():
        return work.title.strip()
    if len(work.chapters) == 1 and work.chapters[0].title.strip():
        return work.chapters[0].title.strip()
    text = work.chapters[0].text if work.chapters else ""
    first = text.lstrip().split("\n", 1)[0].strip()
    line = _strip_quotes(first) if is_title_line(first) and text.strip() != first else ""
    return title_from_source(work.source) or line or opening_words(text) or UNTITLED


def title_from_source(source: str) -> str:
    """The words of a file name ("under_the-cherry tree.txt" → "Under the cherry tree"); "" for a name that
    is only numbers and identifiers ("001_ec05fc822d4404d6.txt") or for a work without a file."""
    name = PurePath(source.split("!")[-1]).name
    stem = name.rsplit(".", 1)[0] if "." in name else name
    if stem.lower() in _NO_FILE or _RECORD.search(name):
        return ""
    words = [w for w in _NAME_PART.findall(stem) if not _ID_PART.fullmatch(w)]
    if not any(len(w) > 1 for w in words):
        return ""
    title = " ".join(_NAME_PART.findall(stem))
    return title[0].upper() + title[1:]


def opening_words(text: str) -> str:
    """The story's first words: its first sentence when that is short, else its first words; "…" when the story
    goes on."""
    words = _WORD.findall(_story_start(text[:4000]))
    if not words:
        return ""
    head = words[:OPENING_WORDS]
    ends = [i for i, word in enumerate(head) if word.rstrip(_QUOTES + ")").endswith((".", "!", "?", "…"))]
    if ends:
        head = head[: ends[0] + 1]
    title = " ".join(head).strip(_QUOTES + " ").rstrip(".,;:…")
    return f"{title}…" if len(head) < len(words) else title


def _story_start(text: str) -> str:
    """The text from its first paragraph of story: POV headers, scene breaks and headings before it skipped."""
    for match in _PARAGRAPH.finditer(text):
        line = match.group().strip()
        if "\n" in line or not (
            rules.is_section_header(line) or rules.is_separator(line) or rules.parse_heading(line) is not None
        ):
            return text[match.start() :]
    return text


def _front_matter(text: str, at: int) -> bool:
    """A "Title:" line in the first paragraph (or the first of a run of "Label: value" lines)."""
    return not text[:at].strip() or bool(notes.meta_marker(text[:at].strip()))


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _NAME_PART.findall(text)]


def _strip_quotes(title: str) -> str:
    return title.strip().strip(_QUOTES + "*_~").strip() or title.strip()
